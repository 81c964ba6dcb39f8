"""The benchmark's contract: the JSON rows the issue names, and CLI cases that really run."""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # `bench` is a folder of the checkout, not an installed package

from bench import cases_cli  # noqa: E402
from bench.harness import Result, print_table, timed_rounds, write_json  # noqa: E402

KEYS = {"case", "ours_median", "baseline_median", "unit", "ratio", "target", "ok"}


def test_rows_carry_the_keys_the_issue_names_and_a_missed_target_says_no(tmp_path: Path,
                                                                          capsys) -> None:
    rows = [Result("met", 12.0, 10.0, "ms", 1.5), Result("missed", 40.0, 10.0, "ms", 3.0),
            Result("information", 5.0, 2.0, "ms", None, note="not in the issue")]
    out = tmp_path / "results.json"
    write_json(rows, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert all(KEYS <= set(row) for row in data)
    assert [(r["ratio"], r["ok"]) for r in data] == [(1.2, True), (4.0, False), (2.5, None)]
    print_table(rows)
    table = capsys.readouterr().out.splitlines()
    assert table[2].split()[-1] == "yes" and table[3].split()[-1] == "NO"
    assert table[4].split()[-1] == "info" and table[5].strip() == "not in the issue"


def test_the_import_case_runs_our_command_the_baseline_and_the_floor(tmp_path: Path) -> None:
    issue_row, hash_row = cases_cli.import_case(tmp_path, 40, 1)
    assert issue_row.case == "import 40 articles vs the least durable import"
    assert issue_row.target == 2.0 and hash_row.target is None
    for row in (issue_row, hash_row):
        assert row.ours_median > 0 and row.baseline_median > 0
    assert issue_row.ours_median == hash_row.ours_median  # the same runs of our command
    # Our runs imported every file into fresh copies of the empty database.
    imported = sorted(tmp_path.glob("import-[0-9]*.db"))
    assert imported
    con = sqlite3.connect(imported[0])
    try:
        assert con.execute("SELECT count(*) FROM document").fetchone()[0] == 40
    finally:
        con.close()


def test_commands_compared_are_timed_in_turn_round_after_round() -> None:
    calls: list[str] = []
    ours, base = timed_rounds([lambda: calls.append("ours"), lambda: calls.append("base")], 3)
    assert calls == ["ours", "base"] * 4  # a warm-up round, then three timed ones
    assert len(ours) == len(base) == 3 and all(t >= 0 for t in ours + base)


def test_the_jsonl_case_imports_the_corpus_and_the_floor_reads_the_same_file(tmp_path: Path) -> None:
    row = cases_cli.jsonl_case(tmp_path, 40, 1)
    assert row.case == "import a JSONL corpus of 40 articles vs the floor"
    assert row.target == 2.0 and row.ours_median > 0 and row.baseline_median > 0
    (last,) = tmp_path.glob("jsonl-[0-9]*.db")  # the floor's, which ran last: one copy is kept
    con = sqlite3.connect(last)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT outlet) FROM document").fetchone() == (40, 4)
    finally:
        con.close()
