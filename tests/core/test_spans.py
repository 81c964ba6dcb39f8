"""Word snapping never splits an Arabic word nor strands a diacritic; overlap layers never collide."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.spans import Span, assign_layers, is_word_char, snap_to_words, word_at

SEED_LINE = 'وقال شويغو إن عدد هذه الممرات يبلغ 3، اضافة الى "نقاط" للاسعاف.'
WORDS = ["قال", "مَدِينَةُ", "حلــــب", "47", "٣", "Shoigu", "👍🏽", "e\u0301", "\u200d", "%"]
SEPARATORS = [" ", "، ", ". ", '"', "(", ")", "\r\n", "\n", "\u200f", "-", "/"]
texts = st.lists(st.sampled_from(WORDS) | st.sampled_from(SEPARATORS), min_size=1, max_size=30).map("".join)


def cut(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0]:span[1]]


def mid_word(text: str, i: int) -> bool:
    return 0 < i < len(text) and is_word_char(text[i - 1]) and is_word_char(text[i])


@pytest.mark.parametrize(("selected", "expected"), [
    ("ال شويغ", "وقال شويغو"),        # partial words at both ends become whole
    (" شويغو إن ", "شويغو إن"),       # spaces trimmed
    ("يبلغ 3،", "يبلغ 3"),            # punctuation trimmed
    ('"نقاط"', "نقاط"),
    ("الى \"نقاط\" لل", 'الى "نقاط" للاسعاف'),
])
def test_snapping_on_the_seed_sentence(selected: str, expected: str) -> None:
    start = SEED_LINE.index(selected)
    assert cut(SEED_LINE, snap_to_words(SEED_LINE, start, start + len(selected))) == expected


def test_diacritics_and_tatweel_stay_with_their_letters() -> None:
    text = "قالَ مَدِينَةُ حلــــب"
    i = text.index("دِ")
    assert cut(text, snap_to_words(text, i, i + 1)) == "مَدِينَةُ"
    assert cut(text, snap_to_words(text, 0, 3)) == "قالَ"  # the fatha after the selection
    j = text.index("ــ")
    assert cut(text, word_at(text, j)) == "حلــــب"


def test_percent_stays_with_its_number_and_nothing_is_none() -> None:
    text = "ارتفع 5% ، ثم"
    assert cut(text, snap_to_words(text, 5, 10)) == "5%"
    assert snap_to_words(text, 8, 11) is None
    assert snap_to_words(text, 3, 3) is None
    assert word_at("", 0) is None and word_at("  ", 1) is None


@given(texts, st.integers(0, 200), st.integers(0, 200))
def test_snapped_span_has_whole_words_inside_the_widened_selection(text: str, a: int, b: int) -> None:
    a, b = min(a, len(text)), min(b, len(text))
    result = snap_to_words(text, a, b)
    if result is None:
        lo, hi = min(a, b), max(a, b)
        assert not any(is_word_char(c) for c in text[lo:hi])
        return
    start, end = result
    assert 0 <= start < end <= len(text)
    assert not mid_word(text, start) and not mid_word(text, end)
    assert is_word_char(text[start])
    assert end == len(text) or not unicodedata.category(text[end]).startswith("M")
    assert snap_to_words(text, start, end) == (start, end)  # snapping twice changes nothing
    # Nothing outside the words the selection touched is taken in.
    lo, hi = min(a, b), max(a, b)
    assert all(is_word_char(c) for c in text[start:lo]) and all(is_word_char(c) for c in text[hi:end])


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=40))
def test_overlapping_spans_never_share_a_layer(raw: list[tuple[int, int]]) -> None:
    spans = [(s, s + n, key) for key, (s, n) in enumerate(raw)]
    layers = assign_layers(spans)
    assert set(layers) == {k for _, _, k in spans}
    for s1, e1, k1 in spans:
        for s2, e2, k2 in spans:
            if k1 < k2 and s1 < e2 and s2 < e1:
                assert layers[k1] != layers[k2]
    # The layer count never exceeds the deepest overlap.
    depth = max((sum(1 for s, e, _ in spans if s <= x < e) for x in range(100)), default=0)
    assert max(layers.values(), default=-1) < max(depth, 1)


def test_a_claim_stays_background_and_its_figures_underline() -> None:
    assert assign_layers([(10, 50, 1), (20, 22, 2), (30, 35, 3), (21, 40, 4)]) == {1: 0, 2: 1, 4: 2, 3: 1}


def test_span_value() -> None:
    assert len(Span(3, 7, "figure")) == 4
    assert sorted([Span(5, 6), Span(1, 9)]) == [Span(1, 9), Span(5, 6)]
    for bad in ((5, 5), (-1, 3), (7, 2)):
        with pytest.raises(ValueError):
            Span(*bad)


NUMBERS = ["34.4", "9.8", "12,500", "13,6", "١٢٫٥", "١٢٬٥٠٠", "10:30", "2024-07-11", "11/7",
           "15%", "١٥٪", "3.5‰", "۱۲٫۵"]


@pytest.mark.parametrize("number", NUMBERS)
def test_a_number_with_its_marks_is_one_word(number: str) -> None:
    text = f"وقال إن العدد بلغ {number} في المئة."
    at = text.index(number)
    for offset in range(at, at + len(number)):  # the caret anywhere on it
        assert word_at(text, offset) == (at, at + len(number)), offset
    # A selection of any part of it snaps to all of it.
    assert snap_to_words(text, at + 1, at + 2) == (at, at + len(number))
    assert snap_to_words(text, at, at + len(number)) == (at, at + len(number))


@pytest.mark.parametrize("text, word", [
    ("قال٫ ثم مضى", "قال"),       # an Arabic decimal sign in prose is a comma
    ("العام 2024. ثم", "2024"),   # a full stop after a number ends the sentence
    ("بين 10 و20", "10"),
    ("ص-ب", "ص"),                  # a hyphen joins digits only
])
def test_marks_join_only_digits(text: str, word: str) -> None:
    at = text.index(word)
    assert word_at(text, at) == (at, at + len(word))
