"""Tagging and reshaping from the keyboard: a label key on the selection or the word at the caret
(offering to relabel when it falls on an annotation), a span's edges moved a word at a time, and
the walk from annotation to annotation and to the next paragraph still to annotate."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core.navigation import next_bare_paragraph, step
from annotator.core.spans import move_edge
from annotator.store.repository import Repository
from annotator.store.values import AnnotationInfo, LabelInfo
from annotator.ui import commands
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.article_view import ArticleView
from annotator.ui.i18n import shown_label


class Tagging(QObject):
    """`message` is one line for the status bar; `chosen` an annotation the caret moved to."""

    message = Signal(str)
    chosen = Signal(int)

    def __init__(self, repo: Repository, model: AnnotationModel, view: ArticleView,
                 push: Callable[[QUndoCommand], None], annotator: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.repo, self.model, self.view = repo, model, view
        self._push, self._annotator, self._parent = push, annotator, parent
        self.choice: QMenu | None = None  # the relabel-or-tag menu while it is open
        self._current: int | None = None  # the annotation the walk is on

    # -- a label key --------------------------------------------------------------------------
    def tag(self, label_id: int) -> None:
        """Tag the selection (snapped) or the word at the caret with `label_id`.

        On a span tagged already with another label, a menu offers to relabel it (first) or to
        tag it with this label too; on a word inside a longer annotation with the caret alone,
        to tag the word (first) or relabel the annotation around it. Enter takes the first.
        """
        label, span = self.model.label(label_id), self.view.span_to_tag()
        if label is None or self.model.document_id is None or span is None:
            self.message.emit(self.tr("Select some text to tag first"))
            return
        here = [a for a in map(self.model.find, self.view.annotations_at(span[0])) if a is not None]
        same = [a for a in here if (a.start, a.end) == span]
        if any(a.label_id == label_id for a in same):
            self.message.emit(self.tr("{text} is already tagged {label}").format(
                text=commands.quoted(self.model.text, *span), label=shown_label(label.name)))
            return
        caret_only = self.view.selected_span()[0] == self.view.selected_span()[1]
        around = [a for a in here if a.start <= span[0] and span[1] <= a.end and (a.start, a.end) != span]
        if same:
            self._offer(label, span, relabel=same[0], tag_first=False)
        elif caret_only and around and around[0].label_id != label_id:
            self._offer(label, span, relabel=around[0], tag_first=True)
        else:
            self._tag(label, span)

    def _tag(self, label: LabelInfo, span: tuple[int, int]) -> None:
        document_id = self.model.document_id
        if document_id is None:
            return
        self._push(commands.CreateAnnotation(self.repo, self.model, document_id, label, *span,
                                             annotator=self._annotator()))
        self.view.select_span(span[1], span[1])

    def relabel(self, annotation_id: int, label_id: int) -> None:
        a, label = self.model.find(annotation_id), self.model.label(label_id)
        if a is not None and label is not None and a.label_id != label_id:
            self._push(commands.Relabel(self.repo, self.model, a, label))

    def _offer(self, label: LabelInfo, span: tuple[int, int], relabel: AnnotationInfo, tag_first: bool) -> None:
        menu = QMenu(self._parent)
        menu.setObjectName("tagChoice")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        name = shown_label(label.name)
        text = commands.quoted(self.model.text, *span)
        tag = menu.addAction(self.tr("Tag {text} as {label} (inside the {other})").format(
            text=text, label=name, other=shown_label(relabel.label)) if tag_first else
            self.tr("Tag {text} as {label} too").format(text=text, label=name))
        tag.setObjectName("tagChoiceTag")
        change = menu.addAction(self.tr("Relabel {label} {text} as {new}").format(
            label=shown_label(relabel.label), text=commands.quoted(self.model.text, relabel.start, relabel.end),
            new=name))
        change.setObjectName("tagChoiceRelabel")
        if not tag_first:
            menu.removeAction(tag)
            menu.addAction(tag)
        tag.triggered.connect(lambda: self._tag(label, span))
        change.triggered.connect(lambda: self.relabel(relabel.id, label.id))
        self.choice = menu
        menu.destroyed.connect(lambda: setattr(self, "choice", None))
        menu.popup(self.view.viewport().mapToGlobal(self.view.cursorRect().bottomLeft()))
        menu.setActiveAction(menu.actions()[0])

    # -- edges ---------------------------------------------------------------------------------
    def end_left(self) -> None:
        self.move_edge("end", leftwards=True)

    def end_right(self) -> None:
        self.move_edge("end", leftwards=False)

    def start_left(self) -> None:
        self.move_edge("start", leftwards=True)

    def start_right(self) -> None:
        self.move_edge("start", leftwards=False)

    def move_edge(self, edge: str, leftwards: bool) -> None:
        """Move the reading end (or start) of the annotation at the caret one word (a character
        with snapping off) towards the arrow: left is forward in a right-to-left paragraph."""
        a = self._at_caret()
        if a is None:
            self.message.emit(self.tr("Put the caret in an annotation to change its span"))
            return
        rtl = self.view.textCursor().block().textDirection() == Qt.LayoutDirection.RightToLeft
        forward = leftwards == rtl
        moved = move_edge(self.model.text, a.start, a.end, edge, forward, self.view.snap_to_words)
        if moved is None:
            self.message.emit(self.tr("{text} cannot grow or shrink further that way").format(
                text=commands.quoted(self.model.text, a.start, a.end)))
            return
        self.move_to(a, *moved)

    def move_to(self, a: AnnotationInfo, start: int, end: int) -> None:
        """`a` given the span [start, end) (a drag of one of its ends), in one undo step."""
        self._push(commands.MoveSpan(self.repo, self.model, a, start, end))
        now = self.model.find(a.id)
        if now is not None and (now.start, now.end) == (start, end):
            self._land(now)

    # -- the walk ------------------------------------------------------------------------------
    def next_annotation(self) -> None:
        self.step(forward=True)

    def previous_annotation(self) -> None:
        self.step(forward=False)

    def step(self, forward: bool) -> None:
        """To the next (previous) annotation in reading order: its span selected, its row chosen."""
        start, end = self.view.selected_span()
        on = self.model.find(self._current) if self._current is not None else None
        current = on.id if on is not None and (on.start, on.end) == (start, end) else None
        if current is None:  # the annotation whose span is selected, innermost if several
            exact = [a for a in map(self.model.find, self.view.annotations_at(start))
                     if a is not None and (a.start, a.end) == (start, end)]
            current = exact[0].id if exact else None
        found = step(((a.start, a.end, a.id) for a in self.model.annotations()), current, start, forward)
        if found is None:
            self.message.emit(self.tr("No annotation after this one") if forward
                              else self.tr("No annotation before this one"))
            return
        a = self.model.find(found)
        if a is not None:
            self._land(a)

    def next_bare_paragraph(self) -> None:
        """The caret to the start of the next paragraph no annotation touches yet."""
        spans = [(a.start, a.end) for a in self.model.annotations()]
        found = next_bare_paragraph(self.model.text, spans, self.view.selected_span()[1])
        if found is None:
            self.message.emit(self.tr("Every paragraph after this one has an annotation"))
            return
        self.view.select_span(found[0], found[0])

    def _land(self, a: AnnotationInfo) -> None:
        self._current = a.id
        self.view.select_span(a.start, a.end)
        self.chosen.emit(a.id)

    def _at_caret(self) -> AnnotationInfo | None:
        found = self.view.annotation_at_cursor()
        return self.model.find(found) if found is not None else None
