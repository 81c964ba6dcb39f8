"""Making relations from the keyboard: a relation's key (S for said_by) on a claim opens a picker
of the document's parties, nearest first, or tags the selection as the party on the spot."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QWidget

from annotator.store.repository import Repository
from annotator.store.values import AnnotationInfo, RelationInfo, RelationTypeInfo, utc_now
from annotator.ui import commands
from annotator.ui.actions import label_icon
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.article_view import ArticleView
from annotator.ui.dialogs.link_picker import NEW, LinkPicker
from annotator.ui.i18n import isolate, shown_label, shown_name, translate


def create_link_actions(types: list[RelationTypeInfo], parent: QObject) -> list[QAction]:
    """A "link by <type>" action per relation type, with the type's own key (S, A, F by default)."""
    actions = []
    for kind in types:
        name = shown_name(kind.name)
        action = QAction(label_icon(kind.colour), translate("Linking", "Link: {name}").format(
            name=name), parent)
        action.setObjectName(f"link_{kind.id}")
        action.setData(kind.id)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if kind.shortcut:
            action.setShortcut(QKeySequence(kind.shortcut))
        action.setStatusTip(translate(
            "Linking", "Link the annotation at the caret to another by {name}").format(name=name))
        actions.append(action)
    return actions


class Linking(QObject):
    """The relation keys' flow, from the annotation at the caret (or chosen in the list)."""

    message = Signal(str)  # one line for the status bar

    def __init__(self, repo: Repository, model: AnnotationModel, view: ArticleView,
                 chosen: Callable[[], int | None], push: Callable[[QUndoCommand], None],
                 annotator: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.repo, self.model, self.view = repo, model, view
        self._chosen, self._push, self._annotator = chosen, push, annotator
        self._parent = parent

    def link(self, type_id: int) -> None:
        kind = self.model.relation_type(type_id)
        if kind is None or self.model.document_id is None:
            return
        source = self._source(kind)
        if source is None:
            self.message.emit(self.tr("Put the caret in the {sources} to link first: {link} links it to "
                                      "its {targets}").format(sources=self._names(kind.sources),
                                                              link=shown_name(kind.name),
                                                              targets=self._names(kind.targets)))
            return
        candidates = sorted((a for a in self.model.annotations()
                             if a.label_id in kind.targets and a.id != source.id
                             and not self._linked(kind, source, a)),
                            key=lambda a: (abs(a.start - source.start), a.start))
        fresh = self._selection_to_tag(kind)
        if not candidates and fresh is None:
            self.message.emit(self.tr("No {targets} to link in this document yet: select its words and "
                                      "press {key} again").format(targets=self._names(kind.targets),
                                                                  key=isolate(kind.shortcut or "S")))
            return
        target_label = self.model.label(next(iter(kind.targets))) if fresh else None
        new_entry = (self.tr("Tag «{text}» as {label} and link").format(text=self._shown(*fresh),
                                                                        label=shown_label(target_label.name))
                     if fresh and target_label else "")
        picker = LinkPicker(f"{shown_name(kind.name)}: «{self._shown(source.start, source.end)}»",
                            candidates, self.model.text, new_entry, self._parent)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.accepted.connect(lambda: self._picked(kind, source, picker.chosen_id, fresh))
        picker.open()

    def _picked(self, kind: RelationTypeInfo, source: AnnotationInfo, chosen: int | None,
                fresh: tuple[int, int] | None) -> None:
        if chosen is None or self.model.document_id is None:
            return
        relation = RelationInfo(id=0, type_id=kind.id, type=kind.name, source_id=source.id,
                                target_id=chosen, annotator=self._annotator(), created_at=utc_now())
        if chosen != NEW:
            self._push(commands.Link(self.repo, self.model, relation))
            return
        label = self.model.label(next(iter(kind.targets)))
        assert fresh is not None and label is not None
        self._push(commands.TagAndLink(self.repo, self.model, self.model.document_id, label, *fresh,
                                       relation))

    def _source(self, kind: RelationTypeInfo) -> AnnotationInfo | None:
        """The annotation chosen in the list, else the innermost at the caret, of a label that
        the relation goes from (a claim with a figure nested in it is still the claim)."""
        chosen = self.model.find(self._chosen() or -1)
        if chosen is not None and chosen.label_id in kind.sources:
            return chosen
        start, end = self.view.selected_span()
        around = self.view.annotations_at(start)
        if start == end and start > 0:
            around += [k for k in self.view.annotations_at(start - 1) if k not in around]
        found = [a for a in map(self.model.find, around) if a is not None and a.label_id in kind.sources]
        return min(found, key=lambda a: (a.end - a.start, a.id), default=None)

    def _selection_to_tag(self, kind: RelationTypeInfo) -> tuple[int, int] | None:
        """The selected words, when they could be tagged as the relation's other end on the spot."""
        start, end = self.view.selected_span()
        if start == end or len(kind.targets) != 1:
            return None
        span = self.view.span_to_tag()
        if span is None:
            return None
        taken = any(a is not None and (a.start, a.end) == span and a.label_id in kind.targets
                    for a in map(self.model.find, self.view.annotations_at(span[0])))
        return None if taken else span

    def _linked(self, kind: RelationTypeInfo, source: AnnotationInfo, target: AnnotationInfo) -> bool:
        return any(r.type_id == kind.id and r.target_id == target.id
                   for r in self.model.relations_of(source.id))

    def _names(self, label_ids: frozenset[int]) -> str:
        return self.tr(" or ").join(shown_label(label.name) for label in self.model.labels if label.id in label_ids)

    def _shown(self, start: int, end: int, limit: int = 40) -> str:
        piece = " ".join(self.model.text[start:end].split())
        return piece if len(piece) <= limit else piece[:limit - 1] + "…"
