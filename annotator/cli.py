"""Command line: argparse subcommands that parse, call the core and the store, and print."""
from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from annotator import __version__, cli_agreement, cli_copy
from annotator.core.corpus import FIELDS
from annotator.core.csvio import CsvReader, CsvRefused, CsvRow, write_csv
from annotator.core.formats import FORMATS, ReadOptions
from annotator.core.jsonl import is_jsonl, read_jsonl, write_jsonl
from annotator.core.relation_csv import read_relations, write_relations
from annotator.core.terminal import legend, mark_spans, number_spans, printable, visual_lines
from annotator.core.text import MAX_FILE_BYTES, RejectedFile
from annotator.import_report import ImportReport
from annotator.store.articles import import_batches, planned_files
from annotator.store.sqlite_file import (
    DB_ENV_VAR,
    DatabaseRefused,
    database_errors,
    default_db_path,
    without_password,
)
from annotator.store.sqlite_hold import is_own_file

if TYPE_CHECKING:
    from annotator.store.bulk import BulkDocuments
    from annotator.store.repository import Repository

# SQLAlchemy (slow to import) is loaded by the commands that need it, not by
# `import`, which adds documents through the standard sqlite3 driver when it can.

COMMANDS = ("import", "export", "import-annotations", "show", "agreement", "copy", "gui")

DESCRIPTION = """\
Annotation desk for Arabic news: import articles, export the labelled spans as CSV,
merge another analyst's CSV, print a document, or open the window.

Without a subcommand, `annotator [--db DB] [FILE ...]` opens the window, exactly like
`annotator gui` and `python main.py`."""

EXIT_CODES = """\
exit status: 0 success; 1 bad input or a refused database (one line on stderr naming the
file and the reason, nothing half-written); 2 wrong usage."""


def _stderr(line: str) -> None:
    # File names and cell text reach the terminal inert: no escape sequence, one line.
    print(printable(line).replace("\n", " "), file=sys.stderr, flush=True)


class _NoProgress:
    """What `_progress` gives when stderr is not a terminal: no bar, and no tqdm to import."""

    disable = True

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int = 1) -> None:
        return None


def _progress(unit: str, total: int | None = None):  # type: ignore[no-untyped-def]
    """A progress bar on stderr, for an interactive terminal and only once a run lasts a moment."""
    if not sys.stderr.isatty():
        return _NoProgress()
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, file=sys.stderr, delay=0.5, leave=False,
                dynamic_ncols=True)


def _resolve_db(args: argparse.Namespace) -> str:
    if args.db is None:
        args.db = default_db_path()
        if "://" not in args.db:  # the default folder is ours to create; a named one is not
            Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    return str(args.db)


def _database_file(args: argparse.Namespace) -> Path | None:
    db = _resolve_db(args)
    return None if "://" in db else Path(db)


def _not_the_database(path: str | Path, args: argparse.Namespace) -> None:
    """Refuse to read or write the database's own files: that would drop SQLite's locks."""
    db = _database_file(args)
    if db is not None and is_own_file(Path(path), db):
        raise CsvRefused(Path(path), f"is the database {db.name} itself (or a file SQLite keeps "
                                     "beside it); give another file")


def _open(args: argparse.Namespace) -> Repository:
    from annotator.store.repository import Repository

    return Repository.open(_resolve_db(args))


def _open_for_import(args: argparse.Namespace) -> BulkDocuments | Repository:
    """The standard-library writer when the database is a SQLite file at the newest schema."""
    from annotator.store.bulk import BulkDocuments

    return BulkDocuments.open(_resolve_db(args)) or _open(args)


# -- subcommands ---------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    plan = planned_files(args.paths, _database_file(args))
    options = ReadOptions(format=args.format or "", fields=dict(args.field), force=args.force)
    # The import makes no reference cycles, only short-lived objects by the thousand: Python's
    # cycle collector would walk them (and every module) for nothing, a few percent of the run.
    collecting = gc.isenabled()
    gc.disable()
    report = ImportReport()
    try:
        repo = _open_for_import(args)
        try:
            with database_errors(args.db), _progress("file", len(plan)) as bar:
                for outcomes in import_batches(repo, plan, options):
                    shown = report.files_done
                    for to_stderr, lines in report.lines(outcomes):  # each stream in file order
                        _say_lines(bar, lines, sys.stderr if to_stderr else sys.stdout)
                    bar.update(report.files_done - shown)
        finally:
            repo.close()
    finally:
        if collecting:
            gc.enable()
    for line in report.closing(len(plan)):
        _stderr(line)
    return 1 if report.failed else 0


