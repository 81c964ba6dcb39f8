"""The done mark becomes each analyst's own (a document is done for one analyst and not yet for
another), and a database keeps its own options, such as annotating blind. On PostgreSQL, the
rule 0005 gave SQLite: a relation links two annotations of one document.

A document marked done before becomes done for each analyst with an annotation in it; one with
none, for each analyst of the database (the one analyst of a solo database); in a database
without annotations, for the unnamed analyst "".

Revision ID: 0007_done_per_analyst
Revises: 0006_document_metadata
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_done_per_analyst"
down_revision = "0006_document_metadata"
branch_labels = None
depends_on = None


_PG_ONE_DOCUMENT = """
CREATE FUNCTION relation_in_one_document() RETURNS trigger AS $$
BEGIN
    IF (SELECT document_id FROM annotation WHERE id = NEW.source_id)
       IS DISTINCT FROM (SELECT document_id FROM annotation WHERE id = NEW.target_id) THEN
        RAISE EXCEPTION 'a relation links two annotations of one document';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER relation_in_one_document BEFORE INSERT OR UPDATE ON relation
FOR EACH ROW EXECUTE FUNCTION relation_in_one_document();
"""


def upgrade() -> None:
    op.create_table(
        "done_mark",
        sa.Column("document_id", sa.Integer, sa.ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("annotator", sa.String(200), primary_key=True),
        sa.Column("done_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "database_option",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.execute("""
        INSERT INTO done_mark (document_id, annotator, done_at)
        SELECT DISTINCT d.id, a.annotator, CURRENT_TIMESTAMP
        FROM document d JOIN annotation a ON a.document_id = d.id WHERE d.done""")
    op.execute("""
        INSERT INTO done_mark (document_id, annotator, done_at)
        SELECT d.id, a.annotator, CURRENT_TIMESTAMP
        FROM document d, (SELECT DISTINCT annotator FROM annotation) a
        WHERE d.done AND NOT EXISTS (SELECT 1 FROM annotation x WHERE x.document_id = d.id)""")
    op.execute("""
        INSERT INTO done_mark (document_id, annotator, done_at)
        SELECT d.id, '', CURRENT_TIMESTAMP FROM document d
        WHERE d.done AND NOT EXISTS (SELECT 1 FROM annotation)""")
    # In place (SQLite 3.35 and later drop a column themselves): a batch copy of the table would
    # trip over the annotation triggers that read it.
    op.execute("ALTER TABLE document DROP COLUMN done")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_ONE_DOCUMENT)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS relation_in_one_document ON relation")
        op.execute("DROP FUNCTION IF EXISTS relation_in_one_document()")
    op.add_column("document", sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()))
    op.execute("UPDATE document SET done = EXISTS (SELECT 1 FROM done_mark m WHERE m.document_id = document.id)")
    op.drop_table("database_option")
    op.drop_table("done_mark")
