"""SQLite's hold on the file: lost locks are noticed and taken again with no tag lost.

Closing any descriptor of the database's files drops this process's locks on them (POSIX);
another process closing the database then deletes the WAL under this one. These tests drop
the locks that way on purpose and check what another process finds.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.text import Document
from annotator.store import sqlite_hold
from annotator.store.repository import Repository
from annotator.store.sqlite_file import DatabaseRefused, check_sqlite_file

needs_proc_locks = pytest.mark.skipif(not Path("/proc/self/fdinfo").exists(),
                                      reason="the kernel does not list descriptors in /proc/self/fdinfo")

COUNT_AND_CLOSE = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                   "print(c.execute('SELECT count(*) FROM annotation').fetchone()[0]); c.close()")


def other_process_count(db: Path) -> int:
    """Open, count and close the database in another process, as `sqlite3 z.db` would."""
    done = subprocess.run([sys.executable, "-c", COUNT_AND_CLOSE, str(db)], capture_output=True,
                          text=True, check=True, timeout=60)
    return int(done.stdout)


def touch_outside_sqlite(db: Path) -> None:
    """What Qt's file-type probe did: open each of the database's files and close it."""
    for path in sqlite_hold.companions(db):
        if path.exists():
            with path.open("rb") as fh:
                fh.read(16)


@pytest.fixture
def opened(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = tmp_path / "z.db"
    repo = Repository.open(db)
    doc, _ = repo.add_document(Document(text="قال المتحدث إن عدد الممرات يبلغ ثلاثة", title="t",
                                        encoding="utf-8"))
    yield db, repo, doc.id
    repo.close()


@needs_proc_locks
def test_the_hold_is_seen_while_open_and_lost_after_a_stray_close(opened) -> None:  # type: ignore[no-untyped-def]
    db, repo, doc = opened
    repo.create_annotation(doc, 1, 0, 3)
    assert sqlite_hold.hold_lost(db) is False
    touch_outside_sqlite(db)
    assert sqlite_hold.hold_lost(db) is True


@needs_proc_locks
def test_another_process_holding_the_file_does_not_hide_a_lost_hold(opened) -> None:  # type: ignore[no-untyped-def]
    """Only this process's own locks count: another reader's shared locks on the same files are
    listed by the kernel too, and must not pass for ours."""
    db, repo, doc = opened
    repo.create_annotation(doc, 1, 0, 3)
    touch_outside_sqlite(db)
    reader = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('BEGIN'); c.execute('SELECT count(*) FROM annotation').fetchall(); "
         "print('holding', flush=True); sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "holding"
        assert sqlite_hold.hold_lost(db) is True
    finally:
        reader.communicate("")
    repo.create_annotation(doc, 2, 4, 10)  # taken again before this write
    assert sqlite_hold.hold_lost(db) is False


@needs_proc_locks
def test_lost_locks_are_taken_again_before_the_next_tag_and_nothing_is_lost(opened) -> None:  # type: ignore[no-untyped-def]
    db, repo, doc = opened
    told: list[str] = []
    repo.on_hold_regained = told.append
    repo.create_annotation(doc, 1, 0, 3)
    touch_outside_sqlite(db)
    # Another process now believes it is the last: it checkpoints and deletes the WAL.
    assert other_process_count(db) == 1
    assert not db.with_name("z.db-wal").exists()
    repo.create_annotation(doc, 2, 4, 10)
    repo.create_annotation(doc, 3, 11, 13)
    assert len(told) == 1 and "z.db" in told[0] and "nothing is lost" in told[0]
    assert other_process_count(db) == 3
    assert sqlite_hold.hold_lost(db) is False
    # No stray file is left open on a deleted WAL or shared-memory file.
    links = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
             if os.path.exists(f"/proc/self/fd/{fd}")]
    assert not [link for link in links if "z.db" in link and "(deleted)" in link]


@needs_proc_locks
def test_a_second_repository_in_the_process_keeps_the_first_ones_locks(opened) -> None:  # type: ignore[no-untyped-def]
    """Opening the same file again used to read its header with open(): that close dropped the locks."""
    db, repo, doc = opened
    repo.create_annotation(doc, 1, 0, 3)
    second = Repository.open(db)
    try:
        assert sqlite_hold.hold_lost(db) is False
        second.create_annotation(doc, 2, 4, 10)
        assert other_process_count(db) == 2
        repo.create_annotation(doc, 3, 11, 13)
        assert other_process_count(db) == 3
    finally:
        second.close()


@needs_proc_locks
def test_no_reconnect_in_ordinary_use(opened) -> None:  # type: ignore[no-untyped-def]
    db, repo, doc = opened
    told: list[str] = []
    repo.on_hold_regained = told.append
    for n in range(20):
        repo.create_annotation(doc, 1 + n % 3, n, n + 1)
        assert other_process_count(db) == n + 1
    repo.annotations(doc)
    assert told == []


def test_a_database_moved_while_open_is_refused_not_recreated(opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, repo, doc = opened
    repo.create_annotation(doc, 1, 0, 3)
    db.rename(tmp_path / "moved.db")
    with pytest.raises(DatabaseRefused, match="moved, replaced or deleted"):
        repo.create_annotation(doc, 2, 4, 10)
    assert not db.exists()  # no new, empty database in its place


def test_a_hard_linked_database_is_refused(opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, repo, _ = opened
    repo.close()
    os.link(db, tmp_path / "alias.db")
    with pytest.raises(DatabaseRefused, match="hard links"):
        Repository.open(tmp_path / "alias.db")


def test_a_symlink_opens_the_file_it_names(opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """SQLite names the WAL after the path: both names must lead to one WAL, the real file's."""
    db, repo, doc = opened
    link = tmp_path / "link.db"
    link.symlink_to(db)
    through_link = Repository.open(link)
    try:
        assert through_link.database_file == db.resolve()
        through_link.create_annotation(doc, 1, 0, 3)
        assert not Path(f"{link}-wal").exists()
        assert len(repo.annotations(doc)) == 1
    finally:
        through_link.close()


