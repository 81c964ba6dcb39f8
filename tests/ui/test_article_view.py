"""The reading view on its own: what it shows, how mouse and keys select, offsets in code points."""
from __future__ import annotations

import random
import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFontInfo, QHelpEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.core.display import CONTROL_STAND_INS, text_for_qt
from annotator.core.offsets import OffsetMap
from annotator.store.values import AnnotationInfo, LabelInfo
from annotator.ui.article_view import ArticleView
from annotator.ui.highlighter import CONTROL_BACKGROUND, background_colour, underline_colour
from annotator.ui.resources import ARABIC_FONT_FAMILY, load_fonts, loaded_font_families

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
LABELS = [LabelInfo(id=n, name=name, colour=colour, shortcut=str(n), description="", position=n)
          for n, name, colour in ((1, "claim", "#f6c85f"), (2, "accusation", "#ef767a"),
                                  (3, "figure", "#6fb8e8"))]
# Line 1: tashkeel and an emoji; CRLF everywhere; line 2 English; line 4 a date and a figure.
DOC = ("قالَ الوزيرُ 😀 إنّ عددَ الممراتِ يبلغ 3\r\n"
       "The English paragraph (with 3 words).\r\n"
       "\r\n"
       "وفي 11 يوليو/تموز وثقت المنظمة 47 غارة 👍🏽 على حلب.\r\n")
NOW = datetime(2024, 5, 1, tzinfo=UTC)


def ann(aid: int, label_id: int, start: int, end: int, note: str = "") -> AnnotationInfo:
    return AnnotationInfo(id=aid, document_id=1, label_id=label_id, label=LABELS[label_id - 1].name,
                          start=start, end=end, note=note, annotator="tester", created_at=NOW,
                          updated_at=NOW)


