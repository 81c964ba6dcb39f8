"""Two analysts' spans paired one to one, as agreement and adjudication both need: per document,
equal offsets first, then the largest overlaps. Plain Python (agreement's numpy is loaded only
for its measures)."""
from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple


class Unit(NamedTuple):
    """One analyst's annotation, as agreement sees it (a tuple: a corpus holds hundreds of thousands)."""

    id: int
    annotator: str
    document_id: int
    label: str
    start: int
    end: int
    attributes: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Link:
    annotator: str
    type: str
    source_id: int
    target_id: int



def match(a: Sequence[Unit], b: Sequence[Unit], same_label: bool) -> list[tuple[Unit, Unit]]:
    """One-to-one pairs of `a` and `b` spans in the same document: equal offsets first, then
    the largest overlaps; with `same_label`, only spans of one label pair up."""
    pairs: list[tuple[Unit, Unit]] = []
    by_doc_b: dict[int, list[Unit]] = defaultdict(list)
    for u in b:
        by_doc_b[u.document_id].append(u)
    by_doc_a: dict[int, list[Unit]] = defaultdict(list)
    for u in a:
        by_doc_a[u.document_id].append(u)
    for doc, left in by_doc_a.items():
        right = by_doc_b.get(doc, [])
        exact: dict[tuple[object, ...], list[Unit]] = defaultdict(list)
        for u in right:
            exact[(u.start, u.end, u.label if same_label else "")].append(u)
        taken: set[int] = set()
        rest = []
        for u in left:
            same = exact.get((u.start, u.end, u.label if same_label else ""))
            if same:
                v = same.pop(0)
                taken.add(v.id)
                pairs.append((u, v))
            else:
                rest.append(u)
        free = sorted((v for v in right if v.id not in taken), key=lambda v: v.start)
        starts = [v.start for v in free]
        longest = max((v.end - v.start for v in free), default=0)
        overlaps = []
        for i, u in enumerate(rest):
            u_start, u_end = u.start, u.end
            for j in range(bisect.bisect_left(starts, u_start - longest), bisect.bisect_left(starts, u_end)):
                v = free[j]
                shared = (u_end if u_end < v.end else v.end) - (u_start if u_start > v.start else v.start)
                if shared > 0 and (not same_label or u.label == v.label):
                    overlaps.append((-shared, u_start, v.start, i, j))
        overlaps.sort()
        used_a: set[int] = set()
        for _shared, _a, _b, i, j in overlaps:
            if i not in used_a and free[j].id not in taken:
                used_a.add(i)
                taken.add(free[j].id)
                pairs.append((rest[i], free[j]))
    return pairs
