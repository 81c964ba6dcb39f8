"""Corpus files: JSON Lines and CSV, one article per line or row, read as a stream.

A bad line or row is a `RowRefused` among the documents and the others are read on; a file
that is not of its format at all (its first line is no JSON object, its header names no
text column) is refused whole, before any article is read from it.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from annotator.core.provenance import MAX_TITLE_CHARS, Provenance, one_line, published_iso
from annotator.core.text import (
    MAX_FILE_BYTES,
    Document,
    RejectedFile,
    headline,
    lacks_letters,
    reads_as_arabic,
)

# What an article may carry, by the names a corpus uses unless --field maps them elsewhere.
FIELDS = ("text", "title", "url", "source", "published", "id", "author")
# A line (or a CSV cell) may hold one article of up to the largest file we accept.
MAX_LINE_BYTES = MAX_FILE_BYTES
_MAX_URL_CHARS = 4000
_MAX_FIELD_CHARS = 1000
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")  # NUL, and halves of a UTF-16 pair alone
_BOM = b"\xef\xbb\xbf"
# The columns of an annotation CSV (`annotator export`): not articles, whatever `text` holds.
_ANNOTATION_COLUMNS = frozenset({"document_sha256", "label", "start", "end"})


@dataclass(frozen=True)
class RowRefused:
    """One line or row that holds no article; the rest of its file is read on."""

    where: str  # "line 17", or for CSV "row 5" with the line when they differ
    reason: str


def field_map(pairs: Mapping[str, str]) -> dict[str, str]:
    """Each of FIELDS to the name it has in the files: itself unless `pairs` maps it."""
    unknown = sorted(set(pairs) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown field {', '.join(unknown)} (fields: {', '.join(FIELDS)})")
    return {name: pairs.get(name, name) for name in FIELDS}


def article_from(record: Mapping[str, object], names: Mapping[str, str], *, path: Path,
                 where: str, encoding: str, file_format: str, force: bool = False) -> Document:
    """The article a record holds, or ValueError saying what is wrong with it; a text with no
    Arabic or Latin letter is wrong too, unless `force`."""
    text = record.get(names["text"])
    if text is None:
        raise ValueError(f"no {names['text']!r} (the article's text)")
    if not isinstance(text, str):
        raise ValueError(f"{names['text']!r} is {_kind(text)}, not text")
    if not text or text.isspace():  # (isspace, not strip: no copy of the text)
        raise ValueError(f"{names['text']!r} is blank")
    try:
        data = text.encode("utf-8")  # also what its SHA-256 is taken of, below
    except UnicodeEncodeError as exc:
        raise ValueError(f"{names['text']!r} holds {_named(text[exc.start])} at {exc.start}, "
                         "which is not text") from None
    if b"\x00" in data:
        raise ValueError(f"{names['text']!r} holds {_named(chr(0))} at {text.index(chr(0))}, "
                         "which is not text")
    if not force and (reason := lacks_letters(text)) is not None:
        raise ValueError(reason)
    about = Provenance(
        outlet=_text(record, names["source"]), url=_text(record, names["url"], _MAX_URL_CHARS),
        published=published_iso(_text(record, names["published"])),
        author=_text(record, names["author"]), external_id=_text(record, names["id"], number=True),
        file_format=file_format)
    title = _text(record, names["title"], title=True) or headline(text) or f"{path.name}, {where}"
    doc = Document(title=title, text=text, encoding=encoding, source=path.name, provenance=about)
    doc.__dict__["sha256"] = hashlib.sha256(data).hexdigest()  # the cached value, from these bytes
    return doc


def _text(record: Mapping[str, object], name: str, limit: int = _MAX_FIELD_CHARS,
          number: bool = False, title: bool = False) -> str:
    """Field `name` of the record as one line of text, "" when absent; a title is cut to
    MAX_TITLE_CHARS, anything else longer than `limit` refused."""
    limit = MAX_TITLE_CHARS if title else limit
    given = record.get(name)
    if type(given) is str:
        if len(given) <= limit and given.isprintable() and "  " not in given:
            return given.strip()  # the usual case: no line breaks, tabs, NUL or surrogates
    elif given is None:
        return ""
    elif number and type(given) is int:
        return str(given)
    else:
        raise ValueError(f"{name!r} is {_kind(given)}, not text")
    bad = _NOT_TEXT.search(given)
    if bad is not None:
        raise ValueError(f"{name!r} holds {_named(bad.group())}, which is not text")
    if not title and len(given) > limit and len(given.strip()) > limit:
        raise ValueError(f"{name!r} is {len(given.strip()):,} characters long (the limit is {limit:,})")
    return one_line(given, limit)


def _named(char: str) -> str:
    return "a NUL character" if char == "\x00" else f"a lone surrogate (U+{ord(char):04X})"


def _kind(value: object) -> str:
    kinds = {bool: "true or false", int: "a number", float: "a number", list: "a list",
             dict: "an object"}
    return kinds.get(type(value), type(value).__name__)


# -- reading lines -------------------------------------------------------------------------
def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise RejectedFile(path, exc.strerror or str(exc)) from None


def _lines(fh: BinaryIO) -> Iterator[bytes | None]:
    """Each line of the file, or None for one longer than MAX_LINE_BYTES (skipped unread)."""
    while line := fh.readline(MAX_LINE_BYTES + 1):
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _too_long() -> str:
    return f"longer than {MAX_LINE_BYTES:,} bytes"


# -- JSON Lines ----------------------------------------------------------------------------
def read_json_lines(path: str | os.PathLike[str], fields: Mapping[str, str] | None = None,
                    file_format: str = "jsonl", *, force: bool = False
                    ) -> Iterator[Document | RowRefused]:
    """The articles of a JSON Lines file, one JSON object per line, UTF-8; `force` takes a
    text with no Arabic or Latin letter too."""
    p = Path(path)
    names = field_map(fields or {})
    first = True
    with _open(p) as fh:
        for number, line in enumerate(_lines(fh), start=1):
            where = f"line {number}"
            if line is None:
                if first:
                    raise RejectedFile(p, f"not JSON Lines: line {number} is {_too_long()}")
                yield RowRefused(where, _too_long())
                continue
            if number == 1:
                line = line.removeprefix(_BOM)
            if not line.strip():
                continue
            try:
                record = _json_object(line)
            except ValueError as exc:
                if first:
                    raise RejectedFile(p, f"not JSON Lines: line {number} {exc}") from None
                yield RowRefused(where, str(exc))
                continue
            if first and _is_exchange(record):
                raise RejectedFile(p, "is an annotation export (JSON Lines as `annotator export` "
                                      "writes), not articles: merge it with "
                                      "`annotator import-annotations`")
            if first and names["text"] not in record:
                raise RejectedFile(p, f"line {number} has no field {names['text']!r} (fields: "
                                      f"{_listed(record)}); name the text's field with "
                                      f"--field text=NAME")
            first = False
            try:
                yield article_from(record, names, path=p, where=where, encoding="utf-8",
                                   file_format=file_format, force=force)
            except ValueError as exc:
                yield RowRefused(where, str(exc))


def field_names(path: str | os.PathLike[str], file_format: str) -> list[str]:
    """The fields a corpus file's articles have, as its first line (JSON Lines: the keys of its
    first object) or its header (CSV, TSV) names them, for choosing which holds the text; [] when
    the file does not tell (not of its format, unreadable: its import says why)."""
    p = Path(path)
    try:
        with _open(p) as fh:
            if file_format == "jsonl":
                for number, line in enumerate(_lines(fh), start=1):
                    if line is None:
                        return []
                    line = line.removeprefix(_BOM) if number == 1 else line
                    if line.strip():
                        record = _json_object(line)
                        return [] if _is_exchange(record) else [str(k) for k in record]
                return []
            encoding = _csv_encoding(fh.read(65536))
            fh.seek(0)
            reader = csv.reader(_CsvLines(fh, encoding), delimiter="\t" if file_format == "tsv" else ",",
                                strict=True)
            header = [cell.strip() for cell in next(reader, [])]
    except (RejectedFile, ValueError, csv.Error, _LineTooLong, OSError):
        return []
    return [] if _ANNOTATION_COLUMNS <= set(header) else [h for h in header if h]


def _is_exchange(record: Mapping[str, object]) -> bool:
    """Whether a line is of the annotation exchange (core.jsonl), which names its format."""
    given = record.get("format")
    return isinstance(given, str) and given.startswith("annotator/")


def _json_object(line: bytes) -> dict[str, object]:
    line = line.rstrip(b"\r\n")  # so a string cut short is told as one, not as a bad character
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"is not UTF-8 (invalid byte 0x{line[exc.start]:02x} at byte "
                         f"{exc.start + 1} of the line)") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"is not JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") \
            from None
    except ValueError as exc:  # a number of more digits than Python converts, say
        raise ValueError(f"is not JSON Python reads ({exc})") from None
    except RecursionError:
        raise ValueError("is nested too deeply to be an article") from None
    if not isinstance(value, dict):
        raise ValueError(f"is {_kind(value)}, not a JSON object")
    return value


def _listed(record: Mapping[str, object]) -> str:
    names = [str(k) for k in list(record)[:12]]
    return ", ".join(names) + (", …" if len(record) > 12 else "") if names else "none"


# -- CSV -----------------------------------------------------------------------------------
def read_csv_articles(path: str | os.PathLike[str], fields: Mapping[str, str] | None = None,
                      delimiter: str = ",", file_format: str = "csv", *, force: bool = False
                      ) -> Iterator[Document | RowRefused]:
    """The articles of a CSV (or, with a tab delimiter, TSV) file with a header row, in UTF-8
    or Windows-1256; quoted cells may hold line breaks, which are kept; `force` takes a text
    with no Arabic or Latin letter too."""
    p = Path(path)
    names = field_map(fields or {})
    with _open(p) as fh:
        encoding = _csv_encoding(fh.read(65536))
        fh.seek(0)
        lines = _CsvLines(fh, encoding)
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_BYTES))
        columns, width = _header(p, reader, lines, names, delimiter)
        row = 1  # the header, as a spreadsheet counts
        while True:
            start = lines.count + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield RowRefused(_where(row + 1, start),
                                 f"malformed CSV ({exc}); the rest of the file was not read")
                return
            except _LineTooLong as exc:
                yield RowRefused(_where(row + 1, start), f"{exc}; the rest of the file was not read")
                return
            row += 1
            if not cells:
                continue
            where = _where(row, start)
            bad = lines.bad_between(start, lines.count)
            if bad:
                yield RowRefused(where, bad)
            elif len(cells) != width:
                yield RowRefused(where, f"has {len(cells)} cells; the header has {width}")
            else:
                try:
                    yield article_from({names[ours]: cells[i] for ours, i in columns.items()}, names,
                                       path=p, where=where, encoding=encoding,
                                       file_format=file_format, force=force)
                except ValueError as exc:
                    yield RowRefused(where, str(exc))


def _header(p: Path, reader: Iterator[list[str]], lines: _CsvLines, names: Mapping[str, str],
            delimiter: str) -> tuple[dict[str, int], int]:
    try:
        header = [cell.strip() for cell in next(reader, [])]
    except (csv.Error, _LineTooLong) as exc:
        raise RejectedFile(p, f"not a CSV file ({exc})") from None
    if lines.bad_between(1, lines.count):
        raise RejectedFile(p, f"not a CSV file: the header {lines.bad_between(1, lines.count)}")
    if not header:
        raise RejectedFile(p, "empty file: expected a header naming the columns, one of them "
                              f"{names['text']!r}")
    if _ANNOTATION_COLUMNS <= set(header):
        raise RejectedFile(p, "is an annotation CSV (as `annotator export` writes), not "
                              "articles: merge it with `annotator import-annotations`")
    twice = sorted({h for h in header if h and header.count(h) > 1 and h in names.values()})
    if twice:
        raise RejectedFile(p, f"not an article CSV: column {', '.join(twice)} given twice")
    if names["text"] not in header:
        shown = delimiter.join(header)[:60]
        hint = next((f"; are its columns separated by {name} rather than {_NAMED[delimiter]}?"
                     for mark, name in _NAMED.items() if mark != delimiter and mark in shown
                     and len(header) == 1), "; name the text's column with --field text=NAME")
        raise RejectedFile(p, f"not an article CSV: no column {names['text']!r} in the header "
                              f"{shown!r}{hint}")
    return {ours: header.index(theirs) for ours, theirs in names.items() if theirs in header}, \
        len(header)


_NAMED = {",": "commas", "\t": "tabs", ";": "semicolons", "|": "bars"}


def _where(row: int, first_line: int) -> str:
    return f"row {row}" if row == first_line else f"row {row} (line {first_line})"


def _csv_encoding(sample: bytes) -> str:
    """UTF-8 (a byte-order mark or not), or Windows-1256 when the start of the file is not
    UTF-8 but reads as Arabic in it (Excel saves CSV so on Arabic Windows)."""
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"  # the sample ends inside a character
        start = exc.start
    as_arabic = sample.decode("cp1256", errors="replace")
    if sample[:start].isascii() and "\ufffd" not in as_arabic and reads_as_arabic(as_arabic):
        return "windows-1256"
    return "utf-8"


class _LineTooLong(Exception):
    """A physical line past MAX_LINE_BYTES: the reader stops there."""


class _CsvLines:
    """The file's lines decoded for csv.reader, counted; a line that does not decode is
    passed on with replacement characters and noted, so its row can be refused by number."""

    def __init__(self, fh: BinaryIO, encoding: str) -> None:
        self._lines = _lines(fh)
        self._codec = "cp1256" if encoding == "windows-1256" else "utf-8"
        self.count = 0
        self._bad: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count += 1
        if line is None:
            raise _LineTooLong(f"line {self.count} is {_too_long()}")
        if self.count == 1:
            line = line.removeprefix(_BOM)
        try:
            return line.decode(self._codec)
        except UnicodeDecodeError as exc:
            if len(self._bad) < 1000:
                self._bad[self.count] = (f"is not {self._codec.upper().replace('CP', 'Windows-')} "
                                         f"text (invalid byte 0x{line[exc.start]:02x} on line "
                                         f"{self.count})")
            return line.decode(self._codec, errors="replace")

    def bad_between(self, first: int, last: int) -> str:
        """The reason a line from `first` to `last` did not decode, or ""."""
        if not self._bad:
            return ""
        return next((self._bad.pop(n) for n in range(first, last + 1) if n in self._bad), "")
