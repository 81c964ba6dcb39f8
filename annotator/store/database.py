"""Opening a database through SQLAlchemy: URL resolution, the file checks, Alembic upgrade."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from alembic.config import Config

from annotator.store import sqlite_file

# The checks and locations live in sqlite_file, which does not import SQLAlchemy.
from annotator.store.sqlite_file import (
    APPLICATION_ID,
    DatabaseRefused,
    check_revision,
    check_sqlite_file,
    configure_connection,
    head_revision,
    without_password,
)

_MIGRATIONS = Path(__file__).with_name("migrations")


def resolve_url(db: str | Path) -> str:
    """A SQLAlchemy URL for `db`, which is either a URL or a file path."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def alembic_config() -> Config:
    from alembic.config import Config  # here: Alembic is loaded only when an upgrade is due


    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        configure_connection(dbapi_connection)  # transactions are begun below, explicitly

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the lock up front, so a second process waits instead of failing.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def _upgrade(engine: Engine, is_sqlite: bool) -> None:
    """Run the migrations in one transaction, with SQLite's foreign keys off while they run."""
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection if is_sqlite else None
        if raw is not None:
            # With foreign keys on, the DROP TABLE in a batch migration's table copy would
            # cascade-delete every annotation. SQLite ignores this pragma inside a transaction.
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.execution_options(sqlite_begin="IMMEDIATE").begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if raw is not None:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise RuntimeError(f"the upgrade broke a reference in table {broken[0]}")
                    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")


def open_database(db: str | Path) -> Engine:
    """Engine for `db` (path or URL), upgraded to the newest schema; raises DatabaseRefused."""
    url = make_url(resolve_url(db))
    # Named in messages without its password (which is never shown, even as stars).
    where = url.database or str(url) if url.get_backend_name() == "sqlite" else without_password(str(db))
    is_sqlite = url.get_backend_name() == "sqlite"
    if is_sqlite and url.database and url.database != ":memory:":
        check_sqlite_file(Path(url.database))
    timeout = {"timeout": sqlite_file.BUSY_TIMEOUT_MS / 1000}
    # A server may restart or drop an idle connection: each session checks its connection first
    # and takes a new one if it is gone (pre-ping), so the window carries on by itself.
    engine = (create_engine(url, connect_args=timeout) if is_sqlite
              else create_engine(url, pool_pre_ping=True))
    if is_sqlite:
        _install_sqlite_pragmas(engine)
    try:
        with engine.connect() as conn:
            current = (conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                       if inspect(conn).has_table("alembic_version") else None)
        check_revision(where, current)
        if current != head_revision():
            _upgrade(engine, is_sqlite)
    except DatabaseRefused:
        engine.dispose()
        raise
    except Exception as exc:  # driver errors differ by backend; the user needs the reason
        engine.dispose()
        raise DatabaseRefused(where, f"cannot open database ({exc.__class__.__name__}: "
                                     f"{str(exc).splitlines()[0]})") from None
    return engine
