"""Starting the window: QApplication set-up, fonts, the database, files to import, seeds."""
from __future__ import annotations

import contextlib
import ctypes
import signal
import socket
import sys
from collections.abc import Callable, Mapping

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.store.articles import import_seeds
from annotator.store.database import DatabaseRefused
from annotator.store.repository import Repository
from annotator.ui import i18n, resources
from annotator.ui.dialogs.import_progress import import_with_progress, report_import
from annotator.ui.main_window import MainWindow, canonical_db
from annotator.ui.settings import Settings

ORGANISATION = "annotator"
APPLICATION = "annotator"


def application() -> QApplication:
    """The one QApplication, named for QSettings, with the bundled fonts."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    resources.load_fonts()
    return app


def use_language(settings: Settings) -> str:
    """Translate the interface into the language chosen (else the system's); returns it."""
    language = settings.language or i18n.system_language()
    app = application()
    i18n.install(app, language)
    app.setApplicationDisplayName(app.translate("MainWindow", "Annotation desk"))
    return language


def reopen(old: MainWindow) -> MainWindow:
    """The window made again in the language the analyst chose: the same database, document,
    selection and scroll position (the undo history starts afresh); the old one is closed."""
    document, span = old.document_id, old.view.selected_span()
    scroll = old.view.verticalScrollBar().value()
    old.close()  # saves its layout
    use_language(old.settings)
    window = MainWindow(old.repo, old.settings, old.db)
    window.languageChosen.connect(lambda _language: _open_windows.append(reopen(window)))
    if document is not None and document != window.document_id:
        window.open_document(document)
    window.show()
    window.view.select_span(*span)
    window.view.verticalScrollBar().setValue(scroll)
    if old in _open_windows:
        _open_windows.remove(old)
    old.deleteLater()
    return window


_open_windows: list[MainWindow] = []  # the window made by reopen, kept alive while shown


def display_available(env: Mapping[str, str], platform: str) -> bool:
    """Whether a window can be seen: a desktop session, and not Qt's offscreen or minimal platform."""
    if env.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return False
    return platform in ("win32", "darwin") or bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


# The libraries Qt's xcb platform plugin loads that a minimal Debian lacks, with their packages.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1", "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loads(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def _reaches(display: str) -> bool:
    """Whether the X server of `display` accepts a connection (Qt aborts when it does not)."""
    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def window_problem(env: Mapping[str, str], platform: str,
                   loads: Callable[[str], bool] = _loads,
                   reaches: Callable[[str], bool] = _reaches) -> str | None:
    """Why Qt could not open a window here (it would abort the process), or None.

    Only Linux's X11 is checked: elsewhere Qt's platform plugin needs nothing outside PySide6.
    """
    if not platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if chosen and chosen != "xcb":
        return None  # offscreen, wayland, vnc...: Qt reports its own errors without aborting
    if not chosen and env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return ("no display to open the window on ($DISPLAY is not set): run it in a desktop "
                "session, or set QT_QPA_PLATFORM=offscreen to run without one")
    missing = [package for library, package in XCB_LIBRARIES.items() if not loads(library)]
    if missing:
        return (f"Qt's X11 plugin needs system libraries that are missing; install them with: "
                f"sudo apt-get install {' '.join(missing)}")
    if not reaches(env["DISPLAY"]):
        return f"cannot connect to the X display {env['DISPLAY']!r} ($DISPLAY)"
    return None


def show_refusal(message: str) -> None:
    """The reason a database cannot be opened, in a message box (the window was asked for)."""
    app = application()
    use_language(Settings())
    QMessageBox.critical(None, app.translate("MainWindow", "Cannot open database"), message)


class _CloseOnSignals:
    """SIGTERM/SIGINT close the windows like Ctrl+Q (layout saved) instead of killing Python mid-call.

    Python runs signal handlers only between bytecodes, so a wake-up socket tells the Qt loop;
    a signal that comes before the loop runs is handled as soon as it starts.
    """

    def __init__(self, app: QApplication) -> None:
        self.received = False
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        try:
            self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        except ValueError:  # not the main thread: leave signals alone
            self._previous: dict[int, object] = {}
            self._notifier = None
            return
        self._previous = {s: signal.signal(s, self._note) for s in (signal.SIGINT, signal.SIGTERM)}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, app)
        self._notifier.activated.connect(lambda: self._close(app))

    def _note(self, *_args: object) -> None:
        self.received = True

    def _close(self, app: QApplication) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(64)
        self.received = True
        app.closeAllWindows()

    def restore(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            signal.set_wakeup_fd(self._previous_fd)
            for signum, handler in self._previous.items():
                signal.signal(signum, handler)  # type: ignore[arg-type]
        self._reader.close()
        self._writer.close()


def run(db: str, files: list[str]) -> int:
    """Open the window on `db`, importing `files` first; returns the exit status."""
    app = application()
    signals = _CloseOnSignals(app)
    try:
        return _run(app, canonical_db(db), files, signals)
    finally:
        signals.restore()


def _run(app: QApplication, db: str, files: list[str], signals: _CloseOnSignals) -> int:
    settings = Settings()
    use_language(settings)
    try:
        repo = Repository.open(db)
    except DatabaseRefused as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        QMessageBox.critical(None, app.translate("MainWindow", "Cannot open database"), str(exc))
        return 2
    window: MainWindow | None = None
    try:
        summary = import_with_progress(repo, files) if files else None
        import_seeds(repo)
        window = MainWindow(repo, settings, db)
        window.languageChosen.connect(lambda _language: _open_windows.append(reopen(window)))
        if summary is not None and summary.first_document_id is not None:
            window.open_document(summary.first_document_id)
        window.show()
        window.ask_name(first_start=True)
        if summary is not None:
            for line in summary.problems:
                print(f"annotator: {line}", file=sys.stderr)
            report_import(window, summary)
        if signals.received and not app.closingDown():
            window.close()  # asked to stop while importing: save the layout and leave
            return 0
        return app.exec()
    except DatabaseRefused as exc:  # e.g. the database became unreadable or stayed locked
        print(f"annotator: {exc}", file=sys.stderr)
        QMessageBox.critical(window, app.translate("MainWindow", "Database error"), str(exc))
        return 2
    finally:
        current = _open_windows[-1] if _open_windows else window  # made again in another language
        (current.repo if current is not None else repo).close()
        if current is not None:
            current.deleteLater()
        _open_windows.clear()
