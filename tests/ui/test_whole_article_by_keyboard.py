"""A whole article without the mouse: every step a key sent to the focused widget of the real
window, then the CSV the command line exports compared with the rows an analyst meant."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from test_main_window import word_span

from annotator.core.text import Document
from annotator.ui.dialogs.note import NoteDialog

_M = Qt.KeyboardModifier
NONE, CTRL, SHIFT, ALT = _M.NoModifier, _M.ControlModifier, _M.ShiftModifier, _M.AltModifier
K = Qt.Key


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        widget = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert widget is not None
        QTest.keyClick(widget, key, modifiers)


def type_text(text: str) -> None:
    QTest.keyClicks(QApplication.focusWidget(), text)


def take_first_offer(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Enter on the relabel-or-tag menu; the window is active again after it (as on a desktop)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    QTest.keyClick(QApplication.activePopupWidget(), K.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and window.view.hasFocus())


def find(qtbot, window, needle: str) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, K.Key_F, CTRL)
    type_text(needle)
    press(qtbot, K.Key_Escape)  # the match stays selected, the keyboard back in the article
    qtbot.waitUntil(window.view.hasFocus)


def test_a_whole_article_by_keyboard_exports_what_the_analyst_meant(  # type: ignore[no-untyped-def]
        window, qtbot, db_path: Path, tmp_path: Path) -> None:
    window.repo.add_document(Document("next", "مقال تال لم يوسم بعد.", "utf-8"))  # the corpus
    window.reload_documents()
    article, text = window.document_id, window.model.text
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)

    # 1. A claim of five words from the top (Ctrl+Shift+Left selects forward, right to left)...
    press(qtbot, K.Key_Home, CTRL)
    press(qtbot, K.Key_Left, CTRL | SHIFT, times=5)
    press(qtbot, K.Key_1)
    # ...that was two words short: Alt+Left grows its end twice, keeping the annotation.
    press(qtbot, K.Key_Left, ALT, times=2)
    # 2. The country inside it, a party: the caret on the word, 4, and Enter takes "tag inside".
    press(qtbot, K.Key_Home, CTRL)
    press(qtbot, K.Key_Left, CTRL)
    press(qtbot, K.Key_4)
    take_first_offer(window, qtbot)
    # 3. The next paragraph with nothing tagged: the minister, a party.
    press(qtbot, K.Key_BracketRight, CTRL)
    press(qtbot, K.Key_Left, CTRL)
    press(qtbot, K.Key_Left, CTRL | SHIFT, times=5)
    press(qtbot, K.Key_4)
    # 4. Two paragraphs on: the minister's claim of eight words, with a note (F2, Ctrl+Return).
    press(qtbot, K.Key_BracketRight, CTRL, times=2)
    press(qtbot, K.Key_Left, CTRL | SHIFT, times=8)
    press(qtbot, K.Key_1)
    press(qtbot, K.Key_F2)
    qtbot.waitUntil(lambda: window.findChild(NoteDialog) is not None)
    note = window.findChild(NoteDialog)
    note.activateWindow()  # a desktop activates the new dialog; offscreen, the test does
    qtbot.waitUntil(lambda: QApplication.focusWidget() is note.editor)
    type_text("check the count")
    press(qtbot, K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.findChild(NoteDialog) is None)
    window.activateWindow()
    qtbot.waitUntil(window.view.hasFocus)
    # 5. The figure at its end, nested: the caret is right after it.
    press(qtbot, K.Key_3)
    take_first_offer(window, qtbot)
    # 6. Found with Ctrl+F: 47, then its end grown over the noun it counts.
    find(qtbot, window, "47")
    press(qtbot, K.Key_3)
    press(qtbot, K.Key_Left, CTRL)  # the caret back into the figure
    press(qtbot, K.Key_Right, CTRL)
    press(qtbot, K.Key_Left, ALT)
    # 7. And the date's day, 11.
    find(qtbot, window, "11")
    press(qtbot, K.Key_3)
    # 8. The paragraph that accuses: tagged a claim by mistake, then relabelled with 2.
    press(qtbot, K.Key_Home, CTRL)
    for _ in range(11):
        press(qtbot, K.Key_BracketRight, CTRL)
    start = window.view.selected_span()[0]
    assert text[start:].startswith("من جانب آخر")
    press(qtbot, K.Key_Left, CTRL, times=3)  # «من جانب آخر،» is three words for the caret
    press(qtbot, K.Key_Left, CTRL | SHIFT, times=11)
    press(qtbot, K.Key_1)
    press(qtbot, K.Key_BracketLeft)  # selects it again
    press(qtbot, K.Key_2)
    take_first_offer(window, qtbot)
    # 9. Within it, the accuser: the three words after the verb, a party.
    press(qtbot, K.Key_Home)  # from the accusation, still selected, to its line's start
    press(qtbot, K.Key_Left, CTRL, times=4)
    press(qtbot, K.Key_Left, CTRL | SHIFT, times=3)
    press(qtbot, K.Key_4)
    # 10. The next paragraph still bare (the one after has the 47 already): the report's claim.
    press(qtbot, K.Key_BracketRight, CTRL)
    press(qtbot, K.Key_Left, CTRL | SHIFT, times=5)
    press(qtbot, K.Key_1)
    # Done, and on to the next document not done.
    press(qtbot, K.Key_D, CTRL)
    press(qtbot, K.Key_PageDown, CTRL | SHIFT)
    assert window.document_id != article and window.model.text == "مقال تال لم يوسم بعد."

    out = tmp_path / "out.csv"
    result = subprocess.run([sys.executable, "-m", "annotator", "export", "--db", str(db_path), "--out", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    got = sorted((r["label"], int(r["start"]), int(r["end"]), r["text"], r["note"]) for r in rows)

    def span(label: str, words: str, note: str = "", nth: int = 0) -> tuple[str, int, int, str, str]:
        start, end = word_span(text, words, nth)
        return label, start, end, words, note

    expected = sorted([
        span("claim", "قالت روسيا إنها تعمل مع الجيش السوري"),
        span("party", "روسيا"),
        span("party", "وزير الدفاع الروسي سيرغيه شويغو"),
        span("claim", "وقال شويغو إن عدد هذه الممرات يبلغ 3", "check the count"),
        ("figure", text.index("يبلغ 3") + 5, text.index("يبلغ 3") + 6, "3", ""),
        span("figure", "47 غارة"),
        span("figure", "11"),
        span("accusation", "اتهمت منظمة هيومان رايتس ووتش لحقوق الانسان الخميس الحكومة السورية وروسيا"),
        span("party", "منظمة هيومان رايتس"),
        span("claim", "وجاء في تقرير اصدرته المنظمة"),
    ])
    assert got == expected, "\n".join(map(str, got))
    assert {r["document_title"] for r in rows} == {"aleppo-corridors"}
    assert window.repo.document(article).done
