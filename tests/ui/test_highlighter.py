"""The highlighter's colours."""
from __future__ import annotations

from annotator.ui.highlighter import background_colour


def test_backgrounds_are_light_enough_for_black_text() -> None:
    for colour in ("#f6c85f", "#ef767a", "#6fb8e8", "#000000", "not a colour"):
        assert background_colour(colour).lightnessF() >= 0.7
