"""The analyst's day in the status bar: annotations made today and the pace of work, kept from
the window's own changes after one query when a database opens."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject

from annotator.core.navigation import pace
from annotator.ui.annotation_model import AnnotationModel

# More rows than this at once are a document loading, not annotations being made.
_MADE_AT_ONCE = 8


def start_of_today() -> datetime:
    """Local midnight, as an aware time comparable with the stored UTC times."""
    return datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)


class TodayCount(QObject):
    def __init__(self, model: AnnotationModel, annotator: Callable[[], str],
                 show: Callable[[int, float | None], None], parent: QObject) -> None:
        super().__init__(parent)
        self.model, self._annotator, self._show = model, annotator, show
        self._made: dict[int, datetime] = {}
        model.rowsInserted.connect(self._inserted)
        model.rowsAboutToBeRemoved.connect(self._removing)

    def reset(self, made: dict[int, datetime]) -> None:
        """What the database holds of today's work (see Repository.made_since)."""
        self._made = dict(made)
        self._update()

    def _inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if last - first >= _MADE_AT_ONCE:
            return
        since, me = start_of_today(), self._annotator()
        fresh = [self.model.annotation(row) for row in range(first, last + 1)]
        fresh = [a for a in fresh if a.annotator == me and a.created_at >= since and a.id not in self._made]
        if fresh:
            self._made.update((a.id, a.created_at) for a in fresh)
            self._update()

    def _removing(self, _parent: QModelIndex, first: int, last: int) -> None:
        if last - first < _MADE_AT_ONCE:  # deleted (or a tag undone): no longer made today
            gone = [self.model.annotation(row).id for row in range(first, last + 1)]
            if any(self._made.pop(i, None) for i in gone):
                self._update()

    def _update(self) -> None:
        since = start_of_today()
        times = [t for t in self._made.values() if t >= since]
        self._show(len(times), pace(times))
