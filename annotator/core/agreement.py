"""How far analysts agree on the same documents: span F1 (exact and overlapping, as nervaluate's
strict and partial schemes count them), character-level Krippendorff's alpha, Cohen's kappa on
each attribute over matched spans, and link F1 over matched ends.

Every measure says how many units it compared. Spans are matched one to one, per document:
first those with the same offsets, then the rest by largest overlap (core/matching.py). The character-level alpha
treats each character of a document both analysts annotated as a unit whose value is the label
of the innermost span covering it ("none" where there is none); it is not the unitizing alpha of
Krippendorff (2004), which no maintained Python package computes. The alpha is the nominal one
of the `krippendorff` package, computed from the counts of each distinct pattern of values
rather than one row per character (the package holds units × values² numbers in memory: 6 GB
for a corpus of 30 million characters); the tests check both agree.
"""
from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from annotator.core.matching import Link, Unit, match

ALL = "*"  # the row of every label together
NONE = "none"


@dataclass(frozen=True)
class Row:
    """One measure: `annotators` is "a / b" for a pair or "all" pooled; `label` a label, `*`
    for all of them, "attr:NAME" for an attribute or "links"."""

    annotators: str
    label: str
    measure: str
    value: float | None
    compared: int


def _f1(correct: float, n_a: int, n_b: int) -> float | None:
    return 2 * correct / (n_a + n_b) if n_a + n_b else None


def span_rows(name: str, label: str, same: Sequence[tuple[Unit, Unit]], any_label: Sequence[tuple[Unit, Unit]],
              n_a: int, n_b: int) -> list[Row]:
    """Strict F1 (same offsets and label) from the pairs matched within labels, and partial F1
    (an overlap counts half) from `any_label`: the pairs matched whatever their label in the
    row of all labels, as nervaluate's partial scheme, else the same pairs as strict."""
    strict = sum(1 for u, v in same if (u.start, u.end) == (v.start, v.end))
    exact = sum(1 for u, v in any_label if (u.start, u.end) == (v.start, v.end))
    partial = exact + 0.5 * (len(any_label) - exact)
    return [Row(name, label, "strict F1", _f1(strict, n_a, n_b), n_a + n_b),
            Row(name, label, "partial F1", _f1(partial, n_a, n_b), n_a + n_b)]


def character_alpha(units: Sequence[Unit], annotators: Sequence[str], lengths: Mapping[int, int],
                    label: str) -> tuple[float | None, int]:
    """Nominal alpha over the characters of the documents every analyst annotated; for one
    label, each character is that label or not. Returns (alpha, characters compared)."""
    by: dict[str, list[Unit]] = {x: [] for x in annotators}
    for u in units:
        if u.annotator in by:
            by[u.annotator].append(u)
    return Characters(by, lengths).alpha(label)


class Characters:
    """The analysts' spans laid end to end over the characters of the documents all of them
    annotated, ready for character_alpha of any label."""

    def __init__(self, by: Mapping[str, Sequence[Unit]], lengths: Mapping[int, int]) -> None:
        common = set.intersection(*({u.document_id for u in mine} for mine in by.values())) if by else set()
        docs = np.array(sorted(d for d in lengths if d in common), dtype=np.int64)
        sizes = np.array([lengths[d] for d in docs.tolist()], dtype=np.int64)
        bases = np.cumsum(sizes) - sizes  # where each document starts when all are laid end to end
        self.total = int(sizes.sum())
        self.names = sorted({u.label for mine in by.values() for u in mine})
        index = {name: i for i, name in enumerate(self.names)}
        self.layers = []  # per analyst: (starts, ends, label indexes), longest first
        for mine in by.values():
            doc, start, end = (np.fromiter(map(attrgetter(field), mine), np.int64, len(mine))
                               for field in ("document_id", "start", "end"))
            label = np.fromiter((index[name] for name in map(attrgetter("label"), mine)), np.int64, len(mine))
            place = np.searchsorted(docs, doc)
            kept = place < len(docs)
            kept[kept] = docs[place[kept]] == doc[kept]
            place = place[kept]
            starts = bases[place] + start[kept]
            ends = bases[place] + np.minimum(end[kept], sizes[place])
            labels = label[kept]
            order = np.argsort(starts - ends, kind="stable")
            self.layers.append((starts[order], ends[order], labels[order]))

    def covered(self, layer: int, label: int) -> np.ndarray:
        """Whether each character lies in a span of this label of this analyst's."""
        starts, ends, labels = self.layers[layer]
        edges = (np.bincount(starts[labels == label], minlength=self.total + 1)
                 - np.bincount(ends[labels == label], minlength=self.total + 1))
        return np.cumsum(edges[:-1]) > 0  # starts minus ends, summed along

    def innermost(self, layer: int) -> np.ndarray:
        """Each character's value: 1 + the label of the innermost span covering it, 0 for none
        (the spans are laid longest first, so the inner one's label is the one a character keeps)."""
        value = np.zeros(self.total, dtype=np.int64)
        for start, end, label in zip(*(column.tolist() for column in self.layers[layer])):
            value[start:end] = label + 1
        return value

    def alpha(self, label: str) -> tuple[float | None, int]:
        if self.total == 0 or len(self.layers) < 2:
            return None, self.total
        if label == ALL:
            data = np.array([self.innermost(i) for i in range(len(self.layers))])
            return nominal_alpha(data, len(self.names) + 1), self.total
        if label not in self.names:
            return None, self.total
        i = self.names.index(label)
        return nominal_alpha(np.array([self.covered(n, i) for n in range(len(self.layers))], dtype=np.int64), 2), \
            self.total


