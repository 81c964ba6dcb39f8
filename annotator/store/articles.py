"""Bringing article files into a database: files, folders and corpora, and the sample articles in seeds/."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from annotator.core.corpus import RowRefused
from annotator.core.formats import SUFFIXES, ReadOptions, read_articles_in
from annotator.core.text import Document, RejectedFile, iter_text_files
from annotator.store.sqlite_file import checkout_root
from annotator.store.sqlite_hold import file_id, own_file_ids
from annotator.store.values import DocumentInfo

if TYPE_CHECKING:
    from annotator.store.repository import Repository


class DocumentSink(Protocol):
    """Where imported documents go: the Repository, or the command line's BulkDocuments."""

    def add_documents(self, docs: Sequence[Document]) -> list[tuple[DocumentInfo, bool]]: ...


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one file, or one article of a corpus file: imported (`document` set),
    skipped (a note) or refused (an error; `where` names the line or row of a corpus)."""

    path: Path
    document: DocumentInfo | None = None
    created: bool = False
    encoding: str = ""
    note: str = ""
    error: str = ""
    where: str = ""

    @property
    def message(self) -> str:
        """The one line for the user: `path: reason`, or `path: line N: reason`."""
        return f"{self.path}: {self.where + ': ' if self.where else ''}{self.error or self.note}"


def planned_files(paths: Iterable[str | os.PathLike[str]],
                  database: Path | None = None) -> list[tuple[Path, str | None]]:
    """Every file the paths name (folders walked), with a reason for those that will not be read.

    The files of `database` (the one imported into) are never read: reading one would drop
    SQLite's locks on it.
    """
    own = own_file_ids(database) if database is not None else frozenset()
    plan = []
    for path, reason in iter_text_files(paths, SUFFIXES):
        if reason is None and own and file_id(path) in own:
            reason = "is the database being imported into (or a file SQLite keeps beside it)"
        plan.append((path, reason))
    return plan


# Files are stored in batches, one transaction each: an interrupted import loses at most the
# batch in flight (and importing again adds only what is missing).
BATCH_FILES = 500
BATCH_CHARS = 16 * 1024 * 1024


# One article once read: its document, or the outcome that says why there is none.
ReadItem = tuple[Path, Document | ImportOutcome]


def import_articles(repo: DocumentSink, plan: Iterable[tuple[Path, str | None]],
                    options: ReadOptions = ReadOptions()) -> Iterator[ImportOutcome]:
    """Read and store each planned file; one outcome per file, or per line or row of a corpus,
    in order; bad files and bad lines stop nothing."""
    for outcomes in import_batches(repo, plan, options):
        yield from outcomes


def import_batches(repo: DocumentSink, plan: Iterable[tuple[Path, str | None]],
                   options: ReadOptions = ReadOptions()) -> Iterator[list[ImportOutcome]]:
    """import_articles, a list of outcomes per batch stored (one transaction each)."""
    for batch in _batches(read_articles(plan, options)):
        yield _store(repo, batch)


def read_articles(plan: Iterable[tuple[Path, str | None]],
                  options: ReadOptions = ReadOptions()) -> Iterator[ReadItem]:
    """The articles of each planned file, in order, or the outcome saying why there is none."""
    for path, reason in plan:
        if reason is not None:
            # A file of another type inside a folder is skipped; anything else is an error.
            yield path, (ImportOutcome(path, note=reason) if reason.startswith("skipped")
                         else ImportOutcome(path, error=reason))
            continue
        try:
            for item in read_articles_in(path, options):
                yield path, (ImportOutcome(path, error=item.reason, where=item.where)
                             if isinstance(item, RowRefused) else item)
        except RejectedFile as exc:
            yield path, ImportOutcome(path, error=exc.reason)
        except OSError as exc:  # a corpus file that stops being readable part way
            yield path, ImportOutcome(path, error=f"cannot be read on ({exc.strerror or exc})")


def _batches(items: Iterable[ReadItem]) -> Iterator[list[ReadItem]]:
    pending: list[ReadItem] = []
    chars = 0
    for path, item in items:
        pending.append((path, item))
        if not isinstance(item, ImportOutcome):
            chars += len(item)
        if len(pending) >= BATCH_FILES or chars >= BATCH_CHARS:
            yield pending
            pending, chars = [], 0
    if pending:
        yield pending


def _store(repo: DocumentSink, pending: list[ReadItem]) -> list[ImportOutcome]:
    docs = [item for _, item in pending if not isinstance(item, ImportOutcome)]
    stored = iter(repo.add_documents(docs) if docs else [])
    outcomes = []
    for path, item in pending:
        if not isinstance(item, ImportOutcome):
            info, created = next(stored)
            item = ImportOutcome(path, document=info, created=created, encoding=item.encoding)
        outcomes.append(item)
    return outcomes


def seeds_folder() -> Path | None:
    """The sample articles: the installed package's seeds, or the checkout's seeds/ folder."""
    packaged = Path(__file__).resolve().parents[1] / "seeds"
    root = checkout_root()
    for folder in (packaged, root / "seeds" if root else None):
        if folder is not None and folder.is_dir():
            return folder
    return None


def import_seeds(repo: Repository, folder: str | os.PathLike[str] | None = None) -> list[DocumentInfo]:
    """On an empty database, import the sample articles so a new user lands on one.

    Returns the documents added (none when the database already holds documents or no seeds
    folder is found); a seed that cannot be read is left out rather than stopping the start.
    """
    if repo.count_documents():
        return []
    where = Path(folder) if folder is not None else seeds_folder()
    if where is None or not where.is_dir():
        return []
    return [o.document for o in import_articles(repo, planned_files([where]))
            if o.document is not None]
