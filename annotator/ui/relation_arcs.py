"""Relations drawn over the article: an arc from one span to the other, above the lines, with an
arrow at its target; an end off the screen is an arc leaving by the top or the bottom edge."""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from annotator.store.values import RelationInfo

ARROW = 7.0  # px, the arrow head's length


class Anchor(NamedTuple):
    """Where a span is on screen: the top middle of its first piece, and every piece's box."""

    point: QPointF
    boxes: list[QRectF]


# A span's anchor on screen (None: not laid out on screen), given its code points.
Locate = Callable[[int, int], Anchor | None]


def paint_relations(painter: QPainter, relations: Iterable[tuple[RelationInfo, tuple[int, int],
                                                                 tuple[int, int], QColor]],
                    locate: Locate, height: float, hovered: int | None) -> None:
    """Draw each (relation, source span, target span, colour) with an end on screen; the
    relations of the `hovered` annotation boldly, with the other end outlined."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for r, source, target, colour in relations:
        a, b = locate(*source), locate(*target)
        if a is None and b is None:
            continue
        bold = hovered is not None and hovered in (r.source_id, r.target_id)
        pa = a.point if a else _edge(b, source, target, height)
        pb = b.point if b else _edge(a, target, source, height)
        pen = QPen(colour if bold else _faded(colour), 2.4 if bold else 1.4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        lift = min(60.0, max(14.0, abs(pb.x() - pa.x()) / 4 + abs(pb.y() - pa.y()) / 6))
        path = QPainterPath(pa)
        c1, c2 = QPointF(pa.x(), pa.y() - lift), QPointF(pb.x(), pb.y() - lift)
        path.cubicTo(c1, c2, pb)
        painter.drawPath(path)
        if b is not None:
            _arrow(painter, c2, pb, pen.color())
        if bold:
            other = b if hovered == r.source_id else a
            for box in other.boxes if other else []:
                painter.setPen(QPen(colour, 1.6, Qt.PenStyle.DashLine))
                painter.drawRoundedRect(box.adjusted(-2, -1, 2, 1), 3, 3)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _edge(seen: Anchor | None, _off: tuple[int, int], on: tuple[int, int], height: float) -> QPointF:
    """A point past the top (an end earlier in the text) or the bottom edge, above `seen`."""
    assert seen is not None
    return QPointF(seen.point.x(), -20.0 if _off[0] < on[0] else height + 20.0)


def _faded(colour: QColor) -> QColor:
    c = QColor(colour)
    c.setAlpha(170)
    return c


def _arrow(painter: QPainter, towards: QPointF, tip: QPointF, colour: QColor) -> None:
    angle = math.atan2(tip.y() - towards.y(), tip.x() - towards.x())
    left = QPointF(tip.x() - ARROW * math.cos(angle - 0.45), tip.y() - ARROW * math.sin(angle - 0.45))
    right = QPointF(tip.x() - ARROW * math.cos(angle + 0.45), tip.y() - ARROW * math.sin(angle + 0.45))
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([tip, left, right]))
    painter.setBrush(Qt.BrushStyle.NoBrush)
