"""A huge paragraph is shown in pieces, and every piece keeps the paragraph's reading direction."""
from __future__ import annotations

import random
import unicodedata

import pytest

from annotator.core.display import CONTROL_STAND_INS, LONG_PARAGRAPH_CHARS, PIECE_CHARS, text_for_qt

ARABIC = ["قال", "الرئيسُ", "إنّ", "المفاوضات", "في", "جنيف", "مستمرة،", "وأضاف", "حَلَب", "مدينة",
          "الممرات", "يبلغ", "عدد"]
LATIN = ["Vladimir", "Putin", "Reuters", "«BBC»", "(AFP)", "New York Times", "Emmanuel Macron",
         "2024 Geneva", "3 UN", "😀 Paris", "\u200eLondon"]  # some open with weak characters


def long_paragraph(seed: int, words: list[str], names: list[str]) -> str:
    """About 60,000 characters: words of one script and, in half the slots, names of the other,
    so many spaces are followed by a name."""
    rng = random.Random(seed)
    out, size = [words[0]], 0
    while size < 3 * LONG_PARAGRAPH_CHARS:
        out.append(rng.choice(names) if rng.random() < 0.5 else rng.choice(words))
        size += len(out[-1]) + 1
    return " ".join(out)


def first_strong(text: str) -> str | None:
    """'R' or 'L': the bidi class that gives a paragraph its direction (None: no strong one)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL", "L"):
            return "L" if kind == "L" else "R"
    return None


def pieces(text: str) -> list[list[str]]:
    """Qt's paragraphs of `text`, each as the pieces it is shown in."""
    qt_text, _ = text_for_qt(text)
    shown = text.translate(str.maketrans(CONTROL_STAND_INS))  # the LRM before "London"
    cuts = [i for i, (a, b) in enumerate(zip(shown, qt_text)) if a != b]
    assert len(qt_text) == len(text)
    assert all(shown[i] == " " and qt_text[i] == "\u2029" for i in cuts)
    return [line.split("\u2029") for line in qt_text.split("\n")]


@pytest.mark.parametrize("seed", range(5))
def test_every_piece_of_a_long_paragraph_starts_in_the_paragraphs_direction(seed: int) -> None:
    arabic = long_paragraph(seed, ARABIC, LATIN)
    english = long_paragraph(seed, [w for w in LATIN if w[0].isalpha()], ARABIC)
    shown = pieces(f"{arabic}\n{english}\nقصير Short")
    assert len(shown) == 3 and shown[2] == ["قصير Short"]
    for paragraph, direction in zip(shown, ("R", "L")):
        assert len(paragraph) > 5  # cut in pieces ...
        assert [first_strong(piece) for piece in paragraph] == [direction] * len(paragraph)
        # ... each of about PIECE_CHARS (the last holds the rest).
        assert all(PIECE_CHARS // 2 <= len(piece) < PIECE_CHARS for piece in paragraph[:-1])
        assert len(paragraph[-1]) <= PIECE_CHARS


@pytest.mark.parametrize("text", ["ب" + " word" * 20_000,  # an Arabic start, then only Latin
                                  "1 " * 30_000,  # no strong character at all
                                  "مدينة" * 5_000 + " x" * 9_000])  # no space in the first window
def test_a_paragraph_whose_pieces_cannot_keep_its_direction_is_still_cut(text: str) -> None:
    [paragraph] = pieces(text)
    assert len(paragraph) > 2
    assert all(len(piece) < PIECE_CHARS for piece in paragraph[1:-1])
