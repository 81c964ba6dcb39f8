"""JSON Lines and CSV corpora: an article per line or row, bad ones refused by number, a file
not of the format refused whole."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core import corpus
from annotator.core.corpus import RowRefused, read_csv_articles, read_json_lines
from annotator.core.provenance import Provenance
from annotator.core.text import Document, RejectedFile

GOOD = {"text": "قال الوزير إن عدد الممرات يبلغ 3\r\nوأضاف أن 47 غارة وقعت 😀", "title": "ممرات آمنة",
        "url": "https://a.example/1", "source": "الأفق", "published": "2024-07-11T09:30:00+03:00",
        "id": 17, "author": "ليلى حداد", "section": "سياسة"}


def summary(items: list[Document | RowRefused]) -> list[tuple[str, str]]:
    return [(i.where, i.reason) if isinstance(i, RowRefused) else ("article", i.text) for i in items]


def test_each_line_is_an_article_with_its_facts_and_exact_text(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (json.dumps(GOOD) + "\n\n").encode()
                     + json.dumps({"text": "نص ثان", "title": None, "id": "b-2"}).encode() + b"\r\n")
    first, second = read_json_lines(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == GOOD["text"]  # line breaks, emoji: as the JSON holds them
    assert (first.title, first.source, first.encoding) == ("ممرات آمنة", "feed.jsonl", "utf-8")
    assert first.provenance == Provenance(outlet="الأفق", url="https://a.example/1",
                                          published="2024-07-11T06:30:00Z", author="ليلى حداد",
                                          file_format="jsonl", external_id="17")
    assert second.title == "feed.jsonl, line 3" and second.provenance.external_id == "b-2"


def test_bad_lines_are_refused_by_number_and_the_rest_read(tmp_path: Path) -> None:
    lines = [json.dumps(GOOD), json.dumps({"text": 47}), json.dumps({"text": ["a"]}),
             json.dumps({"body": "no text"}), json.dumps({"text": "  \n "}), "{not json",
             json.dumps([1, 2]), json.dumps({"text": "x", "published": "أمس"}),
             json.dumps({"text": "x", "url": 5}), json.dumps({"text": "x", "id": True}),
             json.dumps({"text": "lone \ud800 surrogate"}), json.dumps({"text": "nul \u0000"}),
             "[" * 100_000 + "]" * 100_000, json.dumps({"text": "x", "title": {"a": 1}}),
             json.dumps({"text": "x", "source": "s" * 1001}), "9" * 5000,
             json.dumps({"text": "الأخير صحيح"})]
    path = tmp_path / "feed.jsonl"
    path.write_bytes("\n".join(lines).encode() + b"\n" + b'{"text": "\xff bad byte"}\n')
    got = summary(list(read_json_lines(path)))
    assert got == [
        ("article", GOOD["text"]),
        ("line 2", "'text' is a number, not text"),
        ("line 3", "'text' is a list, not text"),
        ("line 4", "no 'text' (the article's text)"),
        ("line 5", "'text' is blank"),
        ("line 6", "is not JSON (Expecting property name enclosed in double quotes at column 2)"),
        ("line 7", "is a list, not a JSON object"),
        ("line 8", "published 'أمس' is not an ISO 8601 date or time (such as 2024-07-11 or "
                   "2024-07-11T09:30:00+03:00)"),
        ("line 9", "'url' is a number, not text"),
        ("line 10", "'id' is true or false, not text"),
        ("line 11", "'text' holds a lone surrogate (U+D800) at 5, which is not text"),
        ("line 12", "'text' holds a NUL character at 4, which is not text"),
        ("line 13", "is nested too deeply to be an article"),
        ("line 14", "'title' is an object, not text"),
        ("line 15", "'source' is 1,001 characters long (the limit is 1,000)"),
        ("line 16", got[15][1]),  # Python's own words for a number of 5,000 digits
        ("article", "الأخير صحيح"),
        ("line 18", "is not UTF-8 (invalid byte 0xff at byte 11 of the line)"),
    ]
    assert got[15][1].startswith("is not JSON Python reads (") or got[15][1].startswith("is a number")


@pytest.mark.parametrize(("content", "reason"), [
    (b'[{"text": "a"}, {"text": "b"}]\n', "not JSON Lines: line 1 is a list, not a JSON object"),
    (b"<html><body>page</body></html>\n", "not JSON Lines: line 1 is not JSON (Expecting value at column 1)"),
    (b"\x00\x01\x02binary\n", "not JSON Lines: line 1 is not JSON (Expecting value at column 1)"),
    (b'{"body": "a", "date": "2024-07-11"}\n{"text": "b"}\n',
     "line 1 has no field 'text' (fields: body, date); name the text's field with --field text=NAME"),
])
def test_a_file_that_is_not_json_lines_is_refused_whole(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(content)
    with pytest.raises(RejectedFile) as err:
        list(read_json_lines(path))
    assert str(err.value) == f"{path}: {reason}"


def test_fields_named_otherwise_are_mapped(tmp_path: Path) -> None:
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"body": "نص الخبر", "headline": "عنوان", "date": "2024-07-11",
                                "text": "not this one"}) + "\n", encoding="utf-8")
    (doc,) = read_json_lines(path, {"text": "body", "title": "headline", "published": "date"})
    assert isinstance(doc, Document)
    assert (doc.text, doc.title, doc.provenance.published) == ("نص الخبر", "عنوان", "2024-07-11")
    with pytest.raises(ValueError, match="unknown field body"):
        list(read_json_lines(path, {"body": "text"}))


def test_a_line_too_long_is_refused_without_being_read_whole(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "MAX_LINE_BYTES", 100)
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([json.dumps({"text": "قصير"}), json.dumps({"text": "ط" * 5000}),
                               json.dumps({"text": "قصير آخر"})]) + "\n", encoding="utf-8")
    assert summary(list(read_json_lines(path))) == [
        ("article", "قصير"), ("line 2", "longer than 100 bytes"), ("article", "قصير آخر")]


# -- CSV -----------------------------------------------------------------------------------
def test_csv_rows_with_quoted_multi_line_cells_keep_their_text_exactly(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_bytes(
        b"\xef\xbb\xbfid,title,text,source,published,url\r\n"
        + '7,"ممرات، آمنة","قال الوزير: ""3 ممرات""\r\nوأضاف, بعد سطر\n\nفقرة ثالثة",الأفق,2024-07-11,'
          'https://a.example/7\r\n'.encode()
        + "8,ثان,نص ثان,,,\r\n".encode())
    first, second = read_csv_articles(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == 'قال الوزير: "3 ممرات"\r\nوأضاف, بعد سطر\n\nفقرة ثالثة'
    assert first.title == "ممرات، آمنة"
    assert first.provenance == Provenance(outlet="الأفق", url="https://a.example/7",
                                          published="2024-07-11", file_format="csv", external_id="7")
    assert second.provenance == Provenance(file_format="csv", external_id="8")


def test_bad_rows_are_refused_by_row_and_line(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_bytes(b"text,title\r\n" + '"سطر\nثان",أول\r\n'.encode() + b",blank\r\n"
                     + b"a,b,c\r\n" + b'"bad \xff byte",x\r\n' + b"\r\n"
                     + "الأخير,صحيح\r\n".encode() + b'"never closed,x\r\n')
    assert summary(list(read_csv_articles(path))) == [
        ("article", "سطر\nثان"),
        ("row 3 (line 4)", "'text' is blank"),
        ("row 4 (line 5)", "has 3 cells; the header has 2"),
        ("row 5 (line 6)", "is not UTF-8 text (invalid byte 0xff on line 6)"),
        ("article", "الأخير"),
        ("row 8 (line 9)", "malformed CSV (unexpected end of data); the rest of the file was not read"),
    ]


def test_a_tsv_and_a_windows_1256_csv(tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text("title\ttext\nعنوان\tنص, بفاصلة\n", encoding="utf-8")
    (doc,) = read_csv_articles(tsv, delimiter="\t", file_format="tsv")
    assert isinstance(doc, Document) and (doc.text, doc.provenance.file_format) == ("نص, بفاصلة", "tsv")
    excel = tmp_path / "excel.csv"  # as Excel saves CSV on Arabic Windows
    excel.write_bytes("text,source\r\nقال شويغو إن عدد الممرات يبلغ 3،,الأفق\r\n".encode("cp1256"))
    (doc,) = read_csv_articles(excel)
    assert isinstance(doc, Document)
    assert (doc.text, doc.provenance.outlet, doc.encoding) == ("قال شويغو إن عدد الممرات يبلغ 3،",
                                                              "الأفق", "windows-1256")


@pytest.mark.parametrize(("content", "reason"), [
    ("text;title;source\nنص;عنوان;الأفق\n",
     "not an article CSV: no column 'text' in the header 'text;title;source'; are its columns "
     "separated by semicolons rather than commas?"),
    ("text\ttitle\nنص\tعنوان\n",
     "not an article CSV: no column 'text' in the header 'text\\ttitle'; are its columns "
     "separated by tabs rather than commas?"),
    ("body,headline\nنص,عنوان\n",
     "not an article CSV: no column 'text' in the header 'body,headline'; name the text's "
     "column with --field text=NAME"),
    ("document_sha256,label,start,end,text\n" + "a" * 64 + ",claim,0,1,x\n",
     "is an annotation CSV (as `annotator export` writes), not articles: merge it with "
     "`annotator import-annotations`"),
    ("text,title,text\na,b,c\n", "not an article CSV: column text given twice"),
    ("", "empty file: expected a header naming the columns, one of them 'text'"),
])
def test_a_file_that_is_not_an_article_csv_is_refused_whole(tmp_path: Path, content: str,
                                                            reason: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RejectedFile) as err:
        list(read_csv_articles(path))
    assert str(err.value) == f"{path}: {reason}"


def test_field_names_are_what_the_first_article_or_the_header_names(tmp_path: Path) -> None:
    first = json.dumps({"body": "نص", "date": "2024"}).encode()
    (tmp_path / "feed.jsonl").write_bytes(b"\xef\xbb\xbf\n" + first + b"\n")
    (tmp_path / "sheet.csv").write_text("headline, body ,\r\nأ,ب,\r\n", encoding="utf-8")
    (tmp_path / "sheet.tsv").write_text("headline\tbody\n", encoding="utf-8")
    (tmp_path / "list.jsonl").write_text("[1, 2]\n", encoding="utf-8")
    (tmp_path / "export.jsonl").write_text(json.dumps({"format": "annotator/1", "text": "x"}) + "\n", encoding="utf-8")
    (tmp_path / "spans.csv").write_text("document_sha256,label,start,end,text\r\n", encoding="utf-8")
    assert corpus.field_names(tmp_path / "feed.jsonl", "jsonl") == ["body", "date"]
    assert corpus.field_names(tmp_path / "sheet.csv", "csv") == ["headline", "body"]
    assert corpus.field_names(tmp_path / "sheet.tsv", "tsv") == ["headline", "body"]
    # Files that do not tell (not of the format, not articles, missing): their import says why.
    for name, kind in (("list.jsonl", "jsonl"), ("export.jsonl", "jsonl"), ("spans.csv", "csv"),
                       ("missing.csv", "csv")):
        assert corpus.field_names(tmp_path / name, kind) == []
