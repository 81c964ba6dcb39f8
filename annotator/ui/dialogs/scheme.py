"""Edit → Attributes and links: each label's typed attributes and the kinds of link, stored at once."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.attributes import CHOICE, KINDS
from annotator.store.repository import Repository
from annotator.store.values import NotFound
from annotator.ui.i18n import isolate, listed, shown_label, shown_name, split_list


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    # The default scheme's four attributes or three links in view without scrolling.
    rows = 4
    table.setMinimumHeight(table.horizontalHeader().sizeHint().height()
                           + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth())
    return table


class SchemeDialog(QDialog):
    """`schemeChanged` fires after each stored change (the window reloads labels and keys)."""

    schemeChanged = Signal()

    def __init__(self, repo: Repository, taken_keys: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schemeDialog")
        self.setWindowTitle(self.tr("Attributes and links"))
        self.repo, self.taken_keys = repo, taken_keys
        self.message = QLabel(self)
        self.message.setObjectName("schemeMessage")
        self.message.setWordWrap(True)
        # Attributes of one label.
        self.label = QComboBox(self)
        self.label.setObjectName("schemeLabel")
        self.attributes = _table(self, "attributeTable", [self.tr("attribute"), self.tr("kind"), self.tr("choices")])
        self.attribute_name = QLineEdit(self)
        self.attribute_name.setObjectName("newAttributeName")
        self.attribute_kind = QComboBox(self)
        self.attribute_kind.setObjectName("newAttributeKind")
        for kind in KINDS:
            self.attribute_kind.addItem(shown_name(kind), kind)
        self.attribute_choices = QLineEdit(self)
        self.attribute_choices.setObjectName("newAttributeChoices")
        self.attribute_choices.setPlaceholderText(self.tr("for a choice: first, second, third"))
        add_attribute = QPushButton(self.tr("Add attribute"), self)
        add_attribute.setObjectName("addAttribute")
        remove_attribute = QPushButton(self.tr("Remove attribute…"), self)
        remove_attribute.setObjectName("removeAttribute")
        attributes_box = QGroupBox(self.tr("Attributes of"), self)
        form = QFormLayout()
        form.addRow(self.tr("name"), self.attribute_name)
        form.addRow(self.tr("kind"), self.attribute_kind)
        form.addRow(self.tr("choices"), self.attribute_choices)
        row = QHBoxLayout()
        row.addWidget(add_attribute)
        row.addWidget(remove_attribute)
        box = QVBoxLayout(attributes_box)
        box.addWidget(self.label)
        box.addWidget(self.attributes)
        box.addLayout(form)
        box.addLayout(row)
        # Kinds of link.
        self.links = _table(self, "linkTypeTable", [self.tr("link"), self.tr("key"), self.tr("from"), self.tr("to")])
        self.link_name = QLineEdit(self)
        self.link_name.setObjectName("newLinkName")
        self.link_key = QLineEdit(self)
        self.link_key.setObjectName("newLinkKey")
        self.link_key.setMaxLength(1)
        self.link_from, self.link_to = QListWidget(self), QListWidget(self)
        self.link_from.setObjectName("newLinkFrom")
        self.link_to.setObjectName("newLinkTo")
        add_link = QPushButton(self.tr("Add link type"), self)
        add_link.setObjectName("addLinkType")
        remove_link = QPushButton(self.tr("Remove link type"), self)
        remove_link.setObjectName("removeLinkType")
        links_box = QGroupBox(self.tr("Links"), self)
        ends = QHBoxLayout()
        for title, widget in ((self.tr("from"), self.link_from), (self.tr("to"), self.link_to)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title, self))
            column.addWidget(widget)
            ends.addLayout(column)
        link_form = QFormLayout()
        link_form.addRow(self.tr("name"), self.link_name)
        link_form.addRow(self.tr("key"), self.link_key)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add_link)
        buttons_row.addWidget(remove_link)
        lbox = QVBoxLayout(links_box)
        lbox.addWidget(self.links)
        lbox.addLayout(link_form)
        lbox.addLayout(ends)
        lbox.addLayout(buttons_row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        for button in (add_attribute, remove_attribute, add_link, remove_link, *close.buttons()):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(attributes_box)
        layout.addWidget(links_box)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.label.currentIndexChanged.connect(self._show_attributes)
        add_attribute.clicked.connect(self.add_attribute)
        remove_attribute.clicked.connect(self.remove_attribute)
        add_link.clicked.connect(self.add_link_type)
        remove_link.clicked.connect(self.remove_link_type)
        self._fill()

    def _fill(self) -> None:
        labels = self.repo.labels()
        chosen = self.label.currentData()
        self.label.blockSignals(True)
        self.label.clear()
        for label in labels:
            self.label.addItem(shown_label(label.name), label.id)
        self.label.setCurrentIndex(max(0, self.label.findData(chosen)))
        self.label.blockSignals(False)
        for widget in (self.link_from, self.link_to):
            widget.clear()
            for label in labels:
                item = QListWidgetItem(shown_label(label.name), widget)
                item.setData(Qt.ItemDataRole.UserRole, label.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        names = {label.id: shown_label(label.name) for label in labels}
        types = self.repo.relation_types()
        self.links.setRowCount(len(types))
        for n, t in enumerate(types):
            cells = [shown_name(t.name), t.shortcut, listed(sorted(names.get(i, "?") for i in t.sources)),
                     listed(sorted(names.get(i, "?") for i in t.targets))]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, t.id)
                self.links.setItem(n, col, cell)
        self._show_attributes()

    def _show_attributes(self) -> None:
        label_id = self.label.currentData()
        specs = [a for a in self.repo.attributes() if a.label_id == label_id]
        self.attributes.setRowCount(len(specs))
        for n, a in enumerate(specs):
            for col, text in enumerate((shown_name(a.name), shown_name(a.kind), listed(map(shown_name, a.choices)))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.attributes.setItem(n, col, item)

    def _stored(self, change: str) -> None:
        self.message.setText(change)
        self._fill()
        self.schemeChanged.emit()

    def add_attribute(self) -> None:
        kind = str(self.attribute_kind.currentData())
        choices = split_list(self.attribute_choices.text()) if kind == CHOICE else []
        try:
            a = self.repo.add_attribute(int(self.label.currentData()), self.attribute_name.text(), kind, choices)
        except (ValueError, NotFound) as exc:
            self.message.setText(str(exc))
            return
        self.attribute_name.clear()
        self.attribute_choices.clear()
        self._stored(self.tr("Added {name} ({kind}) to {label}.").format(
            name=shown_name(a.name), kind=shown_name(a.kind), label=self.label.currentText()))

    def remove_attribute(self) -> None:
        item = self.attributes.item(self.attributes.currentRow(), 0)
        if item is None:
            self.message.setText(self.tr("Choose the attribute to remove in the list first."))
            return
        answer = QMessageBox.question(
            self, self.tr("Remove attribute"),
            self.tr("Remove {name} from {label}, with every value analysts gave it?").format(
                name=item.text(), label=self.label.currentText()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            gone = self.repo.delete_attribute(int(item.data(Qt.ItemDataRole.UserRole)))
        except NotFound as exc:
            self.message.setText(str(exc))
            return
        self._stored(self.tr("Removed {name} and its %n value(s).", "", gone).format(name=item.text()))

    def add_link_type(self) -> None:
        key = self.link_key.text().strip().upper()
        clash = self.taken_keys.get(key) if key else None
        if clash:
            self.message.setText(self.tr("{key} is already the shortcut of {action}").format(
                key=isolate(key), action=clash))
            return

        def checked(widget: QListWidget) -> list[int]:
            return [int(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
                    if widget.item(i).checkState() == Qt.CheckState.Checked]

        try:
            t = self.repo.add_relation_type(self.link_name.text(), checked(self.link_from), checked(self.link_to),
                                            QKeySequence(key).toString() if key else "")
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.link_name.clear()
        self.link_key.clear()
        self._stored(self.tr("Added the link {name}.").format(name=shown_name(t.name)))

    def remove_link_type(self) -> None:
        item = self.links.item(self.links.currentRow(), 0)
        if item is None:
            self.message.setText(self.tr("Choose the link type to remove in the list first."))
            return
        try:
            self.repo.delete_relation_type(int(item.data(Qt.ItemDataRole.UserRole)))
        except (ValueError, NotFound) as exc:
            self.message.setText(str(exc))
            return
        self._stored(self.tr("Removed the link type {name}.").format(name=item.text()))
