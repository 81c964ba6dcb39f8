"""SQLAlchemy 2 typed ORM tables: documents, labels, annotations, attributes, relations, with their constraints."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from annotator.store.values import utc_now


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, always hands back aware UTC datetimes (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "document"
    __table_args__ = (CheckConstraint("length >= 0", name="document_length_nonnegative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text, deferred=True)  # loaded only when asked for
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    length: Mapped[int] = mapped_column(Integer)  # code points, for the range constraint
    encoding: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(1000), default="")  # the file's name
    # Where the article came from (core.provenance.Provenance); "" where unknown.
    outlet: Mapped[str] = mapped_column(String(1000), default="")
    url: Mapped[str] = mapped_column(String(4000), default="")
    published: Mapped[str] = mapped_column(String(40), default="")  # ISO 8601 date or time
    author: Mapped[str] = mapped_column(String(1000), default="")
    file_format: Mapped[str] = mapped_column(String(20), default="")
    external_id: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    annotations: Mapped[list[AnnotationRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True)


class DoneMarkRow(Base):
    """An analyst has finished a document (each analyst marks their own)."""

    __tablename__ = "done_mark"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    annotator: Mapped[str] = mapped_column(String(200), primary_key=True)
    done_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class OptionRow(Base):
    """One of the database's own options (name -> value), shared by everyone who opens it."""

    __tablename__ = "database_option"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LabelRow(Base):
    __tablename__ = "label"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    colour: Mapped[str] = mapped_column(String(9))  # "#rrggbb"
    shortcut: Mapped[str] = mapped_column(String(20), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class AnnotationRow(Base):
    __tablename__ = "annotation"
    __table_args__ = (
        CheckConstraint('"start" >= 0', name="annotation_start_nonnegative"),
        CheckConstraint('"end" > "start"', name="annotation_not_empty"),
        UniqueConstraint("document_id", "label_id", "start", "end", "annotator",
                         name="annotation_unique_span"),
        Index("ix_annotation_document_start", "document_id", "start"),
        {"sqlite_autoincrement": True},  # an id is never given to a second annotation
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    label_id: Mapped[int] = mapped_column(ForeignKey("label.id", ondelete="RESTRICT"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    annotator: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    document: Mapped[DocumentRow] = relationship(back_populates="annotations")
    label: Mapped[LabelRow] = relationship()


class SetAsideRow(Base):
    """A reviewer left this annotation out of the gold layer on purpose (Review's «neither»):
    a difference whose every version is set aside, or taken into gold, is settled."""

    __tablename__ = "set_aside"

    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), primary_key=True)
    reviewer: Mapped[str] = mapped_column(String(200), default="")
    set_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class AttributeRow(Base):
    __tablename__ = "attribute"
    __table_args__ = (
        UniqueConstraint("label_id", "name", name="attribute_unique_name"),
        CheckConstraint("kind IN ('choice', 'yes/no', 'text', 'number', 'date')",
                        name="attribute_known_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label_id: Mapped[int] = mapped_column(ForeignKey("label.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    choices: Mapped[str] = mapped_column(Text, default="")  # one per line, for kind "choice"
    position: Mapped[int] = mapped_column(Integer, default=0)


class AttributeValueRow(Base):
    __tablename__ = "attribute_value"

    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), primary_key=True)
    attribute_id: Mapped[int] = mapped_column(
        ForeignKey("attribute.id", ondelete="CASCADE"), primary_key=True, index=True)
    value: Mapped[str] = mapped_column(Text)


class RelationTypeRow(Base):
    __tablename__ = "relation_type"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    shortcut: Mapped[str] = mapped_column(String(20), default="")
    colour: Mapped[str] = mapped_column(String(9))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class RelationEndRow(Base):
    """A label allowed at one end (`from` or `to`) of a relation type."""

    __tablename__ = "relation_end"
    __table_args__ = (CheckConstraint("side IN ('from', 'to')", name="relation_end_side"),)

    relation_type_id: Mapped[int] = mapped_column(
        ForeignKey("relation_type.id", ondelete="CASCADE"), primary_key=True)
    side: Mapped[str] = mapped_column(String(4), primary_key=True)
    label_id: Mapped[int] = mapped_column(ForeignKey("label.id", ondelete="CASCADE"), primary_key=True)


class RelationRow(Base):
    __tablename__ = "relation"
    __table_args__ = (
        UniqueConstraint("type_id", "source_id", "target_id", name="relation_unique"),
        CheckConstraint("source_id <> target_id", name="relation_not_to_itself"),
        {"sqlite_autoincrement": True},  # ids stay stable through undo and never name another
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("relation_type.id", ondelete="RESTRICT"))
    source_id: Mapped[int] = mapped_column(ForeignKey("annotation.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("annotation.id", ondelete="CASCADE"), index=True)
    annotator: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
