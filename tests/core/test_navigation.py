"""Reading order, the next bare paragraph, moving a span's edges, and the pace of work."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.navigation import next_bare_paragraph, pace, paragraphs, step
from annotator.core.spans import move_edge

# ids: 1 claim [0, 30), 2 figure [10, 12) inside it, 3 party [40, 50), 4 another at [40, 45)
SPANS = [(40, 50, 3), (0, 30, 1), (10, 12, 2), (40, 45, 4)]


def test_next_and_previous_go_in_reading_order_outer_before_nested() -> None:
    walk, current = [], None
    while (current := step(SPANS, current, 0, True)) is not None:
        walk.append(current)
    assert walk == [1, 2, 3, 4]
    assert step(SPANS, 4, 0, False) == 3
    assert step(SPANS, 1, 0, False) is None


def test_from_the_caret_next_is_the_first_starting_at_or_after_it() -> None:
    assert step(SPANS, None, 11, True) == 3  # inside the figure: the next span on
    assert step(SPANS, None, 40, True) == 3
    assert step(SPANS, None, 35, False) == 2
    assert step([], None, 0, True) is None


TEXT = "الفقرة الأولى فيها ادعاء.\n\nالفقرة الثانية بلا وسم.\r\nالثالثة فيها رقم 5.\n   \nالرابعة بلا شيء."


def test_paragraphs_skip_blank_lines_and_count_crlf_as_one_break() -> None:
    found = [TEXT[s:e] for s, e in paragraphs(TEXT)]
    assert found == ["الفقرة الأولى فيها ادعاء.", "الفقرة الثانية بلا وسم.", "الثالثة فيها رقم 5.",
                     "الرابعة بلا شيء."]


def test_the_next_bare_paragraph_is_the_first_after_the_caret_with_no_annotation() -> None:
    first, second, third, fourth = paragraphs(TEXT)
    tagged = [(first[0], first[0] + 6), (third[0] + 13, third[0] + 18)]
    assert next_bare_paragraph(TEXT, tagged, 0) == second
    assert next_bare_paragraph(TEXT, tagged, second[0] + 3) == fourth  # the third has a figure
    assert next_bare_paragraph(TEXT, tagged, fourth[0]) is None
    # An annotation reaching over a paragraph break touches both paragraphs.
    assert next_bare_paragraph(TEXT, [(first[1] - 3, second[0] + 2)], 0) == third


SENTENCE = "قال الوزيرُ إن 15% من السكان غادروا."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@pytest.mark.parametrize(("edge", "forward", "before", "after"), [
    ("end", True, "الوزيرُ", "الوزيرُ إن"),        # grows by a word, past the space
    ("end", True, "إن", "إن 15%"),                 # a number keeps its percent sign
    ("end", False, "الوزيرُ إن 15%", "الوزيرُ إن"),  # shrinks by the number and its sign
    ("start", False, "إن", "الوزيرُ إن"),          # the word before, with its damma
    ("start", True, "الوزيرُ إن", "إن"),
    ("end", True, "السكان", "السكان غادروا"),      # the full stop stays out
])
def test_a_word_step_moves_an_edge_to_the_next_word_boundary(edge: str, forward: bool, before: str,
                                                            after: str) -> None:
    start, end = _span(SENTENCE, before)
    assert move_edge(SENTENCE, start, end, edge, forward, by_word=True) == _span(SENTENCE, after)


def test_a_step_that_would_empty_the_span_or_leave_the_text_is_refused() -> None:
    start, end = _span(SENTENCE, "قال")
    assert move_edge(SENTENCE, start, end, "end", False, by_word=True) is None
    assert move_edge(SENTENCE, start, end, "start", True, by_word=True) is None
    assert move_edge(SENTENCE, start, end, "start", False, by_word=True) is None  # the first word
    assert move_edge(SENTENCE, *_span(SENTENCE, "غادروا"), "end", True, by_word=True) is None


def test_a_character_step_keeps_a_letter_with_its_diacritics() -> None:
    start, end = _span(SENTENCE, "الوزير")  # the damma after it is outside
    assert move_edge(SENTENCE, start, end, "end", True, by_word=False) == (start, end + 1)
    # One character forward from "الوزي" takes the ر and its damma together.
    assert move_edge(SENTENCE, start, end - 1, "end", True, by_word=False) == (start, end + 1)
    assert move_edge(SENTENCE, start, end + 1, "end", False, by_word=False) == (start, end - 1)
    assert move_edge(SENTENCE, start, end, "start", True, by_word=False) == (start + 1, end)
    assert move_edge(SENTENCE, start, end, "start", False, by_word=False) == (start - 1, end)


@given(st.text(alphabet="قال ُ5%.،\n", max_size=30), st.data())
def test_a_moved_edge_always_leaves_a_non_empty_span_inside_the_text(text: str, data: st.DataObject) -> None:
    if len(text) < 2:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    for edge in ("start", "end"):
        for forward in (True, False):
            for by_word in (True, False):
                moved = move_edge(text, start, end, edge, forward, by_word)
                if moved is not None:
                    assert 0 <= moved[0] < moved[1] <= len(text)
                    assert moved != (start, end)
                    kept = moved[1] if edge == "start" else moved[0]
                    assert kept == (end if edge == "start" else start)


T0 = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


def test_pace_counts_work_and_leaves_out_breaks() -> None:
    # Ten annotations a minute apart, a lunch break, then five more a minute apart.
    times = [T0 + timedelta(minutes=i) for i in range(10)]
    times += [T0 + timedelta(hours=2, minutes=i) for i in range(5)]
    # 13 annotations followed another within 5 minutes, over 13 minutes of work: 60 an hour.
    assert pace(times) == pytest.approx(60.0)
    assert pace(times[:1]) is None
    assert pace([T0, T0 + timedelta(seconds=20)]) is None  # under a minute seen: no figure yet
