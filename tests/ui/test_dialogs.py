"""The window's dialogs and memory: labels, CSV export, import, restart, switching databases."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMessageBox,
)
from test_main_window import put_cursor, stored, word_span

from annotator.core.csvio import HEADER
from annotator.store.repository import Repository
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.dialogs.export import ExportDialog
from annotator.ui.dialogs.labels import LabelsDialog


def _tag(window, word: str, key: Qt.Key, nth: int = 0) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    start, end = word_span(window.model.text, word, nth)
    put_cursor(window, start, end)
    QTest.keyClick(window.view, key)
    return start, end


def _labels_dialog(window) -> LabelsDialog:  # type: ignore[no-untyped-def]
    window.named_actions["edit_labels"].trigger()
    [dialog] = [d for d in window.findChildren(LabelsDialog) if d.isVisible()]
    return dialog


def test_labels_dialog_renames_recolours_and_the_window_follows(window, reader) -> None:
    doc = window.document_id
    start, end = _tag(window, "شويغو", Qt.Key.Key_1)
    dialog = _labels_dialog(window)
    claim = next(x for x in reader.labels() if x.name == "claim")
    _colour, name, _keys = dialog.rows[claim.id]
    name.setFocus()
    name.selectAll()
    name.insert("ادعاء")
    QTest.keyClick(name, Qt.Key.Key_Return)
    assert next(x for x in reader.labels() if x.id == claim.id).name == "ادعاء"
    assert stored(reader, doc) == [("ادعاء", start, end)]
    assert window.model.index(0, AnnotationModel.LABEL).data() == "ادعاء"
    assert any(a.text() == "ادعاء" and a.shortcut().toString() == "1" for a in window.label_actions)
    # A name that is taken is refused with a message and the field goes back.
    name.selectAll()
    name.insert("figure")
    QTest.keyClick(name, Qt.Key.Key_Return)
    assert "taken" in dialog.message.text() and name.text() == "ادعاء"
    # Recolour through Qt's colour dialog.
    QTest.mouseClick(dialog.rows[claim.id][0], Qt.MouseButton.LeftButton)
    chooser = dialog.findChild(QColorDialog, "labelColourDialog")
    chooser.setCurrentColor(QColor("#123456"))
    chooser.accept()
    assert next(x for x in reader.labels() if x.id == claim.id).colour == "#123456"
    assert window.model.index(0, AnnotationModel.LABEL).data(Qt.ItemDataRole.DecorationRole) == QColor("#123456")


def test_labels_dialog_changes_shortcuts_live_and_refuses_clashes(window, reader) -> None:
    dialog = _labels_dialog(window)
    figure = next(x for x in reader.labels() if x.name == "figure")
    keys = dialog.rows[figure.id][2]
    keys.setFocus()
    QTest.keyClick(keys, Qt.Key.Key_7)
    assert next(x for x in reader.labels() if x.id == figure.id).shortcut == "7"
    dialog.close()
    start, end = _tag(window, "47", Qt.Key.Key_7)
    assert stored(reader, window.document_id) == [("figure", start, end)]
    _tag(window, "شويغو", Qt.Key.Key_3)  # 3 no longer tags anything
    assert stored(reader, window.document_id) == [("figure", start, end)]
    # Ctrl+Z belongs to Undo and 1 to claim: both refused for figure.
    dialog = _labels_dialog(window)
    keys = dialog.rows[figure.id][2]
    for key, modifier in ((Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier)):
        keys.setFocus()
        QTest.keyClick(keys, key, modifier)
        QApplication.processEvents()  # the editor's deferred handling of the press has run
        assert "already the shortcut" in dialog.message.text()
        assert next(x for x in reader.labels() if x.id == figure.id).shortcut == "7"
        assert keys.keySequence() == QKeySequence("7")  # the old key stays, shown and stored


def test_a_refused_key_typed_as_people_do_keeps_the_old_key(window, reader) -> None:
    # A person holds Ctrl first: the editor starts recording (and clears itself) on that press,
    # well before the F or Z arrives.
    figure = next(x for x in reader.labels() if x.name == "figure")
    dialog = _labels_dialog(window)
    keys = dialog.rows[figure.id][2]
    for key in (Qt.Key.Key_F, Qt.Key.Key_Z):
        keys.setFocus()
        QTest.keyPress(keys, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        QTest.keyClick(keys, key, Qt.KeyboardModifier.ControlModifier)
        QTest.keyRelease(keys, Qt.Key.Key_Control)
        keys.editingFinished.emit()  # what the editor's own timer does a moment later
        assert next(x for x in reader.labels() if x.id == figure.id).shortcut == "3"
        assert keys.keySequence() == QKeySequence("3")
    # Ctrl pressed and let go with no key: nothing recorded, the old key stays.
    QTest.keyPress(keys, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    QTest.keyRelease(keys, Qt.Key.Key_Control)
    keys.editingFinished.emit()
    assert keys.keySequence() == QKeySequence("3")
    assert next(x for x in reader.labels() if x.id == figure.id).shortcut == "3"
    # The clear button is how a key is removed on purpose.
    clear = keys.findChild(QAction, "_q_qlineeditclearaction")
    clear.trigger()
    assert next(x for x in reader.labels() if x.id == figure.id).shortcut == ""


def test_labels_dialog_adds_a_label_that_can_tag_at_once(window, reader) -> None:
    dialog = _labels_dialog(window)
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = reader.labels()[-1]
    assert len(reader.labels()) == 5 and added.shortcut == "5" and added.colour.startswith("#")
    name = dialog.rows[added.id][1]
    name.selectAll()
    name.insert("source")
    QTest.keyClick(name, Qt.Key.Key_Return)
    dialog.close()
    start, end = _tag(window, "هيومان", Qt.Key.Key_5)
    assert stored(reader, window.document_id) == [("source", start, end)]
    column = [window.documents.headerData(c, Qt.Orientation.Horizontal)
              for c in range(window.documents.columnCount())].index("source")
    assert window.documents.index(0, column).data() == 1


def _export(qtbot, window, path: Path, current: bool) -> None:  # type: ignore[no-untyped-def]
    window.named_actions["export_csv"].trigger()
    dialog = window.findChild(ExportDialog)
    dialog.path.setText(str(path))
    (dialog.current_document if current else dialog.all_documents).setChecked(True)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    QTest.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_export_writes_the_csv_of_all_or_the_current_document(qtbot, window, reader, tmp_path) -> None:
    first = window.document_id
    _tag(window, "شويغو", Qt.Key.Key_1)
    _tag(window, "47", Qt.Key.Key_3)
    other = tmp_path / "other.txt"
    other.write_text("=SUM(A1) قال المتحدث إن 5 أشخاص أصيبوا\n", encoding="utf-8")
    window.import_paths([str(other)])
    _tag(window, "5", Qt.Key.Key_3)
    out = tmp_path / "all.csv"
    _export(qtbot, window, out, current=False)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 4 and {int(r[0]) for r in rows[1:]} == {first, window.document_id}
    for r in rows[1:]:
        text = reader.document_text(int(r[0]))
        assert r[7] == text[int(r[5]):int(r[6])]
    assert "Exported 3 annotations" in window.statusBar().currentMessage()
    current = tmp_path / "current.csv"
    _export(qtbot, window, current, current=True)
    rows = list(csv.reader(io.StringIO(current.read_text(encoding="utf-8-sig"), newline="")))
    assert [(r[4], r[7]) for r in rows[1:]] == [("figure", "5")]


def test_export_to_a_missing_folder_says_so_and_writes_nothing(window, tmp_path) -> None:
    window.named_actions["export_csv"].trigger()
    dialog = window.findChild(ExportDialog)
    dialog.path.setText(str(tmp_path / "no-such-folder" / "x.csv"))
    dialog.accept()
    assert dialog.isVisible() and "no-such-folder" in dialog.message.text()
    assert not (tmp_path / "no-such-folder").exists()


def test_import_folder_through_the_file_dialog_reports_bad_files(window, reader, tmp_path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "good.txt").write_text("خبر جديد عن حلب\r\nفيه سطران\r\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    before = len(reader.documents())
    window.named_actions["import_folder"].trigger()
    chooser = window.findChild(QFileDialog, "fileDialog")
    chooser.selectFile(str(folder))
    chooser.accept()
    assert len(reader.documents()) == before + 1
    assert window.model.text == "خبر جديد عن حلب\r\nفيه سطران\r\n"
    box = window.findChild(QMessageBox, "importProblems")
    assert box is not None and box.isVisible()
    assert "broken.txt" in box.informativeText() and "NUL" in box.informativeText()
    assert "notes.md: skipped" in box.informativeText()  # named, as the command line does
    assert window.statusBar().currentMessage() == "1 new document, 0 already present, 1 file skipped, 1 refused"


def test_an_import_names_the_files_already_present_and_those_skipped(window, reader, tmp_path) -> None:
    folder = tmp_path / "again"
    folder.mkdir()
    (folder / "copy.txt").write_text(window.model.text, encoding="utf-8")  # the open article
    (folder / "new.txt").write_text("خبر آخر عن حلب\n", encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    title = reader.document(window.document_id).title
    window.import_paths([str(folder)])
    assert window.statusBar().currentMessage() == "1 new document, 1 already present, 1 file skipped"
    box = window.findChild(QMessageBox, "importReport")
    assert box is not None and box.isVisible()
    lines = box.informativeText().splitlines()
    assert f"{folder / 'copy.txt'}: already present as «{title}»" in lines
    assert any(line.startswith(f"{folder / 'notes.md'}: skipped") for line in lines)


def test_restart_restores_document_zoom_layout_and_snapping(make_window, repo, tmp_path) -> None:
    window = make_window()
    other = tmp_path / "other.txt"
    other.write_text("نص آخر للاختبار\n", encoding="utf-8")
    window.import_paths([str(other)])
    second = window.document_id
    for _ in range(3):
        QTest.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    window.findChild(QDockWidget, "documentsDock").hide()
    window.named_actions["snap_to_words"].trigger()
    window.resize(700, 500)  # inside the offscreen screen (800x600)
    window.close()
    again = make_window()
    assert again.document_id == second
    assert again.view.zoom == 2
    assert again.findChild(QDockWidget, "documentsDock").isHidden()
    assert not again.view.snap_to_words and not again.named_actions["snap_to_words"].isChecked()
    assert (again.width(), again.height()) == (700, 500)
    QTest.keyClick(again.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.view.zoom == 0


def test_switching_databases_seeds_a_new_one_and_refuses_a_foreign_file(window, tmp_path) -> None:
    first_db = window.db
    new_db = tmp_path / "second.db"
    window.named_actions["open_database"].trigger()  # File → Open database…, a name that does not exist yet
    chooser = window.findChild(QFileDialog, "fileDialog")
    chooser.selectFile(str(new_db))
    chooser.accept()
    assert window.db == str(new_db.resolve())
    fresh = Repository.open(new_db)
    try:
        assert [d.title for d in fresh.documents()] == [d.title for d in window.documents.documents()]
        assert window.model.text == fresh.document_text(window.document_id)
    finally:
        fresh.close()
    assert window.settings.recent_databases[0] == str(new_db.resolve())
    assert not window.named_actions["undo"].isEnabled()
    foreign = tmp_path / "notes.db"
    foreign.write_text("just text, not SQLite", encoding="utf-8")
    assert not window.switch_database(str(foreign))
    box = window.findChild(QMessageBox, "databaseRefused")
    assert "notes.db" in box.text() and "not a SQLite database" in box.text()
    assert window.db == str(new_db.resolve())
    # File → Recent databases lists both; picking the first goes back to it.
    window.recent_menu.aboutToShow.emit()
    recent = {a.text(): a for a in window.recent_menu.actions()}
    assert set(recent) >= {first_db, str(new_db.resolve())} and not recent[window.db].isEnabled()
    recent[first_db].trigger()
    assert window.db == first_db and window.model.text == window.repo.document_text(window.document_id)


def test_opening_the_database_already_open_changes_nothing(window, db_path) -> None:
    """Opening it again would read its header outside SQLite and drop SQLite's locks on it."""
    repo, document = window.repo, window.document_id
    (db_path.parent / "same.db").symlink_to(db_path)
    for name in (str(db_path), str(db_path.parent / "same.db")):
        assert window.switch_database(name)
        assert window.repo is repo and window.document_id == document
        assert "already open" in window.statusBar().currentMessage()


