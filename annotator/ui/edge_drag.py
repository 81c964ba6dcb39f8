"""Reshaping a span with the mouse: the ends of the annotation at the caret are grips; dragging
one moves that edge (to whole words unless snapping is off) and the release changes the span in
one undo step, keeping the annotation."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QMouseEvent

from annotator.core.spans import snap_to_words
from annotator.store.values import AnnotationInfo
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.article_view import ArticleView

GRIP = 4  # pixels either side of an edge that take hold of it


class EdgeDrag(QObject):
    def __init__(self, view: ArticleView, model: AnnotationModel,
                 moved: Callable[[AnnotationInfo, int, int], None], parent: QObject) -> None:
        super().__init__(parent)
        self.view, self.model, self._moved = view, model, moved
        self._held: tuple[AnnotationInfo, str] | None = None
        self._span: tuple[int, int] | None = None
        view.viewport().installEventFilter(self)

    def grip_at(self, pos: QPoint) -> tuple[AnnotationInfo, str] | None:
        """The annotation at the caret and which of its edges ("start", "end") is under `pos`."""
        found = self.view.annotation_at_cursor()
        a = self.model.find(found) if found is not None else None
        if a is None:
            return None
        for edge, offset in (("start", a.start), ("end", a.end)):
            rect = self.view.caret_rect(offset)
            if rect.top() <= pos.y() <= rect.bottom() and abs(pos.x() - rect.center().x()) <= GRIP:
                return a, edge
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QMouseEvent):
            return False
        pos = event.position().toPoint()
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._held = self.grip_at(pos)
            self._span = None
            return self._held is not None  # a grip taken is not the start of a new selection
        if kind == QEvent.Type.MouseMove and self._held is not None:
            self._drag_to(pos)
            return True
        if kind == QEvent.Type.MouseMove:
            over = self.grip_at(pos) is not None
            self.view.viewport().setCursor(Qt.CursorShape.SizeHorCursor if over else Qt.CursorShape.IBeamCursor)
            return False
        if kind == QEvent.Type.MouseButtonRelease and self._held is not None:
            (a, _edge), span = self._held, self._span
            self._held = self._span = None
            if span is not None and span != (a.start, a.end):
                self._moved(a, *span)
            return True
        return False

    def _drag_to(self, pos: QPoint) -> None:
        assert self._held is not None
        a, edge = self._held
        offset = self.view.caret_offset_at(pos)
        start, end = (min(offset, a.end - 1), a.end) if edge == "start" else (a.start, max(offset, a.start + 1))
        span = snap_to_words(self.model.text, start, end) if self.view.snap_to_words else (start, end)
        if span is not None:
            self._span = span
            self.view.select_span(*span)  # what the release will store, shown while dragging
