"""The only place with queries and commits: one short session per call, values out."""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import DateTime, Engine, Select, delete, func, select, text, type_coerce
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, undefer
from sqlalchemy.pool import QueuePool

from annotator.core.csvio import MAX_REPORTED, CsvRow
from annotator.core.provenance import Provenance
from annotator.core.text import Document
from annotator.store import sqlite_hold
from annotator.store.bulk import store_documents
from annotator.store.database import DatabaseRefused, open_database
from annotator.store.exchange import ExchangeQueries
from annotator.store.models import AnnotationRow, AttributeValueRow, DocumentRow, LabelRow, SetAsideRow
from annotator.store.scheme import (
    SchemeQueries,
    attribute_values,
    new_relation,
    relations_touching,
    store_attributes,
)
from annotator.store.sqlite_file import database_errors, without_password
from annotator.store.team import TeamQueries, blind_option, done_by
from annotator.store.values import (
    AnnotationInfo,
    AnnotationRefused,
    DeletedAnnotation,
    DocumentInfo,
    LabelInfo,
    MergeReport,
    NotFound,
    storable,
    utc_now,
)


class _RolledBack(Exception):
    """Raised inside a transaction to undo it whole."""


def _document_info(row: DocumentRow, counts: dict[str, int] | None = None, done_by: tuple[str, ...] = (),
                   analyst: str | None = None) -> DocumentInfo:
    """`row` as a value, done for `analyst` (for anyone, when None)."""
    about = Provenance(outlet=row.outlet, url=row.url, published=row.published, author=row.author,
                       file_format=row.file_format, external_id=row.external_id)
    return DocumentInfo(id=row.id, title=row.title, sha256=row.sha256, length=row.length,
                        encoding=row.encoding, source=row.source, provenance=about,
                        done=bool(done_by) if analyst is None else analyst in done_by,
                        created_at=row.created_at, counts=counts or {}, done_by=done_by)


def _label_info(row: LabelRow) -> LabelInfo:
    return LabelInfo(id=row.id, name=row.name, colour=row.colour, shortcut=row.shortcut,
                     description=row.description, position=row.position)


def _annotation_info(s: Session, row: AnnotationRow, known: bool = False) -> AnnotationInfo:
    """`row` as a value; `known`: it has no attribute values (just made without any)."""
    values = {} if known else attribute_values(s, select(AnnotationRow.id).where(AnnotationRow.id == row.id))
    return AnnotationInfo(id=row.id, document_id=row.document_id, label_id=row.label_id,
                          label=row.label.name, start=row.start, end=row.end, note=row.note,
                          annotator=row.annotator, created_at=row.created_at,
                          updated_at=row.updated_at, attributes=values.get(row.id, {}))


def _only(q: Select[Any], document_ids: Sequence[int], labels: Sequence[str],
          annotators: Sequence[str] = ()) -> Select[Any]:
    """Restrict an annotation query (joined to its label) to some documents, label names and analysts."""
    if document_ids:
        q = q.where(AnnotationRow.document_id.in_(list(document_ids)))
    if labels:
        q = q.where(LabelRow.name.in_(list(labels)))
    if annotators:
        q = q.where(AnnotationRow.annotator.in_(list(annotators)))
    return q


