"""The text Qt is given to display: invisible controls made visible, huge paragraphs cut, and
which paragraphs read against the document's usual direction.

Every change keeps the UTF-16 length of each character, so the code-point <-> Qt position
map of the stored text (core.offsets.OffsetMap) stays valid for the displayed text.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import NamedTuple

from annotator.core.direction import paragraphs, paragraphs_reading, usual_rtl

# Invisible bidi controls and the visible stand-in Qt is given instead: each a neutral (bidi class
# ON), unmirrored BMP arrow, one UTF-16 unit like the control, so Qt positions stay valid and the
# control cannot reorder what the analyst reads.
CONTROL_STAND_INS = {
    "\u200e": "\u2192",  # LEFT-TO-RIGHT MARK          →
    "\u200f": "\u2190",  # RIGHT-TO-LEFT MARK          ←
    "\u061c": "\u21e0",  # ARABIC LETTER MARK          ⇠
    "\u202a": "\u21d2",  # LEFT-TO-RIGHT EMBEDDING     ⇒
    "\u202b": "\u21d0",  # RIGHT-TO-LEFT EMBEDDING     ⇐
    "\u202c": "\u21b2",  # POP DIRECTIONAL FORMATTING  ↲
    "\u202d": "\u21db",  # LEFT-TO-RIGHT OVERRIDE      ⇛
    "\u202e": "\u21da",  # RIGHT-TO-LEFT OVERRIDE      ⇚
    "\u2066": "\u21e5",  # LEFT-TO-RIGHT ISOLATE       ⇥
    "\u2067": "\u21e4",  # RIGHT-TO-LEFT ISOLATE       ⇤
    "\u2068": "\u2194",  # FIRST STRONG ISOLATE        ↔
    "\u2069": "\u21b5",  # POP DIRECTIONAL ISOLATE     ↵
    # Not a bidi control, but invisible, and Qt drops it at the start of a document, which
    # would shift every position after it.
    "\ufeff": "\u25cc",  # ZERO WIDTH NO-BREAK SPACE   ◌
}
_CONTROLS = re.compile("[" + "".join(CONTROL_STAND_INS) + "]")


def control_name(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE'."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNKNOWN CONTROL')}"


class QtText(NamedTuple):
    """What the view gives Qt, and how each of its paragraphs reads."""

    text: str  # the text with visible stand-ins for controls and huge paragraphs cut
    controls: list[int]  # offsets of the bidi controls replaced by stand-ins
    rtl: bool  # the direction most paragraphs read, the document's default
    other: list[int]  # numbers of the paragraphs (Qt's blocks: pieces count) that read the other way


def text_for_qt(text: str) -> QtText:
    """The text Qt displays (bidi controls replaced by visible stand-ins) and its directions."""
    # Most articles hold none: thirteen substring tests are several times faster than a scan
    # with the character class, which then runs only when one is there.
    positions = []
    if any(ch in text for ch in CONTROL_STAND_INS):
        positions = [m.start() for m in _CONTROLS.finditer(text)]
        text = _CONTROLS.sub(lambda m: CONTROL_STAND_INS[m.group()], text)
    rtl = usual_rtl(text)
    shown = _split_long_paragraphs(text)
    other = paragraphs_reading(text, not rtl)
    if not other:
        return QtText(shown, positions, rtl, [])
    starts = [start for start, _end in paragraphs(shown)]
    numbers = [n for start, end in other
               for n in range(bisect_right(starts, start) - 1, bisect_right(starts, end))]
    return QtText(shown, positions, rtl, numbers)


# Qt lays a paragraph out whole, so a huge one (a 10 MB transcript on one line) would freeze the
# window. Such a paragraph is shown in pieces: every PIECE_CHARS or so a space becomes a
# paragraph separator, one UTF-16 unit for another, so every position stays valid.
LONG_PARAGRAPH_CHARS = 20_000
PIECE_CHARS = 8_000
_PARAGRAPH = re.compile("[^\n\r\u2029]+")


def _has_long_line(text: str) -> bool:
    """Whether some stretch between two \\n is long (str.find is much faster than a regex scan)."""
    at = 0
    while (nl := text.find("\n", at)) >= 0:
        if nl - at >= LONG_PARAGRAPH_CHARS:
            return True
        at = nl + 1
    return len(text) - at >= LONG_PARAGRAPH_CHARS


def _cut(text: str, at: int, end: int) -> int:
    """The space ending the piece from `at`: the last in the window, else the first after it
    (-1: none). The view lays every piece out in its paragraph's direction."""
    lo, hi = at + PIECE_CHARS // 2, at + PIECE_CHARS
    space = text.rfind(" ", lo, hi)
    return space if space >= 0 else text.find(" ", hi, end)


def _split_long_paragraphs(text: str) -> str:
    cuts: list[int] = []
    for m in _PARAGRAPH.finditer(text) if _has_long_line(text) else ():
        at, end = m.span()
        if end - at < LONG_PARAGRAPH_CHARS:
            continue
        while end - at > PIECE_CHARS:
            space = _cut(text, at, end)
            if space < 0:
                break  # no space left to break at: shown as one paragraph
            cuts.append(space)
            at = space + 1
    if not cuts:
        return text
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(text[last:cut])
        last = cut + 1
    pieces.append(text[last:])
    return "\u2029".join(pieces)
