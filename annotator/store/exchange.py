"""The Repository's side of the JSON Lines exchange: documents out with their spans and links,
and back in (the document too when it is missing), in one transaction."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.csvio import MAX_REPORTED
from annotator.core.jsonl import DocumentLine, Link, Span
from annotator.core.provenance import Provenance
from annotator.core.text import Document
from annotator.store.bulk import store_documents
from annotator.store.models import AnnotationRow, DocumentRow, LabelRow, RelationRow, RelationTypeRow
from annotator.store.scheme import attribute_values, document_relations, new_relation, store_attributes
from annotator.store.values import AnnotationRefused, MergeReport, NotFound, utc_now


class _Refused(Exception):
    """The merge found refusals and is to be rolled back whole."""


class ExchangeQueries:
    """Mixed into the Repository, which supplies the sessions."""

    def _reading(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _writing(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def document_lines(self, document_ids: Sequence[int] = (),
                       labels: Sequence[str] = ()) -> Iterator[DocumentLine]:
        """Every document (or some) with its annotations (or those of some labels) and the links
        between them, one document's text in memory at a time."""
        with self._reading() as s:
            q = select(DocumentRow.id).order_by(DocumentRow.id)
            if document_ids:
                q = q.where(DocumentRow.id.in_(list(document_ids)))
            for doc_id in list(s.scalars(q)):
                d = s.execute(select(DocumentRow.title, DocumentRow.text, DocumentRow.encoding,
                                     DocumentRow.source, DocumentRow.outlet, DocumentRow.url,
                                     DocumentRow.published, DocumentRow.author,
                                     DocumentRow.file_format, DocumentRow.external_id)
                              .where(DocumentRow.id == doc_id)).one()
                rows = [(a, name) for a, name in s.execute(
                    select(AnnotationRow, LabelRow.name).join(LabelRow)
                    .where(AnnotationRow.document_id == doc_id)
                    .order_by(AnnotationRow.start, AnnotationRow.end, AnnotationRow.id))
                    if not labels or name in labels]
                values = attribute_values(s, select(AnnotationRow.id).where(AnnotationRow.document_id == doc_id))
                spans = tuple(Span(id=a.id, label=name, start=a.start, end=a.end, note=a.note,
                                   annotator=a.annotator, created_at=a.created_at, updated_at=a.updated_at,
                                   attributes=values.get(a.id, {})) for a, name in rows)
                kept = {x.id for x in spans}
                links = tuple(Link(id=r.id, type=r.type, source=r.source_id, target=r.target_id,
                                   annotator=r.annotator, created_at=r.created_at)
                              for r in document_relations(s, doc_id)
                              if r.source_id in kept and r.target_id in kept)
                about = Provenance(outlet=d.outlet, url=d.url, published=d.published, author=d.author,
                                   file_format=d.file_format, external_id=d.external_id)
                yield DocumentLine(title=d.title, text=d.text, id=doc_id, encoding=d.encoding,
                                   source=d.source, provenance=about, spans=spans, links=links)

    def merge_document_lines(self, docs: Iterable[DocumentLine], skip_bad: bool = False) -> MergeReport:
        """Merge documents with their spans and links, in one transaction. A document not here is
        added (its text is in the line); spans and links already here are counted, not doubled.
        A span with an unknown label or a value its attribute refuses, or a link of an unknown
        type, is refused with its line: then nothing is merged, unless `skip_bad`."""
        report = MergeReport()
        try:
            with self._writing() as s:
                labels = {r.name: r.id for r in s.scalars(select(LabelRow))}
                types = {r.name: r.id for r in s.scalars(select(RelationTypeRow))}
                for doc in docs:
                    self._merge_line(s, doc, labels, types, report)
                if report.refused_count and not skip_bad:
                    raise _Refused
        except _Refused:
            report.added = report.already_present = report.documents_added = report.links_added = 0
        return report

    def _merge_line(self, s: Session, doc: DocumentLine, labels: dict[str, int], types: dict[str, int],
                    report: MergeReport) -> None:
        raw = s.connection().connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection), "the document writer speaks SQLite"
        # A document already here keeps its title and metadata; a new one takes the line's.
        [(info, created)] = store_documents(raw, [Document(doc.title, doc.text, doc.encoding, doc.source,
                                                           doc.provenance)])
        report.documents_added += created
        where = f"line {doc.line}"
        now, ids = utc_now(), {}
        for span in doc.spans:
            if span.label not in labels:
                self._refuse(report, f"{where}: annotation {span.id}: unknown label {span.label!r}")
                continue
            exists = s.scalar(select(AnnotationRow.id).where(
                AnnotationRow.document_id == info.id, AnnotationRow.label_id == labels[span.label],
                AnnotationRow.start == span.start, AnnotationRow.end == span.end,
                AnnotationRow.annotator == span.annotator))
            if exists is not None:
                report.already_present += 1
            else:
                row = AnnotationRow(document_id=info.id, label_id=labels[span.label], start=span.start,
                                    end=span.end, note=span.note, annotator=span.annotator,
                                    created_at=span.created_at or now,
                                    updated_at=span.updated_at or span.created_at or now)
                s.add(row)
                s.flush()
                try:
                    with s.begin_nested():
                        store_attributes(s, row, span.attributes)
                except AnnotationRefused as exc:
                    s.delete(row)
                    s.flush()
                    self._refuse(report, f"{where}: annotation {span.id}: {exc}")
                    continue
                exists = row.id
                report.added += 1
            if span.id is not None:
                ids[span.id] = exists
        for link in doc.links:
            if link.type not in types:
                self._refuse(report, f"{where}: relation {link.id}: unknown relation type {link.type!r}")
                continue
            if link.source not in ids or link.target not in ids:
                continue  # an end was refused: said once, above
            source, target = ids[link.source], ids[link.target]
            if s.scalar(select(RelationRow.id).where(RelationRow.type_id == types[link.type],
                                                     RelationRow.source_id == source,
                                                     RelationRow.target_id == target)) is not None:
                report.links_present += 1
                continue
            try:
                with s.begin_nested():
                    new_relation(s, types[link.type], source, target, link.annotator, None, link.created_at)
            except (AnnotationRefused, NotFound) as exc:
                self._refuse(report, f"{where}: relation {link.id}: {exc}")
                continue
            report.links_added += 1

    @staticmethod
    def _refuse(report: MergeReport, line: str) -> None:
        report.refused_count += 1
        if len(report.refused) < MAX_REPORTED:
            report.refused.append(line)
