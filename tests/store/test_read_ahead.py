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


def import_into(db: Path, plan: list[tuple[Path, str | None]], ahead: bool,
                problems: list[str | None] | None = None) -> list[ImportOutcome]:
    Repository.open(db).close()
    writer = BulkDocuments.open(db)
    assert writer is not None
    try:
        if not ahead:
            return list(import_articles(writer, plan))
        with read_ahead.read_ahead(plan) as items:
            outcomes = list(import_articles(writer, plan, items))
        if problems is not None:
            problems.append(items.problem)
        return outcomes
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
    problems: list[str | None] = []
    assert answers(import_into(tmp_path / "ahead.db", plan, ahead=True, problems=problems)) \
        == expected
    assert stored(tmp_path / "ahead.db") == stored(tmp_path / "turn.db")
    # This process read only what the reader had not handed over (whole chunks of 7), and
    # says the reader stopped early.
    assert 0 < len(seen) < len(plan) - 30
    assert problems == ["the reading process ended early"]


@pytest.mark.usefixtures("small_minimum")
def test_a_fault_in_the_reader_is_reported_and_loses_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = planned_files([folder_of(tmp_path, 12)])
    storing = os.getpid()
    calls = [0]

    def faulty(path: Path):  # type: ignore[no-untyped-def]
        calls[0] += 1
        if os.getpid() != storing and calls[0] == 30:
            raise RuntimeError("a bug in the reader")
        return read_encoded(path)

    monkeypatch.setattr(read_ahead, "read_encoded", faulty)
    expected = answers(import_into(tmp_path / "turn.db", plan, ahead=False))
    problems: list[str | None] = []
    assert answers(import_into(tmp_path / "ahead.db", plan, ahead=True, problems=problems)) \
        == expected
    assert problems == ["RuntimeError: a bug in the reader"]


@pytest.mark.usefixtures("small_minimum")
def test_when_no_process_can_be_made_the_files_are_read_in_turn(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = planned_files([folder_of(tmp_path, 12)])
    expected = answers(import_into(tmp_path / "turn.db", plan, ahead=False))

    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    before = len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").is_dir() else None
    problems: list[str | None] = []
    assert answers(import_into(tmp_path / "ahead.db", plan, ahead=True, problems=problems)) \
        == expected
    assert problems == [None]
    if before is not None:  # the pipe made for the reader was closed again
        assert len(os.listdir("/proc/self/fd")) == before


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


def many_articles(folder: Path, files: int, repeat: int) -> None:
    folder.mkdir()
    for n in range(files):
        (folder / f"{n:05}.txt").write_text(f"مقال رقم {n}\n\n" + "قال المتحدث إن 3 ممرات فتحت. "
                                             * repeat, encoding="utf-8")


def stored_count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return con.execute("SELECT count(*) FROM document").fetchone()[0]
    finally:
        con.close()


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
    many_articles(folder, 3000, 80)
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
    stored_count(db)  # passes the integrity check


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
    monkeypatch.setattr(read_ahead, "QUEUED_BYTES", 200 * 1024)  # less than one chunk: one waits
    monkeypatch.setattr(read_ahead, "CHUNK_FILES", 4)
    with read_ahead.read_ahead(plan) as items:
        first = next(items)
        time.sleep(1.0)  # a store that has fallen far behind
        ahead = len(log.read_text().splitlines())
        rest = list(items)
    # At most: the pipe (1 MiB, 16 files), one queued chunk and one in the thread's hands (8),
    # one chunk being filled (4) and the file being read.
    assert ahead <= 32, ahead
    got = [first, *rest]
    assert [p for p, _ in got] == [p for p, _ in plan]
    assert [len(doc) for _, doc in got] == [len(f"{n}\n") + len(body.decode()) for n in range(200)]


def reader_of(pid: int) -> int | None:
    """The forked reader of process `pid`, once it runs."""
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "stat").read_text().split(") ")[1].split()[1] \
                    == str(pid):
                return int(entry.name)
        except (OSError, IndexError):
            continue
    return None


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_reader_killed_from_outside_costs_one_warning_and_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    many_articles(folder, 3000, 700)  # 20 KB each: the reader runs well ahead and waits
    db = tmp_path / "a.db"
    Repository.open(db).close()
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "import", "--db", str(db),
                             str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")
    deadline = time.monotonic() + 30
    while (reader := reader_of(proc.pid)) is None:
        assert proc.poll() is None and time.monotonic() < deadline, "no reader was started"
        time.sleep(0.002)
    os.kill(reader, signal.SIGKILL)  # as the out-of-memory killer would
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert err.splitlines() == ["annotator: the second process reading the files stopped early "
                                "(the reading process ended early); this one read the rest"]
    assert len(out.splitlines()) == 3000 and stored_count(db) == 3000


@pytest.mark.parametrize("inherited", ["SIGCHLD ignored", "SIGTERM ignored"])
def test_signals_a_parent_set_neither_fail_nor_hang_the_import(tmp_path: Path,
                                                               inherited: str) -> None:
    """A supervisor may start us with SIGCHLD or SIGTERM ignored (both survive exec)."""
    folder = tmp_path / "many"
    files = 1500  # 30 MB: more than the reader may hand over ahead, so it waits on the pipe
    many_articles(folder, files, 700)
    db = tmp_path / "a.db"
    Repository.open(db).close()
    which = signal.SIGCHLD if inherited == "SIGCHLD ignored" else signal.SIGTERM
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "import", "--db", str(db),
                             str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8",
                            preexec_fn=lambda: signal.signal(which, signal.SIG_IGN))
    if which == signal.SIGCHLD:  # the whole import: exit 0, nothing on stderr
        out, err = proc.communicate(timeout=60)
        assert (proc.returncode, err) == (0, "")
        assert len(out.splitlines()) == files and stored_count(db) == files
        return
    # `annotator import … | true`: no one reads the output, so the first batch's lines fail
    # while the reader waits on a full pipe; the command must end at once (as it did before
    # it had a reader) and leave no reader behind.
    assert proc.stdout is not None
    proc.stdout.close()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        for pid in running_with(str(db)):
            os.kill(pid, signal.SIGKILL)
        raise
    deadline = time.monotonic() + 10
    while running_with(str(db)):
        assert time.monotonic() < deadline, f"left running: {running_with(str(db))}"
        time.sleep(0.05)
    assert stored_count(db) % 500 == 0  # whole batches only (printed or in flight)
