"""The forked reader of `annotator import`: the same documents, every file once, no process left."""
from __future__ import annotations

import codecs
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.core.text import read_document, read_encoded
from annotator.store import read_ahead
from annotator.store.articles import ImportOutcome, import_articles, planned_files, read_articles
from annotator.store.bulk import BulkDocuments
from annotator.store.repository import Repository

MIXED = {
    "utf8.txt": "قال الوزير إن 3 ممرات فتحت 😀\r\nHe said «47»".encode(),
    "bom.txt": codecs.BOM_UTF8 + "نص بعلامة الترتيب e\u0301".encode(),
    "le.txt": codecs.BOM_UTF16_LE + "نص بترميز UTF-16".encode("utf-16-le"),
    "ar.txt": "قال شويغو إن عدد الممرات يبلغ 3،\r\n".encode("cp1256"),
    "twice.txt": "قال الوزير إن 3 ممرات فتحت 😀\r\nHe said «47»".encode(),  # utf8.txt again
    "binary.txt": b"\x00\x01\x02",
    "empty.txt": b"",
    "notes.md": "ليس مقالا".encode(),
}


def folder_of(tmp_path: Path, copies: int) -> Path:
    """The MIXED files, `copies` times over (each copy's texts made distinct)."""
    folder = tmp_path / "in"
    for n in range(copies):
        sub = folder / f"{n:03}"
        sub.mkdir(parents=True)
        for name, data in MIXED.items():
            extra = f" {n}".encode("utf-16-le" if name == "le.txt" else "utf-8")
            (sub / name).write_bytes(data + extra if data and name != "binary.txt" else data)
    return folder


def answers(outcomes: list[ImportOutcome]) -> list[tuple[object, ...]]:
    return [(o.path, o.created, o.encoding, o.note, o.error,
             o.document and (o.document.id, o.document.title, o.document.sha256,
                             o.document.length, o.document.source)) for o in outcomes]


def stored(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT id, title, text, sha256, length, encoding, source, done, "
                           "typeof(text) FROM document ORDER BY id").fetchall()
    finally:
        con.close()


def import_into(db: Path, plan: list[tuple[Path, str | None]], ahead: bool) -> list[ImportOutcome]:
    Repository.open(db).close()
    writer = BulkDocuments.open(db)
    assert writer is not None
    try:
        if not ahead:
            return list(import_articles(writer, plan))
        with read_ahead.read_ahead(plan) as items:
            return list(import_articles(writer, plan, items))
    finally:
        writer.close()


@pytest.fixture
def small_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_ahead, "MIN_FILES", 10)
    monkeypatch.setattr(read_ahead, "CHUNK_FILES", 7)  # chunks that do not line up with batches
    monkeypatch.setattr("annotator.store.articles.BATCH_FILES", 25)


@pytest.mark.usefixtures("small_minimum")
def test_the_forked_reader_stores_what_reading_in_turn_stores(tmp_path: Path) -> None:
    plan = planned_files([folder_of(tmp_path, 12)])
    assert read_ahead.can_read_ahead(plan)
    in_turn = import_into(tmp_path / "turn.db", plan, ahead=False)
    ahead = import_into(tmp_path / "ahead.db", plan, ahead=True)
    assert answers(ahead) == answers(in_turn)
    assert stored(tmp_path / "ahead.db") == stored(tmp_path / "turn.db")
    rows = stored(tmp_path / "ahead.db")
    assert len(rows) == 12 * 4 and {r[-1] for r in rows} == {"text"}  # stored as text, not blobs
    assert {r[5] for r in rows} == {"utf-8", "utf-8-sig", "utf-16-le", "windows-1256"}
    assert sum(o.created for o in ahead) == 48 and sum(bool(o.error) for o in ahead) == 24
    assert sum(bool(o.note) for o in ahead) == 12  # notes.md, skipped


def test_an_encoded_document_is_the_document_read_in_turn(tmp_path: Path) -> None:
    for name, data in MIXED.items():
        if name in ("binary.txt", "empty.txt"):
            continue
        path = tmp_path / name
        path.write_bytes(data)
        doc, encoded = read_document(path), read_encoded(path)
        assert (encoded.title, encoded.text, encoded.encoding, encoded.source, encoded.sha256,
                len(encoded)) == (doc.title, doc.text, doc.encoding, doc.source, doc.sha256, len(doc))
        assert encoded.utf8 == doc.text.encode("utf-8")


