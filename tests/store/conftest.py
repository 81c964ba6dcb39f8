"""The store's tests run on both backends: a SQLite file and a database on a real PostgreSQL
server (bench/pg_server.py), unless a test asks for SQLite alone."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.store.repository import Repository


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database of each backend: a file path, or a server URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_server").new_database())


@pytest.fixture
def open_repo(db_url: str) -> Iterator[Callable[[], Repository]]:
    """Open the test's database (again: another window or process on the same one)."""
    opened: list[Repository] = []

    def open_() -> Repository:
        opened.append(Repository.open(db_url))
        return opened[-1]
    yield open_
    for repo in opened:
        repo.close()
