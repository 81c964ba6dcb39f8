"""Undoable annotation changes: each calls the repository (which commits), then the model."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtGui import QUndoCommand

from annotator.store.repository import Repository
from annotator.store.sqlite_file import DatabaseRefused
from annotator.store.values import (
    AnnotationInfo,
    AnnotationRefused,
    DeletedAnnotation,
    LabelInfo,
    NotFound,
    RelationInfo,
)
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.i18n import shown_label, shown_name, translate

T = TypeVar("T")


class _AnnotationCommand(QUndoCommand):
    """A change the store refuses is reported through the model and dropped from the stack.

    Only the store's own refusals are caught, and only around the store call: a bug in the
    model or the view after a commit fails loudly instead of passing for "not saved".
    """

    def __init__(self, repo: Repository, model: AnnotationModel, text: str) -> None:
        super().__init__(text)
        self.repo, self.model = repo, model

    def _store(self, call: Callable[[], T]) -> T | None:
        """`call()`'s result, or None when the store refused it (said in the status bar)."""
        try:
            return call()
        except (AnnotationRefused, NotFound) as exc:
            reason = str(exc)
        except DatabaseRefused as exc:  # locked for too long, disk full, file gone: not stored
            reason = translate("Commands", "not saved: {reason}").format(reason=exc.reason)
        self.setObsolete(True)
        self.model.refused.emit(reason)
        return None

    def _restore(self, deleted: DeletedAnnotation) -> DeletedAnnotation | None:
        """Bring a deleted annotation back (same id, attributes, relations) into store and model."""
        back = self._store(lambda: self.repo.restore_annotation(deleted))
        if back is not None:
            self.model.add(back.annotation)
            self.model.add_relations(back.relations)
        return back


def quoted(text: str, start: int, end: int, limit: int = 30) -> str:
    """«the span's text», shortened: what an undo entry names (offsets mean nothing to a reader)."""
    piece = " ".join(text[start:end].split())
    return "«" + (piece if len(piece) <= limit else piece[:limit - 1] + "…") + "»"


class CreateAnnotation(_AnnotationCommand):
    """Tag a span; a figure starts with the attributes its text proposes (one undo step)."""

    def __init__(self, repo: Repository, model: AnnotationModel, document_id: int,
                 label: LabelInfo, start: int, end: int, annotator: str = "", *,
                 copied_from: AnnotationInfo | None = None) -> None:
        """`copied_from`: another analyst's annotation whose note and attributes this one takes
        (adjudication), instead of the attributes a figure's text proposes."""
        super().__init__(repo, model, translate("Commands", "tag {label} {text}").format(
            label=shown_label(label.name), text=quoted(model.text, start, end)))
        self.args = (document_id, label.id, start, end, copied_from.note if copied_from else "", annotator)
        self.attributes = (dict(copied_from.attributes) if copied_from is not None
                           else model.proposed_attributes(label.id, start, end))
        self.info: AnnotationInfo | None = None
        self.deleted: DeletedAnnotation | None = None

    def redo(self) -> None:
        # The first redo creates; a later one brings back the same id and times.
        if self.deleted is not None:
            back = self._restore(self.deleted)
            self.info = back.annotation if back is not None else self.info
            return
        made = self._store(lambda: self.repo.create_annotation(*self.args, attributes=self.attributes))
        if made is not None:
            self.info = made
            self.model.add(made)

    def undo(self) -> None:
        assert self.info is not None
        info = self.info
        gone = self._store(lambda: self.repo.delete_annotation(info.id))
        if gone is not None:
            self.deleted = gone
            self.model.remove(info.id)


class DeleteAnnotation(_AnnotationCommand):
    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo) -> None:
        super().__init__(repo, model, translate("Commands", "delete {label} {text}").format(
            label=shown_label(annotation.label), text=quoted(model.text, annotation.start, annotation.end)))
        self.info = annotation
        self.deleted: DeletedAnnotation | None = None

    def redo(self) -> None:
        info = self.info
        gone = self._store(lambda: self.repo.delete_annotation(info.id))
        if gone is not None:
            self.deleted = gone
            self.model.remove(info.id)

    def undo(self) -> None:
        assert self.deleted is not None
        back = self._restore(self.deleted)
        if back is not None:
            self.deleted = back


