"""Two or more layers of one document, every kind of difference."""
from __future__ import annotations

from annotator.core.adjudication import (
    AGREED,
    ATTRIBUTES,
    BOTH,
    BOUNDARIES,
    LABEL,
    MISSING,
    differences,
)
from annotator.core.matching import Unit


def test_each_pair_and_lone_span_is_classed_in_reading_order() -> None:
    ann = [Unit(1, "ann", 1, "claim", 0, 10, {"certainty": "certain"}), Unit(2, "ann", 1, "figure", 12, 14),
           Unit(3, "ann", 1, "party", 20, 25), Unit(4, "ann", 1, "claim", 30, 40),
           Unit(5, "ann", 1, "figure", 50, 52), Unit(6, "ann", 1, "claim", 60, 70)]
    bea = [Unit(11, "bea", 1, "claim", 0, 10, {"certainty": "probable"}), Unit(12, "bea", 1, "figure", 12, 15),
           Unit(13, "bea", 1, "accusation", 20, 25), Unit(14, "bea", 1, "accusation", 31, 40),
           Unit(16, "bea", 1, "claim", 60, 70), Unit(17, "bea", 1, "party", 80, 85)]
    got = [(d.kind, *(u.id if u else None for u in d.layers)) for d in differences([ann, bea])]
    assert got == [(ATTRIBUTES, 1, 11), (BOUNDARIES, 2, 12), (LABEL, 3, 13), (BOTH, 4, 14),
                   (MISSING, 5, None), (AGREED, 6, 16), (MISSING, None, 17)]


def test_a_figure_pairs_with_the_other_figure_not_with_the_claim_around_it() -> None:
    ann = [Unit(1, "ann", 1, "claim", 0, 30), Unit(2, "ann", 1, "figure", 10, 12)]
    bea = [Unit(11, "bea", 1, "claim", 0, 29), Unit(12, "bea", 1, "figure", 10, 13)]
    got = {tuple(u.id for u in d.versions) for d in differences([ann, bea]) if len(d.versions) == 2}
    assert got == {(1, 11), (2, 12)}


def test_three_layers_are_grouped_one_version_per_analyst() -> None:
    ann = [Unit(1, "ann", 1, "claim", 0, 10), Unit(2, "ann", 1, "figure", 12, 14),
           Unit(3, "ann", 1, "party", 20, 25)]
    bea = [Unit(11, "bea", 1, "claim", 0, 10), Unit(12, "bea", 1, "figure", 12, 15),
           Unit(14, "bea", 1, "party", 40, 45)]
    cai = [Unit(21, "cai", 1, "claim", 0, 10), Unit(22, "cai", 1, "figure", 11, 14),
           Unit(23, "cai", 1, "accusation", 20, 25), Unit(24, "cai", 1, "party", 40, 44)]
    got = [(d.kind, *(u.id if u else None for u in d.layers)) for d in differences([ann, bea, cai])]
    assert got == [(AGREED, 1, 11, 21), (BOUNDARIES, 2, 12, 22), (MISSING, 3, None, 23),
                   (MISSING, None, 14, 24)]
    # Cai's accusation over Ann's party: paired with it (any label), not a group of its own.
    assert differences([ann, bea, cai])[2].versions == [ann[2], cai[2]]
    # Each layer gives at most one version per group: nothing counted twice, nothing left out.
    ids = [u.id for d in differences([ann, bea, cai]) for u in d.versions]
    assert sorted(ids) == sorted(u.id for u in ann + bea + cai)
