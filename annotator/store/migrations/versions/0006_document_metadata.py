"""Documents carry where they came from: outlet, URL, publication date, author, file format, id.

`source` keeps what it always held, the name of the file the text was read from. Every
document stored before this revision was read from a text file, so its format is `txt`; its
other facts are unknown (blank).

Revision ID: 0006_document_metadata
Revises: 0005_attributes_relations
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_document_metadata"
down_revision = "0005_attributes_relations"
branch_labels = None
depends_on = None

_COLUMNS = (("outlet", 1000), ("url", 4000), ("published", 40), ("author", 1000),
            ("file_format", 20), ("external_id", 1000))


def upgrade() -> None:
    # Adding columns is one ALTER TABLE each in SQLite: batch mode copies no table for it.
    with op.batch_alter_table("document") as batch:
        for name, length in _COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length), nullable=False, server_default=""))
    op.execute("UPDATE document SET file_format = 'txt'")


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        for name, _ in reversed(_COLUMNS):
            batch.drop_column(name)
