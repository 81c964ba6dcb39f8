"""File → Import of a corpus whose articles name their text otherwise (`body`, `content`…): which
of its fields holds each part of an article, as `annotator import --field text=body` says."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annotator.core.corpus import FIELDS
from annotator.ui.i18n import QT_TRANSLATE_NOOP, isolate, translate

# What each of our fields is called in the dialog, in FIELDS order.
NAMES = {
    "text": QT_TRANSLATE_NOOP("CorpusFieldsDialog", "Text (required)"),
    "title": QT_TRANSLATE_NOOP("CorpusFieldsDialog", "Title"),
    "url": QT_TRANSLATE_NOOP("CorpusFieldsDialog", "Address (URL)"),
    "source": QT_TRANSLATE_NOOP("CorpusFieldsDialog", "Outlet"),
    "published": QT_TRANSLATE_NOOP("CorpusFieldsDialog", "Publication date"),
    "id": QT_TRANSLATE_NOOP("CorpusFieldsDialog", "Id in the corpus"),
    "author": QT_TRANSLATE_NOOP("CorpusFieldsDialog", "Author"),
}


class CorpusFieldsDialog(QDialog):
    """A choice of the file's fields for each of ours (a field of the same name chosen at first,
    else none); OK stays off until the text has one. `fieldsChosen({ours: theirs})` on OK, with
    only the fields named otherwise than ours."""

    fieldsChosen = Signal(dict)

    def __init__(self, files: Sequence[str], found: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("corpusFieldsDialog")
        self.setWindowTitle(self.tr("Corpus fields"))
        shown = ", ".join(isolate(name) for name in files[:3]) + ("…" if len(files) > 3 else "")
        about = QLabel(self.tr("The articles of {files} have no field named «text». Choose which of "
                               "their fields holds each part of an article; the choice applies to "
                               "every corpus file of this import.").format(files=shown), self)
        about.setObjectName("corpusFieldsAbout")
        about.setWordWrap(True)
        self.choices: dict[str, QComboBox] = {}
        form = QFormLayout()
        for ours in FIELDS:
            box = QComboBox(self)
            box.setObjectName(f"field_{ours}")
            box.addItem(self.tr("(none)"), "")
            for theirs in found:
                box.addItem(isolate(theirs), theirs)
            box.setCurrentIndex(max(0, box.findData(ours)))
            box.currentIndexChanged.connect(self._allow)
            self.choices[ours] = box
            form.addRow(translate("CorpusFieldsDialog", NAMES[ours]), box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._allow()

    def fields(self) -> dict[str, str]:
        """Ours -> the file's, for each of ours read from a field of another name. A field of
        ours left at «none» is mapped to a name no file has, so that it is not read."""
        out = {}
        for ours, box in self.choices.items():
            theirs = box.currentData() or ""
            if theirs != ours:
                out[ours] = theirs or "\0none"
        return out

    def _allow(self, *_args: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.choices["text"].currentData()))

    def accept(self) -> None:
        if self.choices["text"].currentData():
            self.fieldsChosen.emit(self.fields())
            super().accept()
