"""Window cases: first paint, scrolling and memory on a 1 MB article with 10,000 annotations; tagging."""
from __future__ import annotations

import time
from functools import cache
from pathlib import Path

from bench import cases_cli, data
from bench.harness import Result, median, p95, python_json

ANNOTATIONS = 10_000


@cache
def _big_database(work: Path) -> tuple[Path, int]:
    db = work / "big.db"
    # The window first shows the seed article, then the analyst opens the long one.
    # With 20,000 attribute values and 5,000 links, as an analyst's finished article would hold.
    repo = data.database_with(db, [data.seed_text(), data.long_article()], [0, ANNOTATIONS], scheme=True)
    doc_id = repo.documents()[1].id
    repo.close()
    return db, doc_id


@cache
def _probes(work: Path, runs: int) -> dict[str, list[dict[str, float]]]:
    db, doc_id = _big_database(work)
    out: dict[str, list[dict[str, float]]] = {"ours": [], "bare": []}
    for kind in out:  # warm-up: disk cache, compiled bytecode
        python_json(["-m", "bench.gui_probe", kind, str(db), str(doc_id), "5"])
    for _ in range(runs):
        for kind in out:
            out[kind].append(python_json(["-m", "bench.gui_probe", kind, str(db), str(doc_id),
                                          "100", repr(time.time())]))
    return out


def _result(work: Path, runs: int, key: str, case: str, unit: str,
            target: float | None) -> Result:
    probes = _probes(work, runs)
    ours = [p[key] for p in probes["ours"]]
    bare = [p[key] for p in probes["bare"]]
    return Result(case, median(ours), median(bare), unit, target, p95(ours))


def open_case(work: Path, runs: int) -> Result:
    return _result(work, runs, "first_paint_ms",
                   "open 1 MB article, 10k annotations: first paint", "ms", 1.5)


def cold_start_case(work: Path, runs: int) -> Result:
    result = _result(work, runs, "cold_start_ms", "cold start to first paint (extra)", "ms", None)
    result.note = ("not in the issue: process launch to the seed article painted; ours also "
                   "imports SQLAlchemy and opens the database")
    return result


def scroll_case(work: Path, runs: int) -> Result:
    return _result(work, runs, "scroll_ms_per_page", "scroll page by page, all highlights", "ms", 1.5)


def memory_case(work: Path, runs: int) -> Result:
    return _result(work, runs, "rss_mb", "resident memory, 1 MB article + 10k annotations",
                   "MB", 2.0)


def tag_case(work: Path, tags: int, mode: str = "tag") -> Result:
    big_db, big_doc = _big_database(work)
    small_db = work / "small.db"
    if not small_db.exists():
        data.database_with(small_db, [data.seed_text(), data.long_article()], [0, 10], scheme=True).close()
    ours = python_json(["-m", "bench.tag_probe", str(big_db), str(big_doc), str(tags), mode])["ms"]
    base = python_json(["-m", "bench.tag_probe", str(small_db), str(big_doc), str(tags), mode])["ms"]
    what = {"tag": "tag one span", "attribute": "set an attribute", "link": "link two spans"}[mode]
    result = Result(f"{what} with 10,000 existing vs 10", median(ours), median(base), "ms", 1.3,
                    p95(ours), note=f"absolute goal: p95 under 16 ms; p95 with 10 existing "
                                    f"{p95(base):.1f} ms")
    return result




def corpus_start_case(work: Path, annotations: int, runs: int) -> Result:
    """Not in the issue: does starting the window slow down as the corpus grows?"""
    big, total = cases_cli.corpus_database(work, annotations)
    small, _ = _big_database(work)

    def starts(db: Path) -> list[float]:
        return [python_json(["-m", "bench.gui_probe", "ours", str(db), "1", "0",
                             repr(time.time())])["cold_start_ms"] for _ in range(runs)]

    starts(big)  # warm-up: disk cache
    ours, base = starts(big), starts(small)
    return Result(f"cold start, {total:,} annotations vs 10,000 (extra)", median(ours),
                  median(base), "ms", None, p95(ours),
                  note="not in the issue: the window's start on a large corpus (checks, "
                       "document list counts) against the benchmark's 10,000-annotation file")


def postgres_tag_case(work: Path, tags: int) -> list[Result]:
    """Tagging the benchmark's article on a private PostgreSQL server (the same database, moved
    there with `annotator copy`), against the same on the SQLite file."""
    import subprocess
    import sys

    from bench.pg_server import running

    big_db, big_doc = _big_database(work)
    with running() as server:
        if server is None:
            print("  no PostgreSQL server here (Debian's postgresql package): case skipped", file=sys.stderr)
            return []
        url = server.new_database()
        subprocess.run([sys.executable, "-m", "annotator", "copy", "--from", str(big_db), "--to", url],
                       check=True, capture_output=True)
        ours = python_json(["-m", "bench.tag_probe", url, str(big_doc), str(tags), "tag"])["ms"]
    # The copy has the file's annotations and ids, so the same words are tagged in both.
    base = python_json(["-m", "bench.tag_probe", str(big_db), str(big_doc), str(tags), "tag"])["ms"]
    return [Result("tag one span on PostgreSQL vs the SQLite file, 10,000 existing", median(ours), median(base),
                  "ms", None, p95(ours), note=f"the issue's goal: p95 under 16 ms "
                                              f"({'met' if p95(ours) < 16 else 'missed'}); a local server")]
