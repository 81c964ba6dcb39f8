"""The native JSON Lines exchange: one document per line with its text, spans (with attributes)
and links, offsets in code points; what `export --format jsonl` writes and `import-annotations`
reads back without loss.

A line:

    {"format": "annotator/1", "id": 1, "title": "…", "sha256": "…", "text": "…",
     "encoding": "utf-8", "source": "…",
     "outlet": "…", "url": "…", "published": "2024-07-11", "author": "…", "file_format": "html",
     "external_id": "…",
     "annotations": [{"id": 5, "label": "claim", "start": 10, "end": 42, "text": "…",
                      "note": "", "annotator": "huda", "created_at": "2024-07-11T09:30:00Z",
                      "updated_at": "2024-07-11T09:30:00Z", "attributes": {"certainty": "probable"}}],
     "relations": [{"id": 3, "type": "said_by", "from": 5, "to": 7, "annotator": "huda",
                    "created_at": "2024-07-11T09:31:00Z"}]}

Ids are the exporting database's; within a line, `from` and `to` name annotations of that line.
`source` is the name of the file the text was read from; `outlet` to `external_id` say where the
article came from (core.provenance, blank where unknown; a line without them is read as blank).

This is an annotation exchange, read by `annotator import-annotations`; a corpus of articles in
JSON Lines (one article per line, no annotations) is read by `annotator import` (core.corpus).
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from annotator.core.csvio import CsvRefused, format_time, parse_time
from annotator.core.provenance import UNKNOWN, Provenance, published_iso
from annotator.core.text import sha256_of

FORMAT = "annotator/1"
SUFFIXES = (".jsonl", ".ndjson")
MAX_LINE_BYTES = 256 * 2**20  # a document of up to 32 MiB with its spans, and room to spare


@dataclass(frozen=True, kw_only=True)
class Span:
    id: int | None
    label: str
    start: int
    end: int
    note: str = ""
    annotator: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Link:
    id: int | None
    type: str
    source: int  # a Span id of the same line
    target: int
    annotator: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class DocumentLine:
    title: str
    text: str
    id: int | None = None
    encoding: str = "utf-8"
    source: str = ""
    provenance: Provenance = UNKNOWN
    spans: tuple[Span, ...] = ()
    links: tuple[Link, ...] = ()
    line: int = field(default=0, compare=False)

    @property
    def sha256(self) -> str:
        return sha256_of(self.text)


def is_jsonl(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def encode(doc: DocumentLine) -> str:
    """One line of JSON (no line break inside: JSON escapes them), Arabic kept as it is."""
    about = doc.provenance
    return json.dumps({
        "format": FORMAT, "id": doc.id, "title": doc.title, "sha256": doc.sha256, "text": doc.text,
        "encoding": doc.encoding, "source": doc.source,
        "outlet": about.outlet, "url": about.url, "published": about.published, "author": about.author,
        "file_format": about.file_format, "external_id": about.external_id,
        "annotations": [{"id": s.id, "label": s.label, "start": s.start, "end": s.end,
                         "text": doc.text[s.start:s.end], "note": s.note, "annotator": s.annotator,
                         "created_at": format_time(s.created_at), "updated_at": format_time(s.updated_at),
                         "attributes": dict(s.attributes)} for s in doc.spans],
        "relations": [{"id": r.id, "type": r.type, "from": r.source, "to": r.target,
                       "annotator": r.annotator, "created_at": format_time(r.created_at)}
                      for r in doc.links],
    }, ensure_ascii=False)


def write_jsonl(path: str | os.PathLike[str], docs: Iterable[DocumentLine]) -> tuple[int, int, int]:
    """Write atomically (a temporary file, then a rename); returns (documents, spans, links)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.part")
    counts = [0, 0, 0]
    try:
        with open(tmp, "x", encoding="utf-8", newline="\n") as fh:
            for doc in docs:
                fh.write(encode(doc) + "\n")
                counts[0] += 1
                counts[1] += len(doc.spans)
                counts[2] += len(doc.links)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return counts[0], counts[1], counts[2]


