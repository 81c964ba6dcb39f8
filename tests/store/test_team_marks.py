"""Each analyst's own done mark, the database's blind option, and done marks made before both."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from annotator.core.text import Document
from annotator.store.repository import Repository
from annotator.store.sqlite_file import APPLICATION_ID
from annotator.store.values import NotFound

MIGRATIONS = Path(__file__).resolve().parents[2] / "annotator" / "store" / "migrations"


@pytest.fixture
def repo(open_repo) -> Repository:  # type: ignore[no-untyped-def]
    """A new database of each backend."""
    return open_repo()


def test_a_document_is_done_for_each_analyst_on_their_own(repo: Repository) -> None:
    first = repo.add_document(Document("one", "نص أول", "utf-8"))[0].id
    second = repo.add_document(Document("two", "نص ثان", "utf-8"))[0].id
    repo.set_done(first, True, annotator="ann")
    repo.set_done(first, True, annotator="bea")
    repo.set_done(second, True, annotator="bea")
    repo.set_done(first, True, annotator="bea")  # twice is once
    assert [d.done for d in repo.documents(analyst="ann")] == [True, False]
    assert [d.done for d in repo.documents(analyst="bea")] == [True, True]
    assert [d.done for d in repo.documents(analyst="cai")] == [False, False]
    assert [d.done_by for d in repo.documents()] == [("ann", "bea"), ("bea",)]
    repo.set_done(first, False, annotator="bea")  # Bea's mark goes, Ann's stays
    assert repo.document(first, analyst="ann").done and not repo.document(first, analyst="bea").done
    assert repo.document(first).done_by == ("ann",)
    opened = repo.open_document(second, analyst="ann")
    assert opened is not None and not opened[0].done and opened[0].done_by == ("bea",)
    with pytest.raises(NotFound):
        repo.set_done(99, True, annotator="ann")


def test_annotating_blind_is_the_databases_own_option(open_repo, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    assert not repo.blind
    repo.set_blind(True)
    other = open_repo()  # another analyst's window on the same database
    assert other.blind
    other.set_blind(False)
    assert not repo.blind


def test_opening_blind_reads_my_layer_alone_until_i_mark_the_document_done(repo: Repository) -> None:
    doc = repo.add_document(Document("one", "نص أول فيه كلمات كثيرة", "utf-8"))[0].id
    label = repo.labels()[0].id
    for who, start in (("ann", 0), ("bea", 3)):
        repo.create_annotation(doc, label, start, start + 2, annotator=who)
    opened = repo.open_document(doc, analyst="ann")
    assert opened is not None and not opened.blind
    assert [a.annotator for a in opened.first_annotations] == ["ann", "bea"]
    repo.set_blind(True)
    opened = repo.open_document(doc, analyst="ann")
    assert opened is not None and opened.blind
    assert [a.annotator for a in opened.first_annotations] == ["ann"]
    repo.set_done(doc, True, annotator="ann")
    opened = repo.open_document(doc, analyst="ann")
    assert opened is not None and opened.blind and opened.info.done
    assert [a.annotator for a in opened.first_annotations] == ["ann", "bea"]


def test_a_reviewers_set_aside_is_kept_and_comes_back_with_an_undone_delete(open_repo, repo: Repository) -> None:  # type: ignore[no-untyped-def]
    doc = repo.add_document(Document("one", "نص أول فيه كلمات كثيرة", "utf-8"))[0].id
    other = repo.add_document(Document("two", "نص ثان فيه كلمات", "utf-8"))[0].id
    label = repo.labels()[0].id
    ann = repo.create_annotation(doc, label, 0, 2, annotator="ann")
    bea = repo.create_annotation(doc, label, 0, 6, annotator="bea")
    elsewhere = repo.create_annotation(other, label, 0, 2, annotator="ann")
    assert repo.set_set_aside([ann.id, bea.id], True, reviewer="rev") == [ann.id, bea.id]
    assert repo.set_set_aside([ann.id], True, reviewer="rev") == []  # already: nothing for an undo to take back
    repo.set_set_aside([elsewhere.id], True, reviewer="rev")
    assert open_repo().set_aside(doc) == {ann.id, bea.id}  # kept in the database, per document
    assert repo.set_aside(other) == {elsewhere.id}
    deleted = repo.delete_annotation(bea.id)
    assert repo.set_aside(doc) == {ann.id}
    repo.restore_annotation(deleted)  # an undone delete brings the reviewer's decision back
    assert repo.set_aside(doc) == {ann.id, bea.id}
    repo.set_set_aside([ann.id, bea.id], False, reviewer="rev")
    assert repo.set_aside(doc) == set()
    repo.set_set_aside([ann.id], True, reviewer="rev")
    repo.delete_annotation(ann.id)  # by another window: taking the mark back skips it
    assert repo.set_set_aside([ann.id], False, reviewer="rev") == []
    with pytest.raises(NotFound):
        repo.set_set_aside([bea.id, ann.id], True, reviewer="rev")
    assert repo.set_aside(doc) == set()  # the refused change left nothing behind, Bea's half neither


def test_done_marks_made_before_become_each_analysts(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(cfg, "0005_attributes_relations")
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # as the window stamps its files
    for n, done in ((1, 1), (2, 1), (3, 0)):
        con.execute("INSERT INTO document (id, title, text, sha256, length, encoding, source, done, created_at) "
                    "VALUES (?, ?, 'نص قصير', ?, 7, 'utf-8', '', ?, '2026-01-01 10:00:00')",
                    (n, f"d{n}", f"sha{n}", done))
    for doc, who in ((1, "ann"), (1, "bea"), (3, "cai")):
        con.execute('INSERT INTO annotation (document_id, label_id, start, "end", note, annotator, created_at, '
                    "updated_at) VALUES (?, 1, 0, 3, '', ?, '2026-01-01 10:00:00', '2026-01-01 10:00:00')",
                    (doc, who))
    con.commit()
    con.close()
    repo = Repository.open(path)
    try:
        # Done with annotations: done for their analysts; done without any: for every analyst.
        assert [d.done_by for d in repo.documents()] == [("ann", "bea"), ("ann", "bea", "cai"), ()]
    finally:
        repo.close()

