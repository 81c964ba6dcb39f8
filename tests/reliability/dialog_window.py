"""Subprocess helper: a real main window that shows a file dialog on its database's folder.

Run as `python dialog_window.py DB SETTINGS KIND` from the database's folder, offscreen, KIND
one of import_files, import_folder, open_database, export_browse, recent_database. It tags a
word, opens the dialog and waits until the dialog has typed every file of the folder (the
moment Qt's default icon provider reads the database's files), closes it, lets another process
open and close the database, tags three more words, prints `tagged N` (N committed tags in
all), how many the window shows, and how often the window had to take SQLite's locks again
(`regained K`, 0 when the dialog opened no file), then waits to be killed.
"""
from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QPushButton

from annotator.store.repository import Repository
from annotator.ui.app import application
from annotator.ui.dialogs.export import ExportDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings

READER = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
          "c.execute('SELECT count(*) FROM annotation').fetchone(); c.close()")


def wait_until(app: QApplication, done) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 60
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {done}")
        app.processEvents()
        QTest.qWait(5)  # let the dialog's file-information thread deliver


def open_dialog(app: QApplication, window: MainWindow, kind: str) -> QFileDialog:
    if kind == "export_browse":
        window.named_actions["export_csv"].trigger()
        export = window.findChild(ExportDialog, "exportDialog")
        browse = next(b for b in export.findChildren(QPushButton) if "Browse" in b.text())
        browse.click()
        parent = export
    else:
        window.named_actions["import_files" if kind == "recent_database" else kind].trigger()
        parent = window
    wait_until(app, lambda: parent.findChild(QFileDialog, "fileDialog") is not None)
    return parent.findChild(QFileDialog, "fileDialog")


def tag_word(window: MainWindow, n: int) -> None:
    """Select the n-th word of the article and press the key of the first label."""
    word = list(re.finditer(r"\w+", window.model.text))[n]
    window.view.select_span(word.start(), word.end())
    QTest.keyClick(window.view, Qt.Key.Key_1)


def main() -> int:
    db, settings_path, kind = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = application()
    settings = Settings(QSettings(settings_path, QSettings.Format.IniFormat))
    start = db.with_name("other.db") if kind == "recent_database" else db
    window = MainWindow(Repository.open(start), settings, str(start))
    window.show()
    window.activateWindow()
    wait_until(app, window.isActiveWindow)  # the label key is the window's shortcut
    if kind == "recent_database":
        settings.add_recent_database(str(db))
        window.recent_menu.aboutToShow.emit()
        entry = next(a for a in window.recent_menu.actions() if a.text() == str(db))
        entry.trigger()
    notices: list[str] = []
    window.statusBar().messageChanged.connect(notices.append)
    tagged = 0
    tag_word(window, tagged)
    tagged += 1
    dialog = open_dialog(app, window, kind)
    model = dialog.findChild(QFileSystemModel)
    names = [db.name, db.name + "-wal", db.name + "-shm"]

    def typed() -> bool:
        root = model.index(str(db.parent))
        found = {model.index(r, 0, root).data(): model.type(model.index(r, 0, root))
                 for r in range(model.rowCount(root))}
        return all(found.get(name) for name in names)

    dialog.setNameFilter("All files (*)")
    wait_until(app, typed)
    dialog.reject()
    if kind == "export_browse":
        window.findChild(ExportDialog, "exportDialog").reject()
    window.activateWindow()
    wait_until(app, window.isActiveWindow)
    subprocess.run([sys.executable, "-c", READER, str(db)], check=True)
    for _ in range(3):
        tag_word(window, tagged)
        tagged += 1
    regained = sum("locks were lost" in m for m in notices)
    print(f"tagged {tagged} shown {len(window.repo.annotations(window.document_id))} "
          f"regained {regained}", flush=True)
    sys.stdin.read()  # until killed
    return 0


if __name__ == "__main__":
    sys.exit(main())
