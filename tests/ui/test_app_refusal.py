"""The window asked for on a database that is refused: the reason on stderr and in a message box."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import cli
from annotator.ui import app


@pytest.mark.parametrize("env, platform, shown", [
    ({"DISPLAY": ":0"}, "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ({}, "linux", False),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({}, "win32", True),
    ({"QT_QPA_PLATFORM": "minimal"}, "darwin", False),
])
def test_a_box_is_shown_only_where_someone_can_see_it(env: dict[str, str], platform: str,
                                                      shown: bool) -> None:
    assert app.display_available(env, platform) is shown


def test_gui_on_a_corrupt_database_says_why_in_a_box(qapp: QApplication, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "corrupt.db"
    bad.write_bytes(b"not a database at all")
    monkeypatch.setattr(app, "display_available", lambda _env, _platform: True)
    seen: list[str] = []

    def close_box() -> None:  # runs inside the box's own event loop, once it is up
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(f"{box.windowTitle()}|{box.text()}")
            box.accept()
        else:
            QTimer.singleShot(0, close_box)

    QTimer.singleShot(0, close_box)
    assert cli.main(["gui", "--db", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{bad}: not a SQLite database (unrecognised file header)"]
    assert seen == [f"Cannot open database|{err[0]}"]
    assert bad.read_bytes() == b"not a database at all"


@pytest.mark.parametrize("env, missing, reachable, expected", [
    ({}, [], True, "no display to open the window on ($DISPLAY is not set)"),
    ({"DISPLAY": ":0"}, ["libxcb-cursor.so.0", "libxcb-shape.so.0"], True,
     "sudo apt-get install libxcb-cursor0 libxcb-shape0"),
    ({"DISPLAY": ":7"}, [], False, "cannot connect to the X display ':7'"),
    ({"DISPLAY": ":0"}, [], True, None),
    ({"QT_QPA_PLATFORM": "offscreen"}, ["libxcb.so.1"], False, None),
    ({"WAYLAND_DISPLAY": "wayland-0"}, ["libxcb.so.1"], False, None),
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}, [], True, "$DISPLAY is not set"),
])
def test_what_keeps_qt_from_opening_a_window_is_said_before_it_aborts(
        env: dict[str, str], missing: list[str], reachable: bool, expected: str | None) -> None:
    problem = app.window_problem(env, "linux", loads=lambda lib: lib not in missing,
                                 reaches=lambda _display: reachable)
    assert (problem is None) if expected is None else (expected in problem)
    assert app.window_problem(env, "win32", loads=lambda _: False) is None
