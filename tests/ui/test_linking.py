"""From tagging a claim to linking its party and setting its certainty, all by keys."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

from annotator.store.repository import Repository
from annotator.ui.dialogs.link_picker import LinkPicker

CLAIM = "إن مسلحي \"المعارضة\" سيسمح لهم ايضا بمغادرة المدينة"
SPEAKER = "وزير الدفاع الروسي سيرغيه شويغو"
FIGURE_CLAIM = "إن عدد هذه الممرات يبلغ 3"


def span(window, phrase: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    start = window.model.text.index(phrase)
    return start, start + len(phrase)


def tag(window, phrase: str, key: Qt.Key) -> int:  # type: ignore[no-untyped-def]
    if not window.isActiveWindow():  # a dialog was just closed: keys go to the active window
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
    window.view.select_span(*span(window, phrase))
    QTest.keyClick(window.view, key)
    return next(a.id for a in window.model.annotations() if (a.start, a.end) == span(window, phrase))


def press_in_article(window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    if not window.isActiveWindow():  # a dialog was just closed: keys go to the active window
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
    window.view.setFocus()
    QTest.keyClick(window.view, key, modifier)


def picker(window, qtbot) -> LinkPicker:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(p.isVisible() for p in window.findChildren(LinkPicker)))
    found = next(p for p in window.findChildren(LinkPicker) if p.isVisible())
    qtbot.waitUntil(lambda: found.filter.hasFocus() or found.isActiveWindow())
    return found


def stored_links(reader: Repository, doc: int) -> list[tuple[str, str, str]]:
    text = reader.document_text(doc)
    by_id = {a.id: text[a.start:a.end] for a in reader.annotations(doc)}
    return [(r.type, by_id[r.source_id], by_id[r.target_id]) for r in reader.relations(doc)]


def test_a_claim_is_linked_to_its_party_and_given_a_certainty_by_keys(qtbot, window, reader) -> None:
    doc = window.document_id
    claim = tag(window, CLAIM, Qt.Key.Key_1)
    tag(window, SPEAKER, Qt.Key.Key_4)
    # S with the caret in the claim: the party is offered first, Enter links it.
    window.view.select_span(span(window, CLAIM)[0] + 3, span(window, CLAIM)[0] + 3)
    press_in_article(window, Qt.Key.Key_S)
    choose = picker(window, qtbot)
    assert choose.proxy.index(0, 0).data().startswith(SPEAKER)
    QTest.keyClick(choose.filter, Qt.Key.Key_Return)
    assert stored_links(reader, doc) == [("said_by", CLAIM, SPEAKER)]
    # Alt+Return goes to the claim's attributes; typing chooses, and it is stored at once.
    press_in_article(window, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    certainty = window.attribute_panel.editors["certainty"]
    assert isinstance(certainty, QComboBox) and QApplication.focusWidget() is certainty
    QTest.keyClicks(certainty, "pr")  # «probable», as a reader types it
    assert reader.annotation(claim).attributes == {"certainty": "probable"}
    assert any("said by → party «\u2068" + SPEAKER in window.attribute_panel.links.item(i).text()
               for i in range(window.attribute_panel.links.count()))
    # Undo takes back the certainty, then the link; redo brings the link back with its id.
    link_id = reader.relations(doc)[0].id
    press_in_article(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reader.annotation(claim).attributes == {}
    press_in_article(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reader.relations(doc) == []
    press_in_article(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [r.id for r in reader.relations(doc)] == [link_id]
    # Deleting the claim takes its link; undo brings both back, same ids.
    window.view.select_span(span(window, CLAIM)[0] + 3, span(window, CLAIM)[0] + 3)
    window.annotation_list.table.clearSelection()
    press_in_article(window, Qt.Key.Key_Delete)
    assert reader.annotation(claim) is None and reader.relations(doc) == []
    assert window.model.relations() == []
    press_in_article(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reader.annotation(claim) is not None and [r.id for r in reader.relations(doc)] == [link_id]
    assert [r.id for r in window.model.relations()] == [link_id]


def test_the_selected_speaker_is_tagged_as_the_party_and_linked_in_one_step(qtbot, window, reader) -> None:
    doc = window.document_id
    sentence = "وقال شويغو " + FIGURE_CLAIM
    tag(window, sentence, Qt.Key.Key_1)
    window.view.select_span(span(window, sentence)[0] + 5, span(window, sentence)[0] + 10)  # the name
    press_in_article(window, Qt.Key.Key_S)
    choose = picker(window, qtbot)
    assert re.match("Tag «شويغو» as party and link", choose.proxy.index(0, 0).data())
    QTest.keyClick(choose.filter, Qt.Key.Key_Return)
    assert stored_links(reader, doc) == [("said_by", sentence, "شويغو")]
    assert sorted(a.label for a in reader.annotations(doc)) == ["claim", "party"]
    press_in_article(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step undoes both
    assert [a.label for a in reader.annotations(doc)] == ["claim"] and reader.relations(doc) == []


def test_a_relation_key_says_what_is_missing(window, reader) -> None:
    window.view.select_span(5, 5)  # plain text
    press_in_article(window, Qt.Key.Key_S)
    assert window.statusBar().currentMessage() == (
        "Put the caret in the claim or accusation to link first: said by links it to its party")
    tag(window, CLAIM, Qt.Key.Key_1)
    window.view.select_span(span(window, CLAIM)[0] + 3, span(window, CLAIM)[0] + 3)
    press_in_article(window, Qt.Key.Key_S)
    assert window.statusBar().currentMessage().startswith("No party to link in this document yet")
    assert reader.relations(window.document_id) == []


def relation_pixels(window) -> int:  # type: ignore[no-untyped-def]
    """Pixels of the article in said_by's colour (full or as drawn over white, faded)."""
    colour = next(t.colour for t in window.model.relation_types if t.name == "said_by")
    from PySide6.QtGui import QColor

    c = QColor(colour)
    faded = [round(255 - (255 - v) * 2 / 3) for v in (c.red(), c.green(), c.blue())]
    image = window.view.viewport().grab().toImage()
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            p = image.pixelColor(x, y)
            rgb = (p.red(), p.green(), p.blue())
            if any(sum((a - b) ** 2 for a, b in zip(rgb, target)) < 300
                   for target in ((c.red(), c.green(), c.blue()), faded)):
                found += 1
    return found


