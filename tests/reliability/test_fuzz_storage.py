"""Hypothesis drives the Repository with random create/delete/relabel/note/restore sequences and
checks after every step that the database holds exactly what a plain Python model predicts."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from reliability_support import tally

from annotator.core.text import Document
from annotator.store.repository import Repository
from annotator.store.values import AnnotationInfo, AnnotationRefused

# Short, so random spans collide often; CRLF, emoji, bidi controls and harakat inside.
TEXT = "قال\r\nشويغو 👍🏽 إن \u202eعدد\u202c الممرات يبلغ 3، شُنّت\u2066 47\u2069 غارة"
NOTES = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30) | st.sampled_from(
    ["=HYPERLINK(\"x\")", "\u202e", "'", "", "\r\n"])
ANNOTATORS = st.sampled_from(["", "ana", "محلل", "@x"])
STEPS = 35
EXAMPLES = 30


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "template.db"
    repo = Repository.open(path)
    repo.add_document(Document("fuzz", TEXT, "utf-8"))
    repo.close()
    return path


class StorageMachine(RuleBasedStateMachine):
    """The model is a dict id -> AnnotationInfo; deleted annotations wait in a bundle to be restored."""

    template: Path
    folder: Path
    runs = 0

    deleted = Bundle("deleted")

    @initialize()
    def open_copy(self) -> None:
        StorageMachine.runs += 1
        db = self.folder / f"run{StorageMachine.runs}.db"
        shutil.copy(self.template, db)
        self.repo = Repository.open(db)
        self.doc = self.repo.documents()[0].id
        self.labels = [label.id for label in self.repo.labels()]
        self.names = {label.id: label.name for label in self.repo.labels()}
        self.model: dict[int, AnnotationInfo] = {}
        self.steps = 0

    def teardown(self) -> None:
        if hasattr(self, "repo"):
            self.repo.close()
        tally("fuzz storage: steps checked", getattr(self, "steps", 0))

    def taken(self, label_id: int, start: int, end: int, annotator: str, but: int | None = None) -> bool:
        return any((a.label_id, a.start, a.end, a.annotator) == (label_id, start, end, annotator)
                   and a.id != but for a in self.model.values())

    @rule(start=st.integers(-2, len(TEXT) + 1), length=st.integers(-1, 6),
          label=st.integers(0, 2), note=NOTES, annotator=ANNOTATORS)
    def create(self, start: int, length: int, label: int, note: str, annotator: str) -> None:
        end, label_id = start + length, self.labels[label]
        fits = 0 <= start < end <= len(TEXT)
        if not fits or self.taken(label_id, start, end, annotator):
            with pytest.raises(AnnotationRefused):
                self.repo.create_annotation(self.doc, label_id, start, end, note, annotator)
            return
        info = self.repo.create_annotation(self.doc, label_id, start, end, note, annotator)
        assert info.id not in self.model
        assert (info.label, info.start, info.end, info.note, info.annotator) == \
            (self.names[label_id], start, end, note, annotator)
        self.model[info.id] = info

    @rule(target=deleted, pick=st.integers(0, 10**6))
    def delete(self, pick: int) -> AnnotationInfo | None:
        if not self.model:
            with pytest.raises(KeyError):
                self.repo.delete_annotation(10**9)
            return None
        victim = sorted(self.model)[pick % len(self.model)]
        info = self.model.pop(victim)
        assert self.repo.delete_annotation(victim).annotation == info
        assert self.repo.annotation(victim) is None
        return info

    @rule(info=consumes(deleted))
    def restore(self, info: AnnotationInfo | None) -> None:
        """What an undo of a delete does: the same id, label, span, note and times."""
        if info is None:
            return
        if info.id in self.model or self.taken(info.label_id, info.start, info.end, info.annotator):
            with pytest.raises(AnnotationRefused):
                self.repo.create_annotation(info.document_id, info.label_id, info.start, info.end,
                                            info.note, info.annotator, annotation_id=info.id,
                                            created_at=info.created_at, updated_at=info.updated_at)
            return
        back = self.repo.create_annotation(info.document_id, info.label_id, info.start, info.end,
                                           info.note, info.annotator, annotation_id=info.id,
                                           created_at=info.created_at, updated_at=info.updated_at)
        assert back == info
        self.model[back.id] = back

    @rule(pick=st.integers(0, 10**6), label=st.integers(0, 2))
    def relabel(self, pick: int, label: int) -> None:
        if not self.model:
            return
        a = self.model[sorted(self.model)[pick % len(self.model)]]
        label_id = self.labels[label]
        if self.taken(label_id, a.start, a.end, a.annotator, but=a.id):
            with pytest.raises(AnnotationRefused):
                self.repo.update_annotation(a.id, label_id=label_id)
            return
        after = self.repo.update_annotation(a.id, label_id=label_id)
        assert after == replace(a, label_id=label_id, label=self.names[label_id],
                                updated_at=after.updated_at)
        assert after.updated_at >= a.updated_at or after.updated_at >= a.created_at
        self.model[a.id] = after

    @rule(pick=st.integers(0, 10**6), note=NOTES)
    def edit_note(self, pick: int, note: str) -> None:
        if not self.model:
            return
        a = self.model[sorted(self.model)[pick % len(self.model)]]
        after = self.repo.update_annotation(a.id, note=note, updated_at=a.created_at)
        assert after == replace(a, note=note, updated_at=a.created_at)
        self.model[a.id] = after

    @rule(pick=st.integers(0, 10**6), bad=st.sampled_from(["\ud800", "x\udfff", "\udc00y", "\x00", "a\x00b"]))
    def note_that_is_not_text(self, pick: int, bad: str) -> None:
        """A lone surrogate (UTF-8 cannot hold it) or a NUL (PostgreSQL cannot) is refused on
        every backend, like any other bad annotation."""
        with pytest.raises(AnnotationRefused):
            self.repo.create_annotation(self.doc, self.labels[0], 0, 1, bad, "surrogate")
        if self.model:
            a = self.model[sorted(self.model)[pick % len(self.model)]]
            with pytest.raises(AnnotationRefused):
                self.repo.update_annotation(a.id, note=bad)

    @rule()
    def merge_own_export(self) -> None:
        """Importing our own export adds nothing (idempotent) and changes nothing."""
        rows = list(self.repo.export_rows())
        assert [r.text for r in rows] == [TEXT[r.start:r.end] for r in rows]
        report = self.repo.merge_annotations(rows)
        assert (report.added, report.already_present, report.refused) == (0, len(rows), [])

    @invariant()
    def database_equals_model(self) -> None:
        if not hasattr(self, "repo"):
            return
        self.steps += 1
        stored = self.repo.annotations(self.doc)
        assert {a.id: a for a in stored} == self.model
        assert self.repo.count_annotations() == len(self.model)


def test_storage_matches_a_plain_model(template: Path, tmp_path: Path) -> None:
    StorageMachine.template, StorageMachine.folder = template, tmp_path
    run_state_machine_as_test(StorageMachine, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]))
    tally("fuzz storage: sequences run", StorageMachine.runs)


class ServerStorageMachine(StorageMachine):
    """The same steps on a new database of a PostgreSQL server for each sequence."""

    server: object

    @initialize()
    def open_copy(self) -> None:
        StorageMachine.runs += 1
        self.repo = Repository.open(self.server.new_database())  # type: ignore[attr-defined]
        self.doc = self.repo.add_document(Document("fuzz", TEXT, "utf-8"))[0].id
        self.labels = [label.id for label in self.repo.labels()]
        self.names = {label.id: label.name for label in self.repo.labels()}
        self.model = {}
        self.steps = 0


def test_storage_on_a_postgresql_server_matches_a_plain_model(pg_server) -> None:  # type: ignore[no-untyped-def]
    ServerStorageMachine.server = pg_server
    run_state_machine_as_test(ServerStorageMachine, settings=settings(
        max_examples=EXAMPLES // 2, stateful_step_count=STEPS, deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]))
