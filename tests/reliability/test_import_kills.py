"""`annotator import` killed at random moments: what it reported as added is stored, nothing partial."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from annotator.store.articles import BATCH_FILES
from annotator.store.repository import Repository

FILES = 6_000
KILLS = 8


def articles(folder: Path) -> None:
    folder.mkdir()
    for n in range(FILES):
        body = f"مقال رقم {n}\n\nقال المتحدث إن {n} ممرات فتحت، وإن {n * 7} غارة شُنّت.\n" * 5
        (folder / f"{n:05}.txt").write_text(body, encoding="utf-8")


def run_and_kill(db: Path, folder: Path, after_lines: int | None) -> list[str]:
    """Run the import; SIGKILL it once it has printed `after_lines` lines (None: let it finish).

    Killing on observed progress, not after a time, lands mid-import on any machine.
    Returns its stdout lines.
    """
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "import", "--db", str(db),
                             str(folder)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, encoding="utf-8")
    lines: list[str] = []
    pump = threading.Thread(target=lambda: lines.extend(line.rstrip("\n") for line in proc.stdout),
                            daemon=True)
    pump.start()
    if after_lines is not None:
        deadline = time.monotonic() + 120
        while len(lines) < after_lines and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=120)
    pump.join(timeout=10)
    proc.stdout.close()  # type: ignore[union-attr]
    return lines


def stored_titles(db: Path) -> dict[int, str]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return dict(con.execute("SELECT id, title FROM document"))
    finally:
        con.close()


def test_a_killed_import_keeps_all_it_reported_and_whole_batches_only(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    articles(folder)
    db = tmp_path / "annotations.db"
    Repository.open(db).close()  # an existing database: the import takes its sqlite3-only path
    rng = random.Random(20261128)
    promised: dict[int, str] = {}
    interrupted = 0
    for kill in range(KILLS):
        # Each kill lands once the import has reported some files, well before its end.
        lines = run_and_kill(db, folder, rng.randrange(1, FILES - 3 * BATCH_FILES))
        interrupted += len(lines) < FILES
        for line in lines:
            doc_id, title, *_rest, status = line.split("\t")
            if status == "added":
                promised[int(doc_id)] = title
        stored = stored_titles(db)
        assert promised.items() <= stored.items(), f"kill {kill}: a reported document is missing"
        if kill == 0:  # from empty, only whole batches can be there
            assert len(stored) % BATCH_FILES == 0 or len(stored) == FILES, len(stored)
    assert interrupted >= KILLS - 1  # the kills landed while it was still working
    run_and_kill(db, folder, None)  # importing again completes the folder, nothing twice
    stored = stored_titles(db)
    assert sorted(stored.values()) == sorted(f"مقال رقم {n}" for n in range(FILES))
