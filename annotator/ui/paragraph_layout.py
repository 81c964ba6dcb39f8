"""The article's document layout: every paragraph laid out and aligned in its own direction."""
from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QTextBlock, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QPlainTextDocumentLayout

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


def paragraph_option(base: QTextOption, rtl: bool) -> QTextOption:
    """`base` in direction `rtl`, aligned to the side the paragraph starts on."""
    option = QTextOption(base)
    option.setTextDirection(RTL if rtl else LTR)
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
    return option


class ParagraphLayout(QPlainTextDocumentLayout):
    """A plain-text layout whose paragraphs need not all read one way.

    QPlainTextDocumentLayout lays every block out with the document's default text option, so
    one direction and one alignment for all. This one lays the blocks it is told about out
    again, in the other direction, whenever Qt has laid them out: Qt reaches a block's lines
    through `blockBoundingRect`, right after laying it out too, so no line is ever used in the
    wrong direction.
    """

    def __init__(self, document: QTextDocument, other: Iterable[int], *, rtl: bool) -> None:
        """Blocks numbered `other` read right to left (`rtl`) or left to right, against the
        document's default text option."""
        super().__init__(document)
        self._other = frozenset(other)
        self._other_rtl = rtl

    # Qt calls this while it destroys the document too: it must never ask for the document, as
    # a wrapper made then for the dying object later deletes whatever is at its address.
    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)
        if block.blockNumber() not in self._other:
            return rect
        layout = block.layout()
        option = layout.textOption()  # the document's, as Qt laid the block out, or ours
        if layout.lineCount() == 0 or (option.textDirection() == RTL) is self._other_rtl:
            return rect
        self._lay_out(block, layout, paragraph_option(option, self._other_rtl))
        return super().blockBoundingRect(block)

    def _lay_out(self, block: QTextBlock, layout: QTextLayout, option: QTextOption) -> None:
        """Lay `block` out again with `option`, in lines as wide and placed as Qt's own."""
        first = layout.lineAt(0)
        width, margin = first.width(), first.position().x()
        lines_before = layout.lineCount()
        layout.setTextOption(option)
        layout.beginLayout()
        height = 0.0
        while (line := layout.createLine()).isValid():
            line.setLeadingIncluded(True)
            line.setLineWidth(width)
            line.setPosition(QPointF(margin, height))
            height += line.height() + (math.ceil(line.leading()) if line.leading() < 0 else 0)
        layout.endLayout()
        if layout.lineCount() != lines_before:  # the other direction wrapped differently
            block.setLineCount(layout.lineCount())
            self.documentSizeChanged.emit(self.documentSize())
