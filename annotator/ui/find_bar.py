"""The find bar under the article: finds text ignoring tashkeel and tatweel, wraps around."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.ui.article_view import ArticleView

# Arabic harakat, superscript alef, Quranic marks and the tatweel: an analyst types "حلب" and
# expects to find "حَلَب" too.
_IGNORABLE = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]"
_SPACE = "[ \u00a0]"  # a typed space also finds a no-break space, as Qt's own find did


def pattern_for(needle: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching `needle` with any diacritics between its letters."""
    letters = [c for c in needle if not re.fullmatch(_IGNORABLE, c)]
    if not letters:  # only diacritics typed: find them as they are
        return re.compile(re.escape(needle))
    body = f"{_IGNORABLE}*".join(_SPACE if c in " \u00a0" else re.escape(c) for c in letters)
    return re.compile(f"{body}{_IGNORABLE}*", re.IGNORECASE)


def find_in(text: str, pattern: re.Pattern[str], at: int,
            backward: bool) -> tuple[tuple[int, int] | None, int]:
    """The match to select and how many matches `text` holds: the first starting at or after
    code point `at` (backward: the last starting before it), wrapping around the end.

    The stored text is searched, not Qt's copy, where a long paragraph is cut into blocks that
    QTextDocument.find would search one at a time.
    """
    first = last = before = after = None
    count = 0
    for m in pattern.finditer(text):
        span = m.span()
        count += 1
        first = first or span
        last = span
        if span[0] < at:
            before = span
        elif after is None:
            after = span
    return (before or last) if backward else (after or first), count


class FindBar(QWidget):
    """Hidden until Ctrl+F; Return finds the next match, Shift+Return the previous, Esc closes."""

    closed = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in the article (tashkeel ignored)")
        self.field.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        for text, tip, slot in (("▲", "Previous match (Shift+Return)", self.find_previous),
                                ("▼", "Next match (Return)", self.find_next),
                                ("✕", "Close (Esc)", self.close_bar)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
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
            return False
        start, end = self.view.selected_span()
        found, count = find_in(self.view.text, pattern_for(needle), start if backward else end,
                               backward)
        if found is None:
            self.status.setText("not found")
            return False
        self.status.setText(f"{count} match" if count == 1 else f"{count} matches")
        self.view.select_span(*found)
        return True