def test_a_link_is_drawn_between_its_ends_and_hovering_one_end_marks_the_other(qtbot, window) -> None:
    from annotator.ui.relation_arcs import Anchor  # noqa: F401 (the drawing's own module)

    claim = tag(window, CLAIM, Qt.Key.Key_1)
    party = tag(window, SPEAKER, Qt.Key.Key_4)
    window.view.select_span(span(window, CLAIM)[0] + 3, span(window, CLAIM)[0] + 3)
    before = relation_pixels(window)
    press_in_article(window, Qt.Key.Key_S)
    QTest.keyClick(picker(window, qtbot).filter, Qt.Key.Key_Return)
    drawn = relation_pixels(window)
    assert drawn > before + 20
    # Hovering the claim draws its link boldly and outlines the party.
    where = window.view.span_on_screen(*span(window, CLAIM))
    assert where is not None and window.view.span_on_screen(*span(window, SPEAKER)) is not None
    QTest.mouseMove(window.view.viewport(), where.line.center().toPoint())
    qtbot.waitUntil(lambda: window.view.hovered_annotation == claim)
    assert relation_pixels(window) > drawn
    assert "said by → party «" in window.view.tooltip_at(where.line.center().toPoint())
    # Unlinked: nothing of it is left on screen.
    window.unlink(window.model.relations()[0].id)
    assert relation_pixels(window) <= before
    assert party in {a.id for a in window.model.annotations()}


