"""The documents of the database as a table (my done mark, title, annotation count per label, and
the outlet and publication date once an article says them), sortable by any column and filtered
by title, by done or not, by outlet and by a range of publication dates, under a line of progress:
mine, and each analyst's when others have marked documents done too."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.folding import fold_needle
from annotator.store.values import DocumentInfo, LabelInfo
from annotator.ui.i18n import isolate, listed, shown_label

_Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractTableModel):
    """Column 0 is the done mark (checkable), 1 the title, then one count column per label; then,
    when some document says where it came from, its outlet and its publication date."""

    DONE, TITLE = 0, 1
    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2  # done first or last, titles as read, counts as numbers

    doneToggled = Signal(int, bool)  # the analyst ticked or unticked a document

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._docs: list[DocumentInfo] = []
        self._labels: list[LabelInfo] = []
        self.analyst = ""  # whose done mark the first column shows
        self._facts = False  # some document knows its outlet or date: their two columns shown

    @property
    def outlet_column(self) -> int | None:
        return 2 + len(self._labels) if self._facts else None

    @property
    def published_column(self) -> int | None:
        return 3 + len(self._labels) if self._facts else None

    def outlets(self) -> list[str]:
        """Every outlet named, once, as read (Arabic spelling folded for the order)."""
        return sorted({d.provenance.outlet for d in self._docs if d.provenance.outlet}, key=fold_needle)

    def set_documents(self, documents: Sequence[DocumentInfo], labels: Sequence[LabelInfo]) -> None:
        """Update in place when only counts, marks or new documents differ, so selection survives."""
        same_labels = [(x.id, x.name) for x in labels] == [(x.id, x.name) for x in self._labels]
        old_ids = [d.id for d in self._docs]
        new_ids = [d.id for d in documents]
        facts = any(d.provenance.outlet or d.provenance.published for d in documents)
        if not same_labels or new_ids[:len(old_ids)] != old_ids or facts != self._facts:
            self.beginResetModel()
            self._docs, self._labels, self._facts = list(documents), list(labels), facts
            self.endResetModel()
            return
        self._labels = list(labels)
        for row, doc in enumerate(documents[:len(old_ids)]):
            old = self._docs[row]
            if (doc.done, doc.done_by, doc.title, doc.counts, doc.provenance) != (
                    old.done, old.done_by, old.title, old.counts, old.provenance):
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
            self.dataChanged.emit(self.index(row, 2), self.index(row, 1 + len(self._labels)))

    def set_done(self, document_id: int, done: bool, analyst: str) -> None:
        """`analyst` (the one this list is read for) marked the document done or not."""
        row = self.row_of(document_id)
        if row is None:
            return
        doc = self._docs[row]
        done_by = tuple(sorted({*doc.done_by, analyst} if done else set(doc.done_by) - {analyst}))
        if (doc.done, doc.done_by) != (done, done_by):
            self._docs[row] = dataclasses.replace(doc, done=done, done_by=done_by)
            self.dataChanged.emit(self.index(row, self.DONE), self.index(row, self.DONE))

    def done_counts(self) -> dict[str, int]:
        """How many documents each analyst has marked done."""
        counts: dict[str, int] = {}
        for doc in self._docs:
            for name in doc.done_by:
                counts[name] = counts.get(name, 0) + 1
        return counts

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
        return 0 if parent.isValid() else 2 + len(self._labels) + (2 if self._facts else 0)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        label = self._labels[section - 2] if 2 <= section < 2 + len(self._labels) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.outlet_column:
                return self.tr("outlet")
            if section == self.published_column:
                return self.tr("published")
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
        about = doc.provenance
        if role == self.SortRole:
            if col == self.DONE:
                return int(doc.done)
            if col == self.outlet_column:
                return fold_needle(about.outlet)
            if col == self.published_column:
                return about.published  # ISO 8601: in text order is in time order
            return fold_needle(doc.title) if col == self.TITLE else doc.counts.get(self._labels[col - 2].name, 0)
        if col in (self.outlet_column, self.published_column):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return about.outlet if col == self.outlet_column else about.published
            return None
        if col == self.DONE:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if doc.done else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return (self.tr("Done by {names}").format(names=listed(map(isolate, doc.done_by))) if doc.done_by
                        else self.tr("Not done by anyone yet"))
            return None
        if col == self.TITLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return doc.title
            if role == Qt.ItemDataRole.ToolTipRole:
                # where the article came from: outlet · date · author · URL
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
    """The rows whose title holds the typed text (Arabic spelling folded as in Find), whose
    done mark is the one asked for (None: any), whose outlet is the one chosen ("": any) and
    whose publication date falls in the range given (both ends included; "" leaves an end open,
    and with either end set an article of unknown date is left out)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._done: bool | None = None
        self._outlet = ""
        self._since = self._until = ""
        self.setSortRole(DocumentListModel.SortRole)
        self.setSortLocaleAware(True)

    def set_filter(self, needle: str, done: bool | None) -> None:
        self.beginFilterChange()
        self._needle, self._done = fold_needle(needle.strip()), done
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_origin_filter(self, outlet: str, since: str = "", until: str = "") -> None:
        """`since` and `until` are ISO dates (2024-07-11); a stored time counts by its date."""
        self.beginFilterChange()
        self._outlet, self._since, self._until = outlet, since, until
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        source = self.sourceModel()
        assert isinstance(source, DocumentListModel)
        doc = source.document(source_row)
        if not ((self._done is None or doc.done == self._done) and self._needle in fold_needle(doc.title)):
            return False
        about = doc.provenance
        if self._outlet and about.outlet != self._outlet:
            return False
        day = about.published[:10]
        if (self._since or self._until) and not day:
            return False
        return not ((self._since and day < self._since) or (self._until and day > self._until))

    def document_ids(self) -> list[int]:
        """The ids of the rows shown, in the order shown: what next and previous walk."""
        return [int(self.index(row, 0).data(DocumentListModel.IdRole)) for row in range(self.rowCount())]


