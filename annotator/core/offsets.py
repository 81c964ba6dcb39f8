"""Code-point offsets <-> Qt document positions (UTF-16 units, CRLF collapsed to one separator).

Qt's QTextDocument counts UTF-16 code units, so an astral character (emoji) takes two
positions, and `setPlainText` turns `\\r\\n` into a single block separator. Every other line
break (`\\n`, `\\r`, U+2029) and U+2028 stays one unit. The stored offsets are code points, so
the window converts through this one mapping, built once per document in O(n) and answering
each lookup in O(log n).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_CRLF = re.compile("\r\n")


class OffsetMap:
    """Translate between code-point offsets into `text` and positions in a QTextDocument."""

    __slots__ = ("_cp_delta", "_cp_events", "_qt_delta", "_qt_events", "length", "qt_length")

    def __init__(self, text: str) -> None:
        # An event at e with step d means: every code point > e is shifted by d more Qt units.
        # Only astral characters and CRLF shift anything; regexes find them at C speed.
        cp_events: list[int] = []
        qt_events: list[int] = []
        steps: list[int] = []
        shift = 0
        # Two simple searches run much faster than one alternation; merge them in text order.
        # UTF-16 twice as long as the text in code points means no astral character: that
        # encoding runs at memory speed, the regex scan several times slower.
        has_astral = len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
        found = [(m.start(), True) for m in _ASTRAL.finditer(text)] if has_astral else []
        if "\r\n" in text:
            found = sorted(found + [(m.start(), False) for m in _CRLF.finditer(text)])
        for i, astral in found:
            if astral:  # Qt positions after this pair's first unit shift
                cp_events.append(i)
                qt_events.append(i + shift)
                steps.append(1)
                shift += 1
            else:  # CRLF: the \r is the separator; the \n (at i + 1) has no unit
                cp_events.append(i + 1)
                qt_events.append(i + shift)
                steps.append(-1)
                shift -= 1
        self._cp_events = cp_events
        self._qt_events = qt_events
        self._cp_delta = [0, *accumulate(steps)]
        self._qt_delta = self._cp_delta
        self.length = len(text)
        self.qt_length = len(text) + shift

    def to_qt(self, offset: int) -> int:
        """Qt position of code-point `offset` (clamped to the text)."""
        offset = min(max(offset, 0), self.length)
        return offset + self._cp_delta[bisect_left(self._cp_events, offset)]

    def from_qt(self, position: int) -> int:
        """Code-point offset of Qt `position`; inside a surrogate pair it snaps to the pair's start."""
        position = min(max(position, 0), self.qt_length)
        return position - self._qt_delta[bisect_left(self._qt_events, position)]

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def span_from_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.from_qt(start), self.from_qt(end)
