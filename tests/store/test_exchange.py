"""The JSON Lines round trip through two databases: texts, offsets, labels, attributes, links, times."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.jsonl import DocumentLine, decode, encode
from annotator.core.text import Document
from annotator.store.repository import Repository

PIECES = ["قال", "الجيش", "مَدِينَة", "47", "Shoigu", " ", "،", "😀", "\r\n", "\n", "\u200f"]
ATTRIBUTES = {"claim": {"certainty": ["certain", "probable"], "quote": ["direct"]},
              "figure": {"value": ["3", "12.5"], "unit": ["غارة"]}, "party": {"kind": ["person"]}}


@st.composite
def work(draw: st.DrawFn) -> list[tuple[str, list[tuple[str, int, int, str, dict[str, str]]]]]:
    docs = []
    for n in range(draw(st.integers(1, 3))):
        text = f"{n} " + "".join(draw(st.lists(st.sampled_from(PIECES), min_size=3, max_size=25)))
        spans = []
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            label = draw(st.sampled_from(sorted(ATTRIBUTES)))
            attrs = {k: draw(st.sampled_from(v)) for k, v in ATTRIBUTES[label].items() if draw(st.booleans())}
            spans.append((label, start, end, draw(st.sampled_from(["huda", "omar"])), attrs))
        docs.append((text, spans))
    return docs


def fill(repo: Repository, docs: list[tuple[str, list[tuple[str, int, int, str, dict[str, str]]]]]) -> None:
    labels = {x.name: x.id for x in repo.labels()}
    said_by = next(t.id for t in repo.relation_types() if t.name == "said_by")
    for n, (text, spans) in enumerate(docs):
        info, _ = repo.add_document(Document(f"doc {n}", text, "utf-8", f"doc{n}.txt"))
        made = []
        for label, start, end, annotator, attrs in spans:
            if any((label, start, end, annotator) == (a.label, a.start, a.end, a.annotator) for a in made):
                continue
            made.append(repo.create_annotation(info.id, labels[label], start, end, annotator=annotator,
                                               attributes=attrs))
        claims = [a for a in made if a.label == "claim"]
        parties = [a for a in made if a.label == "party"]
        for claim, party in zip(claims, parties):
            repo.create_relation(said_by, claim.id, party.id, claim.annotator)


def content(lines: list[DocumentLine]) -> list[object]:
    """Everything but the database's own ids."""
    out: list[object] = []
    for doc in lines:
        place = {s.id: (s.label, s.start, s.end, s.annotator) for s in doc.spans}
        out.append((doc.title, doc.text, doc.source,
                    sorted((s.label, s.start, s.end, s.note, s.annotator, s.created_at, s.updated_at,
                            sorted(s.attributes.items())) for s in doc.spans),
                    sorted((r.type, place[r.source], place[r.target], r.annotator, r.created_at)
                           for r in doc.links)))
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(work())
def test_the_json_lines_round_trip_loses_nothing(docs) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder:
        a, b = Repository.open(Path(folder) / "a.db"), Repository.open(Path(folder) / "b.db")
        try:
            fill(a, docs)
            exported = [decode(encode(doc)) for doc in a.document_lines()]  # through the text form
            report = b.merge_document_lines(exported)
            assert report.refused == [] and report.documents_added == len(docs)
            assert content(list(b.document_lines())) == content(exported)
            again = b.merge_document_lines(exported)
            assert (again.added, again.links_added, again.documents_added) == (0, 0, 0)
        finally:
            a.close()
            b.close()