class DocumentList(QTableView):
    """Picking a row opens that document."""

    documentChosen = Signal(int)
    columnsChanged = Signal(list)  # the optional columns hidden now, by name (to remember them)

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
        self._hidden: set[str] = set()  # "outlet", "published": the optional columns hidden
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        model.modelReset.connect(self._stretch_title)
        self._stretch_title()
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def _stretch_title(self) -> None:
        self.horizontalHeader().setSectionResizeMode(DocumentListModel.TITLE,
                                                     QHeaderView.ResizeMode.Stretch)
        for name, column in self._optional():
            self.setColumnHidden(column, name in self._hidden)

    def _optional(self) -> list[tuple[str, int]]:
        """The optional columns the model has now: (name, column)."""
        columns = (("outlet", self.source.outlet_column), ("published", self.source.published_column))
        return [(name, column) for name, column in columns if column is not None]

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        if menu.actions():
            menu.popup(self.horizontalHeader().mapToGlobal(pos))
        else:
            menu.deleteLater()

    def column_menu(self) -> QMenu:
        """The header's context menu: each optional column (outlet, published), ticked when shown."""
        menu = QMenu(self)
        menu.setObjectName("documentColumnsMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for name, column in self._optional():
            action = menu.addAction(str(self.source.headerData(column, Qt.Orientation.Horizontal)))
            action.setObjectName(f"column_{name}")
            action.setCheckable(True)
            action.setChecked(name not in self._hidden)
            action.toggled.connect(lambda shown, name=name: self.show_column(name, shown))
        return menu

    def show_column(self, name: str, shown: bool) -> None:
        """Show or hide an optional column, until changed (the list reloaded or not)."""
        (self._hidden.discard if shown else self._hidden.add)(name)
        self._stretch_title()
        self.columnsChanged.emit(sorted(self._hidden))

    def hide_columns(self, names: Iterable[str]) -> None:
        """Hide these optional columns (as remembered from an earlier session)."""
        self._hidden = set(names)
        self._stretch_title()

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


def _date_bound(parent: QWidget, name: str, unset: str) -> QDateEdit:
    """A date picked from a calendar, or `unset` (no bound) at its minimum, where it starts."""
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(1800, 1, 1))
    edit.setSpecialValueText(unset)
    edit.setDate(edit.minimumDate())
    return edit


