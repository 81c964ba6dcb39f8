"""No two actions share a key, on this platform and with every platform's standard bindings."""
from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QKeySequence

from annotator.ui.actions import ACTIONS, resolve_shortcuts

_S = QKeySequence.StandardKey
# Qt's standard bindings of the keys the window uses, per platform (QKeySequence's table).
PLATFORMS = {
    "windows": {_S.Open: ["Ctrl+O"], _S.Quit: [], _S.Undo: ["Ctrl+Z", "Alt+Backspace"],
                _S.Redo: ["Ctrl+Y", "Shift+Ctrl+Z", "Alt+Shift+Backspace"], _S.Find: ["Ctrl+F"],
                _S.FindNext: ["F3", "Ctrl+G"], _S.FindPrevious: ["Shift+F3", "Ctrl+Shift+G"],
                _S.Delete: ["Del"], _S.ZoomIn: ["Ctrl++"], _S.ZoomOut: ["Ctrl+-"],
                _S.Refresh: ["F5"], _S.HelpContents: ["F1"]},
    "macos": {_S.Open: ["Ctrl+O"], _S.Quit: ["Ctrl+Q"], _S.Undo: ["Ctrl+Z"],
              _S.Redo: ["Ctrl+Shift+Z"], _S.Find: ["Ctrl+F"], _S.FindNext: ["Ctrl+G"],
              _S.FindPrevious: ["Ctrl+Shift+G"], _S.Delete: ["Del", "Meta+D"],
              _S.ZoomIn: ["Ctrl++"], _S.ZoomOut: ["Ctrl+-"], _S.Refresh: ["Ctrl+R"], _S.HelpContents: ["Ctrl+?"]},
    "kde": {_S.Open: ["Ctrl+O"], _S.Quit: ["Ctrl+Q"], _S.Undo: ["Ctrl+Z"],
            _S.Redo: ["Ctrl+Shift+Z"], _S.Find: ["Ctrl+F"], _S.FindNext: ["F3"],
            _S.FindPrevious: ["Shift+F3"], _S.Delete: ["Del", "Ctrl+D"], _S.ZoomIn: ["Ctrl++"],
            _S.ZoomOut: ["Ctrl+-"], _S.Refresh: ["F5"], _S.HelpContents: ["F1"]},
    "gnome": {_S.Open: ["Ctrl+O"], _S.Quit: ["Ctrl+Q"], _S.Undo: ["Ctrl+Z"],
              _S.Redo: ["Ctrl+Shift+Z"], _S.Find: ["Ctrl+F"], _S.FindNext: ["Ctrl+G", "F3"],
              _S.FindPrevious: ["Ctrl+Shift+G", "Shift+F3"], _S.Delete: ["Del", "Ctrl+D"],
              _S.ZoomIn: ["Ctrl++"], _S.ZoomOut: ["Ctrl+-"], _S.Refresh: ["Ctrl+R", "F5"],
              _S.HelpContents: ["F1"]},
}


def shared(shortcuts: dict[str, list[QKeySequence]]) -> list[str]:
    counts = Counter(seq.toString() for seqs in shortcuts.values() for seq in seqs)
    return sorted(key for key, n in counts.items() if n > 1)


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_no_two_actions_share_a_key_on_any_platform(platform: str) -> None:
    table = PLATFORMS[platform]
    used = {k for spec in ACTIONS for k in spec.keys if isinstance(k, QKeySequence.StandardKey)}
    assert used <= set(table), "a standard key the table above does not cover"
    shortcuts = resolve_shortcuts(ACTIONS, lambda key: [QKeySequence(s) for s in table[key]],
                                  reserved=["1", "2", "3", "4", "S", "A", "F"])
    assert shared(shortcuts) == []
    assert QKeySequence("Ctrl+D") in shortcuts["mark_done"]
    assert QKeySequence("Del") in shortcuts["delete_annotation"]


def test_no_two_actions_of_the_window_share_a_key(window) -> None:  # type: ignore[no-untyped-def]
    every = {a.objectName(): list(a.shortcuts()) for a in window.findChildren(type(window.named_actions["quit"]))
             if a.shortcuts()}
    assert shared(every) == []
    assert window.named_actions["mark_done"].shortcuts() == [QKeySequence("Ctrl+D")]


def test_ctrl_d_marks_the_document_done(window, reader) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    doc = window.document_id
    QTest.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.named_actions["mark_done"].isChecked()
    assert reader.document(doc).done
