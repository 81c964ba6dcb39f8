"""Initial schema: documents, labels with the three default labels, annotations.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("length", sa.Integer, nullable=False),
        sa.Column("encoding", sa.String(40), nullable=False),
        sa.Column("source", sa.String(1000), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("length >= 0", name="document_length_nonnegative"),
    )
    label = op.create_table(
        "label",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("colour", sa.String(9), nullable=False),
        sa.Column("shortcut", sa.String(20), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.bulk_insert(label, [
        {"name": "claim", "colour": "#f6c85f", "shortcut": "1", "position": 1,
         "description": "ادعاء — a statement asserted by a source"},
        {"name": "accusation", "colour": "#ef767a", "shortcut": "2", "position": 2,
         "description": "اتهام — a statement that blames a party for wrongdoing"},
        {"name": "figure", "colour": "#6fb8e8", "shortcut": "3", "position": 3,
         "description": "رقم — a number, quantity, date or count, in digits or words"},
    ])
    op.create_table(
        "annotation",
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
    )
    op.create_index("ix_annotation_document_start", "annotation", ["document_id", "start"])
    op.create_index("ix_annotation_label_id", "annotation", ["label_id"])


def downgrade() -> None:
    op.drop_table("annotation")
    op.drop_table("label")
    op.drop_table("document")
