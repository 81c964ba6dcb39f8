"""File → Import: files or folders become documents, with a progress dialog and a summary."""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from annotator.store.articles import ImportOutcome, import_articles, planned_files
from annotator.store.repository import Repository
from annotator.ui.dialogs.common import show_message


@dataclass
class ImportSummary:
    imported: list[ImportOutcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one "path: reason" line each
    cancelled: bool = False

    @property
    def first_document_id(self) -> int | None:
        return self.imported[0].document.id if self.imported and self.imported[0].document else None

    def text(self) -> str:
        new = sum(1 for o in self.imported if o.created)
        line = f"{new} new document(s), {len(self.imported) - new} already present"
        return line + (" (cancelled)" if self.cancelled else "")


def import_with_progress(repo: Repository, paths: Iterable[str | os.PathLike[str]],
                         parent: QWidget | None = None) -> ImportSummary:
    """Import every file under `paths`; a progress dialog appears when it takes a while."""
    plan = planned_files(paths, repo.database_file)
    progress = QProgressDialog("Importing…", "Cancel", 0, len(plan), parent)
    progress.setObjectName("importProgress")
    progress.setWindowTitle("Import")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    summary = ImportSummary()
    try:
        for n, outcome in enumerate(import_articles(repo, plan), start=1):
            if outcome.document is not None:
                summary.imported.append(outcome)
            elif outcome.error:
                summary.problems.append(outcome.message)
            progress.setLabelText(f"Importing {outcome.path.name}")
            progress.setValue(n)  # also keeps the window responsive while a file is read
            if progress.wasCanceled():
                summary.cancelled = True
                break
    finally:
        progress.close()
        progress.deleteLater()
    return summary


def report_problems(parent: QWidget | None, problems: list[str], title: str = "Import") -> None:
    """One line per refused file, naming it and the reason (non-blocking)."""
    if problems:
        shown = "\n".join(problems[:20]) + ("\n…" if len(problems) > 20 else "")
        box = show_message(parent, QMessageBox.Icon.Warning, title,
                           f"{len(problems)} file(s) could not be imported.", "importProblems", shown)
        box.setDetailedText("\n".join(problems))
