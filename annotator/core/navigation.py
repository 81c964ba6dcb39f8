"""Moving through a document's annotations in reading order, finding the next paragraph not yet
annotated, and the analyst's pace: pure functions over offsets and times."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

# A paragraph: a run of text between line breaks (\r\n, \r, \n and the Unicode separators).
_PARAGRAPH = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
# A pause longer than this is a break, not work.
IDLE = timedelta(minutes=5)


def reading_order(spans: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, id) in reading order: by start, an outer span before those nested in it."""
    return sorted(spans, key=lambda s: (s[0], -s[1], s[2]))


def step(spans: Iterable[tuple[int, int, int]], current: int | None, caret: int, forward: bool) -> int | None:
    """The id of the annotation after (or before) `current`, else after (before) the caret.

    `current` is the annotation the analyst is on (its span selected); without one, the next is
    the first starting at or after the caret and the previous the last starting before it.
    """
    ordered = reading_order(spans)
    keys = [(s, -e, i) for s, e, i in ordered]
    here = next((k for k in keys if k[2] == current), None)
    if forward:
        after = [k for k in keys if (k > here if here else k[0] >= caret)]
        return after[0][2] if after else None
    before = [k for k in keys if (k < here if here else k[0] < caret)]
    return before[-1][2] if before else None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Each paragraph's [start, end), blank ones left out."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def next_bare_paragraph(text: str, spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The first paragraph after the one holding `offset` that no annotation touches."""
    for start, end in paragraphs(text):
        if end <= offset or start <= offset < end:
            continue
        if not any(s < end and start < e for s, e in spans):
            return start, end
    return None


def pace(times: Sequence[datetime], idle: timedelta = IDLE) -> float | None:
    """Annotations per hour of active work: each annotation made within `idle` of the one
    before counts, over the time those took; a longer pause is a break. None before a minute
    of work has been seen."""
    ordered = sorted(times)
    gaps = [b - a for a, b in itertools.pairwise(ordered) if b - a <= idle]
    worked = sum(gaps, timedelta())
    if worked < timedelta(minutes=1):
        return None
    return len(gaps) / (worked.total_seconds() / 3600)
