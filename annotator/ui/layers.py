"""View → Analysts: whose annotations the article shows. Everyone's (as stored), mine only, or
chosen analysts; the choice holds for every document until changed. When several analysts'
layers are shown, each analyst's spans are framed in their own outline, the one beside their
name in this menu."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QActionGroup, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu

from annotator.ui.highlighter import outline_pen
from annotator.ui.i18n import isolate, translate


def outlined(everyone: list[str], shown: frozenset[str] | None) -> dict[str, int]:
    """The analysts whose spans the view frames, each with their outline: everyone shown, when
    that is more than one analyst. An analyst's outline follows their place among everyone's."""
    names = [name for name in everyone if shown is None or name in shown]
    return {name: everyone.index(name) for name in names} if len(names) > 1 else {}


def outline_icon(analyst: int) -> QIcon:
    pixmap = QPixmap(28, 18)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(outline_pen(analyst, 2.0))
    painter.drawRect(QRectF(2, 3, 24, 12))
    painter.end()
    return QIcon(pixmap)


def fill_layers_menu(menu: QMenu, everyone: list[str], me: str, shown: frozenset[str] | None,
                     show: Callable[[frozenset[str] | None], None]) -> None:
    """(Re)fill `menu` for the analysts `everyone` of the database; `show` takes the new choice."""
    menu.clear()
    group = QActionGroup(menu)
    all_of_them = menu.addAction(translate("Layers", "Everyone's annotations"), lambda: show(None))
    mine = menu.addAction(translate("Layers", "Mine only"), lambda: show(frozenset({me})))
    for action, on in ((all_of_them, shown is None), (mine, shown == frozenset({me}))):
        action.setCheckable(True)
        action.setChecked(on)
        group.addAction(action)
    all_of_them.setObjectName("layersEveryone")
    mine.setObjectName("layersMine")
    if len(everyone) < 2:
        return
    menu.addSeparator()
    for name in everyone:
        action = menu.addAction(outline_icon(everyone.index(name)),
                                isolate(name) if name else translate("Layers", "(no name)"))
        action.setObjectName(f"layer:{name}")
        action.setCheckable(True)
        action.setChecked(shown is None or name in shown)
        action.toggled.connect(lambda on, name=name: show(_toggled(everyone, shown, name, on)))


def _toggled(everyone: list[str], shown: frozenset[str] | None, name: str, on: bool) -> frozenset[str] | None:
    now = set(everyone if shown is None else shown)
    if on:
        now.add(name)
    else:
        now.discard(name)
    return None if now >= set(everyone) else frozenset(now)
