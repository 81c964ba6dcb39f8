"""File dialogs on the database's folder never cost a tag (SQLite's locks survive them).

Qt's default file-type probing opens and closes every file the dialog lists, the database and
its -wal and -shm files included; on POSIX that close dropped SQLite's locks, the next process
to close the database deleted the WAL, and every later tag went to a deleted file.
"""
from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_support import SEED

from annotator.core.text import read_document
from annotator.store.repository import Repository

HELPER = Path(__file__).with_name("dialog_window.py")


def stored_tags(db: Path) -> int:
    """What another process (or one opening the file after a crash) finds in the database."""
    done = subprocess.run([sys.executable, "-c",
                           "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                           "print(c.execute('SELECT count(*) FROM annotation').fetchone()[0]); "
                           "print(c.execute('PRAGMA integrity_check').fetchone()[0])", str(db)],
                          capture_output=True, text=True, check=True, timeout=60)
    count, integrity = done.stdout.split()
    assert integrity == "ok"
    return int(count)


@pytest.mark.parametrize("kind", ["import_files", "import_folder", "open_database",
                                  "export_browse", "recent_database"])
def test_a_file_dialog_on_the_database_folder_loses_no_tag(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "z.db"
    for path in (db, tmp_path / "other.db"):
        repo = Repository.open(path)
        repo.add_document(read_document(SEED))
        repo.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.Popen([sys.executable, str(HELPER), str(db), str(tmp_path / "s.ini"), kind],
                            cwd=tmp_path, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 120)
        line = proc.stdout.readline() if ready else ""  # type: ignore[union-attr]
        if not ready:
            proc.kill()
        assert line.startswith("tagged "), proc.stderr.read()  # type: ignore[union-attr]
        words = line.split()
        tagged, shown, regained = int(words[1]), int(words[3]), int(words[5])
        assert tagged == shown == 4
        assert regained == 0  # the dialog opened none of the database's files
        assert stored_tags(db) == 4  # another process sees every tag, while the window is open
        proc.send_signal(signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=60)  # reaps it and closes the pipes
    assert stored_tags(db) == 4  # and after the window is killed