def nominal_alpha(data: np.ndarray, values: int) -> float | None:
    """Krippendorff's nominal alpha of `data` (coders × units, every value in range(values),
    no unit missing), from the coincidences of each distinct column; None without variation."""
    code = np.zeros(data.shape[1], dtype=np.int64)
    for row in data:  # each column as one number in base `values`
        code = code * values + row
    patterns, counts = np.unique(code, return_counts=True)
    o = np.zeros((values, values))
    m = data.shape[0]
    for pattern, k in zip(patterns.tolist(), counts.tolist()):
        c = np.zeros(values)
        for _ in range(m):
            pattern, value = divmod(pattern, values)
            c[value] += 1
        o += k * (np.outer(c, c) - np.diag(c)) / (m - 1)
    n_v = o.sum(axis=0)
    n = n_v.sum()
    if np.count_nonzero(n_v) < 2:
        return None
    observed = (n - np.trace(o)) / n  # nominal: every two different values are 1 apart
    expected = (n * n - (n_v ** 2).sum()) / (n * (n - 1))
    return float(1 - observed / expected)


def kappa(pairs: Iterable[tuple[str, str]]) -> tuple[float | None, int]:
    """Cohen's kappa of paired nominal values (an unset value is its own category)."""
    pairs = list(pairs)
    n = len(pairs)
    if n == 0:
        return None, 0
    observed = sum(x == y for x, y in pairs) / n
    left, right = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    expected = sum(left[k] * right[k] for k in left) / (n * n)
    if expected == 1:
        return None, n
    return (observed - expected) / (1 - expected), n


def agreement(units: Sequence[Unit], links: Sequence[Link], lengths: Mapping[int, int],
              annotators: Sequence[str] | None = None) -> list[Row]:
    """Every measure, for each pair of analysts and pooled ("all")."""
    who = sorted(annotators) if annotators else sorted({u.annotator for u in units})
    mine: dict[str, list[Unit]] = {x: [] for x in who}
    for u in units:
        if u.annotator in mine:
            mine[u.annotator].append(u)
    counts = {x: Counter(u.label for u in mine[x]) for x in who}
    labels = sorted({u.label for u in units if u.annotator in mine})
    names = sorted({k for u in units for k in u.attributes})
    rows: list[Row] = []
    pooled: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0, 0])
    kappa_pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    link_counts = [0, 0, 0]
    for x, y in itertools.combinations(who, 2):
        name = f"{x} / {y}"
        matched = match(mine[x], mine[y], same_label=True)
        loose = match(mine[x], mine[y], same_label=False)
        characters = Characters({x: mine[x], y: mine[y]}, lengths)
        for label in [ALL, *labels]:
            n_a, n_b = (len(mine[x]), len(mine[y])) if label == ALL else (counts[x][label], counts[y][label])
            same = [p for p in matched if label in (ALL, p[0].label)]
            for row in span_rows(name, label, same, loose if label == ALL else same, n_a, n_b):
                rows.append(row)
                if row.value is not None:  # pooled as micro sums: agreed, a's count, b's count
                    tally = pooled[(label, row.measure)]
                    tally[0] += row.value * (n_a + n_b) / 2
                    tally[1] += n_a
                    tally[2] += n_b
            alpha, chars = characters.alpha(label)
            rows.append(Row(name, label, "character alpha", alpha, chars))
        for attr in names:
            values = [(u.attributes.get(attr, ""), v.attributes.get(attr, "")) for u, v in matched
                      if attr in u.attributes or attr in v.attributes]
            kappa_pairs[attr] += values
            rows.append(Row(name, f"attr:{attr}", "Cohen's kappa", *kappa(values)))
        ends = {v.id: u.id for u, v in matched}
        left: Counter[tuple[str, int | None, int | None]] = Counter(
            (r.type, r.source_id, r.target_id) for r in links if r.annotator == x)
        right = Counter((r.type, ends.get(r.source_id), ends.get(r.target_id)) for r in links if r.annotator == y)
        agreed = (left & right).total()
        n_a, n_b = sum(left.values()), sum(right.values())
        link_counts = [link_counts[0] + agreed, link_counts[1] + n_a, link_counts[2] + n_b]
        rows.append(Row(name, "links", "F1", _f1(agreed, n_a, n_b), n_a + n_b))
    if len(who) > 2:
        for (label, measure), (matched_units, a_units, b_units) in sorted(pooled.items()):
            rows.append(Row("all", label, measure, _f1(matched_units, int(a_units), int(b_units)),
                            int(a_units + b_units)))
        for attr, values in sorted(kappa_pairs.items()):
            rows.append(Row("all", f"attr:{attr}", "Cohen's kappa", *kappa(values)))
        rows.append(Row("all", "links", "F1", _f1(*link_counts), link_counts[1] + link_counts[2]))
        everyone = Characters(mine, lengths)
        for label in [ALL, *labels]:
            alpha, chars = everyone.alpha(label)
            rows.append(Row("all", label, "character alpha", alpha, chars))
    return rows
