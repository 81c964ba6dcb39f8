"""Undoable annotation changes: each calls the repository (which commits), then the model."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.store.repository import Repository
from annotator.store.values import AnnotationInfo, AnnotationRefused, LabelInfo
from annotator.ui.annotation_model import AnnotationModel


class _AnnotationCommand(QUndoCommand):
    """A refused change is reported through the model and dropped from the stack (obsolete)."""

    def __init__(self, repo: Repository, model: AnnotationModel, text: str) -> None:
        super().__init__(text)
        self.repo, self.model = repo, model

    def _apply(self, change: Callable[[], None]) -> None:
        try:
            change()
        except AnnotationRefused as exc:
            self.setObsolete(True)
            self.model.refused.emit(str(exc))
        except KeyError as exc:
            self.setObsolete(True)
            self.model.refused.emit(f"annotation {exc.args[0]} no longer exists")
        except Exception as exc:  # noqa: BLE001 - e.g. the database stayed locked; nothing was stored
            self.setObsolete(True)
            self.model.refused.emit(f"not saved: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")

    def _restore(self, a: AnnotationInfo) -> AnnotationInfo:
        return self.repo.create_annotation(
            a.document_id, a.label_id, a.start, a.end, a.note, a.annotator,
            annotation_id=a.id, created_at=a.created_at, updated_at=a.updated_at)


class CreateAnnotation(_AnnotationCommand):
    def __init__(self, repo: Repository, model: AnnotationModel, document_id: int,
                 label: LabelInfo, start: int, end: int, annotator: str = "") -> None:
        super().__init__(repo, model, f"tag {label.name} {start}–{end}")
        self.args = (document_id, label.id, start, end, "", annotator)
        self.info: AnnotationInfo | None = None

    def redo(self) -> None:
        def create() -> None:
            # The first redo creates; a later one brings back the same id and times.
            self.info = self._restore(self.info) if self.info else self.repo.create_annotation(*self.args)
            self.model.add(self.info)
        self._apply(create)

    def undo(self) -> None:
        assert self.info is not None
        self._apply(lambda: self.model.remove(self.repo.delete_annotation(self.info.id).id))


class DeleteAnnotation(_AnnotationCommand):
    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo) -> None:
        super().__init__(repo, model, f"delete {annotation.label} {annotation.start}–{annotation.end}")
        self.info = annotation

    def redo(self) -> None:
        def delete() -> None:
            self.info = self.repo.delete_annotation(self.info.id)
            self.model.remove(self.info.id)
        self._apply(delete)

    def undo(self) -> None:
        self._apply(lambda: self.model.add(self._restore(self.info)))


class _ChangeAnnotation(_AnnotationCommand):
    """Relabel or edit a note; undo puts back the old value and time, redo the new ones."""

    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo,
                 text: str, **change: object) -> None:
        super().__init__(repo, model, text)
        self.before, self.change = annotation, change
        self.after: AnnotationInfo | None = None

    def redo(self) -> None:
        def update() -> None:
            when = self.after.updated_at if self.after else None
            self.after = self.repo.update_annotation(self.before.id, **self.change, updated_at=when)
            self.model.replace(self.after)
        self._apply(update)

    def undo(self) -> None:
        b = self.before
        self._apply(lambda: self.model.replace(self.repo.update_annotation(
            b.id, label_id=b.label_id, note=b.note, updated_at=b.updated_at)))


class Relabel(_ChangeAnnotation):
    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo,
                 label: LabelInfo) -> None:
        super().__init__(repo, model, annotation, f"relabel {annotation.label} → {label.name}",
                         label_id=label.id)


class EditNote(_ChangeAnnotation):
    def __init__(self, repo: Repository, model: AnnotationModel, annotation: AnnotationInfo,
                 note: str) -> None:
        super().__init__(repo, model, annotation,
                         f"edit note of {annotation.label} {annotation.start}–{annotation.end}",
                         note=note)
