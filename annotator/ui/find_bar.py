"""The find bar under the article: finds text ignoring tashkeel and tatweel, wraps around."""
from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget

# Arabic harakat, superscript alef, Quranic marks and the tatweel: an analyst types "حلب" and
# expects to find "حَلَب" too.
_IGNORABLE = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]*"


def pattern_for(needle: str) -> QRegularExpression:
    """A case-insensitive pattern matching `needle` with any diacritics between its letters."""
    letters = [c for c in needle if not re.fullmatch(_IGNORABLE[:-1], c)]
    body = _IGNORABLE.join(QRegularExpression.escape(c) for c in letters)
    return QRegularExpression(body + _IGNORABLE if body else "",
                              QRegularExpression.PatternOption.CaseInsensitiveOption
                              | QRegularExpression.PatternOption.UseUnicodePropertiesOption)


class FindBar(QWidget):
    """Hidden until Ctrl+F; Return finds the next match, Shift+Return the previous, Esc closes."""

    closed = Signal()

    def __init__(self, view: QPlainTextEdit, parent: QWidget | None = None) -> None:
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
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
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
        pattern = pattern_for(needle)
        doc = self.view.document()
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = doc.find(pattern, self.view.textCursor(), flags)
        if found.isNull():  # wrap around
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(pattern, start, flags)
        if found.isNull():
            self.status.setText("not found")
            return False
        self.status.setText(self._count(pattern))
        self.view.setTextCursor(found)
        self.view.ensureCursorVisible()
        return True

    def _count(self, pattern: QRegularExpression) -> str:
        matches, n = pattern.globalMatch(self.view.document().toPlainText()), 0
        while matches.hasNext():
            matches.next()
            n += 1
        return f"{n} match" if n == 1 else f"{n} matches"
