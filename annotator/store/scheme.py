"""The Repository's queries on the annotation scheme: typed attributes, their values, relations."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from annotator.core.attributes import AttributeValueRefused, stored_value
from annotator.store.models import (
    AnnotationRow,
    AttributeRow,
    AttributeValueRow,
    LabelRow,
    RelationEndRow,
    RelationRow,
    RelationTypeRow,
)
from annotator.store.values import (
    AnnotationRefused,
    AttributeInfo,
    NotFound,
    RelationInfo,
    RelationTypeInfo,
    utc_now,
)


def attribute_info(row: AttributeRow) -> AttributeInfo:
    return AttributeInfo(id=row.id, label_id=row.label_id, name=row.name, kind=row.kind,
                         choices=tuple(c for c in row.choices.split("\n") if c),
                         position=row.position)


def relation_info(row: RelationRow, type_name: str) -> RelationInfo:
    return RelationInfo(id=row.id, type_id=row.type_id, type=type_name, source_id=row.source_id,
                        target_id=row.target_id, annotator=row.annotator, created_at=row.created_at)


def attribute_values(s: Session, annotations: Select[Any]) -> dict[int, dict[str, str]]:
    """annotation id -> {attribute name: value} for the annotations whose ids `annotations` selects."""
    q = (select(AttributeValueRow.annotation_id, AttributeRow.name, AttributeValueRow.value)
         .join(AttributeRow, AttributeRow.id == AttributeValueRow.attribute_id)
         .where(AttributeValueRow.annotation_id.in_(annotations)))
    out: dict[int, dict[str, str]] = {}
    for annotation_id, name, value in s.execute(q):
        out.setdefault(annotation_id, {})[name] = value
    return out


def store_attributes(s: Session, row: AnnotationRow, values: Mapping[str, str]) -> None:
    """Set `values` (name -> value, "" to unset) on `row`, each checked against its attribute."""
    if not values:
        return
    known = {a.name: a for a in s.scalars(select(AttributeRow).where(AttributeRow.label_id == row.label_id))}
    for name, value in values.items():
        attr = known.get(name)
        if attr is None:
            raise AnnotationRefused(f"a {row.label.name} has no attribute {name!r}")
        try:
            value = stored_value(attr.kind, attribute_info(attr).choices, value)
        except AttributeValueRefused as exc:
            raise AnnotationRefused(f"{name}: {exc}") from None
        s.execute(delete(AttributeValueRow).where(AttributeValueRow.annotation_id == row.id,
                                                  AttributeValueRow.attribute_id == attr.id))
        if value:
            s.add(AttributeValueRow(annotation_id=row.id, attribute_id=attr.id, value=value))
    s.flush()


def document_relations(s: Session, document_id: int) -> list[RelationInfo]:
    q = (select(RelationRow, RelationTypeRow.name)
         .join(RelationTypeRow, RelationTypeRow.id == RelationRow.type_id)
         .join(AnnotationRow, AnnotationRow.id == RelationRow.source_id)
         .where(AnnotationRow.document_id == document_id).order_by(RelationRow.id))
    return [relation_info(row, name) for row, name in s.execute(q)]


def relations_touching(s: Session, annotation_id: int) -> list[RelationInfo]:
    q = (select(RelationRow, RelationTypeRow.name)
         .join(RelationTypeRow, RelationTypeRow.id == RelationRow.type_id)
         .where((RelationRow.source_id == annotation_id) | (RelationRow.target_id == annotation_id))
         .order_by(RelationRow.id))
    return [relation_info(row, name) for row, name in s.execute(q)]


def new_relation(s: Session, type_id: int, source_id: int, target_id: int, annotator: str,
                 relation_id: int | None = None, created_at: datetime | None = None) -> RelationInfo:
    kind = s.get(RelationTypeRow, type_id)
    if kind is None:
        raise AnnotationRefused(f"no relation type {type_id}")
    ends = {}
    for side, annotation_id in (("from", source_id), ("to", target_id)):
        a = s.get(AnnotationRow, annotation_id)
        if a is None:
            raise NotFound(f"annotation {annotation_id} no longer exists")
        allowed = set(s.scalars(select(RelationEndRow.label_id).where(
            RelationEndRow.relation_type_id == type_id, RelationEndRow.side == side)))
        if a.label_id not in allowed:
            names = s.scalars(select(LabelRow.name).where(LabelRow.id.in_(allowed))).all()
            raise AnnotationRefused(f"{kind.name} goes {side} a {' or '.join(names)}, "
                                    f"not a {a.label.name}")
        ends[side] = a
    if ends["from"].document_id != ends["to"].document_id:
        raise AnnotationRefused(f"{kind.name} links two annotations of one document")
    if source_id == target_id:
        raise AnnotationRefused(f"{kind.name} cannot link an annotation to itself")
    row = RelationRow(id=relation_id, type_id=type_id, source_id=source_id, target_id=target_id,
                      annotator=annotator, created_at=created_at or utc_now())
    s.add(row)
    name = kind.name
    try:
        s.flush()
    except IntegrityError:
        raise AnnotationRefused(f"that {name} link exists already") from None
    return relation_info(row, name)


class SchemeQueries:
    """Attribute and relation reads and writes; mixed into the Repository, which supplies sessions."""

    def _reading(self) -> AbstractContextManager[Session]:
        raise NotImplementedError  # the Repository's: one short read-only session

    def _writing(self) -> AbstractContextManager[Session]:
        raise NotImplementedError  # the Repository's: one committed transaction

    def attributes(self) -> list[AttributeInfo]:
        """Every label's attributes, in label then attribute order."""
        with self._reading() as s:
            q = select(AttributeRow).join(LabelRow, LabelRow.id == AttributeRow.label_id) \
                .order_by(LabelRow.position, LabelRow.id, AttributeRow.position, AttributeRow.id)
            return [attribute_info(r) for r in s.scalars(q)]

    def relation_types(self) -> list[RelationTypeInfo]:
        with self._reading() as s:
            ends: dict[tuple[int, str], set[int]] = {}
            for type_id, side, label_id in s.execute(select(
                    RelationEndRow.relation_type_id, RelationEndRow.side, RelationEndRow.label_id)):
                ends.setdefault((type_id, side), set()).add(label_id)
            return [RelationTypeInfo(id=r.id, name=r.name, shortcut=r.shortcut, colour=r.colour,
                                     sources=frozenset(ends.get((r.id, "from"), ())),
                                     targets=frozenset(ends.get((r.id, "to"), ())),
                                     position=r.position)
                    for r in s.scalars(select(RelationTypeRow).order_by(RelationTypeRow.position,
                                                                        RelationTypeRow.id))]

    def relations(self, document_id: int) -> list[RelationInfo]:
        """The document's relations, oldest first."""
        with self._reading() as s:
            return document_relations(s, document_id)

    def create_relation(self, type_id: int, source_id: int, target_id: int, annotator: str = "", *,
                        relation_id: int | None = None,
                        created_at: datetime | None = None) -> RelationInfo:
        """Link two annotations of one document; `relation_id` and the time restore a deleted one."""
        with self._writing() as s:
            return new_relation(s, type_id, source_id, target_id, annotator, relation_id, created_at)

    def delete_relation(self, relation_id: int) -> RelationInfo:
        with self._writing() as s:
            row = s.get(RelationRow, relation_id)
            if row is None:
                raise NotFound(f"relation {relation_id} no longer exists")
            name = s.scalar(select(RelationTypeRow.name).where(RelationTypeRow.id == row.type_id))
            info = relation_info(row, name or "")
            s.delete(row)
            return info

    def iter_relations(self, document_ids: Iterable[int] = ()) -> Iterator[tuple[RelationInfo, int]]:
        """(relation, document id) of every relation, or of some documents', in document order."""
        q = (select(RelationRow, RelationTypeRow.name, AnnotationRow.document_id)
             .join(RelationTypeRow, RelationTypeRow.id == RelationRow.type_id)
             .join(AnnotationRow, AnnotationRow.id == RelationRow.source_id)
             .order_by(AnnotationRow.document_id, RelationRow.id))
        ids = list(document_ids)
        if ids:
            q = q.where(AnnotationRow.document_id.in_(ids))
        with self._reading() as s:
            for row, name, document_id in s.execute(q):
                yield relation_info(row, name), document_id
