"""Undo commands on a real QUndoStack, repository and model: ids and times survive undo/redo."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QUndoStack

from annotator.store.repository import Repository
from annotator.store.values import utc_now
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.commands import CreateAnnotation, DeleteAnnotation, EditNote, Relabel

# Times of an annotation made earlier: a restore that took "now" instead would show.
LAST_YEAR = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
LAST_MONTH = datetime(2026, 10, 2, 14, 0, tzinfo=UTC)


@pytest.fixture
def setup(repo: Repository, reader: Repository):  # type: ignore[no-untyped-def]
    doc = repo.documents()[0]
    model = AnnotationModel()
    model.set_document(doc.id, repo.document_text(doc.id), [], repo.labels())
    labels = {x.name: x for x in repo.labels()}
    return doc.id, model, QUndoStack(), labels


def test_create_undo_redo_brings_back_the_same_row(setup, repo: Repository, reader: Repository) -> None:
    doc_id, model, stack, labels = setup
    stack.push(CreateAnnotation(repo, model, doc_id, labels["claim"], 10, 25, annotator="amal"))
    [stored] = reader.annotations(doc_id)
    assert (stored.label, stored.start, stored.end, stored.annotator) == ("claim", 10, 25, "amal")
    assert [model.annotation(r) for r in range(model.rowCount())] == [stored]
    stack.undo()
    assert reader.annotations(doc_id) == [] and model.rowCount() == 0
    while utc_now() <= stored.updated_at:  # a redo that made a new row would get a later time
        pass
    stack.redo()
    assert reader.annotations(doc_id) == [stored]
    assert model.annotation(0) == stored


def test_delete_undo_restores_id_note_and_both_times(setup, repo: Repository, reader: Repository) -> None:
    doc_id, model, stack, labels = setup
    original = repo.create_annotation(doc_id, labels["figure"].id, 3, 9, note="رقم", annotator="a",
                                      created_at=LAST_YEAR, updated_at=LAST_MONTH)
    model.add(original)
    stack.push(DeleteAnnotation(repo, model, original))
    assert reader.annotation(original.id) is None and model.rowCount() == 0
    stack.undo()
    assert reader.annotation(original.id) == original
    assert model.find(original.id) == original


def test_relabel_and_note_undo_restore_the_previous_label_note_and_time(
        setup, repo: Repository, reader: Repository) -> None:
    doc_id, model, stack, labels = setup
    original = repo.create_annotation(doc_id, labels["claim"].id, 0, 12,
                                      created_at=LAST_YEAR, updated_at=LAST_MONTH)
    model.add(original)
    stack.push(Relabel(repo, model, original, labels["accusation"]))
    relabelled = reader.annotation(original.id)
    assert relabelled.label == "accusation" and relabelled.updated_at > original.updated_at
    assert model.index(0, AnnotationModel.LABEL).data() == "accusation"
    stack.push(EditNote(repo, model, relabelled, "مصدر واحد"))
    assert reader.annotation(original.id).note == "مصدر واحد"
    assert model.index(0, AnnotationModel.NOTE).data() == "مصدر واحد"
    stack.undo()
    assert reader.annotation(original.id) == relabelled
    stack.undo()
    assert reader.annotation(original.id) == original
    assert model.find(original.id) == original
    stack.redo()
    stack.redo()
    final = reader.annotation(original.id)
    assert (final.label, final.note) == ("accusation", "مصدر واحد")
    assert final.created_at == original.created_at


def test_a_refused_create_is_reported_and_never_reaches_the_stack(qtbot, setup, repo: Repository,
                                                                  reader: Repository) -> None:
    doc_id, model, stack, labels = setup
    stack.push(CreateAnnotation(repo, model, doc_id, labels["claim"], 10, 25))
    with qtbot.waitSignal(model.refused) as blocker:
        stack.push(CreateAnnotation(repo, model, doc_id, labels["claim"], 10, 25))
    assert "already tagged" in blocker.args[0]
    assert stack.count() == 1 and len(reader.annotations(doc_id)) == 1 and model.rowCount() == 1
    with qtbot.waitSignal(model.refused):
        stack.push(CreateAnnotation(repo, model, doc_id, labels["claim"], 5, 10**7))
    assert stack.count() == 1


def test_undo_after_another_program_deleted_the_row_reports_instead_of_crashing(
        qtbot, setup, repo: Repository, reader: Repository) -> None:
    doc_id, model, stack, labels = setup
    stack.push(CreateAnnotation(repo, model, doc_id, labels["figure"], 30, 33))
    [stored] = reader.annotations(doc_id)
    reader.delete_annotation(stored.id)  # e.g. a colleague's import-annotations clean-up
    with qtbot.waitSignal(model.refused) as blocker:
        stack.undo()
    assert str(stored.id) in blocker.args[0]
    assert stack.count() == 0  # the broken step is dropped rather than kept to fail again


def test_a_bug_after_the_commit_fails_loudly_instead_of_passing_for_not_saved(
        setup, reader: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    doc_id, model, stack, labels = setup
    refused: list[str] = []
    model.refused.connect(refused.append)

    def broken(_info: object) -> None:
        raise RuntimeError("a bug in the model")

    monkeypatch.setattr(model, "add", broken)
    with pytest.raises(RuntimeError, match="a bug in the model"):
        stack.push(CreateAnnotation(reader, model, doc_id, labels["claim"], 0, 4))
    assert refused == []  # never reported as "not saved"


def test_store_refusals_are_told_and_leave_no_step(setup, repo: Repository) -> None:
    doc_id, model, stack, labels = setup
    refused: list[str] = []
    model.refused.connect(refused.append)
    stack.push(CreateAnnotation(repo, model, doc_id, labels["claim"], 0, 4))
    stack.push(CreateAnnotation(repo, model, doc_id, labels["claim"], 0, 4))  # the same span
    assert stack.count() == 1 and "already tagged" in refused[-1]
    gone = model.annotation(0)
    repo.delete_annotation(gone.id)  # another window deleted it meanwhile
    stack.push(Relabel(repo, model, gone, labels["figure"]))
    assert stack.count() == 1 and refused[-1] == f"annotation {gone.id} no longer exists"


def test_undo_entries_name_the_text_not_offsets(setup, repo: Repository) -> None:
    doc_id, model, stack, labels = setup
    text = model.text
    end = text.index(" ", 3)
    stack.push(CreateAnnotation(repo, model, doc_id, labels["claim"], 0, end))
    assert stack.undoText() == f"tag claim «{text[:end]}»"
    stack.push(EditNote(repo, model, model.annotation(0), "مهم"))
    assert stack.undoText() == f"edit note of claim «{text[:end]}»"
