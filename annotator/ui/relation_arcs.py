"""Relations drawn over the article: an arc from one span to the other, above the lines, with an
arrow at its target; an end off the screen is an arc leaving by the top or the bottom edge."""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple, cast

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTextBlock, QTextLine

from annotator.store.values import RelationInfo
from annotator.ui.highlighter import AnnotationHighlighter, visual_extents

if TYPE_CHECKING:
    from annotator.ui.article_view import ArticleView

ARROW = 7.0  # px, the arrow head's length


class Anchor(NamedTuple):
    """Where a span is on screen: the top middle of its first line's part, and that line's box."""

    point: QPointF
    line: QRectF


# A span's anchor on screen (None: not laid out on screen), given its code points.
Locate = Callable[[int, int], Anchor | None]
# The boxes a span's first line draws it in (outlined at the other end of a hovered link).
Outline = Callable[[int, int], list[QRectF]]


def paint_relations(painter: QPainter, relations: Iterable[tuple[RelationInfo, tuple[int, int],
                                                                 tuple[int, int], QColor]],
                    locate: Locate, outline: Outline, height: float, hovered: int | None,
                    dirty: QRectF) -> None:
    """Draw each (relation, source span, target span, colour) with an end on screen and a part
    in the `dirty` rectangle being repainted; the relations of the `hovered` annotation boldly,
    with the other end outlined."""
    anchors: dict[tuple[int, int], Anchor | None] = {}  # a span at the end of several links
    # The arcs and arrow heads of one colour go into one path each, stroked or filled once.
    arcs: dict[tuple[int, bool], tuple[QColor, QPainterPath, QPainterPath]] = {}
    outlines: list[tuple[QColor, QRectF]] = []
    for r, source, target, colour in relations:
        for span in (source, target):
            if span not in anchors:
                anchors[span] = locate(*span)
        a, b = anchors[source], anchors[target]
        if a is None and b is None:
            continue
        pa = a.point if a else _edge(b, source, target, height)
        pb = b.point if b else _edge(a, target, source, height)
        lift = min(60.0, max(14.0, abs(pb.x() - pa.x()) / 4 + abs(pb.y() - pa.y()) / 6))
        c1, c2 = QPointF(pa.x(), pa.y() - lift), QPointF(pb.x(), pb.y() - lift)
        box = QRectF(pa, pb).normalized().united(QRectF(c1, c2).normalized())
        if not box.adjusted(-ARROW, -ARROW, ARROW, ARROW).intersects(dirty):
            continue  # a repaint of a few lines need not stroke every arc on screen
        bold = hovered is not None and hovered in (r.source_id, r.target_id)
        key = (colour.rgba(), bold)
        if key not in arcs:
            arcs[key] = (colour, QPainterPath(), QPainterPath())
        _colour, line, heads = arcs[key]
        line.moveTo(pa)
        line.cubicTo(c1, c2, pb)
        if b is not None:
            heads.addPolygon(_arrow(c2, pb))
        other = (target if hovered == r.source_id else source) if bold else None
        if other is not None and anchors[other] is not None:
            outlines += [(colour, box) for box in outline(*other)]
    for (_rgba, bold), (colour, line, heads) in arcs.items():
        # Smooth curves for the links hovered; the many others drawn plainly, a dozen times faster.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, bold)
        painter.strokePath(line, QPen(colour if bold else _faded(colour), 2.0 if bold else 1.0))
        painter.fillPath(heads, colour if bold else _faded(colour))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for colour, box in outlines:
        painter.setPen(QPen(colour, 1.6, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(box.adjusted(-2, -1, 2, 1), 3, 3)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _edge(seen: Anchor | None, _off: tuple[int, int], on: tuple[int, int], height: float) -> QPointF:
    """A point past the top (an end earlier in the text) or the bottom edge, above `seen`."""
    assert seen is not None
    return QPointF(seen.point.x(), -20.0 if _off[0] < on[0] else height + 20.0)


def _faded(colour: QColor) -> QColor:
    """The colour two thirds of the way from white: opaque, as a translucent pen strokes slowly."""
    return QColor.fromRgbF(1 - (1 - colour.redF()) * 2 / 3, 1 - (1 - colour.greenF()) * 2 / 3,
                           1 - (1 - colour.blueF()) * 2 / 3)


def _arrow(towards: QPointF, tip: QPointF) -> QPolygonF:
    """The head of an arrow arriving at `tip` from the direction of `towards`."""
    angle = math.atan2(tip.y() - towards.y(), tip.x() - towards.x())
    left = QPointF(tip.x() - ARROW * math.cos(angle - 0.45), tip.y() - ARROW * math.sin(angle - 0.45))
    right = QPointF(tip.x() - ARROW * math.cos(angle + 0.45), tip.y() - ARROW * math.sin(angle + 0.45))
    return QPolygonF([tip, left, right, tip])


class RelationOverlay:
    """The links over an article view: which to draw (those of the spans on screen) and where
    each span is (cached in document coordinates until the layout changes)."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self._anchors: dict[tuple[int, int], Anchor | None] = {}

    def forget(self) -> None:
        """The layout changed (a new document, zoom, width): spans are elsewhere now."""
        self._anchors.clear()

    def paint(self, hl: AnnotationHighlighter, shown: list[tuple[QTextBlock, QRectF]], dirty: QRectF,
              hovered: int | None) -> None:
        view, m = self.view, self.view.model
        to_cp = view.offsets.from_qt
        first, last = shown[0][0], shown[-1][0]
        low, high = to_cp(first.position()), to_cp(last.position() + last.length())
        # The links of the annotations on screen only: an article may hold thousands.
        ids: set[int] = set()
        for _s, _e, key, _layer in hl.index.overlapping(low, high):
            ids.update(m.relation_ids_of(key))
        drawn = []
        colours: dict[int, QColor] = {}
        for rid in sorted(ids):
            r = m.relation(rid)
            a, b = (m.find(r.source_id), m.find(r.target_id)) if r else (None, None)
            if r is None or a is None or b is None:
                continue
            if r.type_id not in colours:
                kind = m.relation_type(r.type_id)
                colours[r.type_id] = QColor(kind.colour if kind else "#777777")
            drawn.append((r, (a.start, a.end), (b.start, b.end), colours[r.type_id]))
        if drawn:
            painter = QPainter(view.viewport())
            paint_relations(painter, drawn, self.span_on_screen, self.outline, view.viewport().height(),
                            hovered, dirty)
            painter.end()

    def span_on_screen(self, start: int, end: int) -> Anchor | None:
        key = (start, end)
        if key not in self._anchors:
            self._anchors[key] = self._anchor(start, end)
        found = self._anchors[key]
        if found is None:
            return None
        offset = self.view.contentOffset()
        line = found.line.translated(offset)
        if line.bottom() < 0 or line.top() > self.view.viewport().height():
            return None
        return Anchor(found.point + offset, line)

    def _first_line(self, start: int, end: int) -> tuple[QTextBlock, QRectF, QTextLine, int, int] | None:
        view = self.view
        q0 = view.offsets.to_qt(start)
        block = view.document().findBlock(q0)
        if not block.isValid():
            return None
        rel0 = q0 - block.position()
        line = block.layout().lineForTextPosition(rel0)
        if not line.isValid():
            return None
        rel1 = min(view.offsets.to_qt(end) - block.position(), line.textStart() + line.textLength())
        return block, view.blockBoundingGeometry(block), line, rel0, max(rel1, rel0 + 1)

    def _anchor(self, start: int, end: int) -> Anchor | None:
        """The middle between the caret positions at the span's ends on its first line: two
        cheap queries, where the glyph boxes of a long span would cost a layout pass."""
        found = self._first_line(start, end)
        if found is None:
            return None
        _block, rect, line, rel0, rel1 = found
        x0, x1 = (cast(tuple[float, int], line.cursorToX(rel))[0] for rel in (rel0, rel1))
        top = rect.top() + line.y()
        box = QRectF(rect.left() + min(x0, x1), top, abs(x1 - x0), line.height())
        return Anchor(QPointF(box.center().x(), top + 2), box)

    def outline(self, start: int, end: int) -> list[QRectF]:
        """The boxes the span's first line is drawn in, on screen (a span may fall apart in
        mixed directions)."""
        found = self._first_line(start, end)
        if found is None:
            return []
        block, rect, line, rel0, rel1 = found
        origin = rect.translated(self.view.contentOffset()).topLeft()
        top = origin.y() + line.y()
        return [QRectF(origin.x() + x0, top, x1 - x0, line.height())
                for x0, x1, _baseline in visual_extents(block.layout(), rel0, rel1)]