def _say_lines(bar: Any, lines: list[str], stream: TextIO) -> None:
    """Print lines around the progress bar, if there is one; else a run of them in one write."""
    if not lines:
        return
    if bar.disable:
        stream.write("\n".join(lines) + "\n")
    else:
        for line in lines:
            bar.write(line, file=stream)


def _field(pair: str) -> tuple[str, str]:
    """`--field text=body`: (our name, the corpus's name)."""
    ours, sep, theirs = pair.partition("=")
    if not sep or not theirs.strip() or ours.strip() not in FIELDS:
        raise argparse.ArgumentTypeError(
            f"{pair!r}: give FIELD=NAME, FIELD one of {', '.join(FIELDS)} (e.g. text=body)")
    return ours.strip(), theirs.strip()


def _writable(out: Path, args: argparse.Namespace) -> None:
    _not_the_database(out, args)
    if out.is_dir():
        raise CsvRefused(out, "is a folder; give a file name such as spans.csv")
    if not out.parent.is_dir():
        raise CsvRefused(out, f"folder {out.parent} does not exist")


def _export_jsonl(args: argparse.Namespace, out: Path, repo: Repository) -> tuple[int, int, int]:
    try:
        return write_jsonl(out, repo.document_lines(args.doc, args.label))
    except OSError as exc:
        raise CsvRefused(out, f"cannot write ({exc.strerror or exc})") from None


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    jsonl = args.format == "jsonl" or (args.format is None and is_jsonl(out))
    if jsonl and (args.relations or args.attributes or args.metadata):
        raise CsvRefused(out, "a JSON Lines export carries every attribute, link and document "
                              "metadata already; leave out --attributes, --relations and --metadata")
    relations = Path(args.relations) if args.relations else None
    for path in (out, relations):
        if path is not None:
            _writable(path, args)
    if relations is not None and relations.resolve() == out.resolve():
        raise CsvRefused(relations, "is the annotations file too; give the relations their own file")
    repo = _open(args)
    try:
        with database_errors(args.db):
            missing = [d for d in args.doc if repo.document(d) is None]
            if missing:
                raise DatabaseRefused(args.db, f"no document with id {', '.join(map(str, missing))}")
            names = [label.name for label in repo.labels()]
            unknown = [name for name in args.label if name not in names]
            if unknown:
                raise DatabaseRefused(args.db, f"no label {', '.join(map(repr, unknown))} "
                                               f"(labels: {', '.join(names)})")
            if jsonl:
                docs, spans, links = _export_jsonl(args, out, repo)
                print(f"{out}: {docs} document(s), {spans} annotation(s), {links} link(s)")
                return 0
            total = repo.count_export_rows(args.doc, args.label, args.annotator)
            columns = repo.attribute_names() if args.attributes else []
            with _progress("row", total) as bar:
                try:
                    count = write_csv(out, repo.export_rows(args.doc, args.label, attributes=bool(columns),
                                                            annotators=args.annotator),
                                      None if bar.disable else bar.update, columns, args.metadata)
                except OSError as exc:
                    raise CsvRefused(out, f"cannot write ({exc.strerror or exc})") from None
                except UnicodeEncodeError as exc:
                    raise CsvRefused(out, f"a text cannot be written as UTF-8 ({exc.reason})") \
                        from None
            links = 0
            if relations is not None:
                try:
                    links = write_relations(relations, repo.relation_rows(args.doc))
                except OSError as exc:
                    raise CsvRefused(relations, f"cannot write ({exc.strerror or exc})") from None
    finally:
        repo.close()
    print(f"{out}: {count} annotation(s)")
    if relations is not None:
        print(f"{relations}: {links} link(s)")
    return 0


def _counted(rows: CsvReader) -> Iterator[CsvRow]:
    with _progress("row") as bar:
        for row in rows:
            bar.update()
            yield row


def _import_jsonl(args: argparse.Namespace) -> int:
    lines = list(read_jsonl(args.file))  # checked whole before anything is merged
    repo = _open(args)
    try:
        with database_errors(args.db):
            report = repo.merge_document_lines(lines, skip_bad=args.skip_bad)
    finally:
        repo.close()
    for line in report.refused:
        _stderr(f"{args.file}: {line}" + ("; skipped" if args.skip_bad else ""))
    if report.refused_count > len(report.refused):
        _stderr(f"{args.file}: … and {report.refused_count - len(report.refused)} more refused")
    if report.refused_count and not args.skip_bad:
        _stderr(f"{args.file}: nothing imported: {report.refused_count} refused "
                "(fix them, or add --skip-bad to import the rest)")
        return 1
    print(f"{args.file}: {report.documents_added} document(s) added, {report.added} annotation(s) "
          f"added, {report.already_present} already present, {report.links_added} link(s) added, "
          f"{report.links_present} already present")
    return 0


