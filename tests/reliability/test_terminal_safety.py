"""No escape sequence from an article, a note or a file name reaches the analyst's terminal: the
CLI prints control characters as visible symbols (an OSC 52 sequence could fill the clipboard)."""
from __future__ import annotations

import re
from pathlib import Path

from reliability_support import tally
from test_hostile_csv import cli_many

from annotator.core.text import read_document
from annotator.store.repository import Repository

OSC52 = "\x1b]52;c;ZWNobyBoaQ==\x07"  # "set the clipboard to `echo hi`" in terminals that allow it
HOSTILE = f"\x1b[2J{OSC52}\x9b31m\x1b]8;;http://example.invalid/\x1b\\"
# What a terminal acts on: C0 controls other than tab and line feed, DEL, and the C1 controls.
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_article_titles_notes_and_names_are_printed_inertly(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(f"\x1b[2J{OSC52[:-1]}\x1b\\ عنوان الخبر هنا اليوم\nنص الخبر {HOSTILE[:4]}\n",
                       encoding="utf-8")
    db = tmp_path / "desk.db"
    repo = Repository.open(db)
    doc, _ = repo.add_document(read_document(article))
    repo.create_annotation(doc.id, 1, 0, 4, note=HOSTILE, annotator=HOSTILE)
    repo.close()
    results = cli_many([["import", "--db", db, article], ["show", "--db", db, doc.id],
                        ["show", "--visual", "--width", "60", "--db", db, doc.id]])
    for result in results:
        assert result.returncode == 0, result.stderr
        for stream in (result.stdout, result.stderr):
            found = TERMINAL_CONTROLS.findall(stream)
            assert not found, f"{result.args[0]} printed {found!r} to the terminal"
        tally("terminal: CLI outputs checked for escape sequences")


def test_a_hostile_file_name_is_printed_inertly(tmp_path: Path) -> None:
    named = tmp_path / f"news{OSC52}.txt"
    named.write_bytes(b"\x00\x01 binary")
    (result,) = cli_many([["import", "--db", tmp_path / "desk.db", named]])
    assert result.returncode == 1
    assert not TERMINAL_CONTROLS.findall(result.stderr), result.stderr
