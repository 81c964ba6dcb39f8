"""The right-to-left reading widget: selection in code points, highlighting, hover, zoom."""
from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from annotator.core.display import CONTROL_STAND_INS, control_name, text_for_qt
from annotator.core.offsets import OffsetMap
from annotator.core.spans import snap_to_words, word_at
from annotator.store.values import AnnotationInfo, LabelInfo
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.highlighter import AnnotationHighlighter, paint_continuations, paint_outlines, paint_underlines
from annotator.ui.i18n import isolate, shown_label, shown_name
from annotator.ui.paragraph_layout import ParagraphLayout, paragraph_option
from annotator.ui.relation_arcs import Anchor, RelationOverlay
from annotator.ui.resources import EMOJI_FONT_FAMILY, load_fonts

BASE_POINT_SIZE = 15
MIN_POINT_SIZE = 7
MAX_POINT_SIZE = 60
FLASH_MS = 900
FLASH_COLOUR = "#ff9f1c"
FOUND_COLOUR = "#fff07a"  # every match of Find, paler than the current one (the selection)
MAX_FOUND_MARKS = 5000  # beyond this many matches, painting them all would slow every repaint
DOCUMENT_MARGIN = 12  # px between the text and the frame
IDLE_START_MS = 100  # formatting unseen blocks waits until the document has painted
IDLE_SLICE_S = 0.004  # and then never holds the event loop longer than this

