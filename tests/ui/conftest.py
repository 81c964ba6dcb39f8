"""Fixtures for the window tests: a seeded database file, isolated settings, the main window."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from annotator.store.articles import import_seeds
from annotator.store.repository import Repository

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def english(qapp):  # type: ignore[no-untyped-def]
    """The interface in English, left to right, as on an English system (a test that switches
    to Arabic gets English back afterwards)."""
    from annotator.ui import i18n

    assert i18n.install(qapp, "en"), "the compiled translations are missing: run make translations"
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.db"


@pytest.fixture
def repo(db_path: Path) -> Iterator[Repository]:
    """The window's repository: a fresh file holding the seed article."""
    r = Repository.open(db_path)
    import_seeds(r, REPO_ROOT / "seeds")
    yield r
    r.close()


@pytest.fixture
def reader(db_path: Path, repo: Repository) -> Iterator[Repository]:
    """A second, independent connection to the same file: what is really stored."""
    r = Repository.open(db_path)
    yield r
    r.close()


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, repo: Repository, db_path: Path, settings_file: Path):  # type: ignore[no-untyped-def]
    """Build (and show) a main window on `repo`; call again to simulate a restart."""
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    def make(repository: Repository | None = None) -> MainWindow:
        settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        window = MainWindow(repository or repo, settings, str(db_path))
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # keys go to the focused widget of the active window
            window.show()
            window.activateWindow()
        qtbot.waitUntil(window.view.hasFocus)
        return window

    return make


@pytest.fixture
def window(make_window):  # type: ignore[no-untyped-def]
    return make_window()
