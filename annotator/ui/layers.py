"""View → Analysts: whose annotations the article shows. Everyone's (as stored), mine only, or
chosen analysts; the choice holds for every document until changed."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from annotator.ui.i18n import isolate, translate


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
        action = menu.addAction(isolate(name) if name else translate("Layers", "(no name)"))
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
