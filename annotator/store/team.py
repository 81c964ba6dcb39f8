"""The Repository's queries for a team: every analyst's spans and links, as agreement reads them."""
from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.matching import Link, Unit
from annotator.store.models import AnnotationRow, DocumentRow, LabelRow, RelationRow, RelationTypeRow
from annotator.store.scheme import attribute_values


class TeamQueries:
    """Mixed into the Repository, which supplies the sessions."""

    def _reading(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

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
