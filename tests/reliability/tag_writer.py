"""Subprocess helper: tags a document through the real Repository and reports each saved change.

Run as `python tag_writer.py DB DOCUMENT_ID ANNOTATOR COUNT [--mix] [--seed N] [--wait FILE]
[--peers NAME ...] [--pause-ms MS]`.
Every line on stdout is flushed as soon as it is written:

    intent create <label_id> <start> <end>   before the call
    saved create <id> <label_id> <ms>        after create_annotation returned (committed)
    intent delete <id> / saved delete <id>
    intent relabel <id> <label_id> / saved relabel <id> <label_id>
    seen <n>                                 annotations of the document read at the end

Each `saved` line ends with how long the call took in milliseconds (lock waits included).
A parent kills this process at random moments and then checks that every `saved` line holds
in the database. `--wait FILE` makes it start writing only once FILE exists (a start gun for
two writers), and, when writing is over, wait for FILE.done-<other> before the final read.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from annotator.store.repository import Repository


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def ms(since: float) -> str:
    return f"{(time.perf_counter() - since) * 1000:.1f}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("document_id", type=int)
    ap.add_argument("annotator")
    ap.add_argument("count", type=int, help="number of writes; 0 = until killed")
    ap.add_argument("--mix", action="store_true", help="also delete and relabel")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--wait", help="start gun file")
    ap.add_argument("--pause-ms", type=float, default=0.0,
                    help="pause up to this long between writes, as a person tagging would")
    ap.add_argument("--peers", nargs="*", default=[], help="annotators to wait for at the end")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    repo = Repository.open(args.db)
    length = len(repo.document_text(args.document_id))
    label_ids = [label.id for label in repo.labels()]
    live: dict[int, int] = {}  # id -> label_id of this writer's annotations
    say("ready")
    if args.wait:
        gun = Path(args.wait)
        while not gun.exists():
            time.sleep(0.005)

    n = 0
    while args.count == 0 or n < args.count:
        op = rng.random() if args.mix and live else 0.0
        if op < 0.6:  # spans differ by their counter: one writer's creates never collide
            start = n % (length - 1)
            end = min(length, start + 1 + 8 * (n // (length - 1)) + rng.randrange(8))
            label_id = rng.choice(label_ids)
            say(f"intent create {label_id} {start} {end}")
            t0 = time.perf_counter()
            info = repo.create_annotation(args.document_id, label_id, start, end,
                                          note=f"n{n}", annotator=args.annotator)
            live[info.id] = label_id
            say(f"saved create {info.id} {label_id} {ms(t0)}")
        elif op < 0.8:
            victim = rng.choice(sorted(live))
            say(f"intent delete {victim}")
            t0 = time.perf_counter()
            repo.delete_annotation(victim)
            del live[victim]
            say(f"saved delete {victim} - {ms(t0)}")
        else:
            target = rng.choice(sorted(live))
            label_id = rng.choice([x for x in label_ids if x != live[target]])
            say(f"intent relabel {target} {label_id}")
            t0 = time.perf_counter()
            repo.update_annotation(target, label_id=label_id)
            live[target] = label_id
            say(f"saved relabel {target} {label_id} {ms(t0)}")
        n += 1
        if args.pause_ms:
            time.sleep(rng.uniform(0, args.pause_ms) / 1000)

    if args.wait:
        Path(f"{args.wait}.done-{args.annotator}").touch()
        deadline = time.monotonic() + 60
        for peer in args.peers:
            while not Path(f"{args.wait}.done-{peer}").exists():
                if time.monotonic() > deadline:
                    say(f"gave up waiting for {peer}")
                    return 3
                time.sleep(0.005)
    say(f"seen {len(repo.annotations(args.document_id))}")
    repo.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