class _ChangeAnnotation(_AnnotationCommand):
    """Relabel or edit a note; undo puts back the old value and time, redo the new ones."""

    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo,
                 text: str, **change: object) -> None:
        super().__init__(repo, model, text)
        self.before, self.change = annotation, change
        self.after: AnnotationInfo | None = None

    def redo(self) -> None:
        when = self.after.updated_at if self.after else None
        after = self._store(lambda: self.repo.update_annotation(
            self.before.id, **self.change, updated_at=when))  # type: ignore[arg-type]
        if after is not None:
            self.after = after
            self.model.replace(after)

    def undo(self) -> None:
        b, now = self.before, self.after or self.before
        # The attributes as they were: values then, and unset what was set since.
        own = {a.name for a in self.model.attributes_of(b.label_id)}
        attributes = {name: b.attributes.get(name, "") for name in (set(b.attributes) | set(now.attributes))
                      if name in own}
        span = (b.start, b.end) if (now.start, now.end) != (b.start, b.end) else None
        back = self._store(lambda: self.repo.update_annotation(
            b.id, label_id=b.label_id, note=b.note, attributes=attributes, span=span, updated_at=b.updated_at))
        if back is not None:
            self.model.replace(back)


class Relabel(_ChangeAnnotation):
    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo,
                 label: LabelInfo) -> None:
        super().__init__(repo, model, annotation,
                         translate("Commands", "relabel {text} {old} → {new}").format(
                             text=quoted(model.text, annotation.start, annotation.end),
                             old=shown_label(annotation.label), new=shown_label(label.name)), label_id=label.id)


class MoveSpan(_ChangeAnnotation):
    """A span's start or end moved; its id, label, note, attributes and links stay."""

    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo,
                 start: int, end: int) -> None:
        super().__init__(repo, model, annotation,
                         translate("Commands", "resize {label} {old} → {new}").format(
                             label=shown_label(annotation.label),
                             old=quoted(model.text, annotation.start, annotation.end),
                             new=quoted(model.text, start, end)), span=(start, end))


class EditNote(_ChangeAnnotation):
    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo,
                 note: str) -> None:
        super().__init__(repo, model, annotation,
                         translate("Commands", "edit note of {label} {text}").format(
                             label=shown_label(annotation.label),
                             text=quoted(model.text, annotation.start, annotation.end)), note=note)


class SetAttribute(_ChangeAnnotation):
    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo,
                 name: str, value: str) -> None:
        what = (translate("Commands", "set {name} of {label} {text}") if value
                else translate("Commands", "clear {name} of {label} {text}"))
        super().__init__(repo, model, annotation,
                         what.format(name=shown_name(name), label=shown_label(annotation.label),
                                     text=quoted(model.text, annotation.start, annotation.end)),
                         attributes={name: value})


class _RelationCommand(_AnnotationCommand):
    def _link(self, r: RelationInfo) -> RelationInfo | None:
        made = self._store(lambda: self.repo.create_relation(
            r.type_id, r.source_id, r.target_id, r.annotator, relation_id=r.id or None,
            created_at=r.created_at))
        if made is not None:
            self.model.add_relations([made])
        return made

    def _unlink(self, r: RelationInfo) -> None:
        if self._store(lambda: self.repo.delete_relation(r.id)) is not None:
            self.model.remove_relation(r.id)


class Link(_RelationCommand):
    """Make a relation (a claim said by a party); undo removes it, redo brings back the same id."""

    def __init__(self, repo: Repository, model: AnnotationModel, relation: RelationInfo) -> None:
        source, target = model.find(relation.source_id), model.find(relation.target_id)
        ends = [quoted(model.text, a.start, a.end) if a else "?" for a in (source, target)]
        super().__init__(repo, model, translate("Commands", "link {source} {link} {target}").format(
            source=ends[0], link=shown_name(relation.type), target=ends[1]))
        self.relation = relation

    def redo(self) -> None:
        made = self._link(self.relation)
        if made is not None:
            self.relation = made

    def undo(self) -> None:
        self._unlink(self.relation)


