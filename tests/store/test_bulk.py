"""The command line's import writer (sqlite3 alone) stores exactly what the Repository stores."""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from datetime import UTC
from pathlib import Path

import pytest
from alembic import command

from annotator.core.text import Document
from annotator.store.articles import import_articles, planned_files
from annotator.store.bulk import BulkDocuments
from annotator.store.database import alembic_config
from annotator.store.repository import Repository
from annotator.store.sqlite_file import APPLICATION_ID, DatabaseRefused, database_errors, head_revision

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXTS = ["قال الوزير إن 3 ممرات فتحت", "قال الوزير إن 3 ممرات فتحت", "نص ثان\r\nبسطرين",
         "ثالث 😀 مع e\u0301", "نص ثان\r\nبسطرين", "already there"]
COLUMNS = ("id, title, text, sha256, length, encoding, source, "
           "outlet, url, published, author, file_format, external_id")


def article_files(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for n, text in enumerate(TEXTS):
        paths.append(folder / f"{n:02}.txt")
        paths[-1].write_bytes(b"\xff\xfe" + text.encode("utf-16-le") if n == 3 else text.encode())
    (folder / "bad.txt").write_bytes(b"\x00\x01")
    return paths


def fresh_db(path: Path) -> Path:
    repo = Repository.open(path)
    repo.add_document(Document("present", "already there", "utf-8", "old.txt"))
    repo.close()
    return path


def rows(path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT {COLUMNS} FROM document ORDER BY id").fetchall()
    finally:
        con.close()


def test_bulk_writer_and_repository_store_the_same_rows_and_answers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotator.store.articles.BATCH_FILES", 3)  # repeats inside and across batches
    article_files(tmp_path / "in")
    plan = planned_files([tmp_path / "in"])
    by_repo, by_bulk = fresh_db(tmp_path / "repo.db"), fresh_db(tmp_path / "bulk.db")

    repo = Repository.open(by_repo)
    expected = list(import_articles(repo, plan))
    repo.close()
    bulk = BulkDocuments.open(by_bulk)
    assert bulk is not None
    got = list(import_articles(bulk, plan))
    bulk.close()

    def answers(outcomes):  # type: ignore[no-untyped-def]
        return [(o.path.name, o.created, o.encoding, o.error,
                 o.document and (o.document.id, o.document.title, o.document.sha256,
                                 o.document.length, o.document.source, o.document.done))
                for o in outcomes]

    assert answers(got) == answers(expected)
    assert [o.created for o in got if o.document] == [True, False, True, True, False, False]
    assert rows(by_bulk) == rows(by_repo)
    assert [r[2] for r in rows(by_bulk)] == ["already there", TEXTS[0], TEXTS[2], TEXTS[3]]

    # The times are stored as the ORM writes them (naive UTC, always six decimals) ...
    for db in (by_repo, by_bulk):
        con = sqlite3.connect(db)
        stamps = [r[0] for r in con.execute("SELECT created_at FROM document")]
        con.close()
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", t) for t in stamps), stamps
    # ... and read back through the ORM as the ones the writer handed out, to the microsecond.
    repo = Repository.open(by_bulk)
    try:
        stored = {d.id: d.created_at for d in repo.documents()}
    finally:
        repo.close()
    for o in got:
        if o.document and o.created:
            assert stored[o.document.id] == o.document.created_at
            assert o.document.created_at.tzinfo is not None


def test_what_the_bulk_writer_leaves_to_the_repository(tmp_path: Path) -> None:
    assert BulkDocuments.open(tmp_path / "new.db") is None  # created (and stamped) by the Repository
    assert not (tmp_path / "new.db").exists()
    assert BulkDocuments.open("sqlite:///" + str(tmp_path / "x.db")) is None
    old = tmp_path / "old.db"
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{old}")
    command.upgrade(cfg, "0002_done_unique_range")
    con = sqlite3.connect(old)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.close()
    assert BulkDocuments.open(old) is None  # an upgrade is due: only the Repository runs it
    (tmp_path / "notes.db").write_bytes(b"not a database at all, just some notes" * 10)
    with pytest.raises(DatabaseRefused, match="not a SQLite database"):
        BulkDocuments.open(tmp_path / "notes.db")
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.close()
    with pytest.raises(DatabaseRefused, match="another application"):
        BulkDocuments.open(foreign)


def test_a_locked_database_is_one_line_and_the_batch_is_not_half_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = fresh_db(tmp_path / "a.db")
    monkeypatch.setattr("annotator.store.sqlite_file.BUSY_TIMEOUT_MS", 200)
    bulk = BulkDocuments.open(path)
    assert bulk is not None
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseRefused) as err, database_errors(str(path)):
            bulk.add_documents([Document("t", "نص جديد", "utf-8"), Document("u", "آخر", "utf-8")])
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert str(err.value).startswith(f"{path}: database is locked")
    # The writer is usable again, and nothing of the refused batch was kept.
    assert [created for _, created in bulk.add_documents([Document("t", "نص جديد", "utf-8")])] == [True]
    bulk.close()
    assert [r[2] for r in rows(path)] == ["already there", "نص جديد"]


def test_the_import_command_does_not_load_sqlalchemy_for_an_existing_database(tmp_path: Path) -> None:
    db = fresh_db(tmp_path / "a.db")
    folder = tmp_path / "in"
    article_files(folder)
    probe = ("import sys\nfrom annotator.cli import main\n"
             f"code = main(['import', '--db', {str(db)!r}, {str(folder)!r}])\n"
             "print(code, 'sqlalchemy' in sys.modules, file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            encoding="utf-8", timeout=60)
    assert result.stderr.splitlines()[-1] == "1 False", result.stderr  # 1: bad.txt was refused
    assert len(result.stdout.splitlines()) == len(TEXTS)
    assert [r[2] for r in rows(db)] == ["already there", TEXTS[0], TEXTS[2], TEXTS[3]]


def test_a_database_removed_after_the_check_is_refused_not_created_empty(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = tmp_path / "gone.db"
    monkeypatch.setattr("annotator.store.bulk.check_sqlite_file", lambda _path: head_revision())
    with pytest.raises(DatabaseRefused, match="cannot open database"):
        BulkDocuments.open(gone)
    assert not gone.exists()


def test_stored_times_are_naive_utc_with_six_decimals_whatever_the_zone() -> None:
    from datetime import datetime, timedelta, timezone

    from annotator.store.values import sqlite_timestamp

    assert sqlite_timestamp(datetime(2026, 1, 2, 3, 4, 5, 0, UTC)) == \
        "2026-01-02 03:04:05.000000"
    assert sqlite_timestamp(datetime(2026, 1, 2, 3, 4, 5, 123456, UTC)) == \
        "2026-01-02 03:04:05.123456"
    assert sqlite_timestamp(datetime(2026, 1, 2, 3, 4, 5, 7, timezone(timedelta(hours=3)))) == \
        "2026-01-02 00:04:05.000007"


def test_both_writers_store_where_an_article_came_from(tmp_path: Path) -> None:
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text(
        json.dumps({"text": "قال الوزير إن 3 ممرات فتحت", "title": "ممرات", "source": "الأفق",
                     "url": "https://a.example/1", "published": "2024-07-11T09:30:00+03:00",
                     "author": "ليلى حداد", "id": 17}, ensure_ascii=False) + "\n"
        + json.dumps({"text": "already there", "source": "not stored: the text is"}) + "\n",
        encoding="utf-8")
    plan = planned_files([corpus, FIXTURES / "news_page.html"])
    by_repo, by_bulk = fresh_db(tmp_path / "repo.db"), fresh_db(tmp_path / "bulk.db")
    repo = Repository.open(by_repo)
    expected = [(d.id, d.title, d.source, d.provenance) for o in import_articles(repo, plan)
                if (d := o.document)]
    repo.close()
    bulk = BulkDocuments.open(by_bulk)
    assert bulk is not None
    got = [(d.id, d.title, d.source, d.provenance) for o in import_articles(bulk, plan)
           if (d := o.document)]
    bulk.close()
    assert got == expected and len(got) == 3
    assert rows(by_bulk) == rows(by_repo)
    stored = {r[2][:13]: r[6:] for r in rows(by_bulk)}
    assert stored["قال الوزير إن"] == ("feed.jsonl", "الأفق", "https://a.example/1",
                                        "2024-07-11T06:30:00Z", "ليلى حداد", "jsonl", "17")
    assert stored["already there"] == ("old.txt", "", "", "", "", "", "")  # the first one stays
    assert stored["ممرات آمنة لخ"][1:] == (
        "الأفق", "https://www.alofoq-news.example/politics/2024/07/11/aleppo-corridors",
        "2024-07-11", "ليلى حداد", "html", "")
