"""Where analysts' layers of one document differ: the spans of two or more layers grouped one per
layer (same label first, then any), and each group classed as an agreement, a difference of
label, boundaries or attributes, or as missing from some layers."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.matching import Unit, match

AGREED, LABEL, BOUNDARIES, BOTH, ATTRIBUTES, MISSING = (
    "agreed", "label", "boundaries", "label and boundaries", "attributes", "missing")


@dataclass(frozen=True)
class Difference:
    kind: str
    layers: tuple[Unit | None, ...]  # each compared layer's version, None where it has none

    @property
    def start(self) -> int:
        return min(u.start for u in self.versions)

    @property
    def versions(self) -> list[Unit]:
        return [u for u in self.layers if u is not None]


def _kind(layers: Sequence[Unit | None]) -> str:
    versions = [u for u in layers if u is not None]
    if len(versions) < len(layers):
        return MISSING
    spans = {(u.start, u.end) for u in versions}
    labels = {u.label for u in versions}
    if len(spans) == 1 and len(labels) == 1:
        first = dict(versions[0].attributes)
        return AGREED if all(dict(u.attributes) == first for u in versions) else ATTRIBUTES
    if len(spans) == 1:
        return LABEL
    return BOUNDARIES if len(labels) == 1 else BOTH


def differences(layers: Sequence[Sequence[Unit]]) -> list[Difference]:
    """Every group of the layers' spans, in reading order. Each layer's spans are paired one to
    one with the groups made so far (each group stands for its first version), same label
    first, then any overlap; a span paired with none starts a group of its own."""
    groups: list[list[Unit | None]] = []
    for k, layer in enumerate(layers):
        standing = [next(u for u in g if u is not None) for g in groups]
        group_of = {u.id: g for u, g in zip(standing, groups, strict=True)}
        same = match(standing, layer, same_label=True)
        paired_heads, taken = {u.id for u, _ in same}, {v.id for _, v in same}
        other = match([u for u in standing if u.id not in paired_heads],
                      [v for v in layer if v.id not in taken], same_label=False)
        for head, v in same + other:
            group_of[head.id][k] = v
            taken.add(v.id)
        for v in layer:
            if v.id not in taken:
                group: list[Unit | None] = [None] * len(layers)
                group[k] = v
                groups.append(group)
    out = [Difference(_kind(g), tuple(g)) for g in groups]
    return sorted(out, key=lambda d: (d.start, *(u.id if u else 0 for u in d.layers)))
