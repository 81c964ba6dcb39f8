"""The Repository's queries for a team: each analyst's done marks, the database's own options
(annotating blind), every analyst's spans and links as agreement reads them."""
from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.matching import Link, Unit
from annotator.store.models import (
    AnnotationRow,
    DocumentRow,
    DoneMarkRow,
    LabelRow,
    OptionRow,
    RelationRow,
    RelationTypeRow,
    SetAsideRow,
)
from annotator.store.scheme import attribute_values
from annotator.store.values import NotFound

BLIND = "annotate_blind"  # the option: "yes" shows each analyst only their layer until done


def done_by(s: Session, document_id: int | None = None) -> dict[int, tuple[str, ...]]:
    """document id -> the analysts who marked it done (of one document, if given)."""
    q = select(DoneMarkRow.document_id, DoneMarkRow.annotator).order_by(DoneMarkRow.annotator)
    if document_id is not None:
        q = q.where(DoneMarkRow.document_id == document_id)
    marks: dict[int, list[str]] = {}
    for doc, who in s.execute(q):
        marks.setdefault(doc, []).append(who)
    return {doc: tuple(names) for doc, names in marks.items()}


def blind_option(s: Session) -> bool:
    """Whether the database's analysts annotate blind (read in the caller's transaction)."""
    return s.scalar(select(OptionRow.value).where(OptionRow.name == BLIND)) == "yes"


class TeamQueries:
    """Mixed into the Repository, which supplies the sessions."""

    def _reading(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _writing(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def set_done(self, document_id: int, done: bool, *, annotator: str) -> None:
        """Mark the document done (or not) for this analyst; the others' marks stay as they are."""
        with self._writing() as s:
            if s.get(DocumentRow, document_id) is None:
                raise NotFound(f"document {document_id} no longer exists")
            mark = s.get(DoneMarkRow, (document_id, annotator))
            if done and mark is None:
                s.add(DoneMarkRow(document_id=document_id, annotator=annotator))
            elif not done and mark is not None:
                s.delete(mark)

    def option(self, name: str, default: str = "") -> str:
        """One of the database's own options (shared by everyone who opens it)."""
        with self._reading() as s:
            value = s.scalar(select(OptionRow.value).where(OptionRow.name == name))
            return default if value is None else value

    def set_option(self, name: str, value: str) -> None:
        with self._writing() as s:
            row = s.get(OptionRow, name)
            if row is None:
                s.add(OptionRow(name=name, value=value))
            else:
                row.value = value

    @property
    def blind(self) -> bool:
        """Whether each analyst sees only their own layer of a document until they mark it done."""
        with self._reading() as s:
            return blind_option(s)

    def set_blind(self, on: bool) -> None:
        self.set_option(BLIND, "yes" if on else "no")

    def set_aside(self, document_id: int) -> frozenset[int]:
        """The document's annotations a reviewer left out of the gold layer on purpose."""
        with self._reading() as s:
            return frozenset(s.scalars(
                select(SetAsideRow.annotation_id).join(AnnotationRow, AnnotationRow.id == SetAsideRow.annotation_id)
                .where(AnnotationRow.document_id == document_id)))

    def set_set_aside(self, annotation_ids: Sequence[int], on: bool, *, reviewer: str) -> list[int]:
        """Leave these annotations out of the gold layer on purpose (Review's «neither»), or take
        that back; in one transaction. Returns the ids whose mark changed (an undo takes back
        those alone). Setting aside an annotation deleted meanwhile is refused (NotFound);
        taking it back skips it (its mark went with it)."""
        changed = []
        with self._writing() as s:
            for annotation_id in annotation_ids:
                row = s.get(SetAsideRow, annotation_id)
                if on and row is None:
                    if s.get(AnnotationRow, annotation_id) is None:
                        raise NotFound(f"annotation {annotation_id} no longer exists")
                    s.add(SetAsideRow(annotation_id=annotation_id, reviewer=reviewer))
                    changed.append(annotation_id)
                elif not on and row is not None:
                    s.delete(row)
                    changed.append(annotation_id)
        return changed

    def annotators(self) -> list[str]:
        """Every analyst with an annotation in the database, by name."""
        with self._reading() as s:
            return sorted(s.scalars(select(AnnotationRow.annotator).distinct()))

    def agreement_input(self, annotators: Sequence[str] = (), labels: Sequence[str] = (),
                        document_ids: Sequence[int] = ()) -> tuple[list[Unit], list[Link], dict[int, int]]:
        """The spans (with attributes) and links of these analysts (all by default), on these
        documents and labels, and each document's length. A link counts as its source's analyst's."""
        with self._reading() as s:
            q = (select(AnnotationRow.id, AnnotationRow.annotator, AnnotationRow.document_id, LabelRow.name,
                        AnnotationRow.start, AnnotationRow.end)
                 .join(LabelRow, LabelRow.id == AnnotationRow.label_id))
            if annotators:
                q = q.where(AnnotationRow.annotator.in_(annotators))
            if labels:
                q = q.where(LabelRow.name.in_(labels))
            if document_ids:
                q = q.where(AnnotationRow.document_id.in_(document_ids))
            values = attribute_values(s, q.with_only_columns(AnnotationRow.id))
            none = Unit._field_defaults["attributes"]
            # Plain rows through the connection: a corpus holds hundreds of thousands of spans.
            units = [Unit._make((*r, values.get(r[0], none))) for r in s.connection().execute(q).all()]
            kept = {u.id: u.annotator for u in units}
            links_q = (select(RelationTypeRow.name, RelationRow.source_id, RelationRow.target_id)
                       .join(RelationTypeRow, RelationTypeRow.id == RelationRow.type_id))
            links = [Link(kept[src], name, src, dst) for name, src, dst in s.execute(links_q)
                     if src in kept and dst in kept]
            docs = {u.document_id for u in units}
            lengths = {doc: length for doc, length in s.execute(select(DocumentRow.id, DocumentRow.length))
                       if doc in docs}
            return units, links, lengths
