"""Helpers shared by the reliability tests: paths, writer subprocesses, file hashes, run figures."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
SEED = REPO_ROOT / "seeds" / "aleppo-corridors.txt"
WRITER = HERE / "tag_writer.py"

# Figures of the latest run (writes, kills, inputs tried), printed at the end and saved as JSON.
FIGURES: dict[str, object] = {}


def record(name: str, value: object) -> None:
    FIGURES[name] = value


def tally(name: str, n: int = 1) -> None:
    """Add n to a running count of this run (e.g. inputs tried across parametrized tests)."""
    FIGURES[name] = int(FIGURES.get(name, 0)) + n  # type: ignore[call-overload]


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    return env


def start_writer(db: Path | str, document_id: int, annotator: str, count: int, *extra: str,
                 seed: int = 0) -> subprocess.Popen[str]:
    """A tag_writer.py process writing through the real Repository; stdout is a text pipe."""
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), str(document_id), annotator, str(count),
         "--seed", str(seed), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env=subprocess_env(), cwd=REPO_ROOT)


def file_state(path: Path) -> dict[str, str | None]:
    """SHA-256 of the file and of its -wal/-shm/-journal companions (None when absent)."""
    state: dict[str, str | None] = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(f"{path}{suffix}")
        state[suffix or "db"] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return state
