"""The find bar under the article: finds text with Arabic spelling folded, marks every match, wraps.

The stored text is searched (core.folding), not Qt's copy, where a long paragraph is cut into
blocks that QTextDocument.find would search one at a time.
"""
from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.folding import find_all
from annotator.ui.article_view import ArticleView
from annotator.ui.i18n import isolate


def pick(matches: list[tuple[int, int]], at: int, backward: bool) -> int | None:
    """Which match to select: the first starting at or after code point `at` (backward: the
    last starting before it), wrapping around the end; None when there is none."""
    if not matches:
        return None
    starts = [m[0] for m in matches]
    if backward:
        i = bisect.bisect_left(starts, at) - 1
        return i if i >= 0 else len(matches) - 1
    i = bisect.bisect_left(starts, at)
    return i if i < len(matches) else 0


class FindBar(QWidget):
    """Hidden until Ctrl+F; Return finds the next match, Shift+Return the previous, Esc closes."""

    closed = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in the article (tashkeel, hamza forms and digits folded)"))
        self.field.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.field, 1)
        for text, tip, key, slot in (("▲", self.tr("Previous match ({key})"), "Shift+Return", self.find_previous),
                                     ("▼", self.tr("Next match ({key})"), "Return", self.find_next),
                                     ("✕", self.tr("Close ({key})"), "Esc", self.close_bar)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip.format(key=isolate(key)))
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.insertWidget(2, self.status)
        self.field.textChanged.connect(self._search_from_start)
        self.field.returnPressed.connect(self.find_next)
        for key, slot in (("Shift+Return", self.find_previous), ("Esc", self.close_bar)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.hide()

    def open_bar(self) -> None:
        start, end = self.view.selected_span()
        selected = self.view.text[start:end]  # as stored: a cut paragraph's space, real controls
        if selected and not any(c in selected for c in "\n\r\u2029"):
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.view.mark_found([])
        self.hide()
        self.view.setFocus()
        self.closed.emit()

    def _search_from_start(self) -> None:
        cursor = self.view.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self.view.setTextCursor(cursor)
        self.find_next()

    def find_next(self) -> bool:
        """The next match; with nothing to find yet, open the bar instead."""
        return self._find(backward=False) if self._ready() else False

    def find_previous(self) -> bool:
        return self._find(backward=True) if self._ready() else False

    def _ready(self) -> bool:
        if self.field.text().strip():
            return True
        self.open_bar()
        return False

    def _find(self, backward: bool) -> bool:
        needle = self.field.text()
        if not needle.strip():
            self.status.clear()
            self.view.mark_found([])
            return False
        start, end = self.view.selected_span()
        matches = find_all(self.view.text, needle)
        self.view.mark_found(matches)
        chosen = pick(matches, start if backward else end, backward)
        if chosen is None:
            self.status.setText(self.tr("not found"))
            return False
        self.status.setText(self.tr("{n} of {count}").format(n=isolate(chosen + 1), count=isolate(len(matches))))
        self.view.select_span(*matches[chosen])
        return True
