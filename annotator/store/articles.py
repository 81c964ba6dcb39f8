"""Bringing article files into a database: files and folders, and the sample articles in seeds/."""
from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from annotator.core.text import Document, RejectedFile, iter_text_files, read_document
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
    """What happened to one path: imported (`document` set), skipped (a note) or refused (an error)."""

    path: Path
    document: DocumentInfo | None = None
    created: bool = False
    encoding: str = ""
    note: str = ""
    error: str = ""

    @property
    def message(self) -> str:
        """The one line for the user: `path: reason`."""
        return f"{self.path}: {self.error or self.note}"


def planned_files(paths: Iterable[str | os.PathLike[str]],
                  database: Path | None = None) -> list[tuple[Path, str | None]]:
    """Every file the paths name (folders walked), with a reason for those that will not be read.

    The files of `database` (the one imported into) are never read: reading one would drop
    SQLite's locks on it.
    """
    own = own_file_ids(database) if database is not None else frozenset()
    plan = []
    for path, reason in iter_text_files(paths):
        if reason is None and own and file_id(path) in own:
            reason = "is the database being imported into (or a file SQLite keeps beside it)"
        plan.append((path, reason))
    return plan


# Files are stored in batches, one transaction each: an interrupted import loses at most the
# batch in flight (and importing again adds only what is missing).
BATCH_FILES = 500
BATCH_CHARS = 16 * 1024 * 1024


# One planned file once read: its document, or the outcome that says why there is none.
ReadItem = tuple[Path, Document | ImportOutcome]


def import_articles(repo: DocumentSink, plan: Iterable[tuple[Path, str | None]],
                    force: bool = False) -> Iterator[ImportOutcome]:
    """Read and store each planned file; one outcome per path, in order; bad files stop nothing.
    `force` takes texts without Arabic or Latin letters too."""
    for outcomes in import_batches(repo, plan, force):
        yield from outcomes


def import_batches(repo: DocumentSink, plan: Iterable[tuple[Path, str | None]],
                   force: bool = False) -> Iterator[list[ImportOutcome]]:
    """import_articles, a list of outcomes per batch stored (one transaction each)."""
    read = functools.partial(read_document, force=True) if force else read_document
    for batch in _batches(read_articles(plan, read)):
        yield _store(repo, batch)


def read_articles(plan: Iterable[tuple[Path, str | None]],
                  read: Callable[[Path], Document] = read_document) -> Iterator[ReadItem]:
    """Each planned file read with `read`, in order, or the outcome saying why not."""
    for path, reason in plan:
        if reason is not None:
            # A file of another type inside a folder is skipped; anything else is an error.
            yield path, (ImportOutcome(path, note=reason) if reason.startswith("skipped")
                         else ImportOutcome(path, error=reason))
            continue
        try:
            yield path, read(path)
        except RejectedFile as exc:
            yield path, ImportOutcome(path, error=exc.reason)


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