class Unlink(_RelationCommand):
    def __init__(self, repo: Repository, model: AnnotationModel, relation: RelationInfo) -> None:
        source, target = model.find(relation.source_id), model.find(relation.target_id)
        ends = [quoted(model.text, a.start, a.end) if a else "?" for a in (source, target)]
        super().__init__(repo, model, translate("Commands", "unlink {source} {link} {target}").format(
            source=ends[0], link=shown_name(relation.type), target=ends[1]))
        self.relation = relation

    def redo(self) -> None:
        self._unlink(self.relation)

    def undo(self) -> None:
        self._link(self.relation)


class TagAndLink(QUndoCommand):
    """Tag the selected words as the relation's other end and link to them: one undo step."""

    def __init__(self, repo: Repository, model: AnnotationModel, document_id: int, label: LabelInfo,
                 start: int, end: int, relation: RelationInfo) -> None:
        self.tag = CreateAnnotation(repo, model, document_id, label, start, end, relation.annotator)
        super().__init__(translate("Commands", "{tag} and link it").format(tag=self.tag.text()))
        self.repo, self.model, self.relation = repo, model, relation
        self.link: Link | None = None

    def redo(self) -> None:
        self.tag.redo()
        if self.tag.isObsolete() or self.tag.info is None:
            self.setObsolete(True)
            return
        if self.link is None:
            self.link = Link(self.repo, self.model,
                             dataclasses.replace(self.relation, target_id=self.tag.info.id))
        self.link.redo()

    def undo(self) -> None:
        if self.link is not None:
            self.link.undo()
        self.tag.undo()


class Together(QUndoCommand):
    """Several annotation commands as one undo step (done in order, undone in reverse); those
    the store refuses are left out, the rest stand."""

    def __init__(self, text: str, parts: list[QUndoCommand]) -> None:
        super().__init__(text)
        self.parts = parts  # held here, not as Qt children: Python keeps them alive

    def redo(self) -> None:
        for part in self.parts:
            part.redo()
        self.parts = [p for p in self.parts if not p.isObsolete()]
        self.setObsolete(not self.parts)

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


class SetAside(_AnnotationCommand):
    """Leave annotations out of the gold layer on purpose (Review's «neither»); undo takes back
    the marks this command made, and only those."""

    def __init__(self, repo: Repository, model: AnnotationModel, annotations: Sequence[AnnotationInfo],
                 reviewer: str) -> None:
        first = annotations[0]
        super().__init__(repo, model, translate("Commands", "set aside {text}").format(
            text=quoted(model.text, first.start, first.end)))
        self.ids, self.reviewer = [a.id for a in annotations], reviewer
        self.made: list[int] = []

    def redo(self) -> None:
        made = self._store(lambda: self.repo.set_set_aside(self.ids, True, reviewer=self.reviewer))
        if made is not None:
            self.made = made
            self.model.setAsideChanged.emit()

    def undo(self) -> None:
        if self._store(lambda: self.repo.set_set_aside(self.made, False, reviewer=self.reviewer)) is not None:
            self.model.setAsideChanged.emit()


class MarkDone(QUndoCommand):
    """Mark a document done or not for one analyst; undo puts the mark back. Refusals reach `refused`."""

    def __init__(self, repo: Repository, document_id: int, done: bool, annotator: str,
                 shown: Callable[[int, bool], None], refused: Callable[[str], None]) -> None:
        super().__init__(translate("Commands", "mark done") if done else translate("Commands", "mark not done"))
        self.repo, self.document_id, self.done, self.annotator = repo, document_id, done, annotator
        self.shown, self.refused = shown, refused

    def _set(self, done: bool) -> None:
        try:
            self.repo.set_done(self.document_id, done, annotator=self.annotator)
        except (NotFound, DatabaseRefused) as exc:
            self.setObsolete(True)
            self.refused(str(exc))
            return
        self.shown(self.document_id, done)

    def redo(self) -> None:
        self._set(self.done)

    def undo(self) -> None:
        self._set(not self.done)
