"""Opening a database: URL resolution, safety checks, SQLite pragmas, Alembic upgrade."""
from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from annotator.store.models import APPLICATION_ID

DEFAULT_DB = Path("data") / "annotations.db"
DB_ENV_VAR = "ANNOTATOR_DB"
BUSY_TIMEOUT_MS = 15_000
_MIGRATIONS = Path(__file__).with_name("migrations")
_SQLITE_MAGIC = b"SQLite format 3\x00"
_FULL_CHECK_BYTES = 64 * 1024 * 1024


class DatabaseRefused(Exception):
    """The database cannot be used; str() is the one-line message naming the file."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


def checkout_root() -> Path | None:
    """The source checkout this package runs from (pyproject.toml beside it), else None."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "annotator").is_dir() else None


def user_data_dir() -> Path:
    """Where an installed copy keeps its database: the platform's per-user data folder."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "annotator"


def default_db_path() -> str:
    """$ANNOTATOR_DB if set; else the checkout's data/annotations.db; else the user data folder."""
    configured = os.environ.get(DB_ENV_VAR, "").strip()
    if configured:
        return configured
    root = checkout_root()
    return str((root / DEFAULT_DB) if root else user_data_dir() / DEFAULT_DB.name)


@contextmanager
def database_errors(where: str) -> Iterator[None]:
    """Turn a driver error met while using the database (locked, disk full, I/O) into DatabaseRefused."""
    try:
        yield
    except DBAPIError as exc:
        reason = str(exc.orig if exc.orig is not None else exc).splitlines()[0]
        if "locked" in reason or "busy" in reason:
            reason += f" (another program kept it busy for over {BUSY_TIMEOUT_MS // 1000} s)"
        raise DatabaseRefused(where, reason) from None


def resolve_url(db: str | Path) -> str:
    """A SQLAlchemy URL for `db`, which is either a URL or a file path."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


# Every schema revision this version knows, oldest first; a test checks it against migrations/.
# Knowing them here spares importing Alembic (a third of start-up) when no upgrade is due.
SCHEMA_REVISIONS = ("0001_initial", "0002_done_unique_range", "0003_annotation_ids_never_reused")


def alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


def head_revision() -> str:
    return SCHEMA_REVISIONS[-1]


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not ours before anything writes to it; the file is left untouched."""
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseRefused(str(path), f"folder {path.parent} does not exist")
        return
    if path.is_dir():
        raise DatabaseRefused(str(path), "is a folder, not a database file")
    size = path.stat().st_size
    if size == 0:
        return  # SQLite treats an empty file as a new database
    with path.open("rb") as fh:
        header = fh.read(100)
    if not header.startswith(_SQLITE_MAGIC):
        raise DatabaseRefused(str(path), "not a SQLite database (unrecognised file header)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size and pages and size < page_size * pages:
        raise DatabaseRefused(str(path), f"corrupt database: truncated ({size:,} bytes, "
                                         f"header says {page_size * pages:,})")
    try:
        # With no -wal beside it the file holds everything: read it as immutable, so this check
        # leaves no -wal/-shm behind a database it then refuses. Otherwise another process is live.
        mode = "ro" if path.with_name(path.name + "-wal").exists() else "ro&immutable=1"
        con = sqlite3.connect(f"{path.as_uri()}?mode={mode}", uri=True,
                              timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            # Damaged pages would otherwise surface later as errors in the middle of work;
            # the full check (indexes too) takes ~15 ms per MiB, so big files get the quick one.
            check = "integrity_check" if size <= _FULL_CHECK_BYTES else "quick_check"
            damage = con.execute(f"PRAGMA {check}(1)").fetchone()[0]
        finally:
            con.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # bad bytes in its schema text
        raise DatabaseRefused(str(path), f"corrupt or unreadable database ({exc})") from None
    if damage != "ok":
        raise DatabaseRefused(str(path), f"corrupt database ({damage.splitlines()[0]})")
    if tables and app_id != APPLICATION_ID:
        names = ", ".join(sorted(tables)[:5])
        raise DatabaseRefused(str(path), f"a SQLite database of another application (tables: {names})")
    _check_revision(str(path), revision)


def _check_revision(where: str, revision: str | None) -> None:
    if revision is not None and revision not in SCHEMA_REVISIONS:
        raise DatabaseRefused(where, f"made by a newer version of annotator (schema {revision}); "
                                     "upgrade the program to open it")


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below, explicitly
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        # FULL: a committed tag survives power loss, not only a killed process.
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
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
    where = url.database or str(url) if url.get_backend_name() == "sqlite" else url.render_as_string()
    is_sqlite = url.get_backend_name() == "sqlite"
    if is_sqlite and url.database and url.database != ":memory:":
        _check_sqlite_file(Path(url.database))
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000} if is_sqlite else {})
    if is_sqlite:
        _install_sqlite_pragmas(engine)
    try:
        with engine.connect() as conn:
            current = (conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                       if inspect(conn).has_table("alembic_version") else None)
        _check_revision(where, current)
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
