"""The documents of the database as a table (done mark, title, annotation count per label),
sortable by any column and filtered by title and by done or not, under a line of progress."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.folding import fold_needle
from annotator.store.values import DocumentInfo, LabelInfo
from annotator.ui.i18n import isolate, shown_label

_Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractTableModel):
    """Column 0 is the done mark (checkable), 1 the title, then one count column per label."""

    DONE, TITLE = 0, 1
    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2  # done first or last, titles as read, counts as numbers

    doneToggled = Signal(int, bool)  # the analyst ticked or unticked a document

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._docs: list[DocumentInfo] = []
        self._labels: list[LabelInfo] = []

    def set_documents(self, documents: Sequence[DocumentInfo], labels: Sequence[LabelInfo]) -> None:
        """Update in place when only counts, marks or new documents differ, so selection survives."""
        same_labels = [(x.id, x.name) for x in labels] == [(x.id, x.name) for x in self._labels]
        old_ids = [d.id for d in self._docs]
        new_ids = [d.id for d in documents]
        if not same_labels or new_ids[:len(old_ids)] != old_ids:
            self.beginResetModel()
            self._docs, self._labels = list(documents), list(labels)
            self.endResetModel()
            return
        self._labels = list(labels)
        for row, doc in enumerate(documents[:len(old_ids)]):
            old = self._docs[row]
            if (doc.done, doc.title, doc.counts) != (old.done, old.title, old.counts):
                self._docs[row] = doc
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        if len(documents) > len(old_ids):
            self.beginInsertRows(QModelIndex(), len(old_ids), len(documents) - 1)
            self._docs.extend(documents[len(old_ids):])
            self.endInsertRows()

    def set_counts(self, document_id: int, counts: dict[str, int]) -> None:
        row = self.row_of(document_id)
        if row is not None and self._docs[row].counts != counts:
            self._docs[row] = dataclasses.replace(self._docs[row], counts=dict(counts))
            self.dataChanged.emit(self.index(row, 2), self.index(row, self.columnCount() - 1))

    def set_done(self, document_id: int, done: bool) -> None:
        row = self.row_of(document_id)
        if row is not None and self._docs[row].done != done:
            self._docs[row] = dataclasses.replace(self._docs[row], done=done)
            self.dataChanged.emit(self.index(row, self.DONE), self.index(row, self.DONE))

    def document(self, row: int) -> DocumentInfo:
        return self._docs[row]

    def documents(self) -> list[DocumentInfo]:
        return list(self._docs)

    def row_of(self, document_id: int) -> int | None:
        for row, doc in enumerate(self._docs):
            if doc.id == document_id:
                return row
        return None

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2 + len(self._labels)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        label = self._labels[section - 2] if section >= 2 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return ("✓", self.tr("document"))[section] if label is None else shown_label(label.name)
        if role == Qt.ItemDataRole.DecorationRole and label is not None:
            return QColor(label.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("done") if section == self.DONE else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.DONE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._docs):
            return None
        doc, col = self._docs[index.row()], index.column()
        if role == self.IdRole:
            return doc.id
        if role == self.SortRole:
            if col == self.DONE:
                return int(doc.done)
            return fold_needle(doc.title) if col == self.TITLE else doc.counts.get(self._labels[col - 2].name, 0)
        if col == self.DONE:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if doc.done else Qt.CheckState.Unchecked
            return None
        if col == self.TITLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return doc.title
            if role == Qt.ItemDataRole.ToolTipRole:
                about = doc.provenance  # where the article came from: outlet · date · author · URL
                origin = " · ".join(isolate(x) for x in (about.outlet, about.published, about.author,
                                                         about.url) if x)
                return f"{doc.title}\n" + (f"{origin}\n" if origin else "") + f"{isolate(doc.source)} · " \
                    + self.tr("%n character(s)", "", doc.length) + f" · {isolate(doc.encoding)}"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return doc.counts.get(self._labels[col - 2].name, 0)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.DONE or role != Qt.ItemDataRole.CheckStateRole:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        self.doneToggled.emit(self._docs[index.row()].id, done)
        return True


    def done_count(self) -> int:
        return sum(d.done for d in self._docs)


class DocumentFilter(QSortFilterProxyModel):
    """The rows whose title holds the typed text (Arabic spelling folded as in Find) and whose
    done mark is the one asked for (None: any)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._done: bool | None = None
        self.setSortRole(DocumentListModel.SortRole)
        self.setSortLocaleAware(True)

    def set_filter(self, needle: str, done: bool | None) -> None:
        self.beginFilterChange()
        self._needle, self._done = fold_needle(needle.strip()), done
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        source = self.sourceModel()
        assert isinstance(source, DocumentListModel)
        doc = source.document(source_row)
        return (self._done is None or doc.done == self._done) and self._needle in fold_needle(doc.title)

    def document_ids(self) -> list[int]:
        """The ids of the rows shown, in the order shown: what next and previous walk."""
        return [int(self.index(row, 0).data(DocumentListModel.IdRole)) for row in range(self.rowCount())]


class DocumentList(QTableView):
    """Picking a row opens that document."""

    documentChosen = Signal(int)

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentList")
        self._quiet = False
        self.source = model
        self.proxy = DocumentFilter(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as imported until a header is clicked
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        # Tab moves between the window's panes: stepping through cells would reach the next
        # row, and so open the next document.
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        model.modelReset.connect(self._stretch_title)
        self._stretch_title()
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def _stretch_title(self) -> None:
        self.horizontalHeader().setSectionResizeMode(DocumentListModel.TITLE,
                                                     QHeaderView.ResizeMode.Stretch)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.documentChosen.emit(int(current.data(DocumentListModel.IdRole)))

    def select_document(self, document_id: int) -> None:
        """Mark the open document's row (if shown) without emitting documentChosen."""
        row = self.source.row_of(document_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.source.index(row, DocumentListModel.TITLE))
        if not index.isValid():
            return  # filtered out
        self._quiet = True
        try:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._quiet = False
        self.scrollTo(index)


class DocumentsPane(QWidget):
    """The documents dock: «12 / 56 done», a title filter and a done filter above the table."""

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsPane")
        self.model = model
        self.table = DocumentList(model, self)
        self.progress = QLabel(self)
        self.progress.setObjectName("documentsProgress")
        self.title_filter = QLineEdit(self)
        self.title_filter.setObjectName("documentFilter")
        self.title_filter.setPlaceholderText(self.tr("Filter by title"))
        self.title_filter.setClearButtonEnabled(True)
        self.done_filter = QComboBox(self)
        self.done_filter.setObjectName("doneFilter")
        for text, shown in ((self.tr("All"), "all"), (self.tr("Not done"), "not done"), (self.tr("Done"), "done")):
            self.done_filter.addItem(text, shown)
        row = QHBoxLayout()
        row.addWidget(self.progress)
        row.addWidget(self.title_filter, 1)
        row.addWidget(self.done_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.title_filter.textChanged.connect(self._filter)
        self.done_filter.currentIndexChanged.connect(self._filter)
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self._show_progress)
        self._show_progress()

    def _filter(self, *_args: object) -> None:
        shown = self.done_filter.currentData()
        self.table.proxy.set_filter(self.title_filter.text(), None if shown == "all" else shown == "done")

    def _show_progress(self, *_args: object) -> None:
        done, total = self.model.done_count(), self.model.rowCount()
        self.progress.setText(self.tr("{done} / {total} done").format(done=done, total=total))
        self.progress.setToolTip(self.tr("%n document(s) marked done", "", done))
