"""The main window driven like an analyst does: mouse, keys, menus; the stored rows are the proof."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QMouseEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from annotator.core.offsets import OffsetMap
from annotator.store.repository import Repository
from annotator.store.sqlite_file import DatabaseRefused
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.dialogs.note import NoteDialog

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
# Line 1: one emoji and CRLF (net 0 Qt units); line 2: tashkeel, a two-code-point emoji, CRLF;
# line 3 is English. Qt positions and code points differ from line 3 on.
MIXED = "سطر أول 😀 هنا\r\nكتَبَ الوَلَدُ 👍🏽 الدرسَ جيداً\r\nEnglish line with 12 words\r\n"


def word_span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(word), text)]
    return starts[nth], starts[nth] + len(word)


def fitted_width(table, column: int) -> int:  # type: ignore[no-untyped-def]
    """The width resizeColumnToContents gives `column`: its widest cell or its header."""
    return max(table.sizeHintForColumn(column), table.horizontalHeader().sectionSizeHint(column))

def put_cursor(window, start: int, end: int | None = None) -> None:  # type: ignore[no-untyped-def]
    """Select [start, end) (code points) with a QTextCursor, as keyboard navigation would."""
    offsets = OffsetMap(window.model.text)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(end if end is not None else start), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    window.view.ensureCursorVisible()


def point_at(window, offset: int) -> QPoint:  # type: ignore[no-untyped-def]
    """Viewport point in the middle of the character at `offset` (scrolled into view first)."""
    offsets = OffsetMap(window.model.text)
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(offsets.to_qt(offset))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    before = view.cursorRect(cursor)
    cursor.setPosition(offsets.to_qt(offset + 1))
    after = view.cursorRect(cursor)
    y = before.center().y()
    x = (before.center().x() + after.center().x()) // 2 if after.center().y() == y else before.center().x()
    return QPoint(x, y)


def drag(widget, to: QPoint) -> None:  # type: ignore[no-untyped-def]
    """A mouse move with the left button held (QTest.mouseMove sends no button state)."""
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(to), QPointF(widget.mapToGlobal(to)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def stored(reader: Repository, doc_id: int) -> list[tuple[str, int, int]]:
    return [(a.label, a.start, a.end) for a in reader.annotations(doc_id)]


def open_mixed(window, tmp_path: Path) -> int:  # type: ignore[no-untyped-def]
    path = tmp_path / "mixed.txt"
    path.write_bytes(MIXED.encode("utf-8"))
    window.import_paths([str(path)])
    assert window.model.text == MIXED
    return window.document_id


def test_keys_1_2_3_tag_the_selection_while_the_read_only_view_has_focus(window, reader) -> None:
    view, text, doc = window.view, window.model.text, window.document_id
    assert view.hasFocus(), "the article has the keyboard focus when a document opens"
    expected = []
    for key, label, word in ((Qt.Key.Key_1, "claim", "شويغو"), (Qt.Key.Key_2, "accusation", "اتهمت"),
                             (Qt.Key.Key_3, "figure", "47")):
        start, end = word_span(text, word)
        put_cursor(window, start, end)
        QTest.keyClick(view, key)
        expected.append((label, start, end))
        assert sorted(stored(reader, doc), key=lambda r: r[1]) == sorted(expected, key=lambda r: r[1])
    assert all(text[a.start:a.end] in ("شويغو", "اتهمت", "47") for a in reader.annotations(doc))
    assert window.model.rowCount() == 3


def test_double_click_and_drag_select_with_the_mouse(window, reader, tmp_path) -> None:
    doc = open_mixed(window, tmp_path)
    view = window.view
    # Double click inside "line" (an English line, after two emoji and two CRLF).
    start, end = word_span(MIXED, "line")
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      point_at(window, start + 1))
    assert view.selected_span() == (start, end)
    QTest.keyClick(view, Qt.Key.Key_1)
    # Drag from inside "الوَلَدُ" to inside "الدرسَ": snapping widens to the whole words.
    a, _ = word_span(MIXED, "الوَلَدُ")
    _, b = word_span(MIXED, "الدرسَ")
    p_from, p_to = point_at(window, a + 2), point_at(window, b - 3)  # before pressing: moves the cursor
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p_from)
    drag(view.viewport(), p_to)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p_to)
    QTest.keyClick(view, Qt.Key.Key_3)
    assert sorted(stored(reader, doc)) == sorted([("figure", a, b), ("claim", start, end)])


def test_keyboard_selected_word_after_crlf_emoji_and_tashkeel_is_stored_exactly(window, reader,
                                                                                 tmp_path) -> None:
    doc = open_mixed(window, tmp_path)
    view = window.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Home, CTRL)
    QTest.keyClick(view, Qt.Key.Key_Down)   # line 2, right to left
    QTest.keyClick(view, Qt.Key.Key_End)
    # In a right-to-left line Shift+Ctrl+Right selects the previous word: "جيداً" with its tanween.
    QTest.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    QTest.keyClick(view, Qt.Key.Key_2)
    start, end = word_span(MIXED, "جيداً")
    assert stored(reader, doc) == [("accusation", start, end)]
    assert reader.annotations(doc)[0].end == MIXED.index("\r\n", start)
    # Snapping off: the selection is stored as selected, here the word and the space after it.
    window.named_actions["snap_to_words"].trigger()
    QTest.keyClick(view, Qt.Key.Key_Home)
    QTest.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)
    first = view.selected_span()
    assert MIXED[first[0]:first[1]].strip() == "كتَبَ"
    QTest.keyClick(view, Qt.Key.Key_1)
    assert ("claim", *first) in stored(reader, doc)
    assert window.status.selection.text() == f"cursor {first[1]}"  # the caret after the new tag


def test_status_bar_shows_code_points_document_and_counts(window, tmp_path) -> None:
    open_mixed(window, tmp_path)
    start, end = word_span(MIXED, "words")
    put_cursor(window, start, end)
    assert window.status.selection.text() == f"selection {start}–{end} ({end - start} characters)"
    assert window.status.document.text() == window.repo.document(window.document_id).title
    QTest.keyClick(window.view, Qt.Key.Key_3)
    assert "figure 1" in window.status.counts.text() and "claim 0" in window.status.counts.text()


def test_undo_and_redo_keys_bring_back_the_same_annotation(window, reader) -> None:
    view, doc = window.view, window.document_id
    start, end = word_span(window.model.text, "حلب")
    put_cursor(window, start, end)
    QTest.keyClick(view, Qt.Key.Key_1)
    [first] = reader.annotations(doc)
    QTest.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert reader.annotations(doc) == [] and window.model.rowCount() == 0
    QTest.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert reader.annotations(doc) == [first]
    assert window.model.find(first.id) == first


def test_click_on_a_span_selects_its_row_and_delete_removes_it(window, reader) -> None:
    view, doc, text = window.view, window.document_id, window.model.text
    start, end = word_span(text, "روسيا")
    put_cursor(window, start, end)
    QTest.keyClick(view, Qt.Key.Key_1)
    [tagged] = reader.annotations(doc)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point_at(window, start + 2))
    assert window.annotation_list.selected_annotation_id() == tagged.id
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert reader.annotations(doc) == []
    QTest.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert reader.annotations(doc) == [tagged]
    # Clicking plain text clears the row, and Delete then has nothing to remove.
    plain = text.index("المدنيين")
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point_at(window, plain + 2))
    assert window.annotation_list.selected_annotation_id() is None
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert reader.annotations(doc) == [tagged]


def test_delete_right_after_tagging_a_figure_in_a_claim_removes_the_figure(window, reader) -> None:
    text, doc = window.model.text, window.document_id
    claim = word_span(text, "وقال شويغو إن عدد هذه الممرات يبلغ 3")
    put_cursor(window, *claim)
    QTest.keyClick(window.view, Qt.Key.Key_1)
    count = word_span(text, "عدد", text[:claim[0]].count("عدد"))  # the claim's own
    put_cursor(window, *count)
    QTest.keyClick(window.view, Qt.Key.Key_3)
    assert window.view.selected_span() == (count[1], count[1])  # the caret after the new figure
    window.annotation_list.table.clearSelection()
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert stored(reader, doc) == [("claim", *claim)]
    # Inside both, the innermost goes first too.
    QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    put_cursor(window, count[0] + 1)
    window.annotation_list.table.clearSelection()
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert stored(reader, doc) == [("claim", *claim)]


def test_choosing_a_row_scrolls_the_article_to_its_span(window, reader) -> None:
    text, doc = window.model.text, window.document_id
    label = window.labels[2]
    start, end = word_span(text, "47")  # far down the article
    late = reader.create_annotation(doc, label.id, start, end)
    window.open_document(doc)
    view, table = window.view, window.annotation_list.table
    view.verticalScrollBar().setValue(0)
    offsets = OffsetMap(text)
    span_cursor = QTextCursor(view.document())
    span_cursor.setPosition(offsets.to_qt(start))
    assert not view.viewport().rect().contains(view.cursorRect(span_cursor).center())
    row = window.annotation_list.proxy.mapFromSource(window.model.index(window.model.row_of(late.id), 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     table.visualRect(row).center())
    assert window.annotation_list.selected_annotation_id() == late.id
    assert view.viewport().rect().contains(view.cursorRect(span_cursor).center())
    # Delete with the row selected removes that annotation.
    window.named_actions["delete_annotation"].trigger()
    assert reader.annotations(doc) == []


def test_context_menu_relabels_edits_the_note_and_deletes(qtbot, window, reader) -> None:
    view, doc, text = window.view, window.document_id, window.model.text
    start, end = word_span(text, "شويغو")
    put_cursor(window, start, end)
    QTest.keyClick(view, Qt.Key.Key_1)
    [a] = reader.annotations(doc)

    def menu_at(offset: int, end: int | None = None) -> QMenu:
        where = point_at(window, offset)
        put_cursor(window, offset, end)
        view.customContextMenuRequested.emit(where)
        menu = next(m for m in window.findChildren(QMenu, "viewContextMenu") if m.isVisible())
        return menu

    menu = menu_at(start + 1)
    relabel = menu.findChild(QMenu, "relabelMenu")
    next(x for x in relabel.actions() if x.text() == "accusation").trigger()
    menu.close()
    assert stored(reader, doc) == [("accusation", start, end)]
    menu = menu_at(start + 1)
    next(x for x in menu.actions() if x.objectName() == "edit_note").trigger()
    menu.close()
    dialog = window.findChild(NoteDialog, "noteDialog")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # its keys are the active window's
    dialog.editor.setPlainText("نقلاً عن وكالة")
    QTest.keyClick(dialog.editor, Qt.Key.Key_Tab)  # Tab leaves the text for the buttons
    assert dialog.editor.toPlainText() == "نقلاً عن وكالة" and not dialog.editor.hasFocus()
    dialog.editor.setFocus()
    QTest.keyClick(dialog.editor, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter confirms
    assert reader.annotation(a.id).note == "نقلاً عن وكالة"
    assert window.model.find(a.id).note == "نقلاً عن وكالة"
    # Tagging through the menu works on a selection too.
    s2, e2 = word_span(text, "بوتين")
    menu = menu_at(s2, e2)
    next(x for x in menu.actions() if x.text() == "Tag as figure").trigger()
    menu.close()
    assert ("figure", s2, e2) in stored(reader, doc)
    menu = menu_at(start + 1)
    next(x for x in menu.actions() if x.objectName() == "delete_annotation").trigger()
    menu.close()
    assert stored(reader, doc) == [("figure", s2, e2)]
    window.named_actions["undo"].trigger()
    assert reader.annotation(a.id).note == "نقلاً عن وكالة"


def test_note_edited_in_the_table_is_stored_and_undoable(qtbot, window, reader) -> None:
    doc, text = window.document_id, window.model.text
    start, end = word_span(text, "حلب")
    put_cursor(window, start, end)
    QTest.keyClick(window.view, Qt.Key.Key_1)
    table, proxy = window.annotation_list.table, window.annotation_list.proxy
    index = proxy.index(0, 4)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = QApplication.focusWidget()
    editor.selectAll()
    QTest.keyClicks(editor, "AFP, 12:00")  # QTest types ASCII only
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: reader.annotations(doc)[0].note != "")
    [a] = reader.annotations(doc)
    assert a.note == "AFP, 12:00" and proxy.index(0, 4).data() == "AFP, 12:00"
    window.named_actions["undo"].trigger()
    assert reader.annotations(doc)[0].note == ""


def test_tagging_the_same_span_twice_is_reported_not_stored_twice(window, reader) -> None:
    doc, text = window.document_id, window.model.text
    start, end = word_span(text, "حلب")
    for _ in range(2):
        put_cursor(window, start, end)
        QTest.keyClick(window.view, Qt.Key.Key_1)
    assert stored(reader, doc) == [("claim", start, end)]
    assert "already tagged" in window.statusBar().currentMessage()
    QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert stored(reader, doc) == []  # one undo step for the one stored tag


def _choice(window, qtbot):  # type: ignore[no-untyped-def]
    """The relabel-or-tag menu, once shown; the window is active again after it closes (as a
    desktop makes it; the offscreen platform leaves no window active after a popup)."""
    qtbot.waitUntil(lambda: window.tagging.choice is not None and window.tagging.choice.isVisible())
    menu = window.tagging.choice

    def closed() -> None:
        window.activateWindow()
    menu.aboutToHide.connect(closed)
    return menu


def test_a_label_key_on_the_caret_tags_its_word_once_and_a_word_inside_a_claim(window, reader, qtbot) -> None:
    text, doc = window.model.text, window.document_id
    start, end = word_span(text, "روسيا")
    put_cursor(window, start + 2)
    QTest.keyClick(window.view, Qt.Key.Key_1)
    assert stored(reader, doc) == [("claim", start, end)]
    # The same word with the same key: refused with the reason, nothing stored.
    put_cursor(window, start + 2)
    QTest.keyClick(window.view, Qt.Key.Key_1)
    assert stored(reader, doc) == [("claim", start, end)]
    assert window.statusBar().currentMessage() == "«روسيا» is already tagged claim"
    # Another key offers to relabel it (first) or tag it too; Esc leaves it as it is.
    QTest.keyClick(window.view, Qt.Key.Key_3)
    menu = _choice(window, qtbot)
    assert [a.text() for a in menu.actions()] == ["Relabel claim «روسيا» as figure", "Tag «روسيا» as figure too"]
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.tagging.choice is None)
    assert stored(reader, doc) == [("claim", start, end)]
    # A figure inside a longer claim is normal: Enter takes the first offer, the word nested.
    claim = word_span(text, "وقال شويغو إن عدد هذه الممرات يبلغ 3")
    window.view.select_span(*claim)
    QTest.keyClick(window.view, Qt.Key.Key_1)
    three = (claim[1] - 1, claim[1])
    put_cursor(window, three[0])
    QTest.keyClick(window.view, Qt.Key.Key_3)
    menu = _choice(window, qtbot)
    assert menu.activeAction().text() == "Tag «3» as figure (inside the claim)"
    QTest.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(stored(reader, doc)) == 3)
    assert sorted(stored(reader, doc)) == sorted([("claim", start, end), ("claim", *claim),
                                                  ("figure", *three)])


def test_a_label_key_on_a_tagged_word_relabels_it_keeping_its_id_note_and_undo(window, reader, qtbot) -> None:
    text, doc = window.model.text, window.document_id
    start, end = word_span(text, "روسيا")
    put_cursor(window, start + 2)
    QTest.keyClick(window.view, Qt.Key.Key_1)
    first = reader.annotations(doc)[0]
    window.set_note(first.id, "دولة")
    put_cursor(window, start + 1)
    QTest.keyClick(window.view, Qt.Key.Key_4)
    QTest.keyClick(_choice(window, qtbot), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(reader, doc) == [("party", start, end)])
    assert (reader.annotations(doc)[0].id, reader.annotations(doc)[0].note) == (first.id, "دولة")
    window.named_actions["undo"].trigger()
    assert stored(reader, doc) == [("claim", start, end)]
    # "too": a second annotation on the same words, with the other label.
    QTest.keyClick(window.view, Qt.Key.Key_4)
    menu = _choice(window, qtbot)
    menu.findChild(QAction, "tagChoiceTag").trigger()
    assert sorted(stored(reader, doc)) == [("claim", start, end), ("party", start, end)]


def test_find_bar_finds_a_word_whatever_its_tashkeel(window, reader, tmp_path) -> None:
    open_mixed(window, tmp_path)
    QTest.keyClick(window.view, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    window.find_bar.field.insert("الولد")  # typed without diacritics (QTest types ASCII only)
    start, end = word_span(MIXED, "الوَلَدُ")
    assert window.view.selected_span() == (start, end)
    assert window.find_bar.status.text() == "1 of 1"
    # Digits typed in the find field are text, not the label shortcuts 1/2/3.
    window.find_bar.field.clear()
    QTest.keyClicks(window.find_bar.field, "12")
    assert window.find_bar.field.text() == "12"
    assert window.view.selected_span() == word_span(MIXED, "12")
    assert reader.annotations(window.document_id) == []
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.view.hasFocus()


@pytest.mark.parametrize("key", [Qt.Key.Key_PageDown])
def test_next_previous_document_and_done_mark_persist(window, reader, tmp_path, key) -> None:
    first = window.document_id
    second = open_mixed(window, tmp_path)
    QTest.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)
    assert window.document_id == first
    QTest.keyClick(window.view, key, CTRL)
    assert window.document_id == second
    QTest.keyClick(window.view, Qt.Key.Key_D, CTRL)
    assert reader.document(second).done and not reader.document(first).done
    row = window.documents.row_of(second)
    assert window.documents.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # Picking a row in the documents dock opens that document.
    table = window.document_list
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     table.visualRect(table.proxy.mapFromSource(
                         window.documents.index(window.documents.row_of(first), 1))).center())
    assert window.document_id == first and window.model.text == reader.document_text(first)


def test_counts_in_the_documents_dock_follow_tagging(window) -> None:
    text = window.model.text
    start, end = word_span(text, "47")
    put_cursor(window, start, end)
    QTest.keyClick(window.view, Qt.Key.Key_3)
    row = window.documents.row_of(window.document_id)
    column = 2 + [x.name for x in window.labels].index("figure")
    assert window.documents.index(row, column).data() == 1
    window.named_actions["undo"].trigger()
    assert window.documents.index(row, column).data() == 0


def test_a_long_document_paints_its_first_screen_then_loads_every_annotation(
        window, repo, reader, qtbot, tmp_path: Path) -> None:
    # 400 paragraphs, one figure per paragraph: far more text than one screen holds.
    paragraph = "وقال شويغو إن عدد هذه الممرات يبلغ 3 اضافة الى نقاط للاسعاف.\n\n"
    path = tmp_path / "long.txt"
    path.write_text(paragraph * 400, encoding="utf-8")
    window.import_paths([str(path)])
    doc = window.document_id
    text = window.model.text
    figure = repo.labels()[2].id
    starts = [m.start() for m in re.finditer("3", text)]
    for start in starts:
        repo.create_annotation(doc, figure, start, start + 1)
    window.open_document(doc)
    table = window.annotation_list.table
    assert not table.updatesEnabled()  # the article paints first; the table after the rest
    first_screen = window.view.first_screen_chars()
    assert first_screen < len(text)
    # Right away: the annotations a screen can show are there, so the first paint has them.
    shown = {(a.start, a.end) for a in window.model.annotations()}
    assert {(s, s + 1) for s in starts if s < first_screen} <= shown
    # Once the event loop runs: all of them, in the table and in the view, in text order.
    qtbot.waitUntil(lambda: len(window.model.annotations()) == len(starts))
    assert [a.start for a in window.model.annotations()] == starts == \
        [a.start for a in reader.annotations(doc)]
    last = window.model.annotations()[-1]
    assert window.view.annotations_at(last.start) == [last.id]
    assert window.annotation_list.proxy.rowCount() == len(starts)
    assert table.updatesEnabled()
    # After that first paint, the short columns are fitted to what they hold.
    for column in (AnnotationModel.LABEL, AnnotationModel.START, AnnotationModel.END):
        assert table.columnWidth(column) == fitted_width(table, column)



def test_columns_fitted_to_an_empty_table_widen_for_the_first_tag(window, reader, tmp_path) -> None:
    open_mixed(window, tmp_path)  # a document with no annotation: columns fitted empty
    table = window.annotation_list.table
    assert window.model.rowCount() == 0
    window.annotation_list.fit_columns()
    start, end = word_span(MIXED, "الوَلَدُ")
    put_cursor(window, start, end)
    QTest.keyClick(window.view, Qt.Key.Key_2)  # "accusation", the longest default name
    label = AnnotationModel.LABEL
    assert table.columnWidth(label) >= fitted_width(table, label)
    index = window.annotation_list.proxy.index(0, label)
    assert table.fontMetrics().horizontalAdvance(index.data()) < table.columnWidth(label)


def test_the_table_is_never_left_frozen(window, repo, qtbot, monkeypatch, tmp_path: Path) -> None:
    table = window.annotation_list.table
    doc = window.document_id
    # Reloaded (F5) before the rest arrived: the table repaints, its columns fitted.
    window.open_document(doc)
    window.reload_document()
    qtbot.waitUntil(table.updatesEnabled)
    label = AnnotationModel.LABEL
    assert table.columnWidth(label) == fitted_width(table, label)
    # Reading the rest fails (the disk, say): the analyst is told, the table still repaints,
    # and F5 reads everything again once the database answers.
    path = tmp_path / "long.txt"
    path.write_text("وقال شويغو إن عدد هذه الممرات يبلغ 3 اضافة الى نقاط للاسعاف.\n\n" * 400,
                    encoding="utf-8")
    window.import_paths([str(path)])
    long_doc = window.document_id
    last = window.model.text.rindex("3")  # far past the first screen
    far = repo.create_annotation(long_doc, repo.labels()[2].id, last, last + 1)
    real = window.repo.annotations

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise DatabaseRefused(str(window.repo.database_file), "disk I/O error")

    monkeypatch.setattr(window.repo, "annotations", broken)
    window.open_document(long_doc)
    qtbot.waitUntil(table.updatesEnabled)
    assert window.statusBar().currentMessage().startswith(
        "Not every annotation could be read (disk I/O error)")
    assert far.id not in [a.id for a in window.model.annotations()]
    monkeypatch.setattr(window.repo, "annotations", real)
    window.reload_document()
    assert far.id in [a.id for a in window.model.annotations()]

def test_reload_keeps_the_place_in_the_article(window, repo, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("وقال شويغو إن عدد هذه الممرات يبلغ 3 اضافة الى نقاط للاسعاف.\n\n" * 400,
                    encoding="utf-8")
    window.import_paths([str(path)])
    doc = window.document_id
    bar = window.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    top = window.view.firstVisibleBlock().blockNumber()
    repo.create_annotation(doc, repo.labels()[0].id, 0, 4)  # "another window" tags
    window.named_actions["reload_document"].trigger()
    assert [(a.start, a.end) for a in window.model.annotations()] == [(0, 4)]
    assert window.view.firstVisibleBlock().blockNumber() == top


def test_a_server_password_is_never_shown_or_remembered(qtbot, repo, settings_file) -> None:
    from PySide6.QtCore import QSettings

    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    url = "postgresql+psycopg://analyst:s3cret-pw@db.example/news"
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(repo, settings, url)
    qtbot.addWidget(window)
    window.show()
    window.recent_menu.aboutToShow.emit()
    shown = [window.windowTitle(), *(a.text() for a in window.recent_menu.actions())]
    assert all("s3cret" not in text for text in shown)
    assert "postgresql+psycopg://analyst@db.example/news" in window.windowTitle()
    window.close()
    settings.sync()
    assert "s3cret" not in settings_file.read_text(encoding="utf-8")
    assert settings.recent_databases[0] == "postgresql+psycopg://analyst@db.example/news"


def test_the_done_mark_is_undoable(window, reader) -> None:
    doc = window.document_id
    QTest.keyClick(window.view, Qt.Key.Key_D, CTRL)
    assert reader.document(doc).done and window.named_actions["mark_done"].isChecked()
    assert window.named_actions["undo"].text() == "&Undo mark done"
    QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert not reader.document(doc).done and not window.named_actions["mark_done"].isChecked()
    assert window.documents.documents()[0].done is False


def test_a_cancelled_export_writes_nothing_and_keeps_the_old_file(window, tmp_path,
                                                                  monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog, QLabel, QProgressDialog

    from annotator.ui.dialogs import export

    doc = window.document_id
    for n in range(6):
        window.repo.create_annotation(doc, 1, n, n + 1)
    monkeypatch.setattr(export, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: self.value() >= 4)
    target = tmp_path / "spans.csv"
    target.write_text("an older export\n", encoding="utf-8")
    window.named_actions["export_csv"].trigger()
    dialog = window.findChild(QDialog, "exportDialog")
    dialog.path.setText(str(target))
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "exportMessage").text() == "Export cancelled; nothing was written."
    assert target.read_text(encoding="utf-8") == "an older export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".spans")] == []
    monkeypatch.undo()  # not cancelled: written whole
    dialog.accept()
    assert not dialog.isVisible() and len(target.read_text(encoding="utf-8-sig").splitlines()) == 7
