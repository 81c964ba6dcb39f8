"""An interval index of annotation spans: which spans touch a range, and their overlap layers."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from annotator.core.spans import assign_layers


class SpanIndex:
    """Code-point spans sorted by start, with the running maximum of their ends, and lazy layers.

    The running maximum makes "which spans touch [a, b)" two bisections. Spans that overlap
    transitively form a cluster (a contiguous run in start order); a cluster's layers
    (core.spans.assign_layers) are computed the first time one of its spans is shown, and adding
    or removing a span recomputes only its cluster. Plain parallel lists keep a 10,000-span
    index to a handful of Python objects.
    """

    def __init__(self, spans: Iterable[tuple[int, int, int]] = ()) -> None:
        items = sorted(sp for sp in spans if sp[1] > sp[0])
        self._load([sp[0] for sp in items], [sp[1] for sp in items], [sp[2] for sp in items])

    @classmethod
    def from_columns(cls, starts: list[int], ends: list[int], keys: list[int]) -> SpanIndex:
        """An index over parallel columns already sorted by start (no span may be empty)."""
        index = cls.__new__(cls)
        index._load(starts, ends, keys)
        return index

    def _load(self, starts: list[int], ends: list[int], keys: list[int]) -> None:
        self._starts, self._ends, self._keys = starts, ends, keys
        self._reach = list(accumulate(ends, max))  # _reach[i] = max(ends[:i + 1])
        self._start_of = dict(zip(keys, starts))
        self._end_of = dict(zip(keys, ends))
        self._layer: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: int) -> bool:
        return key in self._start_of

    def span(self, key: int) -> tuple[int, int]:
        return self._start_of[key], self._end_of[key]

    def layer(self, key: int) -> int:
        """Layer of `key`: 0 is the background, 1, 2, ... the underlines below the text."""
        if key not in self._layer:
            self._resolve(*self._cluster(self._position(key)))
        return self._layer[key]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """(start, end, key, layer) of every span sharing a code point with [start, end)."""
        starts, ends, keys, layer = self._starts, self._ends, self._keys, self._layer
        found = []
        for i in range(bisect_right(self._reach, start), bisect_left(starts, end)):
            if ends[i] > start:
                key = keys[i]
                if key not in layer:
                    self._resolve(*self._cluster(i))
                found.append((starts[i], ends[i], key, layer[key]))
        return found

    def covering(self, offset: int) -> list[int]:
        """Keys of the spans containing code point `offset`, innermost (shortest) first."""
        hits = self.overlapping(offset, offset + 1)
        return [key for s, e, key, _layer in sorted(hits, key=lambda h: (h[1] - h[0], h[0], h[2]))]

    def add(self, start: int, end: int, key: int) -> set[int]:
        """Insert a span; return the keys whose layer changed (the new key included)."""
        if key in self._start_of:
            raise KeyError(f"span {key} is already indexed")
        if end <= start:
            raise ValueError(f"empty span {start}-{end}")
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._keys.insert(i, key)
        self._start_of[key], self._end_of[key] = start, end
        reach = self._reach
        reach.insert(i, max(reach[i - 1], end) if i else end)
        j = i + 1
        while j < len(reach) and reach[j] < end:
            reach[j] = end
            j += 1
        return self._relayer(*self._cluster(i))

    def remove(self, key: int) -> set[int]:
        """Drop a span; return the keys left whose layer changed."""
        i = self._position(key)
        c0, c1 = self._cluster(i)
        before = {k: self._layer.get(k) for k in self._keys[c0:c1]}
        for column in (self._starts, self._ends, self._keys, self._reach):
            del column[i]
        del self._start_of[key], self._end_of[key]
        self._layer.pop(key, None)
        before.pop(key)
        ends, reach = self._ends, self._reach
        j, prev = i, (reach[i - 1] if i else -1)
        while j < len(reach):
            now = max(prev, ends[j])
            if now == reach[j]:
                break
            reach[j] = prev = now
            j += 1
        shown = any(v is not None for v in before.values())
        for k in before:
            self._layer.pop(k, None)
        j = c0
        while shown and j < c1 - 1:  # the old cluster may have fallen apart into several
            a, j = self._cluster(j)
            self._resolve(a, j)
        return {k for k, v in before.items() if self._layer.get(k) != v}

    def _relayer(self, c0: int, c1: int) -> set[int]:
        members = self._keys[c0:c1]
        before = {k: self._layer.pop(k, None) for k in members}
        if any(v is not None for v in before.values()):
            self._resolve(c0, c1)
        return {k for k in members if self._layer.get(k) != before[k]}

    def _position(self, key: int) -> int:
        i = bisect_left(self._starts, self._start_of[key])
        while self._keys[i] != key:
            i += 1
        return i

    def _cluster(self, i: int) -> tuple[int, int]:
        """[c0, c1): the run of spans around position i that overlap one another transitively."""
        starts, reach = self._starts, self._reach
        c0 = i
        while c0 > 0 and starts[c0] < reach[c0 - 1]:
            c0 -= 1
        c1 = i + 1
        while c1 < len(starts) and starts[c1] < reach[c1 - 1]:
            c1 += 1
        return c0, c1

    def _resolve(self, c0: int, c1: int) -> None:
        if c1 - c0 == 1:
            self._layer[self._keys[c0]] = 0
        else:
            self._layer.update(assign_layers(zip(self._starts[c0:c1], self._ends[c0:c1],
                                                 self._keys[c0:c1])))
