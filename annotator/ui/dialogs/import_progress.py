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


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


@dataclass
class ImportSummary:
    imported: list[ImportOutcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one "path: reason" line each
    skipped: list[str] = field(default_factory=list)  # files not read, "path: why"
    cancelled: bool = False

    @property
    def first_document_id(self) -> int | None:
        return self.imported[0].document.id if self.imported and self.imported[0].document else None

    @property
    def present(self) -> list[str]:
        """One "path: already present as «title»" line per file whose text is stored already."""
        return [f"{o.path}: already present as «{o.document.title}»" for o in self.imported
                if o.document is not None and not o.created]

    def text(self) -> str:
        new = sum(1 for o in self.imported if o.created)
        parts = [_count(new, "new document"), f"{len(self.imported) - new} already present"]
        if self.skipped:
            parts.append(f"{_count(len(self.skipped), 'file')} skipped")
        if self.problems:
            parts.append(f"{len(self.problems)} refused")
        return ", ".join(parts) + (" (cancelled)" if self.cancelled else "")


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
            elif outcome.note:
                summary.skipped.append(outcome.message)
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
        _report(parent, QMessageBox.Icon.Warning, title,
                f"{_count(len(problems), 'file')} could not be imported.", "importProblems", problems)


def report_import(parent: QWidget | None, summary: ImportSummary) -> None:
    """Name every file not added: refused (a warning), already present or skipped (a note)."""
    if summary.problems:
        report_problems(parent, summary.problems + summary.present + summary.skipped)
    elif summary.present or summary.skipped:
        _report(parent, QMessageBox.Icon.Information, "Import", summary.text() + ".", "importReport",
                summary.present + summary.skipped)


def _report(parent: QWidget | None, icon: QMessageBox.Icon, title: str, headline: str, name: str,
            lines: list[str]) -> None:
    shown = "\n".join(lines[:20]) + ("\n…" if len(lines) > 20 else "")
    box = show_message(parent, icon, title, headline, name, shown)
    box.setDetailedText("\n".join(lines))
