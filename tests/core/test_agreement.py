"""Agreement against numbers worked out by hand (see each comment)."""
from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement import ALL, Link, Unit, agreement, kappa, match, nominal_alpha

# One 20-character document. Ann and Bea agree on the claim, Bea's figure is one character
# longer, and she calls Ann's party an accusation.
ANN = [Unit(1, "ann", 1, "claim", 0, 10, {"certainty": "certain"}),
       Unit(2, "ann", 1, "figure", 12, 14, {"value": "2"}), Unit(3, "ann", 1, "party", 15, 20)]
BEA = [Unit(11, "bea", 1, "claim", 0, 10, {"certainty": "probable"}),
       Unit(12, "bea", 1, "figure", 12, 15, {"value": "2"}), Unit(13, "bea", 1, "accusation", 15, 20)]
LINKS = [Link("ann", "said_by", 1, 3), Link("ann", "cites_figure", 1, 2),
         Link("bea", "said_by", 11, 13), Link("bea", "cites_figure", 11, 12)]
LENGTHS = {1: 20}


def table(rows):  # type: ignore[no-untyped-def]
    return {(r.annotators, r.label, r.measure): (r.value, r.compared) for r in rows}


def test_two_analysts_every_number_by_hand() -> None:
    got = table(agreement(ANN + BEA, LINKS, LENGTHS))
    pair = "ann / bea"
    # Strict: only the claim has the same offsets and label: 2·1 / (3 + 3).
    assert got[(pair, ALL, "strict F1")] == (pytest.approx(1 / 3), 6)
    # Partial, labels aside: claim and party/accusation exact (2), the figure overlaps (½): 2·2.5/6.
    assert got[(pair, ALL, "partial F1")] == (pytest.approx(5 / 6), 6)
    assert got[(pair, "claim", "strict F1")] == (1.0, 2)
    assert got[(pair, "figure", "strict F1")] == (0.0, 2)
    assert got[(pair, "figure", "partial F1")] == (pytest.approx(0.5), 2)
    assert got[(pair, "party", "partial F1")] == (0.0, 1)
    # Characters: 10 claim/claim, 2 none/none, 2 figure/figure, 1 none/figure, 5 party/accusation.
    # Do = 12/40; De = (40² − (20² + 4·5²)) / (40·39) = 1100/1560; alpha = 1 − Do/De = 632/1100.
    assert got[(pair, ALL, "character alpha")] == (pytest.approx(632 / 1100), 20)
    # The certainty of the one matched claim differs, and no other pair has one: kappa 0.
    assert got[(pair, "attr:certainty", "Cohen's kappa")] == (0.0, 1)
    # Both gave the figure the value 2: no variation, kappa undefined, one pair compared.
    assert got[(pair, "attr:value", "Cohen's kappa")] == (None, 1)
    # cites_figure agrees (its ends match); said_by does not (party ≠ accusation): 2·1/4.
    assert got[(pair, "links", "F1")] == (0.5, 4)


def test_kappa_of_the_textbook_table() -> None:
    # 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po = .7, pe = (25·30 + 25·20)/50² = .5, kappa .4.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert kappa(pairs) == (pytest.approx(0.4), 50)


def test_three_analysts_are_pooled() -> None:
    cai = [Unit(21, "cai", 1, u.label, u.start, u.end, u.attributes) for u in ANN]
    got = table(agreement(ANN + BEA + cai, LINKS, LENGTHS))
    assert got[("ann / cai", ALL, "strict F1")] == (1.0, 6)
    # Pooled strict: agreed 1 + 3 + 1 of 9 and 9 spans: 2·5/18.
    assert got[("all", ALL, "strict F1")] == (pytest.approx(10 / 18), 18)
    # The pooled alpha is the package's own over the three rows of character values.
    codes = {"none": 0, "accusation": 1, "claim": 2, "figure": 3, "party": 4}
    rows = []
    for units in (ANN, BEA, cai):
        values = ["none"] * 20
        for u in sorted(units, key=lambda u: u.start - u.end):
            values[u.start:u.end] = [u.label] * (u.end - u.start)
        rows.append([codes[v] for v in values])
    expected = krippendorff.alpha(reliability_data=np.array(rows), level_of_measurement="nominal")
    assert got[("all", ALL, "character alpha")] == (pytest.approx(expected), 20)


def test_a_document_only_one_analyst_touched_is_left_out_of_alpha() -> None:
    extra = [Unit(30, "ann", 2, "claim", 0, 5)]
    got = table(agreement(ANN + BEA + extra, [], {1: 20, 2: 50}))
    assert got[("ann / bea", ALL, "character alpha")][1] == 20


def test_matching_pairs_each_span_once_preferring_equal_offsets_then_larger_overlaps() -> None:
    a = [Unit(1, "a", 1, "claim", 0, 10), Unit(2, "a", 1, "claim", 20, 30)]
    b = [Unit(3, "b", 1, "claim", 5, 25), Unit(4, "b", 1, "claim", 0, 10), Unit(5, "b", 1, "claim", 22, 40)]
    pairs = {(u.id, v.id) for u, v in match(a, b, same_label=True)}
    assert pairs == {(1, 4), (2, 5)}  # 2 overlaps 3 by 5 and 5 by 8


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 4), st.integers(2, 5), st.data())
def test_the_pattern_alpha_is_the_krippendorff_packages_alpha(coders: int, values: int, data: st.DataObject) -> None:
    units = data.draw(st.integers(2, 60))
    matrix = np.array(data.draw(st.lists(st.lists(st.integers(0, values - 1), min_size=units, max_size=units),
                                         min_size=coders, max_size=coders)))
    ours = nominal_alpha(matrix, values)
    if len(np.unique(matrix)) < 2:
        assert ours is None
        return
    assert ours == pytest.approx(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))


def test_the_store_and_adjudication_do_not_load_numpy() -> None:
    """numpy is for the measures alone: opening the window or any other command goes without it."""
    import subprocess
    import sys

    probe = ("import sys, annotator.store.repository, annotator.core.adjudication, annotator.cli; "
             "print('numpy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"
