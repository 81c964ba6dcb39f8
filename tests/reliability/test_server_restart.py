"""A window on a PostgreSQL server that restarts between two changes (an administrator's
restart, an upgrade): the window goes on by itself and nothing is lost."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor
from reliability_support import SEED

from annotator.core.offsets import OffsetMap
from annotator.core.text import read_document
from annotator.store.repository import Repository


def test_the_window_goes_on_after_the_server_restarts_and_loses_nothing(qtbot, pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    url = pg_server.new_database()
    seed = Repository.open(url)
    seed.add_document(read_document(SEED))
    seed.close()
    repo = Repository.open(url)
    settings = Settings(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    window = MainWindow(repo, settings, url)
    qtbot.addWidget(window)
    window.show()
    window.set_snap_to_words(False)
    refused: list[str] = []
    window.model.refused.connect(refused.append)  # a change not stored says so here
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)

    def tag(start: int, end: int) -> None:
        offsets = OffsetMap(window.view.text)
        cursor = QTextCursor(window.view.document())
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        window.view.setTextCursor(cursor)
        window.tag(window.labels[0].id)

    try:
        tag(0, 4)
        pg_server.restart()  # every connection of the window is ended; the server comes back
        tag(10, 15)
        window.named_actions["mark_done"].trigger()
        window.undo_group.activeStack().undo()  # the done mark taken back, on the new connection
        window.undo_group.activeStack().undo()  # and the second tag
        tag(20, 25)
        doc = window.document_id
        assert doc is not None
        reader = Repository.open(url)
        try:
            assert {(a.start, a.end) for a in reader.annotations(doc)} == {(0, 4), (20, 25)}
            assert not reader.documents()[0].done_by
        finally:
            reader.close()
        assert {(a.start, a.end) for a in window.model.annotations()} == {(0, 4), (20, 25)}
        assert refused == []
        assert not [m for m in shown if "not saved" in m or "postgres" in m.lower()]
    finally:
        window.close()
        repo.close()
