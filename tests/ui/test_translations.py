"""The interface in Arabic and in English: every text translated, the Arabic window mirrored,
the language switched from the View menu and remembered."""
from __future__ import annotations

import importlib.util
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from annotator.ui import i18n

REPO_ROOT = Path(__file__).resolve().parents[2]
FOLDER = REPO_ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{\w*\}")
# What may stay in Latin letters in an Arabic window: names of formats and of the language
# itself; anything else Latin (a path, a key, a number) must sit in an isolate (FSI … PDI).
LATIN_NAMES = re.compile(r"\b(CSV|JSON Lines|SQLite|PostgreSQL|English)\b|\.txt")
ISOLATED = re.compile("\u2068[^\u2069]*\u2069")
TAG = re.compile(r"</?\w+[^>]*>")


def _update_ts():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("update_ts", FOLDER / "update_ts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # for its dataclass
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_text_in_the_sources_has_a_finished_translation(language: str) -> None:
    update_ts = _update_ts()
    wanted = {(m.context, m.source): m.numerus for m in update_ts.messages()}
    root = ET.parse(FOLDER / f"annotator_{language}.ts").getroot()
    found = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            found[(context.findtext("name"), message.findtext("source"))] = message
    assert set(found) == set(wanted), "run make translations-update and translate what it adds"
    for (context, source), message in found.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        texts = ([form.text or "" for form in translation.findall("numerusform")] if wanted[(context, source)]
                 else [translation.text or ""])
        assert len(texts) == update_ts.FORMS[language] if wanted[(context, source)] else 1, (context, source)
        for text in texts:
            assert text.strip(), (context, source)
            # Every {name} the code fills in is kept, and no other.
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(source)), (context, source, text)


def _shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """Every text the window and its open dialogs show: menus, actions, docks, labels, buttons,
    placeholders, combo items, tool tips and column headers (not the article or its titles)."""
    out: list[tuple[str, str]] = []
    roots = [window, *[d for d in window.findChildren(QDialog) if d.isVisible()]]
    for root in roots:
        out += [(f"action {a.objectName()}", a.text()) for a in root.findChildren(QAction)]
        out += [(f"tip {a.objectName()}", a.toolTip()) for a in root.findChildren(QAction)]
        out += [(f"menu {m.objectName()}", m.title()) for m in root.findChildren(QMenu)]
        out += [(f"dock {d.objectName()}", d.windowTitle()) for d in root.findChildren(QDockWidget)]
        out += [(f"label {x.objectName()}", x.text()) for x in root.findChildren(QLabel)
                if x.objectName() != "documentStatus"]  # the article's title
        out += [(f"button {b.objectName()}", b.text()) for b in root.findChildren(QAbstractButton)]
        out += [(f"placeholder {e.objectName()}", e.placeholderText()) for e in root.findChildren(QLineEdit)]
        out += [(f"item {c.objectName()}", c.itemText(i)) for c in root.findChildren(QComboBox)
                for i in range(c.count())]
        out += [(f"tooltip {w.objectName()}", w.toolTip()) for w in root.findChildren(QWidget)]
        out += [(f"window {root.objectName()}", root.windowTitle())]
        for view in root.findChildren(QAbstractItemView):
            header = getattr(view, "horizontalHeader", lambda: None)()
            if isinstance(header, QHeaderView) and view.model() is not None:
                out += [(f"header {view.objectName()}", str(view.model().headerData(c, Qt.Orientation.Horizontal)))
                        for c in range(header.count())]
    return out


def _latin(text: str) -> bool:
    plain = TAG.sub("", ISOLATED.sub("", text))  # a rich text's own <b> and <a href>
    return bool(re.search("[A-Za-z]", LATIN_NAMES.sub("", plain)))


