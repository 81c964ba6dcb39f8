"""Code points <-> Qt positions: properties over text that mixes every hard case."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.offsets import OffsetMap

# Pieces an Arabic news text really holds, plus the line breaks and controls that trip offsets.
PIECES = [
    "قال", "الجيش", "مَدِينَة", "حلــــب", "47", "٣", "Shoigu", "2016", " ", "،", ".",
    "\u064b", "\u0651", "\u0640", "😀", "👍🏽", "𝔸", "\U00020000", "\r\n", "\r", "\n",
    "\u2028", "\u2029", "\u200f", "\u202b", "\u202e", "\u2066", "\u2069", "\u200d", "e\u0301",
]
mixed_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join)


def qt_units(text: str) -> int:
    """UTF-16 units Qt gives `text`: CRLF is one block separator, astral characters two units."""
    return len(text.replace("\r\n", "\u2029").encode("utf-16-le")) // 2


def crlf_newlines(text: str) -> set[int]:
    """Offsets of the \\n in each \\r\\n: no Qt position of their own, never a span edge."""
    return {i for i in range(1, len(text)) if text[i] == "\n" and text[i - 1] == "\r"}


@settings(max_examples=300)
@given(mixed_text)
def test_to_qt_counts_utf16_units_with_crlf_as_one(text: str) -> None:
    m = OffsetMap(text)
    assert m.qt_length == qt_units(text)
    for i in range(len(text) + 1):
        assert m.to_qt(i) == qt_units(text[:i]), (text, i)


@settings(max_examples=300)
@given(mixed_text)
def test_from_qt_inverts_to_qt(text: str) -> None:
    m = OffsetMap(text)
    skip = crlf_newlines(text)
    for i in range(len(text) + 1):
        if i not in skip:
            assert m.from_qt(m.to_qt(i)) == i, (text, i)


@settings(max_examples=300)
@given(mixed_text)
def test_mapping_is_monotonic_both_ways(text: str) -> None:
    m = OffsetMap(text)
    qt = [m.to_qt(i) for i in range(len(text) + 1)]
    assert qt == sorted(qt)
    # Strictly increasing except across the \n of a CRLF, which adds no unit.
    skip = crlf_newlines(text)
    assert all(qt[i] < qt[i + 1] for i in range(len(text)) if i not in skip)
    cps = [m.from_qt(p) for p in range(m.qt_length + 1)]
    assert cps == sorted(cps)
    assert cps[0] == 0 and cps[-1] == len(text)


@settings(max_examples=200)
@given(mixed_text)
def test_qt_position_inside_a_surrogate_pair_snaps_to_its_character(text: str) -> None:
    m = OffsetMap(text)
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            assert m.from_qt(m.to_qt(i) + 1) == i


@given(mixed_text, st.integers(-5, 5))
def test_out_of_range_is_clamped(text: str, beyond: int) -> None:
    m = OffsetMap(text)
    assert m.to_qt(-1 - abs(beyond)) == 0
    assert m.to_qt(len(text) + 1 + abs(beyond)) == m.qt_length
    assert m.from_qt(m.qt_length + 1 + abs(beyond)) == len(text)


def test_known_text_with_crlf_emoji_and_tashkeel() -> None:
    text = "قَالَ\r\n😀 47"
    m = OffsetMap(text)
    assert m.qt_length == 11  # 5 letters+marks, one separator, 2 units of emoji, space, 2 digits
    assert m.span_to_qt(text.index("47"), len(text)) == (9, 11)
    assert m.span_from_qt(9, 11) == (text.index("47"), len(text))
    assert m.to_qt(text.index("😀")) == 6 and m.to_qt(text.index("😀") + 1) == 8
