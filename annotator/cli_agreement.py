"""`annotator agreement`: how far the analysts of a database agree, as a table, CSV or JSON."""
from __future__ import annotations

import argparse
import csv
import gc
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is loaded only when agreement is asked for, not by every command
    from annotator.core.agreement import Row

HELP_EPILOG = """\
Spans are matched one to one per document: same offsets first, then the largest overlap.
strict F1   same offsets and label; partial F1: an overlap counts half (labels aside in
            the * row), as nervaluate's strict and partial schemes
character alpha
            Krippendorff's nominal alpha over the characters of the documents every
            analyst compared annotated, each character valued by its innermost span's label
            ("none" outside spans); not the unitizing alpha
Cohen's kappa  per attribute, over spans matched with the same label (unset is a value)
links F1    links whose both ends matched, of the same type
"compared" is how many units each number rests on: spans of both analysts, characters,
matched span pairs or links."""

COLUMNS = ("annotators", "label", "measure", "value", "compared")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser,
               run: Callable[[argparse.Namespace], int]) -> None:
    p = sub.add_parser("agreement", parents=[db], formatter_class=argparse.RawDescriptionHelpFormatter,
                       help="how far the analysts agree: span F1, alpha, kappa, link F1",
                       description="Agreement between the analysts of the database, for each pair "
                                   "and pooled, per label and overall.", epilog=HELP_EPILOG)
    p.add_argument("--annotators", nargs="+", metavar="NAME", help="only these analysts (default: all)")
    p.add_argument("--label", nargs="+", metavar="NAME", help="only these labels")
    p.add_argument("--doc", nargs="+", type=int, metavar="ID", help="only these documents")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(run=run)


def rows_for(repo: object, args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    """The agreement rows of the analysts asked for, and those analysts."""
    from annotator.core.agreement import agreement

    # A short command: the hundreds of thousands of spans it reads live until it ends and make no
    # cycles, so the collector would only scan them again and again.
    gc.disable()
    units, links, lengths = repo.agreement_input(args.annotators or (), args.label or (),  # type: ignore[attr-defined]
                                                 args.doc or ())
    present = sorted({u.annotator for u in units})
    who = sorted(set(args.annotators)) if args.annotators else present
    return agreement(units, links, lengths, who), who


def _shown(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def write_rows(rows: Sequence[Row], fmt: str, out=sys.stdout) -> None:  # type: ignore[no-untyped-def]
    if fmt == "json":
        json.dump([dict(zip(COLUMNS, (r.annotators, r.label, r.measure, r.value, r.compared))) for r in rows],
                  out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows((r.annotators, r.label, r.measure, "" if r.value is None else f"{r.value:.6f}",
                          r.compared) for r in rows)
        return
    cells = [COLUMNS, *((r.annotators, "all labels" if r.label == "*" else r.label, r.measure, _shown(r.value),
                         str(r.compared)) for r in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    for row in cells:
        out.write("  ".join(cell.rjust(w) if i >= 3 else cell.ljust(w)
                            for i, (cell, w) in enumerate(zip(row, widths))).rstrip() + "\n")
