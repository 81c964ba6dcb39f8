"""Where two analysts' layers of one document differ: each of the first's spans paired with the
second's (same label first, then any), and each pair or lone span classed as an agreement or
a difference of label, boundaries or attributes, or as missing from one layer."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.matching import Unit, match

AGREED, LABEL, BOUNDARIES, BOTH, ATTRIBUTES, ONLY_FIRST, ONLY_SECOND = (
    "agreed", "label", "boundaries", "label and boundaries", "attributes", "only first", "only second")


@dataclass(frozen=True)
class Difference:
    kind: str
    first: Unit | None
    second: Unit | None

    @property
    def start(self) -> int:
        return min(u.start for u in (self.first, self.second) if u is not None)

    @property
    def versions(self) -> list[Unit]:
        return [u for u in (self.first, self.second) if u is not None]


def _kind(a: Unit, b: Unit) -> str:
    same_span, same_label = (a.start, a.end) == (b.start, b.end), a.label == b.label
    if same_span and same_label:
        return AGREED if dict(a.attributes) == dict(b.attributes) else ATTRIBUTES
    if same_span:
        return LABEL
    return BOUNDARIES if same_label else BOTH


def differences(first: Sequence[Unit], second: Sequence[Unit]) -> list[Difference]:
    """Every pair and lone span of the two layers, in reading order."""
    same = match(first, second, same_label=True)
    taken_a, taken_b = {u.id for u, _ in same}, {v.id for _, v in same}
    other = match([u for u in first if u.id not in taken_a], [v for v in second if v.id not in taken_b],
                  same_label=False)
    pairs = same + other
    taken_a |= {u.id for u, _ in other}
    taken_b |= {v.id for _, v in other}
    out = [Difference(_kind(a, b), a, b) for a, b in pairs]
    out += [Difference(ONLY_FIRST, a, None) for a in first if a.id not in taken_a]
    out += [Difference(ONLY_SECOND, None, b) for b in second if b.id not in taken_b]
    return sorted(out, key=lambda d: (d.start, d.first.id if d.first else 0, d.second.id if d.second else 0))
