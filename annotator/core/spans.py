"""Span values, Arabic-aware snapping of a selection to whole words, and overlap layers."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Joiners and the tatweel belong to the word they sit in.
_WORD_EXTRA = frozenset("\u200c\u200d\u0640")
# Kept at a span's edge when attached to a word: percent and per-mille signs belong to figures.
_KEEP_AT_EDGE = frozenset("%\u066a\u2030\u060b$€£")
# Signs after a number that are part of it: 15% is one word.
_AFTER_NUMBER = frozenset("%\u066a\u2030")
# Between two digits these join one number: 34.4, 12,500, ١٢٫٥, 10:30, 2024-07-11, 11/7.
_NUMBER_JOINERS = frozenset(".,:/-\u066b\u066c\u2212")


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    label: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative span {self.start}-{self.end}")

    def __len__(self) -> int:
        return self.end - self.start


def is_word_char(ch: str) -> bool:
    """Letters, digits and combining marks (tashkeel) of any script, plus tatweel and joiners."""
    return ch in _WORD_EXTRA or unicodedata.category(ch)[0] in "LMN"


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def _in_word(text: str, i: int) -> bool:
    """Whether text[i] belongs to a word: a word character, or a mark joining two digits."""
    ch = text[i]
    if is_word_char(ch):
        return True
    return (ch in _NUMBER_JOINERS and 0 < i < len(text) - 1
            and text[i - 1].isdecimal() and text[i + 1].isdecimal())


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen [start, end) to whole words, then trim spaces and punctuation at both edges.

    Never splits a word nor leaves a diacritic behind; returns None when nothing of a word
    remains (a selection of only spaces or punctuation).
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    if start == end:
        return None
    # Widen: a partly selected word (or number, with its decimal and grouping marks) becomes whole.
    if start < len(text) and _in_word(text, start):
        while start > 0 and _in_word(text, start - 1):
            start -= 1
    if end > 0 and _in_word(text, end - 1):
        while end < len(text) and _in_word(text, end):
            end += 1
        if end < len(text) and text[end] in _AFTER_NUMBER and text[end - 1].isdecimal():
            end += 1
    # Trim what is not a word at the edges, keeping a percent sign after a number.
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        if text[end - 1] in _KEEP_AT_EDGE and end - 1 > start and is_word_char(text[end - 2]):
            break
        end -= 1
    # A combining mark right after the span belongs to its last letter.
    while end < len(text) and _is_mark(text[end]):
        end += 1
    return (start, end) if start < end else None


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word containing `offset` (or just before it), as a span."""
    if not text:
        return None
    offset = min(max(offset, 0), len(text))
    if offset < len(text) and _in_word(text, offset):
        return snap_to_words(text, offset, offset + 1)
    if offset > 0 and (_in_word(text, offset - 1) or text[offset - 1] in _AFTER_NUMBER):
        return snap_to_words(text, offset - 1, offset)
    return None


def assign_layers(spans: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    """Give each (start, end, key) the lowest layer not used by a span it overlaps.

    Layer 0 is painted as a background, higher layers as underlines, so overlapping and
    nested spans stay distinguishable. Longer spans go first, so a claim stays the background
    and the figures inside it become underlines.
    """
    layers: dict[int, int] = {}
    placed: list[tuple[int, int, int]] = []  # (start, end, layer)
    for start, end, key in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]), s[2])):
        placed = [p for p in placed if p[1] > start]  # spans ending before this start cannot overlap
        used = {layer for s, e, layer in placed if s < end}
        layer = next(i for i in range(len(used) + 1) if i not in used)
        layers[key] = layer
        placed.append((start, end, layer))
    return layers


def move_edge(text: str, start: int, end: int, edge: str, forward: bool, by_word: bool) -> tuple[int, int] | None:
    """[start, end) with one edge ("start" or "end") moved a word (or a character) forward or back.

    A word step goes to the next word boundary past spaces and punctuation, as snapping would
    leave it (a number stays whole); a character step keeps a letter with its diacritics. None
    when the move would empty the span or leave the text.
    """
    n = len(text)
    if edge == "end":
        j = end
        if forward:
            if by_word:
                while j < n and not _in_word(text, j):
                    j += 1
                if j == n:
                    return None
                while j < n and _in_word(text, j):
                    j += 1
                if j < n and text[j] in _AFTER_NUMBER and text[j - 1].isdecimal():
                    j += 1
            elif j < n:
                j += 1
            while j < n and _is_mark(text[j]):
                j += 1
        else:
            if by_word:
                while j > start and not _in_word(text, j - 1):
                    j -= 1
                while j > start and _in_word(text, j - 1):
                    j -= 1
                while j > start and not is_word_char(text[j - 1]):
                    j -= 1
            else:
                j -= 1
                while j > start and _is_mark(text[j]):
                    j -= 1
        return (start, j) if start < j <= n and j != end else None
    i = start
    if forward:
        if by_word:
            while i < end and _in_word(text, i):
                i += 1
            while i < end and not is_word_char(text[i]):
                i += 1
        else:
            i += 1
            while i < end and _is_mark(text[i]):
                i += 1
    else:
        if by_word:
            while i > 0 and not _in_word(text, i - 1):
                i -= 1
            if i == 0:
                return None
            while i > 0 and _in_word(text, i - 1):
                i -= 1
        else:
            i -= 1
            while i > 0 and _is_mark(text[i]):
                i -= 1
    return (i, end) if 0 <= i < end and i != start else None
