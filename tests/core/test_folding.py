"""Folded search: Arabic spelling variants, digits and spaces, mapped back to exact offsets."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.folding import find_all, fold

ARTICLE = ("أعلنَ وزيرُ الدفاع أنّ المدرسة في إدلب استقبلت ١٢٣ طالباً،\u00a0وقالَ  إنّ "
           "مستشفى آخر مغلق.\r\nThe UN said 123 SCHOOLS closed.")


@pytest.mark.parametrize("needle, found", [
    ("اعلن", "أعلنَ"),               # hamza on alef, and the fatha after the last letter
    ("مدرسه", "المدرسة"[2:]),        # ta marbuta typed as ha
    ("ادلب", "إدلب"),                # hamza under alef
    ("مستشفي", "مستشفى"),            # alef maqsura typed as ya
    ("123 طالبا", "١٢٣ طالباً"),      # Western digits find Arabic-Indic ones
    ("۱۲۳ طالب", "١٢٣ طالب"),          # Persian digits too
    ("طالبا، وقال", "طالباً،\u00a0وقالَ"),  # a typed space finds a no-break space
    ("وقال ان", "وقالَ  إنّ"),        # and two spaces
    ("schools", "SCHOOLS"),
    ("un said", "UN said"),
])
def test_a_spelling_variant_finds_the_stored_text(needle: str, found: str) -> None:
    [(start, end)] = find_all(ARTICLE, needle)
    assert ARTICLE[start:end] == found


def test_every_match_in_order_and_nothing_across_a_line_break() -> None:
    assert [ARTICLE[s:e] for s, e in find_all(ARTICLE, "123")] == ["١٢٣", "123"]
    assert find_all(ARTICLE, "مغلق. The") == []
    assert find_all(ARTICLE, "   ") == []


def test_marks_alone_are_found_as_typed() -> None:
    text = "حَلَب حلب"
    assert find_all(text, "\u064e") == [(1, 2), (3, 4)]


_PIECES = st.sampled_from(["ا", "أ", "إ", "آ", "ة", "ى", "ي", "ه", "\u064e", "\u0651", "\u0640",
                           "١", "۲", "3", " ", "\u00a0", "  ", "\t", "\n", "\r\n", "A", "b", "😀",
                           "\u0301", "ل", "م"])


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_the_map_back_lands_on_the_same_folded_text(text: str) -> None:
    folded = fold(text)
    for position, ch in enumerate(folded.text):
        original = folded.original(position)
        assert 0 <= original < len(text)
        assert fold(text[original]).text in (ch, "") or ch == " "
    # Any match found maps back to a stored span that folds to the same text.
    for start in range(len(folded.text)):
        for end in range(start + 1, min(len(folded.text), start + 4) + 1):
            piece = folded.text[start:end]
            if piece.strip() and piece == piece.strip():
                s, e = folded.span(start, end)
                assert fold(text[s:e]).text == piece
