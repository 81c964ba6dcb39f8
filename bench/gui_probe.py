"""One GUI measurement in a fresh process: `python -m bench.gui_probe KIND DB DOC_ID [PAGES] [T0]`.

PAGES 0 stops after the cold start (the window's first paint).

KIND is `ours` (the main window on the database) or `bare` (a plain QTextEdit, no highlights).
Both widgets are first shown with the seed article and left to settle; then the long article
is opened (ours: `MainWindow.open_document`, as when the analyst picks it in the list; bare:
`setPlainText`) and timed until its first paint. Also reported: resident memory after that
paint, ms per page scrolling through the whole article, and, when the parent passes its launch
time T0 (epoch seconds), the cold start: from launching the process to the first paint of the
seed article. Prints one line of JSON.
"""
from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

# Before the timed open, and after its first paint, both sides get this long: ours loads the
# rest of the annotations and formats unseen blocks, the QTextEdit lays out.
SETTLE_S = 2.0
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTextEdit  # noqa: E402


def wait_for_paint(side: Ours | Bare) -> float:
    """Run the event loop until the article's next paint has finished; returns that moment."""
    app = QApplication.instance()
    assert app is not None
    side.painted_at = None
    side.area.viewport().update()  # opening only queues the paint; this one is what we wait for
    while side.painted_at is None:
        app.processEvents()
    return side.painted_at


def settle(app: QApplication) -> None:
    """Run the event loop for SETTLE_S: deferred work (either side's) is done before a measurement."""
    deadline = time.perf_counter() + SETTLE_S
    while time.perf_counter() < deadline:
        app.processEvents()


def resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Ours:
    """The real main window, as `main.py --db DB` builds it, with its settings kept apart."""

    def __init__(self, db: str) -> None:
        import tempfile

        from annotator.store.repository import Repository
        from annotator.ui.main_window import MainWindow
        from annotator.ui.resources import load_fonts
        from annotator.ui.settings import Settings

        load_fonts()
        ini = QSettings(os.path.join(tempfile.mkdtemp(), "bench.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(Repository.open(db), Settings(ini), db)
        self.window.resize(1440, 900)
        self.window.show()
        self.area: QAbstractScrollArea = self.window.view
        self.painted_at: float | None = None
        # Emitted at the end of the view's paintEvent after a document is shown.
        self.window.view.documentPainted.connect(self._painted)

    def _painted(self) -> None:
        self.painted_at = time.perf_counter()

    def open(self, doc_id: int) -> None:
        self.window.open_document(doc_id)


class _TimedTextEdit(QTextEdit):
    def __init__(self, side: Bare) -> None:
        super().__init__()
        self.side = side

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.side.painted_at = time.perf_counter()


class Bare:
    """A plain read-only QTextEdit about as wide as the article in the main window."""

    def __init__(self, db: str) -> None:
        import sqlite3

        self.con = sqlite3.connect(db)
        self.painted_at: float | None = None
        self.edit = _TimedTextEdit(self)
        self.edit.setReadOnly(True)
        self.edit.resize(900, 800)
        self.edit.setPlainText(self._text(1))
        self.edit.show()
        self.area: QAbstractScrollArea = self.edit

    def _text(self, doc_id: int) -> str:
        return self.con.execute("SELECT text FROM document WHERE id = ?", (doc_id,)).fetchone()[0]

    def open(self, doc_id: int) -> None:
        self.edit.setPlainText(self._text(doc_id))


def scroll_ms_per_page(area: QAbstractScrollArea, pages: int) -> float:
    bar = area.verticalScrollBar()
    bar.setValue(0)
    t0 = time.perf_counter()
    done = 0
    for _ in range(pages):
        bar.setValue(bar.value() + bar.pageStep())
        area.viewport().repaint()
        done += 1
        if bar.value() >= bar.maximum():
            break
    return (time.perf_counter() - t0) * 1000 / max(done, 1)


def main() -> None:
    kind, db, doc_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
    pages = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    launched = float(sys.argv[5]) if len(sys.argv) > 5 else None
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    side = (Ours if kind == "ours" else Bare)(db)
    wait_for_paint(side)
    result = {"cold_start_ms": (time.time() - launched) * 1000 if launched else None}
    if pages == 0:  # the start only
        print(json.dumps(result))
        return
    settle(app)  # the analyst picks the article in an idle window, not during start-up's work
    t0 = time.perf_counter()
    side.open(doc_id)
    result["first_paint_ms"] = (wait_for_paint(side) - t0) * 1000
    settle(app)  # what follows the first paint (ours: the annotations past the first screen)
    result["rss_mb"] = resident_mb()
    result["scroll_ms_per_page"] = scroll_ms_per_page(side.area, pages)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
