"""Opening databases: the default location, refusals that leave files untouched, migrations in place."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from annotator.core.provenance import Provenance
from annotator.core.text import Document
from annotator.store import database, sqlite_file
from annotator.store.database import open_database
from annotator.store.repository import Repository
from annotator.store.sqlite_file import APPLICATION_ID, DatabaseRefused, database_errors, default_db_path, head_revision
from annotator.store.values import AnnotationRefused

REPO_ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = REPO_ROOT / "annotator" / "store" / "migrations"


def test_default_database_is_the_checkouts_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    assert Path(default_db_path()) == REPO_ROOT / "data" / "annotations.db"


def test_environment_variable_overrides_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "team.db"))
    assert default_db_path() == str(tmp_path / "team.db")
    monkeypatch.setenv("ANNOTATOR_DB", "postgresql://desk@db.example/annotations")
    assert default_db_path() == "postgresql://desk@db.example/annotations"


def test_outside_a_checkout_the_user_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    monkeypatch.setattr(sqlite_file, "checkout_root", lambda: None)
    monkeypatch.setattr(sqlite_file.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == str(tmp_path / "annotator" / "annotations.db")


def untouched(path: Path) -> tuple[bytes, float]:
    return path.read_bytes(), path.stat().st_mtime


@pytest.mark.parametrize(("make", "reason"), [
    (lambda p: p.write_bytes(b"\x00garbage" * 500), "not a SQLite database"),
    (lambda p: p.write_text("document_id,title\n1,x\n"), "not a SQLite database"),
    (lambda p: _other_app(p), "a SQLite database of another application (tables: contacts)"),
    (lambda p: _newer(p), "made by a newer version of annotator (schema 9999_future)"),
    (lambda p: p.write_bytes(_ours(p)[:6000]), "corrupt database: truncated"),
])
def test_foreign_newer_and_broken_files_are_refused_untouched(tmp_path: Path, make, reason: str) -> None:
    path = tmp_path / "x.db"
    make(path)
    before = untouched(path)
    with pytest.raises(DatabaseRefused) as err:
        open_database(path)
    assert str(err.value).startswith(f"{path}: ") and reason in str(err.value)
    assert untouched(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]  # no -wal or -shm left behind


def test_a_checkpoint_killed_midway_is_not_taken_for_a_truncated_file(tmp_path: Path) -> None:
    """Killed while copying its WAL back, SQLite has written page 1 (the new size) and not yet
    all the pages after it, which the WAL still holds: the file alone looks truncated, and
    SQLite puts it right on opening. Seen once in 6 kills of a new database under load."""
    import shutil

    db = tmp_path / "a.db"
    repo = Repository.open(db)
    doc = repo.add_document(Document("t", "نص " * 5000, "utf-8"))[0].id
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_autocheckpoint = 0")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for n in range(30):  # committed into the WAL only
        repo.create_annotation(doc, 1, n, n + 1)
    con.execute("CREATE TABLE scratch (x)")  # the schema, on page 1, changes in the WAL too
    con.execute("DROP TABLE scratch")
    kept = tmp_path / "kept"
    kept.mkdir()
    for suffix in ("", "-wal"):  # the files as a kill during the checkpoint leaves them
        shutil.copy(f"{db}{suffix}", kept / f"a.db{suffix}")
    con.close()
    repo.close()
    copy = kept / "a.db"
    pages = copy.stat().st_size // sqlite_file.PAGE_SIZE
    with copy.open("r+b") as fh:
        fh.seek(28)
        fh.write((pages + 40).to_bytes(4, "big"))  # page 1 already says the size to come
    reopened = Repository.open(copy)
    try:
        assert len(reopened.annotations(doc)) == 30
    finally:
        reopened.close()
    assert not Path(f"{copy}-wal").exists()  # copied back whole when the last connection closed
    with copy.open("r+b") as fh:  # a file alone that says it is longer: truly truncated
        fh.seek(28)
        fh.write((copy.stat().st_size // sqlite_file.PAGE_SIZE + 40).to_bytes(4, "big"))
    with pytest.raises(DatabaseRefused, match="truncated"):
        open_database(copy)


def _other_app(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()


def _ours(path: Path) -> bytes:
    other = path.with_name("ours.db")
    repo = Repository.open(other)
    repo.add_document(Document("t", "نص " * 5000, "utf-8"))
    repo.close()
    data = other.read_bytes()
    for p in other.parent.glob("ours.db*"):
        p.unlink()
    return data


def _newer(path: Path) -> None:
    path.write_bytes(_ours(path))
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused) as err:
        open_database(tmp_path / "no" / "x.db")
    assert "does not exist" in str(err.value)


def test_a_locked_database_is_one_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Repository.open(path).close()
    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_MS", 200)
    repo = Repository.open(path)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseRefused) as err, database_errors(str(path)):
            repo.add_document(Document("t", "نص", "utf-8"))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert str(err.value).startswith(f"{path}: database is locked")
    assert repo.count_documents() == 0
    repo.close()


def test_a_database_of_the_first_revision_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(cfg, "0001_initial")
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # as the first version stamped it
    text = "قال شويغو إن عدد الممرات يبلغ 3"
    con.execute("INSERT INTO document (id, title, text, sha256, length, encoding, source, created_at) "
                "VALUES (1, 'old', ?, 'abc', ?, 'utf-8', 'old.txt', '2024-01-01 10:00:00')",
                (text, len(text)))
    con.execute('INSERT INTO annotation (document_id, label_id, start, "end", note, annotator, '
                "created_at, updated_at) VALUES (1, 3, 30, 31, 'n', 'ana', '2024-01-01 10:00:00', "
                "'2024-01-02 10:00:00')")
    con.commit()
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_initial",)
    con.close()

    repo = Repository.open(path)
    try:
        (doc,) = repo.documents()
        assert (doc.title, doc.done, doc.counts) == ("old", False, {"figure": 1})
        (ann,) = repo.annotations(1)
        assert (ann.label, ann.start, ann.end, ann.note, ann.annotator) == ("figure", 30, 31, "n", "ana")
        assert ann.updated_at == datetime.fromisoformat("2024-01-02T10:00:00+00:00")
        repo.set_done(1, True, annotator="ana")
        assert repo.document(1, analyst="ana").done and not repo.document(1, analyst="bo").done
        with pytest.raises(AnnotationRefused):  # the new unique constraint
            repo.create_annotation(1, ann.label_id, 30, 31, annotator="ana")
        # 0003: the newest annotation's id is not handed out again after it is deleted.
        newest = repo.create_annotation(1, ann.label_id, 0, 3)
        repo.delete_annotation(newest.id)
        assert repo.create_annotation(1, ann.label_id, 4, 8).id == newest.id + 1
    finally:
        repo.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (database.head_revision(),)
        with pytest.raises(sqlite3.IntegrityError, match="outside its document"):  # the new trigger
            con.execute('INSERT INTO annotation (document_id, label_id, start, "end", note, annotator, '
                        "created_at, updated_at) VALUES (1, 1, 0, 999, '', '', '2024-01-01', '2024-01-01')")
    finally:
        con.close()


def test_the_known_revisions_are_alembics_chain_in_order() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(database.alembic_config())
    chain = [rev.revision for rev in script.walk_revisions()][::-1]  # walk goes head first
    assert tuple(chain) == sqlite_file.SCHEMA_REVISIONS


def test_a_new_database_gets_16_kib_pages_and_an_older_one_keeps_its_own(tmp_path: Path) -> None:
    def page_size(path: Path) -> int:
        con = sqlite3.connect(path)
        try:
            return con.execute("PRAGMA page_size").fetchone()[0]
        finally:
            con.close()

    Repository.open(tmp_path / "new.db").close()
    assert page_size(tmp_path / "new.db") == sqlite_file.PAGE_SIZE == 16384
    old = tmp_path / "old.db"  # as made before: SQLite's default pages, already in WAL mode
    Repository.open(old).close()
    con = sqlite3.connect(old)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA page_size = 4096")
    con.execute("VACUUM")
    con.close()
    assert page_size(old) == 4096
    repo = Repository.open(old)
    try:
        doc, _ = repo.add_document(Document("t", "قال الوزير إن 3 ممرات فتحت", "utf-8", "t.txt"))
        figure = next(label.id for label in repo.labels() if label.name == "figure")
        repo.create_annotation(doc.id, figure, 14, 15)
        assert [(a.start, a.end) for a in repo.annotations(doc.id)] == [(14, 15)]
    finally:
        repo.close()
    assert page_size(old) == 4096
    con = sqlite3.connect(old)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    # Either way the WAL is copied back once it holds 4 MiB, not after 1,000 pages of any size.
    for path, pages in ((tmp_path / "new.db", 256), (old, 1024)):
        con = sqlite3.connect(path)
        try:
            sqlite_file.configure_connection(con)
            assert con.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == pages
        finally:
            con.close()


@pytest.mark.parametrize("db, shown", [
    ("postgresql+psycopg://analyst:secret@db.example:5432/news",
     "postgresql+psycopg://analyst@db.example:5432/news"),
    ("postgresql://:secret@host/news", "postgresql://host/news"),
    ("postgresql+psycopg://analyst@host/news", "postgresql+psycopg://analyst@host/news"),
    ("postgresql://analyst:p%40ss:word@host/news?sslmode=require",
     "postgresql://analyst@host/news?sslmode=require"),
    ("/home/a/data/annotations.db", "/home/a/data/annotations.db"),
])
def test_a_database_is_shown_without_its_password(db: str, shown: str) -> None:
    from annotator.store.sqlite_file import without_password

    assert without_password(db) == shown


def test_0006_gives_old_documents_blank_metadata_and_keeps_their_annotations(tmp_path: Path) -> None:
    path = tmp_path / "0003.db"
    cfg = database.alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(cfg, "0003_annotation_ids_never_reused")
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    text = "قال شويغو إن عدد الممرات يبلغ 3"
    con.execute("INSERT INTO document (id, title, text, sha256, length, encoding, source, done, "
                "created_at) VALUES (1, 'old', ?, 'abc', ?, 'utf-8', 'old.txt', 1, "
                "'2024-01-01 10:00:00')", (text, len(text)))
    con.execute('INSERT INTO annotation (document_id, label_id, start, "end", note, annotator, '
                "created_at, updated_at) VALUES (1, 3, 30, 31, 'n', 'ana', '2024-01-01 10:00:00', "
                "'2024-01-02 10:00:00')")
    con.commit()
    con.close()

    repo = Repository.open(path)
    try:
        (doc,) = repo.documents()
        assert (doc.title, doc.source, doc.done, doc.counts) == ("old", "old.txt", True, {"figure": 1})
        assert doc.provenance == Provenance(file_format="txt")  # all it was ever read from
        new, created = repo.add_document(Document(
            "new", "نص جديد", "utf-8", "feed.jsonl",
            Provenance(outlet="الأفق", url="https://a.example/2", published="2024-07-11",
                       author="ليلى", file_format="jsonl", external_id="a-2")))
        assert created and repo.document(new.id) == new
        assert new.provenance.outlet == "الأفق" and new.provenance.external_id == "a-2"
        with pytest.raises(AnnotationRefused):  # the annotations' constraints survived
            repo.create_annotation(1, 3, 30, 31, annotator="ana")
    finally:
        repo.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == \
            (head_revision(),)
        with pytest.raises(sqlite3.IntegrityError, match="outside its document"):  # 0002's trigger
            con.execute('INSERT INTO annotation (document_id, label_id, start, "end", note, annotator, '
                        "created_at, updated_at) VALUES (1, 1, 0, 999, '', '', '2024-01-01', '2024-01-01')")
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
