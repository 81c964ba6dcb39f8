"""Per-block painting of annotation spans from an interval index: backgrounds, underline layers, controls."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
)

from annotator.core.intervals import SpanIndex
from annotator.core.offsets import OffsetMap
from annotator.store.values import AnnotationInfo, LabelInfo

FALLBACK_COLOUR = "#9e9e9e"  # an annotation whose label is unknown to the view
CONTROL_FOREGROUND = "#b00020"
CONTROL_BACKGROUND = "#ffe600"


class Underline(NamedTuple):
    """An underline the view paints below a block's text: block-relative Qt positions."""

    start: int
    length: int
    layer: int
    colour: QColor


class Outline(NamedTuple):
    """A frame the view draws round an analyst's span when several analysts' layers are shown:
    block-relative Qt positions and the analyst's place in OUTLINE_COLOURS."""

    start: int
    length: int
    analyst: int


# Analysts' outlines: dark colours unlike the labels' light backgrounds, solid for the first
# six analysts, dashed for the next six, dotted after.
OUTLINE_COLOURS = ("#1a3a9c", "#b0006a", "#00695c", "#8a4b00", "#5b2a86", "#37474f")
_OUTLINE_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)


def outline_pen(analyst: int, width: float = 1.5) -> QPen:
    pen = QPen(QColor(OUTLINE_COLOURS[analyst % len(OUTLINE_COLOURS)]), width)
    pen.setStyle(_OUTLINE_STYLES[analyst // len(OUTLINE_COLOURS) % len(_OUTLINE_STYLES)])
    return pen


class Continuation(NamedTuple):
    """An annotation that runs on past the end of a block, into the next paragraph."""

    layer: int
    colour: QColor  # its background colour on layer 0, its underline colour deeper


def background_colour(colour: str) -> QColor:
    """The label's colour mixed with white: light enough to read black text on."""
    c = QColor(colour) if QColor.isValidColorName(colour) else QColor(FALLBACK_COLOUR)
    keep = 0.42
    mixed = QColor.fromRgbF(1 - (1 - c.redF()) * keep, 1 - (1 - c.greenF()) * keep,
                            1 - (1 - c.blueF()) * keep)
    if mixed.lightnessF() < 0.8:  # a dark label colour: keep its hue, lift its lightness
        mixed = QColor.fromHslF(max(mixed.hslHueF(), 0.0), mixed.hslSaturationF(), 0.82)
    return mixed


def underline_colour(colour: str) -> QColor:
    c = QColor(colour) if QColor.isValidColorName(colour) else QColor(FALLBACK_COLOUR)
    return c.darker(135)


class AnnotationHighlighter(QSyntaxHighlighter):
    """Formats the blocks the view is about to paint (never the whole document at once).

    Layer 0 of each overlap cluster gets its label's background here; deeper layers become
    `Underline`s that the view paints at increasing depths; invisible bidi controls (already
    replaced by visible stand-ins in the Qt text) get red on yellow.
    """

    def __init__(self, document: QTextDocument, offsets: OffsetMap, controls: Sequence[int],
                 lookup: Callable[[int], AnnotationInfo | None]) -> None:
        super().__init__(document)
        # QSyntaxHighlighter queues a pass over every block; this one formats blocks on demand
        # (ensure_block) and the read-only text never changes, so that queued pass is dropped.
        QCoreApplication.removePostedEvents(self, QEvent.Type.MetaCall)
        self.offsets = offsets
        self.controls = list(controls)  # code-point offsets of bidi controls, sorted
        # The annotations themselves stay in the model; the index holds only ids and spans.
        self.lookup = lookup
        self.labels: dict[int, LabelInfo] = {}
        self.index = SpanIndex()
        self._formatted: set[int] = set()  # block numbers whose formats are current
        self._refreshed: set[int] = set()  # blocks formatted again since take_refreshed
        self.blocks_formatted = 0  # how many times a block was (re)formatted: the cost of changes
        self._underlines: dict[int, list[Underline]] = {}
        self._outlines: dict[int, list[Outline]] = {}
        self.outlined: dict[str, int] = {}  # analyst -> outline, when several layers are shown
        self._continuations: dict[int, list[Continuation]] = {}
        self._backgrounds: dict[int, QTextCharFormat] = {}
        self._line_colours: dict[int, QColor] = {}
        self._control_format = QTextCharFormat()
        self._control_format.setForeground(QColor(CONTROL_FOREGROUND))
        self._control_format.setBackground(QColor(CONTROL_BACKGROUND))
        self._control_format.setFontWeight(QFont.Weight.Bold)

    # -- data ------------------------------------------------------------------------------------
    def set_data(self, annotations: Iterable[AnnotationInfo], labels: Iterable[LabelInfo]) -> None:
        ordered = sorted((a for a in annotations if a.end > a.start), key=attrgetter("start"))
        self.index = SpanIndex.from_columns([a.start for a in ordered], [a.end for a in ordered],
                                            [a.id for a in ordered])
        self._set_labels(labels)
        self._formatted.clear()
        self._underlines.clear()
        self._outlines.clear()
        self._continuations.clear()

    def set_outlined(self, outlined: dict[str, int]) -> None:
        """Frame each of these analysts' spans in their outline (none: no frames)."""
        if outlined != self.outlined:
            self.outlined = dict(outlined)
            self._refresh_blocks(sorted(self._formatted))

    def set_labels(self, labels: Iterable[LabelInfo]) -> None:
        self._set_labels(labels)
        self._refresh_blocks(sorted(self._formatted))

    def add(self, a: AnnotationInfo) -> None:
        if a.id in self.index:
            self.update(a)
            return
        if a.end <= a.start:
            return  # nothing to paint; the store refuses such spans anyway
        changed = self.index.add(a.start, a.end, a.id)
        self._refresh_spans([self.index.span(k) for k in changed | {a.id}])

    def remove(self, annotation_id: int) -> None:
        if annotation_id not in self.index:
            return
        gone = self.index.span(annotation_id)
        changed = self.index.remove(annotation_id)
        self._refresh_spans([gone, *(self.index.span(k) for k in changed)])

    def update(self, a: AnnotationInfo) -> None:
        """Repaint `a` as the model now holds it (a new label, note or span)."""
        if a.id in self.index and self.index.span(a.id) != (a.start, a.end):
            self.remove(a.id)
        if a.id not in self.index:
            self.add(a)
            return
        self._refresh_spans([(a.start, a.end)])

    def _set_labels(self, labels: Iterable[LabelInfo]) -> None:
        self.labels = {label.id: label for label in labels}
        self._backgrounds.clear()
        self._line_colours.clear()

    def _colour(self, label_id: int) -> str:
        label = self.labels.get(label_id)
        return label.colour if label is not None else FALLBACK_COLOUR

    def _background(self, label_id: int) -> QTextCharFormat:
        fmt = self._backgrounds.get(label_id)
        if fmt is None:
            fmt = self._backgrounds[label_id] = QTextCharFormat()
            fmt.setBackground(background_colour(self._colour(label_id)))
        return fmt

    def _line_colour(self, label_id: int) -> QColor:
        colour = self._line_colours.get(label_id)
        if colour is None:
            colour = self._line_colours[label_id] = underline_colour(self._colour(label_id))
        return colour

    # -- blocks ----------------------------------------------------------------------------------
    def ensure_block(self, block: QTextBlock) -> None:
        """Format `block` unless its formats are already current."""
        if block.blockNumber() not in self._formatted:
            self.rehighlightBlock(block)

    def underlines(self, block_number: int) -> list[Underline]:
        return self._underlines.get(block_number, [])

    def outlines(self, block_number: int) -> list[Outline]:
        return self._outlines.get(block_number, [])

    def continuations(self, block_number: int) -> list[Continuation]:
        return self._continuations.get(block_number, [])

    def is_formatted(self, block_number: int) -> bool:
        return block_number in self._formatted

    def _refresh_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        doc = self.document()
        numbers: set[int] = set()
        for start, end in spans:
            q_start, q_end = self.offsets.to_qt(start), self.offsets.to_qt(end)
            first = doc.findBlock(q_start).blockNumber()
            last = doc.findBlock(max(q_start, q_end - 1)).blockNumber()
            numbers.update(n for n in range(first, last + 1) if n in self._formatted)
        self._refresh_blocks(sorted(numbers))

    def take_refreshed(self) -> set[int]:
        """The blocks formatted again (their highlights changed) since the last call."""
        refreshed, self._refreshed = self._refreshed, set()
        return refreshed

    def _refresh_blocks(self, numbers: Iterable[int]) -> None:
        doc = self.document()
        for n in numbers:
            self._refreshed.add(n)
            block = doc.findBlockByNumber(n)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        number = block.blockNumber()
        self._formatted.add(number)
        self.blocks_formatted += 1
        self._underlines.pop(number, None)
        self._outlines.pop(number, None)
        q0 = block.position()
        q_len = block.length() - 1  # UTF-16 units; `text` counts code points
        to_qt, from_qt = self.offsets.to_qt, self.offsets.from_qt
        c0, c1 = from_qt(q0), from_qt(q0 + q_len)
        lines: list[Underline] = []
        frames: list[Outline] = []
        for s, e, key, layer in self.index.overlapping(c0, c1):
            a = self.lookup(key)
            if a is None:
                continue
            qs, qe = to_qt(max(s, c0)) - q0, to_qt(min(e, c1)) - q0
            if (analyst := self.outlined.get(a.annotator)) is not None:
                frames.append(Outline(qs, qe - qs, analyst))
            if layer == 0:
                self.setFormat(qs, qe - qs, self._background(a.label_id))
            else:
                lines.append(Underline(qs, qe - qs, layer, self._line_colour(a.label_id)))
        if lines:
            lines.sort(key=lambda u: u.layer)
            self._underlines[number] = lines
        if frames:
            self._outlines[number] = frames
        self._continuations.pop(number, None)
        if block.next().isValid():  # spans over this block's line break go on in the next
            runs_on = [Continuation(layer, self._background(a.label_id).background().color() if layer == 0
                                    else self._line_colour(a.label_id))
                       for _s, _e, key, layer in self.index.overlapping(c1, c1 + 1)
                       if (a := self.lookup(key)) is not None]
            if runs_on:
                self._continuations[number] = sorted(runs_on, key=lambda c: c.layer)
        controls = self.controls
        for i in range(bisect_left(controls, c0), bisect_left(controls, c1)):
            self.setFormat(to_qt(controls[i]) - q0, 1, self._control_format)


# Deeper overlap layers: pen style per layer, cycling.
_LAYER_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
                 Qt.PenStyle.DashDotLine)


def _underline_geometry(metrics: QFontMetricsF) -> tuple[float, float, float]:
    """Pen width, gap from the baseline to layer 1, gap between layers."""
    width = max(1.5, metrics.height() * 0.06)
    return width, max(2.0, metrics.descent() * 0.22), max(width + 1.5, metrics.descent() * 0.3)


def _underline_pen(colour: QColor, layer: int, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setStyle(_LAYER_STYLES[(layer - 1) % len(_LAYER_STYLES)])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def paint_underlines(painter: QPainter, layout: QTextLayout, origin: QPointF,
                     lines: Iterable[Underline], metrics: QFontMetricsF) -> None:
    """Draw a block's underlines, layer k a little deeper below the baseline than layer k - 1."""
    width, first_gap, gap = _underline_geometry(metrics)
    for u in lines:
        painter.setPen(_underline_pen(u.colour, u.layer, width))
        for x0, x1, baseline in visual_extents(layout, u.start, u.start + u.length):
            y = origin.y() + baseline + first_gap + (u.layer - 1) * gap
            painter.drawLine(QPointF(origin.x() + x0, y), QPointF(origin.x() + x1, y))


def paint_outlines(painter: QPainter, layout: QTextLayout, origin: QPointF, frames: Iterable[Outline],
                   metrics: QFontMetricsF) -> None:
    """Frame each analyst's span, piece by visual piece; the second analyst's frame a little
    inside the first's, and so on, so that two analysts' frames round one span both show."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for f in frames:
        painter.setPen(outline_pen(f.analyst))
        inset = 0.75 + 2.0 * (f.analyst % 3)
        for x0, x1, baseline in visual_extents(layout, f.start, f.start + f.length):
            top, bottom = baseline - metrics.ascent() + inset, baseline + metrics.descent() - inset
            painter.drawRect(QRectF(origin.x() + x0 + inset, origin.y() + top,
                                    max(1.0, x1 - x0 - 2 * inset), max(1.0, bottom - top)))


def paint_continuations(painter: QPainter, layout: QTextLayout, origin: QPointF,
                        runs_on: Iterable[Continuation], metrics: QFontMetricsF) -> None:
    """Carry each span running on into the next paragraph to the end of the block's last line
    (its far edge in the paragraph's direction), so it does not look like two spans."""
    if layout.lineCount() == 0:
        return
    line = layout.lineAt(layout.lineCount() - 1)
    text = line.naturalTextRect()
    rtl = layout.textOption().textDirection() == Qt.LayoutDirection.RightToLeft
    x0, x1 = (line.x(), text.left()) if rtl else (text.right(), line.x() + line.width())
    if x1 <= x0:
        return
    width, first_gap, gap = _underline_geometry(metrics)
    for c in runs_on:
        if c.layer == 0:
            painter.fillRect(QRectF(origin.x() + x0, origin.y() + line.y(), x1 - x0, line.height()),
                             c.colour)
        else:
            painter.setPen(_underline_pen(c.colour, c.layer, width))
            y = origin.y() + line.y() + line.ascent() + first_gap + (c.layer - 1) * gap
            painter.drawLine(QPointF(origin.x() + x0, y), QPointF(origin.x() + x1, y))


def visual_extents(layout: QTextLayout, start: int, end: int) -> Iterator[tuple[float, float, float]]:
    """(left x, right x, baseline y) of each visual piece of block-relative range [start, end).

    A logical range can fall apart into several pieces on one line when it mixes directions, and
    across lines when it wraps; Qt's glyph runs give each piece's box.
    """
    first = layout.lineForTextPosition(start)  # lines before the range have nothing in it
    for i in range(first.lineNumber() if first.isValid() else 0, layout.lineCount()):
        line = layout.lineAt(i)
        line_start = line.textStart()
        if line_start >= end:
            return
        a, b = max(start, line_start), min(end, line_start + line.textLength())
        if a >= b:
            continue
        boxes = [r.boundingRect() for r in layout.glyphRuns(a, b - a)]
        pieces = sorted((box.left(), box.right()) for box in boxes)
        merged: list[list[float]] = []
        for x0, x1 in pieces:
            if merged and x0 <= merged[-1][1] + 0.5:
                merged[-1][1] = max(merged[-1][1], x1)
            else:
                merged.append([x0, x1])
        baseline = line.y() + line.ascent()
        for x0, x1 in merged:
            yield x0, x1, baseline
