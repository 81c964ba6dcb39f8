"""Undoable annotation changes: each calls the repository (which commits), then the model."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QUndoCommand

from annotator.store.repository import Repository
from annotator.store.sqlite_file import DatabaseRefused
from annotator.store.values import AnnotationInfo, AnnotationRefused, LabelInfo, NotFound
from annotator.ui.annotation_model import AnnotationModel

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
            reason = f"not saved: {exc.reason}"
        self.setObsolete(True)
        self.model.refused.emit(reason)
        return None

    def _restore(self, a: AnnotationInfo) -> AnnotationInfo | None:
        return self._store(lambda: self.repo.create_annotation(
            a.document_id, a.label_id, a.start, a.end, a.note, a.annotator,
            annotation_id=a.id, created_at=a.created_at, updated_at=a.updated_at))


def quoted(text: str, start: int, end: int, limit: int = 30) -> str:
    """«the span's text», shortened: what an undo entry names (offsets mean nothing to a reader)."""
    piece = " ".join(text[start:end].split())
    return "«" + (piece if len(piece) <= limit else piece[:limit - 1] + "…") + "»"


class CreateAnnotation(_AnnotationCommand):
    def __init__(self, repo: Repository, model: AnnotationModel, document_id: int,
                 label: LabelInfo, start: int, end: int, annotator: str = "") -> None:
        super().__init__(repo, model, f"tag {label.name} {quoted(model.text, start, end)}")
        self.args = (document_id, label.id, start, end, "", annotator)
        self.info: AnnotationInfo | None = None

    def redo(self) -> None:
        # The first redo creates; a later one brings back the same id and times.
        made = (self._restore(self.info) if self.info
                else self._store(lambda: self.repo.create_annotation(*self.args)))
        if made is not None:
            self.info = made
            self.model.add(made)

    def undo(self) -> None:
        assert self.info is not None
        info = self.info
        if self._store(lambda: self.repo.delete_annotation(info.id)) is not None:
            self.model.remove(info.id)


class DeleteAnnotation(_AnnotationCommand):
    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo) -> None:
        super().__init__(repo, model, f"delete {annotation.label} "
                                      f"{quoted(model.text, annotation.start, annotation.end)}")
        self.info = annotation

    def redo(self) -> None:
        info = self.info
        gone = self._store(lambda: self.repo.delete_annotation(info.id))
        if gone is not None:
            self.info = gone
            self.model.remove(gone.id)

    def undo(self) -> None:
        back = self._restore(self.info)
        if back is not None:
            self.model.add(back)


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
        b = self.before
        back = self._store(lambda: self.repo.update_annotation(
            b.id, label_id=b.label_id, note=b.note, updated_at=b.updated_at))
        if back is not None:
            self.model.replace(back)


class Relabel(_ChangeAnnotation):
    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo,
                 label: LabelInfo) -> None:
        super().__init__(repo, model, annotation,
                         f"relabel {quoted(model.text, annotation.start, annotation.end)} "
                         f"{annotation.label} → {label.name}", label_id=label.id)


class EditNote(_ChangeAnnotation):
    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo,
                 note: str) -> None:
        super().__init__(repo, model, annotation,
                         f"edit note of {annotation.label} "
                         f"{quoted(model.text, annotation.start, annotation.end)}", note=note)


class MarkDone(QUndoCommand):
    """Mark a document done or not; undo puts the mark back. Refusals reach `refused`."""

    def __init__(self, repo: Repository, document_id: int, done: bool,
                 shown: Callable[[int, bool], None], refused: Callable[[str], None]) -> None:
        super().__init__(f"mark {'done' if done else 'not done'}")
        self.repo, self.document_id, self.done = repo, document_id, done
        self.shown, self.refused = shown, refused

    def _set(self, done: bool) -> None:
        try:
            self.repo.set_done(self.document_id, done)
        except (NotFound, DatabaseRefused) as exc:
            self.setObsolete(True)
            self.refused(str(exc))
            return
        self.shown(self.document_id, done)

    def redo(self) -> None:
        self._set(self.done)

    def undo(self) -> None:
        self._set(not self.done)
