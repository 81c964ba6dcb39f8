"""The current document's annotations as a table (QAbstractTableModel) plus its filter/sort proxy."""
from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Sequence
from operator import attrgetter

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from annotator.core.attributes import AttributeValueRefused, stored_value
from annotator.core.figures import read_figure
from annotator.core.folding import fold_needle
from annotator.store.values import AnnotationInfo, AttributeInfo, LabelInfo, RelationInfo, RelationTypeInfo
from annotator.ui.i18n import QT_TRANSLATE_NOOP, shown_label, shown_name

_Index = QModelIndex | QPersistentModelIndex
# The roles `data` answers, as ints (a PySide enum compared at each call costs more).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_ID, _LABEL_ID, _FILTER = (int(Qt.ItemDataRole.UserRole.value) + n for n in (1, 2, 3))
_ROLES = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _DECORATION, _ID, _LABEL_ID, _FILTER})
_PREVIEW = 120  # characters of a span shown in the text column; the tooltip has it all


# Rows are kept in text order; a C-level getter, as thousands of keys are made on each load.
_sort_key = attrgetter("start", "end", "id")


class AnnotationModel(QAbstractTableModel):
    """Rows are annotations in text order; they change only through add/remove/replace."""

    COLUMNS = (QT_TRANSLATE_NOOP("AnnotationModel", "label"), QT_TRANSLATE_NOOP("AnnotationModel", "text"),
               QT_TRANSLATE_NOOP("AnnotationModel", "start"), QT_TRANSLATE_NOOP("AnnotationModel", "end"),
               QT_TRANSLATE_NOOP("AnnotationModel", "note"), QT_TRANSLATE_NOOP("AnnotationModel", "annotator"))
    LABEL, TEXT, START, END, NOTE, ANNOTATOR = range(6)
    IdRole = _ID
    LabelIdRole = _LABEL_ID
    FilterRole = _FILTER

    # The view edited a note: the window turns it into an undoable command.
    noteEditRequested = Signal(int, str)
    # The store refused a change (duplicate span, vanished annotation): one line for the user.
    refused = Signal(str)
    # Label names or colours changed (rows keep their label ids).
    labelsChanged = Signal()
    # The document's relations changed (added, removed, or gone with an annotation).
    relationsChanged = Signal()
    # A reviewer set annotations aside from the gold layer, or took that back (store only).
    setAsideChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document_id: int | None = None
        self.text = ""
        self._rows: list[AnnotationInfo] = []
        self._keys: list[tuple[int, int, int]] = []
        self._by_id: dict[int, AnnotationInfo] = {}
        self._counts: Counter[str] = Counter()  # per label name, kept current on every change
        self.labels: list[LabelInfo] = []
        self._label_by_id: dict[int, LabelInfo] = {}
        self._relations: dict[int, RelationInfo] = {}
        self._links_of: dict[int, list[int]] = {}  # annotation id -> ids of its relations
        self._relations_sorted: list[RelationInfo] | None = None  # relations() until one changes
        self._type_by_id: dict[int, RelationTypeInfo] = {}
        self.attribute_specs: list[AttributeInfo] = []  # every label's attributes, in order
        self.relation_types: list[RelationTypeInfo] = []
        self.attribute_columns: list[str] = []  # one column per attribute name, after the six

    # -- changes -------------------------------------------------------------------------
    def set_scheme(self, attributes: Sequence[AttributeInfo],
                   relation_types: Sequence[RelationTypeInfo]) -> None:
        """The attributes each label's annotations carry and the relation types (Edit → Labels)."""
        self.attribute_specs = list(attributes)
        self.relation_types = list(relation_types)
        self._type_by_id = {t.id: t for t in relation_types}
        names = list(dict.fromkeys(a.name for a in attributes))
        if names != self.attribute_columns:
            base = len(self.COLUMNS)
            if self.attribute_columns:
                self.beginRemoveColumns(QModelIndex(), base, base + len(self.attribute_columns) - 1)
                self.attribute_columns = []
                self.endRemoveColumns()
            if names:
                self.beginInsertColumns(QModelIndex(), base, base + len(names) - 1)
                self.attribute_columns = names
                self.endInsertColumns()
        self.labelsChanged.emit()

    def set_document(self, document_id: int | None, text: str,
                     annotations: Sequence[AnnotationInfo], labels: Sequence[LabelInfo],
                     relations: Sequence[RelationInfo] = ()) -> None:
        self.beginResetModel()
        self.document_id, self.text = document_id, text
        self._set_relations({r.id: r for r in relations})
        self._rows = sorted(annotations, key=_sort_key)
        self._keys = [_sort_key(a) for a in self._rows]
        self._by_id = {a.id: a for a in self._rows}
        self._counts = Counter(a.label for a in self._rows)
        self._set_labels(labels)
        self.endResetModel()

    def set_labels(self, labels: Sequence[LabelInfo]) -> None:
        """New label names and colours; rows keep their label ids and show the new names."""
        self._set_labels(labels)
        for row, a in enumerate(self._rows):
            label = self._label_by_id.get(a.label_id)
            if label is not None and label.name != a.label:
                self._rows[row] = self._by_id[a.id] = dataclasses.replace(a, label=label.name)
        self._counts = Counter(a.label for a in self._rows)
        self.labelsChanged.emit()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.NOTE))

    def _set_labels(self, labels: Sequence[LabelInfo]) -> None:
        self.labels = list(labels)
        self._label_by_id = {label.id: label for label in labels}

    def add(self, info: AnnotationInfo) -> None:
        if info.document_id != self.document_id or info.id in self._by_id:
            return
        row = bisect.bisect_left(self._keys, _sort_key(info))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, info)
        self._keys.insert(row, _sort_key(info))
        self._by_id[info.id] = info
        self._counts[info.label] += 1
        self.endInsertRows()

    def add_many(self, annotations: Sequence[AnnotationInfo]) -> None:
        """Add rows in text order; rows that all follow the last one arrive in one insertion."""
        fresh = [a for a in annotations
                 if a.document_id == self.document_id and a.id not in self._by_id]
        if not fresh:
            return
        keys = [_sort_key(a) for a in fresh]
        if keys != sorted(keys) or (self._keys and keys[0] < self._keys[-1]):
            for a in fresh:
                self.add(a)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self._keys.extend(keys)
        self._by_id.update((a.id, a) for a in fresh)
        self._counts.update(a.label for a in fresh)
        self.endInsertRows()

    def sync(self, annotations: Sequence[AnnotationInfo]) -> None:
        """Make the rows equal `annotations` (the document as stored now) through row signals,
        not a reset, so the article keeps its text, scroll position and selection."""
        fresh = {a.id: a for a in annotations}
        for a in [a for a in self._rows if a.id not in fresh
                  or (fresh[a.id].start, fresh[a.id].end) != (a.start, a.end)]:
            self.remove(a.id)
        for a in annotations:
            if a.id in self._by_id and self._by_id[a.id] != a:
                self.replace(a)
        self.add_many(sorted((a for a in annotations if a.id not in self._by_id), key=_sort_key))

    def remove(self, annotation_id: int) -> None:
        """Remove an annotation's row, and the relations the store deleted with it."""
        row = self.row_of(annotation_id)
        if row is None:
            return
        linked = list(self._links_of.get(annotation_id, ()))
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._keys[row]
        gone = self._by_id.pop(annotation_id)
        self._counts[gone.label] -= 1
        self.endRemoveRows()
        if linked:
            self._set_relations({k: r for k, r in self._relations.items() if k not in linked})
            self.relationsChanged.emit()

    def _set_relations(self, relations: dict[int, RelationInfo]) -> None:
        self._relations = relations
        self._relations_sorted = None
        self._links_of = {}
        for r in relations.values():
            self._links_of.setdefault(r.source_id, []).append(r.id)
            self._links_of.setdefault(r.target_id, []).append(r.id)

    def add_relations(self, relations: Sequence[RelationInfo]) -> None:
        fresh = [r for r in relations if r.id not in self._relations
                 and r.source_id in self._by_id and r.target_id in self._by_id]
        if fresh:
            self._relations_sorted = None
            for r in fresh:
                self._relations[r.id] = r
                self._links_of.setdefault(r.source_id, []).append(r.id)
                self._links_of.setdefault(r.target_id, []).append(r.id)
            self.relationsChanged.emit()

    def remove_relation(self, relation_id: int) -> None:
        r = self._relations.pop(relation_id, None)
        if r is not None:
            self._relations_sorted = None
            for end in (r.source_id, r.target_id):
                ids = self._links_of.get(end, [])
                if relation_id in ids:
                    ids.remove(relation_id)
            self.relationsChanged.emit()

    def sync_relations(self, relations: Sequence[RelationInfo]) -> None:
        """Make the relations equal `relations` (the document's as stored now)."""
        fresh = {r.id: r for r in relations if r.source_id in self._by_id and r.target_id in self._by_id}
        if fresh != self._relations:
            self._set_relations(fresh)
            self.relationsChanged.emit()

    def replace(self, info: AnnotationInfo) -> None:
        """A changed label, note, attribute or span; a moved span's row moves to its place."""
        row = self.row_of(info.id)
        if row is None:
            return
        self._counts[self._rows[row].label] -= 1
        self._counts[info.label] += 1
        key = _sort_key(info)
        if key != self._keys[row]:
            others = self._keys[:row] + self._keys[row + 1:]
            to = bisect.bisect_left(others, key)
            if to != row:  # Qt counts the destination before the move: one more when moving down
                self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if to > row else to)
                del self._rows[row]
                self._rows.insert(to, info)
                self._keys = [*others[:to], key, *others[to:]]
                self.endMoveRows()
                row = to
            self._keys[row] = key
        self._rows[row] = self._by_id[info.id] = info
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- queries -------------------------------------------------------------------------
    def annotation(self, row: int) -> AnnotationInfo:
        return self._rows[row]

    def annotations(self) -> list[AnnotationInfo]:
        return list(self._rows)

    def find(self, annotation_id: int) -> AnnotationInfo | None:
        return self._by_id.get(annotation_id)

    def row_of(self, annotation_id: int) -> int | None:
        a = self._by_id.get(annotation_id)
        return None if a is None else bisect.bisect_left(self._keys, _sort_key(a))

    def fingerprint(self) -> tuple[int, int, object]:
        """(count, highest id, latest change): what `Repository.annotations_fingerprint` says
        when nobody else has changed the document since it was loaded."""
        rows = self._rows
        return (len(rows), max((a.id for a in rows), default=0),
                max((a.updated_at for a in rows), default=None))

    def label(self, label_id: int) -> LabelInfo | None:
        return self._label_by_id.get(label_id)

    def relations(self) -> list[RelationInfo]:
        """The document's relations, oldest first (the list is shared: do not change it)."""
        if self._relations_sorted is None:
            self._relations_sorted = sorted(self._relations.values(), key=attrgetter("id"))
        return self._relations_sorted

    def relations_of(self, annotation_id: int) -> list[RelationInfo]:
        """The relations from or to `annotation_id`, oldest first."""
        return sorted((self._relations[k] for k in self._links_of.get(annotation_id, ())), key=attrgetter("id"))

    def has_relations(self) -> bool:
        return bool(self._relations)

    def relation(self, relation_id: int) -> RelationInfo | None:
        return self._relations.get(relation_id)

    def relation_ids_of(self, annotation_id: int) -> list[int]:
        """Ids of the relations from or to `annotation_id`, in no order (fast: for painting)."""
        return self._links_of.get(annotation_id, [])

    def attributes_of(self, label_id: int) -> list[AttributeInfo]:
        return [a for a in self.attribute_specs if a.label_id == label_id]

    def proposed_attributes(self, label_id: int, start: int, end: int) -> dict[str, str]:
        """What a new annotation's attributes start as: for a figure, what its text says
        (core/figures.py), kept to the label's attributes and values they accept."""
        label = self.label(label_id)
        if label is None or label.name != "figure":
            return {}
        reading = read_figure(self.text[start:end])
        if reading is None:
            return {}
        specs = {a.name: a for a in self.attributes_of(label_id)}
        out = {}
        for name, value in reading.attributes().items():
            spec = specs.get(name)
            try:
                if spec is not None:
                    out[name] = stored_value(spec.kind, spec.choices, value)
            except AttributeValueRefused:
                continue  # the analyst changed this attribute's choices: leave it to them
        return out

    def relation_type(self, type_id: int) -> RelationTypeInfo | None:
        return self._type_by_id.get(type_id)

    def counts(self) -> dict[str, int]:
        return {name: n for name, n in self._counts.items() if n > 0}

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS) + len(self.attribute_columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = (*(self.tr(c) for c in self.COLUMNS), *map(shown_name, self.attribute_columns))
            return names[section] if 0 <= section < len(names) else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NOTE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        # Called for every role of every visible cell at each paint: roles this model does not
        # answer leave at the first test, and roles are compared as plain ints.
        if role not in _ROLES:
            return None
        row = index.row()  # -1 for an invalid index
        rows = self._rows
        if not 0 <= row < len(rows):
            return None
        a, col = rows[row], index.column()
        if col >= len(self.COLUMNS):
            attribute = col - len(self.COLUMNS)
            if role in (_DISPLAY, _TOOLTIP) and attribute < len(self.attribute_columns):
                value = a.attributes.get(self.attribute_columns[attribute])
                return shown_name(value) if value else None
            if role not in (_ID, _LABEL_ID, _FILTER):
                return None
        if role == _DISPLAY:
            if col == self.TEXT:
                span = self.text[a.start:a.end]
                return span if len(span) <= _PREVIEW else span[:_PREVIEW] + "…"
            return (shown_label(a.label), None, a.start, a.end, a.note, a.annotator)[col]
        if role == _EDIT:
            return a.note if col == self.NOTE else None
        if role == _TOOLTIP:
            if col == self.TEXT:
                return self.text[a.start:a.end]
            return (a.note or None) if col == self.NOTE else None
        if role == _DECORATION:
            label = self._label_by_id.get(a.label_id) if col == self.LABEL else None
            return QColor(label.colour) if label else None
        if role == _FILTER:  # what AnnotationFilter matches: label id, span, note and attributes, folded
            # An attribute matches as stored (certainty=probable) and as shown (in Arabic too).
            values = "".join(f"\n{k}={fold_needle(v)}\n{fold_needle(shown_name(k))}={fold_needle(shown_name(v))}"
                             for k, v in a.attributes.items())
            return f"{a.label_id}\x1f{fold_needle(self.text[a.start:a.end])}\n{fold_needle(a.note)}{values}"
        if role == _ID:
            return a.id
        return a.label_id  # _LABEL_ID, the last of _ROLES

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.NOTE or role != Qt.ItemDataRole.EditRole:
            return False
        a = self._rows[index.row()]
        if str(value) != a.note:
            self.noteEditRequested.emit(a.id, str(value))
        return True


class AnnotationFilter(QSortFilterProxyModel):
    """Filter by label id and by a piece of text (in the span or its note); sortable by any column.

    Both filters are one regular expression over `FilterRole`, matched by Qt itself: with no
    filter set Qt asks nothing per row, so thousands of rows load without a Python call each.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._label_id: int | None = None
        self._needle = ""
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(AnnotationModel.FilterRole)

    def set_label_filter(self, label_id: int | None) -> None:
        self._label_id = label_id
        self._apply()

    def set_text_filter(self, needle: str) -> None:
        self._needle = fold_needle(needle.strip())  # the same folding as Find
        self._apply()

    def _apply(self) -> None:
        if self._label_id is None and not self._needle:
            pattern = ""
        else:
            label = str(self._label_id) if self._label_id is not None else r"\d+"
            pattern = f"^{label}\x1f.*{QRegularExpression.escape(self._needle)}"
        self.setFilterRegularExpression(QRegularExpression(
            pattern, QRegularExpression.PatternOption.DotMatchesEverythingOption))

    def annotation_id(self, proxy_row: int) -> int | None:
        value = self.index(proxy_row, 0).data(AnnotationModel.IdRole)
        return int(value) if value is not None else None
