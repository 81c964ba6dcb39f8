"""Hypothesis drives the window's undo stack (the real QUndoCommands, AnnotationModel and
Repository) with random create/delete/relabel/note/undo/redo sequences. After every step the
database equals the model, and equals exactly (ids and times too) the state it had at that
point of the history."""
from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtGui import QUndoStack
from reliability_support import tally
from test_fuzz_storage import ANNOTATORS, NOTES, TEXT, template  # noqa: F401 (shared fixture)

from annotator.store.repository import Repository
from annotator.store.values import AnnotationInfo
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.commands import CreateAnnotation, DeleteAnnotation, EditNote, Relabel

STEPS = 25
EXAMPLES = 15


class UndoMachine(RuleBasedStateMachine):
    template: Path
    folder: Path
    runs = 0

    @initialize(spans=st.lists(st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 6),
                                         st.integers(0, 2)), min_size=2, max_size=4))
    def open_window_state(self, spans: list[tuple[int, int, int]]) -> None:
        """A fresh database and window state, with a few tags on the stack so that deletes and
        undos have work from the first step."""
        UndoMachine.runs += 1
        db = self.folder / f"undo{UndoMachine.runs}.db"
        shutil.copy(self.template, db)
        self.repo = Repository.open(db)
        self.doc = self.repo.documents()[0].id
        self.labels = self.repo.labels()
        self.model = AnnotationModel()
        self.model.set_document(self.doc, TEXT, self.repo.annotations(self.doc), self.labels)
        self.refusals: list[str] = []
        self.model.refused.connect(self.refusals.append)
        self.stack = QUndoStack()
        self.history: list[list[AnnotationInfo]] = [self.stored()]
        self.steps = 0
        for start, length, label in spans:
            self.tag(start, length, label, "")

    def teardown(self) -> None:
        if hasattr(self, "repo"):
            self.stack.clear()
            self.repo.close()
        tally("fuzz undo stack: steps checked", getattr(self, "steps", 0))

    def stored(self) -> list[AnnotationInfo]:
        return self.repo.annotations(self.doc)

    def push(self, command: object, refused_expected: bool) -> None:
        before = self.stack.index()
        refusals = len(self.refusals)
        self.stack.push(command)  # type: ignore[arg-type]
        refused = len(self.refusals) > refusals
        assert refused == refused_expected, self.refusals[refusals:]
        tally("fuzz undo stack: commands pushed")
        if refused:
            tally("fuzz undo stack: pushes refused (duplicate span)")
            assert self.stack.index() == before, "a refused change stayed on the undo stack"
            assert self.stored() == self.history[before]
            del self.history[self.stack.count() + 1:]
        else:
            assert self.stack.index() == before + 1
            self.history[before + 1:] = [self.stored()]

    def pick(self, n: int) -> AnnotationInfo:
        rows = self.model.annotations()
        return rows[n % len(rows)]

    def taken(self, label_id: int, start: int, end: int, annotator: str, but: int = -1) -> bool:
        return any((a.label_id, a.start, a.end, a.annotator) == (label_id, start, end, annotator)
                   and a.id != but for a in self.model.annotations())

    @rule(start=st.integers(0, len(TEXT) - 1), length=st.integers(1, 6), label=st.integers(0, 2),
          annotator=ANNOTATORS)
    def tag(self, start: int, length: int, label: int, annotator: str) -> None:
        end = min(len(TEXT), start + length)
        chosen = self.labels[label]
        self.push(CreateAnnotation(self.repo, self.model, self.doc, chosen, start, end, annotator),
                  self.taken(chosen.id, start, end, annotator))

    @precondition(lambda self: self.model.rowCount() > 0)
    @rule(n=st.integers(0, 10**6))
    def delete(self, n: int) -> None:
        a = self.pick(n)
        self.push(DeleteAnnotation(self.repo, self.model, a), False)

    @precondition(lambda self: self.model.rowCount() > 0)
    @rule(n=st.integers(0, 10**6), label=st.integers(0, 2), note=NOTES | st.none())
    def relabel_or_edit_note(self, n: int, label: int, note: str | None) -> None:
        a = self.pick(n)
        if note is not None:
            self.push(EditNote(self.repo, self.model, a, note), False)
            return
        chosen = self.labels[label]
        self.push(Relabel(self.repo, self.model, a, chosen),
                  self.taken(chosen.id, a.start, a.end, a.annotator, but=a.id))

    @precondition(lambda self: self.stack.canUndo() or self.stack.canRedo())
    @rule(undos=st.integers(0, 4), redos=st.integers(0, 4))
    def undo_then_redo(self, undos: int, redos: int) -> None:
        for _ in range(undos):
            if not self.stack.canUndo():
                break
            index = self.stack.index()
            self.stack.undo()
            tally("fuzz undo stack: undos")
            assert self.stack.index() == index - 1
            assert self.stored() == self.history[index - 1], "undo did not restore the state exactly"
        for _ in range(redos):
            if not self.stack.canRedo():
                break
            index = self.stack.index()
            self.stack.redo()
            tally("fuzz undo stack: redos")
            assert self.stack.index() == index + 1
            assert self.stored() == self.history[index + 1], "redo did not restore the state exactly"

    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def walk_the_whole_history(self) -> None:
        """Undo to the first state and redo back to where we were, checking every state."""
        where = self.stack.index()
        while self.stack.canUndo():
            self.stack.undo()
            tally("fuzz undo stack: undos")
            assert self.stored() == self.history[self.stack.index()], "undo lost the state"
        while self.stack.index() < where:
            self.stack.redo()
            tally("fuzz undo stack: redos")
            assert self.stored() == self.history[self.stack.index()], "redo lost the state"
        assert self.model.annotations() == self.stored()

    @invariant()
    def database_equals_model(self) -> None:
        if not hasattr(self, "repo"):
            return
        self.steps += 1
        stored = self.stored()
        assert self.model.annotations() == stored
        assert stored == self.history[self.stack.index()]
        assert self.stack.count() == len(self.history) - 1
        assert not any("not saved" in r for r in self.refusals), self.refusals


def test_undo_stack_keeps_database_and_model_equal(qapp: object, template: Path, tmp_path: Path) -> None:  # noqa: F811
    UndoMachine.template, UndoMachine.folder = template, tmp_path
    run_state_machine_as_test(UndoMachine, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]))
    tally("fuzz undo stack: sequences run", UndoMachine.runs)
