"""The visual order Qt lays out, against the Unicode bidi algorithm: python-bidi and BidiCharacterTest.

Qt's order is read from the layout itself: each character's glyph box (Qt's glyph runs for
that one character), left to right; characters of one cluster (a letter and its marks, a
ligature) share a box and are ordered as their run reads. Characters that rule X9 removes
(embeddings, overrides, PDF, BN) have no place in the visual order and are left out.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from bidi import get_display
from bidi.mirror import MIRRORED
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.offsets import OffsetMap
from annotator.ui.article_view import ArticleView
from annotator.ui.resources import load_fonts

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[1] / "seeds" / "aleppo-corridors.txt"
SAMPLE = HERE / "bidi_sample" / "BidiCharacterTest-sample.txt"
X9_REMOVED = {"RLE", "LRE", "RLO", "LRO", "PDF", "BN"}
DIRECTIONS = {"0": Qt.LayoutDirection.LeftToRight, "1": Qt.LayoutDirection.RightToLeft,
              "2": Qt.LayoutDirection.LayoutDirectionAuto}
# Lines an Arabic news article mixes that the seed lacks: Latin names, parentheses, percentages,
# numeric dates and times, an English paragraph quoting Arabic.
MIXED_LINES = [
    'قال المتحدث باسم الأمم المتحدة (UN) ستيفان دوجاريك إن 40% من السكان "محاصرون" منذ 11 يوليو/تموز 2016.',
    "وذكرت وكالة Reuters أن 3 ممرات (من أصل 4) فُتحت يوم 28/07/2016 عند الساعة 10:30.",
    'Human Rights Watch said 47 strikes (in Aleppo and Idlib) used "cluster munitions" – قنابل عنقودية – since 27 May.',
    "سجّلت المنظمة ٤٧ غارة، و(١٢) منها بقنابل عنقودية [وفق تقرير HRW-2016].",
]
# Paragraphs that open with something other than their language, and whether each reads right
# to left by the rule in annotator/core/direction.py (the last has no letter and follows the one
# before it).
OPENINGS = [
    ("CNN: قال المتحدث باسم الوزارة إن الهجوم على القافلة وقع أمس.", True),
    ("🇸🇾 وقال وزير الدفاع الروسي إن عدد الممرات الآمنة يبلغ 3.", True),
    ('"Fake news" هكذا وصف الرئيس الأمريكي تقرير الصحيفة عن الاجتماع.', True),
    ("(AFP) - أعلنت وزارة الخارجية أن الوفد سيصل إلى جنيف الأحد.", True),
    ("😀 «BBC»: شاهد الفيديو الكامل للمؤتمر الصحفي على موقعنا.", True),
    ("محمد said the talks in Geneva would resume on 3 May (Reuters).", False),
    ("Human Rights Watch said 47 strikes used cluster munitions.", False),
    ("١٢ / ٤٥٦ - (2016)", False),
]
# BidiCharacterTest cases Qt 6.11 lays out differently from the UBA, with the reason.
QT_DEVIATIONS = {
    "0041 200F 005B 05D0 005D 200D 20D6;0":
        "a non-spacing mark after a ZWJ after a paired bracket does not take the direction N0 "
        "gave the bracket (the UBA 13 clarification the file's own comment describes)",
    "0041 200F 005B 200D 20D6 05D0 005D 200D 20D6;0": "same: marks after ZWJ after both brackets",
    "0041 200F 005B 200D 200B 20D6 05D0 005D 200B 200D 20D6;0":
        "same, with ZWSP and ZWJ between each bracket and its mark",
}


def qt_visual_order(layout: QTextLayout, text: str) -> list[int]:
    """Code-point indices of `text` (laid out on `layout`'s first line) from left to right."""
    line = layout.lineAt(0)
    assert layout.lineCount() == 1
    offsets = OffsetMap(text)
    keys = []
    for i, ch in enumerate(text):
        if unicodedata.bidirectional(ch) in X9_REMOVED:
            continue
        q0, q1 = offsets.to_qt(i), offsets.to_qt(i + 1)
        runs = layout.glyphRuns(q0, q1 - q0)
        if runs:  # the middle of the character's box; within one cluster, the run's direction
            x, rtl = runs[0].boundingRect().center().x(), runs[0].isRightToLeft()
        else:  # a tab: Qt draws no glyph, but the caret positions either side bracket it
            x, rtl = (line.cursorToX(q0)[0] + line.cursorToX(q1)[0]) / 2, False
        keys.append((x, -i if rtl else i, i))
    return [i for _x, _tie, i in sorted(keys)]


def comparable(visual: str) -> str:
    """A visual string without X9-removed characters, each mirrored pair folded to one glyph."""
    return "".join(min(c, MIRRORED.get(c, c)) for c in visual
                   if unicodedata.bidirectional(c) not in X9_REMOVED)


def mixed_seed_lines() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if re.search(r'[0-9A-Za-z"()/%]', line)]