def _get(obj: Mapping[str, Any], name: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
    if name not in obj or (obj[name] is None and default is not ...):
        if default is ...:
            raise ValueError(f"{name!r} is missing")
        return default
    value = obj[name]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ValueError(f"{name!r} has the wrong type ({type(value).__name__})")
    return value


def _time(obj: Mapping[str, Any], name: str) -> datetime | None:
    cell = _get(obj, name, str, "")
    if not cell:
        return None
    try:
        return parse_time(cell)
    except (ValueError, OverflowError):
        raise ValueError(f"{name} {cell[:40]!r} is not an ISO 8601 time") from None


def decode(raw: str, number: int = 0, first: bool = False) -> DocumentLine:
    """A line checked: types, offsets within the text, each span's text equal to the text's,
    links between spans of the line; ValueError says what is wrong. The `first` line of a file
    must name the format or hold annotations: a line of neither is an article of a corpus."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    if first and "format" not in obj and "annotations" not in obj:
        raise ValueError("neither 'format' nor 'annotations': not an annotation export but, it "
                         "seems, a corpus of articles; import that with `annotator import`")
    text = _get(obj, "text", str)
    if "sha256" in obj and _get(obj, "sha256", str) != sha256_of(text):
        raise ValueError("sha256 is not the SHA-256 of the text")
    spans = []
    for n, item in enumerate(_get(obj, "annotations", list, []), start=1):
        if not isinstance(item, dict):
            raise ValueError(f"annotation {n} is not a JSON object")
        try:
            start, end = _get(item, "start", int), _get(item, "end", int)
            if not 0 <= start < end <= len(text):
                raise ValueError(f"offsets {start}-{end} outside the text (0-{len(text)})")
            if "text" in item and _get(item, "text", str) != text[start:end]:
                raise ValueError(f"text does not match the document at {start}-{end}")
            attributes = _get(item, "attributes", dict, {})
            if not all(isinstance(k, str) and isinstance(v, str) for k, v in attributes.items()):
                raise ValueError("attributes must map names to strings")
            spans.append(Span(id=_get(item, "id", int, None), label=_get(item, "label", str), start=start,
                              end=end, note=_get(item, "note", str, ""),
                              annotator=_get(item, "annotator", str, ""),
                              created_at=_time(item, "created_at"), updated_at=_time(item, "updated_at"),
                              attributes=attributes))
        except ValueError as exc:
            raise ValueError(f"annotation {n}: {exc}") from None
    ids = {s.id for s in spans if s.id is not None}
    links = []
    for n, item in enumerate(_get(obj, "relations", list, []), start=1):
        if not isinstance(item, dict):
            raise ValueError(f"relation {n} is not a JSON object")
        try:
            source, target = _get(item, "from", int), _get(item, "to", int)
            if source not in ids or target not in ids:
                raise ValueError("'from' and 'to' must name annotations of the same line")
            links.append(Link(id=_get(item, "id", int, None), type=_get(item, "type", str), source=source,
                              target=target, annotator=_get(item, "annotator", str, ""),
                              created_at=_time(item, "created_at")))
        except ValueError as exc:
            raise ValueError(f"relation {n}: {exc}") from None
    return DocumentLine(title=_get(obj, "title", str, ""), text=text, id=_get(obj, "id", int, None),
                        encoding=_get(obj, "encoding", str, "utf-8"), source=_get(obj, "source", str, ""),
                        provenance=_provenance(obj), spans=tuple(spans), links=tuple(links), line=number)


_PROVENANCE = ("outlet", "url", "published", "author", "file_format", "external_id")


def _provenance(obj: Mapping[str, Any]) -> Provenance:
    """Where the document came from; each field may be missing (a file from before them)."""
    given = {name: _get(obj, name, str, "") for name in _PROVENANCE}
    given["published"] = published_iso(given["published"])  # ValueError names a wrong one
    return Provenance(**given)


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[DocumentLine]:
    """The file's documents, one line at a time; CsvRefused names the file and the line."""
    p = Path(path)
    try:
        fh = p.open("rb")
    except OSError as exc:
        raise CsvRefused(p, exc.strerror or str(exc)) from None
    with fh:
        first = True
        for number, data in enumerate(iter(lambda: fh.readline(MAX_LINE_BYTES + 1), b""), start=1):
            if len(data) > MAX_LINE_BYTES:
                raise CsvRefused(p, f"line {number}: longer than {MAX_LINE_BYTES // 2**20} MiB")
            if not data.strip():
                continue
            try:
                doc = decode(data.decode("utf-8"), number, first)
            except UnicodeDecodeError:
                raise CsvRefused(p, f"line {number}: not UTF-8") from None
            except ValueError as exc:
                raise CsvRefused(p, f"line {number}: {exc}") from None
            first = False
            yield doc
