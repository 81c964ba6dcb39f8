"""The analyst's name, asked on the first start and changed from Edit → Your name: it is stored
with every annotation and link, and agreement and the status bar go by it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

MAX_NAME = 200  # the store's column holds this many characters


class AnalystDialog(QDialog):
    """`nameChosen(name)` on OK; OK is off while the name is blank."""

    nameChosen = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analystDialog")
        self.setWindowTitle(self.tr("Your name"))
        about = QLabel(self.tr("Your name is recorded with each annotation and link you make, so that "
                               "a team can compare and settle its work. It can be changed later from "
                               "Edit → Your name."), self)
        about.setWordWrap(True)
        self.field = QLineEdit(name, self)
        self.field.setObjectName("analystName")
        self.field.setMaxLength(MAX_NAME)
        self.field.selectAll()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._allow)
        self._allow(name)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _allow(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def accept(self) -> None:
        if self.field.text().strip():
            self.nameChosen.emit(self.field.text().strip())
            super().accept()