def test_attribute_columns_come_hidden_and_the_header_menu_shows_them(qtbot, window) -> None:
    from PySide6.QtWidgets import QMenu

    from annotator.ui.annotation_model import AnnotationModel

    claim = tag(window, CLAIM, Qt.Key.Key_1)
    window.set_attribute(claim, "certainty", "possible")
    table = window.annotation_list.table
    column = len(AnnotationModel.COLUMNS) + window.model.attribute_columns.index("certainty")
    assert table.isColumnHidden(column)
    header = table.horizontalHeader()
    header.customContextMenuRequested.emit(header.rect().center())
    menu = next(m for m in window.annotation_list.findChildren(QMenu, "columnMenu") if m.isVisible())
    entry = next(a for a in menu.actions() if a.text() == "certainty")
    assert not entry.isChecked()
    entry.trigger()
    menu.close()
    assert not table.isColumnHidden(column)
    row = window.annotation_list.proxy.mapFromSource(window.model.index(window.model.row_of(claim), column))
    assert row.data() == "possible"


def test_a_figure_fills_in_its_attributes_from_its_text(qtbot, window, reader) -> None:
    figure = tag(window, "يبلغ 3", Qt.Key.Key_3)
    stored = reader.annotation(figure)
    assert stored is not None and stored.attributes == {"kind": "count", "value": "3"}
    window.view.select_span(stored.start + 1, stored.start + 1)
    window.annotation_list.table.clearSelection()
    window._show_attributes()
    panel = window.attribute_panel
    assert panel.editors["value"].text() == "3"
    assert panel.editors["kind"].currentText() == "count"
    # One undo step takes back the tag with what it proposed.
    press_in_article(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reader.annotation(figure) is None


def test_the_scheme_dialog_adds_attributes_and_link_types_that_work_at_once(qtbot, window, reader,
                                                                           monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from annotator.ui.dialogs.scheme import SchemeDialog

    window.named_actions["edit_scheme"].trigger()
    dialog = window.findChild(SchemeDialog, "schemeDialog")
    dialog.label.setCurrentIndex(dialog.label.findText("claim"))
    dialog.attribute_name.setText("source_type")
    dialog.attribute_kind.setCurrentText("choice")
    dialog.attribute_choices.setText("wire, own reporting")
    dialog.findChild(QPushButton, "addAttribute").click()
    assert "Added source type" in dialog.message.text()
    # A kind of link with a key: from party to party.
    dialog.link_name.setText("quotes")
    dialog.link_key.setText("q")
    for widget in (dialog.link_from, dialog.link_to):
        next(widget.item(i) for i in range(widget.count()) if widget.item(i).text() == "party") \
            .setCheckState(Qt.CheckState.Checked)
    dialog.findChild(QPushButton, "addLinkType").click()
    assert "Added the link quotes" in dialog.message.text()
    # A key that is taken is refused.
    dialog.link_name.setText("echoes")
    dialog.link_key.setText("s")
    dialog.findChild(QPushButton, "addLinkType").click()
    assert dialog.message.text() == "S is already the shortcut of link said by"
    dialog.close()
    claim = tag(window, CLAIM, Qt.Key.Key_1)
    window.set_attribute(claim, "source_type", "wire")
    assert reader.annotation(claim).attributes == {"source_type": "wire"}
    assert any(a.shortcut().toString() == "Q" for a in window.link_actions)
    party = tag(window, SPEAKER, Qt.Key.Key_4)
    said_by = next(t for t in window.model.relation_types if t.name == "said_by")
    window.repo.create_relation(said_by.id, claim, party)
    # Removing the attribute takes its values (after a question).
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.named_actions["edit_scheme"].trigger()
    dialog = next(d for d in window.findChildren(SchemeDialog, "schemeDialog") if d.isVisible())
    dialog.label.setCurrentIndex(dialog.label.findText("claim"))
    row = next(r for r in range(dialog.attributes.rowCount()) if dialog.attributes.item(r, 0).text() == "source type")
    dialog.attributes.setCurrentCell(row, 0)
    dialog.findChild(QPushButton, "removeAttribute").click()
    assert dialog.message.text() == "Removed source type and its 1 value."
    assert reader.annotation(claim).attributes == {}
    assert window.model.find(claim).attributes == {}  # the window shows it too
    # A link type in use cannot go.
    said = next(r for r in range(dialog.links.rowCount()) if dialog.links.item(r, 0).text() == "said by")
    dialog.links.setCurrentCell(said, 0)
    dialog.findChild(QPushButton, "removeLinkType").click()
    assert dialog.message.text() == "1 said_by link(s) exist; remove them before the link type"
