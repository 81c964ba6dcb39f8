"""`annotator copy`: a whole database onto another backend (a solo SQLite file onto the team's
PostgreSQL server, and back), row for row: the same ids, texts, offsets, labels, attributes,
relations, analysts, done marks and options, and ids that are never handed out again."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, delete, func, insert, select, text

from annotator.store.models import Base
from annotator.store.sqlite_file import DatabaseRefused

BATCH = 5_000  # rows read and written at a time: a corpus of a million spans in constant memory
# Tables whose ids are never given twice (SQLite AUTOINCREMENT, a PostgreSQL sequence).
_NEVER_REUSED = ("annotation", "relation")


def copy_database(source: Engine, target: Engine, where: str,
                  progress: Callable[[str, int], None] = lambda table, rows: None) -> dict[str, int]:
    """Copy every row of `source` into `target`, which must hold no documents yet (its default
    labels and scheme give way to the source's). One transaction on the target: all or
    nothing. Returns the rows copied per table. Raises DatabaseRefused (`where` names the target)."""
    tables = [t for t in Base.metadata.sorted_tables]
    copied: dict[str, int] = {}
    with source.connect() as src, target.begin() as dst:
        documents = dst.execute(select(func.count()).select_from(Base.metadata.tables["document"])).scalar()
        if documents:
            raise DatabaseRefused(where, f"already holds {documents} document(s); copy into a new or "
                                         "empty database")
        for table in reversed(tables):  # the target's default scheme, children first
            dst.execute(delete(table))
        for table in tables:
            rows = 0
            result = src.execution_options(yield_per=BATCH).execute(select(table))
            for chunk in result.partitions(BATCH):
                dst.execute(insert(table), [dict(row._mapping) for row in chunk])
                rows += len(chunk)
                progress(table.name, rows)
            copied[table.name] = rows
        for name in ("document", "label", "attribute", "relation_type", *_NEVER_REUSED):
            _set_high_water(dst, name, max(_high_water(src, name), _max_id(dst, name)))
    return copied


def _max_id(con: Connection, table: str) -> int:
    return int(con.execute(text(f"SELECT COALESCE(MAX(id), 0) FROM {table}")).scalar() or 0)


def _high_water(con: Connection, table: str) -> int:
    """The highest id the database has handed out for `table` (deleted rows included)."""
    if con.dialect.name == "sqlite":
        if table in _NEVER_REUSED:
            seq = con.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": table}).scalar()
            return max(int(seq or 0), _max_id(con, table))
        return _max_id(con, table)
    seq = con.execute(text(f"SELECT last_value, is_called FROM {table}_id_seq")).one()
    return int(seq[0]) if seq[1] else 0


def _set_high_water(con: Connection, table: str, value: int) -> None:
    if con.dialect.name == "sqlite":
        if table in _NEVER_REUSED:
            con.execute(text("DELETE FROM sqlite_sequence WHERE name = :t"), {"t": table})
            con.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :v)"), {"t": table, "v": value})
        return
    if value:
        con.execute(text("SELECT setval(:s, :v, true)"), {"s": f"{table}_id_seq", "v": value})
    else:
        con.execute(text("SELECT setval(:s, 1, false)"), {"s": f"{table}_id_seq"})