def _annotations(s: Session, document_id: int, start_from: int, start_before: int | None,
                 annotators: Collection[str] | None = None) -> list[AnnotationInfo]:
    # Plain rows, not ORM objects: a document may hold tens of thousands.
    q = (select(AnnotationRow.id, AnnotationRow.document_id, AnnotationRow.label_id,
                LabelRow.name.label("label"), AnnotationRow.start, AnnotationRow.end,
                AnnotationRow.note, AnnotationRow.annotator, AnnotationRow.created_at,
                AnnotationRow.updated_at)
         .join(LabelRow).where(AnnotationRow.document_id == document_id)
         .order_by(AnnotationRow.start, AnnotationRow.end, AnnotationRow.id))
    ids = select(AnnotationRow.id).where(AnnotationRow.document_id == document_id)
    if start_from:
        q, ids = q.where(AnnotationRow.start >= start_from), ids.where(AnnotationRow.start >= start_from)
    if start_before is not None:
        q, ids = q.where(AnnotationRow.start < start_before), ids.where(AnnotationRow.start < start_before)
    if annotators is not None:  # some analysts' layers only
        q, ids = q.where(AnnotationRow.annotator.in_(annotators)), ids.where(AnnotationRow.annotator.in_(annotators))
    values = attribute_values(s, ids)
    # By name: a field added to AnnotationInfo cannot silently take another column's value.
    return [AnnotationInfo(**row._mapping, attributes=values.get(row.id, {})) for row in s.execute(q)]


class Opened(NamedTuple):
    """A document as the window opens it (`Repository.open_document`)."""

    info: DocumentInfo
    text: str
    first_annotations: list[AnnotationInfo]
    blind: bool  # the team annotates blind (the database's option, read with the rest)


# The PostgreSQL advisory lock every writing transaction takes (any number, fixed for the program).
WRITER_LOCK_KEY = 0x616E6E6F  # "anno"