def cmd_import_annotations(args: argparse.Namespace) -> int:
    _not_the_database(args.file, args)
    if is_jsonl(args.file):
        if args.relations:
            raise CsvRefused(args.file, "a JSON Lines file carries its links; leave out --relations")
        return _import_jsonl(args)
    if args.relations:
        _not_the_database(args.relations, args)
        links = list(read_relations(args.relations))  # a wrong file fails before anything is merged
    reader = CsvReader(args.file, skip_bad=args.skip_bad, annotator=args.annotator)
    if reader.ignored_columns:  # a wrong file has already failed, in the line above
        _stderr(f"{args.file}: note: columns ignored: {', '.join(reader.ignored_columns)}")
    linked = None
    try:
        repo = _open(args)
        try:
            with database_errors(args.db):
                report = repo.merge_annotations(_counted(reader), skip_bad=args.skip_bad)
                if args.relations and not (report.refused_count and not args.skip_bad):
                    linked = repo.merge_relations(links, report.ids)
        finally:
            repo.close()
    finally:
        reader.close()
    where = args.file
    for line in reader.skipped:
        _stderr(line)
    if reader.skipped_count > len(reader.skipped):
        _stderr(f"{where}: … and {reader.skipped_count - len(reader.skipped)} more malformed "
                "row(s) skipped")
    for line in report.missing_document:
        _stderr(f"{where}: {line}")
    for line in report.refused:
        _stderr(f"{where}: {line}" + ("; skipped" if args.skip_bad else ""))
    if report.refused_count > len(report.refused):
        _stderr(f"{where}: … and {report.refused_count - len(report.refused)} more row(s) refused")
    if report.refused_count and not args.skip_bad:
        _stderr(f"{where}: nothing imported: {report.refused_count} row(s) refused "
                "(fix them, or add --skip-bad to import the other rows)")
        return 1
    skipped = reader.skipped_count + report.refused_count
    print(f"{where}: {report.added} added, {report.already_present} already present, "
          f"{len(report.missing_document)} skipped (document not in this database)"
          + (f", {skipped} bad row(s) skipped" if skipped else ""))
    if linked is not None:
        for line in linked.missing_document:
            _stderr(f"{args.relations}: {line}")
        print(f"{args.relations}: {linked.added} link(s) added, {linked.already_present} already "
              f"present, {len(linked.missing_document)} skipped")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    repo = _open(args)
    try:
        with database_errors(args.db):
            doc = repo.document(args.doc)
            if doc is None:
                raise DatabaseRefused(args.db, f"no document with id {args.doc}")
            text = repo.document_text(doc.id)
            # In the legend's order (number_spans sorts the same way), so numbers match.
            annotations = sorted(repo.annotations(doc.id), key=lambda a: (a.start, -a.end, a.label))
            relations = repo.relations(doc.id)
    finally:
        repo.close()
    spans = number_spans([(a.start, a.end, a.label, a.note) for a in annotations])
    number = {a.id: span.number for a, span in zip(annotations, spans)}
    spans = [dataclasses.replace(span, details=" · ".join(
        [f"{k}={v}" for k, v in a.attributes.items()]
        + [f"{r.type} → {number[r.target_id]}" for r in relations if r.source_id == a.id]
        + [f"{r.type} ← {number[r.source_id]}" for r in relations if r.target_id == a.id]))
        for a, span in zip(annotations, spans)]
    heading = printable(doc.title)
    facts = f"#{doc.id} · {doc.length} characters · {doc.encoding} · {len(spans)} annotation(s)"
    body = printable(mark_spans(text, spans))
    if args.visual:
        import shutil

        width = args.width or shutil.get_terminal_size().columns
        lines = [*visual_lines(heading, width), facts, "", *visual_lines(body, width)]
    else:
        lines = [heading, facts, "", body.rstrip("\n")]
    print("\n".join(lines))
    if spans:
        print()
        print("\n".join(legend(spans)))
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    repo = _open(args)
    try:
        rows, who = cli_agreement.rows_for(repo, args)
    finally:
        repo.close()
    if len(who) < 2:
        found = ", ".join(who) if who else "none"
        _stderr(f"{without_password(args.db)}: agreement needs two analysts with annotations here; found {found}")
        return 1
    cli_agreement.write_rows(rows, args.format)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        _open(args).close()  # a refused database is reported here, before any window
    except DatabaseRefused as exc:
        _stderr(str(exc))
        _show_refusal(str(exc))  # started from a desktop launcher, nobody reads stderr
        return 1
    try:
        from annotator.ui.app import run, window_problem
    except ImportError as exc:  # the window's package, or Qt's system libraries, are missing
        _stderr(f"annotator: cannot open the window ({exc})")
        return 1
    problem = window_problem(os.environ, sys.platform)
    if problem:  # Qt would abort the process instead
        _stderr(f"annotator: cannot open the window: {problem}")
        return 1
    return run(args.db, [str(f) for f in args.files])


