"""Review's «neither» is kept: the annotations a reviewer left out of the gold layer on purpose.

Revision ID: 0008_set_aside
Revises: 0007_done_per_analyst
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_set_aside"
down_revision = "0007_done_per_analyst"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "set_aside",
        sa.Column("annotation_id", sa.Integer, sa.ForeignKey("annotation.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("set_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("set_aside")
