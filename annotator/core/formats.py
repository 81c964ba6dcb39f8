"""Which reader turns a file into articles: chosen by the file's extension, or named (--format)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.corpus import RowRefused, read_csv_articles, read_json_lines
from annotator.core.text import Document, RejectedFile, lacks_letters, read_document

# Each format: its extensions, and what the analyst calls such files (the file dialog's filter).
FORMATS: dict[str, tuple[tuple[str, ...], str]] = {
    "txt": ((".txt",), "Text files"),
    "html": ((".html", ".htm"), "Saved web pages"),
    "jsonl": ((".jsonl", ".ndjson"), "JSON Lines corpora"),
    "csv": ((".csv",), "CSV corpora"),
    "tsv": ((".tsv",), "Tab-separated corpora"),
    "docx": ((".docx",), "Word documents"),
}
SUFFIXES = tuple(suffix for suffixes, _ in FORMATS.values() for suffix in suffixes)
_BY_SUFFIX = {suffix: name for name, (suffixes, _) in FORMATS.items() for suffix in suffixes}


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """How to read the files of one import: a format for all of them, corpus field names, and
    whether a text with no Arabic or Latin letter is taken (--force) rather than refused."""

    format: str = ""  # "" : each file by its extension
    fields: Mapping[str, str] = field(default_factory=dict)  # ours -> the corpus's (--field)
    force: bool = False


def format_of(path: Path, chosen: str = "") -> str:
    """`chosen`, else the format of the file's extension; a file of any other extension that
    the analyst names is read as text, as it always was."""
    return chosen or _BY_SUFFIX.get(path.suffix.lower(), "txt")


def read_articles_in(path: Path, options: ReadOptions = ReadOptions()
                     ) -> Iterable[Document | RowRefused]:
    """The articles of one file, in order, with a RowRefused for each bad line or row of a
    corpus; raises RejectedFile (on the call, or on the way for a corpus) when the file as a
    whole cannot be read. A text with no Arabic or Latin letter is refused (its line or row,
    or its file) unless `options.force`."""
    kind = format_of(path, options.format)
    force = options.force
    if kind == "txt":
        return (read_document(path, force),)  # one article: no generator to step through per file
    if kind == "jsonl":
        return read_json_lines(path, options.fields, force=force)
    if kind in ("csv", "tsv"):
        return read_csv_articles(path, options.fields, "\t" if kind == "tsv" else ",", kind, force=force)
    if kind == "html":
        from annotator.core.web_page import read_web_page  # lxml and trafilatura: only when needed

        doc = read_web_page(path)
    else:
        from annotator.core.word import read_word

        doc = read_word(path)
    if not force and (reason := lacks_letters(doc.text)) is not None:
        raise RejectedFile(path, reason)
    return (doc,)


def dialog_filter(names: Mapping[str, str] | None = None, articles: str = "Articles",
                  every_file: str = "All files") -> str:
    """A file dialog's name filter: every article file first, then each format, then all files;
    `names` (format -> name), `articles` and `every_file` are what the window shows (translated)."""
    shown = names or {}
    every = " ".join(f"*{s}" for s in SUFFIXES)
    each = [f"{shown.get(name, label)} ({' '.join(f'*{s}' for s in suffixes)})"
            for name, (suffixes, label) in FORMATS.items()]
    return ";;".join([f"{articles} ({every})", *each, f"{every_file} (*)"])