def _open_everything(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A claim selected (its attributes and links in the panel), a selection in the status line,
    the find bar and the export, labels and scheme dialogs open."""
    window.view.select_span(0, 5)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # a claim
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.annotation_list.table.selectRow(0)
    qtbot.waitUntil(lambda: window.attribute_panel.isVisible())
    window.named_actions["find"].trigger()
    for name in ("export_csv", "edit_labels", "edit_scheme", "edit_note"):
        window.named_actions[name].trigger()
    shown = {d.objectName() for d in window.findChildren(QDialog) if d.isVisible()}
    assert shown == {"exportDialog", "labelsDialog", "schemeDialog", "noteDialog"}


def test_the_arabic_window_shows_no_english_and_is_mirrored(qapp, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert i18n.install(qapp, "ar")
    window = make_window()
    _open_everything(window, qtbot)
    window.view.select_span(0, 2)
    texts = _shown_texts(window)
    assert len(texts) > 200
    untranslated = [(where, text) for where, text in texts if _latin(text)]
    assert untranslated == [], "\n".join(map(repr, untranslated))
    assert window.named_actions["export_csv"].text() == "&تصدير CSV…"
    assert window.findChild(QDockWidget, "annotationsDock").windowTitle() == "الوسوم"
    # Arabic plurals: two characters are the dual, not "2 characters".
    assert "(حرفان)" in window.status.selection.text()
    # Mirrored: the panels on the right of the article, menus and columns from the right.
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    for dock in window.findChildren(QDockWidget):
        assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
        assert dock.geometry().left() >= window.centralWidget().geometry().right()
    assert window.annotation_list.table.isRightToLeft()


def test_the_english_window_reads_left_to_right_with_its_panels_on_the_left(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.named_actions["export_csv"].text() == "&Export CSV…"
    for dock in window.findChildren(QDockWidget):
        assert dock.geometry().right() <= window.centralWidget().geometry().left()
    # English plurals come from the English translation: one character, not "1 character(s)".
    window.view.select_span(0, 1)
    assert window.status.selection.text().endswith("(1 character)")


def test_choosing_arabic_in_the_view_menu_reopens_the_window_in_arabic_and_is_remembered(
        qapp, make_window, qtbot, repo, db_path: Path, settings_file: Path) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui.app import reopen
    from annotator.ui.settings import Settings

    window = make_window()
    window.view.select_span(10, 25)
    document = window.document_id
    reopened = []
    window.languageChosen.connect(lambda _language: reopened.append(reopen(window)))
    window.findChild(QAction, "language_ar").trigger()
    qtbot.waitUntil(lambda: len(reopened) == 1)
    arabic = reopened[0]
    qtbot.addWidget(arabic)
    qtbot.waitUntil(arabic.isVisible)
    assert not window.isVisible()
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic.menuBar().actions()[0].text() == "&ملف"
    # The same document, selection and database; the choice is ticked and written down.
    assert arabic.document_id == document
    assert arabic.view.selected_span() == (10, 25)
    assert arabic.findChild(QAction, "language_ar").isChecked()
    assert Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).language == "ar"
    # Back to English from the Arabic menu (reopen itself wires the window it makes).
    from annotator.ui import app as app_module

    arabic.findChild(QAction, "language_en").trigger()
    qtbot.waitUntil(lambda: len(app_module._open_windows) == 1)
    english = app_module._open_windows.pop()
    qtbot.addWidget(english)
    assert not arabic.isVisible()
    assert english.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert english.menuBar().actions()[0].text() == "&File"
    assert english.view.selected_span() == (10, 25)


def test_an_attribute_filters_by_its_arabic_name_and_by_its_stored_one(qapp, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert i18n.install(qapp, "ar")
    window = make_window()
    for start, key in ((0, Qt.Key.Key_1), (20, Qt.Key.Key_1)):
        window.view.select_span(start, start + 5)
        qtbot.keyClick(window.view, key)
    claims = [a.id for a in window.model.annotations()]
    assert len(claims) == 2
    window.set_attribute(claims[1], "certainty", "probable")
    table = window.annotation_list.table
    for needle in ("درجة اليقين=مرجح", "certainty=probable"):  # the shadda of مرجَّح need not be typed
        window.annotation_list.text_filter.setText(needle)
        qtbot.waitUntil(lambda: table.model().rowCount() == 1)
        assert window.annotation_list.proxy.annotation_id(0) == claims[1]
    window.annotation_list.text_filter.setText("درجة اليقين=مؤكد")
    qtbot.waitUntil(lambda: table.model().rowCount() == 0)


def _x_of(text: str, index: int) -> float:
    """Where character `index` of `text` starts, laid out as a right-to-left paragraph."""
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout.lineAt(0).cursorToX(index)[0]


def test_menu_shortcuts_read_left_to_right_in_the_arabic_window(qapp) -> None:  # type: ignore[no-untyped-def]
    assert not isinstance(qapp.style(), i18n.ReadsAsWritten)
    assert i18n.install(qapp, "ar")
    assert isinstance(qapp.style(), i18n.ReadsAsWritten)  # what draws every menu item
    shown = i18n.left_to_right_shortcut("تكبير\tCtrl++").split("\t")[1]
    # Caret positions inside each run: between C and t, and between the two +.
    # "Ctrl++" in a right-to-left line shows as "++Ctrl"; isolated, Ctrl comes first, left of the +.
    assert _x_of("Ctrl++", 5) < _x_of("Ctrl++", 1)
    assert _x_of(shown, 2) < _x_of(shown, 6)
    assert i18n.install(qapp, "en")
    assert not isinstance(qapp.style(), i18n.ReadsAsWritten)


def test_the_arabic_file_dialog_is_translated_and_shows_paths_and_sizes_as_written(  # type: ignore[no-untyped-def]
        qapp, make_window, qtbot, db_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QStyleOptionViewItem, QTreeView

    assert i18n.install(qapp, "ar")
    window = make_window()
    window.named_actions["import_files"].trigger()
    dialog = window.findChild(QFileDialog, "fileDialog")
    assert dialog.isVisible()
    texts = [(f"label {x.objectName()}", x.text()) for x in dialog.findChildren(QLabel)]
    texts += [(f"button {b.objectName()}", b.text()) for b in dialog.findChildren(QAbstractButton)]
    assert [(where, text) for where, text in texts if _latin(text)] == []
    assert dialog.findChild(QLabel, "lookInLabel").text() == "البحث في:"
    # The database's folder, listed: its size and type read as written in the mirrored list.
    model = dialog.findChild(QFileSystemModel)
    qtbot.waitUntil(lambda: model.index(str(db_path)).isValid() and model.size(model.index(str(db_path))) > 0)
    row = model.index(str(db_path))
    view = dialog.findChild(QTreeView, "treeView")
    size = row.siblingAtColumn(1)
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, size)
    assert option.text == f"\u2068{size.data()}\u2069" and re.search(r"\d", size.data())  # «4.00 KiB», not «KiB 4.00»
    assert row.siblingAtColumn(2).data() == "قاعدة بيانات"
    dialog.reject()


def test_choices_typed_with_arabic_commas_are_separate_and_listed_with_them(  # type: ignore[no-untyped-def]
        qapp, make_window, reader) -> None:
    from annotator.ui.dialogs.scheme import SchemeDialog

    assert i18n.install(qapp, "ar")
    window = make_window()
    window.named_actions["edit_scheme"].trigger()
    dialog = window.findChild(SchemeDialog, "schemeDialog")
    dialog.label.setCurrentIndex(dialog.label.findText("ادعاء"))
    dialog.attribute_name.setText("المصدر")
    dialog.attribute_kind.setCurrentIndex(dialog.attribute_kind.findData("choice"))
    dialog.attribute_choices.setText("وكالة، مراسل ,بيان")
    dialog.findChild(QAbstractButton, "addAttribute").click()
    stored = next(a for a in reader.attributes() if a.name == "المصدر")
    assert stored.choices == ("وكالة", "مراسل", "بيان")
    row = next(r for r in range(dialog.attributes.rowCount()) if dialog.attributes.item(r, 0).text() == "المصدر")
    assert dialog.attributes.item(row, 2).text() == "وكالة، مراسل، بيان"
