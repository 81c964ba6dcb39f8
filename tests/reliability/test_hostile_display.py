"""Hostile text in the real window (offscreen): shown without hanging, bidi controls visible
instead of reordering the text, and spans tagged in the window stored at exact code points."""
from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_inputs import Hostile, boundaries, hostile_inputs
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor
from reliability_support import record, tally

from annotator.core.offsets import OffsetMap
from annotator.store.repository import Repository

# The controls that reorder text (Trojan Source): in the view each must be a visible mark.
# Invisible characters the view must show as visible marks: the bidi controls, and U+FEFF
# (which Qt would otherwise drop at the start of a document, shifting every position).
INVISIBLE_SHOWN = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068"
                            "\u2069\ufeff")
BREAKS = frozenset("\r\n\u2028\u2029")
SMALL = [h for h in hostile_inputs() if h.text is not None and len(h.text) < 100_000]
BIG_LINE_CHARS = 10 * 1024 * 1024 // 2  # about 10 MB of UTF-8 (Arabic letters take two bytes)
BOUND_SECONDS = 60  # generous: "shown without hanging", not a benchmark


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    db = tmp_path / "desk.db"
    repo = Repository.open(db)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(repo, settings, str(db))
    qtbot.addWidget(win)
    win.show()
    win.set_snap_to_words(False)  # tag exactly the characters selected
    yield win
    win.close()
    repo.close()


def open_file(window, hostile: Hostile, folder: Path) -> float:  # type: ignore[no-untyped-def]
    """Import through the window and wait for the first paint; returns the seconds it took."""
    path = hostile.write(folder)
    started = time.monotonic()
    window.import_paths([str(path)])
    window.view.viewport().grab()  # forces layout and a full paint of what is on screen
    return time.monotonic() - started


def shown(window, text: str, offset: int) -> str:  # type: ignore[no-untyped-def]
    """The character the view displays for code point `offset` of the stored text."""
    return window.view.document().characterAt(OffsetMap(text).to_qt(offset))


def tag_in_window(window, text: str, start: int, end: int, label_id: int) -> None:  # type: ignore[no-untyped-def]
    offsets = OffsetMap(text)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    window.tag(label_id)


# QTextDocument.setPlainText drops a U+FEFF at the very start of a document; the view gives Qt
# a visible stand-in for it, so "bom-then-zwnbsp.txt" keeps every position exact.
CASES = [pytest.param(h, id=h.name) for h in SMALL]


@pytest.mark.parametrize("hostile", CASES)
def test_hostile_text_is_shown_with_visible_controls_and_tagged_exactly(
        window, hostile: Hostile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = hostile.text
    assert text is not None
    seconds = open_file(window, hostile, tmp_path)
    assert seconds < BOUND_SECONDS
    assert window.view.text == text and window.model.text == text

    for i, ch in enumerate(text):
        qt_char = shown(window, text, i)
        if ch in INVISIBLE_SHOWN:
            assert unicodedata.category(qt_char) not in ("Cf", "Cc", "Zs", "Zl", "Zp"), \
                f"{unicodedata.name(ch)} at {i} is not shown as a visible mark ({qt_char!r})"
            assert unicodedata.bidirectional(qt_char) not in ("LRE", "RLE", "LRO", "RLO", "PDF",
                                                              "LRI", "RLI", "FSI", "PDI")
        elif ch not in BREAKS and ord(ch) <= 0xFFFF:
            assert qt_char == ch, f"code point {i}: stored {ch!r}, shown {qt_char!r}"
    tally("display: hostile texts shown in the window")

    reader = Repository.open(window.repo.url)
    doc = window.document_id
    labels = [label.id for label in window.labels]
    offsets = OffsetMap(text)
    expected = set()
    for k, (start, end) in enumerate(boundaries(text, limit=24)):
        qt_start, qt_end = offsets.to_qt(start), offsets.to_qt(end)
        if qt_start == qt_end or (offsets.from_qt(qt_start), offsets.from_qt(qt_end)) != (start, end):
            continue  # only the \n of a CRLF: Qt has one position for the pair, nothing to select
        if (labels[k % 3], start, end) in expected:
            continue
        tag_in_window(window, text, start, end, labels[k % 3])
        expected.add((labels[k % 3], start, end))
    got = {(a.label_id, a.start, a.end) for a in reader.annotations(doc)}
    reader.close()
    assert got == expected
    tally("display: spans tagged in the window at awkward boundaries", len(expected))


@pytest.mark.slow
def test_a_ten_megabyte_line_is_shown_without_hanging(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unit = "وقال شويغو إن عدد هذه الممرات يبلغ 3 👍🏽 "
    text = unit * (BIG_LINE_CHARS // len(unit))
    assert "\n" not in text and len(text.encode("utf-8")) > 9_000_000
    seconds = open_file(window, Hostile("ten-megabyte-line.txt", text.encode("utf-8"), text), tmp_path)
    assert window.view.text == text
    assert seconds < BOUND_SECONDS, f"the window was busy {seconds:.0f} s"
    started = time.monotonic()
    window.view.viewport().grab()
    repaint = time.monotonic() - started
    assert repaint < 5, f"one repaint took {repaint:.1f} s"

    reader = Repository.open(window.repo.url)
    start = len(text) - len(unit) + unit.index("👍")
    tag_in_window(window, text, start, start + 2, window.labels[2].id)
    (a,) = reader.annotations(window.document_id)
    reader.close()
    assert (a.start, a.end) == (start, start + 2) and text[a.start:a.end] == "👍🏽"
    record("display: 10 MB single line", f"{len(text):,} code points shown in {seconds:.1f} s, "
                                         f"repaint {repaint:.2f} s")
