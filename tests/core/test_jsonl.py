"""The JSON Lines exchange: a line says everything and checks everything."""
from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.jsonl import DocumentLine, Link, Span, decode, encode
from annotator.core.provenance import UNKNOWN, Provenance

PIECES = ["قال", "الجيش", "مَدِينَة", "47", "٣", "Shoigu", " ", "،", "\u0640", "😀", "🇸🇾", "\r\n", "\n",
          "\u2029", "\u200f", "\u202e", '"', "\\", "\t"]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join)
times = st.one_of(st.none(), st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                                          timezones=st.just(UTC)))
words = st.text(alphabet=st.sampled_from("ابتثجحخ abc=+-'\"\n😀"), max_size=12)


@st.composite
def document_lines(draw: st.DrawFn) -> DocumentLine:
    text = draw(texts)
    spans = []
    for n in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        attrs = draw(st.dictionaries(st.sampled_from(["certainty", "value", "unit"]), words, max_size=3))
        spans.append(Span(id=n + 1, label=draw(st.sampled_from(["claim", "figure", "party"])), start=start,
                          end=end, note=draw(words), annotator=draw(words), created_at=draw(times),
                          updated_at=draw(times), attributes=attrs))
    links = []
    if len(spans) >= 2:
        for n in range(draw(st.integers(0, 3))):
            a, b = draw(st.sampled_from(spans)), draw(st.sampled_from(spans))
            links.append(Link(id=n + 1, type="said_by", source=a.id or 0, target=b.id or 0,
                              annotator=draw(words), created_at=draw(times)))
    about = draw(st.one_of(st.just(UNKNOWN), st.builds(
        Provenance, outlet=words, url=words, author=words, external_id=words,
        file_format=st.sampled_from(["txt", "html", "jsonl", "docx"]),
        published=st.sampled_from(["", "2024-07-11", "2024-07-11T06:30:00Z", "2024-07-11T09:30:00"]))))
    return DocumentLine(title=draw(words), text=text, id=draw(st.integers(1, 10**6)), source=draw(words),
                        provenance=about, spans=tuple(spans), links=tuple(links))


@settings(max_examples=200)
@given(document_lines())
def test_a_line_reads_back_exactly_what_was_written(doc: DocumentLine) -> None:
    line = encode(doc)
    assert "\n" not in line and "\r" not in line  # one document, one line, whatever its text
    assert decode(line) == doc
    obj = json.loads(line)
    assert [a["text"] for a in obj["annotations"]] == [doc.text[s.start:s.end] for s in doc.spans]


DOC = DocumentLine(title="t", text="قال شويغو إن عدد الممرات 3", id=1,
                   spans=(Span(id=1, label="claim", start=0, end=9), Span(id=2, label="figure", start=25, end=26)),
                   links=(Link(id=1, type="cites_figure", source=1, target=2),))


@pytest.mark.parametrize(("change", "reason"), [
    (lambda o: o.pop("text"), "'text' is missing"),
    (lambda o: o.update(text=5), "'text' has the wrong type (int)"),
    (lambda o: o.update(sha256="0" * 64), "sha256 is not the SHA-256 of the text"),
    (lambda o: o["annotations"][0].update(end=999), "annotation 1: offsets 0-999 outside the text"),
    (lambda o: o["annotations"][0].update(text="غير"), "annotation 1: text does not match the document at 0-9"),
    (lambda o: o["annotations"][1].update(start="25"), "annotation 2: 'start' has the wrong type (str)"),
    (lambda o: o["annotations"][1].update(start=True), "annotation 2: 'start' has the wrong type (bool)"),
    (lambda o: o["annotations"][0].update(attributes={"certainty": 3}), "attributes must map names to strings"),
    (lambda o: o["annotations"][0].update(created_at="yesterday"), "created_at 'yesterday' is not an ISO"),
    (lambda o: o["relations"][0].update(to=99), "relation 1: 'from' and 'to' must name annotations"),
])
def test_a_wrong_line_is_refused_with_what_is_wrong(change, reason: str) -> None:  # type: ignore[no-untyped-def]
    obj = json.loads(encode(DOC))
    change(obj)
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode(json.dumps(obj, ensure_ascii=False))


def test_not_json_and_not_an_object_are_refused() -> None:
    with pytest.raises(ValueError, match="not JSON"):
        decode("{")
    with pytest.raises(ValueError, match="not a JSON object"):
        decode("[1, 2]")


def test_a_line_without_metadata_reads_as_unknown_and_a_wrong_date_is_refused() -> None:
    obj = json.loads(encode(DOC))
    for name in ("outlet", "url", "published", "author", "file_format", "external_id"):
        del obj[name]
    assert decode(json.dumps(obj, ensure_ascii=False)).provenance == UNKNOWN
    obj["published"] = "2024-07-11T09:30:00+03:00"
    assert decode(json.dumps(obj)).provenance == Provenance(published="2024-07-11T06:30:00Z")
    obj["published"] = "yesterday"
    with pytest.raises(ValueError, match="published 'yesterday' is not an ISO 8601"):
        decode(json.dumps(obj))


def test_a_first_line_of_a_corpus_is_not_taken_for_an_export() -> None:
    article = json.dumps({"text": "قال الوزير", "title": "خبر", "source": "الأفق"})
    with pytest.raises(ValueError, match=r"not an annotation export .* `annotator import`"):
        decode(article, 1, first=True)
    assert decode(article, 2).provenance == UNKNOWN  # a later line is checked as ever
