"""Per-block painting of annotation spans from an interval index: backgrounds, underline layers, controls."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from operator import attrgetter
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPainter, QPen, QSyntaxHighlighter, QTextBlock,
                           QTextCharFormat, QTextDocument, QTextLayout)

from annotator.core.offsets import OffsetMap
from annotator.core.spans import assign_layers
from annotator.store.values import AnnotationInfo, LabelInfo

FALLBACK_COLOUR = "#9e9e9e"  # an annotation whose label is unknown to the view
CONTROL_FOREGROUND = "#b00020"
CONTROL_BACKGROUND = "#ffe600"


class SpanIndex:
    """Code-point spans sorted by start, with the running maximum of their ends, and lazy layers.

    The running maximum makes "which spans touch [a, b)" two bisections. Spans that overlap
    transitively form a cluster (a contiguous run in start order); a cluster's layers
    (core.spans.assign_layers) are computed the first time one of its spans is shown, and adding
    or removing a span recomputes only its cluster. Plain parallel lists keep a 10,000-span
    index to a handful of Python objects.
    """

    def __init__(self, spans: Iterable[tuple[int, int, int]] = ()) -> None:
        items = sorted(sp for sp in spans if sp[1] > sp[0])
        self._load([sp[0] for sp in items], [sp[1] for sp in items], [sp[2] for sp in items])

    @classmethod
    def from_columns(cls, starts: list[int], ends: list[int], keys: list[int]) -> SpanIndex:
        """An index over parallel columns already sorted by start (no span may be empty)."""
        index = cls.__new__(cls)
        index._load(starts, ends, keys)
        return index

    def _load(self, starts: list[int], ends: list[int], keys: list[int]) -> None:
        self._starts, self._ends, self._keys = starts, ends, keys
        self._reach = list(accumulate(ends, max))  # _reach[i] = max(ends[:i + 1])
        self._start_of = dict(zip(keys, starts))
        self._end_of = dict(zip(keys, ends))
        self._layer: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: int) -> bool:
        return key in self._start_of

    def span(self, key: int) -> tuple[int, int]:
        return self._start_of[key], self._end_of[key]

    def layer(self, key: int) -> int:
        """Layer of `key`: 0 is the background, 1, 2, ... the underlines below the text."""
        if key not in self._layer:
            self._resolve(*self._cluster(self._position(key)))
        return self._layer[key]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """(start, end, key, layer) of every span sharing a code point with [start, end)."""
        starts, ends, keys, layer = self._starts, self._ends, self._keys, self._layer
        found = []
        for i in range(bisect_right(self._reach, start), bisect_left(starts, end)):
            if ends[i] > start:
                key = keys[i]
                if key not in layer:
                    self._resolve(*self._cluster(i))
                found.append((starts[i], ends[i], key, layer[key]))
        return found

    def covering(self, offset: int) -> list[int]:
        """Keys of the spans containing code point `offset`, innermost (shortest) first."""
        hits = self.overlapping(offset, offset + 1)
        return [key for s, e, key, _layer in sorted(hits, key=lambda h: (h[1] - h[0], h[0], h[2]))]

    def add(self, start: int, end: int, key: int) -> set[int]:
        """Insert a span; return the keys whose layer changed (the new key included)."""
        if key in self._start_of:
            raise KeyError(f"span {key} is already indexed")
        if end <= start:
            raise ValueError(f"empty span {start}-{end}")
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._keys.insert(i, key)
        self._start_of[key], self._end_of[key] = start, end
        reach = self._reach
        reach.insert(i, max(reach[i - 1], end) if i else end)
        j = i + 1
        while j < len(reach) and reach[j] < end:
            reach[j] = end
            j += 1
        return self._relayer(*self._cluster(i))

    def remove(self, key: int) -> set[int]:
        """Drop a span; return the keys left whose layer changed."""
        i = self._position(key)
        c0, c1 = self._cluster(i)
        before = {k: self._layer.get(k) for k in self._keys[c0:c1]}
        for column in (self._starts, self._ends, self._keys, self._reach):
            del column[i]
        del self._start_of[key], self._end_of[key]
        self._layer.pop(key, None)
        before.pop(key)
        ends, reach = self._ends, self._reach
        j, prev = i, (reach[i - 1] if i else -1)
        while j < len(reach):
            now = max(prev, ends[j])
            if now == reach[j]:
                break
            reach[j] = prev = now
            j += 1
        shown = any(v is not None for v in before.values())
        for k in before:
            self._layer.pop(k, None)
        j = c0
        while shown and j < c1 - 1:  # the old cluster may have fallen apart into several
            a, j = self._cluster(j)
            self._resolve(a, j)
        return {k for k, v in before.items() if self._layer.get(k) != v}

    def _relayer(self, c0: int, c1: int) -> set[int]:
        members = self._keys[c0:c1]
        before = {k: self._layer.pop(k, None) for k in members}
        if any(v is not None for v in before.values()):
            self._resolve(c0, c1)
        return {k for k in members if self._layer.get(k) != before[k]}

    def _position(self, key: int) -> int:
        i = bisect_left(self._starts, self._start_of[key])
        while self._keys[i] != key:
            i += 1
        return i

    def _cluster(self, i: int) -> tuple[int, int]:
        """[c0, c1): the run of spans around position i that overlap one another transitively."""
        starts, reach = self._starts, self._reach
        c0 = i
        while c0 > 0 and starts[c0] < reach[c0 - 1]:
            c0 -= 1
        c1 = i + 1
        while c1 < len(starts) and starts[c1] < reach[c1 - 1]:
            c1 += 1
        return c0, c1

    def _resolve(self, c0: int, c1: int) -> None:
        if c1 - c0 == 1:
            self._layer[self._keys[c0]] = 0
        else:
            self._layer.update(assign_layers(zip(self._starts[c0:c1], self._ends[c0:c1],
                                                 self._keys[c0:c1])))


class Underline(NamedTuple):
    """An underline the view paints below a block's text: block-relative Qt positions."""

    start: int
    length: int
    layer: int
    colour: QColor


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

    def __init__(self, document: QTextDocument, offsets: OffsetMap, controls: Sequence[int]) -> None:
        super().__init__(document)
        # QSyntaxHighlighter queues a pass over every block; this one formats blocks on demand
        # (ensure_block) and the read-only text never changes, so that queued pass is dropped.
        QCoreApplication.removePostedEvents(self, QEvent.Type.MetaCall)
        self.offsets = offsets
        self.controls = list(controls)  # code-point offsets of bidi controls, sorted
        self.annotations: dict[int, AnnotationInfo] = {}
        self.labels: dict[int, LabelInfo] = {}
        self.index = SpanIndex()
        self._formatted: set[int] = set()  # block numbers whose formats are current
        self.blocks_formatted = 0  # how many times a block was (re)formatted: the cost of changes
        self._underlines: dict[int, list[Underline]] = {}
        self._backgrounds: dict[int, QTextCharFormat] = {}
        self._line_colours: dict[int, QColor] = {}
        self._control_format = QTextCharFormat()
        self._control_format.setForeground(QColor(CONTROL_FOREGROUND))
        self._control_format.setBackground(QColor(CONTROL_BACKGROUND))
        self._control_format.setFontWeight(QFont.Weight.Bold)

    # -- data ------------------------------------------------------------------------------------
    def set_data(self, annotations: Iterable[AnnotationInfo], labels: Iterable[LabelInfo]) -> None:
        self.annotations = {a.id: a for a in annotations}
        ordered = sorted((a for a in self.annotations.values() if a.end > a.start),
                         key=attrgetter("start"))
        self.index = SpanIndex.from_columns([a.start for a in ordered], [a.end for a in ordered],
                                            [a.id for a in ordered])
        self._set_labels(labels)
        self._formatted.clear()
        self._underlines.clear()

    def set_labels(self, labels: Iterable[LabelInfo]) -> None:
        self._set_labels(labels)
        self._refresh_blocks(sorted(self._formatted))

    def add(self, a: AnnotationInfo) -> None:
        if a.id in self.annotations:
            self.update(a)
            return
        if a.end <= a.start:
            return  # nothing to paint; the store refuses such spans anyway
        self.annotations[a.id] = a
        changed = self.index.add(a.start, a.end, a.id)
        self._refresh_spans([self.index.span(k) for k in changed | {a.id}])

    def remove(self, annotation_id: int) -> None:
        if annotation_id not in self.annotations:
            return
        gone = self.index.span(annotation_id)
        changed = self.index.remove(annotation_id)
        del self.annotations[annotation_id]
        self._refresh_spans([gone, *(self.index.span(k) for k in changed)])

    def update(self, a: AnnotationInfo) -> None:
        old = self.annotations.get(a.id)
        if old is not None and (old.start, old.end) != (a.start, a.end):
            self.remove(a.id)
        if a.id not in self.annotations:
            self.add(a)
            return
        self.annotations[a.id] = a
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

    def _refresh_blocks(self, numbers: Iterable[int]) -> None:
        doc = self.document()
        for n in numbers:
            block = doc.findBlockByNumber(n)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        block = self.currentBlock()
        number = block.blockNumber()
        self._formatted.add(number)
        self.blocks_formatted += 1
        self._underlines.pop(number, None)
        q0 = block.position()
        q_len = block.length() - 1  # UTF-16 units; `text` counts code points
        to_qt, from_qt = self.offsets.to_qt, self.offsets.from_qt
        c0, c1 = from_qt(q0), from_qt(q0 + q_len)
        lines: list[Underline] = []
        for s, e, key, layer in self.index.overlapping(c0, c1):
            a = self.annotations.get(key)
            if a is None:
                continue
            qs, qe = to_qt(max(s, c0)) - q0, to_qt(min(e, c1)) - q0
            if layer == 0:
                self.setFormat(qs, qe - qs, self._background(a.label_id))
            else:
                lines.append(Underline(qs, qe - qs, layer, self._line_colour(a.label_id)))
        if lines:
            lines.sort(key=lambda u: u.layer)
            self._underlines[number] = lines
        controls = self.controls
        for i in range(bisect_left(controls, c0), bisect_left(controls, c1)):
            self.setFormat(to_qt(controls[i]) - q0, 1, self._control_format)


# Deeper overlap layers: pen style per layer, cycling.
_LAYER_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
                 Qt.PenStyle.DashDotLine)


def paint_underlines(painter: QPainter, layout: QTextLayout, origin: QPointF,
                     lines: Iterable[Underline], metrics: QFontMetricsF) -> None:
    """Draw a block's underlines, layer k a little deeper below the baseline than layer k - 1."""
    width = max(1.5, metrics.height() * 0.06)
    first_gap = max(2.0, metrics.descent() * 0.22)
    gap = max(width + 1.5, metrics.descent() * 0.3)
    for u in lines:
        pen = QPen(u.colour, width)
        pen.setStyle(_LAYER_STYLES[(u.layer - 1) % len(_LAYER_STYLES)])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        for x0, x1, baseline in visual_extents(layout, u.start, u.start + u.length):
            y = origin.y() + baseline + first_gap + (u.layer - 1) * gap
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
