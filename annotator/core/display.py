"""The text Qt is given to display: invisible controls made visible, huge paragraphs cut.

Every change keeps the UTF-16 length of each character, so the code-point <-> Qt position
map of the stored text (core.offsets.OffsetMap) stays valid for the displayed text.
"""
from __future__ import annotations

import functools
import re
import unicodedata

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


def text_for_qt(text: str) -> tuple[str, list[int]]:
    """The text Qt displays (bidi controls replaced by visible stand-ins) and their offsets."""
    # Most articles hold none: thirteen substring tests are several times faster than a scan
    # with the character class, which then runs only when one is there.
    if not any(ch in text for ch in CONTROL_STAND_INS):
        return _split_long_paragraphs(text), []
    positions = [m.start() for m in _CONTROLS.finditer(text)]
    if positions:
        text = _CONTROLS.sub(lambda m: CONTROL_STAND_INS[m.group()], text)
    return _split_long_paragraphs(text), positions


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


class _Cutter:
    """Chooses where a long paragraph is cut so that every piece keeps the paragraph's direction.

    Qt gives each piece the direction of its own first strong character (bidi class L, R or AL),
    so a piece of an Arabic paragraph starting with a Latin name would run left to right.
    """

    def __init__(self) -> None:
        kinds = list(map(unicodedata.bidirectional, map(chr, range(0x20000))))  # planes 0 and 1
        rtl = _char_class(kinds, {"R", "AL"})  # every R and AL character is in planes 0 and 1
        weak = _char_class(kinds, {"L", "R", "AL"}, negate=True) + "\\U000e0000-\\U000e0fff"
        # The rest (CJK planes 2-3, private use planes 15-16) is L. Classes are written so that
        # the character tested most often is found in their BMP bitmap, not in the range list.
        self.strong = re.compile(f"[^{weak}]")
        # Searched in the reversed window, the first match is the rightmost space followed by
        # weak characters only and then a strong one of the wanted direction.
        self.reversed_start = {True: re.compile(f"[{rtl}][{weak}]*? "),
                               False: re.compile(f"[^{rtl}{weak}][{weak}]*? ")}

    def paragraph_rtl(self, text: str, at: int, end: int) -> bool | None:
        """Whether text[at:end] starts right to left (None: it has no strong character)."""
        m = self.strong.search(text, at, end)
        return None if m is None else unicodedata.bidirectional(m.group()) in ("R", "AL")

    def cut(self, text: str, at: int, end: int, rtl: bool | None) -> int:
        """The space ending the piece from `at`: the last in the window keeping direction `rtl`
        if any, else the last in the window, else the first after it (-1: none)."""
        lo, hi = at + PIECE_CHARS // 2, at + PIECE_CHARS
        if rtl is not None and (m := self.reversed_start[rtl].search(text[lo:hi][::-1])):
            return hi - m.end()
        space = text.rfind(" ", lo, hi)
        return space if space >= 0 else text.find(" ", hi, end)


def _char_class(kinds: list[str], wanted: set[str], negate: bool = False) -> str:
    """Regex ranges of the code points whose bidi class is (not) in `wanted`; an unassigned code
    point (no class) joins whichever range it lies in, which keeps the ranges few."""
    ranges: list[list[int]] = []
    extend = False
    for cp, kind in enumerate(kinds):
        if not kind:
            continue
        if (kind in wanted) != negate:
            if extend:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
                extend = True
        else:
            extend = False
    return "".join(f"\\U{a:08x}-\\U{b:08x}" if a < b else f"\\U{a:08x}" for a, b in ranges)


@functools.cache
def _cutter() -> _Cutter:
    return _Cutter()  # built once, and only when some paragraph is long


def _split_long_paragraphs(text: str) -> str:
    cuts: list[int] = []
    for m in _PARAGRAPH.finditer(text) if _has_long_line(text) else ():
        at, end = m.span()
        if end - at < LONG_PARAGRAPH_CHARS:
            continue
        rtl = _cutter().paragraph_rtl(text, at, end)
        while end - at > PIECE_CHARS:
            space = _cutter().cut(text, at, end, rtl)
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
