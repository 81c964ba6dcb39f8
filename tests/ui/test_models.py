"""The window's item models: Qt's model tester on each, filtering, sorting, editing, in-place updates."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, Qt

from annotator.core.text import Document
from annotator.store.repository import Repository
from annotator.ui.annotation_model import AnnotationFilter, AnnotationModel
from annotator.ui.document_list import DocumentListModel


def _tag_figures(repo: Repository, doc_id: int, how_many: int = 12) -> None:
    """Tag the first `how_many` runs of digits in the text as figures, plus a claim around one."""
    import re

    text = repo.document_text(doc_id)
    labels = {x.name: x for x in repo.labels()}
    spans = [m.span() for m in re.finditer(r"[0-9]+", text)][:how_many]
    assert len(spans) >= 3, "the seed article has numbers"
    for start, end in spans:
        repo.create_annotation(doc_id, labels["figure"].id, start, end, annotator="t")
    start, end = spans[0]
    repo.create_annotation(doc_id, labels["claim"].id, max(0, start - 20), end + 5, note="around",
                           annotator="t")


def _loaded_model(repo: Repository) -> AnnotationModel:
    doc = repo.documents()[0]
    model = AnnotationModel()
    model.set_document(doc.id, repo.document_text(doc.id), repo.annotations(doc.id), repo.labels())
    return model


def test_annotation_model_passes_the_model_tester_through_changes(qtmodeltester, repo: Repository) -> None:
    doc_id = repo.documents()[0].id
    _tag_figures(repo, doc_id)
    model = _loaded_model(repo)
    qtmodeltester.check(model)
    # The tester stays connected and checks every signal of the changes below.
    label = repo.labels()[0]
    added = repo.create_annotation(doc_id, label.id, 1, 4)
    model.add(added)
    model.replace(repo.update_annotation(added.id, note="n"))
    model.remove(repo.delete_annotation(added.id).annotation.id)
    model.set_labels([dataclasses.replace(x, name=x.name.upper()) for x in repo.labels()])
    # The scheme's attributes become columns (and go again), with their values.
    model.set_scheme(repo.attributes(), repo.relation_types())
    figure = next(a for a in model.annotations() if a.label == "FIGURE" or a.label == "figure")
    model.replace(repo.update_annotation(figure.id, attributes={"value": "12", "kind": "count"}))
    value = model.attribute_columns.index("value") + len(AnnotationModel.COLUMNS)
    assert model.headerData(value, Qt.Orientation.Horizontal) == "value"
    assert model.index(model.row_of(figure.id), value).data() == "12"
    qtmodeltester.check(model)
    model.set_scheme([], [])
    assert model.columnCount() == len(AnnotationModel.COLUMNS)
    qtmodeltester.check(model)


def test_the_filter_finds_annotations_by_attribute(repo: Repository) -> None:
    doc_id = repo.documents()[0].id
    _tag_figures(repo, doc_id, how_many=4)
    figures = [a for a in repo.annotations(doc_id) if a.label == "figure"]
    repo.update_annotation(figures[1].id, attributes={"kind": "percent", "approximate": "yes"})
    model = _loaded_model(repo)
    model.set_scheme(repo.attributes(), repo.relation_types())
    proxy = AnnotationFilter()
    proxy.setSourceModel(model)
    for typed, wanted in (("kind=percent", [figures[1].id]), ("percent", [figures[1].id]),
                          ("approximate=yes", [figures[1].id]), ("kind=count", [])):
        proxy.set_text_filter(typed)
        assert [proxy.annotation_id(r) for r in range(proxy.rowCount())] == wanted, typed


def test_annotation_model_rows_follow_text_order_and_show_the_span(repo: Repository) -> None:
    doc_id = repo.documents()[0].id
    text = repo.document_text(doc_id)
    label = repo.labels()[0]
    model = _loaded_model(repo)
    late = repo.create_annotation(doc_id, label.id, 200, 210)
    early = repo.create_annotation(doc_id, label.id, 5, 12)
    model.add(late)
    model.add(early)
    assert [model.annotation(r).id for r in range(model.rowCount())] == [early.id, late.id]
    assert model.index(0, AnnotationModel.TEXT).data() == text[5:12]
    assert model.index(0, AnnotationModel.START).data() == 5
    assert model.index(0, AnnotationModel.LABEL).data() == label.name
    assert model.counts() == {label.name: 2}


def test_only_the_note_column_is_editable_and_an_edit_becomes_a_request(qtbot, repo: Repository) -> None:
    doc_id = repo.documents()[0].id
    a = repo.create_annotation(doc_id, repo.labels()[0].id, 0, 5)
    model = _loaded_model(repo)
    editable = [c for c in range(model.columnCount())
                if model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsEditable]
    assert editable == [AnnotationModel.NOTE]
    with qtbot.waitSignal(model.noteEditRequested) as blocker:
        assert model.setData(model.index(0, AnnotationModel.NOTE), "checked with source")
    assert blocker.args == [a.id, "checked with source"]
    assert not model.setData(model.index(0, AnnotationModel.TEXT), "x")


def test_filter_by_label_and_by_text_and_numeric_sort(qtmodeltester, repo: Repository) -> None:
    doc_id = repo.documents()[0].id
    _tag_figures(repo, doc_id)
    model = _loaded_model(repo)
    proxy = AnnotationFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    labels = {x.name: x for x in repo.labels()}
    proxy.set_label_filter(labels["claim"].id)
    assert proxy.rowCount() == 1
    assert proxy.index(0, AnnotationModel.NOTE).data() == "around"
    proxy.set_label_filter(None)
    assert proxy.rowCount() == model.rowCount()
    # Text filter matches the span's text (here the digits of one figure) or the note.
    some = model.annotation(model.rowCount() - 1)
    needle = model.text[some.start:some.end]
    proxy.set_text_filter(needle)
    shown = {proxy.annotation_id(r) for r in range(proxy.rowCount())}
    assert some.id in shown
    assert all(needle in model.text[a.start:a.end] or needle in a.note
               for a in model.annotations() if a.id in shown)
    proxy.set_text_filter("AROUND")  # case-insensitive, in the note
    assert [proxy.annotation_id(r) for r in range(proxy.rowCount())] == [
        next(a.id for a in model.annotations() if a.note == "around")]
    proxy.set_text_filter("")
    # Numbers sort as numbers (9 before 10), descending puts the last offset first.
    proxy.sort(AnnotationModel.START, Qt.SortOrder.DescendingOrder)
    starts = [proxy.index(r, AnnotationModel.START).data() for r in range(proxy.rowCount())]
    assert starts == sorted(starts, reverse=True)
    qtmodeltester.check(proxy)


def test_document_list_model_counts_done_mark_and_in_place_updates(qtmodeltester, qtbot,
                                                                  repo: Repository, tmp_path) -> None:
    from annotator.core.text import Document

    repo.add_document(Document("second", "نص قصير فيه 12 كلمة", "utf-8", "second.txt"))
    doc_id = repo.documents()[0].id
    _tag_figures(repo, doc_id, how_many=4)
    model = DocumentListModel()
    model.set_documents(repo.documents(), repo.labels())
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[2:] == [x.name for x in repo.labels()]
    figure_col = 2 + [x.name for x in repo.labels()].index("figure")
    assert model.index(0, figure_col).data() == 4
    assert model.index(1, figure_col).data() == 0
    assert model.index(1, DocumentListModel.TITLE).data() == "second"
    # Ticking the done box asks for the change; the window stores it and calls set_done.
    with qtbot.waitSignal(model.doneToggled) as blocker:
        model.setData(model.index(1, DocumentListModel.DONE), Qt.CheckState.Checked.value,
                      Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == [repo.documents()[1].id, True]
    model.analyst = "ann"
    model.set_done(repo.documents()[1].id, True, "ann")
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "Done by ann"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Not done by anyone yet"
    assert model.done_counts() == {"ann": 1}
    # A new document is appended without a reset, so the selection in the view survives.
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    repo.add_document(Document("third", "ثالث نص", "utf-8", "third.txt"))
    model.set_documents(repo.documents(), repo.labels())
    assert model.rowCount() == 3 and not resets
    model.set_counts(doc_id, {"figure": 5})
    assert model.index(0, figure_col).data() == 5
    qtmodeltester.check(model)
    assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(QModelIndex()) == 3


def test_annotation_model_counts_and_rows_follow_every_kind_of_change(repo: Repository) -> None:
    import random

    doc_id = repo.documents()[0].id
    labels = repo.labels()
    model = _loaded_model(repo)
    rng = random.Random(4)
    for step in range(120):
        rows = model.annotations()
        kind = rng.choice(["add", "add", "many", "remove", "relabel"]) if rows else "add"
        if kind in ("add", "many"):
            fresh = []
            for _ in range(1 if kind == "add" else 5):
                start = rng.randrange(0, 3000)
                try:
                    fresh.append(repo.create_annotation(doc_id, rng.choice(labels).id, start,
                                                        start + rng.randrange(1, 40)))
                except ValueError:
                    pass  # the same span and label twice: the store refuses it
            model.add_many(sorted(fresh, key=lambda a: (a.start, a.end, a.id)))
        elif kind == "remove":
            model.remove(repo.delete_annotation(rng.choice(rows).id).annotation.id)
        else:
            a = rng.choice(rows)
            try:
                model.replace(repo.update_annotation(a.id, label_id=rng.choice(labels).id))
            except ValueError:
                pass
        stored = repo.annotations(doc_id)
        assert model.annotations() == stored, f"step {step} ({kind})"
        expected = {}
        for a in stored:
            expected[a.label] = expected.get(a.label, 0) + 1
        assert model.counts() == expected, f"step {step} ({kind})"
        assert all(model.row_of(a.id) == i for i, a in enumerate(stored))


def test_sync_brings_the_rows_to_what_is_stored_with_row_signals(qtmodeltester, repo: Repository) -> None:
    import random

    doc_id = repo.documents()[0].id
    _tag_figures(repo, doc_id)
    labels = repo.labels()
    model = _loaded_model(repo)
    qtmodeltester.check(model)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    rng = random.Random(9)
    for _ in range(15):  # another window changes the document behind this model's back
        stored = repo.annotations(doc_id)
        for a in rng.sample(stored, min(2, len(stored))):
            repo.delete_annotation(a.id)
        for a in rng.sample(repo.annotations(doc_id), 1):
            repo.update_annotation(a.id, label_id=rng.choice(labels).id, note="edited elsewhere")
        for _ in range(3):
            start = rng.randrange(0, 3000)
            try:
                repo.create_annotation(doc_id, rng.choice(labels).id, start, start + 5)
            except ValueError:
                pass
        model.sync(repo.annotations(doc_id))
        assert model.annotations() == repo.annotations(doc_id)
        assert sum(model.counts().values()) == model.rowCount()
    assert resets == []


def test_the_text_filter_folds_arabic_spelling_like_find(repo) -> None:  # type: ignore[no-untyped-def]
    text = "أعلنَ المتحدث أن المدرسة استقبلت ١٢٣ طالبا"
    doc, _ = repo.add_document(Document(title="t", text=text, encoding="utf-8"))
    spans = [(0, 5), (17, 24), (33, 36)]
    made = [repo.create_annotation(doc.id, 1, s, e, note="مصدر رسمى" if s == 0 else "")
            for s, e in spans]
    model = AnnotationModel()
    model.set_document(doc.id, text, made, repo.labels())
    proxy = AnnotationFilter()
    proxy.setSourceModel(model)

    def shown(needle: str) -> list[str]:
        proxy.set_text_filter(needle)
        return [text[model.find(proxy.annotation_id(r)).start:model.find(proxy.annotation_id(r)).end]
                for r in range(proxy.rowCount())]

    assert shown("اعلن") == ["أعلنَ"]
    assert shown("مدرسه") == ["المدرسة"]
    assert shown("123") == ["١٢٣"]
    assert shown("مصدر رسمي") == ["أعلنَ"]  # the note, alef maqsura typed as ya
    assert len(shown("")) == 3
