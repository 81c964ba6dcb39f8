"""`annotator export` and `import-annotations`: the round trip, the guard, refusals, atomic files."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from cli_support import ARTICLES, BOM, SEEDS, cli, csv_rows, one_line_error, table

from annotator.core.csvio import HEADER
from annotator.core.text import read_document
from annotator.store.repository import Repository

NUMBER = re.compile(r"[0-9٠-٩]+(?:[.,][0-9٠-٩]+)*")
SAID = re.compile(r"(?:قال|قالت)[^.؟!\n]*[.؟!]?")  # every sentence that starts with قال / قالت


def tag_by_regex(db: Path) -> int:
    """Tag every number as a figure and every قال… sentence as a claim; returns the count."""
    repo = Repository.open(db)
    try:
        labels = {lab.name: lab.id for lab in repo.labels()}
        count = 0
        for doc in repo.documents():
            text = repo.document_text(doc.id)
            for label, pattern in (("figure", NUMBER), ("claim", SAID)):
                for m in pattern.finditer(text):
                    repo.create_annotation(doc.id, labels[label], m.start(), m.end(),
                                           note="=HYPERLINK(\"http://x\")" if count % 5 == 0 else "",
                                           annotator="regex")
                    count += 1
        return count
    finally:
        repo.close()


def without_ids(rows: list[list[str]]) -> list[list[str]]:
    return [[c for i, c in enumerate(r) if HEADER[i] not in ("document_id", "annotation_id")]
            for r in rows]


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="../shared/testdata/articles is not here")
def test_seed_and_articles_round_trip_byte_for_byte(tmp_path: Path) -> None:
    articles = sorted(ARTICLES.glob("*.txt"))
    assert len(articles) == 10
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    imported = cli("import", "--db", a, SEEDS, ARTICLES)
    assert imported.returncode == 0
    assert len(imported.stdout.splitlines()) == 11
    assert imported.stderr == (f"{ARTICLES / 'README.md'}: skipped: not a "
                               ".txt/.html/.htm/.jsonl/.ndjson/.csv/.tsv/.docx file\n")
    count = tag_by_regex(a)
    assert count > 100
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert cli("export", "--db", a, "--out", one).stdout == f"{one}: {count} annotation(s)\n"

    # Every row's text is the document's text at start:end, read back from the files themselves.
    texts = {read_document(p).sha256: read_document(p).text for p in [*articles, SEEDS / "aleppo-corridors.txt"]}
    rows = csv_rows(one)
    assert tuple(rows[0]) == HEADER and len(rows) == count + 1
    for r in rows[1:]:
        note = r[HEADER.index("note")]
        assert note in ("", "'=HYPERLINK(\"http://x\")")
        assert r[7] == texts[r[2]][int(r[5]):int(r[6])]

    # A fresh database with the same documents, imported in another order: other ids.
    assert cli("import", "--db", b, *reversed(articles), SEEDS).returncode == 0
    merged = cli("import-annotations", "--db", b, one)
    assert (merged.returncode, merged.stderr) == (0, "")
    assert merged.stdout == f"{one}: {count} added, 0 already present, 0 skipped (document not in this database)\n"
    again = cli("import-annotations", "--db", b, one)
    assert f"0 added, {count} already present" in again.stdout
    assert cli("export", "--db", b, "--out", two).returncode == 0
    assert sorted(without_ids(csv_rows(two))) == sorted(without_ids(rows))
    assert table(b, "SELECT note FROM annotation WHERE note != '' LIMIT 1") == [('=HYPERLINK("http://x")',)]


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A database holding the seed with its figures and claims tagged, and its export (read only)."""
    folder = tmp_path_factory.mktemp("tagged")
    db, out = folder / "a.db", folder / "spans.csv"
    assert cli("import", "--db", db, SEEDS).returncode == 0
    tag_by_regex(db)
    assert cli("export", "--db", db, "--out", out).returncode == 0
    return db, out


