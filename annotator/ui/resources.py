"""Bundled resources: the Arabic reading font (with its licence) and paths under resources/."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

_PACKAGED = Path(__file__).resolve().parents[1] / "resources"
# Built into the package when installed (pyproject.toml maps it); the checkout's otherwise.
RESOURCES_DIR = _PACKAGED if _PACKAGED.is_dir() else _PACKAGED.parents[1] / "resources"
FONTS_DIR = RESOURCES_DIR / "fonts"
ARABIC_FONT_FAMILY = "Noto Naskh Arabic"
# Installed from Debian's fonts-noto-color-emoji (SIL OFL) by `make sysdeps`, not bundled.
EMOJI_FONT_FAMILY = "Noto Color Emoji"
FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")

_log = logging.getLogger(__name__)
_loaded: dict[str, int] = {}  # file name -> QFontDatabase application font id


def resource_path(*parts: str) -> Path:
    """A file under the resources folder (the installed package's, or the checkout's)."""
    return RESOURCES_DIR.joinpath(*parts)


def load_fonts() -> str:
    """Register the bundled font files with Qt (once per process); return the family to use.

    Needs a QGuiApplication. A missing or unreadable file is logged and the family name is still
    returned, so Qt falls back to an installed copy or to its default font.
    """
    for name in FONT_FILES:
        if name in _loaded:
            continue
        font_id = QFontDatabase.addApplicationFont(str(FONTS_DIR / name))
        if font_id < 0:
            _log.warning("could not load the bundled font %s", FONTS_DIR / name)
            continue
        _loaded[name] = font_id
    return ARABIC_FONT_FAMILY


def loaded_font_families() -> set[str]:
    """Families Qt registered from the bundled files (empty before `load_fonts`)."""
    return {family for font_id in _loaded.values()
            for family in QFontDatabase.applicationFontFamilies(font_id)}
