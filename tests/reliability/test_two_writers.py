"""Two processes writing one SQLite file at once lose nothing and never see 'database is locked'."""
from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_support import SEED, record, start_writer, subprocess_env
from test_crash_safety import parse

from annotator.core.text import read_document
from annotator.store.repository import Repository

WRITES_EACH = 500


def wait_ready(proc: subprocess.Popen[str]) -> None:
    line = proc.stdout.readline().strip()
    assert line == "ready", f"writer failed to start: {line!r} {proc.stderr.read()}"


def run_two_writers(db: Path | str, doc_id: int, gun: Path, *extra: str,
                    names: tuple[str, ...] = ("left", "right")) -> dict[str, float | int]:
    """Writers (two by default) doing WRITES_EACH create/delete/relabel each at once; checks and
    returns figures."""
    writers = {name: start_writer(db, doc_id, name, WRITES_EACH, "--mix", "--wait", str(gun),
                                  "--peers", *(x for x in names if x != name), *extra, seed=seed)
               for seed, name in enumerate(names, start=1)}
    for proc in writers.values():
        wait_ready(proc)
    started = time.monotonic()
    gun.touch()
    outputs = {name: proc.communicate(timeout=240) for name, proc in writers.items()}
    elapsed = time.monotonic() - started

    repo = Repository.open(db)
    stored = repo.annotations(doc_id)
    repo.close()
    order: list[tuple[int, str]] = []  # which writer made each create, in id order
    slowest = 0.0
    for name, (out, err) in outputs.items():
        assert writers[name].returncode == 0, f"{name} failed:\n{err}"
        for trouble in ("locked", "Traceback", "serializ", "deadlock"):
            assert trouble not in err, err
        lines = out.split("\n")
        log = parse([x for x in lines if x.startswith(("intent", "saved"))])
        assert log.saved_ops == WRITES_EACH and log.pending is None
        slowest = max(slowest, log.slowest_ms)
        mine = {a.id: a.label_id for a in stored if a.annotator == name}
        assert mine == log.saved, f"{name}: the database differs from what it reported saved"
        # After all finished, each process reads back everything, the others' work included.
        assert f"seen {len(stored)}" in lines
        order += [(int(x.split()[2]), name) for x in lines if x.startswith("saved create")]
    order.sort()
    switches = sum(1 for a, b in itertools.pairwise(order) if a[1] != b[1])
    return {"seconds": round(elapsed, 1), "switches": switches, "slowest_ms": slowest}


def test_four_analysts_on_a_postgresql_server_lose_nothing(pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Four processes × 500 creates, deletes and relabels on one document of a shared server."""
    url = pg_server.new_database()
    repo = Repository.open(url)
    doc_id = repo.add_document(read_document(SEED))[0].id
    repo.close()
    figures = run_two_writers(url, doc_id, tmp_path / "go", names=("ann", "bea", "cai", "dan"))
    assert figures["switches"] >= 100, f"the writers did not interleave: {figures}"
    record("four writers on PostgreSQL, full speed", f"4 x {WRITES_EACH} writes: {figures}")


def test_two_writers_at_a_human_pace_interleave_and_lose_nothing(
        seeded_db: tuple[Path, int], tmp_path: Path) -> None:
    db, doc_id = seeded_db
    figures = run_two_writers(db, doc_id, tmp_path / "go", "--pause-ms", "4")
    assert figures["switches"] >= 100, f"the two writers did not interleave: {figures}"
    record("two writers, paced (0-4 ms between writes)", f"2 x {WRITES_EACH} writes: {figures}")


@pytest.mark.slow
def test_two_writers_at_full_speed_lose_nothing(seeded_db: tuple[Path, int], tmp_path: Path) -> None:
    """Flat out, SQLite's lock waits make the turns bursty, but no write fails or goes missing."""
    db, doc_id = seeded_db
    figures = run_two_writers(db, doc_id, tmp_path / "go")
    record("two writers, full speed", f"2 x {WRITES_EACH} writes: {figures}")


def test_writer_waits_for_a_held_lock_instead_of_failing(seeded_db: tuple[Path, int],
                                                        tmp_path: Path) -> None:
    """Another connection holds the write lock for 2 s: the writer waits, then saves."""
    db, doc_id = seeded_db
    gun = tmp_path / "go"
    proc = start_writer(db, doc_id, "patient", 5, "--wait", str(gun))
    wait_ready(proc)
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    gun.touch()  # the writer starts only now, with the lock already taken
    time.sleep(2.0)
    blocker.execute("COMMIT")
    blocker.close()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and "locked" not in err, err
    log = parse([x for x in out.splitlines() if x.startswith(("intent", "saved"))])
    assert log.saved_ops == 5
    assert log.slowest_ms >= 1500, "the first write did not wait for the lock"


OPEN_NEW = """
import sys, time
from pathlib import Path
from annotator.core.text import read_document
from annotator.store.repository import Repository
gun = Path(sys.argv[2])
print("ready", flush=True)
while not gun.exists():
    time.sleep(0.002)
repo = Repository.open(sys.argv[1])
print(len(repo.labels()))
"""


def test_processes_opening_a_new_database_at_once(tmp_path: Path) -> None:
    """Four processes create the same new database together: one schema, three default labels."""
    db, gun = tmp_path / "fresh.db", tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", OPEN_NEW, str(db), str(gun)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=subprocess_env()) for _ in range(4)]
    for proc in procs:  # every interpreter has finished importing before the start gun
        assert proc.stdout.readline().strip() == "ready"  # type: ignore[union-attr]
    gun.touch()
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.strip() == "4"
    repo = Repository.open(db)
    assert [label.name for label in repo.labels()] == ["claim", "accusation", "figure", "party"]
    repo.close()
