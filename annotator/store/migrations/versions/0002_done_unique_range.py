"""Documents get a done mark; annotations become unique per span and must lie inside their text.

Revision ID: 0002_done_unique_range
Revises: 0001_initial
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_done_unique_range"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

_RANGE_CHECK = """
CREATE TRIGGER annotation_in_document_{when}
BEFORE {event} ON annotation
WHEN NEW."end" > (SELECT length FROM document WHERE id = NEW.document_id)
BEGIN
    SELECT RAISE(ABORT, 'annotation range lies outside its document');
END
"""

_PG_RANGE_CHECK = """
CREATE FUNCTION annotation_in_document() RETURNS trigger AS $$
BEGIN
    IF NEW."end" > (SELECT length FROM document WHERE id = NEW.document_id) THEN
        RAISE EXCEPTION 'annotation range lies outside its document';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER annotation_in_document BEFORE INSERT OR UPDATE ON annotation
FOR EACH ROW EXECUTE FUNCTION annotation_in_document();
"""


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()))
    with op.batch_alter_table("annotation") as batch:
        batch.create_unique_constraint(
            "annotation_unique_span", ["document_id", "label_id", "start", "end", "annotator"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(_RANGE_CHECK.format(when="insert", event="INSERT"))
        op.execute(_RANGE_CHECK.format(when="update", event='UPDATE OF "start", "end", document_id'))
    elif dialect == "postgresql":
        op.execute(_PG_RANGE_CHECK)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS annotation_in_document_insert")
        op.execute("DROP TRIGGER IF EXISTS annotation_in_document_update")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS annotation_in_document ON annotation")
        op.execute("DROP FUNCTION IF EXISTS annotation_in_document()")
    with op.batch_alter_table("annotation") as batch:
        batch.drop_constraint("annotation_unique_span", type_="unique")
    with op.batch_alter_table("document") as batch:
        batch.drop_column("done")
