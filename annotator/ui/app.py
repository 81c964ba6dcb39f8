"""Starting the window: QApplication set-up, fonts, the database, files to import, seeds."""
from __future__ import annotations

import contextlib
import signal
import socket
import sys
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.store.articles import import_seeds
from annotator.store.database import DatabaseRefused
from annotator.store.repository import Repository
from annotator.ui import resources
from annotator.ui.dialogs.import_progress import import_with_progress, report_problems
from annotator.ui.main_window import MainWindow, canonical_db
from annotator.ui.settings import Settings

ORGANISATION = "annotator"
APPLICATION = "annotator"


def application() -> QApplication:
    """The one QApplication, named for QSettings, right to left, with the bundled fonts."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Annotation desk")
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    resources.load_fonts()
    return app


def _close_on_signals(window: MainWindow) -> Callable[[], None]:
    """SIGTERM/SIGINT close the window like Ctrl+Q (layout saved) instead of killing Python mid-call.

    Python runs signal handlers only between bytecodes, so a wake-up socket tells the Qt loop.
    Returns the function that puts the previous handlers back.
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    try:
        previous_fd = signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread: leave signals alone
        reader.close()
        writer.close()
        return lambda: None
    previous = {s: signal.signal(s, lambda *_: None) for s in (signal.SIGINT, signal.SIGTERM)}
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)

    def on_signal() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        window.close()

    notifier.activated.connect(on_signal)

    def restore() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        reader.close()
        writer.close()

    return restore


def run(db: str, files: list[str]) -> int:
    """Open the window on `db`, importing `files` first; returns the exit status."""
    app = application()
    db = canonical_db(db)
    try:
        repo = Repository.open(db)
    except DatabaseRefused as exc:
        QMessageBox.critical(None, "Cannot open database", str(exc))
        print(f"annotator: {exc}", file=sys.stderr)
        return 2
    window: MainWindow | None = None
    try:
        summary = import_with_progress(repo, files) if files else None
        import_seeds(repo)
        window = MainWindow(repo, Settings(), db)
        if summary is not None and summary.first_document_id is not None:
            window.open_document(summary.first_document_id)
        window.show()
        if summary is not None:
            for line in summary.problems:
                print(f"annotator: {line}", file=sys.stderr)
            report_problems(window, summary.problems)
        restore_signals = _close_on_signals(window)
        try:
            return app.exec()
        finally:
            restore_signals()
    except DatabaseRefused as exc:  # e.g. the database became unreadable or stayed locked
        QMessageBox.critical(window, "Database error", str(exc))
        print(f"annotator: {exc}", file=sys.stderr)
        return 2
    finally:
        (window.repo if window is not None else repo).close()
        if window is not None:
            window.deleteLater()
