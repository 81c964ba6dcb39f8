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
from annotator.ui.i18n import isolate, translate


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
        line = translate("Import", "{path}: already present as «{title}»")
        return [line.format(path=isolate(o.path), title=o.document.title)
                for o in self.imported if o.document is not None and not o.created]

    def text(self) -> str:
        new = sum(1 for o in self.imported if o.created)
        parts = [translate("Import", "%n new document(s)", "", new),
                 translate("Import", "%n already present", "", len(self.imported) - new)]
        if self.skipped:
            parts.append(translate("Import", "%n file(s) skipped", "", len(self.skipped)))
        if self.problems:
            parts.append(translate("Import", "%n refused", "", len(self.problems)))
        return translate("Import", ", ").join(parts) + (translate("Import", " (cancelled)") if self.cancelled else "")


def import_with_progress(repo: Repository, paths: Iterable[str | os.PathLike[str]],
                         parent: QWidget | None = None) -> ImportSummary:
    """Import every file under `paths`; a progress dialog appears when it takes a while."""
    plan = planned_files(paths, repo.database_file)
    progress = QProgressDialog(translate("Import", "Importing…"), translate("Import", "Cancel"), 0, len(plan), parent)
    progress.setObjectName("importProgress")
    progress.setWindowTitle(translate("Import", "Import"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    summary = ImportSummary()
    try:
        for n, outcome in enumerate(import_articles(repo, plan), start=1):
            if outcome.document is not None:
                summary.imported.append(outcome)
            elif outcome.error:
                summary.problems.append(f"{isolate(outcome.path)}: {outcome.error}")
            elif outcome.note:
                summary.skipped.append(f"{isolate(outcome.path)}: {outcome.note}")
            progress.setLabelText(translate("Import", "Importing {name}").format(name=isolate(outcome.path.name)))
            progress.setValue(n)  # also keeps the window responsive while a file is read
            if progress.wasCanceled():
                summary.cancelled = True
                break
    finally:
        progress.close()
        progress.deleteLater()
    return summary


def report_problems(parent: QWidget | None, problems: list[str], title: str = "") -> None:
    """One line per refused file, naming it and the reason (non-blocking)."""
    if problems:
        _report(parent, QMessageBox.Icon.Warning, title or translate("Import", "Import"),
                translate("Import", "%n file(s) could not be imported.", "", len(problems)),
                "importProblems", problems)


def report_import(parent: QWidget | None, summary: ImportSummary) -> None:
    """Name every file not added: refused (a warning), already present or skipped (a note)."""
    if summary.problems:
        report_problems(parent, summary.problems + summary.present + summary.skipped)
    elif summary.present or summary.skipped:
        _report(parent, QMessageBox.Icon.Information, translate("Import", "Import"),
                summary.text() + translate("Import", "."), "importReport", summary.present + summary.skipped)


def _report(parent: QWidget | None, icon: QMessageBox.Icon, title: str, headline: str, name: str,
            lines: list[str]) -> None:
    shown = "\n".join(lines[:20]) + ("\n…" if len(lines) > 20 else "")
    box = show_message(parent, icon, title, headline, name, shown)
    box.setDetailedText("\n".join(lines))
