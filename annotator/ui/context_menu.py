"""The article's context menu: tag with each label; relabel, note and delete the annotation there."""
from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from annotator.store.values import AnnotationInfo, LabelInfo
from annotator.ui.i18n import shown_label, translate


def build_context_menu(parent: QWidget, tag_actions: Sequence[QAction], labels: Sequence[LabelInfo],
                       annotation: AnnotationInfo | None, span_text: str,
                       relabel: Callable[[int, int], None],
                       annotation_actions: Sequence[QAction]) -> QMenu:
    """A menu deleted on close; `relabel(annotation_id, label_id)` is called for a new label."""
    menu = QMenu(parent)
    menu.setObjectName("viewContextMenu")
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    for action in tag_actions:
        text = translate("ContextMenu", "Tag as {label}").format(label=action.text())
        menu.addAction(action.icon(), text, action.trigger)
    if annotation is None:
        return menu
    menu.addSeparator()
    preview = span_text if len(span_text) <= 30 else span_text[:30] + "…"
    change = menu.addMenu(translate("ContextMenu", "Change label of «{text}»").format(
        text=preview))
    change.setObjectName("relabelMenu")
    for label in labels:
        item = change.addAction(shown_label(label.name), functools.partial(relabel, annotation.id, label.id))
        item.setObjectName(f"relabel_{label.id}")
        item.setCheckable(True)
        item.setChecked(label.id == annotation.label_id)
    for action in annotation_actions:
        menu.addAction(action)
    return menu
