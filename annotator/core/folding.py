"""Arabic spelling folded for Find and filters, with a map back to exact offsets.

An analyst types «اعلن» and expects «أعلن», «مدرسه» for «مدرسة», «123» for «١٢٣», and a phrase
to match whatever spaces stand between its words. Folding: tashkeel, Quranic marks and the
tatweel dropped; alef and hamza-on-alef forms to a bare alef; ta marbuta to ha; alef maqsura to
ya; Arabic-Indic and Persian digits to Western ones; Latin letters to lower case; each run of
spaces and tabs (no-break spaces included) to one space. Line breaks are kept: a phrase is
found within a paragraph.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

_DROPPED = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
_IGNORABLE = re.compile(f"[{_DROPPED}]")
# What changes length: dropped marks, and runs of horizontal white space.
_REGIONS = re.compile(f"[{_DROPPED}]+|[^\\S\\r\\n\\u2028\\u2029\\x0b\\x0c\\x1c-\\x1e\\x85]+")


def _table() -> dict[int, str]:
    table = {ord(c): "\u0627" for c in "\u0623\u0625\u0622\u0671\u0672\u0673"}  # أ إ آ ٱ ٲ ٳ
    table[0x0629] = "\u0647"  # ة -> ه
    table[0x0649] = "\u064a"  # ى -> ي
    table[0x06cc] = "\u064a"  # Persian ye
    for base in (0x0660, 0x06f0):  # Arabic-Indic and Persian digits
        table.update({base + d: str(d) for d in range(10)})
    for code in range(0x41, 0x250):  # Latin, Latin-1 and Latin Extended: one lower-case letter
        lower = chr(code).lower()
        if lower != chr(code) and len(lower) == 1:
            table[code] = lower
    return table


_TABLE = _table()


@dataclass(frozen=True)
class Folded:
    """A text folded for search; `original` maps a position in it back to the stored text."""

    source: str
    text: str
    # (folded position, stored position) at the end of each region whose length changed.
    _marks_folded: tuple[int, ...]
    _marks_source: tuple[int, ...]

    def original(self, position: int) -> int:
        """The stored code point offset of folded `position` (a position inside `text`)."""
        i = bisect.bisect_right(self._marks_folded, position) - 1
        if i < 0:
            return position
        return self._marks_source[i] + position - self._marks_folded[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The stored span of folded [start, end), with the marks on its last letter."""
        first, last = self.original(start), self.original(end - 1) + 1
        while last < len(self.source) and _IGNORABLE.match(self.source, last):
            last += 1
        return first, last


@functools.lru_cache(maxsize=2)
def fold(text: str) -> Folded:
    """`text` folded for search, with its map back (cached: Find asks again on every key)."""
    return _fold(text)


def _fold(text: str) -> Folded:
    same_length = text.translate(_TABLE)
    pieces: list[str] = []
    marks_folded: list[int] = []
    marks_source: list[int] = []
    done = length = 0
    for m in _REGIONS.finditer(same_length):
        start, end = m.span()
        pieces.append(same_length[done:start])
        length += start - done
        if not _IGNORABLE.match(same_length, start):
            pieces.append(" ")
            length += 1
        marks_folded.append(length)
        marks_source.append(end)
        done = end
    pieces.append(same_length[done:])
    return Folded(text, "".join(pieces), tuple(marks_folded), tuple(marks_source))


def fold_needle(needle: str) -> str:
    """What is searched for: `needle` folded the same way (empty when only marks were typed)."""
    return _fold(needle).text


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every match of `needle` in `text`, folded, as stored spans in order (not overlapping)."""
    wanted = fold_needle(needle)
    if not wanted.strip():  # only marks (or spaces) typed: find them as they are
        return ([m.span() for m in re.finditer(re.escape(needle), text)] if needle.strip()
                else [])
    folded = fold(text)
    found: list[tuple[int, int]] = []
    at = folded.text.find(wanted)
    while at >= 0:
        found.append(folded.span(at, at + len(wanted)))
        at = folded.text.find(wanted, at + len(wanted))
    return found
