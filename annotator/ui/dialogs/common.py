"""Window-modal dialogs that do not block the event loop: file choosers and message boxes."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileInfo, QMimeDatabase, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFileIconProvider,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from annotator.ui.i18n import isolate, translate


class NameOnlyIcons(QFileIconProvider):
    """Icons and file types from names alone, never from a file's bytes.

    Qt's own provider reads the first bytes of a file it cannot type by name, such as the
    database and its -wal and -shm files; closing that descriptor drops SQLite's locks.
    """

    def __init__(self) -> None:
        super().__init__()
        self._mime = QMimeDatabase()

    def icon(self, what: QFileInfo | QFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if what.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return translate("FileDialog", "Folder")
        if _mirrored():  # the system's type names are in its own language: name ours, isolate the rest
            known = {"txt": translate("FileDialog", "Text"), "csv": "CSV", "jsonl": "JSON Lines",
                     "db": translate("FileDialog", "Database"), "sqlite": translate("FileDialog", "Database")}
            suffix = info.suffix().lower()
            return known.get(suffix) or translate("FileDialog", "File {suffix}").format(suffix=isolate(suffix))
        # A bare name (no folder) cannot be opened, so the match is by extension only.
        return self._mime.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension).comment()


def file_dialog(parent: QWidget, title: str, mode: QFileDialog.FileMode, folder: str,
                name_filter: str) -> QFileDialog:
    """Qt's own file dialog (the same on every desktop, drivable in tests), which opens no file."""
    dialog = QFileDialog(parent, title, folder, name_filter)
    dialog.setObjectName("fileDialog")
    dialog.setFileMode(mode)
    # A native dialog may read files in this process (previews, types): never the database's.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    icons = NameOnlyIcons()
    dialog.setIconProvider(icons)
    dialog._icons = icons  # type: ignore[attr-defined]  # Qt does not take ownership of it
    if _mirrored():
        _arabic_file_dialog(dialog)
    return dialog


class _Isolated(QStyledItemDelegate):
    """Each cell in its own direction: «1.95 KiB», a date and a Latin file name read as written
    in a mirrored list (the bidi algorithm would show «KiB 1.95»)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = isolate(option.text)


def _mirrored() -> bool:
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def _arabic_file_dialog(dialog: QFileDialog) -> None:
    """What Qt's Arabic translation leaves in English, and paths, sizes and dates read as written."""
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, translate("FileDialog", "Look in:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, translate("FileDialog", "Files of type:"))
    for name in ("treeView", "listView"):
        view = dialog.findChild(QAbstractItemView, name)
        if view is not None:
            view.setItemDelegate(_Isolated(view))


def open_file_dialog(parent: QWidget, title: str, mode: QFileDialog.FileMode,
                     chosen: Callable[[list[str]], object],
                     name_filter: str = "",
                     folder: str | None = None) -> QFileDialog:
    """A file dialog opened window-modal in `folder` (else the working folder); `chosen` gets the paths."""
    dialog = file_dialog(parent, title, mode, folder or str(Path.cwd()), name_filter)
    dialog.filesSelected.connect(chosen)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                 name: str, details: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    if details:
        box.setInformativeText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
