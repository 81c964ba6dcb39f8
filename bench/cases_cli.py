"""Command-line cases: export a million annotations, import five thousand articles, import a
JSON Lines corpus of fifty thousand."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from annotator.store.repository import Repository
from bench import data
from bench.harness import Result, median, p95, run_command, timed_rounds

EXPORT_SQL = (
    'SELECT d.id, d.title, d.sha256, a.id, l.name, a.start, a."end", '
    'substr(d.text, a.start + 1, a."end" - a.start), a.note, a.annotator, a.created_at, '
    'a.updated_at FROM annotation a JOIN document d ON d.id = a.document_id '
    'JOIN label l ON l.id = a.label_id ORDER BY a.document_id, a.start, a."end", a.id')


def corpus_database(work: Path, annotations: int) -> tuple[Path, int]:
    """A corpus of `annotations` over documents of 5,000 each (about 20 KB of text apiece)."""
    per_doc = min(annotations, 5_000)
    docs = max(1, annotations // per_doc)
    db = work / f"corpus-{annotations}.db"
    if not db.exists():
        base = data.seed_text() * 3  # about 1,900 words a document
        data.database_with(db, [f"{n}\n{base}" for n in range(docs)], per_doc).close()
    return db, docs * per_doc


def export_case(work: Path, annotations: int, runs: int) -> Result:
    db, total = corpus_database(work, annotations)
    out = work / "ours.csv"
    with (work / "baseline.csv").open("wb") as fh:
        def baseline_export() -> None:
            fh.seek(0)
            fh.truncate()
            run_command(["sqlite3", "-csv", str(db), EXPORT_SQL], stdout=fh)

        ours, baseline = timed_rounds([
            lambda: run_command([sys.executable, "-m", "annotator", "export", "--db", str(db),
                                 "--out", str(out)]),
            baseline_export], runs)
    # A gigabyte or so each: gone before the next case, whose files should not compete with
    # them for the page cache.
    out.unlink()
    (work / "baseline.csv").unlink()
    return Result(f"export {total:,} annotations to CSV", median(ours), median(baseline),
                  "ms", 2.0, p95(ours))


# The least any import into this schema can do: read, decode, hash and insert each file, in
# batches of 500, durably (WAL, synchronous=FULL); no checks, titles, duplicates or output.
FLOOR_SCRIPT = """\
import hashlib, os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA journal_mode = WAL")
con.execute("PRAGMA synchronous = FULL")
names = sorted(n for n in os.listdir(sys.argv[2]) if n.endswith(".txt"))
for i in range(0, len(names), 500):
    con.execute("BEGIN IMMEDIATE")
    for name in names[i:i + 500]:
        with open(os.path.join(sys.argv[2], name), "rb") as fh:
            data = fh.read()
        text = data.decode("utf-8")
        con.execute("INSERT INTO document (title, text, sha256, length, encoding, source, "
                    "created_at) VALUES (?, ?, ?, ?, 'utf-8', ?, '2026-01-01 00:00:00.000000')",
                    (name, text, hashlib.sha256(data).hexdigest(), len(text), name))
    con.execute("COMMIT")
con.close()
"""


def import_case(work: Path, articles: int, runs: int) -> list[Result]:
    folder = work / "articles"
    if not folder.exists():
        data.article_files(folder, articles)
    empty = work / "import-empty.db"
    if not empty.exists():
        Repository.open(empty).close()  # an analyst imports into a database that exists
    counter = iter(range(10_000))

    def fresh_copy() -> Path:
        db = work / f"import-{next(counter)}.db"
        shutil.copyfile(empty, db)  # a few milliseconds, counted against the importer
        return db

    def ours() -> None:
        run_command([sys.executable, "-m", "annotator", "import", "--db", str(fresh_copy()),
                     str(folder)])

    baseline_script = ("import hashlib, pathlib, sys\n"
                       "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
                       "    hashlib.sha256(p.read_bytes()).hexdigest()\n")
    ours_ms, base_ms, floor_ms = timed_rounds([
        ours,
        lambda: run_command([sys.executable, "-c", baseline_script, str(folder)]),
        lambda: run_command([sys.executable, "-c", FLOOR_SCRIPT, str(fresh_copy()), str(folder)]),
    ], runs)
    return [
        Result(f"import {articles:,} articles vs the least durable import", median(ours_ms),
               median(floor_ms), "ms", 2.0, p95(ours_ms),
               note="both as fresh processes into a copy of an empty database (the copy inside "
                    "the timing); the floor is a 20-line sqlite3 script that reads, decodes, "
                    "hashes and inserts each file durably, without checks, titles, duplicates "
                    "or output"),
        Result(f"import {articles:,}: ours vs reading and hashing the files (information)",
               median(ours_ms), median(base_ms), "ms", None, p95(ours_ms),
               note="the first baseline: read and SHA-256 each file in plain Python, "
                    f"which the floor script takes {median(floor_ms) / median(base_ms):.2f}x"),
    ]


# The least any import of a JSON Lines corpus into this schema can do: read each line, parse
# it, hash and insert the text with its facts, in batches of 500, durably; no checks of types
# or dates, no titles, duplicates or output.
JSONL_FLOOR_SCRIPT = """\
import hashlib, json, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA journal_mode = WAL")
con.execute("PRAGMA synchronous = FULL")
INSERT = ("INSERT INTO document (title, text, sha256, length, encoding, source, outlet, url, "
          "published, author, file_format, external_id, created_at) VALUES "
          "(?, ?, ?, ?, 'utf-8', 'feed.jsonl', ?, ?, ?, '', 'jsonl', ?, "
          "'2026-01-01 00:00:00.000000')")
def store(rows):
    con.execute("BEGIN IMMEDIATE")
    con.executemany(INSERT, rows)
    con.execute("COMMIT")
rows = []
with open(sys.argv[2], "rb") as fh:
    for line in fh:
        a = json.loads(line)
        text = a["text"]
        rows.append((a.get("title", ""), text, hashlib.sha256(text.encode()).hexdigest(), len(text),
                     a.get("source", ""), a.get("url", ""), a.get("published", ""), str(a.get("id", ""))))
        if len(rows) == 500:
            store(rows)
            rows = []
if rows:
    store(rows)
con.close()
"""


def jsonl_case(work: Path, articles: int, runs: int) -> Result:
    feed = work / f"feed-{articles}.jsonl"
    if not feed.exists():
        data.corpus_file(feed, articles)
    empty = work / "jsonl-empty.db"
    if not empty.exists():
        Repository.open(empty).close()
    counter = iter(range(10_000))

    def fresh_copy() -> Path:
        for old in work.glob("jsonl-[0-9]*.db*"):  # a corpus database is large: keep one
            old.unlink()
        db = work / f"jsonl-{next(counter)}.db"
        shutil.copyfile(empty, db)
        return db

    ours_ms, floor_ms = timed_rounds([
        lambda: run_command([sys.executable, "-m", "annotator", "import", "--db", str(fresh_copy()),
                             str(feed)]),
        lambda: run_command([sys.executable, "-c", JSONL_FLOOR_SCRIPT, str(fresh_copy()), str(feed)]),
    ], runs)
    size = feed.stat().st_size / 2**20
    return Result(f"import a JSONL corpus of {articles:,} articles vs the floor", median(ours_ms),
                  median(floor_ms), "ms", 2.0, p95(ours_ms),
                  note=f"a {size:.0f} MB file; both as fresh processes into a copy of an empty "
                       "database (the copy inside the timing); the floor is a sqlite3 script that "
                       "parses each line and inserts its text and facts durably, without checks, "
                       "titles, duplicates or output")
