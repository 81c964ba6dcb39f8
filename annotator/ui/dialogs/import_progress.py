"""File → Import: files, folders and corpora become documents, with a progress dialog and a summary."""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from annotator.core.corpus import field_names
from annotator.core.formats import ReadOptions, dialog_filter, format_of
from annotator.store.articles import ImportOutcome, import_articles, planned_files
from annotator.store.repository import Repository
from annotator.ui.dialogs.common import show_message
from annotator.ui.i18n import isolate, translate

# Progress: a step per file, and within a corpus file one per _ARTICLES_A_STEP articles.
_STEPS, _ARTICLES_A_STEP = 1000, 50


def import_filter() -> str:
    """The import file dialog's filter: every article file, then each format, then all files."""
    names = {"txt": translate("Import", "Text files"), "html": translate("Import", "Saved web pages"),
             "jsonl": translate("Import", "JSON Lines corpora"), "csv": translate("Import", "CSV corpora"),
             "tsv": translate("Import", "Tab-separated corpora"),
             "docx": translate("Import", "Word documents")}
    return dialog_filter(names, translate("Import", "Articles"), translate("Import", "All files"))


def corpora_without_text(repo: Repository, paths: Iterable[str | os.PathLike[str]]
                         ) -> tuple[list[str], list[str]]:
    """The names of the corpus files among `paths` whose articles have fields but none named
    `text`, and those fields (each once, in order): what the analyst is asked to name."""
    files, found = [], {}
    for path, reason in planned_files(paths, repo.database_file):
        kind = format_of(path)
        if reason is None and kind in ("jsonl", "csv", "tsv"):
            fields = field_names(path, kind)
            if fields and "text" not in fields:
                files.append(path.name)
                found.update(dict.fromkeys(fields))
    return files, list(found)


@dataclass
class ImportSummary:
    imported: list[ImportOutcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "path: reason", "path: line N: reason"
    refused_lines: int = 0  # of the problems, lines or rows of corpus files
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
                         parent: QWidget | None = None, options: ReadOptions = ReadOptions()) -> ImportSummary:
    """Import every file under `paths`, the same way as `annotator import` (formats by
    extension, corpus fields as `options` name them); a progress dialog, counting files,
    appears when it takes a while."""
    plan = planned_files(paths, repo.database_file)
    # The dialog keeps the window responsive (and Cancel working) only when its value changes:
    # a corpus file of thousands of articles moves it too.
    progress = QProgressDialog(translate("Import", "Importing…"), translate("Import", "Cancel"), 0,
                               len(plan) * _STEPS, parent)
    progress.setObjectName("importProgress")
    progress.setWindowTitle(translate("Import", "Import"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    summary = ImportSummary()
    files = {path: n for n, (path, _) in enumerate(plan)}
    current, articles = None, 0
    try:
        for outcome in import_articles(repo, plan, options):
            if outcome.document is not None:
                summary.imported.append(outcome)
            elif outcome.error and outcome.where:  # a line or row of a corpus
                summary.problems.append(f"{isolate(outcome.path)}: {isolate(outcome.where)}: {outcome.error}")
                summary.refused_lines += 1
            elif outcome.error:
                summary.problems.append(f"{isolate(outcome.path)}: {outcome.error}")
            elif outcome.note:
                summary.skipped.append(f"{isolate(outcome.path)}: {outcome.note}")
            if outcome.path != current:
                current, articles = outcome.path, 0
                progress.setLabelText(translate("Import", "Importing {name}").format(name=isolate(outcome.path.name)))
            articles += 1
            progress.setValue(files.get(outcome.path, 0) * _STEPS
                              + min(_STEPS - 1, articles // _ARTICLES_A_STEP))
            if progress.wasCanceled():
                summary.cancelled = True
                break
    finally:
        progress.close()
        progress.deleteLater()
    return summary


def report_problems(parent: QWidget | None, problems: list[str], title: str = "", lines: int = 0) -> None:
    """One line per refused file or corpus line (`lines` of them), naming it and the reason
    (non-blocking)."""
    if problems:
        files = len(problems) - lines
        if not lines:
            headline = translate("Import", "%n file(s) could not be imported.", "", files)
        elif not files:
            headline = translate("Import", "%n line(s) of corpus files could not be imported.", "", lines)
        else:
            headline = translate("Import", "{files} and {lines} could not be imported.").format(
                files=translate("Import", "%n file(s)", "", files),
                lines=translate("Import", "%n line(s) of corpus files", "", lines))
        _report(parent, QMessageBox.Icon.Warning, title or translate("Import", "Import"), headline,
                "importProblems", problems)


def report_import(parent: QWidget | None, summary: ImportSummary) -> None:
    """Name every file not added: refused (a warning), already present or skipped (a note)."""
    if summary.problems:
        report_problems(parent, summary.problems + summary.present + summary.skipped,
                        lines=summary.refused_lines)
    elif summary.present or summary.skipped:
        _report(parent, QMessageBox.Icon.Information, translate("Import", "Import"),
                summary.text() + translate("Import", "."), "importReport", summary.present + summary.skipped)


def _report(parent: QWidget | None, icon: QMessageBox.Icon, title: str, headline: str, name: str,
            lines: list[str]) -> None:
    shown = "\n".join(lines[:20]) + ("\n…" if len(lines) > 20 else "")
    box = show_message(parent, icon, title, headline, name, shown)
    box.setDetailedText("\n".join(lines))
