"""The CSV contract: header, streaming writer with the formula guard, validating reader."""
from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from annotator.core.text import MAX_FILE_BYTES

HEADER = ("document_id", "document_title", "document_sha256", "annotation_id", "label",
          "start", "end", "text", "note", "annotator", "created_at", "updated_at")
# What a CSV written by a script or another tool must have, in any order, besides the
# document's SHA-256 or its id in this database; the other columns may be left out or blank.
REQUIRED = ("label", "start", "end", "text")
_DOCUMENT_KEYS = ("document_sha256", "document_id")
# What `export --metadata` appends after the twelve: where each annotation's document came from.
METADATA_HEADER = ("document_source", "document_url", "document_published")
# `export --attributes` appends one column per attribute, named with this prefix.
ATTRIBUTE_PREFIX = "attr_"
_MAX_HEADER_CHARS = 64 * 1024
KNOWN = frozenset(HEADER + METADATA_HEADER)

# UTF-8 with a byte-order mark, so Excel reads the Arabic as UTF-8; RFC 4180 line ends.
ENCODING = "utf-8-sig"
# A span may be a whole document, so a cell may be as long as the longest article we accept.
MAX_CELL_CHARS = MAX_FILE_BYTES
_MAX_LINE_CHARS = 2 * MAX_CELL_CHARS + 4096
# Reasons kept for bad rows: enough to fix a file, bounded for a file of garbage.
MAX_REPORTED = 100

# A spreadsheet runs a cell starting with one of these as a formula ...
_FORMULA_START = frozenset("=+-@\t\r")
# ... unless it reads as a plain number or percentage, which it takes as a value.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)%?")
_WHOLE_NUMBER = re.compile(r"[0-9]+")
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


@dataclass(frozen=True)
class CsvRow:
    """One annotation as it appears in the CSV (times in UTC: aware, or naive meaning UTC)."""

    document_id: int | None  # None: not given (the SHA-256 is)
    document_title: str
    document_sha256: str  # "" when not given (the id is)
    annotation_id: int | None  # None: a new annotation
    label: str
    start: int
    end: int
    text: str
    note: str
    annotator: str
    created_at: datetime | None  # None: now
    updated_at: datetime | None
    # The spreadsheet row (header = 1) a value was read from; 0 when it was not read from a file.
    line: int = field(default=0, compare=False, repr=False)
    # Attribute name -> value (`attr_NAME` columns); an unset attribute is absent.
    attributes: Mapping[str, str] = field(default_factory=dict)
    # The document's outlet, URL and publication date (ISO 8601), for `--metadata`.
    document_source: str = ""
    document_url: str = ""
    document_published: str = ""