def span_of(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = [m.start() for m in re.finditer(re.escape(phrase), text)][nth]
    return start, start + len(phrase)


@pytest.fixture
def make_view(qtbot):  # type: ignore[no-untyped-def]
    def make(text: str = DOC, annotations: tuple[AnnotationInfo, ...] = (),
             width: int = 700, height: int = 400) -> ArticleView:
        view = ArticleView()
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show_document(text, annotations, LABELS, document_id=1)
        with qtbot.waitActive(view):
            view.show()
            view.activateWindow()
        qtbot.waitExposed(view)
        view.viewport().repaint()
        return view

    return make


def caret_point(view: ArticleView, offset: int) -> QPoint:
    """Viewport point of the caret before code point `offset` (the middle of its height)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset))
    return view.cursorRect(cursor).center()


def char_box(view: ArticleView, offset: int):  # type: ignore[no-untyped-def]
    """Viewport rectangle Qt draws the character at code point `offset` in."""
    qt = view.offsets.to_qt(offset)
    block = view.document().findBlock(qt)
    view.blockBoundingRect(block)
    rel = qt - block.position()
    box = block.layout().glyphRuns(rel, 1)[0].boundingRect()
    line = block.layout().lineForTextPosition(rel)
    box.setTop(line.y())
    box.setHeight(line.height())
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    return box.translated(origin)


def formats_in_block(view: ArticleView, block_number: int) -> list[tuple[int, int, str]]:
    """(start, length, background colour) of the formats Qt holds for a block, in Qt units."""
    block = view.document().findBlockByNumber(block_number)
    return [(f.start, f.length, f.format.background().color().name())
            for f in block.layout().formats()]


def drag(qtbot, view: ArticleView, a: QPoint, b: QPoint) -> None:  # type: ignore[no-untyped-def]
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), (a + b) / 2)
    qtbot.mouseMove(view.viewport(), b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)


# -- rendering -----------------------------------------------------------------------------------
def test_the_bundled_naskh_font_draws_the_arabic(make_view) -> None:
    view = make_view()
    assert load_fonts() == ARABIC_FONT_FAMILY
    assert ARABIC_FONT_FAMILY in loaded_font_families()  # registered from resources/fonts
    assert QFontInfo(view.font()).family() == ARABIC_FONT_FAMILY
    block = view.document().firstBlock()
    families = {run.rawFont().familyName() for run in block.layout().glyphRuns(0, 4)}
    assert families == {ARABIC_FONT_FAMILY}


def test_lines_are_spaced_at_least_one_and_a_half_em(make_view) -> None:
    view = make_view()
    em = QFontInfo(view.font()).pixelSize()
    block = view.document().findBlockByNumber(3)
    assert view.blockBoundingRect(block).height() / block.layout().lineCount() >= 1.5 * em


def laid_out_direction(view: ArticleView, number: int) -> Qt.LayoutDirection:
    """The direction Qt laid block `number` out in (its text option once laid out)."""
    block = view.document().findBlockByNumber(number)
    view.blockBoundingRect(block)
    return block.layout().textOption().textDirection()


def test_arabic_paragraphs_run_right_to_left_and_the_english_one_left_to_right(make_view) -> None:
    view = make_view()
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    margin = view.document().documentMargin()
    right_edge = view.viewport().width() - margin
    for number, direction in ((0, Qt.LayoutDirection.RightToLeft),
                              (1, Qt.LayoutDirection.LeftToRight),
                              (3, Qt.LayoutDirection.RightToLeft)):
        block = view.document().findBlockByNumber(number)
        assert laid_out_direction(view, number) == direction
        line = block.layout().lineAt(0)
        first, last = line.cursorToX(0)[0], line.cursorToX(block.length() - 1)[0]
        # Reading starts at the right for Arabic, at the left for English ...
        assert (first > last) == (direction == Qt.LayoutDirection.RightToLeft)
        # ... and each paragraph is flush with the side it starts on.
        natural = line.naturalTextRect()
        if direction == Qt.LayoutDirection.RightToLeft:
            assert natural.right() == pytest.approx(right_edge, abs=2)
            assert natural.left() > 50
        else:
            assert natural.left() == pytest.approx(margin, abs=2)
            assert natural.right() < right_edge - 50


def test_bidi_controls_are_shown_as_visible_stand_ins_that_do_not_reorder(make_view) -> None:
    text = "Pay \u202egnp.exe\u202c now\r\nقال\u200f 47 \u2066abc\u2069"
    view = make_view(text)
    qt_text = view.document().toPlainText()
    assert not re.search("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", qt_text)
    assert view.document().characterCount() - 1 == view.offsets.qt_length
    for offset, ch in enumerate(text):
        if ch in CONTROL_STAND_INS:
            qt = view.offsets.to_qt(offset)
            assert qt_text[qt] == CONTROL_STAND_INS[ch]
            assert char_box(view, offset).width() > 2  # drawn, not zero-width
            block = view.document().findBlock(qt)
            ranges = [f for f in block.layout().formats()
                      if f.start <= qt - block.position() < f.start + f.length]
            assert ranges and ranges[0].format.background().color() == QColor(CONTROL_BACKGROUND)
    # The override is shown but has no effect: "gnp.exe" still reads left to right.
    g, p = text.index("gnp"), text.index("gnp") + 2
    assert char_box(view, g).center().x() < char_box(view, p).center().x()
    # Hovering names the control; copying gives the stored text back, control included.
    rlo = text.index("\u202e")
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in view.tooltip_at(char_box(view, rlo).center().toPoint())
    view.select_span(0, 15)
    view.copy()
    assert QApplication.clipboard().text() == text[:15]


def test_text_for_qt_keeps_every_position(make_view) -> None:
    text = "\u200e\u202b😀\r\n\u2068x"
    qt_text, controls, _rtl, _other = text_for_qt(text)
    assert controls == [0, 1, 5]
    assert len(qt_text) == len(text) and all(len(c.encode("utf-16-le")) == 2
                                             for c in CONTROL_STAND_INS.values())


def test_a_huge_one_line_article_is_shown_in_pieces_with_exact_offsets(make_view) -> None:
    from annotator.core.display import LONG_PARAGRAPH_CHARS, PIECE_CHARS

    # One line of 300,000 characters with a bidi override now and then: laid out whole it
    # would freeze the window; every offset must survive the pieces.
    sentence = "وقال شويغو إن عدد هذه الممرات يبلغ 3، \u202eاضافة😀 الى نقاط للاسعاف. "
    text = sentence * (300_000 // len(sentence))
    qt_text = text_for_qt(text).text
    assert len(qt_text) == len(text)
    changed = [i for i, (a, b) in enumerate(zip(text, qt_text)) if a != b and b == "\u2029"]
    assert changed and all(text[i] == " " for i in changed)  # only spaces became breaks
    view = make_view(text, width=500, height=300)
    doc = view.document()
    longest = max(doc.findBlockByNumber(n).length() for n in range(doc.blockCount()))
    assert doc.blockCount() > len(text) // PIECE_CHARS and longest < LONG_PARAGRAPH_CHARS
    # A word right at a piece boundary and one deep inside: selected in Qt, exact in code points.
    offsets = OffsetMap(text)
    cut = changed[len(changed) // 2]
    for start in (cut - 3, cut + 1, len(text) - 40):
        word = span_of(text[start:], text[start:].split()[0])
        s, e = start + word[0], start + word[1]
        cursor = QTextCursor(doc)
        cursor.setPosition(offsets.to_qt(s))
        cursor.setPosition(offsets.to_qt(e), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        assert view.selected_span() == (s, e)
        assert text[slice(*view.selected_span())] == text[s:e]


def test_every_piece_of_a_cut_paragraph_reads_in_the_paragraphs_direction(make_view) -> None:
    from annotator.core.display import LONG_PARAGRAPH_CHARS

    # Names of the other script in most slots, so many pieces start with one.
    def paragraph(words: list[str], names: list[str]) -> str:
        rng = random.Random(3)
        return " ".join([words[0]] + [rng.choice(names) if rng.random() < 0.6 else rng.choice(words)
                                      for _ in range(3 * LONG_PARAGRAPH_CHARS // 7)])

    arabic = paragraph(["وقال", "الممرات", "مفتوحة", "للمدنيين"], ["Putin", "(AFP)", "2024 UN"])
    english = paragraph(["Reuters", "reported", "corridors"], ["حلب", "(سانا)", "2024 دمشق"])
    text = f"{arabic}\n{english}"
    view = make_view(text, width=500, height=300)
    doc = view.document()
    english_from = doc.findBlock(view.offsets.to_qt(len(arabic) + 1)).blockNumber()
    assert english_from > 3 and doc.blockCount() - english_from > 3
    firsts = set()
    for number in range(doc.blockCount()):
        rtl = number < english_from
        assert laid_out_direction(view, number) == (Qt.LayoutDirection.RightToLeft if rtl
                                                    else Qt.LayoutDirection.LeftToRight), number
        block = doc.findBlockByNumber(number)
        firsts.add((rtl, block.text()[0].isascii()))
        line = block.layout().lineAt(0)
        # Reading starts at the right of an Arabic piece, at the left of an English one.
        start, end = line.textStart(), line.textStart() + line.textLength()
        assert (line.cursorToX(start)[0] > line.cursorToX(end)[0]) == rtl, number
    # Pieces of both paragraphs start with a letter of the other script.
    assert (True, True) in firsts and (False, False) in firsts


def test_short_paragraphs_are_never_cut() -> None:
    text = ("فقرة قصيرة " * 1500 + "\n") * 3  # 16,500 characters a paragraph
    assert text_for_qt(text).text == text


# -- selection -----------------------------------------------------------------------------------
def test_mouse_drag_selects_exact_code_points(qtbot, make_view) -> None:
    view = make_view()
    start, end = span_of(DOC, "وثقت المنظمة")
    with qtbot.waitSignal(view.selectionSpanChanged, check_params_cb=lambda s, e: (s, e) == (start, end)):
        drag(qtbot, view, caret_point(view, start), caret_point(view, end))
    assert view.selected_span() == (start, end)
    assert DOC[slice(*view.span_to_tag())] == "وثقت المنظمة"


def test_double_click_selects_a_word(qtbot, make_view) -> None:
    view = make_view()
    start, _end = span_of(DOC, "الممراتِ")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                      pos=char_box(view, start + 2).center().toPoint())
    assert DOC[slice(*view.selected_span())] == "الممراتِ"


@pytest.mark.parametrize("number", ["34.4", "12,500", "١٢٫٥", "10:30", "2024-07-11", "15%", "١٥٪"])
def test_double_click_on_a_number_selects_all_of_it(qtbot, make_view, number: str) -> None:
    text = f"وقال المتحدث إن النسبة بلغت {number} في المئة.\n"
    view = make_view(text)
    start, end = span_of(text, number)
    for inside in (start, end - 1):  # on its first and on its last character
        view.moveCursor(QTextCursor.MoveOperation.Start)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                          pos=char_box(view, inside).center().toPoint())
        assert text[slice(*view.selected_span())] == number
        assert view.span_to_tag() == (start, end)


def test_keyboard_selection_by_character_word_line_and_document(qtbot, make_view) -> None:
    view = make_view()
    assert view.hasFocus() and view.selected_span() == (0, 0)
    # In a right-to-left paragraph the reading direction is the Left key.
    qtbot.keyClick(view, Qt.Key.Key_Left, SHIFT)
    assert view.selected_span() == (0, 1)
    qtbot.keyClick(view, Qt.Key.Key_Left, SHIFT | CTRL)
    assert DOC[slice(*view.span_to_tag())] == "قالَ"
    qtbot.keyClick(view, Qt.Key.Key_End, SHIFT)
    assert view.selected_span() == (0, DOC.index("\r\n"))
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
    assert view.selected_span() == (len(DOC), len(DOC))
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL | SHIFT)
    assert view.selected_span() == (0, len(DOC))
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    assert view.selected_span() == (0, 0)


def test_keyboard_selected_word_after_crlf_emoji_and_tashkeel_has_its_exact_offsets(qtbot,
                                                                                     make_view) -> None:
    view = make_view()
    start, end = span_of(DOC, "غارة")  # after three CRLF, one emoji: Qt positions differ
    assert view.offsets.to_qt(start) != start
    view.select_span(start, start)
    qtbot.keyClick(view, Qt.Key.Key_Left, SHIFT | CTRL)
    assert DOC[slice(*view.span_to_tag())] == "غارة"
    assert view.span_to_tag() == (start, end)
    # A partial selection widens to the whole word, its last diacritic included.
    a, b = span_of(DOC, "عددَ")
    view.select_span(a + 1, a + 2)
    assert view.span_to_tag() == (a, b) and DOC[b - 1] == "\u064e"
    view.snap_to_words = False
    assert view.span_to_tag() == (a + 1, a + 2)


def test_an_empty_selection_tags_the_word_under_the_caret(make_view) -> None:
    figure = span_of(DOC, "47")
    view = make_view(annotations=(ann(1, 3, *figure),))
    word = span_of(DOC, "المنظمة")
    view.select_span(word[0] + 3, word[0] + 3)
    assert view.span_to_tag() == word
    view.select_span(figure[0] + 1, figure[0] + 1)
    assert view.span_to_tag() == figure  # tagged already: the window says so (test_main_window)
    view.select_span(DOC.index(" 47"), DOC.index(" 47"))  # caret right after a word
    assert view.span_to_tag() == word


# -- highlighting --------------------------------------------------------------------------------
def test_backgrounds_sit_on_the_right_qt_positions(make_view) -> None:
    claim, figure = span_of(DOC, "وثقت المنظمة 47 غارة"), span_of(DOC, "حلب")
    view = make_view(annotations=(ann(1, 1, *claim), ann(2, 3, *figure)))
    block = view.document().findBlockByNumber(3)
    to_block = lambda cp: view.offsets.to_qt(cp) - block.position()  # noqa: E731
    expected = [(to_block(claim[0]), claim[1] - claim[0], background_colour("#f6c85f").name()),
                (to_block(figure[0]), figure[1] - figure[0], background_colour("#6fb8e8").name())]
    assert sorted(formats_in_block(view, 3)) == sorted(expected)
    # 👍🏽 is two astral code points (thumb, skin tone): two more Qt units before حلب.
    assert to_block(figure[0]) == figure[0] - DOC.index("وفي") + 2
    assert formats_in_block(view, 0) == [] and formats_in_block(view, 1) == []


def test_a_span_across_a_paragraph_break_is_carried_to_the_line_end(make_view) -> None:
    text = ("وقال شويغو إن الممرات مفتوحة.\r\n\r\nواضاف أن المدنيين سيخرجون.\r\n"
            "وقال المتحدث إن الوضع هادئ.\r\nوقال الجيش إن الهدنة صامدة.\r\n")
    across = (text.index("الممرات"), text.index("سيخرجون"))  # over a blank line
    ends = span_of(text, "الوضع هادئ")  # ends before its paragraph's full stop
    view = make_view(text, (ann(1, 1, *across), ann(2, 2, *ends)), width=600)
    image = view.viewport().grab().toImage()
    doc, margin = view.document(), view.document().documentMargin()

    def colour_left_of_text(number: int) -> str:
        """The colour between the left margin and the text of block `number`'s last line."""
        block = doc.findBlockByNumber(number)
        view.blockBoundingRect(block)
        line = block.layout().lineAt(block.layout().lineCount() - 1)
        origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
        x = int(origin.x() + (margin + line.naturalTextRect().left()) / 2)
        return image.pixelColor(x, int(origin.y() + line.y() + line.height() / 2)).name()

    claim = background_colour("#f6c85f").name()
    assert colour_left_of_text(0) == claim  # runs on past the full stop ...
    assert colour_left_of_text(1) == claim  # ... over the blank line
    assert colour_left_of_text(2) != claim  # and ends in the third paragraph
    assert colour_left_of_text(3) != background_colour("#ef767a").name()  # ends in its paragraph


def test_nested_spans_stay_distinguishable(make_view) -> None:
    claim = span_of(DOC, "وثقت المنظمة 47 غارة")
    figure = span_of(DOC, "47 غارة")
    digits = span_of(DOC, "47")
    view = make_view(annotations=(ann(1, 1, *claim), ann(2, 3, *figure), ann(3, 2, *digits)))
    index = view.highlighter.index
    assert [index.layer(i) for i in (1, 2, 3)] == [0, 1, 2]
    image = view.viewport().grab().toImage()

    def colours_below(offset: int) -> set[str]:
        box = char_box(view, offset)
        x = int(box.center().x())
        return {image.pixelColor(x, y).name() for y in range(int(box.top()), int(box.bottom()))}

    inside_both = colours_below(digits[0])
    assert background_colour("#f6c85f").name() in inside_both  # the claim's background
    assert underline_colour("#6fb8e8").name() in inside_both  # the figure's underline
    assert underline_colour("#ef767a").name() in inside_both  # the accusation's, deeper
    only_figure = colours_below(figure[1] - 2)
    assert underline_colour("#6fb8e8").name() in only_figure
    assert underline_colour("#ef767a").name() not in only_figure


def test_adding_and_removing_reformats_only_the_blocks_the_span_touches(make_view) -> None:
    view = make_view()
    hl = view.highlighter
    assert all(hl.is_formatted(n) for n in range(4))  # all on screen

    def reformatted_by(change) -> int:  # type: ignore[no-untyped-def]
        before = hl.blocks_formatted
        change()
        return hl.blocks_formatted - before

    figure = span_of(DOC, "11")
    assert reformatted_by(lambda: view.add_annotation(ann(7, 3, *figure))) == 1
    assert [f[2] for f in formats_in_block(view, 3)] == [background_colour("#6fb8e8").name()]
    assert reformatted_by(lambda: view.update_annotation(ann(7, 1, *figure, note="n"))) == 1
    assert [f[2] for f in formats_in_block(view, 3)] == [background_colour("#f6c85f").name()]
    assert reformatted_by(lambda: view.remove_annotation(7)) == 1
    assert formats_in_block(view, 3) == []
    assert view.annotations_at(figure[0]) == []
    across = (DOC.index("English"), DOC.index("وفي") + 3)  # blocks 1, 2 and 3
    assert reformatted_by(lambda: view.add_annotation(ann(8, 1, *across))) == 3


def test_a_long_article_is_highlighted_where_it_is_read_then_in_idle_time(qtbot) -> None:
    paragraph = "قالت المنظمة إنها وثقت 47 غارة على حلب.\n"
    text = paragraph * 3000
    starts = [m.start() for m in re.finditer("47", text)]
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    view.show_document(text, tuple(ann(i + 1, 3, s, s + 2) for i, s in enumerate(starts)), LABELS)
    view.viewport().repaint()  # the first paint, before the event loop has had any idle time
    last = view.document().blockCount() - 2
    formatted = sum(view.highlighter.is_formatted(n) for n in range(last + 1))
    assert 0 < formatted < 100  # opening formats what is shown, not 3,000 paragraphs
    assert not view.highlighter.is_formatted(last)
    # Idle time formats the rest in short slices, so scrolling finds every block ready.
    qtbot.waitUntil(lambda: view.highlighter.is_formatted(last), timeout=10_000)
    assert all(view.highlighter.is_formatted(n) for n in range(last + 1))
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
    view.viewport().repaint()
    assert formats_in_block(view, last)[0][2] == background_colour("#6fb8e8").name()


def test_set_labels_recolours_what_is_shown(make_view) -> None:
    figure = span_of(DOC, "47")
    view = make_view(annotations=(ann(1, 3, *figure),))
    view.set_labels([*LABELS[:2], LabelInfo(id=3, name="figure", colour="#00aa00", shortcut="3", description="",
                                           position=3)])
    assert formats_in_block(view, 3)[0][2] == background_colour("#00aa00").name()


# -- hover, click, annotations under the caret ---------------------------------------------------
def test_hovering_lists_every_label_and_note_under_the_mouse(qtbot, make_view) -> None:
    claim, digits = span_of(DOC, "وثقت المنظمة 47 غارة"), span_of(DOC, "47")
    view = make_view(annotations=(ann(1, 1, *claim, note="source: HRW"), ann(2, 3, *digits)))
    pos = char_box(view, digits[0]).center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().splitlines() == ["claim: source: HRW", "figure"]
    assert view.tooltip_at(char_box(view, DOC.index("حلب")).center().toPoint()) == ""


def test_clicking_reports_the_innermost_annotation_or_none(qtbot, make_view) -> None:
    claim, digits = span_of(DOC, "وثقت المنظمة 47 غارة"), span_of(DOC, "47")
    view = make_view(annotations=(ann(1, 1, *claim), ann(2, 3, *digits)))
    for offset, expected in ((digits[0], 2), (claim[0] + 1, 1), (DOC.index("حلب"), -1)):
        with qtbot.waitSignal(view.annotationClicked) as signal:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                             pos=char_box(view, offset).center().toPoint())
        assert signal.args == [expected]
    view.select_span(digits[0] + 1, digits[0] + 1)
    assert view.annotation_at_cursor() == 2
    assert view.annotations_at(digits[0]) == [2, 1]


