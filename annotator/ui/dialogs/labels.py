"""The labels dialog: rename, recolour, change shortcut, add; every edit is stored at once."""
from __future__ import annotations

import functools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.store.repository import Repository
from annotator.store.values import LabelInfo
from annotator.ui.i18n import isolate, shown_label

# Colours offered to a new label, distinct from the three defaults and from each other.
_NEW_COLOURS = ("#8e44ad", "#16a085", "#d35400", "#2c3e50", "#c0392b", "#27ae60")


def _swatch_style(colour: str) -> str:
    return f"background-color: {colour}; border: 1px solid #555; min-width: 3em;"


class LabelsDialog(QDialog):
    """One row per label. `labelsChanged` fires after each stored change."""

    labelsChanged = Signal()

    def __init__(self, repo: Repository, fixed_shortcuts: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.setWindowTitle(self.tr("Labels"))
        self.repo = repo
        self.fixed_shortcuts = fixed_shortcuts
        self.grid = QGridLayout()
        self.message = QLabel(self)
        self.message.setObjectName("labelsMessage")
        self.message.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add label"), self)
        self.add_button.setObjectName("addLabel")
        self.add_button.clicked.connect(self.add_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Return confirms a name field; it must not also press "Add label" or "Close".
        for button in (self.add_button, *buttons.buttons()):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.rows: dict[int, tuple[QPushButton, QLineEdit, QKeySequenceEdit]] = {}
        self._build()

    def _build(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows.clear()
        for col, title in enumerate((self.tr("colour"), self.tr("name"), self.tr("shortcut"))):
            self.grid.addWidget(QLabel(f"<b>{title}</b>", self), 0, col)
        for row, label in enumerate(self.repo.labels(), start=1):
            colour = QPushButton(self)
            colour.setObjectName(f"colour_{label.id}")
            colour.setAutoDefault(False)
            colour.setStyleSheet(_swatch_style(label.colour))
            colour.setToolTip(self.tr("Colour of {label}: {colour}").format(label=shown_label(label.name),
                                                                             colour=isolate(label.colour)))
            colour.clicked.connect(lambda _=False, lid=label.id: self.choose_colour(lid))
            name = QLineEdit(label.name, self)
            name.setObjectName(f"name_{label.id}")
            if shown_label(label.name) != label.name:  # a default label, shown in the interface's language
                name.setToolTip(self.tr("Shown as {shown}; stored and exported as written here").format(
                    shown=shown_label(label.name)))
            name.editingFinished.connect(lambda lid=label.id: self.rename(lid))
            keys = QKeySequenceEdit(QKeySequence(label.shortcut), self)
            keys.setObjectName(f"shortcut_{label.id}")
            keys.setMaximumSequenceLength(1)
            keys.setClearButtonEnabled(True)
            keys.editingFinished.connect(functools.partial(self._key_recorded, label.id, keys))
            # Recording clears the editor at the first press (Ctrl, say): only the clear button
            # removes a key on purpose.
            clear = keys.findChild(QAction, "_q_qlineeditclearaction")
            if clear is not None:
                clear.triggered.connect(functools.partial(self.set_shortcut, label.id, QKeySequence()))
            for col, widget in enumerate((colour, name, keys)):
                self.grid.addWidget(widget, row, col)
            self.rows[label.id] = (colour, name, keys)

    def _label(self, label_id: int) -> LabelInfo:
        return next(x for x in self.repo.labels() if x.id == label_id)

    def _store(self, label_id: int, **change: str) -> bool:
        try:
            self.repo.update_label(label_id, **change)
        except (ValueError, KeyError) as exc:
            self.message.setText(str(exc))
            return False
        self.message.clear()
        self.labelsChanged.emit()
        return True

    def rename(self, label_id: int) -> None:
        field = self.rows[label_id][1]
        label = self._label(label_id)
        if field.text().strip() == label.name:
            return
        if not self._store(label_id, name=field.text()):
            field.setText(label.name)

    def choose_colour(self, label_id: int) -> None:
        label = self._label(label_id)
        dialog = QColorDialog(QColor(label.colour), self)
        dialog.setObjectName("labelColourDialog")
        dialog.setWindowTitle(self.tr("Colour of {label}").format(label=label.name))
        dialog.colorSelected.connect(lambda c, lid=label_id: self.set_colour(lid, c))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def set_colour(self, label_id: int, colour: QColor) -> None:
        name = colour.name()
        if self._store(label_id, colour=name):
            self.rows[label_id][0].setStyleSheet(_swatch_style(name))

    def _key_recorded(self, label_id: int, editor: QKeySequenceEdit) -> None:
        if editor.keySequence().isEmpty():  # a modifier pressed and let go: keep the old key
            self._show_key(label_id)
        else:
            self.set_shortcut(label_id, editor.keySequence())

    def _show_key(self, label_id: int) -> None:
        editor = self.rows[label_id][2]
        editor.blockSignals(True)
        editor.setKeySequence(QKeySequence(self._label(label_id).shortcut))
        editor.blockSignals(False)

    def set_shortcut(self, label_id: int, sequence: QKeySequence) -> None:
        text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        label = self._label(label_id)
        if text == label.shortcut:
            return
        clash = self.fixed_shortcuts.get(text) or next(
            (self.tr("label {name}").format(name=x.name) for x in self.repo.labels()
             if x.shortcut == text and x.id != label_id),
            None)
        if text and clash:
            self.message.setText(self.tr("{key} is already the shortcut of {action}").format(
                key=isolate(text), action=clash))
            self._show_key(label_id)
            return
        self._store(label_id, shortcut=text)

    def add_label(self) -> None:
        existing = self.repo.labels()
        names = {x.name for x in existing}
        n = len(existing) + 1
        while f"label {n}" in names:
            n += 1
        colour = _NEW_COLOURS[len(existing) % len(_NEW_COLOURS)]
        free = next((str(k) for k in range(1, 10)
                     if str(k) not in {x.shortcut for x in existing}
                     and str(k) not in self.fixed_shortcuts), "")
        try:
            label = self.repo.add_label(f"label {n}", colour, free)
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self._build()
        self.labelsChanged.emit()
        self.rows[label.id][1].setFocus()
        self.rows[label.id][1].selectAll()
