"""Which way each paragraph reads: the direction of most of its letters, not only of the first.

The rule (the bidi algorithm's rules P2-P3 take the first strong character instead):

1. A paragraph's strong characters are those of bidi class L (left to right) and R or AL
   (right to left: Arabic, Hebrew, Syriac, Thaana, N'Ko ...). Digits, punctuation, spaces,
   emoji, flags (Unicode gives their regional indicators class L) and tashkeel are not strong,
   nor are code points this Python's Unicode database does not know in planes 0 and 1; beyond
   plane 1 all is L but plane 14's tags and selectors. The view weighs the text it shows, in
   which bidi controls are replaced by neutral stand-ins, so they never count either.
2. A paragraph reads in the direction of the majority of its strong characters; a tie goes to
   its first strong character. So «CNN: قال المتحدث …», «🇸🇾 وقال …» and «"Fake news" هكذا …»
   read right to left, and an English paragraph that opens with an Arabic name left to right.
3. A paragraph with no strong character (a blank line, a row of figures) reads like the nearest
   paragraph before it that has one; at the start of the text, like the first one after it.
   A text with no strong character at all reads right to left.

Paragraphs end where Qt starts a new block: at CR LF, CR, LF and U+2029.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

_SEPARATOR = re.compile("\r\n|[\r\n\u2029]")
OPENING_CHARS = 4096  # what `usual_rtl` weighs: enough letters to tell, little time
_FLAGS = (0x1F1E6, 0x1F1FF)  # the regional indicators that pair into flags


@dataclass(frozen=True, slots=True)
class _Classes:
    """Regexes over the strong characters; each is written so that the characters of the other
    direction, which it meets most, are found in its bitmap of the BMP at C speed."""

    ltr: re.Pattern[str]  # one L character
    rtl: re.Pattern[str]  # one R or AL character
    strong: re.Pattern[str]  # one character of either


def _ranges(flags: list[bool]) -> str:
    """Regex ranges of the code points whose flag is set."""
    out, cp = [], 0
    for flag, group in itertools.groupby(flags):
        n = sum(1 for _ in group)
        if flag:
            out.append(f"\\U{cp:08x}-\\U{cp + n - 1:08x}" if n > 1 else f"\\U{cp:08x}")
        cp += n
    return "".join(out)


@functools.cache
def _classes() -> _Classes:
    # Planes 0 and 1 hold every R and AL character; beyond them an assigned character is L
    # (CJK, private use) or weak (plane 14's tags and variation selectors).
    kinds = list(map(unicodedata.bidirectional, map(chr, range(0x20000))))
    kinds[_FLAGS[0]:_FLAGS[1] + 1] = [""] * (_FLAGS[1] - _FLAGS[0] + 1)
    plane_14 = "\\U000e0000-\\U000e0fff"
    not_ltr = _ranges([k != "L" for k in kinds]) + plane_14
    not_rtl = _ranges([k not in ("R", "AL") for k in kinds]) + "\\U00020000-\\U0010ffff"
    weak = _ranges([k not in ("L", "R", "AL") for k in kinds]) + plane_14
    return _Classes(ltr=re.compile(f"[^{not_ltr}]"), rtl=re.compile(f"[^{not_rtl}]"),
                    strong=re.compile(f"[^{weak}]"))


def paragraph_rtl(text: str, start: int = 0, end: int | None = None) -> bool | None:
    """Whether text[start:end], one paragraph, reads right to left (None: no strong character)."""
    end = len(text) if end is None else end
    c = _classes()
    first = c.strong.search(text, start, end)
    if first is None:
        return None
    first_rtl = c.rtl.match(first.group()) is not None
    other = c.ltr if first_rtl else c.rtl
    if other.search(text, first.end(), end) is None:
        return first_rtl  # one direction only: the common case, no counting
    rtl = len(c.rtl.findall(text, start, end))
    ltr = len(c.ltr.findall(text, start, end))
    return first_rtl if rtl == ltr else rtl > ltr


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph, separators left out."""
    spans, at = [], 0
    for m in _SEPARATOR.finditer(text):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(text)))
    return spans


def usual_rtl(text: str) -> bool:
    """Whether most strong letters of the text's opening read right to left (also with none).

    The view lays paragraphs out in this direction unless told otherwise, so it only names the
    paragraphs that read the other way (`paragraphs_reading`), which are then few.
    """
    c = _classes()
    opening = text[:OPENING_CHARS]
    return len(c.rtl.findall(opening)) >= len(c.ltr.findall(opening))


def paragraphs_reading(text: str, rtl: bool) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs that read right to left (`rtl`) or left to right, in order.

    Only paragraphs holding a letter of that direction are weighed, and the paragraphs without
    strong characters next to them: asked for the direction few paragraphs take, this costs
    one scan of the text.
    """
    c = _classes()
    letter = c.rtl if rtl else c.ltr
    out: list[tuple[int, int]] = []
    at, n = 0, len(text)
    first_strong = c.strong.search(text)
    while (m := letter.search(text, at)) is not None:
        start, end = _paragraph_at(text, at, m.start())
        if paragraph_rtl(text, start, end) is rtl:
            if first_strong is not None and first_strong.start() >= start and start > 0:
                out.extend(_neutral_before(text, start))  # the text opens with neutral paragraphs
            out.append((start, end))
            out.extend(_neutral_after(text, end))
            end = out[-1][1]
        at = _next_start(text, end)
        if at > n:
            break
    if first_strong is None and rtl:
        return paragraphs(text)  # no strong character anywhere: all right to left
    return out


def _paragraph_at(text: str, at: int, i: int) -> tuple[int, int]:
    """The paragraph holding text[i], which starts at or after `at`, a paragraph's start."""
    start = max(at - 1, text.rfind("\n", at, i), text.rfind("\r", at, i), text.rfind("\u2029", at, i)) + 1
    m = _SEPARATOR.search(text, i)
    return start, m.start() if m else len(text)


def _next_start(text: str, end: int) -> int:
    """Where the paragraph after the one ending at `end` starts (past the end: none)."""
    return end + (2 if text.startswith("\r\n", end) else 1)


def _neutral_after(text: str, end: int) -> list[tuple[int, int]]:
    """The paragraphs with no strong character right after the one ending at `end`."""
    c, out = _classes(), []
    while (start := _next_start(text, end)) <= len(text):
        m = _SEPARATOR.search(text, start)
        stop = m.start() if m else len(text)
        if c.strong.search(text, start, stop) is not None:
            break
        out.append((start, stop))
        end = stop
    return out


def _neutral_before(text: str, start: int) -> list[tuple[int, int]]:
    """The paragraphs before `start`, which the caller knows hold no strong character."""
    return paragraphs(text[:start])[:-1] if start else []
