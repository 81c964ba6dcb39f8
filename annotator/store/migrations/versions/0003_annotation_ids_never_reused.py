"""Annotation ids are never reused (SQLite AUTOINCREMENT).

Without it SQLite hands a new row the highest id plus one, so deleting the newest annotation
and tagging again reused its id: another window's undo step, or a CSV row from an earlier
export, could then name a different annotation.

Revision ID: 0003_annotation_ids_never_reused
Revises: 0002_done_unique_range
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_annotation_ids_never_reused"
down_revision = "0002_done_unique_range"
branch_labels = None
depends_on = None

# The range triggers of 0002 (a migration is a frozen snapshot, so they are spelled out
# here again): the table copy below drops them.
_RANGE_CHECK = """
CREATE TRIGGER annotation_in_document_{when}
BEFORE {event} ON annotation
WHEN NEW."end" > (SELECT length FROM document WHERE id = NEW.document_id)
BEGIN
    SELECT RAISE(ABORT, 'annotation range lies outside its document');
END
"""


def _annotation_table(autoincrement: bool) -> sa.Table:
    return sa.Table(
        "annotation", sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer,
                  sa.ForeignKey("document.id", ondelete="CASCADE"), nullable=False),
        sa.Column("label_id", sa.Integer,
                  sa.ForeignKey("label.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("annotator", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.CheckConstraint('"start" >= 0', name="annotation_start_nonnegative"),
        sa.CheckConstraint('"end" > "start"', name="annotation_not_empty"),
        sa.UniqueConstraint("document_id", "label_id", "start", "end", "annotator",
                            name="annotation_unique_span"),
        sa.Index("ix_annotation_document_start", "document_id", "start"),
        sa.Index("ix_annotation_label_id", "label_id"),
        sqlite_autoincrement=autoincrement,
    )


def _recreate(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # other databases never reuse a sequence's values
    with op.batch_alter_table("annotation", copy_from=_annotation_table(autoincrement),
                              recreate="always"):
        pass
    op.execute(_RANGE_CHECK.format(when="insert", event="INSERT"))
    op.execute(_RANGE_CHECK.format(when="update",
                                             event='UPDATE OF "start", "end", document_id'))


def upgrade() -> None:
    _recreate(autoincrement=True)


def downgrade() -> None:
    _recreate(autoincrement=False)