class DocumentsPane(QWidget):
    """The documents dock: «12 / 56 done», a title filter and a done filter above the table; and,
    once some article says where it came from, an outlet filter and a range of publication dates."""

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsPane")
        self.model = model
        self.table = DocumentList(model, self)
        self.progress = QLabel(self)
        self.progress.setObjectName("documentsProgress")
        self.team = QLabel(self)  # each analyst's progress, when others mark documents done too
        self.team.setObjectName("teamProgress")
        self.team.setWordWrap(True)
        self.title_filter = QLineEdit(self)
        self.title_filter.setObjectName("documentFilter")
        self.title_filter.setPlaceholderText(self.tr("Filter by title"))
        self.title_filter.setClearButtonEnabled(True)
        self.done_filter = QComboBox(self)
        self.done_filter.setObjectName("doneFilter")
        for text, shown in ((self.tr("All"), "all"), (self.tr("Not done"), "not done"), (self.tr("Done"), "done")):
            self.done_filter.addItem(text, shown)
        self.origin_row = QWidget(self)
        self.origin_row.setObjectName("originFilters")
        self.outlet_filter = QComboBox(self.origin_row)
        self.outlet_filter.setObjectName("outletFilter")
        self.outlet_filter.setToolTip(self.tr("Only the articles of this outlet"))
        self.since_filter = _date_bound(self.origin_row, "publishedSince", self.tr("any date"))
        self.since_filter.setToolTip(self.tr("Only the articles published on or after this date"))
        self.until_filter = _date_bound(self.origin_row, "publishedUntil", self.tr("any date"))
        self.until_filter.setToolTip(self.tr("Only the articles published on or before this date"))
        dates = QLabel(self.tr("Published from"), self.origin_row)
        dates.setObjectName("publishedFromLabel")
        to = QLabel(self.tr("to"), self.origin_row)
        to.setObjectName("publishedToLabel")
        origin = QHBoxLayout(self.origin_row)
        origin.setContentsMargins(0, 0, 0, 0)
        for widget in (self.outlet_filter, dates, self.since_filter, to, self.until_filter):
            origin.addWidget(widget, 1 if widget is self.outlet_filter else 0)
        row = QHBoxLayout()
        row.addWidget(self.progress)
        row.addWidget(self.title_filter, 1)
        row.addWidget(self.done_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.origin_row)
        layout.addWidget(self.team)
        layout.addWidget(self.table)
        self.title_filter.textChanged.connect(self._filter)
        self.done_filter.currentIndexChanged.connect(self._filter)
        self.outlet_filter.currentIndexChanged.connect(self._filter_origin)
        self.since_filter.dateChanged.connect(self._filter_origin)
        self.until_filter.dateChanged.connect(self._filter_origin)
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self._show_progress)
        for signal in (model.modelReset, model.rowsInserted):
            signal.connect(self._show_outlets)
        self._show_progress()
        self._show_outlets()

    def _show_outlets(self, *_args: object) -> None:
        """The outlet filter offers every outlet named, keeping the one chosen; the row of origin
        filters is there only when some article says where it came from."""
        outlets = self.model.outlets()
        self.origin_row.setVisible(self.model.outlet_column is not None)
        if [self.outlet_filter.itemData(i) for i in range(1, self.outlet_filter.count())] == outlets:
            return
        chosen = self.outlet_filter.currentData() or ""
        self.outlet_filter.blockSignals(True)
        self.outlet_filter.clear()
        self.outlet_filter.addItem(self.tr("All outlets"), "")
        for outlet in outlets:
            self.outlet_filter.addItem(isolate(outlet), outlet)
        self.outlet_filter.setCurrentIndex(max(0, self.outlet_filter.findData(chosen)))
        self.outlet_filter.blockSignals(False)
        if self.outlet_filter.currentData() != chosen:
            self._filter_origin()

    def _filter_origin(self, *_args: object) -> None:
        def bound(edit: QDateEdit) -> str:
            return "" if edit.date() == edit.minimumDate() else edit.date().toString(Qt.DateFormat.ISODate)
        self.table.proxy.set_origin_filter(self.outlet_filter.currentData() or "",
                                           bound(self.since_filter), bound(self.until_filter))

    def _filter(self, *_args: object) -> None:
        shown = self.done_filter.currentData()
        self.table.proxy.set_filter(self.title_filter.text(), None if shown == "all" else shown == "done")

    def _show_progress(self, *_args: object) -> None:
        done, total = self.model.done_count(), self.model.rowCount()
        self.progress.setText(self.tr("{done} / {total} done").format(done=done, total=total))
        self.progress.setToolTip(self.tr("%n document(s) marked done", "", done))
        counts = self.model.done_counts()
        others = {name: n for name, n in counts.items() if name != self.model.analyst}
        self.team.setVisible(bool(others))
        self.team.setText(self.tr("Done by each analyst: {counts}").format(counts=listed(
            self.tr("{name} {done}").format(name=isolate(name), done=n) for name, n in sorted(counts.items()))))
