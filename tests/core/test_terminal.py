"""`annotator show`: spans marked in logical order, and the visual mode for terminals without bidi."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.terminal import (
    CLOSE,
    OPEN,
    cell_width,
    is_rtl,
    legend,
    mark_spans,
    number_spans,
    printable,
    visual_lines,
)

TEXT = "وقال شويغو إن عدد هذه الممرات يبلغ 3، اضافة الى 47 غارة."


def test_nested_spans_are_bracketed_inside_out_and_numbered() -> None:
    claim = (TEXT.index("قال"), TEXT.index("،"))
    figure = (TEXT.index("3"), TEXT.index("3") + 1)
    raid = (TEXT.index("47"), TEXT.index("47") + 7)
    spans = number_spans([(*figure, "figure", ""), (*claim, "claim", "Shoigu"), (*raid, "figure", "=x")])
    assert [(s.number, s.label) for s in spans] == [(1, "claim"), (2, "figure"), (3, "figure")]
    assert mark_spans(TEXT, spans) == ("و⟦قال شويغو إن عدد هذه الممرات يبلغ ⟦3⟧²⟧¹، اضافة الى "
                                       "⟦47 غارة⟧³.")
    assert legend(spans) == [f"   1  claim  {claim[0]}-{claim[1]}  Shoigu",
                             f"   2  figure  {figure[0]}-{figure[1]}", f"   3  figure  {raid[0]}-{raid[1]}  =x"]


def test_spans_that_share_edges_still_nest() -> None:
    spans = number_spans([(0, 4, "claim", ""), (0, 4, "figure", ""), (0, 2, "figure", ""), (2, 4, "x", "")])
    assert mark_spans("abcd", spans) == "⟦⟦⟦ab⟧³⟦cd⟧⁴⟧²⟧¹"


@given(st.text(max_size=30), st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10)), max_size=8))
def test_removing_the_marks_gives_back_the_text(text: str, raw: list[tuple[int, int]]) -> None:
    text = re.sub("[⟦⟧⁰¹²³⁴⁵⁶⁷⁸⁹]", "", text)  # the marks' own characters are not in the text
    spans = number_spans([(min(s, len(text)), min(s + n, len(text)), "l", "") for s, n in raw
                          if min(s, len(text)) < min(s + n, len(text))])
    marked = mark_spans(text, spans)
    assert re.sub("⟦|⟧[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", marked) == text
    assert marked.count(OPEN) == marked.count(CLOSE) == len(spans)


def test_visual_lines_are_shaped_reordered_and_right_aligned() -> None:
    (line,) = visual_lines("قال (مرحبا) 47", width=20)
    assert line.endswith("ﻝﺎﻗ")              # the first word, joined, at the right end
    assert "(ﺎﺒﺣﺮﻣ)" in line                  # brackets mirrored in the right-to-left run
    assert "47" in line                      # digits keep their left-to-right order
    assert cell_width(line) == 20 and line.startswith(" ")
    assert not any("\u0600" <= c <= "\u06ff" for c in line)  # presentation forms only


def test_visual_lines_wrap_before_reordering() -> None:
    text = " ".join(["كلمة"] * 10)
    lines = visual_lines(text, width=20)
    assert len(lines) == 3 and all(cell_width(x) == 20 for x in lines[:2])
    assert all(x.strip() for x in lines)
    english = visual_lines("He said 47 times", width=12)
    assert english == ["He said 47", "times"]  # left-to-right paragraphs stay as they are


def test_paragraph_direction_and_widths() -> None:
    assert is_rtl("47 قال") and not is_rtl("47 said قال") and not is_rtl("47 ،")
    assert cell_width("قَالَ") == 3 and cell_width("😀a") == 3 and cell_width("\u200f") == 0


def test_printable_shows_controls_instead_of_obeying_them() -> None:
    hostile = "قال\r\nالوزير\r\x1b]0;pwned\x07 \u202eevil\u202c\t47\u2029x\x85"
    assert printable(hostile) == "قال\nالوزير\n␛]0;pwned␇ ⟨RLO⟩evil⟨PDF⟩\t47\nx\ufffd"
    assert printable("قَالَ 😀 \u200fالعدد") == "قَالَ 😀 ⟨RLM⟩العدد"