def _show_refusal(message: str) -> None:
    try:
        from annotator.ui.app import display_available, show_refusal
    except ImportError:
        return
    if display_available(os.environ, sys.platform):
        show_refusal(message)


# -- parser --------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="DB", help=(
        "database: a file path or a SQLAlchemy URL (default: $" + DB_ENV_VAR + " if set, else "
        "data/annotations.db in a source checkout, else the per-user data folder; now "
        f"{default_db_path()})"))
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="annotator", description=DESCRIPTION,
                                     epilog=EXIT_CODES, formatter_class=raw)
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("import", parents=[db], formatter_class=raw,
                       help="import articles: text files, saved web pages, corpora, Word files",
                       description="Import articles: files, or folders searched for "
                                   f"{', '.join(s for x, _ in FORMATS.values() for s in x)} "
                                   "files.", epilog=f"""\
The format follows the extension (--format names it for the files given): .txt is decoded
as UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or
Windows-1256 and stored exactly as decoded; a saved web page (.html) gives its article's
text, title, date, author, address and site (trafilatura); a Word file (.docx) its
paragraphs; a JSON Lines (.jsonl) or CSV (.csv, .tsv) corpus one article per line or row,
with the fields {', '.join(FIELDS)}
(only text is required; --field text=body reads another name). Paragraphs are separated by
blank lines. One line per document on stdout:
id, title, characters, encoding, and whether it was added or already present (the same
text is never stored twice). Files of other types inside a folder are skipped with a note
on stderr. A file that cannot be imported (binary, empty, invalid bytes, larger than
{MAX_FILE_BYTES // 2**20} MiB, no article in it), and each bad line or row of a corpus, gets one line
on stderr naming it and the reason; the rest is still imported, and the exit status is 1.""")
    p.add_argument("paths", nargs="+", metavar="PATH", help="an article file, a corpus or a folder")
    p.add_argument("--force", action="store_true",
                   help="also import a text with no Arabic or Latin letter (refused otherwise)")
    p.add_argument("--format", choices=list(FORMATS), help="read the files given as this format "
                   "(default: by extension; files in folders always go by extension)")
    p.add_argument("--field", type=_field, action="append", default=[], metavar="FIELD=NAME",
                   help="a corpus's name for one of the fields, e.g. --field text=body "
                        "--field published=date")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("export", parents=[db], formatter_class=raw,
                       help="write the annotations as CSV",
                       description="Write the annotations as CSV, one row per annotation.",
                       epilog="""\
The file is UTF-8 with a byte-order mark (Excel shows the Arabic), RFC 4180 quoted, with
the header document_id,document_title,document_sha256,annotation_id,label,start,end,text,
note,annotator,created_at,updated_at; --metadata appends document_source,document_url,
document_published (the outlet, address and ISO 8601 publication date of the article), then
--attributes its attr_ columns. Offsets are code points, end exclusive; times are
ISO 8601 UTC. A cell a spreadsheet would run as a formula gets one leading apostrophe,
which import-annotations removes again. The file is written beside its final name and
renamed at the end, so an interrupted export leaves no half-written file. A JSON Lines
export (--format jsonl) carries each document's metadata too; it is read back by
import-annotations, not by import (which reads corpora of articles).""")
    p.add_argument("--out", required=True, metavar="FILE.csv", help="the CSV file to write")
    p.add_argument("--doc", type=int, nargs="+", action="extend", default=[], metavar="ID",
                   help="only these documents (ids as `import` prints them)")
    p.add_argument("--label", nargs="+", action="extend", default=[], metavar="NAME",
                   help="only these labels, e.g. --label claim figure")
    p.add_argument("--annotator", nargs="+", action="extend", default=[], metavar="NAME",
                   help="only these analysts' annotations, e.g. --annotator gold (the settled layer)")
    p.add_argument("--metadata", action="store_true",
                   help="append each document's outlet, URL and publication date (document_source, "
                        "document_url, document_published)")
    p.add_argument("--attributes", action="store_true",
                   help="append one attr_NAME column per attribute (attr_certainty, attr_value, ...)")
    p.add_argument("--relations", metavar="FILE.csv",
                   help="also write the links between annotations (said_by, ...) to this CSV")
    p.add_argument("--format", choices=("csv", "jsonl"),
                   help="csv, or jsonl: one document per line with its text, annotations (with "
                        "attributes) and links (default: by the file's extension, .jsonl or .ndjson)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("import-annotations", parents=[db], formatter_class=raw,
                       help="merge annotations from an exported CSV or JSON Lines file",
                       description="Merge the annotations of a CSV written by `export` "
                                   "(another analyst's work) into this database.", epilog="""\
Rows are matched to documents by document_sha256 (or, without it, by document_id of this
database). A file written by a script or another tool needs only the columns label, start,
end, text and document_sha256 (or document_id), in any order: a blank annotation_id is a new
annotation, blank times are now, a blank annotator is --annotator or the file's name, and
other columns are ignored with one note. A row whose document is not in this
database is skipped with one warning line. A row whose text differs from the document's
text at start:end, whose label is unknown or whose offsets lie outside the document is
refused: then nothing at all is imported, unless --skip-bad. A malformed row (wrong
number of cells, a number or time that does not parse) stops the import with one line,
unless --skip-bad. Importing the same file twice adds nothing the second time.
A JSON Lines file (.jsonl, .ndjson) written by export --format jsonl is merged with its
documents (one missing here is added, with its metadata), annotations, attributes and links.
A corpus of articles (JSON Lines, CSV or TSV with a text field, no annotations) is not
annotations: it goes to `annotator import`.""")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--skip-bad", action="store_true",
                   help="import the good rows and report the bad ones instead of refusing all")
    p.add_argument("--annotator", default="", metavar="NAME",
                   help="who made the rows whose annotator is blank (default: the file's name)")
    p.add_argument("--relations", metavar="FILE.csv",
                   help="also merge the links of a relations CSV written by export --relations")
    p.set_defaults(run=cmd_import_annotations)

    p = sub.add_parser("show", parents=[db], formatter_class=raw,
                       help="print a document with its spans marked",
                       description="Print a document with each annotation between ⟦ and ⟧ⁿ "
                                   "(n its number), then the list of the annotations.", epilog="""\
By default the text is printed in logical order, for terminals that shape and reorder
Arabic themselves. --visual joins the letters (presentation forms) and puts each line in
visual order, right-aligned, for terminals that cannot.""")
    p.add_argument("doc", type=int, metavar="DOC", help="document id, as `import` prints it")
    p.add_argument("--visual", action="store_true", help="shape and reorder for a plain terminal")
    p.add_argument("--width", type=int, default=0, help="line width for --visual "
                                                        "(default: the terminal's)")
    p.set_defaults(run=cmd_show)

    cli_agreement.add_parser(sub, db, cmd_agreement)
    cli_copy.add_parser(sub, db, _resolve_db)

    p = sub.add_parser("gui", parents=[db], formatter_class=raw, help="open the window",
                       description="Open the annotation window, importing the files given "
                                   "first. The same as `python main.py`.")
    p.add_argument("files", nargs="*", metavar="FILE", help="articles to import and open")
    p.set_defaults(run=cmd_gui)
    return parser


def _with_command(argv: list[str]) -> list[str]:
    """`annotator`, `annotator --db X` and `annotator FILE ...` open the window."""
    if not argv:
        return ["gui"]
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    if first.startswith("-") or Path(first).exists():
        return ["gui", *argv]
    return argv


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    args = build_parser().parse_args(_with_command(list(sys.argv[1:] if argv is None else argv)))
    try:
        return int(args.run(args))
    except (RejectedFile, DatabaseRefused, CsvRefused) as exc:
        _stderr(str(exc))
    except BrokenPipeError:  # `annotator show 1 | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:
        _stderr(f"{exc.filename or 'annotator'}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        _stderr("annotator: interrupted; nothing half-written")
        return 130
    return 1
