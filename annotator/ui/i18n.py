"""The interface language: Qt's translators for Arabic or English, the layout direction that goes
with it, and the names shown for the default scheme (the stored names stay as they are)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComboBox,
    QStyleOptionMenuItem,
    QWidget,
)

from annotator.ui.resources import RESOURCES_DIR

LANGUAGES = ("ar", "en")
# Each language's name in itself: what the View menu offers.
NATIVE_NAMES = {"ar": "العربية", "en": "English"}
_installed: list[QTranslator] = []  # kept alive while installed: Qt does not own them


translate = QCoreApplication.translate  # translate("Context", "text"): a name lupdate reads too


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation in `context` where it is written; translated where shown."""
    return text


def translations_folder() -> Path:
    return RESOURCES_DIR / "translations"


def system_language() -> str:
    """Arabic when the system's locale is Arabic, else English."""
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def install(app: QApplication, language: str) -> bool:
    """Translate the interface into `language` (ar or en) and lay it out in its direction.

    Returns False when the compiled translation is missing (a checkout before `make`): the
    interface then stays English, left to right.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator(app)
    found = ours.load(str(translations_folder() / f"annotator_{language}.qm"))
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    if found and language == "ar":  # Qt's own buttons and dialogs (OK, Cancel, file dialog)
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Arabic), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    rtl = found and language == "ar"
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    current = app.style()
    if rtl and not isinstance(current, ReadsAsWritten):
        app.setStyle(ReadsAsWritten(current.name()))
    elif not rtl and isinstance(current, ReadsAsWritten):
        app.setStyle(current.baseStyle().name())
    return found


def left_to_right_shortcut(menu_text: str) -> str:
    """A menu item's text with its shortcut column ("Zoom in\tCtrl++") isolated left to right."""
    head, tab, keys = menu_text.partition("\t")
    return f"{head}\t\u2066{keys}\u2069" if tab and keys else menu_text


class ReadsAsWritten(QProxyStyle):
    """The platform's style, but in a mirrored window a menu's shortcuts read left to right (the
    bidi algorithm would show Ctrl++ as ++Ctrl and Ctrl+- as -Ctrl) and a combo box's text in
    its own direction (a path /tmp/a/ rather than tmp/a//)."""

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,
                    widget: QWidget | None = None) -> None:
        if element == QStyle.ControlElement.CE_MenuItem and isinstance(option, QStyleOptionMenuItem):
            option = QStyleOptionMenuItem(option)
            option.text = left_to_right_shortcut(option.text)
        elif element == QStyle.ControlElement.CE_ComboBoxLabel and isinstance(option, QStyleOptionComboBox):
            option = QStyleOptionComboBox(option)
            option.currentText = isolate(option.currentText)
        super().drawControl(element, option, painter, widget)


def shown_label(name: str) -> str:
    """A label's name as the interface shows it: the default labels in its language, an
    analyst's own label as written."""
    return QCoreApplication.translate("Scheme", name)


def shown_name(name: str) -> str:
    """An attribute's, a choice's or a link's name as shown (the defaults translated)."""
    return QCoreApplication.translate("Scheme", name).replace("_", " ")


def listed(items: Iterable[str]) -> str:
    """Items joined as a list reads in the interface's language (a, b / أ، ب)."""
    return QCoreApplication.translate("List", ", ").join(items)


def split_list(text: str) -> list[str]:
    """The items of a list typed with Latin or Arabic commas, trimmed, empty ones left out."""
    return [item.strip() for item in re.split("[,،]", text) if item.strip()]


def isolate(text: object) -> str:
    """`text` isolated from a right-to-left sentence around it (FSI … PDI), so that a path, a
    key sequence, a number or a Latin name reads as written in an Arabic sentence."""
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return f"\u2068{text}\u2069"
    return str(text)


# The default scheme's names, for lupdate: shown translated, stored and exported as they are.
DEFAULT_SCHEME = (
    QT_TRANSLATE_NOOP("Scheme", "claim"), QT_TRANSLATE_NOOP("Scheme", "accusation"),
    QT_TRANSLATE_NOOP("Scheme", "figure"), QT_TRANSLATE_NOOP("Scheme", "party"),
    QT_TRANSLATE_NOOP("Scheme", "certainty"), QT_TRANSLATE_NOOP("Scheme", "certain"),
    QT_TRANSLATE_NOOP("Scheme", "probable"), QT_TRANSLATE_NOOP("Scheme", "possible"),
    QT_TRANSLATE_NOOP("Scheme", "unspecified"), QT_TRANSLATE_NOOP("Scheme", "polarity"),
    QT_TRANSLATE_NOOP("Scheme", "asserted"), QT_TRANSLATE_NOOP("Scheme", "denied"),
    QT_TRANSLATE_NOOP("Scheme", "check_worthy"), QT_TRANSLATE_NOOP("Scheme", "check-worthy"),
    QT_TRANSLATE_NOOP("Scheme", "unimportant"), QT_TRANSLATE_NOOP("Scheme", "not factual"),
    QT_TRANSLATE_NOOP("Scheme", "quote"), QT_TRANSLATE_NOOP("Scheme", "direct"),
    QT_TRANSLATE_NOOP("Scheme", "indirect"), QT_TRANSLATE_NOOP("Scheme", "mixed"),
    QT_TRANSLATE_NOOP("Scheme", "kind"), QT_TRANSLATE_NOOP("Scheme", "count"),
    QT_TRANSLATE_NOOP("Scheme", "quantity"), QT_TRANSLATE_NOOP("Scheme", "percent"),
    QT_TRANSLATE_NOOP("Scheme", "money"), QT_TRANSLATE_NOOP("Scheme", "date"),
    QT_TRANSLATE_NOOP("Scheme", "time"), QT_TRANSLATE_NOOP("Scheme", "duration"),
    QT_TRANSLATE_NOOP("Scheme", "range"), QT_TRANSLATE_NOOP("Scheme", "value"),
    QT_TRANSLATE_NOOP("Scheme", "value_max"), QT_TRANSLATE_NOOP("Scheme", "unit"),
    QT_TRANSLATE_NOOP("Scheme", "approximate"), QT_TRANSLATE_NOOP("Scheme", "calendar"),
    QT_TRANSLATE_NOOP("Scheme", "gregorian"), QT_TRANSLATE_NOOP("Scheme", "hijri"),
    QT_TRANSLATE_NOOP("Scheme", "person"), QT_TRANSLATE_NOOP("Scheme", "organisation"),
    QT_TRANSLATE_NOOP("Scheme", "government"), QT_TRANSLATE_NOOP("Scheme", "media"),
    QT_TRANSLATE_NOOP("Scheme", "anonymous"), QT_TRANSLATE_NOOP("Scheme", "other"),
    QT_TRANSLATE_NOOP("Scheme", "said_by"), QT_TRANSLATE_NOOP("Scheme", "accuses"),
    QT_TRANSLATE_NOOP("Scheme", "cites_figure"), QT_TRANSLATE_NOOP("Scheme", "yes"),
    QT_TRANSLATE_NOOP("Scheme", "no"), QT_TRANSLATE_NOOP("Scheme", "choice"),
    QT_TRANSLATE_NOOP("Scheme", "yes/no"), QT_TRANSLATE_NOOP("Scheme", "text"),
    QT_TRANSLATE_NOOP("Scheme", "number"),
)
