"""The one writer of documents, through the standard sqlite3 driver alone.

`store_documents` inserts documents on a DB-API connection: the Repository's (its session's)
and the command line's. The command-line import only adds documents, and importing SQLAlchemy
would cost it more than storing five thousand articles does, so for a SQLite file already at
the newest schema it opens its own connection here (`BulkDocuments`). Anything else (a new
file, an upgrade, a URL) goes through the Repository.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.core.provenance import Provenance
from annotator.core.text import Document
from annotator.store import sqlite_file
from annotator.store.sqlite_file import (
    DatabaseRefused,
    check_sqlite_file,
    configure_connection,
    head_revision,
)
from annotator.store.values import DocumentInfo, added_in_order, sqlite_timestamp, utc_now

_PROVENANCE = "outlet, url, published, author, file_format, external_id"
_INFO_COLUMNS = ("id, title, sha256, length, encoding, source, EXISTS (SELECT 1 FROM done_mark m "
                 f"WHERE m.document_id = document.id), created_at, {_PROVENANCE}")
_INSERT = (f"INSERT INTO document (title, text, sha256, length, encoding, source, {_PROVENANCE}, "
           "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_LOOKUP_CHUNK = 500  # well under SQLite's limit on bound parameters


def store_documents(con: Any, docs: Sequence[Document]) -> list[tuple[DocumentInfo, bool]]:
    """Insert each text not already in the database, inside the caller's transaction.

    The one writer of the document table: the command-line import calls it on its own
    connection, the Repository on its session's (sqlite3's or psycopg's). Returns (document,
    created) per doc, in order.
    """
    sqlite = isinstance(con, sqlite3.Connection)

    def sql(statement: str) -> str:  # sqlite3 marks parameters with ?, psycopg with %s
        return statement if sqlite else statement.replace("?", "%s")

    shas = [doc.sha256 for doc in docs]
    known: dict[str, DocumentInfo] = {}
    fresh: set[str] = set()
    wanted = list(dict.fromkeys(shas))
    for i in range(0, len(wanted), _LOOKUP_CHUNK):
        chunk = wanted[i:i + _LOOKUP_CHUNK]
        marks = ", ".join("?" * len(chunk))
        for row in con.execute(
                sql(f"SELECT {_INFO_COLUMNS} FROM document WHERE sha256 IN ({marks})"), chunk):
            known[row[2]] = _info(row)
    for doc, sha in zip(docs, shas):  # a text twice in one batch is new only once
        if sha in known:
            continue
        now = utc_now()  # each its own time
        about = doc.provenance
        # SQLite hands the new id back for nothing; RETURNING cost it 25 ms per 5,000 rows.
        cur = con.execute(sql(_INSERT) if sqlite else sql(_INSERT) + " RETURNING id",
                          (doc.title, doc.text, sha, len(doc), doc.encoding, doc.source, about.outlet,
                           about.url, about.published, about.author, about.file_format, about.external_id,
                           sqlite_timestamp(now) if sqlite else now))
        doc_id = cur.lastrowid if sqlite else cur.fetchone()[0]
        assert doc_id is not None
        known[sha] = DocumentInfo(id=doc_id, title=doc.title, sha256=sha, length=len(doc),
                                  encoding=doc.encoding, source=doc.source, provenance=about,
                                  done=False, created_at=now)
        fresh.add(sha)
    return added_in_order(shas, known, fresh)


class BulkDocuments:
    """Documents added to one SQLite database file, each batch in one transaction."""

    def __init__(self, con: sqlite3.Connection, where: str) -> None:
        self._con = con
        self.where = where

    @classmethod
    def open(cls, db: str | Path) -> BulkDocuments | None:
        """The writer for `db`, or None when `db` needs the Repository (URL, new file, upgrade).

        Raises DatabaseRefused, after the same checks as the Repository, for a file not ours.
        """
        if "://" in str(db):
            return None
        path = Path(db).expanduser().resolve()
        if check_sqlite_file(path) != head_revision():
            return None
        con: sqlite3.Connection | None = None
        try:
            # mode=rw: a file removed since the check is an error, not a new empty database.
            con = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True,
                                  timeout=sqlite_file.BUSY_TIMEOUT_MS / 1000)
            configure_connection(con)
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error as exc:
            if con is not None:
                con.close()
            raise DatabaseRefused(str(path), f"cannot open database ({exc})") from None
        if row is None or row[0] != head_revision():  # changed since the check: let it upgrade
            con.close()
            return None
        return cls(con, str(path))

    def close(self) -> None:
        self._con.close()

    def add_documents(self, docs: Sequence[Document]) -> list[tuple[DocumentInfo, bool]]:
        """Store each text not already there, in one transaction; (document, created) per doc."""
        con = self._con
        con.execute("BEGIN IMMEDIATE")
        try:
            stored = store_documents(con, docs)
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        return stored


def _info(row: tuple[Any, ...]) -> DocumentInfo:
    doc_id, title, sha, length, encoding, source, done, created, *about = row
    outlet, url, published, author, file_format, external_id = about
    return DocumentInfo(id=doc_id, title=title, sha256=sha, length=length, encoding=encoding,
                        source=source, done=bool(done),
                        provenance=Provenance(outlet=outlet, url=url, published=published,
                                              author=author, file_format=file_format,
                                              external_id=external_id),
                        created_at=(created if isinstance(created, datetime)
                                    else datetime.fromisoformat(created)).replace(tzinfo=UTC))
