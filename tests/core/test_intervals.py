"""The span index: the spans a range touches and their overlap layers, through adds and removals."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.intervals import SpanIndex
from annotator.core.spans import assign_layers

raw_spans = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=25)


@settings(max_examples=300)
@given(raw_spans, st.data())
def test_index_agrees_with_assign_layers_and_reports_every_shown_layer_change(raw, data) -> None:  # type: ignore[no-untyped-def]
    spans = {k: (s, s + n) for k, (s, n) in enumerate(raw)}
    index = SpanIndex((s, e, k) for k, (s, e) in spans.items())
    shown: dict[int, int] = {}  # what a block painted so far believes each layer is
    next_key = 1000
    for _ in range(data.draw(st.integers(0, 8))):
        a = data.draw(st.integers(0, 50))
        shown.update({key: layer for _s, _e, key, layer in index.overlapping(a, a + 10)})
        if data.draw(st.booleans()) or not spans:
            s, n = data.draw(st.integers(0, 40)), data.draw(st.integers(1, 12))
            spans[next_key] = (s, s + n)
            changed = index.add(s, s + n, next_key)
            next_key += 1
        else:
            key = data.draw(st.sampled_from(sorted(spans)))
            del spans[key]
            shown.pop(key, None)
            changed = index.remove(key)
        truth = assign_layers((s, e, k) for k, (s, e) in spans.items())
        for key, layer in list(shown.items()):
            if truth[key] != layer:  # a painted layer went stale: the index must say so
                assert key in changed
                shown[key] = truth[key]
    assert {k: index.layer(k) for k in spans} == assign_layers((s, e, k) for k, (s, e) in spans.items())
    assert len(index) == len(spans)
    for a in range(0, 55):
        for b in (a + 1, a + 6):
            found = sorted(key for _s, _e, key, _layer in index.overlapping(a, b))
            assert found == sorted(k for k, (s, e) in spans.items() if s < b and e > a)


def test_covering_lists_innermost_first() -> None:
    index = SpanIndex([(0, 20, 1), (5, 9, 2), (5, 7, 3), (30, 31, 4)])
    assert index.covering(6) == [3, 2, 1]
    assert index.covering(8) == [2, 1]
    assert index.covering(25) == []
    assert [index.layer(k) for k in (1, 2, 3, 4)] == [0, 1, 2, 0]
