"""The annotation dock: a label filter, a text filter and the sortable table of annotations."""
from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.store.values import LabelInfo
from annotator.ui.actions import label_icon
from annotator.ui.annotation_model import AnnotationFilter, AnnotationModel
from annotator.ui.i18n import shown_label, shown_name

_SHORT_COLUMNS = (AnnotationModel.LABEL, AnnotationModel.START, AnnotationModel.END,
                  AnnotationModel.ANNOTATOR)
MAX_FITTED_WIDTH = 240  # px: a long note is not worth squeezing the text column for

class AnnotationList(QWidget):
    """`annotationChosen(id)` when the analyst picks a row; `select_annotation` marks one quietly."""

    annotationChosen = Signal(int)

    def __init__(self, model: AnnotationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationList")
        self.model = model
        self.proxy = AnnotationFilter(self)
        self.proxy.setSourceModel(model)
        self.label_filter = QComboBox(self)
        self.label_filter.setObjectName("labelFilter")
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("textFilter")
        self.text_filter.setPlaceholderText(self.tr("Filter by text, note or attribute ({example})").format(
            example=f"{shown_name('certainty')}={shown_name('probable')}"))
        self.text_filter.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setObjectName("annotationTable")
        self.table.setModel(self.proxy)
        # Rows come in text order already; sorting by a column starts when the analyst asks,
        # so opening a document with thousands of annotations sorts nothing.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves for the next pane, as everywhere
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Columns are sized to their contents when a document loads, not on every new row
        # (a ResizeToContents column re-measures rows at each insertion), and from the first
        # rows only: a document may hold tens of thousands.
        header.setResizeContentsPrecision(64)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AnnotationModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(AnnotationModel.NOTE, 80)
        # The window calls fit_columns once the article has painted: measuring cells is not
        # worth delaying the text.
        filters = QHBoxLayout()
        filters.addWidget(self.label_filter)
        filters.addWidget(self.text_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self._quiet = False
        self.label_filter.currentIndexChanged.connect(self._label_filter_changed)
        self.text_filter.textChanged.connect(self.proxy.set_text_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.proxy.rowsInserted.connect(self._widen_for)
        # Attribute columns come hidden; the header's context menu shows or hides any column.
        self.proxy.columnsInserted.connect(self._hide_new_columns)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._hide_new_columns(QModelIndex(), len(AnnotationModel.COLUMNS), self.proxy.columnCount() - 1)
        self.set_labels([])

    def _hide_new_columns(self, _parent: QModelIndex, first: int, last: int) -> None:
        for column in range(max(first, len(AnnotationModel.COLUMNS)), last + 1):
            self.table.setColumnHidden(column, True)

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("columnMenu")
        for column in range(self.proxy.columnCount()):
            action = menu.addAction(str(self.proxy.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column != AnnotationModel.TEXT)
            action.toggled.connect(functools.partial(self.show_column, column))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def show_column(self, column: int, shown: bool = True) -> None:
        self.table.setColumnHidden(column, not shown)
        if shown:
            self.table.resizeColumnToContents(column)

    def fit_columns(self) -> None:
        """Size the short columns to their contents (of the first rows; see the precision)."""
        for column in _SHORT_COLUMNS:
            self.table.resizeColumnToContents(column)

    def _widen_for(self, _parent: QModelIndex, first: int, last: int) -> None:
        """Widen a column that a new row's cell does not fit (the table was fitted empty, say)."""
        if last - first >= 64:
            return  # a document's rows arriving: fit_columns measures them once
        for column in (*_SHORT_COLUMNS, AnnotationModel.NOTE):
            needed = max(self.table.sizeHintForIndex(self.proxy.index(row, column)).width()
                         for row in range(first, last + 1)) + 1  # the grid line
            needed = min(needed, MAX_FITTED_WIDTH)
            if needed > self.table.columnWidth(column):
                self.table.setColumnWidth(column, needed)

    def set_labels(self, labels: Sequence[LabelInfo]) -> None:
        chosen = self.label_filter.currentData()
        self.label_filter.blockSignals(True)
        self.label_filter.clear()
        self.label_filter.addItem(self.tr("all labels"), None)
        for label in labels:
            self.label_filter.addItem(label_icon(label.colour), shown_label(label.name), label.id)
        index = self.label_filter.findData(chosen) if chosen is not None else 0
        self.label_filter.setCurrentIndex(max(index, 0))
        self.label_filter.blockSignals(False)
        self._label_filter_changed()

    def _label_filter_changed(self) -> None:
        value = self.label_filter.currentData()
        self.proxy.set_label_filter(int(value) if value is not None else None)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.annotationChosen.emit(int(current.data(AnnotationModel.IdRole)))

    def selected_annotation_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.annotation_id(rows[0].row()) if rows else None

    def select_annotation(self, annotation_id: int | None) -> None:
        """Select the row of `annotation_id` (None clears), without emitting annotationChosen."""
        selection = self.table.selectionModel()
        self._quiet = True
        try:
            row = self.model.row_of(annotation_id) if annotation_id is not None else None
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
            if index is None or not index.isValid():
                selection.clear()
                return
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        finally:
            self._quiet = False
