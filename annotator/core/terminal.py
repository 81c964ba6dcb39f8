"""A document for a terminal: spans marked in the text, and a visual mode for terminals without bidi."""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.direction import paragraph_rtl

OPEN, CLOSE = "⟦", "⟧"
# Span numbers are superscript, so `⟦3⟧⁷` (span 7 is the figure 3) cannot be misread as a 37.
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


# Invisible controls that reorder text are named, so a spoofed line cannot hide in a terminal.
_BIDI_CONTROLS = {"\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO",
                  "\u202e": "RLO", "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI",
                  "\u2069": "PDI", "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM"}
_PRINTABLE = str.maketrans({
    **{c: f"⟨{name}⟩" for c, name in _BIDI_CONTROLS.items()},
    # Control characters (ESC above all) would drive the terminal: show their pictures instead.
    **{chr(c): chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n"},
    "\x7f": "\u2421", **{chr(c): "\ufffd" for c in range(0x80, 0xA0)},
    "\u2028": "\n", "\u2029": "\n",
})


def printable(text: str) -> str:
    """`text` safe to print: every line break a \\n, controls visible instead of obeyed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_PRINTABLE)


@dataclass(frozen=True)
class MarkedSpan:
    number: int
    start: int
    end: int
    label: str
    note: str = ""
    details: str = ""  # attributes and links, as the legend shows them


def number_spans(spans: Sequence[tuple[int, int, str, str]]) -> list[MarkedSpan]:
    """Number (start, end, label, note) spans in reading order, outer spans before inner ones."""
    ordered = sorted(spans, key=lambda s: (s[0], -s[1], s[2]))
    return [MarkedSpan(n, start, end, label, note)
            for n, (start, end, label, note) in enumerate(ordered, start=1)]


def mark_spans(text: str, spans: Sequence[MarkedSpan]) -> str:
    """The text with `⟦` before and `⟧ⁿ` after each span (n its number); nested spans close inside out."""
    opens: dict[int, list[MarkedSpan]] = {}
    closes: dict[int, list[MarkedSpan]] = {}
    for span in spans:
        opens.setdefault(span.start, []).append(span)
        closes.setdefault(span.end, []).append(span)
    out: list[str] = []
    last = 0
    for at in sorted(opens.keys() | closes.keys()):
        out.append(text[last:at])
        # The span that opened last closes first, so the brackets nest.
        for span in sorted(closes.get(at, ()), key=lambda s: (-s.start, s.end, -s.number)):
            out.append(CLOSE + str(span.number).translate(_SUPERSCRIPT))
        out.extend(OPEN for _ in opens.get(at, ()))
        last = at
    out.append(text[last:])
    return "".join(out)


def legend(spans: Sequence[MarkedSpan]) -> list[str]:
    """One line per span: number, label, code-point range and note; then its attributes and links."""
    return [printable(f"{s.number:>4}  {s.label}  {s.start}-{s.end}" + (f"  {s.note}" if s.note else "")
                      + (f"\n      {s.details}" if s.details else ""))
            for s in spans]


def cell_width(text: str) -> int:
    """Terminal columns `text` takes: marks and format characters none, wide characters two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def is_rtl(paragraph: str) -> bool:
    """Whether a paragraph reads right to left: most of its letters do (core/direction.py; left
    to right when it has none)."""
    return paragraph_rtl(paragraph) is True


def _wrap(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in paragraph.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and cell_width(candidate) > width:
            lines.append(current)
            candidate = word
        current = candidate
    lines.append(current)
    return lines


def visual_lines(text: str, width: int = 80) -> list[str]:
    """Lines shaped (presentation forms) and in visual order, right-to-left ones right-aligned.

    For terminals that neither join Arabic letters nor reorder right-to-left text. Wrapping
    happens before reordering, so each screen line reads correctly on its own.
    """
    # Loaded here, for `show --visual` only: every other command starts without them.
    import arabic_reshaper

    # The pure-Python algorithm mirrors brackets in right-to-left runs (rule L4); the faster
    # `bidi.get_display` leaves them unmirrored, which turns every (…) and ⟦…⟧ inside out.
    from bidi.algorithm import get_display

    width = max(width, 10)
    out: list[str] = []
    for paragraph in text.splitlines():
        rtl = is_rtl(paragraph)
        for line in _wrap(paragraph, width):
            shown = get_display(arabic_reshaper.reshape(line), base_dir="R" if rtl else "L")
            pad = max(0, width - cell_width(shown)) if rtl else 0
            out.append(" " * pad + shown)
    return out
