"""`annotator copy --from A --to B`: a whole database onto another, a SQLite file onto the team's
PostgreSQL server or back (store/copying.py)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from annotator.store.sqlite_file import without_password

HELP_EPILOG = """\
The target is a new SQLite file or an empty database on a server (its default labels give way
to the source's); it is written in one transaction, so a failed copy leaves it as it was.
Everything is copied with the same ids: documents, labels, attributes, relation types,
annotations, links, analysts' names, done marks and the database's options. Passwords come
from ~/.pgpass or PGPASSWORD, never from the command line's output.

  annotator copy --from annotations.db --to postgresql+psycopg://ana@db.example/news"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser,
               default_db: Callable[[argparse.Namespace], str]) -> None:
    p = sub.add_parser("copy", parents=[db], formatter_class=argparse.RawDescriptionHelpFormatter,
                       help="copy a whole database onto another (SQLite ⇄ PostgreSQL)",
                       description="Copy every document, annotation and link of one database "
                                   "into a new or empty one.", epilog=HELP_EPILOG)
    p.add_argument("--from", dest="source", metavar="DB",
                   help="the database to copy (the same as --db; default: the usual database)")
    p.add_argument("--to", dest="target", required=True, metavar="DB", help="a new or empty database")
    p.set_defaults(run=run, default_db=default_db)


def run(args: argparse.Namespace) -> int:
    from annotator.store.copying import copy_database
    from annotator.store.database import open_database
    from annotator.store.sqlite_file import DatabaseRefused, database_errors

    named = (args.source or args.default_db(args), args.target)
    source, target = (db if "://" in db else str(Path(db).expanduser().resolve()) for db in named)
    if source == target:
        raise DatabaseRefused(without_password(target), "is the database being copied")
    src = open_database(source)
    try:
        dst = open_database(target)
        try:
            with database_errors(without_password(target)):
                copied = copy_database(src, dst, without_password(target))
        finally:
            dst.dispose()
    finally:
        src.dispose()
    sys.stdout.write(f"copied {copied['document']} document(s), {copied['annotation']} annotation(s) and "
                     f"{copied['relation']} link(s) from {without_password(source)} to {without_password(target)}\n")
    return 0