class CsvRefused(Exception):
    """A CSV file (or one of its rows) that cannot be read or written; str() is the one-line message."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


# -- the formula guard ---------------------------------------------------------------------
def _runs_as_formula(cell: str) -> bool:
    return cell[:1] in _FORMULA_START and _PLAIN_NUMBER.fullmatch(cell) is None


def guard(cell: str) -> str:
    """Prefix one apostrophe to a cell a spreadsheet would run as a formula.

    Leading apostrophes are looked through, so `'=x` becomes `''=x` and `unguard` can tell
    an added apostrophe from one the analyst typed: the round trip is exact for every string.
    """
    return "'" + cell if _runs_as_formula(cell.lstrip("'")) else cell


def unguard(cell: str) -> str:
    """Remove the apostrophe that `guard` added, and only that one."""
    if cell[:1] == "'" and _runs_as_formula(cell.lstrip("'")):
        return cell[1:]
    return cell


# -- writing -------------------------------------------------------------------------------
def format_time(value: datetime | None) -> str:
    """ISO 8601 in UTC with a `Z`, e.g. 2024-07-11T09:30:00Z; a naive value is taken as UTC.

    No time (a row read from a script's CSV) is an empty cell.
    """
    if value is None:
        return ""
    if value.tzinfo is None:  # what an export streams from the store: the fast path
        return value.isoformat() + "Z"
    if value.tzinfo is UTC:
        return value.isoformat()[:-6] + "Z"
    return value.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


# Cells that may need the guard start with one of these (an apostrophe, for the round trip).
_GUARD_STARTS = (*_FORMULA_START, "'")
# Titles, labels and annotators repeat row after row: each is guarded once, up to this many.
_REPEATED_CELLS = 10_000


def write_rows(rows: Iterable[CsvRow], out: TextIO,
               on_row: Callable[[], object] | None = None, attributes: Sequence[str] = (),
               metadata: bool = False) -> int:
    """Write the header and one line per row as they come (nothing is collected); returns the count.

    `metadata` appends the METADATA_HEADER columns after the twelve, and `attributes` names the
    `attr_NAME` columns appended after those. `out` must be opened with newline="" so the CRLF
    line ends and quoted line breaks stay as written.
    """
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER + (METADATA_HEADER if metadata else ())
                    + tuple(ATTRIBUTE_PREFIX + name for name in attributes))
    shown: dict[str, str] = {}

    def repeated(cell: str) -> str:
        value = shown.get(cell)
        if value is None:
            if len(shown) >= _REPEATED_CELLS:
                shown.clear()
            value = shown[cell] = guard(cell)
        return value

    count = 0
    for row in rows:
        text, note = row.text, row.note
        cells: tuple[object, ...] = (
            row.document_id, repeated(row.document_title), row.document_sha256, row.annotation_id,
            repeated(row.label), row.start, row.end,
            guard(text) if text.startswith(_GUARD_STARTS) else text,
            guard(note) if note.startswith(_GUARD_STARTS) else note,
            repeated(row.annotator), format_time(row.created_at), format_time(row.updated_at))
        if metadata:
            cells += (repeated(row.document_source), repeated(row.document_url),
                      repeated(row.document_published))
        if attributes:
            cells += tuple(guard(row.attributes.get(name, "")) for name in attributes)
        writer.writerow(cells)
        count += 1
        if on_row is not None:
            on_row()
    return count


def write_csv(path: str | os.PathLike[str], rows: Iterable[CsvRow],
              on_row: Callable[[], object] | None = None, attributes: Sequence[str] = (),
              metadata: bool = False) -> int:
    """Write the CSV to `path` atomically: a temporary file beside it, then one rename.

    If anything fails on the way, `path` is as it was before and no temporary file remains.
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.part")
    # Created like any file (the umask decides its mode), and never over an existing one.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with open(fd, "w", encoding=ENCODING, newline="") as fh:
            count = write_rows(rows, fh, on_row, attributes, metadata)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


# -- reading -------------------------------------------------------------------------------
def parse_time(cell: str) -> datetime:
    """An ISO 8601 time as aware UTC; a time without a zone is taken as UTC."""
    value = datetime.fromisoformat(cell.strip())
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _whole_number(name: str, cell: str) -> int:
    if _WHOLE_NUMBER.fullmatch(cell) is None:
        raise ValueError(f"{name} {cell!r} is not a whole number")
    return int(cell)


def _optional_number(name: str, cell: str) -> int | None:
    return None if not cell.strip() else _whole_number(name, cell)


def _optional_time(name: str, cell: str) -> datetime | None:
    if not cell.strip():
        return None
    try:
        return parse_time(cell)
    except (ValueError, OverflowError):
        raise ValueError(f"{name} {cell[:80]!r} is not an ISO 8601 time") from None


def _row_from(cells: list[str], columns: dict[str, int], width: int, line: int,
              annotator: str) -> CsvRow:
    if len(cells) != width:
        raise ValueError(f"has {len(cells)} cells, expected {width}")
    value = {name: unguard(cells[i]) for name, i in columns.items() if name in KNOWN}
    attributes = {name[len(ATTRIBUTE_PREFIX):]: unguard(cells[i]).strip() for name, i in columns.items()
                  if name.startswith(ATTRIBUTE_PREFIX) and cells[i].strip()}
    get = value.get
    sha = get("document_sha256", "")
    if (sha or not get("document_id", "").strip()) and _SHA256.fullmatch(sha) is None:
        raise ValueError(f"document_sha256 {sha[:80]!r} is not a SHA-256 (64 hex digits)")
    return CsvRow(
        document_id=_optional_number("document_id", get("document_id", "")),
        document_title=get("document_title", ""), document_sha256=sha.lower(),
        annotation_id=_optional_number("annotation_id", get("annotation_id", "")),
        label=value["label"], start=_whole_number("start", value["start"]),
        end=_whole_number("end", value["end"]), text=value["text"], note=get("note", ""),
        annotator=get("annotator", "") or annotator,
        created_at=_optional_time("created_at", get("created_at", "")),
        updated_at=_optional_time("updated_at", get("updated_at", "")), line=line,
        attributes=attributes, document_source=get("document_source", ""),
        document_url=get("document_url", ""), document_published=get("document_published", ""))


class CsvReader:
    """Iterate the annotations of an exported CSV, checking every row as it is read.

    The header must be exactly `HEADER`. A malformed row raises CsvRefused naming the row,
    unless `skip_bad`, which leaves it out and records the reason in `skipped`. Opening the
    file and checking the header happen in the constructor, so a wrong file fails at once.
    """

    def __init__(self, path: str | os.PathLike[str], skip_bad: bool = False,
                 annotator: str = "") -> None:
        self.path = Path(path)
        self.skip_bad = skip_bad
        # Who made rows with a blank annotator: the option, else the file's name.
        self.annotator = annotator or self.path.stem
        self.columns: dict[str, int] = {}  # column name -> its index in a row
        self.ignored_columns: list[str] = []
        self.skipped: list[str] = []  # the first MAX_REPORTED reasons; all are counted
        self.skipped_count = 0
        try:
            self._fh = self.path.open("r", encoding=ENCODING, newline="")
        except OSError as exc:
            raise CsvRefused(self.path, exc.strerror or str(exc)) from None
        try:
            self._check_header()
        except BaseException:
            self._fh.close()
            raise

    def _refuse(self, reason: str) -> CsvRefused:
        return CsvRefused(self.path, reason)

    def _lines(self) -> Iterator[str]:
        """The file's lines, refusing one too long to be a row instead of loading it whole."""
        while True:
            try:
                line = self._fh.readline(_MAX_LINE_CHARS)
            except UnicodeDecodeError:
                raise self._refuse("not UTF-8 text (invalid bytes after the header): "
                                   "not an annotation CSV") from None
            if not line:
                return
            if len(line) == _MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
                raise self._refuse(f"a line longer than {_MAX_LINE_CHARS:,} characters: "
                                   "not an annotation CSV")
            yield line

    def _check_header(self) -> None:
        self._lines_iter = self._lines()
        self._csv = csv.reader(self._lines_iter, strict=True)
        expected = ",".join(HEADER)
        try:
            first = self._fh.readline(_MAX_HEADER_CHARS)
            if not first:
                raise self._refuse("empty file: expected the header " + expected)
            header = [name.strip().lstrip("\ufeff") for name in next(csv.reader([first]), [])]
        except UnicodeDecodeError:
            raise self._refuse("not UTF-8 text: not an annotation CSV") from None
        except csv.Error as exc:
            raise self._refuse(f"not an annotation CSV ({exc})") from None
        missing = [h for h in REQUIRED if h not in header]
        if not any(key in header for key in _DOCUMENT_KEYS):
            missing.append(" or ".join(_DOCUMENT_KEYS))
        twice = sorted({h for h in header if h in KNOWN and header.count(h) > 1})
        if missing or twice:
            shown = first.strip()[:60] + ("…" if len(first.strip()) > 60 else "")
            found = [h for h in header if h in KNOWN]
            detail = (f"{', '.join(twice)} given twice" if twice else
                      f"missing {', '.join(missing)}" if found else f"first line is {shown!r}")
            raise self._refuse(f"not an annotation CSV: the header must name "
                               f"{', '.join(REQUIRED)} and {' or '.join(_DOCUMENT_KEYS)}, "
                               f"as in {expected} ({detail})")
        self.columns = {name: i for i, name in enumerate(header)
                        if name in KNOWN or (name.startswith(ATTRIBUTE_PREFIX) and len(name) > len(ATTRIBUTE_PREFIX))}
        self._width = len(header)
        self.ignored_columns = [h for h in header if h not in self.columns]

    def __iter__(self) -> Iterator[CsvRow]:
        csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))
        number = 1  # the header is row 1, as a spreadsheet counts
        try:
            while True:
                try:
                    cells = next(self._csv)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise self._refuse(f"row {number + 1}: malformed CSV ({exc})") from None
                number += 1
                if not cells:
                    continue  # a blank line
                try:
                    yield _row_from(cells, self.columns, self._width, number, self.annotator)
                except ValueError as exc:
                    if not self.skip_bad:
                        raise self._refuse(f"row {number}: {exc}") from None
                    self.skipped_count += 1
                    if len(self.skipped) < MAX_REPORTED:
                        self.skipped.append(f"{self.path}: row {number}: {exc}; skipped")
        finally:
            self.close()

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> CsvReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
