"""The database file without SQLAlchemy: where it lives, the checks before it is opened, pragmas.

Importing SQLAlchemy takes longer than storing a folder of articles; the command-line import,
which only adds documents, works with this module and the standard sqlite3 driver alone.
"""
from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from annotator.store import sqlite_hold

# Every database this program writes carries this tag in `PRAGMA application_id` ("ARAN").
APPLICATION_ID = 0x4152414E

DEFAULT_DB = Path("data") / "annotations.db"
DB_ENV_VAR = "ANNOTATOR_DB"
BUSY_TIMEOUT_MS = 15_000
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


def without_password(db: str) -> str:
    """`db` as it may be shown or remembered: a URL loses its password (a path is unchanged).

    The password comes from the environment (PGPASSWORD) or ~/.pgpass when it is reopened.
    """
    if "://" not in db:
        return db
    parts = urlsplit(db)
    if parts.password is None:
        return db
    host = parts.netloc.rpartition("@")[2]
    user = parts.netloc.rpartition("@")[0].partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))


# Every schema revision this version knows, oldest first; a test checks it against migrations/.
# Knowing them here spares importing Alembic (a large part of start-up) when no upgrade is due.
SCHEMA_REVISIONS = ("0001_initial", "0002_done_unique_range", "0003_annotation_ids_never_reused",
                    "0005_attributes_relations", "0006_document_metadata", "0007_done_per_analyst",
                    "0008_set_aside")


def head_revision() -> str:
    return SCHEMA_REVISIONS[-1]


def check_sqlite_file(path: Path) -> str | None:
    """Refuse a file that is not ours before anything writes to it; the file is left untouched.

    Returns the schema revision the file is at (None for a new or empty file).
    """
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseRefused(str(path), f"folder {path.parent} does not exist")
        _check_file_system(path)
        return None
    if path.is_dir():
        raise DatabaseRefused(str(path), "is a folder, not a database file")
    _check_file_system(path)
    st = path.stat()
    size = st.st_size
    if st.st_nlink > 1:
        raise DatabaseRefused(str(path), f"the file has {st.st_nlink} names (hard links); SQLite "
                                         "would keep a journal for each and split the database: "
                                         "open a copy of it instead")
    if size == 0:
        return None  # SQLite treats an empty file as a new database
    if sqlite_hold.open_here(path):
        # Reading it ourselves would drop SQLite's locks on it (closing any descriptor does).
        return _revision_and_checks(path, size)
    with path.open("rb") as fh:
        header = fh.read(100)
    if not header.startswith(_SQLITE_MAGIC):
        raise DatabaseRefused(str(path), "not a SQLite database (unrecognised file header)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # With a WAL beside it, the file alone may be short: a checkpoint killed midway has written
    # page 1 (the new size) and not yet the pages after it, which the WAL still holds; SQLite
    # puts it right on opening, and the integrity check below then reads it whole.
    has_wal = path.with_name(path.name + "-wal").exists()
    if page_size and pages and size < page_size * pages and not has_wal:
        raise DatabaseRefused(str(path), f"corrupt database: truncated ({size:,} bytes, "
                                         f"header says {page_size * pages:,})")
    return _revision_and_checks(path, size)


def _check_file_system(path: Path) -> None:
    kind = sqlite_hold.file_system_type(path if path.exists() else path.parent)
    if kind in sqlite_hold.NETWORK_FILE_SYSTEMS:
        raise DatabaseRefused(str(path), f"is on a network file system ({kind}), where SQLite's "
                                         "locks do not hold: keep it on a local disk, or share "
                                         "a PostgreSQL server")


def _revision_and_checks(path: Path, size: int) -> str | None:
    """The schema revision, after SQLite's own checks that the file is sound and ours."""
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
            # Damaged pages would otherwise surface later as errors in the middle of work; the
            # full check (indexes too) grows with the file, so big files get the quick one.
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
    check_revision(str(path), revision)
    return revision


def check_revision(where: str, revision: str | None) -> None:
    if revision is not None and revision not in SCHEMA_REVISIONS:
        raise DatabaseRefused(where, f"made by a newer version of annotator (schema {revision}); "
                                     "upgrade the program to open it")


# Pages of a new database: 16 KiB rather than SQLite's 4 KiB, so an article (kilobytes kept in
# its row) fits its page instead of spilling onto overflow pages (README, Benchmarks, has the
# figures). A database made earlier keeps its page size.
PAGE_SIZE = 16384
# The WAL is copied back into the database once it holds this much: SQLite's default of 1,000
# pages at its 4 KiB pages. Counted in 16 KiB pages it would be 16 MiB, all left to copy when
# an import's connection closes.
WAL_CHECKPOINT_BYTES = 4 << 20


def configure_connection(con: sqlite3.Connection) -> None:
    """The settings every connection gets, through SQLAlchemy or not."""
    con.isolation_level = None  # transactions are begun explicitly (writers: BEGIN IMMEDIATE)
    con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    con.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # a new file only (before WAL writes page 1)
    _use_wal(con)
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute(f"PRAGMA wal_autocheckpoint = {max(1, WAL_CHECKPOINT_BYTES // page)}")
    con.execute("PRAGMA foreign_keys = ON")
    # FULL: a committed tag survives power loss, not only a killed process.
    con.execute("PRAGMA synchronous = FULL")


def _use_wal(con: sqlite3.Connection) -> None:
    """Put the database in WAL mode (a no-op once it is), waiting out another process.

    Switching a database into WAL mode takes it whole, and SQLite answers "database is locked"
    at once rather than wait (its busy timeout does not cover the switch) when another process
    holds it, as when two windows create one new database together: try again until the busy
    timeout has passed.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            con.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _driver_error(exc: BaseException) -> BaseException | None:
    """The sqlite3 (or other driver) error behind `exc`, if it is one; SQLAlchemy wraps them."""
    if isinstance(exc, sqlite3.Error):
        return exc
    sa_exc = sys.modules.get("sqlalchemy.exc")  # loaded only if SQLAlchemy is in use
    if sa_exc is not None and isinstance(exc, sa_exc.DBAPIError):
        return exc.orig if exc.orig is not None else exc
    return None


@contextmanager
def database_errors(where: str) -> Iterator[None]:
    """Turn a driver error met while using the database (locked, disk full, I/O) into DatabaseRefused."""
    try:
        yield
    except Exception as exc:
        orig = _driver_error(exc)
        if orig is None:
            raise
        reason = str(orig).splitlines()[0] if str(orig) else orig.__class__.__name__
        if "locked" in reason or "busy" in reason:
            reason += f" (another program kept it busy for over {BUSY_TIMEOUT_MS // 1000} s)"
        raise DatabaseRefused(where, reason) from None
