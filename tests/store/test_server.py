"""The store on a real PostgreSQL server (bench/pg_server.py): what a shared server adds."""
from __future__ import annotations

from annotator.core.text import Document
from annotator.store.repository import Repository


def test_a_dropped_server_connection_is_taken_again_and_nothing_is_lost(pg_server) -> None:  # type: ignore[no-untyped-def]
    """The server ends every connection of the window (a restart, an administrator, a network
    cut between two changes): the next change reconnects and is stored; none is lost."""
    url = pg_server.new_database()
    repo = Repository.open(url)
    try:
        doc = repo.add_document(Document("one", "نص أول فيه كلمات", "utf-8"))[0].id
        label = repo.labels()[0].id
        first = repo.create_annotation(doc, label, 0, 2, annotator="ann")
        database = url.rsplit("/", 1)[1]
        ended = pg_server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              f"WHERE datname = '{database}' AND pid <> pg_backend_pid()")
        assert ended and all(row[0] for row in ended)  # the window's pooled connection among them
        second = repo.create_annotation(doc, label, 3, 5, annotator="ann")
        assert [a.id for a in repo.annotations(doc)] == [first.id, second.id]
    finally:
        repo.close()


def test_a_refused_server_is_named_without_its_password(pg_server) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from annotator.store.sqlite_file import DatabaseRefused

    url = pg_server.url("no_such_database").replace("postgres@", "postgres:s3cret-pw@")
    with pytest.raises(DatabaseRefused) as refused:
        Repository.open(url)
    message = str(refused.value)
    assert "s3cret" not in message and "***" not in message
    assert message.startswith(pg_server.url("no_such_database") + ": cannot open database")
