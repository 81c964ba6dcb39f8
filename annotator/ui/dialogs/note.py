"""The note dialog (F2): Tab moves to the buttons, Ctrl+Enter confirms, Esc cancels."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class NoteDialog(QDialog):
    """Edits one annotation's note; `noteChosen(text)` on OK. Opened window-modal, not blocking."""

    noteChosen = Signal(str)

    def __init__(self, about: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Note"))
        self.editor = QPlainTextEdit(note, self)
        self.editor.setObjectName("noteEditor")
        self.editor.setTabChangesFocus(True)  # a note has no use for tabs; the buttons do
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # Return alone starts a new line
            QShortcut(QKeySequence(keys), self, self.accept)
        label = QLabel(about, self)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def text(self) -> str:
        return self.editor.toPlainText()

    def accept(self) -> None:
        self.noteChosen.emit(self.text())
        super().accept()
