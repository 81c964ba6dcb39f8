"""Window-modal dialogs that do not block the event loop: file choosers and message boxes."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def open_file_dialog(parent: QWidget, title: str, mode: QFileDialog.FileMode,
                     chosen: Callable[[list[str]], object],
                     name_filter: str = "Text files (*.txt);;All files (*)") -> QFileDialog:
    """Qt's own file dialog (the same on every desktop, and drivable in tests), opened window-modal."""
    dialog = QFileDialog(parent, title, str(Path.cwd()), name_filter)
    dialog.setObjectName("fileDialog")
    dialog.setFileMode(mode)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
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
