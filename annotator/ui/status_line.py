"""The status bar's permanent fields: current document, annotation counts, selection in code points."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QStatusBar

from annotator.store.values import LabelInfo
from annotator.ui.i18n import isolate, shown_label, translate


class StatusLine:
    """Three labels kept at the status bar's end; transient messages use the bar itself."""

    def __init__(self, bar: QStatusBar) -> None:
        self.document = QLabel(bar)
        self.counts = QLabel(bar)
        self.selection = QLabel(bar)
        self.today = QLabel(bar)
        self.analyst = QLabel(bar)
        for name, widget in (("analystStatus", self.analyst), ("todayStatus", self.today),
                             ("documentStatus", self.document), ("countsStatus", self.counts),
                             ("selectionStatus", self.selection)):
            widget.setObjectName(name)
            bar.addPermanentWidget(widget)

    def show_document(self, title: str) -> None:
        self.document.setText(title or translate("StatusLine", "no document"))

    def show_counts(self, labels: Sequence[LabelInfo], counts: dict[str, int]) -> None:
        self.counts.setText(" · ".join(f"{shown_label(x.name)} {isolate(counts.get(x.name, 0))}" for x in labels))

    def show_analyst(self, name: str) -> None:
        self.analyst.setText(isolate(name))
        self.analyst.setToolTip(translate("StatusLine", "You, as recorded with each annotation (Edit → Your name)"))

    def show_today(self, made: int, per_hour: float | None) -> None:
        """«today 34 · 52/h»: annotations made today, and how many an hour of active work."""
        text = translate("StatusLine", "today {count}").format(count=isolate(made))
        if per_hour is not None:
            text += " · " + translate("StatusLine", "{rate}/h").format(rate=isolate(round(per_hour)))
        self.today.setText(text)
        self.today.setToolTip(translate(
            "StatusLine", "Annotations you made today, and your pace per hour of work (a pause of over five "
                          "minutes is not counted)"))

    def show_selection(self, start: int, end: int) -> None:
        if end > start:
            text = translate("StatusLine", "selection {span} (%n character(s))", "",
                                              end - start).format(span=isolate(f"{start}–{end}"))
        else:
            text = translate("StatusLine", "cursor {offset}").format(offset=isolate(start))
        self.selection.setText(text)
