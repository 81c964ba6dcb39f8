"""What Qt is given: a huge paragraph in pieces, controls as stand-ins, and which paragraphs read the other way."""
from __future__ import annotations

import random

import pytest

from annotator.core.direction import paragraphs
from annotator.core.display import CONTROL_STAND_INS, LONG_PARAGRAPH_CHARS, PIECE_CHARS, text_for_qt

ARABIC = ["قال", "الرئيسُ", "إنّ", "المفاوضات", "في", "جنيف", "مستمرة،", "وأضاف", "حَلَب", "مدينة",
          "الممرات", "يبلغ", "عدد"]
LATIN = ["Vladimir", "Putin", "Reuters", "«BBC»", "(AFP)", "New York Times", "Emmanuel Macron",
         "2024 Geneva", "3 UN", "😀 Paris", "\u200eLondon"]  # some open with weak characters


def long_paragraph(seed: int, words: list[str], names: list[str]) -> str:
    """About 60,000 characters: words of one script and, in a third of the slots, names of the
    other, so many spaces are followed by a name."""
    rng = random.Random(seed)
    out, size = [words[0]], 0
    while size < 3 * LONG_PARAGRAPH_CHARS:
        out.append(rng.choice(names) if rng.random() < 0.3 else rng.choice(words))
        size += len(out[-1]) + 1
    return " ".join(out)


def pieces(text: str) -> list[list[str]]:
    """Qt's paragraphs of `text`, each as the pieces it is shown in."""
    qt_text = text_for_qt(text).text
    shown = text.translate(str.maketrans(CONTROL_STAND_INS))  # the LRM before "London"
    cuts = [i for i, (a, b) in enumerate(zip(shown, qt_text)) if a != b]
    assert len(qt_text) == len(text)
    assert all(shown[i] == " " and qt_text[i] == "\u2029" for i in cuts)
    return [line.split("\u2029") for line in qt_text.split("\n")]


@pytest.mark.parametrize("seed", range(5))
def test_a_long_paragraph_is_cut_at_spaces_into_pieces_of_about_piece_chars(seed: int) -> None:
    arabic = long_paragraph(seed, ARABIC, LATIN)
    english = long_paragraph(seed, [w for w in LATIN if w[0].isalpha()], ARABIC)
    shown = pieces(f"{arabic}\n{english}\nقصير Short")
    assert len(shown) == 3 and shown[2] == ["قصير Short"]
    for paragraph in shown[:2]:
        assert len(paragraph) > 5
        assert all(PIECE_CHARS // 2 <= len(piece) < PIECE_CHARS for piece in paragraph[:-1])
        assert len(paragraph[-1]) <= PIECE_CHARS


@pytest.mark.parametrize("seed", range(3))
def test_the_paragraphs_reading_the_other_way_are_named_whole_not_by_piece(seed: int) -> None:
    arabic = long_paragraph(seed, ARABIC, LATIN)
    english = long_paragraph(seed, [w for w in LATIN if w[0].isalpha()], ARABIC)
    text = f"{arabic}\n{english}\n\nقصير جدا Short\nShort قصير جدا"
    shown = text_for_qt(text)
    blocks = paragraphs(shown.text)
    assert shown.rtl  # most of the opening is Arabic
    # Every piece of the English paragraph, and the blank line after it.
    english_starts, english_ends = len(arabic) + 1, len(arabic) + 1 + len(english)
    pieces = [n for n, (s, e) in enumerate(blocks) if english_starts <= s and e <= english_ends]
    blank = blocks.index((english_ends + 1, english_ends + 1))
    assert len(pieces) > 5 and shown.other == [*pieces, blank]


def test_an_english_article_reads_left_to_right_and_names_its_arabic_paragraphs() -> None:
    text = "Reuters reported on Monday.\nقال المتحدث إن الممرات مفتوحة.\nThe talks resume."
    shown = text_for_qt(text)
    assert not shown.rtl and shown.other == [1]


def test_controls_count_as_their_neutral_stand_ins_for_the_direction() -> None:
    # Stored, the RLM is a strong right-to-left character; shown, it is an arrow.
    text = "قال المتحدث إن\n\u200fCNN: the talks"
    assert text_for_qt(text).other == [1]


@pytest.mark.parametrize("text", ["ب" + " word" * 20_000,  # an Arabic start, then only Latin
                                  "1 " * 30_000,  # no strong character at all
                                  "مدينة" * 5_000 + " x" * 9_000])  # no space in the first window
def test_a_paragraph_of_any_script_is_still_cut(text: str) -> None:
    [paragraph] = pieces(text)
    assert len(paragraph) > 2
    assert all(len(piece) < PIECE_CHARS for piece in paragraph[1:-1])
