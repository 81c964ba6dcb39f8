"""Timing helpers and the results table: medians after a warm-up, ratios against a baseline."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass
class Result:
    case: str
    ours_median: float
    baseline_median: float
    unit: str
    target: float | None  # None: shown for information, no target set by the issue
    ours_p95: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours_median / self.baseline_median if self.baseline_median else float("inf")

    @property
    def ok(self) -> bool | None:
        return None if self.target is None else self.ratio <= self.target

    def as_json(self) -> dict[str, object]:
        d = asdict(self)
        d.update(ratio=round(self.ratio, 3), ok=self.ok)
        return d


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed_rounds(fns: Sequence[Callable[[], object]], runs: int,
                 warmup: int = 1) -> list[list[float]]:
    """Wall-clock milliseconds of each command, `runs` rounds after `warmup` untimed ones, the
    commands taken in turn round after round; one list per command.

    On a shared machine a slow spell then falls on every command alike, rather than on
    whichever one happened to be running through it. Before each call, untimed, the kernel
    writes out what earlier runs and cases left dirty (os.sync): otherwise a side that syncs
    its own writes (SQLite's commits) would also wait for the megabytes the previous one wrote.
    """
    for _ in range(warmup):
        for fn in fns:
            fn()
    out: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, times in zip(fns, out):
            os.sync()
            t0 = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1000)
    return out


def run_command(args: Sequence[str], **kw: object) -> None:
    kw.setdefault("stdout", subprocess.PIPE)
    proc = subprocess.run(list(args), stderr=subprocess.PIPE, **kw)  # type: ignore[call-overload]
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed: {proc.stderr.decode()[-2000:]}")


def python_json(args: Sequence[str]) -> dict[str, Any]:
    """Run `python -m bench.<probe> ...` in a fresh process and read the JSON it prints last."""
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{args} failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def print_table(results: list[Result]) -> None:
    head = f"{'case':<48} {'ours':>9} {'baseline':>9} {'unit':>4} {'ratio':>6} {'target':>7}  ok"
    print(head)
    print("-" * len(head))
    for r in results:
        extra = f"   (p95 {r.ours_p95:.1f} {r.unit})" if r.ours_p95 is not None else ""
        target = f"{r.target:>7.2f}" if r.target is not None else f"{'—':>7}"
        verdict = {True: "yes", False: "NO", None: "info"}[r.ok]
        print(f"{r.case:<48} {r.ours_median:>9.1f} {r.baseline_median:>9.1f} {r.unit:>4} "
              f"{r.ratio:>6.2f} {target}  {verdict}{extra}")
        if r.note:
            print(f"    {r.note}")


def write_json(results: list[Result], path: Path) -> None:
    path.write_text(json.dumps([r.as_json() for r in results], indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
