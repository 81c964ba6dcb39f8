"""A process killed with SIGKILL while tagging leaves a sound database holding every saved tag."""
from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from reliability_support import record, start_writer
from sqlalchemy import text as sql

from annotator.store.database import head_revision, open_database
from annotator.store.repository import Repository

KILLS_WHILE_TAGGING = 20
KILLS_WHILE_CREATING = 6


@dataclass
class WriterLog:
    """What a killed writer reported: the state its `saved` lines promise, and the op in flight."""

    saved: dict[int, int] = field(default_factory=dict)  # annotation id -> label id
    saved_ops: int = 0
    slowest_ms: float = 0.0  # the longest a single write took, lock waits included
    pending: list[str] | None = None  # the last `intent` line with no `saved` line after it


def parse(lines: list[str]) -> WriterLog:
    log = WriterLog()
    for line in lines:
        kind, *rest = line.split()
        if kind == "intent":
            log.pending = rest
        elif kind == "saved":
            log.pending = None
            log.saved_ops += 1
            log.slowest_ms = max(log.slowest_ms, float(rest[3]))
            op, ann_id = rest[0], int(rest[1])
            if op == "delete":
                del log.saved[ann_id]
            else:
                log.saved[ann_id] = int(rest[2])
    return log


def read_lines(proc) -> tuple[list[str], threading.Thread]:  # type: ignore[no-untyped-def]
    lines: list[str] = []

    def pump() -> None:
        for line in proc.stdout:
            lines.append(line.strip())

    t = threading.Thread(target=pump, daemon=True)
    t.start()
    return lines, t


def integrity(db: Path) -> str:
    engine = open_database(db)
    try:
        with engine.connect() as conn:
            return "; ".join(r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check"))
    finally:
        engine.dispose()


def stored(db: Path, document_id: int) -> dict[str, dict[int, tuple[int, int, int]]]:
    """annotator -> {annotation id: (label id, start, end)} as the database holds them now."""
    repo = Repository.open(db)
    try:
        out: dict[str, dict[int, tuple[int, int, int]]] = {}
        for a in repo.annotations(document_id):
            out.setdefault(a.annotator, {})[a.id] = (a.label_id, a.start, a.end)
        return out
    finally:
        repo.close()


def check_run(log: WriterLog, actual: dict[int, tuple[int, int, int]]) -> str:
    """Raise unless the database equals the saved state, or the saved state plus the op in flight.

    Returns which of the two it was ("before", "after" or "none" when nothing was in flight).
    """
    have = {i: v[0] for i, v in actual.items()}
    if have == log.saved:
        return "before" if log.pending else "none"
    assert log.pending is not None, f"database differs from what was reported saved: {have} != {log.saved}"
    op = log.pending
    after = dict(log.saved)
    if op[0] == "create":
        extra = set(have) - set(log.saved)
        assert len(extra) == 1, f"in-flight create left {extra}"
        (new_id,) = extra
        assert actual[new_id] == (int(op[1]), int(op[2]), int(op[3]))
        after[new_id] = int(op[1])
    elif op[0] == "delete":
        after.pop(int(op[1]))
    else:
        after[int(op[1])] = int(op[2])
    assert have == after, f"database is neither before nor after the in-flight {op}"
    return "after"


def wait_for(lines: list[str], prefix: str) -> None:
    deadline = time.monotonic() + 30
    while not any(x.startswith(prefix) for x in list(lines)) and time.monotonic() < deadline:
        time.sleep(0.0005)


def kill_and_check(db: Path, doc_id: int, annotator: str, delay: float, seed: int,
                   previous: dict[str, dict[int, tuple[int, int, int]]], *, mix: bool = True,
                   after_first_save: bool = False, after_ready: bool = False) -> tuple[WriterLog, str]:
    proc = start_writer(db, doc_id, annotator, 0, *(["--mix"] if mix else []), seed=seed)
    lines, pump = read_lines(proc)
    if after_first_save:
        wait_for(lines, "saved")
    else:
        if after_ready:
            wait_for(lines, "ready")
        time.sleep(delay)
    proc.kill()  # SIGKILL: no handler, no atexit, no flush
    proc.wait(timeout=30)
    pump.join(timeout=30)
    stderr = proc.stderr.read()
    proc.stderr.close()
    proc.stdout.close()
    assert "Traceback" not in stderr, stderr

    assert integrity(db) == "ok"
    now = stored(db, doc_id)
    for other, rows in previous.items():
        assert now.get(other, {}) == rows, f"annotations of {other} changed after a later kill"
    log = parse(lines)
    outcome = check_run(log, now.get(annotator, {}))
    previous[annotator] = now.get(annotator, {})
    return log, outcome


def test_kill_right_after_a_tag_keeps_it(seeded_db: tuple[Path, int]) -> None:
    db, doc_id = seeded_db
    previous: dict[str, dict[int, tuple[int, int, int]]] = {}
    for k in range(3):
        log, _ = kill_and_check(db, doc_id, f"quick{k}", 0, k, previous, mix=False,
                                after_first_save=True)
        assert log.saved, "the writer was killed before it reported a tag"
        assert set(log.saved) <= set(previous[f"quick{k}"])


@pytest.mark.slow
def test_kill_at_random_moments_while_tagging(seeded_db: tuple[Path, int]) -> None:
    db, doc_id = seeded_db
    rng = random.Random(20261128)
    previous: dict[str, dict[int, tuple[int, int, int]]] = {}
    saved_ops = mid_write = committed_in_flight = 0
    for k in range(KILLS_WHILE_TAGGING):
        # Odd runs: a moment after the writer is ready. Even runs: counted from its start
        # (it needs ~0.7 s to start), so some kills land while it opens the database.
        odd = k % 2 == 1
        delay = rng.uniform(0.0, 0.5) if odd else rng.uniform(0.2, 1.2)
        log, outcome = kill_and_check(db, doc_id, f"run{k}", delay, k, previous, after_ready=odd)
        saved_ops += log.saved_ops
        mid_write += outcome != "none"
        committed_in_flight += outcome == "after"
    total = sum(len(v) for v in previous.values())
    record("crash: SIGKILLs while tagging", KILLS_WHILE_TAGGING)
    record("crash: writes reported saved before the kills", saved_ops)
    record("crash: kills that landed between intent and report", mid_write)
    record("crash: of those, in-flight write found committed", committed_in_flight)
    record("crash: annotations held at the end", total)
    assert saved_ops > KILLS_WHILE_TAGGING, "the writers hardly wrote anything before the kills"


def test_kill_while_creating_a_new_database(tmp_path: Path) -> None:
    """A kill during the very first open (schema creation) never leaves an unopenable file."""
    rng = random.Random(7)
    for k in range(KILLS_WHILE_CREATING):
        db = tmp_path / f"new{k}.db"
        proc = start_writer(db, 1, "x", 0, seed=k)  # dies on its own: there is no document 1
        time.sleep(rng.uniform(0.3, 0.9))
        proc.kill()
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
        assert integrity(db) == "ok"
        engine = open_database(db)
        with engine.connect() as conn:
            assert conn.execute(sql("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            assert conn.execute(sql("SELECT count(*) FROM label")).scalar() == 4
        engine.dispose()
    record("crash: SIGKILLs during first database creation", KILLS_WHILE_CREATING)
