"""Corrupt, foreign and newer databases are refused in one line and left byte-for-byte untouched."""
from __future__ import annotations

import random
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from reliability_support import file_state, record
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from annotator.store.database import DatabaseRefused, open_database
from annotator.store.repository import Repository

FLIPPED_FILES = 150


def foreign(path: Path, wal: bool) -> None:
    con = sqlite3.connect(path)
    if wal:
        con.execute("PRAGMA journal_mode = WAL")
    con.execute("CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, title TEXT)")
    con.execute("INSERT INTO moz_bookmarks (title) VALUES ('x')")
    con.commit()
    con.close()


def newer(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0042_from_the_future'")
    con.commit()
    con.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def page_of(db: bytes) -> int:
    """The page size a database file's header gives (16 KiB for ours, 4 KiB for older ones)."""
    size = int.from_bytes(db[16:18], "big")
    return 65536 if size == 1 else size


CASES = {
    "random bytes": (lambda p, good: p.write_bytes(random.Random(1).randbytes(50_000)),
                     "not a SQLite database"),
    "SQLite header then random bytes": (
        lambda p, good: p.write_bytes(good[:100] + random.Random(2).randbytes(len(good) - 100)),
        "corrupt"),
    "truncated to 60 bytes": (lambda p, good: p.write_bytes(good[:60]), "corrupt"),
    "truncated to one page": (lambda p, good: p.write_bytes(good[:page_of(good)]), "truncated"),
    "truncated mid-page": (lambda p, good: p.write_bytes(good[:len(good) // 2 + 123]), "truncated"),
    "last page cut off": (lambda p, good: p.write_bytes(good[:-page_of(good)]), "truncated"),
    "another application's SQLite file": (lambda p, good: foreign(p, wal=False),
                                          "another application (tables: moz_bookmarks)"),
    "another application's SQLite file in WAL mode": (lambda p, good: foreign(p, wal=True),
                                                      "another application"),
    "newer schema": (lambda p, good: newer(p, good), "newer version of annotator (schema "
                                                     "0042_from_the_future)"),
    "a CSV file named .db": (lambda p, good: p.write_text("document_id,label\n1,claim\n"),
                             "not a SQLite database"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_with_one_line_and_left_untouched(case: str, good_db: bytes, tmp_path: Path) -> None:
    make, reason = CASES[case]
    path = tmp_path / "bad.db"
    make(path, good_db)
    before = file_state(path)
    assert before["-wal"] is None and before["-shm"] is None
    for opener in (open_database, Repository.open):
        with pytest.raises(DatabaseRefused) as err:
            opener(path)
        message = str(err.value)
        assert message.startswith(f"{path}: ") and reason in message
        assert "\n" not in message
        assert file_state(path) == before, "the refused file or its companions changed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.db"]


def readable(engine: Engine) -> str:
    """Whether every stored row reads back: damage inside a cell's bytes passes SQLite's checks."""
    repo = Repository(engine)
    try:
        for doc in repo.documents():
            repo.document_text(doc.id)
            repo.annotations(doc.id)
        list(repo.export_rows())
    except (DatabaseRefused, SQLAlchemyError, ValueError):  # the Repository's refusal, or raw
        return "but a damaged cell fails to read"
    return "every row reads"


@pytest.mark.slow
def test_damaged_pages_are_refused_or_open_soundly(good_db: bytes, tmp_path: Path) -> None:
    """Random bytes written over one page: open_database refuses (file untouched) or gives a
    database that passes SQLite's integrity check; it never raises anything else."""
    rng = random.Random(20261128)
    size = page_of(good_db)
    pages = len(good_db) // size
    outcomes: Counter[str] = Counter()
    for k in range(FLIPPED_FILES):
        data = bytearray(good_db)
        page = rng.randrange(pages)
        for _ in range(rng.choice((1, 8, 64))):
            data[page * size + rng.randrange(size)] = rng.randrange(256)
        folder = tmp_path / str(k)
        folder.mkdir()
        path = folder / "damaged.db"
        path.write_bytes(bytes(data))
        before = file_state(path)
        try:
            engine = open_database(path)
        except DatabaseRefused as exc:
            assert "\n" not in str(exc)
            assert file_state(path) == before
            assert sorted(p.name for p in folder.iterdir()) == ["damaged.db"]
            outcomes["refused"] += 1
            continue
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok", \
                f"page {page} damaged: opened without complaint but fails the integrity check"
        outcomes[f"opened, {readable(engine)}"] += 1
        engine.dispose()
        shutil.rmtree(folder)
    record("refused databases: files with a damaged page tried", dict(outcomes))
    assert outcomes["refused"] > 0