def test_export_filters_and_bytes(tagged: tuple[Path, Path], tmp_path: Path) -> None:
    db, _ = tagged
    out = tmp_path / "figures.csv"
    result = cli("export", "--db", db, "--out", out, "--label", "figure", "--doc", "1")
    assert result.returncode == 0 and result.stderr == ""  # no progress bar when stderr is not a terminal
    data = out.read_bytes()
    assert data.startswith(BOM + ",".join(HEADER).encode() + b"\r\n")
    rows = csv_rows(out)[1:]
    assert rows and {r[4] for r in rows} == {"figure"}
    # ISO 8601 UTC; the store keeps microseconds, so a fraction appears when there is one.
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z", r[10]) for r in rows)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp file left


@pytest.mark.parametrize(("args", "message"), [
    (["--label", "rumour"], "{db}: no label 'rumour' (labels: claim, accusation, figure, party)"),
    (["--doc", "99"], "{db}: no document with id 99"),
])
def test_export_refuses_unknown_filters(tagged: tuple[Path, Path], tmp_path: Path, args: list[str],
                                        message: str) -> None:
    db, _ = tagged
    out = tmp_path / "x.csv"
    assert one_line_error(cli("export", "--db", db, "--out", out, *args)) == message.format(db=db)
    assert not out.exists()


def test_export_to_a_missing_folder_or_a_folder(tagged: tuple[Path, Path], tmp_path: Path) -> None:
    db, _ = tagged
    out = tmp_path / "no" / "x.csv"
    assert one_line_error(cli("export", "--db", db, "--out", out)) == f"{out}: folder {out.parent} does not exist"
    line = one_line_error(cli("export", "--db", db, "--out", tmp_path))
    assert line == f"{tmp_path}: is a folder; give a file name such as spans.csv"


def edited(path: Path, edits: dict[tuple[int, str], str], out: Path) -> Path:
    """A copy of the CSV at `path` with cells changed: {(spreadsheet row, column): value}."""
    rows = csv_rows(path)
    for (row, column), value in edits.items():
        rows[row - 1][HEADER.index(column)] = value
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    out.write_bytes(BOM + buf.getvalue().encode("utf-8"))
    return out


def fresh(tmp_path: Path) -> Path:
    """A new database holding only the seed article (set up in-process: it is not under test)."""
    db = tmp_path / "b.db"
    repo = Repository.open(db)
    repo.add_document(read_document(SEEDS / "aleppo-corridors.txt"))
    repo.close()
    return db


def test_refused_rows_mean_nothing_is_imported_unless_skip_bad(tagged: tuple[Path, Path],
                                                              tmp_path: Path) -> None:
    _, out = tagged
    bad = edited(out, {(3, "text"): "نص آخر", (5, "label"): "rumour", (7, "end"): "999999"},
                 tmp_path / "bad.csv")
    db = fresh(tmp_path)
    result = cli("import-annotations", "--db", db, bad)
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr and len(lines) == 4
    for line, row, reason in zip(lines, (3, 5, 7), ("text does not match the document at",
                                                    "unknown label 'rumour'", "outside the document")):
        assert line.startswith(f"{bad}: row {row} (annotation ") and reason in line
    assert lines[3] == (f"{bad}: nothing imported: 3 row(s) refused "
                        "(fix them, or add --skip-bad to import the other rows)")
    assert table(db, "SELECT count(*) FROM annotation") == [(0,)]

    skipping = cli("import-annotations", "--db", db, bad, "--skip-bad")
    total = len(csv_rows(out)) - 1
    assert skipping.returncode == 0
    assert [line.split(" (annotation ")[0] for line in skipping.stderr.splitlines()] == \
        [f"{bad}: row {row}" for row in (3, 5, 7)]
    assert all(line.endswith("; skipped") for line in skipping.stderr.splitlines())
    assert skipping.stdout == (f"{bad}: {total - 3} added, 0 already present, 0 skipped (document not in "
                               "this database), 3 bad row(s) skipped\n")
    assert table(db, "SELECT count(*) FROM annotation") == [(total - 3,)]


