"""File → Export CSV: choose all documents or the current one and a file; written atomically."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.csvio import write_csv
from annotator.store.repository import Repository
from annotator.store.sqlite_file import DatabaseRefused
from annotator.ui.dialogs.common import file_dialog
from annotator.ui.i18n import isolate

PROGRESS_EVERY = 500  # rows between two updates of the progress dialog (each lets events run)


class ExportDialog(QDialog):
    """On accept writes the CSV and emits `exported(path, rows)`; a failure stays in the dialog."""

    exported = Signal(str, int)
    browsed = Signal()  # the file chooser closed

    def __init__(self, repo: Repository, document_id: int | None, document_title: str,
                 folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export CSV"))
        self.repo, self.document_id = repo, document_id
        self.all_documents = QRadioButton(
            self.tr("All documents (%n annotation(s))", "", repo.count_annotations()), self)
        self.all_documents.setObjectName("exportAll")
        self.current_document = QRadioButton(
            self.tr("Current document: {title} (%n annotation(s))", "",
                    repo.count_annotations(document_id) if document_id else 0).format(
                title=isolate(document_title)), self)
        self.current_document.setObjectName("exportCurrent")
        self.current_document.setEnabled(document_id is not None)
        self.all_documents.setChecked(True)
        self.path = QLineEdit(str(Path(folder) / "annotations.csv"), self)
        self.path.setObjectName("exportPath")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.message = QLabel(self)
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.all_documents)
        layout.addWidget(self.current_document)
        layout.addWidget(QLabel(self.tr("File:"), self))
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chooser = file_dialog(self, self.tr("Export CSV"), QFileDialog.FileMode.AnyFile,
                              str(Path(self.path.text()).parent), self.tr("CSV files (*.csv)"))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("csv")
        chooser.selectFile(Path(self.path.text()).name)
        chooser.fileSelected.connect(self.path.setText)
        chooser.finished.connect(self.browsed)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.open()

    def accept(self) -> None:
        target = self.path.text().strip()
        if not target:
            self.message.setText(self.tr("Choose a file to export to."))
            return
        if self.repo.is_own_file(target):
            self.message.setText(self.tr("{path}: is the database itself (or a file SQLite keeps beside it); "
                                         "choose another file").format(path=isolate(target)))
            return
        docs = [self.document_id] if self.current_document.isChecked() and self.document_id else []
        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, self.repo.count_export_rows(docs),
                                   self)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle(self.tr("Export CSV"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        written = [0]

        def advance() -> None:
            written[0] += 1
            if written[0] % PROGRESS_EVERY == 0:
                progress.setValue(written[0])  # also keeps the window responsive
                if progress.wasCanceled():
                    raise _Cancelled

        try:
            count = write_csv(target, self.repo.export_rows(document_ids=docs), advance)
        except _Cancelled:  # the temporary file is gone; an older file of that name is intact
            self.message.setText(self.tr("Export cancelled; nothing was written."))
            return
        except OSError as exc:
            self.message.setText(f"{isolate(target)}: {exc.strerror or exc}")
            return
        except DatabaseRefused as exc:
            self.message.setText(str(exc))
            return
        finally:
            progress.close()
            progress.deleteLater()
        super().accept()
        self.exported.emit(target, count)


class _Cancelled(Exception):
    """The analyst pressed Cancel in the export's progress dialog."""
