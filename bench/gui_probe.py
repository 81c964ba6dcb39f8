"""One GUI measurement in a fresh process: `python -m bench.gui_probe KIND DB DOC_ID`; prints JSON.

KIND is `ours` (the main window on the database) or `bare` (a plain QTextEdit with the same
text and no highlights). Reported: ms until the article's first paint, resident memory after
it, and ms per page when scrolling through the whole article.
"""
from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTextEdit  # noqa: E402


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def open_ours(db: str, doc_id: int) -> tuple[QObject, QAbstractScrollArea]:
    from annotator.store.repository import Repository
    from annotator.ui.bench_entry import open_window

    return open_window(Repository.open(db), doc_id)


def open_bare(db: str, doc_id: int) -> tuple[QObject, QAbstractScrollArea]:
    import sqlite3

    text = sqlite3.connect(db).execute("SELECT text FROM document WHERE id = ?", (doc_id,)).fetchone()[0]
    edit = QTextEdit()
    edit.setReadOnly(True)
    edit.setPlainText(text)
    edit.resize(1200, 800)
    edit.show()
    return edit, edit


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
    app = QApplication.instance() or QApplication(sys.argv[:1])
    watcher = _FirstPaint()
    t0 = time.perf_counter()
    keep, area = (open_ours if kind == "ours" else open_bare)(db, doc_id)
    # Opening only queues the paint; the article is on screen when its viewport has painted.
    area.viewport().installEventFilter(watcher)
    area.viewport().update()
    while not watcher.painted:
        app.processEvents()
    first_paint = (time.perf_counter() - t0) * 1000
    area.viewport().removeEventFilter(watcher)
    memory = resident_mb()
    per_page = scroll_ms_per_page(area, pages)
    print(json.dumps({"first_paint_ms": first_paint, "rss_mb": memory, "scroll_ms_per_page": per_page}))
    del keep


if __name__ == "__main__":
    main()
