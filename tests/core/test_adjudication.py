"""Two layers of one document, every kind of difference."""
from __future__ import annotations

from annotator.core.adjudication import (
    AGREED,
    ATTRIBUTES,
    BOTH,
    BOUNDARIES,
    LABEL,
    ONLY_FIRST,
    ONLY_SECOND,
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
    got = [(d.kind, d.first.id if d.first else None, d.second.id if d.second else None)
           for d in differences(ann, bea)]
    assert got == [(ATTRIBUTES, 1, 11), (BOUNDARIES, 2, 12), (LABEL, 3, 13), (BOTH, 4, 14),
                   (ONLY_FIRST, 5, None), (AGREED, 6, 16), (ONLY_SECOND, None, 17)]


def test_a_figure_pairs_with_the_other_figure_not_with_the_claim_around_it() -> None:
    ann = [Unit(1, "ann", 1, "claim", 0, 30), Unit(2, "ann", 1, "figure", 10, 12)]
    bea = [Unit(11, "bea", 1, "claim", 0, 29), Unit(12, "bea", 1, "figure", 10, 13)]
    got = {(d.first.id, d.second.id) for d in differences(ann, bea) if d.first and d.second}
    assert got == {(1, 11), (2, 12)}
