"""Two windows on one database (each with its own connection), a SQLite file or a database on a
PostgreSQL server: each sees the other's work when it opens the document again, and an undo
never touches the other window's annotations."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor
from reliability_support import SEED

from annotator.core.offsets import OffsetMap
from annotator.core.text import read_document
from annotator.store.repository import Repository


@pytest.fixture(params=["sqlite", "postgresql"])
def two_windows(request, qtbot, tmp_path: Path) -> Iterator[tuple[object, object]]:  # type: ignore[no-untyped-def]
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    db = tmp_path / "shared.db" if request.param == "sqlite" else request.getfixturevalue("pg_server").new_database()
    seed = Repository.open(db)
    seed.add_document(read_document(SEED))
    seed.close()
    repos, windows = [], []
    for name in ("left", "right"):
        repo = Repository.open(db)
        settings = Settings(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
        window = MainWindow(repo, settings, str(db))
        qtbot.addWidget(window)
        window.show()
        window.set_snap_to_words(False)
        repos.append(repo)
        windows.append(window)
    yield windows[0], windows[1]
    for window, repo in zip(windows, repos):
        window.close()
        repo.close()


def tag(window, start: int, end: int, label: int = 0) -> None:  # type: ignore[no-untyped-def]
    offsets = OffsetMap(window.view.text)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    window.tag(window.labels[label].id)


def spans(window) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {(a.start, a.end) for a in window.model.annotations()}


def stored(window) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {(a.start, a.end) for a in window.repo.annotations(window.document_id)}


def test_each_window_sees_the_others_work_and_undoes_only_its_own(two_windows) -> None:  # type: ignore[no-untyped-def]
    left, right = two_windows
    doc = left.document_id
    assert right.document_id == doc
    tag(left, 0, 4)
    tag(right, 10, 15)
    assert spans(left) == {(0, 4)} and spans(right) == {(10, 15)}

    for window in (left, right):
        window.named_actions["reload_document"].trigger()  # Document → Reload (F5)
    assert spans(left) == spans(right) == stored(left) == {(0, 4), (10, 15)}
    index = right.view.highlighter.index
    assert {a.id: index.span(a.id) for a in right.model.annotations() if a.id in index} == \
        {a.id: (a.start, a.end) for a in right.model.annotations()}  # the other's tag is painted

    left.undo_group.activeStack().undo()  # undoes left's own tag only
    assert stored(right) == {(10, 15)}
    right.open_document(doc)
    assert spans(right) == {(10, 15)}


def test_undo_of_an_annotation_the_other_window_deleted_is_refused_cleanly(two_windows) -> None:  # type: ignore[no-untyped-def]
    left, right = two_windows
    doc = left.document_id
    tag(left, 20, 30)
    right.open_document(doc)
    (a,) = right.model.annotations()
    right.annotation_list.select_annotation(a.id)
    right.delete_annotation()
    assert stored(left) == set()
    messages: list[str] = []
    left.model.refused.connect(messages.append)
    left.undo_group.activeStack().undo()  # would delete what right already deleted
    assert messages and "no longer exists" in messages[0]
    assert stored(left) == set()
    left.open_document(doc)
    assert spans(left) == set()


def test_coming_back_to_a_window_shows_what_the_other_stored(two_windows, qtbot) -> None:  # type: ignore[no-untyped-def]
    left, right = two_windows
    with qtbot.waitActive(left):
        left.activateWindow()
    tag(left, 0, 4)
    tag(left, 30, 35, label=2)
    assert spans(right) == set()
    with qtbot.waitActive(right):
        right.activateWindow()  # the analyst switches windows: no key pressed
    qtbot.waitUntil(lambda: spans(right) == {(0, 4), (30, 35)})
    assert right.documents.documents()[0].counts == left.documents.documents()[0].counts
    # Nothing changed elsewhere: coming back reads the fingerprint only, no reload.
    reloads: list[int] = []
    left.model.modelReset.connect(lambda: reloads.append(1))
    with qtbot.waitActive(left):
        left.activateWindow()
    assert reloads == []


def test_a_note_edited_elsewhere_within_the_same_second_is_seen(two_windows, qtbot) -> None:  # type: ignore[no-untyped-def]
    left, right = two_windows
    with qtbot.waitActive(left):
        left.activateWindow()
    tag(left, 0, 4)
    with qtbot.waitActive(right):
        right.activateWindow()
    qtbot.waitUntil(lambda: spans(right) == {(0, 4)})
    (a,) = right.model.annotations()
    right.set_note(a.id, "checked by the second analyst")  # well within the same second
    with qtbot.waitActive(left):
        left.activateWindow()
    qtbot.waitUntil(lambda: [x.note for x in left.model.annotations()] ==
                    ["checked by the second analyst"])
