"""The current document's annotations as a table (QAbstractTableModel) plus its filter/sort proxy."""
from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QColor

from annotator.store.repository import AnnotationInfo, LabelInfo

_Index = QModelIndex | QPersistentModelIndex
_PREVIEW = 120  # characters of a span shown in the text column; the tooltip has it all


def _sort_key(a: AnnotationInfo) -> tuple[int, int, int]:
    return a.start, a.end, a.id


class AnnotationModel(QAbstractTableModel):
    """Rows are annotations in text order; they change only through add/remove/replace."""

    COLUMNS = ("label", "text", "start", "end", "note", "annotator")
    LABEL, TEXT, START, END, NOTE, ANNOTATOR = range(6)
    IdRole = Qt.ItemDataRole.UserRole + 1
    LabelIdRole = Qt.ItemDataRole.UserRole + 2

    # The view edited a note: the window turns it into an undoable command.
    noteEditRequested = Signal(int, str)
    # The store refused a change (duplicate span, vanished annotation): one line for the user.
    refused = Signal(str)

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self.document_id: int | None = None
        self.text = ""
        self._rows: list[AnnotationInfo] = []
        self._keys: list[tuple[int, int, int]] = []
        self.labels: list[LabelInfo] = []
        self._label_by_id: dict[int, LabelInfo] = {}

    # -- changes -------------------------------------------------------------------------
    def set_document(self, document_id: int | None, text: str,
                     annotations: Sequence[AnnotationInfo], labels: Sequence[LabelInfo]) -> None:
        self.beginResetModel()
        self.document_id, self.text = document_id, text
        self._rows = sorted(annotations, key=_sort_key)
        self._keys = [_sort_key(a) for a in self._rows]
        self._set_labels(labels)
        self.endResetModel()

    def set_labels(self, labels: Sequence[LabelInfo]) -> None:
        """New label names and colours; rows keep their label ids and show the new names."""
        self._set_labels(labels)
        for row, a in enumerate(self._rows):
            label = self._label_by_id.get(a.label_id)
            if label is not None and label.name != a.label:
                self._rows[row] = dataclasses.replace(a, label=label.name)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.NOTE))

    def _set_labels(self, labels: Sequence[LabelInfo]) -> None:
        self.labels = list(labels)
        self._label_by_id = {label.id: label for label in labels}

    def add(self, info: AnnotationInfo) -> None:
        if info.document_id != self.document_id or self.row_of(info.id) is not None:
            return
        row = bisect.bisect_left(self._keys, _sort_key(info))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, info)
        self._keys.insert(row, _sort_key(info))
        self.endInsertRows()

    def remove(self, annotation_id: int) -> None:
        row = self.row_of(annotation_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._keys[row]
        self.endRemoveRows()

    def replace(self, info: AnnotationInfo) -> None:
        """A changed label or note (the span never changes, so the row stays where it is)."""
        row = self.row_of(info.id)
        if row is None:
            return
        self._rows[row] = info
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    # -- queries -------------------------------------------------------------------------
    def annotation(self, row: int) -> AnnotationInfo:
        return self._rows[row]

    def annotations(self) -> list[AnnotationInfo]:
        return list(self._rows)

    def find(self, annotation_id: int) -> AnnotationInfo | None:
        row = self.row_of(annotation_id)
        return None if row is None else self._rows[row]

    def row_of(self, annotation_id: int) -> int | None:
        for row, a in enumerate(self._rows):
            if a.id == annotation_id:
                return row
        return None

    def label(self, label_id: int) -> LabelInfo | None:
        return self._label_by_id.get(label_id)

    def counts(self) -> dict[str, int]:
        return dict(Counter(a.label for a in self._rows))

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return self.COLUMNS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NOTE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TEXT:
                span = self.text[a.start:a.end]
                return span if len(span) <= _PREVIEW else span[:_PREVIEW] + "…"
            return (a.label, None, a.start, a.end, a.note, a.annotator)[col]
        if role == Qt.ItemDataRole.EditRole and col == self.NOTE:
            return a.note
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.TEXT, self.NOTE):
            return self.text[a.start:a.end] if col == self.TEXT else a.note or None
        if role == Qt.ItemDataRole.DecorationRole and col == self.LABEL:
            label = self._label_by_id.get(a.label_id)
            return QColor(label.colour) if label else None
        if role == self.IdRole:
            return a.id
        if role == self.LabelIdRole:
            return a.label_id
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.NOTE or role != Qt.ItemDataRole.EditRole:
            return False
        a = self._rows[index.row()]
        if str(value) != a.note:
            self.noteEditRequested.emit(a.id, str(value))
        return True


class AnnotationFilter(QSortFilterProxyModel):
    """Filter by label id and by a piece of text (in the span or its note); sortable by any column."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._label_id: int | None = None
        self._needle = ""
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_label_filter(self, label_id: int | None) -> None:
        self.beginFilterChange()
        self._label_id = label_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text_filter(self, needle: str) -> None:
        self.beginFilterChange()
        self._needle = needle.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, AnnotationModel):
            return True
        a = model.annotation(source_row)
        if self._label_id is not None and a.label_id != self._label_id:
            return False
        if self._needle:
            haystack = f"{model.text[a.start:a.end]}\n{a.note}".casefold()
            return self._needle in haystack
        return True

    def annotation_id(self, proxy_row: int) -> int | None:
        value = self.index(proxy_row, 0).data(AnnotationModel.IdRole)
        return int(value) if value is not None else None
