"""The status bar's permanent fields: current document and where it came from, annotation counts,
selection in code points."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QStatusBar

from annotator.core.provenance import UNKNOWN, Provenance
from annotator.store.values import LabelInfo
from annotator.ui.i18n import isolate, shown_label, translate


class StatusLine:
    """Six labels kept at the status bar's end; transient messages use the bar itself."""

    def __init__(self, bar: QStatusBar) -> None:
        self.document = QLabel(bar)
        self.origin = QLabel(bar)
        self.counts = QLabel(bar)
        self.selection = QLabel(bar)
        self.today = QLabel(bar)
        self.analyst = QLabel(bar)
        for name, widget in (("analystStatus", self.analyst), ("todayStatus", self.today),
                             ("documentStatus", self.document), ("originStatus", self.origin),
                             ("countsStatus", self.counts),
                             ("selectionStatus", self.selection)):
            widget.setObjectName(name)
            bar.addPermanentWidget(widget)

    def show_document(self, title: str) -> None:
        self.document.setText(title or translate("StatusLine", "no document"))
        if not title:
            self.show_origin(UNKNOWN)

    def show_origin(self, about: Provenance) -> None:
        """The open document's outlet and date, with its author and URL on hover; empty for an
        article that says nothing of its origin (a text file)."""
        self.origin.setText(" · ".join(isolate(x) for x in (about.outlet, about.published) if x))
        self.origin.setToolTip(origin_lines(about))

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


def origin_line(about: Provenance) -> str:
    """What is known of an article's origin on one line (outlet · date · author · address), or ""."""
    return " · ".join(isolate(x) for x in (about.outlet, about.published, about.author, about.url) if x)


def origin_lines(about: Provenance) -> str:
    """What is known of an article's origin, a line each (outlet, date, author, address), or ""."""
    lines = []
    if about.outlet:
        lines.append(translate("StatusLine", "Outlet: {outlet}").format(outlet=isolate(about.outlet)))
    if about.published:
        lines.append(translate("StatusLine", "Published: {date}").format(date=isolate(about.published)))
    if about.author:
        lines.append(translate("StatusLine", "Author: {author}").format(author=isolate(about.author)))
    if about.url:
        lines.append(translate("StatusLine", "Address: {url}").format(url=isolate(about.url)))
    return "\n".join(lines)
