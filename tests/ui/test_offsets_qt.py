"""The offset map against a real QTextDocument: each mapped position selects the right text."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.core.offsets import OffsetMap

PIECES = [
    "قال", "مَدِينَة", "حلــــب", "47", "Shoigu", " ", "،", "\u064b", "\u0651", "\u0640",
    "😀", "👍🏽", "\U00020000", "\r\n", "\r", "\n", "\u2028", "\u2029", "\u200f", "\u202e",
    "\u2066", "\u2069", "e\u0301",
]
mixed_text = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


def as_selected(text: str) -> str:
    """What QTextCursor.selectedText() returns for `text`: each line break a U+2029."""
    return re.sub("\r\n|[\r\n\u2029]", "\u2029", text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mixed_text)
def test_every_mapped_position_selects_the_same_text(qtbot, text: str) -> None:
    doc = QTextDocument()
    doc.setPlainText(text)
    m = OffsetMap(text)
    assert doc.characterCount() == m.qt_length + 1  # Qt adds the last block's separator
    cursor = QTextCursor(doc)
    for start in range(len(text) + 1):
        if start and text[start - 1:start + 1] == "\r\n":
            continue  # the \n of a CRLF has no position of its own
        for end in range(start, len(text) + 1):
            if end and text[end - 1:end + 1] == "\r\n":
                continue
            cursor.setPosition(m.to_qt(start))
            cursor.setPosition(m.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == as_selected(text[start:end]), (text, start, end)
            assert m.span_from_qt(cursor.selectionStart(), cursor.selectionEnd()) == (start, end)
