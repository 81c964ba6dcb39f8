"""The find bar over a huge paragraph shown in pieces: it finds the stored text, cuts or not."""
from __future__ import annotations

import re

import pytest

from annotator.core.display import LONG_PARAGRAPH_CHARS, text_for_qt
from annotator.ui.article_view import ArticleView
from annotator.ui.find_bar import FindBar


@pytest.fixture
def find_in_view(qtbot):  # type: ignore[no-untyped-def]
    """An article view showing `text` with its find bar open."""
    def make(text: str) -> tuple[ArticleView, FindBar]:
        view = ArticleView()
        bar = FindBar(view)
        qtbot.addWidget(view)
        qtbot.addWidget(bar)
        view.resize(600, 400)
        view.show_document(text, (), ())
        view.show()
        qtbot.waitExposed(view)
        bar.open_bar()
        return view, bar

    return make


def cut_positions(text: str) -> list[int]:
    """Where the display turned a space into a paragraph break."""
    qt_text = text_for_qt(text).text
    return [m.start() for m in re.finditer("\u2029", qt_text)]


def in_two_blocks(view: ArticleView, start: int, end: int) -> bool:
    doc = view.document()
    return doc.findBlock(view.offsets.to_qt(start)) != doc.findBlock(view.offsets.to_qt(end))


def test_a_phrase_across_a_cut_is_found_whatever_its_tashkeel(find_in_view) -> None:
    # One line of unique words with tashkeel, long enough to be shown in pieces.
    words = [f"كَلِمَةُ{i}" for i in range(LONG_PARAGRAPH_CHARS // 2)]
    text = " ".join(words) + "\r\nEnglish line 😀\r\n"
    cut = cut_positions(text)[1]
    before, after = text[:cut].split(" ")[-1], text[cut + 1:].split(" ")[0]
    start, end = cut - len(before), cut + 1 + len(after)
    view, bar = find_in_view(text)
    assert in_two_blocks(view, start, end)
    needle = re.sub("[\u064b-\u065f]", "", f"{before} {after}")  # typed without tashkeel
    bar.field.setText(needle)
    assert view.selected_span() == (start, end)
    assert bar.status.text() == "1 of 1"
    # Opening the bar on that selection offers the stored phrase (a space, not the cut).
    bar.field.clear()
    view.select_span(start, end)
    bar.open_bar()
    assert bar.field.text() == text[start:end]
    assert view.selected_span() == (start, end) and bar.status.text() == "1 of 1"


def test_next_and_previous_visit_every_match_and_wrap_around_cuts(find_in_view) -> None:
    # A long line of numbered words said three times over, between two short lines.
    words = " ".join(f"خبر{i}" for i in range(LONG_PARAGRAPH_CHARS // 8))
    text = f"مقدمة قصيرة\n{words} {words} {words}\nخاتمة"
    # The two words on either side of the first cut, a pair said three times.
    cut = cut_positions(text)[0]
    needle = f"{text[:cut].split(' ')[-1]} {text[cut + 1:].split(' ')[0]}"
    expected = [m.span() for m in re.finditer(re.escape(needle), text)]
    view, bar = find_in_view(text)
    assert len(expected) == 3 and in_two_blocks(view, *expected[0])
    bar.field.setText(needle)
    assert bar.status.text() == f"1 of {len(expected)}"
    seen = [view.selected_span()]
    for _ in expected:
        assert bar.find_next()
        seen.append(view.selected_span())
    assert seen == expected + expected[:1]  # in reading order, then round to the first
    backwards = []
    for _ in expected:
        assert bar.find_previous()
        backwards.append(view.selected_span())
    assert backwards == expected[::-1]  # from the first, round to the last and back up
    bar.field.setText(needle + "x")  # typing searches again from the selection's start
    assert bar.status.text() == "not found"
    assert view.selected_span() == (expected[0][0], expected[0][0])
    bar.field.setText(needle)
    assert view.selected_span() == expected[0]


def test_spelling_variants_are_found_counted_and_every_match_is_marked(find_in_view) -> None:
    text = "أعلنَ المتحدث في المدرسة.\nثم اعلن مدير المدرسه ١٢٣ قرارا، وإعلان 123 آخر"
    view, bar = find_in_view(text)
    bar.field.setText("اعلن")
    found = [(0, 5), (29, 33)]
    assert [text[s:e] for s, e in found] == ["أعلنَ", "اعلن"]
    assert view.selected_span() == found[0] and bar.status.text() == "1 of 2"
    marks = [(m.cursor.selectionStart(), m.cursor.selectionEnd()) for m in view.extraSelections()]
    assert marks == [(view.offsets.to_qt(s), view.offsets.to_qt(e)) for s, e in found]
    assert bar.find_next() and view.selected_span() == found[1] and bar.status.text() == "2 of 2"
    bar.field.setText("مدرسة")
    assert bar.status.text().endswith("of 2") and len(view.extraSelections()) == 2
    bar.field.setText("123")
    start, end = view.selected_span()
    assert text[start:end] == "١٢٣"
    bar.close_bar()
    assert view.extraSelections() == []
