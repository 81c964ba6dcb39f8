"""Change latency in a fresh process: `python -m bench.tag_probe DB DOC_ID N [tag|attribute|link]`;
prints JSON.

Each sample: one change through the window's own path (undo command → repository commit →
model → views), then the event loop runs until the article has repainted; the time covers all
of it. `tag` selects a word span and triggers the label's action; `attribute` sets a claim's or
accusation's certainty from the attribute panel's signal; `link` links a claim to a figure.
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

from annotator.store.values import RelationInfo, utc_now
from annotator.ui import commands
from bench.gui_probe import SETTLE_S, Ours, wait_for_paint


class _Paints(QObject):
    seen = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def main() -> None:
    db, doc_id, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    mode = sys.argv[4] if len(sys.argv) > 4 else "tag"
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
    statements = [a for a in window.model.annotations() if a.label in ("claim", "accusation")]
    figures = [a for a in window.model.annotations() if a.label == "figure"]
    linked = {(r.source_id, r.target_id) for r in window.model.relations()}
    cites = next(t for t in window.model.relation_types if t.name == "cites_figure")
    for n, (start, end) in enumerate(rng.sample(words, count + 3)):
        source = rng.choice(statements) if statements else None
        pair = next(((source.id, f.id) for f in rng.sample(figures, min(20, len(figures)))
                     if source is not None and (source.id, f.id) not in linked), None)
        if mode == "link" and pair is None:
            raise SystemExit("no claim and figure left to link")
        view.select_span(*((source.start, source.end) if mode != "tag" and source else (start, end)))
        app.processEvents()
        t0 = time.perf_counter()
        if mode == "attribute" and source is not None:
            value = ("certain", "probable", "possible", "unspecified")[n % 4]
            window.set_attribute(source.id, "certainty", value)
        elif mode == "link" and pair is not None:
            window._push(commands.Link(window.repo, window.model, RelationInfo(
                id=0, type_id=cites.id, type=cites.name, source_id=pair[0], target_id=pair[1],
                annotator="bench", created_at=utc_now())))
        else:
            action.trigger()
        painted.seen = False
        while not painted.seen and time.perf_counter() - t0 < 2.0:
            app.processEvents()  # returns once the queued repaint of the changed lines is done
        samples.append((time.perf_counter() - t0) * 1000)
        unpainted += not painted.seen
        if mode == "link":  # untimed: the pair is free again, so 10 annotations make enough samples
            window.undo_group.undo()
            app.processEvents()
    stored = {"tag": window.repo.count_annotations(doc_id), "link": len(window.repo.relations(doc_id)),
              "attribute": sum(bool(a.attributes) for a in window.repo.annotations(doc_id))}[mode]
    if unpainted:
        raise SystemExit(f"{unpainted} tag(s) never repainted the article")
    print(json.dumps({"ms": samples[3:], "stored": stored}))


if __name__ == "__main__":
    main()
