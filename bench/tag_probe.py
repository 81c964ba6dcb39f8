"""Tagging latency in a fresh process: `python -m bench.tag_probe DB DOC_ID N`; prints JSON.

Each sample: select a word span, trigger the label's action (undo command → repository
commit → model → highlight), and run the event loop until the article has repainted the
changed lines; the time covers all of it.
"""
from __future__ import annotations

import json
import os
import random
import re
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from bench.gui_probe import SETTLE_S, Ours, wait_for_paint


class _Paints(QObject):
    seen = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def main() -> None:
    db, doc_id, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    ours = Ours(db)
    ours.open(doc_id)
    wait_for_paint(ours)
    deadline = time.perf_counter() + SETTLE_S  # the rest loads, unseen blocks are formatted
    while time.perf_counter() < deadline:
        app.processEvents()
    window, view = ours.window, ours.window.view
    text = window.repo.document_text(doc_id)
    taken = {(a.start, a.end) for a in window.repo.annotations(doc_id)}
    words = [m.span() for m in re.finditer(r"\w+", text) if m.span() not in taken]
    rng = random.Random(3)
    action = window.label_actions[0]
    samples = []
    unpainted = 0
    painted = _Paints()
    view.viewport().installEventFilter(painted)
    for start, end in rng.sample(words, count + 3):
        view.select_span(start, end)
        app.processEvents()
        t0 = time.perf_counter()
        action.trigger()
        painted.seen = False
        while not painted.seen and time.perf_counter() - t0 < 2.0:
            app.processEvents()  # returns once the queued repaint of the changed lines is done
        samples.append((time.perf_counter() - t0) * 1000)
        unpainted += not painted.seen
    stored = window.repo.count_annotations(doc_id)
    if unpainted:
        raise SystemExit(f"{unpainted} tag(s) never repainted the article")
    print(json.dumps({"ms": samples[3:], "stored": stored}))


if __name__ == "__main__":
    main()
