"""Picking the other end of a relation from the keyboard: type to filter, Enter to link."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from annotator.core.folding import fold_needle
from annotator.store.values import AnnotationInfo
from annotator.ui.i18n import isolate, shown_label

NEW = -1  # the entry that tags the selection first


class LinkPicker(QDialog):
    """Lists `candidates` (nearest to the source first); `chosen_id` is the pick, or NEW."""

    def __init__(self, title: str, candidates: Sequence[AnnotationInfo], text: str,
                 new_entry: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkPicker")
        self.setWindowTitle(title)
        self.chosen_id: int | None = None
        self.items = QStandardItemModel(self)
        if new_entry:
            self._add(new_entry, NEW, "")
        for a in candidates:
            shown = " ".join(text[a.start:a.end].split())
            self._add(f"{shown}  ({shown_label(a.label)} {isolate(f'{a.start}–{a.end}')})", a.id, fold_needle(shown))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.items)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole + 1)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("linkFilter")
        self.filter.setPlaceholderText(self.tr("Type to filter, Enter to link, Esc to cancel"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self.accept)
        self.list = QListView(self)
        self.list.setObjectName("linkCandidates")
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(lambda _index: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, self))
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.installEventFilter(self)
        self._filter("")
        self.resize(460, 320)

    def _add(self, shown: str, annotation_id: int, folded: str) -> None:
        item = QStandardItem(shown)
        item.setData(annotation_id, Qt.ItemDataRole.UserRole)
        item.setData(folded if annotation_id != NEW else "", Qt.ItemDataRole.UserRole + 1)
        item.setEditable(False)
        self.items.appendRow(item)

    def _filter(self, typed: str) -> None:
        needle = fold_needle(typed.strip())
        self.proxy.setFilterFixedString(needle)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def eventFilter(self, watched: object, event: object) -> bool:
        # Up and Down move in the list while the analyst types in the filter.
        if watched is self.filter and isinstance(event, QKeyEvent) \
                and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def accept(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        self.chosen_id = int(index.data(Qt.ItemDataRole.UserRole))
        super().accept()