def test_export_onto_the_database_is_refused_in_the_dialog(window, db_path) -> None:
    window.named_actions["export_csv"].trigger()
    dialog = window.findChild(QDialog, "exportDialog")
    before = db_path.stat()  # reading its bytes here would drop the window's locks on it
    dialog.path.setText(str(db_path))
    dialog.accept()
    assert dialog.isVisible()
    assert "is the database itself" in dialog.findChild(QLabel, "exportMessage").text()
    after = db_path.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size,
                                                                 before.st_mtime_ns)
    assert window.repo.documents()


def test_file_dialogs_start_in_the_database_folder_then_where_the_analyst_went(
        make_window, db_path, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir("/")  # the working folder is not where the analyst keeps anything
    window = make_window()
    window.named_actions["import_files"].trigger()
    chooser = window.findChild(QFileDialog, "fileDialog")
    assert chooser.directory().absolutePath() == str(db_path.parent)
    elsewhere = tmp_path / "incoming"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("خبر عن حلب وفيه 3 ممرات", encoding="utf-8")
    chooser.selectFile(str(elsewhere / "a.txt"))
    chooser.accept()
    window.close()
    again = make_window()  # a restart: the folder is remembered per kind of file
    again.named_actions["import_files"].trigger()
    assert again.findChild(QFileDialog, "fileDialog").directory().absolutePath() == str(elsewhere)
    again.findChild(QFileDialog, "fileDialog").reject()
    again.named_actions["open_database"].trigger()
    [shown] = [d for d in again.findChildren(QFileDialog, "fileDialog") if d.isVisible()]
    assert shown.directory().absolutePath() == str(db_path.parent)
