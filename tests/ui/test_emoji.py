"""Emoji and flags in the article are drawn from a colour emoji font, a flag as one glyph."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase, QTextLayout

from annotator.ui.article_view import ArticleView
from annotator.ui.resources import EMOJI_FONT_FAMILY


def glyph_runs(view: ArticleView, text: str) -> list[tuple[str, int]]:
    layout = QTextLayout(text, view.document().defaultFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), len(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_a_flag_is_one_colour_glyph_not_two_boxes(qtbot) -> None:  # type: ignore[no-untyped-def]
    if EMOJI_FONT_FAMILY not in QFontDatabase.families():
        pytest.skip(f"{EMOJI_FONT_FAMILY} is not installed (make sysdeps installs it as root)")
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_document("🇸🇾 وقال وزير الدفاع 😀", (), ())
    assert glyph_runs(view, "🇸🇾") == [(EMOJI_FONT_FAMILY, 1)]  # two regional indicators, one flag
    assert glyph_runs(view, "😀") == [(EMOJI_FONT_FAMILY, 1)]
    assert [family for family, _ in glyph_runs(view, "وقال")] == ["Noto Naskh Arabic"]
