"""`python -m bench [--quick]`: run every case, print the table, write bench/results.json."""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench import cases_cli, cases_gui, cases_team
from bench.harness import Result, print_table, write_json


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller data, fewer runs (a smoke run)")
    parser.add_argument("--only", nargs="*", default=[],
                        help="run only cases whose name contains one of these words")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    # Medians of 9 rounds: single runs on a shared 2-core machine vary by up to a third.
    runs = 3 if args.quick else 9
    cases: list[tuple[str, Callable[[Path], Result | list[Result]]]] = [
        ("open", lambda w: cases_gui.open_case(w, runs)),
        ("tag", lambda w: cases_gui.tag_case(w, 15 if args.quick else 60)),
        ("attribute", lambda w: cases_gui.tag_case(w, 15 if args.quick else 60, "attribute")),
        ("link", lambda w: cases_gui.tag_case(w, 15 if args.quick else 60, "link")),
        ("postgres-tag", lambda w: cases_gui.postgres_tag_case(w, 15 if args.quick else 60)),
        ("scroll", lambda w: cases_gui.scroll_case(w, runs)),
        ("memory", lambda w: cases_gui.memory_case(w, runs)),
        ("cold-start", lambda w: cases_gui.cold_start_case(w, runs)),
        ("corpus-start", lambda w: cases_gui.corpus_start_case(w, 1_000_000 // scale, runs)),
        ("export", lambda w: cases_cli.export_case(w, 1_000_000 // scale, 3)),
        ("import", lambda w: cases_cli.import_case(w, 5_000 // scale, runs if args.quick else 11)),
        ("agreement", lambda w: cases_team.agreement_case(w, 100_000 // scale, 3 if args.quick else 5)),
        ("jsonl", lambda w: cases_cli.jsonl_case(w, 50_000 // scale, runs if args.quick else 7)),
    ]
    results = []
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        for name, case in cases:
            if args.only and not any(word in name for word in args.only):
                continue
            print(f"running {name} …", file=sys.stderr, flush=True)
            got = case(Path(tmp))
            for r in got if isinstance(got, list) else [got]:
                results.append(r)
                print(f"  {r.case}: ours {r.ours_median:.1f} {r.unit}, baseline "
                      f"{r.baseline_median:.1f} {r.unit}, ratio {r.ratio:.2f}", file=sys.stderr,
                      flush=True)
    print_table(results)
    out = Path(__file__).with_name("results.json")
    write_json(results, out)
    print(f"\nwritten to {out.relative_to(Path.cwd()) if out.is_relative_to(Path.cwd()) else out}")
    return 0 if all(r.ok is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
