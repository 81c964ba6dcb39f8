"""The relations CSV (`export --relations FILE`): one row per link, each end named both by the
exporting database's annotation id and by what names it in any database (document SHA-256,
label, offsets, annotator), so another analyst's file links the right spans when merged."""
from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from annotator.core.csvio import (
    ENCODING,
    MAX_CELL_CHARS,
    CsvRefused,
    format_time,
    guard,
    parse_time,
    unguard,
)

HEADER = ("relation_id", "type", "document_id", "document_sha256",
          "from_annotation_id", "from_label", "from_start", "from_end", "from_annotator", "from_text",
          "to_annotation_id", "to_label", "to_start", "to_end", "to_annotator", "to_text",
          "annotator", "created_at")


@dataclass(frozen=True, kw_only=True)
class SpanKey:
    """One end of a link, as any database can find it."""

    annotation_id: int | None  # in the exporting database
    label: str
    start: int
    end: int
    annotator: str
    text: str


@dataclass(frozen=True, kw_only=True)
class RelationRow:
    relation_id: int | None
    type: str
    document_id: int | None
    document_sha256: str
    source: SpanKey
    target: SpanKey
    annotator: str
    created_at: datetime | None
    line: int = field(default=0, compare=False)


def write_relations(path: str | os.PathLike[str], rows: Iterable[RelationRow]) -> int:
    """Write the relations CSV atomically (a temporary file, then a rename); returns the count."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.part")
    count = 0
    try:
        with open(tmp, "x", encoding=ENCODING, newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(HEADER)
            for r in rows:
                ends = [cell for key in (r.source, r.target)
                        for cell in (key.annotation_id, guard(key.label), key.start, key.end,
                                     guard(key.annotator), guard(key.text))]
                writer.writerow([r.relation_id, guard(r.type), r.document_id, r.document_sha256, *ends,
                                 guard(r.annotator), format_time(r.created_at)])
                count += 1
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def _number(cells: dict[str, str], name: str, optional: bool = False) -> int | None:
    cell = cells[name].strip()
    if not cell and optional:
        return None
    if not cell.isascii() or not cell.isdigit():
        raise ValueError(f"{name} {cell[:40]!r} is not a whole number")
    return int(cell)


def _end(cells: dict[str, str], side: str) -> SpanKey:
    start, end = _number(cells, f"{side}_start"), _number(cells, f"{side}_end")
    assert start is not None and end is not None
    return SpanKey(annotation_id=_number(cells, f"{side}_annotation_id", optional=True),
                   label=cells[f"{side}_label"], start=start, end=end,
                   annotator=cells[f"{side}_annotator"], text=cells[f"{side}_text"])


def read_relations(path: str | os.PathLike[str]) -> Iterator[RelationRow]:
    """The rows of a relations CSV, each checked; CsvRefused names the file and the row."""
    p = Path(path)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))
    try:
        fh = p.open("r", encoding=ENCODING, newline="")
    except OSError as exc:
        raise CsvRefused(p, exc.strerror or str(exc)) from None
    with fh:
        reader = csv.reader(fh, strict=True)
        try:
            header = [h.strip() for h in next(reader, [])]
        except (csv.Error, UnicodeDecodeError) as exc:
            raise CsvRefused(p, f"not a relations CSV ({exc})") from None
        missing = [h for h in HEADER if h not in header]
        if missing:
            raise CsvRefused(p, f"not a relations CSV: missing {', '.join(missing)} "
                                f"(the header is {','.join(HEADER)})")
        number = 1
        try:
            for values in reader:
                number += 1
                if not values:
                    continue
                if len(values) != len(header):
                    raise CsvRefused(p, f"row {number}: has {len(values)} cells, expected {len(header)}")
                cells = {name: unguard(v) for name, v in zip(header, values)}
                try:
                    created = cells["created_at"].strip()
                    yield RelationRow(relation_id=_number(cells, "relation_id", optional=True),
                                      type=cells["type"], document_id=_number(cells, "document_id", True),
                                      document_sha256=cells["document_sha256"].strip().lower(),
                                      source=_end(cells, "from"), target=_end(cells, "to"),
                                      annotator=cells["annotator"],
                                      created_at=parse_time(created) if created else None, line=number)
                except ValueError as exc:
                    raise CsvRefused(p, f"row {number}: {exc}") from None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise CsvRefused(p, f"row {number + 1}: malformed CSV ({exc})") from None