class ArticleView(QPlainTextEdit):
    """Read-only, selectable article; every offset in and out is a code point into the stored text."""

    selectionSpanChanged = Signal(int, int)
    annotationClicked = Signal(int)
    zoomChanged = Signal(int)
    documentPainted = Signal()  # once per show_document, after its first paint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snap_to_words = True
        self._text = ""
        self._offsets = OffsetMap("")
        self._highlighter: AnnotationHighlighter | None = None
        self._outlined: dict[str, int] = {}
        # The annotations shown: the window's model (set_model), else one of the view's own.
        self._model = AnnotationModel(self)
        self._zoom = 0
        self._last_span = (-1, -1)
        self._press_pos: QPoint | None = None
        self._hovered: int | None = None  # the annotation under the mouse: its links stand out
        self._links = RelationOverlay(self)
        self._family = load_fonts()
        self.setFont(self._font_for(0))
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.viewport().setMouseTracking(True)  # hovering a span shows the other end of its links
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)
        self._announce_paint = False
        # Blocks not yet shown are formatted in idle slices, so scrolling finds them ready.
        self._idle_block = 0
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(self._format_when_idle)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self._show_extras(flash=[]))
        self._found: list[QTextEdit.ExtraSelection] = []  # Find's matches, under any flash
        self._flash: list[QTextEdit.ExtraSelection] = []
        self.selectionChanged.connect(self._emit_span)
        self.cursorPositionChanged.connect(self._emit_span)
        self._observe(self._model)
        self._load("", (), ())

    # -- document --------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The document text exactly as stored (controls not replaced)."""
        return self._text

    @property
    def offsets(self) -> OffsetMap:
        return self._offsets

    @property
    def highlighter(self) -> AnnotationHighlighter | None:
        return self._highlighter

    @property
    def model(self) -> AnnotationModel:
        return self._model

    def set_outlined(self, outlined: dict[str, int]) -> None:
        """Frame these analysts' spans, each in its outline (OUTLINE_COLOURS), in this document
        and the next ones; an empty mapping draws no frames."""
        self._outlined = dict(outlined)
        if self._highlighter is not None:
            self._highlighter.set_outlined(self._outlined)
            self._highlighter.take_refreshed()
            self.viewport().update()

    def set_model(self, model: AnnotationModel) -> None:
        """Show `model`'s document and annotations, and follow its changes from now on."""
        for signal, slot in self._model_slots(self._model):
            signal.disconnect(slot)
        self._model = model
        self._observe(model)
        self._model_reset()

    def _model_slots(self, model: AnnotationModel) -> list[tuple[Any, Any]]:
        return [(model.modelReset, self._model_reset), (model.rowsInserted, self._rows_inserted),
                (model.rowsAboutToBeRemoved, self._rows_leaving),
                (model.dataChanged, self._rows_changed), (model.labelsChanged, self._labels_changed),
                (model.relationsChanged, self.viewport().update)]

    def _observe(self, model: AnnotationModel) -> None:
        for signal, slot in self._model_slots(model):
            signal.connect(slot)

    def show_document(self, text: str, annotations: Sequence[AnnotationInfo],
                      labels: Sequence[LabelInfo], document_id: int | None = None) -> None:
        """Show `text` with `annotations` (through the view's model, as the window does)."""
        if document_id is None and annotations:
            document_id = annotations[0].document_id
        self._model.set_document(document_id, text, annotations, labels)

    def _model_reset(self) -> None:
        """A new document: text, annotations and labels; caret at the start; focus here."""
        m = self._model
        self._load(m.text, m.annotations(), m.labels)
        self._announce_paint = True
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _rows_inserted(self, _parent: object, first: int, last: int) -> None:
        hl = self._highlighter
        if hl is None:
            return
        if last - first >= 64:  # the rest of a long document: one index rebuild, not one per span
            hl.set_data(self._model.annotations(), self._model.labels)
            self._format_later()
            self.viewport().update()
        else:
            for row in range(first, last + 1):
                hl.add(self._model.annotation(row))
            self._update_refreshed(hl)

    def _rows_leaving(self, _parent: object, first: int, last: int) -> None:
        if self._highlighter is not None:
            for row in range(first, last + 1):
                self._highlighter.remove(self._model.annotation(row).id)
            self._update_refreshed(self._highlighter)

    def _update_refreshed(self, hl: AnnotationHighlighter) -> None:
        """Repaint the blocks whose highlights changed (with what the view paints over them:
        underlines, continuations, the arcs crossing them), not the whole article."""
        doc, offset, height = self.document(), self.contentOffset(), self.viewport().height()
        area = QRectF()
        for n in hl.take_refreshed():
            rect = self.blockBoundingGeometry(doc.findBlockByNumber(n)).translated(offset)
            if rect.bottom() >= 0 and rect.top() <= height:
                area = area.united(rect)
        if not area.isEmpty():
            self.viewport().update(area.toAlignedRect().adjusted(-2, -2, 2, 2))

    def _rows_changed(self, top: Any, bottom: Any, _roles: object = ()) -> None:
        hl = self._highlighter
        if hl is None:
            return
        for row in range(top.row(), bottom.row() + 1):
            a = self._model.annotation(row)
            # Many rows at once are a relabelling, repainted by _labels_changed; a span that
            # moved is repainted whatever the count.
            if bottom.row() - top.row() < 64 or a.id not in hl.index \
                    or hl.index.span(a.id) != (a.start, a.end):
                hl.update(a)
        if bottom.row() - top.row() < 64:
            self._update_refreshed(hl)
        else:
            self.viewport().update()

    def _labels_changed(self) -> None:
        if self._highlighter is not None:
            self._highlighter.set_labels(self._model.labels)
            self.viewport().update()

    def _load(self, text: str, annotations: Sequence[AnnotationInfo],
              labels: Sequence[LabelInfo]) -> None:
        shown = text_for_qt(text)
        doc = QTextDocument(self)
        # Most articles read one way only: Qt's own layout, without a call into Python per block.
        layout = (ParagraphLayout(doc, shown.other, rtl=not shown.rtl) if shown.other
                  else QPlainTextDocumentLayout(doc))
        doc.setDocumentLayout(layout)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        # Paragraphs read the way most do and align to the side they start on; the paragraph
        # layout turns the others round (core/direction.py has the rule).
        option = QTextOption(doc.defaultTextOption())
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(paragraph_option(option, shown.rtl))
        doc.setPlainText(shown.text)
        offsets = OffsetMap(text)
        self._text = text
        self._offsets = offsets
        highlighter = AnnotationHighlighter(doc, offsets, shown.controls, self._model.find)
        highlighter.set_data(annotations, labels)
        highlighter.outlined = dict(self._outlined)
        old = self.document()
        ours = old is not None and old.parent() is self  # Qt deletes the one it made itself
        self._flash_timer.stop()
        self._found, self._flash = [], []
        self.setExtraSelections([])
        self._highlighter = highlighter
        self._links.forget()
        self.setDocument(doc)
        self._format_later()
        if ours:
            old.deleteLater()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        # Keeping the caret visible in a viewport not yet laid out (the window opening) would
        # scroll a wrapped first paragraph a line down and hide the caret: show the top.
        self.verticalScrollBar().setValue(0)
        self._emit_span()

    # Changes a test or a caller makes through the view go through its model, like the window's.
    def add_annotation(self, a: AnnotationInfo) -> None:
        self._model.add(a)

    def update_annotation(self, a: AnnotationInfo) -> None:
        self._model.replace(a)

    def remove_annotation(self, annotation_id: int) -> None:
        self._model.remove(annotation_id)

    def set_labels(self, labels: Sequence[LabelInfo]) -> None:
        self._model.set_labels(labels)

    def _format_later(self) -> None:
        self._idle_block = 0
        self._idle_timer.start(IDLE_START_MS)

    def _format_when_idle(self) -> None:
        hl = self._highlighter
        if hl is None:
            return
        deadline = time.perf_counter() + IDLE_SLICE_S
        block = self.document().findBlockByNumber(self._idle_block)
        while block.isValid() and time.perf_counter() < deadline:
            hl.ensure_block(block)
            block = block.next()
        if block.isValid():
            self._idle_block = block.blockNumber()
            self._idle_timer.start(0)

    def first_screen_chars(self) -> int:
        """A generous count of the characters one screen can show at the current zoom."""
        metrics = self.fontMetrics()
        per_line = self.viewport().width() / max(1, metrics.averageCharWidth())
        lines = self.viewport().height() / max(1, metrics.lineSpacing())
        return int(2 * per_line * lines) + 2000

    # -- spans in code points --------------------------------------------------------------------
    def selected_span(self) -> tuple[int, int]:
        """The raw selection (or the caret when empty), in code points, start <= end."""
        c = self.textCursor()
        return self._offsets.from_qt(c.selectionStart()), self._offsets.from_qt(c.selectionEnd())

    def span_to_tag(self) -> tuple[int, int] | None:
        """What a label key would tag: the selection snapped to words (unless snapping is off);
        with no selection, the word at the caret (nested in an annotation or not)."""
        start, end = self.selected_span()
        if start == end:
            return word_at(self._text, start)
        if self.snap_to_words:
            return snap_to_words(self._text, start, end)
        return start, end

    def _cursor_over(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting code points [start, end) of the document."""
        c = QTextCursor(self.document())
        c.setPosition(self._offsets.to_qt(start))
        c.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return c

    def select_span(self, start: int, end: int) -> None:
        """Select code points [start, end) and scroll them into view."""
        c = self._cursor_over(start, end)
        rect = self.cursorRect(c)
        far = rect.top() < 0 or rect.bottom() > self.viewport().height()
        self.setTextCursor(c)
        if far:  # show it with its context rather than on the bottom edge
            self.centerCursor()

    def flash_span(self, start: int, end: int) -> None:
        """Briefly paint [start, end) in a flash colour and scroll it into view."""
        c = self._cursor_over(start, end)
        flash = QTextEdit.ExtraSelection()
        flash.cursor = c
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(FLASH_COLOUR))
        fmt.setForeground(QColor("black"))
        flash.format = fmt
        self._show_extras(flash=[flash])
        self._scroll_to(c.selectionStart())
        self._flash_timer.start(FLASH_MS)

    def mark_found(self, spans: list[tuple[int, int]]) -> None:
        """Paint every match of Find (code-point spans), until the next call or document."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(FOUND_COLOUR))
        found = []
        for start, end in spans[:MAX_FOUND_MARKS]:
            mark = QTextEdit.ExtraSelection()
            mark.cursor = self._cursor_over(start, end)
            mark.format = fmt
            found.append(mark)
        self._show_extras(found=found)

    def _show_extras(self, *, found: list[QTextEdit.ExtraSelection] | None = None,
                     flash: list[QTextEdit.ExtraSelection] | None = None) -> None:
        self._found = self._found if found is None else found
        self._flash = self._flash if flash is None else flash
        self.setExtraSelections(self._found + self._flash)

    def is_flashing(self) -> bool:
        return self._flash_timer.isActive()

    def _scroll_to(self, qt_pos: int) -> None:
        """Bring Qt position `qt_pos` into view (a third down the page) without moving the caret."""
        probe = QTextCursor(self.document())
        probe.setPosition(qt_pos)
        rect = self.cursorRect(probe)
        if 0 <= rect.top() and rect.bottom() <= self.viewport().height():
            return
        block = probe.block()
        self.blockBoundingRect(block)  # lays the block out so its line numbers are known
        line = block.layout().lineForTextPosition(qt_pos - block.position())
        visual_line = block.firstLineNumber() + max(line.lineNumber(), 0)
        lines_per_page = max(1, int(self.viewport().height() / max(rect.height(), 1)))
        bar = self.verticalScrollBar()
        bar.setValue(max(bar.minimum(), visual_line - lines_per_page // 3))

    def annotations_at(self, offset: int) -> list[int]:
        """Ids of the annotations containing code point `offset`, innermost first."""
        return self._highlighter.index.covering(offset) if self._highlighter is not None else []

    def annotation_at_cursor(self) -> int | None:
        """The annotation a key acts on: the one spanning the selection exactly, else the innermost
        under the selection's start; with no selection, the innermost on either side of the caret
        (right after tagging, the caret sits at the end of the new span)."""
        start, end = self.selected_span()
        hl = self._highlighter
        if hl is None:
            return None
        if start != end:
            exact = [k for k in hl.index.covering(start) if hl.index.span(k) == (start, end)]
            ids = exact or hl.index.covering(start)
            return ids[0] if ids else None
        around = set(hl.index.covering(start)) | (set(hl.index.covering(start - 1)) if start else set())
        return min(around, key=lambda k: (hl.index.span(k)[1] - hl.index.span(k)[0], k), default=None)

    def caret_rect(self, offset: int) -> QRect:
        """The caret's rectangle at code point `offset`, in viewport coordinates."""
        c = QTextCursor(self.document())
        c.setPosition(self._offsets.to_qt(offset))
        return self.cursorRect(c)

    def caret_offset_at(self, pos: QPoint) -> int:
        """The code point offset of the caret position nearest viewport point `pos`."""
        return self._offsets.from_qt(self.cursorForPosition(pos).position())

    def annotation_at_point(self, pos: QPoint) -> int | None:
        """Innermost annotation under viewport point `pos`, or None."""
        offset = self.offset_at_point(pos)
        ids = self.annotations_at(offset) if offset is not None else []
        return ids[0] if ids else None

    def offset_at_point(self, pos: QPoint) -> int | None:
        """Code-point offset of the character drawn under viewport point `pos`, or None."""
        qt_pos = self._character_at(QPointF(pos))
        return self._offsets.from_qt(qt_pos) if qt_pos is not None else None

    def _character_at(self, pos: QPointF) -> int | None:
        cursor = self.cursorForPosition(pos.toPoint())
        block = cursor.block()
        layout = block.layout()
        if layout is None or not block.isValid():
            return None
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        local = pos - origin
        # The caret lands between characters: the one drawn under the point is on either side.
        for rel in (cursor.positionInBlock(), cursor.positionInBlock() - 1):
            if not 0 <= rel < block.length() - 1:
                continue
            line = layout.lineForTextPosition(rel)
            if not line.isValid() or not line.y() <= local.y() < line.y() + line.height():
                continue
            for run in layout.glyphRuns(rel, 1):
                box = run.boundingRect()
                if box.left() <= local.x() < box.right():
                    return block.position() + rel
        return None

    def _emit_span(self) -> None:
        span = self.selected_span()
        if span != self._last_span:
            self._last_span = span
            self.selectionSpanChanged.emit(*span)

    # -- zoom ------------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        """Point-size change from the base size (0 = default)."""
        return self._zoom

    def _font_for(self, delta: int) -> QFont:
        font = QFont()
        # Colour emoji and flags come from the emoji font, whatever the system's fallback order.
        font.setFamilies([self._family, EMOJI_FONT_FAMILY])
        font.setPointSize(BASE_POINT_SIZE + delta)
        return font

    def set_zoom(self, delta: int) -> None:
        delta = max(MIN_POINT_SIZE - BASE_POINT_SIZE, min(MAX_POINT_SIZE - BASE_POINT_SIZE, int(delta)))
        if delta == self._zoom:
            return
        self._zoom = delta
        self._links.forget()
        self.setFont(self._font_for(delta))
        self.zoomChanged.emit(delta)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def reset_zoom(self) -> None:
        self.set_zoom(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._links.forget()  # lines wrap anew
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120
            if steps:
                self.set_zoom(self._zoom + steps)
            event.accept()
            return
        super().wheelEvent(event)

    # -- mouse -----------------------------------------------------------------------------------
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Select the word as a tag would take it: a number with its marks (34.4, 15%) is one."""
        super().mouseDoubleClickEvent(event)
        c = self.textCursor()
        if event.button() != Qt.MouseButton.LeftButton or not c.hasSelection():
            return
        start, end = self.selected_span()
        word = word_at(self._text, start)
        if word is not None and word != (start, end) and word[0] <= start and end <= word[1]:
            self.setTextCursor(self._cursor_over(*word))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        hovered = self.annotation_at_point(event.position().toPoint())
        if hovered != self._hovered:
            linked = {x for x in (hovered, self._hovered) if x is not None
                      and self._model.relations_of(x)}
            self._hovered = hovered
            if linked:
                self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press_pos = self._press_pos, None
        pos = event.position().toPoint()
        if (event.button() == Qt.MouseButton.LeftButton and press is not None
                and (pos - press).manhattanLength() < QApplication.startDragDistance()
                and not self.textCursor().hasSelection()):
            found = self.annotation_at_point(pos)
            self.annotationClicked.emit(found if found is not None else -1)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """Every label (with its note) and any bidi control under viewport point `pos`."""
        offset = self.offset_at_point(pos)
        hl = self._highlighter
        if offset is None or hl is None:
            return ""
        lines = []
        if offset < len(self._text) and self._text[offset] in CONTROL_STAND_INS:
            name = isolate(control_name(self._text[offset]))
            lines.append(self.tr("{name} (invisible in the text)").format(name=name))
        for key in sorted(hl.index.covering(offset), key=hl.index.layer):
            a = self._model.find(key)
            if a is None:
                continue
            lines.append(f"{shown_label(a.label)}: {a.note}" if a.note else shown_label(a.label))
            for r in self._model.relations_of(a.id):
                other = self._model.find(r.target_id if r.source_id == a.id else r.source_id)
                if other is not None:
                    words = " ".join(self._text[other.start:other.end].split())[:60]
                    arrow = "→" if r.source_id == a.id else "←"
                    lines.append(f"  {shown_name(r.type)} {arrow} {shown_label(other.label)} «{words}»")
        return "\n".join(lines)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy the stored text (real controls, CRLF kept), not Qt's display text."""
        start, end = self.selected_span()
        # Qt's own QMimeData: the clipboard owns it, and a Python-made one crashes at exit.
        data = super().createMimeDataFromSelection()
        data.text()  # let Qt fill its formats from the display text now, so ours replace them
        for fmt in data.formats():
            data.removeFormat(fmt)
        data.setText(self._text[start:end])
        return data

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        hl = self._highlighter
        bottom = event.rect().bottom()
        shown: list[tuple[QTextBlock, QRectF]] = []
        if hl is not None:
            # Format blocks just before they are first painted (the first block under the
            # bottom edge too, so a line of scrolling finds it ready); formats do not move
            # blocks, so their geometry serves the underlines after the text is painted.
            block, offset = self.firstVisibleBlock(), self.contentOffset()
            while block.isValid():
                hl.ensure_block(block)
                rect = self.blockBoundingGeometry(block).translated(offset)
                if rect.top() > bottom:
                    break
                shown.append((block, rect))
                block = block.next()
        super().paintEvent(event)
        if hl is not None:
            self._paint_underlines(hl, shown)
        if shown and hl is not None and self._model.has_relations():
            self._links.paint(hl, shown, QRectF(event.rect()), self._hovered)
        if self._announce_paint:
            self._announce_paint = False
            self.documentPainted.emit()

    @property
    def hovered_annotation(self) -> int | None:
        """The annotation under the mouse, whose links are drawn boldly."""
        return self._hovered

    def span_on_screen(self, start: int, end: int) -> Anchor | None:
        """Where the first line of code points [start, end) is drawn in the viewport (None: off it)."""
        return self._links.span_on_screen(start, end)

    def _paint_underlines(self, hl: AnnotationHighlighter,
                          shown: list[tuple[QTextBlock, QRectF]]) -> None:
        painter: QPainter | None = None
        metrics = QFontMetricsF(self.font())
        for block, rect in shown:
            number = block.blockNumber()
            lines, runs_on, frames = hl.underlines(number), hl.continuations(number), hl.outlines(number)
            if lines or runs_on or frames:
                painter = painter or QPainter(self.viewport())
                paint_underlines(painter, block.layout(), rect.topLeft(), lines, metrics)
                paint_continuations(painter, block.layout(), rect.topLeft(), runs_on, metrics)
                paint_outlines(painter, block.layout(), rect.topLeft(), frames, metrics)
        if painter is not None:
            painter.end()
