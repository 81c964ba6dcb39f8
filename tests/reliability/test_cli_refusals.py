"""Every `annotator` subcommand given a corrupt, foreign or newer database: one line, exit 1,
no traceback, the database and its companions byte-for-byte untouched, no output file."""
from __future__ import annotations

from pathlib import Path

from reliability_support import SEED, file_state, record
from test_hostile_csv import cli_many
from test_refused_databases import CASES

from annotator.core.csvio import HEADER

HEADER_ONLY = b"\xef\xbb\xbf" + ",".join(HEADER).encode() + b"\r\n"
# Every subcommand, each with arguments that would be fine on a good database.
COMMANDS = {
    "import": lambda tmp: ["import", SEED],
    "export": lambda tmp: ["export", "--out", tmp / "out.csv"],
    "import-annotations": lambda tmp: ["import-annotations", tmp / "in.csv"],
    "show": lambda tmp: ["show", "1"],
    "gui": lambda tmp: ["gui", SEED],
}


def test_every_subcommand_refuses_a_bad_database_in_one_line(good_db: bytes, tmp_path: Path) -> None:
    # Each kind of bad database meets each subcommand once, as many at once as there are cores.
    calls, expected = [], []
    kinds = ["newer schema", "random bytes", "truncated mid-page",
             "another application's SQLite file in WAL mode"]
    pairs = [(kind, command) for i, kind in enumerate(kinds)
             for command in (list(COMMANDS) if i == 0 else [list(COMMANDS)[i % len(COMMANDS)]])]
    for n, (kind, command) in enumerate(pairs):
        folder = tmp_path / str(n)
        folder.mkdir()
        make, reason = CASES[kind]
        db = folder / "bad.db"
        make(db, good_db)
        (folder / "in.csv").write_bytes(HEADER_ONLY)  # a valid CSV: the database is the problem
        calls.append([*COMMANDS[command](folder), "--db", db])
        expected.append((kind, command, folder, db, reason, file_state(db)))
    results = cli_many(calls)
    for (kind, command, folder, db, reason, before), result in zip(expected, results):
        where = f"{command} on {kind}"
        assert result.returncode == 1, (where, result.returncode, result.stderr)
        assert "Traceback" not in result.stderr, (where, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{db}: ") and reason in lines[0], \
            (where, result.stderr)
        assert result.stdout == "", (where, result.stdout)
        assert file_state(db) == before, f"{where}: the database or its -wal/-shm changed"
        assert sorted(p.name for p in folder.iterdir()) == ["bad.db", "in.csv"], where
    record("CLI: bad-database runs refused in one line (kind x subcommand)", len(pairs))