@pytest.mark.usefixtures("small_minimum")
def test_a_reader_that_dies_halfway_loses_no_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    plan = planned_files([folder_of(tmp_path, 12)])
    storing = os.getpid()
    seen: list[Path] = []

    def dies_at_the_40th(path: Path):  # type: ignore[no-untyped-def]
        seen.append(path)
        if os.getpid() != storing and len(seen) == 40:
            os._exit(9)  # as if killed: nothing flushed, no clean-up
        return read_encoded(path)

    monkeypatch.setattr(read_ahead, "read_encoded", dies_at_the_40th)
    expected = answers(import_into(tmp_path / "turn.db", plan, ahead=False))
    seen.clear()
    assert answers(import_into(tmp_path / "ahead.db", plan, ahead=True)) == expected
    assert stored(tmp_path / "ahead.db") == stored(tmp_path / "turn.db")
    # This process read only what the reader had not handed over (whole chunks of 7).
    assert 0 < len(seen) < len(plan) - 30


@pytest.mark.usefixtures("small_minimum")
def test_leaving_early_stops_the_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = planned_files([folder_of(tmp_path, 30)])
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    with read_ahead.read_ahead(plan) as items:
        first = next(items)
    assert first[0] == plan[0][0]
    (pid,) = forked
    with pytest.raises(ChildProcessError):  # stopped and collected: not even a zombie
        os.waitpid(pid, os.WNOHANG)


def test_few_files_are_read_in_turn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = planned_files([folder_of(tmp_path, 1)])
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked for a handful of files"))
    with read_ahead.read_ahead(plan) as items:
        assert [(p, type(i)) for p, i in items] == [(p, type(i)) for p, i in read_articles(plan)]


def running_with(marker: str) -> list[int]:
    """Processes whose command line names `marker` (the reader has its parent's)."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker in (entry / "cmdline").read_bytes().decode(
                    errors="replace"):
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_the_reader_does_not_outlive_the_command(tmp_path: Path, sig: signal.Signals) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3000):
        (folder / f"{n:05}.txt").write_text(f"مقال رقم {n}\n\n" + "قال المتحدث إن 3 ممرات فتحت. " * 80,
                                             encoding="utf-8")
    db = tmp_path / f"killed-{sig.name}.db"
    Repository.open(db).close()
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "import", "--db", str(db),
                             str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    deadline = time.monotonic() + 30
    while len(running_with(str(db))) < 2:  # wait for the reader to be forked
        assert proc.poll() is None and time.monotonic() < deadline, "no reader was started"
        time.sleep(0.005)
    os.killpg(proc.pid, sig) if sig == signal.SIGINT else os.kill(proc.pid, sig)
    _, err = proc.communicate(timeout=60)
    while running_with(str(db)):
        assert time.monotonic() < deadline, f"left running: {running_with(str(db))}"
        time.sleep(0.05)
    if sig == signal.SIGINT:  # Ctrl-C reaches both; one line, from the storing process only
        assert proc.returncode == 130
        assert err.splitlines() == ["annotator: interrupted; nothing half-written"]
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


def test_the_reader_waits_for_the_store_rather_than_read_a_folder_into_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    body = ("قال المتحدث إن 3 ممرات فتحت. " * 2400).encode()  # about 64 KiB a file
    for n in range(200):
        (folder / f"{n:04}.txt").write_bytes(f"{n}\n".encode() + body)
    plan = planned_files([folder])
    log = tmp_path / "read.log"
    storing = os.getpid()

    def logged(path: Path):  # type: ignore[no-untyped-def]
        if os.getpid() != storing:
            with log.open("a") as fh:
                fh.write(f"{path.name}\n")
        return read_encoded(path)

    monkeypatch.setattr(read_ahead, "read_encoded", logged)
    monkeypatch.setattr(read_ahead, "QUEUED_CHUNKS", 2)
    monkeypatch.setattr(read_ahead, "CHUNK_FILES", 4)
    with read_ahead.read_ahead(plan) as items:
        first = next(items)
        time.sleep(1.0)  # a store that has fallen far behind
        ahead = len(log.read_text().splitlines())
        rest = list(items)
    # At most: the pipe (1 MiB, 16 files), two queued chunks and one in the thread's hands (12),
    # one chunk being filled (4) and the file being read.
    assert ahead <= 40, ahead
    got = [first, *rest]
    assert [p for p, _ in got] == [p for p, _ in plan]
    assert [len(doc) for _, doc in got] == [len(f"{n}\n") + len(body.decode()) for n in range(200)]
