"""Running the real `annotator` command as a subprocess, and reading what it wrote."""
from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT / "seeds"
ARTICLES = REPO_ROOT.parent / "shared" / "testdata" / "articles"
BOM = b"\xef\xbb\xbf"


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m annotator ARGS` in a clean environment (no $ANNOTATOR_DB), text in UTF-8."""
    env = {k: v for k, v in os.environ.items() if k != "ANNOTATOR_DB"}
    env["PYTHONUTF8"] = "1"
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=cwd or REPO_ROOT, timeout=120)


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a failed run (and proof there is no traceback)."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def csv_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def table(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
