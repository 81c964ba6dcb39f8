"""The open document without a window: first screen, then the rest, histories, other windows."""
from __future__ import annotations

from annotator.store.repository import Repository
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.document_session import DocumentSession


def test_open_reads_a_screenful_then_the_rest_and_notices_other_windows(
        qtbot, repo: Repository, reader: Repository) -> None:  # type: ignore[no-untyped-def]
    doc = repo.documents()[0].id
    length = len(repo.document_text(doc))
    for n in range(0, length - 1, max(1, length // 20)):
        repo.create_annotation(doc, 1, n, n + 1)
    model = AnnotationModel()
    session = DocumentSession(repo, model)
    loaded: list[bool] = []
    session.restLoaded.connect(lambda: loaded.append(True))
    info = session.open(doc, repo.labels(), first_screen=length // 2)
    assert info is not None and info.id == doc and session.document_id == doc
    assert 0 < model.rowCount() < 20 and session.rest_pending
    assert not session.changed_elsewhere()  # not asked while the rest is still to come
    session.load_rest_soon()
    qtbot.waitUntil(lambda: loaded == [True])
    assert model.rowCount() == len(repo.annotations(doc)) and not session.rest_pending
    assert not session.changed_elsewhere()
    reader.create_annotation(doc, 2, 0, 3)  # another window tags
    assert session.changed_elsewhere()
    session.reload()
    assert model.rowCount() == len(repo.annotations(doc)) and not session.changed_elsewhere()
    assert session.undo_group.activeStack() is session.stack_for(doc)
    assert session.open(10_000, repo.labels(), 100) is None


def test_a_closed_window_reads_nothing_more_once_its_database_is_closed(make_window, repo) -> None:  # type: ignore[no-untyped-def]
    """Reads left for later (the rest of the annotations, the analysts' list) would open a new
    connection on a database already closed, one nobody closes again (on a server: a leaked
    connection)."""
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.reload_documents()  # leaves the analysts' list to read once events run
    window.open_document(repo.documents()[0].id)  # and the rest of the annotations
    assert window.session.rest_pending
    window.close()
    repo.close()
    assert repo.engine.pool.checkedin() == 0
    QApplication.processEvents()
    assert not window.session.rest_pending
    assert not window.session.changed_elsewhere()  # what the window asks when it is activated
    assert repo.engine.pool.checkedin() == 0  # no connection was opened again
