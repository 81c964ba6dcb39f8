"""Help → Keyboard shortcuts: every action of the window with its keys, read from the actions
themselves (labels and links included), filtered as one types."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from annotator.ui.i18n import QT_TRANSLATE_NOOP, isolate, listed, translate

# Keys of the article itself, not actions: how a span is selected before a label key.
_TEXT_KEYS = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Select by character, by word"), ("Shift+←/→", "Ctrl+Shift+←/→")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Select to the line's start, end"), ("Shift+Home", "Shift+End")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Walk the panes"), ("Tab", "Shift+Tab")),
)


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(action, keys, what it does) for every action of `window` that has a key, menu order."""
    rows = []
    for action in window.actions():
        if not isinstance(action, QAction) or not action.shortcuts():
            continue
        keys = listed(isolate(k.toString(QKeySequence.SequenceFormat.NativeText)) for k in action.shortcuts())
        rows.append((action.text().replace("&", ""), keys, action.statusTip()))
    return rows


class ShortcutsDialog(QDialog):
    """Not modal: it stays open beside the article while the analyst tries the keys."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("What it does")])
        texts = shortcut_rows(window)
        texts += [(translate("Shortcuts", what), listed(map(isolate, keys)), "") for what, keys in _TEXT_KEYS]
        for row in texts:
            self.model.appendRow([QStandardItem(cell) for cell in row])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # the action's name, its keys or what it does
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setPlaceholderText(self.tr("Find an action or a key"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setObjectName("shortcutsTable")
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # menu order until a header is clicked
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.resize(760, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    @classmethod
    def show_for(cls, window: QWidget) -> ShortcutsDialog:
        dialog = window.findChild(ShortcutsDialog, "shortcutsDialog") or cls(window)
        dialog.show()
        dialog.raise_()
        dialog.filter.setFocus()
        return dialog