def test_own_files_are_matched_by_name_and_by_identity(tmp_path: Path) -> None:
    db = tmp_path / "z.db"
    db.write_bytes(b"")
    (tmp_path / "alias.txt").symlink_to(db)
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    for name in ("z.db", "z.db-wal", "z.db-shm", "z.db-journal", "alias.txt"):
        assert sqlite_hold.is_own_file(tmp_path / name, db), name
    assert not sqlite_hold.is_own_file(tmp_path / "notes.txt", db)
    assert not sqlite_hold.is_own_file(tmp_path / "z.db.txt", db)


MOUNTINFO = """\
22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
40 22 0:35 / /mnt/share rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
41 22 0:36 / /mnt/share\\040two rw - cifs //host/two rw
42 40 254:1 / /mnt/share/local rw - ext4 /dev/vdb rw
"""


@pytest.mark.parametrize("path, kind", [("/home/a/z.db", "ext4"), ("/mnt/share/z.db", "nfs4"),
                                        ("/mnt/share two/z.db", "cifs"),
                                        ("/mnt/share/local/z.db", "ext4"),
                                        ("/mnt/shared/z.db", "ext4")])
def test_the_file_system_of_a_path(tmp_path: Path, path: str, kind: str) -> None:
    info = tmp_path / "mountinfo"
    info.write_text(MOUNTINFO, encoding="utf-8")
    assert sqlite_hold.file_system_type(Path(path), info) == kind


def test_a_database_on_a_network_file_system_is_refused(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_hold, "file_system_type", lambda _path: "nfs4")
    with pytest.raises(DatabaseRefused, match=r"network file system \(nfs4\)"):
        check_sqlite_file(tmp_path / "z.db")
    assert not (tmp_path / "z.db").exists()
