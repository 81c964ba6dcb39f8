"""The Repository's queries on the annotation scheme: typed attributes, their values, relations."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from annotator.core.attributes import CHOICE, KINDS, AttributeValueRefused, stored_value
from annotator.core.relation_csv import RelationRow as RelationCsvRow
from annotator.core.relation_csv import SpanKey
from annotator.store.models import (
    AnnotationRow,
    AttributeRow,
    AttributeValueRow,
    DocumentRow,
    LabelRow,
    RelationEndRow,
    RelationRow,
    RelationTypeRow,
)
from annotator.store.values import (
    AnnotationRefused,
    AttributeInfo,
    MergeReport,
    NotFound,
    RelationInfo,
    RelationTypeInfo,
    storable,
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
         .where(AttributeValueRow.annotation_id.in_(annotations))
         .order_by(AttributeValueRow.annotation_id, AttributeRow.position))  # the scheme's order
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
            value = stored_value(attr.kind, attribute_info(attr).choices, storable(name, value))
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

    # -- editing the scheme (Edit → Attributes and links) -----------------------------------
    def add_attribute(self, label_id: int, name: str, kind: str, choices: Sequence[str] = ()) -> AttributeInfo:
        """A new attribute for a label's annotations; a choice needs at least one choice."""
        name = name.strip()
        if not re.fullmatch(r"[^\s,=]{1,100}", name):
            raise ValueError(f"an attribute name is one word without commas or '=': {name!r}")
        if kind not in KINDS:
            raise ValueError(f"an attribute's kind is one of {', '.join(KINDS)}")
        kept = [c.strip() for c in choices if c.strip()] if kind == CHOICE else []
        if kind == CHOICE and not kept:
            raise ValueError("a choice needs at least one choice")
        with self._writing() as s:
            if s.get(LabelRow, label_id) is None:
                raise NotFound(f"label {label_id} no longer exists")
            if s.scalar(select(AttributeRow.id).where(AttributeRow.label_id == label_id,
                                                      AttributeRow.name == name)) is not None:
                raise ValueError(f"this label has an attribute {name!r} already")
            top = s.scalar(select(func.max(AttributeRow.position)).where(AttributeRow.label_id == label_id))
            row = AttributeRow(label_id=label_id, name=name, kind=kind, choices="\n".join(kept),
                               position=(top or 0) + 1)
            s.add(row)
            s.flush()
            return attribute_info(row)

    def delete_attribute(self, attribute_id: int) -> int:
        """Remove an attribute and every value of it; returns how many values went with it."""
        with self._writing() as s:
            row = s.get(AttributeRow, attribute_id)
            if row is None:
                raise NotFound(f"attribute {attribute_id} no longer exists")
            values = s.scalar(select(func.count()).select_from(AttributeValueRow)
                              .where(AttributeValueRow.attribute_id == attribute_id)) or 0
            s.delete(row)
            return values

    def add_relation_type(self, name: str, sources: Iterable[int], targets: Iterable[int],
                          shortcut: str = "", colour: str = "#555555") -> RelationTypeInfo:
        """A new kind of link from annotations of `sources` labels to those of `targets`."""
        name = name.strip()
        if not re.fullmatch(r"\w{1,100}", name):
            raise ValueError(f"a link's name is one word of letters, digits and _: {name!r}")
        sources, targets = sorted(set(sources)), sorted(set(targets))
        if not sources or not targets:
            raise ValueError("a link goes from some label to some label")
        with self._writing() as s:
            if s.scalar(select(RelationTypeRow.id).where(RelationTypeRow.name == name)) is not None:
                raise ValueError(f"a link named {name!r} exists already")
            top = s.scalar(select(func.max(RelationTypeRow.position))) or 0
            row = RelationTypeRow(name=name, shortcut=shortcut, colour=colour, description="", position=top + 1)
            s.add(row)
            s.flush()
            for side, ids in (("from", sources), ("to", targets)):
                for label_id in ids:
                    s.add(RelationEndRow(relation_type_id=row.id, side=side, label_id=label_id))
            s.flush()
            return RelationTypeInfo(id=row.id, name=name, shortcut=shortcut, colour=colour,
                                    sources=frozenset(sources), targets=frozenset(targets),
                                    position=row.position)

    def delete_relation_type(self, type_id: int) -> None:
        """Remove a kind of link no annotation uses; one in use is refused with the count."""
        with self._writing() as s:
            row = s.get(RelationTypeRow, type_id)
            if row is None:
                raise NotFound(f"link type {type_id} no longer exists")
            used = s.scalar(select(func.count()).select_from(RelationRow).where(RelationRow.type_id == type_id))
            if used:
                raise ValueError(f"{used} {row.name} link(s) exist; remove them before the link type")
            s.delete(row)

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

    # -- the relations CSV --------------------------------------------------------------------
    def relation_rows(self, document_ids: Iterable[int] = ()) -> Iterator[RelationCsvRow]:
        """Every relation (or some documents') with both ends named as any database can find them."""
        ids = list(document_ids)
        with self._reading() as s:
            q = (select(RelationRow, RelationTypeRow.name)
                 .join(RelationTypeRow, RelationTypeRow.id == RelationRow.type_id)
                 .join(AnnotationRow, AnnotationRow.id == RelationRow.source_id)
                 .order_by(AnnotationRow.document_id, RelationRow.id))
            if ids:
                q = q.where(AnnotationRow.document_id.in_(ids))
            texts: dict[int, tuple[str, str]] = {}
            for row, name in s.execute(q).all():
                ends = [s.get(AnnotationRow, i) for i in (row.source_id, row.target_id)]
                doc_id = ends[0].document_id if ends[0] else 0
                if doc_id not in texts:
                    d = s.execute(select(DocumentRow.sha256, DocumentRow.text)
                                  .where(DocumentRow.id == doc_id)).one()
                    texts[doc_id] = (d.sha256, d.text)
                sha, text = texts[doc_id]
                keys = [SpanKey(annotation_id=a.id, label=a.label.name, start=a.start, end=a.end,
                                annotator=a.annotator, text=text[a.start:a.end]) for a in ends if a]
                yield RelationCsvRow(relation_id=row.id, type=name, document_id=doc_id,
                                     document_sha256=sha, source=keys[0], target=keys[1],
                                     annotator=row.annotator, created_at=row.created_at)

    def merge_relations(self, rows: Iterable[RelationCsvRow], ids: Mapping[int, int]) -> MergeReport:
        """Add the links of a relations CSV, in one transaction: each end is the annotation the
        annotations file merged with it gave (`ids`), else the one with the same label, offsets
        and annotator in the document with the same SHA-256. A link already there is counted;
        one whose end is missing is skipped with a reason."""
        report = MergeReport()
        with self._writing() as s:
            types = {t.name: t.id for t in s.scalars(select(RelationTypeRow))}
            for row in rows:
                where = f"row {row.line}"
                if row.type not in types:
                    report.missing_document.append(f"{where}: unknown relation type {row.type!r}; skipped")
                    continue
                ends = [self._find_end(s, row, key, ids) for key in (row.source, row.target)]
                if None in ends:
                    report.missing_document.append(f"{where}: an end of this {row.type} link is not in "
                                                   "this database; skipped")
                    continue
                source, target = ends
                assert source is not None and target is not None
                exists = s.scalar(select(RelationRow.id).where(
                    RelationRow.type_id == types[row.type], RelationRow.source_id == source,
                    RelationRow.target_id == target))
                if exists is not None:
                    report.already_present += 1
                    continue
                new_relation(s, types[row.type], source, target, row.annotator, None,
                             row.created_at)
                report.added += 1
        return report

    @staticmethod
    def _find_end(s: Session, row: RelationCsvRow, key: SpanKey, ids: Mapping[int, int]) -> int | None:
        if key.annotation_id is not None and key.annotation_id in ids:
            return ids[key.annotation_id]
        q = (select(AnnotationRow.id).join(LabelRow, LabelRow.id == AnnotationRow.label_id)
             .join(DocumentRow, DocumentRow.id == AnnotationRow.document_id)
             .where(LabelRow.name == key.label, AnnotationRow.start == key.start,
                    AnnotationRow.end == key.end, AnnotationRow.annotator == key.annotator))
        q = q.where(DocumentRow.sha256 == row.document_sha256) if row.document_sha256 \
            else q.where(DocumentRow.id == row.document_id)
        return s.scalar(q)
