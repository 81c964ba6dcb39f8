"""The article without the mouse: walking the annotations, reshaping a span, the panes, the
context menu and the shortcuts list, each from its key."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QMessageBox
from test_main_window import put_cursor, stored, word_span

_M = Qt.KeyboardModifier
ALT, SHIFT, CTRL = _M.AltModifier, _M.ShiftModifier, _M.ControlModifier


def tag_words(window, words: str, key: Qt.Key) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    span = word_span(window.model.text, words)
    window.view.select_span(*span)
    QTest.keyClick(window.view, key)
    return span


def test_brackets_walk_the_annotations_in_reading_order_and_the_table_follows(window) -> None:  # type: ignore[no-untyped-def]
    party = tag_words(window, "وزير الدفاع الروسي سيرغيه شويغو", Qt.Key.Key_4)
    claim = tag_words(window, "قالت روسيا إنها تعمل", Qt.Key.Key_1)
    country = tag_words(window, "روسيا", Qt.Key.Key_4)  # nested in the claim
    put_cursor(window, 0)
    seen = []
    for _ in range(3):
        QTest.keyClick(window.view, Qt.Key.Key_BracketRight)
        seen.append(window.view.selected_span())
        chosen = window.model.find(window.annotation_list.selected_annotation_id())
        assert (chosen.start, chosen.end) == seen[-1]  # the table's row is the same annotation
    assert seen == [claim, country, party]
    QTest.keyClick(window.view, Qt.Key.Key_BracketRight)
    assert window.statusBar().currentMessage() == "No annotation after this one"
    assert window.view.selected_span() == party
    QTest.keyClick(window.view, Qt.Key.Key_BracketLeft)
    assert window.view.selected_span() == country
    QTest.keyClick(window.view, Qt.Key.Key_BracketLeft)
    assert window.view.selected_span() == claim


def test_ctrl_bracket_goes_to_the_next_paragraph_with_no_annotation(window) -> None:  # type: ignore[no-untyped-def]
    tag_words(window, "قالت روسيا", Qt.Key.Key_1)
    tag_words(window, "سيرغيه شويغو", Qt.Key.Key_4)  # in the second paragraph
    put_cursor(window, 0)
    QTest.keyClick(window.view, Qt.Key.Key_BracketRight, CTRL)
    third = window.model.text.index("واضاف الوزير")
    assert window.view.selected_span() == (third, third)


def test_alt_arrows_move_a_spans_edges_by_words_keeping_it(window, reader, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.document_id
    tag_words(window, "روسيا", Qt.Key.Key_1)
    first = reader.annotations(doc)[0]
    window.set_note(first.id, "ملاحظة")
    put_cursor(window, first.start + 1)
    # Right to left: the end is on the left, so Alt+Left grows it by the next word.
    QTest.keyClick(window.view, Qt.Key.Key_Left, ALT)
    assert stored(reader, doc) == [("claim", *word_span(window.model.text, "روسيا إنها"))]
    assert window.view.selected_span() == word_span(window.model.text, "روسيا إنها")
    # Alt+Shift+Right moves the start right: back over the word before.
    QTest.keyClick(window.view, Qt.Key.Key_Right, ALT | SHIFT)
    assert stored(reader, doc) == [("claim", *word_span(window.model.text, "قالت روسيا إنها"))]
    after = reader.annotations(doc)[0]
    assert (after.id, after.note) == (first.id, "ملاحظة")
    assert window.annotation_list.table.model().rowCount() == 1
    # Alt+Right shrinks the end; undo takes each step back, in order.
    QTest.keyClick(window.view, Qt.Key.Key_Right, ALT)
    assert stored(reader, doc) == [("claim", *word_span(window.model.text, "قالت روسيا"))]
    window.named_actions["undo"].trigger()
    window.named_actions["undo"].trigger()
    assert stored(reader, doc) == [("claim", *word_span(window.model.text, "روسيا إنها"))]
    assert window.named_actions["undo"].text().startswith("&Undo resize claim")
    # With snapping off, a step is one letter.
    window.named_actions["snap_to_words"].trigger()
    span = word_span(window.model.text, "روسيا إنها")
    put_cursor(window, span[0] + 2)
    QTest.keyClick(window.view, Qt.Key.Key_Left, ALT)
    assert stored(reader, doc) == [("claim", span[0], span[1] + 1)]
    # Shrinking a one-word span to nothing is refused, with the reason.
    window.named_actions["snap_to_words"].trigger()
    word = tag_words(window, "المحاصرة", Qt.Key.Key_3)
    put_cursor(window, word[0] + 1)
    QTest.keyClick(window.view, Qt.Key.Key_Right, ALT)
    assert ("figure", *word) in stored(reader, doc)
    assert "cannot grow or shrink further" in window.statusBar().currentMessage()


def test_ctrl_digits_put_the_keyboard_in_each_pane(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.findChild(QDockWidget, "documentsDock").close()
    for key, widget in ((Qt.Key.Key_2, window.document_list), (Qt.Key.Key_3, window.annotation_list.table),
                        (Qt.Key.Key_4, window.annotation_list.text_filter), (Qt.Key.Key_1, window.view)):
        QTest.keyClick(QApplication.focusWidget(), key, CTRL)
        qtbot.waitUntil(widget.hasFocus)
        assert widget.isVisible()  # the closed documents dock came back


def test_shift_f10_opens_the_context_menu_at_the_caret_on_the_reading_side(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    span = tag_words(window, "روسيا", Qt.Key.Key_1)
    put_cursor(window, span[0] + 2)
    QTest.keyClick(window.view, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: any(m.isVisible() for m in window.findChildren(QMenu, "viewContextMenu")))
    menu = next(m for m in window.findChildren(QMenu, "viewContextMenu") if m.isVisible())
    assert any("«روسيا»" in a.text() for a in menu.actions())
    caret = window.view.viewport().mapToGlobal(window.view.cursorRect().bottomLeft())
    # The paragraph reads right to left: the menu opens to the caret's left, over what comes next.
    assert menu.geometry().right() <= caret.x() + 1
    menu.close()


def test_f1_lists_every_action_with_its_keys_and_finds_by_key(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(window.view, Qt.Key.Key_F1)
    from annotator.ui.dialogs.shortcuts import ShortcutsDialog

    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog, "shortcutsDialog") is not None)
    dialog = window.findChild(ShortcutsDialog, "shortcutsDialog")
    assert dialog.isVisible()
    table = dialog.table.model()
    rows = {table.index(r, 0).data(): table.index(r, 1).data() for r in range(table.rowCount())}
    keyed = [a for a in window.actions() if isinstance(a, QAction) and a.shortcuts()]
    assert len(rows) >= len(keyed) > 30
    assert rows["Next annotation"] == "]" and rows["claim"] == "1" and rows["Link: said by"] == "S"
    assert rows["Move the span's end left"] == "Alt+Left"
    QTest.keyClicks(dialog.filter, "alt+")
    shown = [table.index(r, 1).data() for r in range(table.rowCount())]
    assert len(shown) >= 4 and all("Alt+" in keys for keys in shown)


def test_next_document_not_done_skips_the_done_ones(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    paths = []
    for n, text in enumerate(("مقال أول عن حلب", "مقال ثان عن حمص", "مقال ثالث عن إدلب")):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    window.import_paths([str(p) for p in paths])
    docs = window.documents.documents()
    ids = {d.title: d.id for d in docs}
    window.open_document(ids["0"])
    window.mark_document_done(ids["1"], True)
    QTest.keyClick(window.view, Qt.Key.Key_PageDown, CTRL | SHIFT)
    assert window.document_id == ids["2"]


def test_the_documents_pane_shows_progress_sorts_and_filters(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for name, text in (("b-homs", "مقال عن حمص"), ("a-idlib", "مقال عن إدلب")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    window.import_paths([str(tmp_path)])
    window.findChild(QMessageBox, "importReport").accept()  # the import's report, read
    pane, table = window.documents_pane, window.document_list
    assert pane.progress.text() == "0 / 3 done"
    ids = {d.title: d.id for d in window.documents.documents()}
    window.mark_document_done(ids["b-homs"], True)
    assert pane.progress.text() == "1 / 3 done"

    def titles() -> list[str]:
        return [table.model().index(r, 1).data() for r in range(table.model().rowCount())]
    assert titles() == ["aleppo-corridors", "a-idlib", "b-homs"]  # as imported
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert titles() == ["b-homs", "aleppo-corridors", "a-idlib"]
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # done first
    assert titles()[0] == "b-homs"
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert titles() == ["a-idlib", "aleppo-corridors", "b-homs"]
    # Next document follows the order shown.
    window.open_document(ids["a-idlib"])
    QTest.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    assert window.document_id == ids["aleppo-corridors"]
    pane.done_filter.setCurrentIndex(pane.done_filter.findData("not done"))
    assert titles() == ["a-idlib", "aleppo-corridors"]
    pane.title_filter.setText("IDLIB")
    assert titles() == ["a-idlib"]
    pane.title_filter.clear()
    pane.done_filter.setCurrentIndex(pane.done_filter.findData("done"))
    assert titles() == ["b-homs"]


def test_the_status_bar_counts_todays_annotations_and_the_pace(make_window, repo, qtbot) -> None:  # type: ignore[no-untyped-def]
    import getpass
    from datetime import timedelta

    from annotator.store.values import utc_now
    from annotator.ui.progress import start_of_today

    now = utc_now()
    me = getpass.getuser()  # the analyst's name when none is set
    if start_of_today() > now - timedelta(minutes=6):
        import pytest
        pytest.skip("run in the first minutes of the day: the earlier annotations fall on yesterday")
    doc = repo.documents()[0].id
    claim = next(x.id for x in repo.labels() if x.name == "claim")
    # Five made a minute apart before this window opened, one made yesterday, one by someone else.
    for n in range(5):
        repo.create_annotation(doc, claim, 10 * n, 10 * n + 4, annotator=me,
                               created_at=now - timedelta(minutes=5 - n))
    repo.create_annotation(doc, claim, 60, 64, annotator=me, created_at=now - timedelta(days=1))
    repo.create_annotation(doc, claim, 70, 74, annotator="someone else", created_at=now)
    window = make_window()
    status = window.status.today
    assert status.text() == "today 5 · 60/h"  # 4 annotations over 4 minutes of work
    tag_words(window, "المحاصرة", Qt.Key.Key_3)
    assert status.text().startswith("today 6 · ")
    window.named_actions["undo"].trigger()
    assert status.text() == "today 5 · 60/h"


def test_dragging_an_end_of_the_annotation_at_the_caret_moves_it(window, reader, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from test_main_window import drag, point_at

    doc = window.document_id
    span = tag_words(window, "روسيا", Qt.Key.Key_1)
    first = reader.annotations(doc)[0]
    put_cursor(window, span[0] + 2)
    viewport = window.view.viewport()
    grip = window.view.caret_rect(span[1]).center()
    QTest.mouseMove(viewport, grip)
    assert viewport.cursor().shape() == Qt.CursorShape.SizeHorCursor  # the end can be taken
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grip)
    into = point_at(window, word_span(window.model.text, "إنها")[0] + 2)
    put_cursor(window, span[0] + 2)  # point_at moved the caret; the grip holds the annotation
    drag(viewport, into)
    assert window.view.selected_span() == word_span(window.model.text, "روسيا إنها")  # shown while held
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, QPointF(into), QPointF(viewport.mapToGlobal(into)),
                          Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, release)
    assert stored(reader, doc) == [("claim", *word_span(window.model.text, "روسيا إنها"))]
    assert reader.annotations(doc)[0].id == first.id
    window.named_actions["undo"].trigger()
    assert stored(reader, doc) == [("claim", *span)]


def test_the_first_start_asks_the_analysts_name_which_each_annotation_then_carries(  # type: ignore[no-untyped-def]
        window, reader, make_window, qtbot) -> None:
    import getpass

    from annotator.ui.dialogs.analyst import AnalystDialog

    dialog = window.ask_name(first_start=True)
    assert isinstance(dialog, AnalystDialog) and dialog.isVisible()
    assert dialog.field.text() == getpass.getuser()  # the login name until one is given
    dialog.field.setText("   ")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.field.setText("  Salma Haddad ")
    dialog.accept()
    assert window.status.analyst.text() == "Salma Haddad"
    tag_words(window, "روسيا", Qt.Key.Key_1)
    assert [a.annotator for a in reader.annotations(window.document_id)] == ["Salma Haddad"]
    assert window.status.today.text().startswith("today 1")
    # Remembered: the next start does not ask again.
    again = make_window()
    assert again.ask_name(first_start=True) is None
    assert again.status.analyst.text() == "Salma Haddad"


def test_view_analysts_shows_everyones_layer_mine_or_chosen_ones(make_window, repo, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = repo.documents()[0].id
    claim = next(x.id for x in repo.labels() if x.name == "claim")
    for n, who in enumerate(("ann", "bea", "bea", "cai")):
        repo.create_annotation(doc, claim, 10 * n, 10 * n + 4, annotator=who)
    window = make_window()
    window.settings.annotator = "ann"

    def shown() -> list[str]:
        return sorted(a.annotator for a in window.model.annotations())
    assert shown() == ["ann", "bea", "bea", "cai"]
    menu = window.layers_menu
    menu.aboutToShow.emit()
    entries = [a.text() for a in menu.actions() if a.text()]
    assert entries == ["Everyone's annotations", "Mine only", "ann", "bea", "cai"]
    menu.findChild(QAction, "layersMine").trigger()
    assert shown() == ["ann"]
    assert window.statusBar().currentMessage() == "Showing the annotations of ann"
    menu.aboutToShow.emit()
    menu.findChild(QAction, "layer:bea").setChecked(True)  # mine, and Bea's
    assert shown() == ["ann", "bea", "bea"]
    assert window.annotation_list.table.model().rowCount() == 3
    # Another document and back: the choice holds; everyone's brings all back.
    window.open_document(doc)
    assert shown() == ["ann", "bea", "bea"]
    menu.aboutToShow.emit()
    menu.findChild(QAction, "layersEveryone").trigger()
    assert shown() == ["ann", "bea", "bea", "cai"]


def test_the_agreement_dialog_drills_down_to_one_document(make_window, repo, qtbot) -> None:  # type: ignore[no-untyped-def]
    from annotator.core.text import Document
    from annotator.ui.dialogs.agreement import AgreementDialog

    first = repo.documents()[0].id
    second = repo.add_document(Document("second", "نص ثان فيه ادعاء واحد فقط.", "utf-8"))[0].id
    claim = next(x.id for x in repo.labels() if x.name == "claim")
    for who in ("ann", "bea"):
        repo.create_annotation(first, claim, 0, 10, annotator=who)  # agree on the first
    repo.create_annotation(second, claim, 0, 6, annotator="ann")  # differ on the second
    repo.create_annotation(second, claim, 7, 10, annotator="bea")
    window = make_window()
    window.named_actions["agreement"].trigger()
    dialog = window.findChild(AgreementDialog, "agreementDialog")
    assert dialog.isVisible()

    def value(label: str, measure: str) -> str:
        model = dialog.model
        return next(model.item(r, 3).text() for r in range(model.rowCount())
                    if model.item(r, 1).text() == label and model.item(r, 2).text() == measure)
    assert value("all labels", "strict F1") == "0.500"  # 1 agreed of 2 + 2
    assert dialog.summary.text() == "4 spans compared"
    dialog.document.setCurrentIndex(dialog.document.findData(second))
    assert value("all labels", "strict F1") == "0.000"
    dialog.document.setCurrentIndex(dialog.document.findData(first))
    assert value("all labels", "strict F1") == "1.000"
    dialog.analysts.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.model.rowCount() == 0 and "two analysts" in dialog.summary.text()
