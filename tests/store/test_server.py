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


def test_a_change_whose_connection_dies_while_it_is_written_is_refused_whole(pg_server) -> None:  # type: ignore[no-untyped-def]
    """The server ends the window's connection in the middle of a change (here while the change
    waits for the writers' lock): the change is reported as not saved, nothing of it is stored,
    and the next change reconnects and is stored."""
    import threading

    import psycopg

    from annotator.store.repository import WRITER_LOCK_KEY
    from annotator.store.sqlite_file import DatabaseRefused

    url = pg_server.new_database()
    database = url.rsplit("/", 1)[1]
    repo = Repository.open(url)
    try:
        doc = repo.add_document(Document("one", "نص أول فيه كلمات", "utf-8"))[0].id
        label = repo.labels()[0].id
        with psycopg.connect(f"host=127.0.0.1 port={pg_server.port} user=postgres dbname={database}",
                             autocommit=True) as holder:
            holder.execute("SELECT pg_advisory_lock(%s)", (WRITER_LOCK_KEY,))  # another writer, busy
            outcome: list[object] = []
            writer = threading.Thread(target=lambda: outcome.append(_try(lambda: repo.create_annotation(
                doc, label, 0, 2, annotator="ann"))))
            writer.start()
            waiting: list[tuple[object, ...]] = []
            while not waiting and writer.is_alive():  # until the change waits for the lock
                waiting = pg_server.sql("SELECT pid FROM pg_stat_activity WHERE datname = "
                                        f"'{database}' AND wait_event_type = 'Lock'")
            assert waiting, outcome
            pg_server.sql(f"SELECT pg_terminate_backend({waiting[0][0]})")
            writer.join(timeout=30)
            holder.execute("SELECT pg_advisory_unlock(%s)", (WRITER_LOCK_KEY,))
        (refused,) = outcome
        assert isinstance(refused, DatabaseRefused)
        assert "s3cret" not in str(refused) and str(refused).startswith(pg_server.url(database))
        assert repo.annotations(doc) == []  # nothing of it stored
        saved = repo.create_annotation(doc, label, 0, 2, annotator="ann")  # reconnects
        assert [a.id for a in repo.annotations(doc)] == [saved.id]
    finally:
        repo.close()


def _try(call):  # type: ignore[no-untyped-def]
    try:
        return call()
    except Exception as exc:  # the test looks at what it was
        return exc