def test_select_and_flash_bring_a_far_span_into_view(qtbot, make_view) -> None:
    filler = "سطر قصير للتمرير.\n" * 200
    text = filler + "الكلمة الأخيرة هنا\n" + filler
    view = make_view(text)
    target = span_of(text, "الأخيرة")
    view.flash_span(*target)
    view.viewport().repaint()
    flash = view.extraSelections()[0]
    assert view.offsets.span_from_qt(flash.cursor.selectionStart(), flash.cursor.selectionEnd()) == target
    rect = view.cursorRect(QTextCursor(flash.cursor))
    assert 0 <= rect.top() and rect.bottom() <= view.viewport().height()
    assert view.selected_span() == (0, 0)  # flashing leaves the analyst's selection alone
    qtbot.waitUntil(lambda: not view.extraSelections(), timeout=3000)
    view.select_span(0, 3)
    view.select_span(*target)
    assert view.selected_span() == target
    height = view.viewport().height()  # far away: shown mid-page, with its context
    assert height / 4 <= view.cursorRect().center().y() <= height * 3 / 4


# -- zoom and document replacement ---------------------------------------------------------------
def test_zoom_in_out_reset_and_ctrl_wheel(qtbot, make_view) -> None:
    view = make_view(annotations=(ann(1, 3, *span_of(DOC, "47")),))
    size = view.font().pointSize()
    height = view.blockBoundingRect(view.document().firstBlock()).height()
    highlighted = formats_in_block(view, 3)
    with qtbot.waitSignal(view.zoomChanged, check_params_cb=lambda d: d == 2):
        view.zoom_in()
        view.zoom_in()
    assert view.font().pointSize() == size + 2 and view.zoom == 2
    assert view.blockBoundingRect(view.document().firstBlock()).height() > height
    view.viewport().repaint()
    assert formats_in_block(view, 3) == highlighted  # the highlights scale with the text
    assert QFontInfo(view.document().defaultFont()).pointSize() == size + 2
    view.zoom_out()
    assert view.zoom == 1
    with qtbot.waitSignal(view.zoomChanged, check_params_cb=lambda d: d == 0):
        view.reset_zoom()
    assert view.font().pointSize() == size
    view.set_zoom(-100)
    assert view.font().pointSize() >= 6
    view.reset_zoom()
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == 1


def test_show_document_replaces_everything_and_takes_focus(qtbot, make_view) -> None:
    view = make_view(annotations=(ann(1, 3, *span_of(DOC, "47")),))
    view.select_span(5, 9)
    other = "نص جديد تماما\nNew text"
    view.clearFocus()
    view.show_document(other, (ann(9, 1, 0, 2),), LABELS)
    view.viewport().repaint()
    assert view.text == other and view.document().toPlainText() == other
    assert view.selected_span() == (0, 0) and view.hasFocus()
    assert view.annotations_at(0) == [9] and view.annotations_at(len(other) - 1) == []
    assert formats_in_block(view, 0) == [(0, 2, background_colour("#f6c85f").name())]