class Repository(SchemeQueries, ExchangeQueries, TeamQueries):
    """Documents, labels, annotations and their attributes and relations (store/scheme.py) of one
    database. Every change commits before returning."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._one_writer_lock = engine.dialect.name == "postgresql"
        # Told, in one line, when SQLite's hold on the file was lost and has been taken again.
        self.on_hold_regained: Callable[[str], None] | None = None
        path = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
        self.database_file = Path(path) if path and path != ":memory:" else None
        self._where = str(self.database_file) if self.database_file else self.url
        self._watch_hold = True
        self._file_id = (sqlite_hold.register(self.database_file, engine.dispose)
                         if self.database_file is not None else None)

    @classmethod
    def open(cls, db: str | Path) -> Repository:
        return cls(open_database(db))

    @property
    def url(self) -> str:
        return without_password(self.engine.url.render_as_string(hide_password=False))

    def close(self) -> None:
        sqlite_hold.unregister(self._file_id, self.engine.dispose)
        self._file_id = None
        self.engine.dispose()

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """A short read-only session; a driver error (locked, I/O) becomes DatabaseRefused."""
        with database_errors(self._where):
            self.keep_hold()
            with Session(self.engine, expire_on_commit=False) as s:
                yield s

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One transaction, committed when the block ends (writers take the lock up front)."""
        with database_errors(self._where):
            self.keep_hold()
            with Session(self._writer, expire_on_commit=False) as s, s.begin():
                if self._one_writer_lock:
                    # One writer at a time, as SQLite's BEGIN IMMEDIATE gives: two analysts merging
                    # the same file add it once, and no write meets a deadlock or a serialisation
                    # failure. Each write is one short transaction, so the wait is short too.
                    s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
                yield s

    def is_own_file(self, path: str | Path) -> bool:
        """Whether `path` is this database's file or one SQLite keeps beside it (never to touch)."""
        return self.database_file is not None and sqlite_hold.is_own_file(Path(path), self.database_file)

    def keep_hold(self) -> None:
        """Before a transaction: if SQLite's locks on the file were lost, reconnect first.

        Reads count too: a connection that lost its hold may read a WAL another process has
        since deleted. Raises DatabaseRefused if the file itself was moved or replaced.
        """
        db, key, pool = self.database_file, self._file_id, self.engine.pool
        if db is None or key is None or not isinstance(pool, QueuePool) \
                or pool.checkedout() or not pool.checkedin():
            return  # no idle connection: no lock to lose (or one in use, not ours to close)
        if sqlite_hold.file_id(db) != key:
            raise DatabaseRefused(str(db), "the database file was moved, replaced or deleted "
                                           "while open; open it again from where it is now")
        if not self._watch_hold or sqlite_hold.hold_lost(db) is not True:
            return
        sqlite_hold.let_go_everywhere(key)  # SQLite forgets a lost lock only when all close
        with self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").all()
        if sqlite_hold.hold_lost(db):
            self._watch_hold = False  # this file system does not list locks as read here
            return
        if self.on_hold_regained is not None:
            self.on_hold_regained(f"{db.name}: the database's files were opened outside SQLite "
                                  "and its locks were lost; reconnected, nothing is lost")

    # -- documents ---------------------------------------------------------------------
    def add_document(self, doc: Document) -> tuple[DocumentInfo, bool]:
        """Store `doc` unless the same text is already there; returns (document, created)."""
        return self.add_documents([doc])[0]

    def add_documents(self, docs: Sequence[Document]) -> list[tuple[DocumentInfo, bool]]:
        """`add_document` for several documents in one transaction (a folder imported in batches)."""
        with self._writing() as s:
            # The document table has one writer, shared with the SQLAlchemy-free import.
            return store_documents(s.connection().connection.dbapi_connection, docs)

    def documents(self, analyst: str | None = None) -> list[DocumentInfo]:
        """All documents in import order, each with its annotation count per label, done for
        `analyst` (for anyone when None)."""
        with self._reading() as s:
            names = {label_id: name for label_id, name in
                     s.execute(select(LabelRow.id, LabelRow.name))}
            counts: dict[int, dict[str, int]] = {}
            # Grouped by label id, without the join: SQLite counts from the covering unique
            # index alone, five times faster on a corpus of a million annotations.
            for doc_id, label_id, n in s.execute(
                    select(AnnotationRow.document_id, AnnotationRow.label_id, func.count())
                    .group_by(AnnotationRow.document_id, AnnotationRow.label_id)):
                counts.setdefault(doc_id, {})[names[label_id]] = n
            rows = s.scalars(select(DocumentRow).order_by(DocumentRow.id)).all()
            marks = done_by(s)
            return [_document_info(r, counts.get(r.id), marks.get(r.id, ()), analyst) for r in rows]

    def document(self, document_id: int, analyst: str | None = None) -> DocumentInfo | None:
        """The document's facts, done for `analyst` (for anyone when None)."""
        with self._reading() as s:
            row = s.get(DocumentRow, document_id)
            return _document_info(row, None, done_by(s, document_id).get(document_id, ()), analyst) if row else None

    def document_text(self, document_id: int) -> str:
        with self._reading() as s:
            text = s.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id))
            if text is None:
                raise NotFound(f"document {document_id} no longer exists")
            return text

    def document_id_by_sha256(self, sha256: str) -> int | None:
        with self._reading() as s:
            return s.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256))

    def count_documents(self) -> int:
        with self._reading() as s:
            return s.scalar(select(func.count()).select_from(DocumentRow)) or 0

    # -- labels ------------------------------------------------------------------------
    def labels(self) -> list[LabelInfo]:
        with self._reading() as s:
            return [_label_info(r) for r in
                    s.scalars(select(LabelRow).order_by(LabelRow.position, LabelRow.id))]

    def add_label(self, name: str, colour: str, shortcut: str = "", description: str = "") -> LabelInfo:
        name = name.strip()
        if not name:
            raise ValueError("a label needs a name")
        with self._writing() as s:
            if s.scalar(select(LabelRow.id).where(LabelRow.name == name)) is not None:
                raise ValueError(f"a label named {name!r} exists already")
            position = (s.scalar(select(func.max(LabelRow.position))) or 0) + 1
            row = LabelRow(name=name, colour=colour, shortcut=shortcut,
                           description=description, position=position)
            s.add(row)
            s.flush()
            return _label_info(row)

    def update_label(self, label_id: int, *, name: str | None = None, colour: str | None = None,
                     shortcut: str | None = None, description: str | None = None) -> LabelInfo:
        with self._writing() as s:
            row = s.get(LabelRow, label_id)
            if row is None:
                raise NotFound(f"label {label_id} no longer exists")
            if name is not None:
                name = name.strip()
                clash = s.scalar(select(LabelRow.id).where(LabelRow.name == name,
                                                           LabelRow.id != label_id))
                if not name or clash is not None:
                    raise ValueError(f"label name {name!r} is empty or taken")
                row.name = name
            if colour is not None:
                row.colour = colour
            if shortcut is not None:
                row.shortcut = shortcut
            if description is not None:
                row.description = description
            s.flush()
            return _label_info(row)

    # -- annotations -------------------------------------------------------------------
    def annotations(self, document_id: int, start_from: int = 0, start_before: int | None = None,
                    annotators: Collection[str] | None = None) -> list[AnnotationInfo]:
        """The document's annotations in text order (of these analysts only, if given); the
        window loads a first screenful first."""
        with self._reading() as s:
            return _annotations(s, document_id, start_from, start_before, annotators)

    def made_since(self, annotator: str, since: datetime) -> dict[int, datetime]:
        """Id → creation time of each annotation `annotator` made at or after `since` (still stored)."""
        with self._reading() as s:
            rows = s.execute(select(AnnotationRow.id, AnnotationRow.created_at).where(
                AnnotationRow.annotator == annotator, AnnotationRow.created_at >= since))
            return {row.id: row.created_at for row in rows}

    def open_document(self, document_id: int, start_before: int | None = None,
                      annotators: Collection[str] | None = None,
                      analyst: str | None = None) -> Opened | None:
        """What the window shows on opening, read in one transaction (so it all agrees): the
        document's facts (done for `analyst`), its text, the annotations (of `annotators`, if
        given) starting before `start_before`, and whether the team annotates blind (then,
        until the document is done for `analyst`, their annotations alone). None: no such id."""
        with self._reading() as s:
            # The text is deferred on the mapping; here it is wanted, in the same query.
            row = s.get(DocumentRow, document_id, options=[undefer(DocumentRow.text)])
            if row is None:
                return None
            info = _document_info(row, None, done_by(s, document_id).get(document_id, ()), analyst)
            blind = blind_option(s)
            if blind and analyst is not None and not info.done:
                annotators = {analyst}
            return Opened(info, row.text, _annotations(s, document_id, 0, start_before, annotators), blind)

    def annotation(self, annotation_id: int) -> AnnotationInfo | None:
        with self._reading() as s:
            row = s.get(AnnotationRow, annotation_id)
            return _annotation_info(s, row) if row else None

    def count_annotations(self, document_id: int | None = None) -> int:
        with self._reading() as s:
            q = select(func.count()).select_from(AnnotationRow)
            if document_id is not None:
                q = q.where(AnnotationRow.document_id == document_id)
            return s.scalar(q) or 0

    def annotations_fingerprint(self, document_id: int, annotators: Collection[str] | None = None
                                ) -> tuple[int, int, datetime | None]:
        """(count, highest id, latest change) of a document's annotations (of these analysts
        only, if given); see AnnotationModel."""
        with self._reading() as s:
            q = (select(func.count(), func.coalesce(func.max(AnnotationRow.id), 0), func.max(AnnotationRow.updated_at))
                 .where(AnnotationRow.document_id == document_id))
            if annotators is not None:
                q = q.where(AnnotationRow.annotator.in_(annotators))
            count, top, latest = s.execute(q).one()
            return count, top, latest

    def create_annotation(self, document_id: int, label_id: int, start: int, end: int,
                          note: str = "", annotator: str = "", *, annotation_id: int | None = None,
                          created_at: datetime | None = None, updated_at: datetime | None = None,
                          attributes: Mapping[str, str] | None = None) -> AnnotationInfo:
        """Store one annotation; `annotation_id` and the times restore a deleted one exactly."""
        with self._writing() as s:
            row = self._new_annotation(s, document_id, label_id, start, end, note, annotator,
                                       annotation_id, created_at, updated_at)
            store_attributes(s, row, attributes or {})
            return _annotation_info(s, row, known=not attributes)

    def restore_annotation(self, deleted: DeletedAnnotation) -> DeletedAnnotation:
        """Bring back what `delete_annotation` took, with the same ids: the annotation, its
        attributes and the relations whose other end is still there."""
        a = deleted.annotation
        with self._writing() as s:
            row = self._new_annotation(s, a.document_id, a.label_id, a.start, a.end, a.note,
                                       a.annotator, a.id, a.created_at, a.updated_at)
            store_attributes(s, row, a.attributes)
            back = [new_relation(s, r.type_id, r.source_id, r.target_id, r.annotator, r.id,
                                 r.created_at)
                    for r in deleted.relations
                    if s.get(AnnotationRow, r.target_id if r.source_id == a.id else r.source_id)]
            if deleted.set_aside is not None:
                s.add(SetAsideRow(annotation_id=row.id, reviewer=deleted.set_aside))
            return DeletedAnnotation(annotation=_annotation_info(s, row), relations=tuple(back),
                                     set_aside=deleted.set_aside)

    def _new_annotation(self, s: Session, document_id: int, label_id: int, start: int, end: int,
                        note: str, annotator: str, annotation_id: int | None,
                        created_at: datetime | None, updated_at: datetime | None) -> AnnotationRow:
        length = s.scalar(select(DocumentRow.length).where(DocumentRow.id == document_id))
        if length is None:
            raise AnnotationRefused(f"no document {document_id}")
        if not 0 <= start < end <= length:
            raise AnnotationRefused(f"range {start}-{end} is empty or outside the document "
                                    f"(0-{length})")
        label = s.get(LabelRow, label_id)
        if label is None:
            raise AnnotationRefused(f"no label {label_id}")
        now = utc_now()
        row = AnnotationRow(id=annotation_id, document_id=document_id, label=label, start=start,
                            end=end, note=storable("note", note),
                            annotator=storable("annotator", annotator),
                            created_at=created_at or now, updated_at=updated_at or created_at or now)
        s.add(row)
        name = label.name  # a failed flush expires the objects; read the name before it
        try:
            s.flush()
        except IntegrityError:
            raise AnnotationRefused(f"{name} {start}-{end} is already tagged") from None
        return row

    def delete_annotation(self, annotation_id: int) -> DeletedAnnotation:
        """Delete an annotation with its attributes and relations; returns all of it, so that
        `restore_annotation` (an undo) brings it back exactly."""
        with self._writing() as s:
            row = s.get(AnnotationRow, annotation_id)
            if row is None:
                raise NotFound(f"annotation {annotation_id} no longer exists")
            aside = s.get(SetAsideRow, annotation_id)
            deleted = DeletedAnnotation(annotation=_annotation_info(s, row),
                                        relations=tuple(relations_touching(s, annotation_id)),
                                        set_aside=aside.reviewer if aside is not None else None)
            s.delete(row)
            return deleted

    def update_annotation(self, annotation_id: int, *, label_id: int | None = None,
                          note: str | None = None, attributes: Mapping[str, str] | None = None,
                          span: tuple[int, int] | None = None,
                          updated_at: datetime | None = None) -> AnnotationInfo:
        """Change label, note, attributes (name -> value, "" unsets) and/or the span's offsets,
        keeping its id and links; `updated_at` lets an undo put the previous time back.

        A new label keeps the attributes it has by the same name (a claim's certainty stays an
        accusation's) and drops the others; a label its relations do not allow is refused.
        """
        with self._writing() as s:
            row = s.get(AnnotationRow, annotation_id)
            if row is None:
                raise NotFound(f"annotation {annotation_id} no longer exists")
            if label_id is not None and label_id != row.label_id:
                kept = self._relabel(s, row, label_id)
                attributes = {**kept, **(attributes or {})}
            if note is not None:
                row.note = storable("note", note)
            if span is not None:
                length = s.scalar(select(DocumentRow.length).where(DocumentRow.id == row.document_id)) or 0
                if not 0 <= span[0] < span[1] <= length:
                    raise AnnotationRefused(f"range {span[0]}-{span[1]} is empty or outside the document "
                                            f"(0-{length})")
                row.start, row.end = span
            row.updated_at = updated_at or utc_now()
            try:
                s.flush()
            except IntegrityError:
                raise AnnotationRefused("that span already has this label") from None
            store_attributes(s, row, attributes or {})
            return _annotation_info(s, row)

    def _relabel(self, s: Session, row: AnnotationRow, label_id: int) -> dict[str, str]:
        """Give `row` label `label_id`; returns the attribute values it keeps under the new label."""
        label = s.get(LabelRow, label_id)
        if label is None:
            raise AnnotationRefused(f"no label {label_id}")
        for r in relations_touching(s, row.id):
            side = "from" if r.source_id == row.id else "to"
            allowed = next(t for t in self.relation_types() if t.id == r.type_id)
            if label_id not in (allowed.sources if side == "from" else allowed.targets):
                raise AnnotationRefused(f"its {r.type} link cannot {side} a {label.name}; "
                                        "remove the link first")
        old = _annotation_info(s, row).attributes
        own = {a.name for a in self.attributes() if a.label_id == label_id}
        row.label = label
        try:
            s.flush()
        except IntegrityError:
            raise AnnotationRefused("that span already has this label") from None
        s.execute(delete(AttributeValueRow).where(AttributeValueRow.annotation_id == row.id))
        return {name: value for name, value in old.items() if name in own}

    # -- CSV ---------------------------------------------------------------------------
    def count_export_rows(self, document_ids: Sequence[int] = (), labels: Sequence[str] = (),
                          annotators: Sequence[str] = ()) -> int:
        """How many rows `export_rows` with the same filters will give (for a progress bar)."""
        q = _only(select(func.count()).select_from(AnnotationRow).join(LabelRow),
                  document_ids, labels, annotators)
        with self._reading() as s:
            return s.scalar(q) or 0

    def export_rows(self, document_ids: Sequence[int] = (), labels: Sequence[str] = (),
                    batch: int = 2000, attributes: bool = False,
                    annotators: Sequence[str] = ()) -> Iterator[CsvRow]:
        """Stream every matching annotation as a CSV row, one document's text in memory at a time
        (and, with `attributes`, one document's attribute values)."""
        # Times as the naive UTC values stored: attaching a zone to millions of them only to
        # format them again costs a third of an export.
        q = (select(AnnotationRow.id, AnnotationRow.document_id, LabelRow.name, AnnotationRow.start,
                    AnnotationRow.end, AnnotationRow.note, AnnotationRow.annotator,
                    type_coerce(AnnotationRow.created_at, DateTime),
                    type_coerce(AnnotationRow.updated_at, DateTime))
             .join(LabelRow)
             .order_by(AnnotationRow.document_id, AnnotationRow.start, AnnotationRow.end,
                       AnnotationRow.id))
        q = _only(q, document_ids, labels, annotators)
        with self._reading() as s:
            current: Any = None
            values: dict[int, dict[str, str]] = {}
            for (ann_id, doc_id, label, start, end, note, annotator, created,
                 updated) in s.execute(q.execution_options(yield_per=batch)):
                if current is None or current.id != doc_id:
                    current = s.execute(
                        select(DocumentRow.id, DocumentRow.title, DocumentRow.sha256,
                               DocumentRow.text, DocumentRow.outlet, DocumentRow.url,
                               DocumentRow.published).where(DocumentRow.id == doc_id)).one()
                    if attributes:
                        values = attribute_values(s, select(AnnotationRow.id).where(
                            AnnotationRow.document_id == doc_id))
                yield CsvRow(doc_id, current.title, current.sha256, ann_id, label, start, end,
                             current.text[start:end], note, annotator, created, updated,
                             attributes=values.get(ann_id, {}), document_source=current.outlet,
                             document_url=current.url, document_published=current.published)

    def attribute_names(self) -> list[str]:
        """Every attribute name once, in label then attribute order: the export's attr_ columns."""
        return list(dict.fromkeys(a.name for a in self.attributes()))

    def merge_annotations(self, rows: Iterable[CsvRow], skip_bad: bool = False) -> MergeReport:
        """Add CSV rows to the documents with the same SHA-256, in one transaction.

        Rows whose document is not here are skipped with a line each. A row whose label is
        unknown or whose text differs from the document's is refused: then nothing is added,
        unless `skip_bad`, which adds the good rows and reports the bad.
        """
        report = MergeReport()
        try:
            self._merge(rows, skip_bad, report)
        except _RolledBack:
            report.added = 0
        return report

    def _merge(self, rows: Iterable[CsvRow], skip_bad: bool, report: MergeReport) -> None:
        with self._writing() as s:
            labels = {r.name: r.id for r in s.scalars(select(LabelRow))}
            now = utc_now()  # blank times in a file written by a script
            docs: dict[str | int, tuple[int, str] | None] = {}
            for n, row in enumerate(rows, start=1):
                where = f"row {row.line or n}" + (f" (annotation {row.annotation_id})"
                                                   if row.annotation_id is not None else "")
                # The SHA-256 names the document in any database; an id only in this one.
                key: str | int = row.document_sha256 or (row.document_id or 0)
                if key not in docs:
                    match = (DocumentRow.sha256 == row.document_sha256 if row.document_sha256
                             else DocumentRow.id == row.document_id)
                    d = s.execute(select(DocumentRow.id, DocumentRow.text).where(match)).first()
                    docs[key] = (d.id, d.text) if d else None
                doc = docs[key]
                if doc is None:
                    named = (f"{row.document_sha256[:12]}…" if row.document_sha256
                             else f"id {row.document_id}")
                    report.missing_document.append(
                        f"{where}: document {row.document_title!r} ({named}) "
                        "is not in this database; skipped")
                    continue
                doc_id, text = doc
                problem = None
                if row.label not in labels:
                    problem = f"unknown label {row.label!r}"
                elif not 0 <= row.start < row.end <= len(text):
                    problem = f"offsets {row.start}-{row.end} outside the document (0-{len(text)})"
                elif text[row.start:row.end] != row.text:
                    problem = f"text does not match the document at {row.start}-{row.end}"
                if problem is None:
                    exists = s.scalar(select(AnnotationRow.id).where(
                        AnnotationRow.document_id == doc_id,
                        AnnotationRow.label_id == labels[row.label],
                        AnnotationRow.start == row.start, AnnotationRow.end == row.end,
                        AnnotationRow.annotator == row.annotator))
                    if exists is not None:
                        report.already_present += 1
                        if row.annotation_id is not None:
                            report.ids[row.annotation_id] = exists
                        continue
                    added = AnnotationRow(document_id=doc_id, label_id=labels[row.label],
                                          start=row.start, end=row.end, note=row.note,
                                          annotator=row.annotator,
                                          created_at=row.created_at or now,
                                          updated_at=row.updated_at or row.created_at or now)
                    s.add(added)
                    s.flush()
                    try:
                        with s.begin_nested():
                            store_attributes(s, added, row.attributes)
                    except AnnotationRefused as exc:
                        problem = str(exc)
                        s.delete(added)
                        s.flush()
                    else:
                        report.added += 1
                        if row.annotation_id is not None:
                            report.ids[row.annotation_id] = added.id
                        continue
                report.refused_count += 1
                if len(report.refused) < MAX_REPORTED:
                    report.refused.append(f"{where}: {problem}")
            if report.refused_count and not skip_bad:
                raise _RolledBack
