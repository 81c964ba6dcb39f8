"""Paragraph direction: the majority of strong letters, ties to the first, neutral paragraphs follow."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.direction import paragraph_rtl, paragraphs, paragraphs_reading, usual_rtl

# Paragraphs as Arabic news prints them, and the direction a reader expects.
READS = [
    ("CNN: قال المتحدث باسم الوزارة إن الهجوم وقع أمس.", True),
    ("🇸🇾 وقال وزير الدفاع الروسي إن عدد الممرات يبلغ 3.", True),
    ('"Fake news" هكذا وصف الرئيس الأمريكي التقرير.', True),
    ("(AFP) - أعلنت وزارة الخارجية أن الوفد سيصل الأحد.", True),
    ("Reuters/AP/AFP: أفادت الوكالات بأن 47 غارة استهدفت المدينة", True),
    ("BBC عربي", True),  # 3 Latin letters, 4 Arabic
    ("قال ترامب: We will win.", False),  # 9 Latin letters against 6 Arabic
    ("Human Rights Watch said 47 strikes used cluster munitions.", False),
    ("محمد said the talks in Geneva would resume.", False),
    ("«Le Monde» a publié l'enquête.", False),
    ("abc ابج", False),  # a tie goes to the first strong letter
    ("ابج abc", True),
    ("😀 🇸🇾 47% ١٢٣ (2016) ... «»", None),  # no letter at all
    ("", None),
    ("\u200fCNN News", False),  # an invisible mark is no letter of the text (shown as a stand-in)
    ("שלום עולם hi", True),  # Hebrew is right to left too
]


@pytest.mark.parametrize(("text", "rtl"), READS)
def test_a_paragraph_reads_in_the_direction_of_most_of_its_letters(text: str, rtl: bool | None) -> None:
    shown = text.replace("\u200f", "\u2190")  # what the view is given instead of the mark
    assert paragraph_rtl(shown) is rtl


def test_neutral_paragraphs_follow_the_paragraph_before_them() -> None:
    text = "\n".join([
        "2024",  # before any letter: like the first paragraph with letters (English)
        "Reuters reported the figures below.",
        "47 - 12 - 2016",
        "",
        "وقال المتحدث إن الأرقام صحيحة.",
        "١٢٣ / ٤٥٦",
        "The end.",
        "",
    ])
    spans = paragraphs(text)
    ltr = {text[s:e] for s, e in paragraphs_reading(text, rtl=False)}
    assert paragraphs_reading(text, rtl=True) == [p for p in paragraphs(text) if text[p[0]:p[1]] not in ltr]
    assert [text[s:e] in ltr for s, e in spans] == [True, True, True, True, False, False, True, True]


def test_a_text_with_no_letters_reads_right_to_left() -> None:
    text = "1\n2\r\n\n😀"
    assert paragraphs_reading(text, rtl=False) == []
    assert paragraphs_reading(text, rtl=True) == paragraphs(text)
    assert usual_rtl(text)


def test_the_usual_direction_is_that_of_most_letters_in_the_opening() -> None:
    assert usual_rtl("Reuters\n" + "قال المتحدث " * 10)
    assert not usual_rtl("قال\n" + "Reuters said " * 10)
    assert usual_rtl("abc ابج")  # a tie: right to left


def test_paragraphs_end_where_qt_starts_a_block() -> None:
    text = "a\r\nb\rc\nd\u2029e\u2028f\x1cg"
    assert [text[s:e] for s, e in paragraphs(text)] == ["a", "b", "c", "d", "e\u2028f\x1cg"]


# -- against a plain reading of the rule, one character at a time ----------------------------------
def strong(ch: str) -> str | None:
    if 0x1F1E6 <= ord(ch) <= 0x1F1FF:
        return None  # a flag's half
    if ord(ch) > 0x1FFFF:
        return None if 0xE0000 <= ord(ch) <= 0xE0FFF else "L"
    kind = unicodedata.bidirectional(ch)
    return "R" if kind in ("R", "AL") else "L" if kind == "L" else None


def reference_rtl(text: str) -> list[bool]:
    """Each paragraph's direction by the rule in annotator/core/direction.py, spelled out."""
    found: list[bool | None] = []
    for s, e in paragraphs(text):
        kinds = [k for k in map(strong, text[s:e]) if k]
        if not kinds:
            found.append(None)
        elif kinds.count("R") != kinds.count("L"):
            found.append(kinds.count("R") > kinds.count("L"))
        else:
            found.append(kinds[0] == "R")
    known = [d for d in found if d is not None]
    previous = known[0] if known else True
    out = []
    for d in found:
        previous = previous if d is None else d
        out.append(previous)
    return out


PIECES = ["قال", "الجيش", "CNN", "Reuters said", "47", "١٢٣", " ", ": ", "«", '"', "😀", "🇸🇾",
          "\u064b", "\r\n", "\r", "\n", "\u2029", "\u2028", "שלום", "日本", "\U0001e900", "\U00010800",
          "ǅ", "\u2190"]
mixed = st.lists(st.sampled_from(PIECES) | st.text(max_size=2), max_size=40).map("".join)


@settings(max_examples=400)
@given(mixed)
def test_paragraphs_reading_each_way_are_exactly_those_the_rule_reads_so(text: str) -> None:
    directions = list(zip(paragraphs(text), reference_rtl(text)))
    for rtl in (True, False):
        assert paragraphs_reading(text, rtl) == [span for span, d in directions if d is rtl]


@settings(max_examples=200)
@given(mixed)
def test_paragraph_rtl_agrees_with_counting_every_character(text: str) -> None:
    for s, e in paragraphs(text):
        kinds = [k for k in map(strong, text[s:e]) if k]
        expected = None if not kinds else (kinds.count("R") > kinds.count("L")
                                           if kinds.count("R") != kinds.count("L") else kinds[0] == "R")
        assert paragraph_rtl(text, s, e) is expected
