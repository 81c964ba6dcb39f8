"""Document → Agreement: the same table as `annotator agreement`, for the whole corpus or one
document at a time (the drill-down), with the analysts to compare ticked."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.agreement import ALL, agreement
from annotator.store.repository import Repository
from annotator.ui.i18n import isolate, shown_label, shown_name, translate


def _measure(name: str) -> str:
    return {"strict F1": translate("Agreement", "strict F1"), "partial F1": translate("Agreement", "partial F1"),
            "character alpha": translate("Agreement", "character alpha"),
            "Cohen's kappa": translate("Agreement", "Cohen's kappa"), "F1": translate("Agreement", "F1")}[name]


def _label(name: str) -> str:
    if name == ALL:
        return translate("Agreement", "all labels")
    if name == "links":
        return translate("Agreement", "links")
    if name.startswith("attr:"):
        return translate("Agreement", "attribute {name}").format(name=shown_name(name[5:]))
    return shown_label(name)


class AgreementDialog(QDialog):
    """Recomputed whenever the document or the ticked analysts change."""

    def __init__(self, repo: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle(self.tr("Agreement"))
        self.repo = repo
        self.document = QComboBox(self)
        self.document.setObjectName("agreementDocument")
        self.document.addItem(self.tr("All documents"), None)
        for doc in repo.documents():
            self.document.addItem(doc.title, doc.id)
        self.analysts = QListWidget(self)
        self.analysts.setObjectName("agreementAnalysts")
        for name in repo.annotators():
            item = QListWidgetItem(name or self.tr("(no name)"), self.analysts)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setCheckState(Qt.CheckState.Checked)
        self.analysts.setMaximumHeight(110)
        self.summary = QLabel(self)
        self.summary.setObjectName("agreementSummary")
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([self.tr("Analysts"), self.tr("Label"), self.tr("Measure"),
                                              self.tr("Value"), self.tr("Compared")])
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView(self)
        self.table.setObjectName("agreementTable")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document:"), self))
        top.addWidget(self.document, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.analysts)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.resize(760, 620)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document.currentIndexChanged.connect(self.compute)
        self.analysts.itemChanged.connect(self.compute)
        self.compute()

    def chosen(self) -> list[str]:
        return [str(self.analysts.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.analysts.count())
                if self.analysts.item(i).checkState() == Qt.CheckState.Checked]

    def compute(self, *_args: object) -> None:
        self.model.removeRows(0, self.model.rowCount())
        who = self.chosen()
        if len(who) < 2:
            self.summary.setText(self.tr("Tick two analysts or more to compare their work."))
            return
        doc = self.document.currentData()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            units, links, lengths = self.repo.agreement_input(who, (), [doc] if doc is not None else ())
            rows = agreement(units, links, lengths, who)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.summary.setText(self.tr("%n span(s) compared", "", len(units)))
        for r in rows:
            cells = [QStandardItem(" / ".join(isolate(x) for x in r.annotators.split(" / "))
                                   if r.annotators != "all" else self.tr("all")),
                     QStandardItem(_label(r.label)), QStandardItem(_measure(r.measure)),
                     QStandardItem("—" if r.value is None else f"{r.value:.3f}"), QStandardItem(str(r.compared))]
            for cell, key in zip(cells, (r.annotators, r.label, r.measure, -1.0 if r.value is None else r.value,
                                         r.compared)):
                cell.setData(key, Qt.ItemDataRole.UserRole)
            for cell in cells[3:]:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow(cells)
