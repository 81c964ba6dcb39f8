"""The command line never reads or writes the database's own files as articles or CSV.

Reading one would drop SQLite's locks on it (closing any descriptor of a file does, on POSIX);
exporting over one would replace the database with a CSV.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cli_support import SEEDS, cli, one_line_error


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "z.db"
    assert cli("import", "--db", path, SEEDS).returncode == 0
    return path


@pytest.mark.parametrize("name", ["z.db", "z.db-wal", "link.csv"])
def test_export_onto_the_database_is_refused(db: Path, name: str) -> None:
    (db.parent / "link.csv").symlink_to(db)
    before = digest(db)
    line = one_line_error(cli("export", "--db", db, "--out", db.parent / name))
    assert line.startswith(str(db.parent / name)) and "is the database z.db itself" in line
    assert digest(db) == before and db.is_file() and not db.is_symlink()


def test_import_annotations_of_the_database_is_refused(db: Path) -> None:
    before = digest(db)
    line = one_line_error(cli("import-annotations", "--db", db, db))
    assert "is the database z.db itself" in line
    assert digest(db) == before


def test_importing_the_database_as_an_article_is_refused_by_name(db: Path) -> None:
    (db.parent / "alias.txt").symlink_to(db)
    done = cli("import", "--db", db, db, db.parent / "alias.txt", SEEDS)
    assert done.returncode == 1
    errors = done.stderr.splitlines()
    assert errors[0] == f"{db}: is the database being imported into (or a file SQLite keeps beside it)"
    assert errors[1].startswith(f"{db.parent / 'alias.txt'}: is the database being imported into")
    assert "already present" in done.stdout  # the other files are still imported
