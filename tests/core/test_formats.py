"""Which reader a file gets: its extension, or the format named for it."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.corpus import RowRefused
from annotator.core.formats import SUFFIXES, ReadOptions, dialog_filter, format_of, read_articles_in
from annotator.core.text import Document, RejectedFile


def test_the_extension_chooses_and_a_named_format_overrides() -> None:
    assert [format_of(Path(f"a{s}")) for s in (".txt", ".HTML", ".htm", ".jsonl", ".ndjson", ".csv",
                                                 ".tsv", ".docx")] == \
        ["txt", "html", "html", "jsonl", "jsonl", "csv", "tsv", "docx"]
    assert format_of(Path("notes.md")) == "txt"  # a file named on the command line, as before
    assert format_of(Path("page.php"), "html") == "html"


def test_the_file_dialog_offers_every_article_file_first() -> None:
    filters = dialog_filter().split(";;")
    assert filters[0] == "Articles (" + " ".join(f"*{s}" for s in SUFFIXES) + ")"
    assert "Saved web pages (*.html *.htm)" in filters and filters[-1] == "All files (*)"


def test_every_format_refuses_a_text_without_letters_unless_forced(tmp_path: Path) -> None:
    import json

    from docx import Document as WordDocument

    junk = "牧獯湵!! 12"  # what bytes read in the wrong encoding look like: no Arabic, no Latin
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text("\n".join(json.dumps({"text": t}) for t in (junk, "نص عربي")) + "\n",
                      encoding="utf-8")
    table = tmp_path / "feed.csv"
    table.write_text(f"text\n{junk}\nنص آخر\n", encoding="utf-8")
    page = tmp_path / "page.docx"
    word = WordDocument()
    word.add_paragraph(junk)
    word.save(str(page))

    refused = [x for x in read_articles_in(corpus) if isinstance(x, RowRefused)]
    assert [(r.where, r.reason[:37]) for r in refused] == [("line 1", "decodes to no Arabic or Latin letters")]
    assert [x.where for x in read_articles_in(table) if isinstance(x, RowRefused)] == ["row 2"]
    with pytest.raises(RejectedFile, match="decodes to no Arabic or Latin letters"):
        list(read_articles_in(page))
    forced = ReadOptions(force=True)
    for path, count in ((corpus, 2), (table, 2), (page, 1)):
        docs = list(read_articles_in(path, forced))
        assert len(docs) == count and all(isinstance(d, Document) for d in docs)