def test_a_malformed_row_is_one_line_unless_skip_bad(tagged: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = tagged
    bad = edited(out, {(4, "start"): "twelve"}, tmp_path / "bad.csv")
    db = fresh(tmp_path)
    assert one_line_error(cli("import-annotations", "--db", db, bad)) == \
        f"{bad}: row 4: start 'twelve' is not a whole number"
    assert table(db, "SELECT count(*) FROM annotation") == [(0,)]
    result = cli("import-annotations", "--db", db, bad, "--skip-bad")
    assert result.returncode == 0
    assert result.stderr == f"{bad}: row 4: start 'twelve' is not a whole number; skipped\n"


def test_rows_of_missing_documents_are_a_warning_each(tagged: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = tagged
    db = tmp_path / "empty.db"
    result = cli("import-annotations", "--db", db, out)
    rows = len(csv_rows(out)) - 1
    assert result.returncode == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == rows
    assert all(w.startswith(f"{out}: row ") and w.endswith("is not in this database; skipped") for w in warnings)
    assert result.stdout == f"{out}: 0 added, 0 already present, {rows} skipped (document not in this database)\n"


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty file: expected the header document_id,"),
    (b"name,age\r\nx,1\r\n", "not an annotation CSV: the header must name label, start"),
    (bytes(range(256)) * 40_000, "not UTF-8 text: not an annotation CSV"),  # 10 MB of binary garbage
])
def test_garbage_csv_is_one_clear_line(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    db = fresh(tmp_path)
    line = one_line_error(cli("import-annotations", "--db", db, path))
    assert line.startswith(f"{path}: {reason}")
    assert table(db, "SELECT count(*) FROM annotation") == [(0,)]


def test_a_missing_csv_is_one_line(tmp_path: Path) -> None:
    assert one_line_error(cli("import-annotations", "--db", tmp_path / "a.db", tmp_path / "none.csv")) == \
        f"{tmp_path / 'none.csv'}: No such file or directory"


def test_skip_bad_on_many_bad_rows_reports_the_first_hundred_and_counts_the_rest(
        tagged: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = tagged
    good = len(csv_rows(out)) - 1
    bad = tmp_path / "garbage-tail.csv"
    bad.write_bytes(out.read_bytes() + b"".join(b"not,a,row,%d\r\n" % n for n in range(250)))
    db = fresh(tmp_path)
    result = cli("import-annotations", "--db", db, bad, "--skip-bad")
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 101
    assert all(line.startswith(f"{bad}: row ") and line.endswith("; skipped") for line in lines[:100])
    assert lines[100] == f"{bad}: … and 150 more malformed row(s) skipped"
    assert result.stdout.endswith(", 250 bad row(s) skipped\n")
    assert table(db, "SELECT count(*) FROM annotation") == [(good,)]


def test_a_csv_written_by_a_script_merges_with_blank_ids_times_and_annotator(tmp_path: Path) -> None:
    """The minimal form: the document's SHA-256 (or its id here), label, offsets and text."""
    db = tmp_path / "a.db"
    assert cli("import", "--db", db, SEEDS).returncode == 0
    [(doc_id, sha, text)] = table(db, "SELECT id, sha256, text FROM document")
    first, second = text.split()[0], text.split()[1]
    at = text.index(second)
    script = tmp_path / "ner_output.csv"
    script.write_text("label,start,end,text,document_sha256,score\n"
                      f"speaker,0,{len(first)},{first},{sha},0.93\n", encoding="utf-8")
    by_id = tmp_path / "by_id.csv"
    by_id.write_text(f"document_id,text,label,end,start\n{doc_id},{second},claim,"
                     f"{at + len(second)},{at}\n", encoding="utf-8")
    done = cli("import-annotations", "--db", db, script)
    assert done.returncode == 1 and "unknown label 'speaker'" in done.stderr  # still refused whole
    script.write_text(script.read_text(encoding="utf-8").replace("speaker", "figure"), encoding="utf-8")
    done = cli("import-annotations", "--db", db, script)
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"{script}: note: columns ignored: score\n"
    assert "1 added" in done.stdout
    done = cli("import-annotations", "--db", db, by_id, "--annotator", "huda")
    assert done.returncode == 0 and "1 added" in done.stdout, done.stderr
    rows = table(db, "SELECT l.name, a.start, a.end, a.annotator, a.created_at, a.updated_at "
                     "FROM annotation a JOIN label l ON l.id = a.label_id ORDER BY a.start")
    assert [r[:4] for r in rows] == [("figure", 0, len(first), "ner_output"),
                                      ("claim", at, at + len(second), "huda")]
    assert all(r[4] and r[4] == r[5] for r in rows)  # blank times became the time of the merge
    again = cli("import-annotations", "--db", db, script)
    assert "0 added, 1 already present" in again.stdout