@pytest.fixture(scope="module")
def nowrap_view():  # type: ignore[no-untyped-def]
    """The reading view itself, every paragraph on one line: the seed's mixed lines, then ours."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 (keeps Qt alive)
    view = ArticleView()
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.resize(900, 600)
    lines = mixed_seed_lines() + MIXED_LINES
    view.show_document("\n".join(lines), (), ())
    view.show()
    yield view, lines
    view.close()
    view.deleteLater()


def test_the_seed_has_the_mixed_lines_this_test_is_about() -> None:
    joined = "\n".join(mixed_seed_lines())
    for needle in ("11 يوليو/تموز", '"المعارضة"', "47 غارة", "الـ 27", "ايار / مايو", "يبلغ 3"):
        assert needle in joined


@pytest.mark.parametrize("number", range(len(mixed_seed_lines()) + len(MIXED_LINES)))
def test_view_lays_out_each_mixed_line_as_python_bidi_orders_it(nowrap_view, number: int) -> None:
    view, lines = nowrap_view
    block = view.document().findBlockByNumber(number)
    text = lines[number]
    view.blockBoundingRect(block)  # make sure the block is laid out
    qt_visual = "".join(text[i] for i in qt_visual_order(block.layout(), text))
    assert comparable(qt_visual) == comparable(get_display(text))


def test_the_comparison_tells_a_wrong_order_apart(nowrap_view) -> None:
    view, lines = nowrap_view
    number = next(n for n, line in enumerate(lines) if "47 غارة" in line)
    text = lines[number]
    block = view.document().findBlockByNumber(number)
    view.blockBoundingRect(block)
    qt_visual = comparable("".join(text[i] for i in qt_visual_order(block.layout(), text)))
    assert "47" in qt_visual  # the number reads left to right inside the right-to-left line
    assert qt_visual != comparable(text[::-1])  # a wholesale reversal would show "74"
    assert qt_visual != comparable(text)


def _sample_cases() -> list:  # type: ignore[type-arg]
    cases = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split(";")
        key = f"{fields[0]};{fields[1]}"
        marks = ([pytest.mark.xfail(reason=QT_DEVIATIONS[key], strict=True)]
                 if key in QT_DEVIATIONS else [])
        cases.append(pytest.param(fields, id=key.replace(" ", "-"), marks=marks))
    return cases


def test_every_listed_deviation_is_in_the_sample() -> None:
    keys = {p.id for p in _sample_cases()}
    assert {k.replace(" ", "-") for k in QT_DEVIATIONS} <= keys


@pytest.mark.parametrize("fields", _sample_cases())
def test_qt_visual_order_matches_bidi_character_test(qtbot, fields: list[str]) -> None:
    text = "".join(chr(int(cp, 16)) for cp in fields[0].split())
    layout = QTextLayout(text, QFont(load_fonts(), 14))
    option = QTextOption()
    option.setTextDirection(DIRECTIONS[fields[1]])
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(100_000)
    layout.endLayout()
    assert qt_visual_order(layout, text) == [int(i) for i in fields[4].split()]


def test_the_sample_paragraphs_read_as_the_rule_says() -> None:
    from annotator.core.direction import paragraph_rtl

    for text, rtl in OPENINGS[:-1]:
        assert paragraph_rtl(text) is rtl, text


@pytest.fixture(scope="module")
def openings_view():  # type: ignore[no-untyped-def]
    """The reading view showing OPENINGS after an Arabic paragraph, each on one line."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 (keeps Qt alive)
    view = ArticleView()
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.resize(900, 600)
    lines = ["قال المتحدث إن الممرات مفتوحة."] + [text for text, _rtl in OPENINGS]
    view.show_document("\n".join(lines), (), ())
    view.show()
    yield view, lines
    view.close()
    view.deleteLater()


def laid_out(view: ArticleView, number: int) -> QTextLayout:
    block = view.document().findBlockByNumber(number)
    view.blockBoundingRect(block)
    return block.layout()


@pytest.mark.parametrize("number", range(len(OPENINGS)))
def test_a_paragraph_is_laid_out_in_its_letters_direction_as_python_bidi_orders_it(
        openings_view, number: int) -> None:
    view, _lines = openings_view
    text, rtl = OPENINGS[number]
    layout = laid_out(view, number + 1)
    direction = layout.textOption().textDirection()
    assert direction == (Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    qt_visual = "".join(text[i] for i in qt_visual_order(layout, text))
    assert comparable(qt_visual) == comparable(get_display(text, base_dir="R" if rtl else "L"))
    if text[0] in "C🇸\"(":  # the first strong letter alone would have turned it round
        assert comparable(qt_visual) != comparable(get_display(text))


def test_wrapped_lines_start_at_the_paragraphs_own_edge(qtbot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(420, 600)
    lines = [" ".join([text] * 3) for text, _rtl in OPENINGS]
    view.show_document("\n".join(lines), (), ())
    view.show()
    qtbot.waitExposed(view)
    margin = view.document().documentMargin()
    right_edge = view.viewport().width() - margin
    for number, (text, rtl) in enumerate(OPENINGS):
        layout = laid_out(view, number)
        assert layout.lineCount() >= 2, text
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            box = line.naturalTextRect()
            if rtl:  # flush right, the line's first character rightmost
                assert box.right() == pytest.approx(right_edge, abs=2), (text, i)
            else:
                assert box.left() == pytest.approx(margin, abs=2), (text, i)
            start, end = line.textStart(), line.textStart() + line.textLength()
            assert (line.cursorToX(start)[0] > line.cursorToX(end)[0]) == rtl, (text, i)
        if rtl and lines[number].endswith("."):  # the full stop ends the paragraph on the left
            last = layout.lineAt(layout.lineCount() - 1)
            stop = len(lines[number][:-1].encode("utf-16-le")) // 2  # Qt counts UTF-16 units
            assert layout.glyphRuns(stop, 1)[0].boundingRect().left() == pytest.approx(
                last.naturalTextRect().left(), abs=2)
