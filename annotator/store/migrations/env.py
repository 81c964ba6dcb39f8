"""Alembic environment: runs migrations on the connection handed over by database.py."""
from alembic import context

from annotator.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` on the command line: open the URL from the ini file
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url") or "").connect()

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
