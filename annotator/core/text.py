"""Decoding article files into Documents: encoding detection, SHA-256, titles, size limits."""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from annotator.core.provenance import UNKNOWN, Provenance

# Above this a file is refused: a news article is kilobytes; 32 MiB is a whole book.
MAX_FILE_BYTES = 32 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt"})

_SENTENCE_END = tuple(".!?؟:;،,؛…")
_HEAD_CHARS = 512


class RejectedFile(Exception):
    """A file that cannot become a document; str() is the one-line message for the user."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class Document:
    """An article's text exactly as decoded, with what is known about where it came from."""

    title: str
    text: str
    encoding: str
    source: str = ""  # the name of the file it was read from
    provenance: Provenance = UNKNOWN

    @cached_property
    def sha256(self) -> str:
        return sha256_of(self.text)

    def __len__(self) -> int:
        return len(self.text)


def sha256_of(text: str) -> str:
    # surrogatepass: a stored text is hashed exactly, whatever it holds.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise ValueError with the reason.

    Order: a byte-order mark decides; else strict UTF-8; else Windows-1256 when the result
    reads as Arabic. The BOM is dropped, nothing else is changed.
    """
    if not data:
        raise ValueError("empty file")
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                      (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                text = body.decode(name)
            except UnicodeDecodeError as exc:
                raise ValueError(
                    f"not valid {name.upper()} despite its byte-order mark "
                    f"({exc.reason} at byte {exc.start + len(bom)})") from None
            return _checked(text), "utf-8-sig" if name == "utf-8" else name
    if data.find(b"\x00", 0, 65536) >= 0:  # (no copy of the first 64 KiB to search it)
        raise ValueError("contains NUL bytes: a binary file, or UTF-16 without a byte-order mark")
    try:
        return _checked(data.decode("utf-8"), data), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if not data[:utf8_error.start].isascii():
        # Windows-1256 Arabic breaks UTF-8 at its first letter; valid UTF-8 letters before the
        # bad byte mean damaged UTF-8 (cut inside a letter, a stray byte), not another encoding.
        where = "the file ends inside a character" if utf8_error.end >= len(data) else \
            f"after {utf8_error.start:,} valid bytes"
        raise ValueError(f"not valid UTF-8 text: invalid byte 0x{data[utf8_error.start]:02x} "
                         f"at offset {utf8_error.start} ({where})")
    text = data.decode("cp1256", errors="replace")
    if "\ufffd" not in text and reads_as_arabic(text):
        return _checked(text), "windows-1256"
    raise ValueError(
        f"not UTF-8, UTF-16 or Windows-1256 text (invalid byte 0x{data[utf8_error.start]:02x} "
        f"at offset {utf8_error.start})")


def reads_as_arabic(text: str) -> bool:
    """Whether most of the letters beyond ASCII are Arabic (and none are binary controls)."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    arabic = sum(1 for c in non_ascii if "\u0600" <= c <= "\u06ff")
    return bool(non_ascii) and arabic >= 0.6 * len(non_ascii) and not _has_binary_controls(text)


# C0/C1 control characters other than white space and ESC: a sign of a binary file.
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
# The same characters in UTF-8 bytes: the C0 ones and DEL are single bytes that never occur
# inside a longer sequence, and U+0080-U+009F are \xc2 followed by \x80-\x9f.
_NOT_C0_BYTES = bytes(b for b in range(256) if not _BINARY_CONTROLS.match(chr(b)) or b >= 0x80)
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_CONTROL_SCAN = 65536  # characters from the start: a binary file shows itself early


def _has_binary_controls(text: str) -> bool:
    return _BINARY_CONTROLS.search(text) is not None


# A letter of the Arabic script or the Latin alphabet: an article has some near its start.
_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u0620-\u064a\u066e-\u06d3\u06fa-\u06fc\u0750-\u077f"
                     "\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]")


def lacks_letters(text: str) -> str | None:
    """Why `text` is not an article although it decoded (no Arabic or Latin letter in its
    start: bytes read in the wrong encoding, «最牡慢敧膀»), or None when it has letters."""
    if _LETTER.search(text, 0, _CONTROL_SCAN) is not None:
        return None
    shown = " ".join(text[:12].split())
    return (f"decodes to no Arabic or Latin letters (it starts «{shown}»): not an article, or "
            "not in an encoding this tool recognises (annotator import --force takes it as it is)")


def _checked(text: str, utf8: bytes | None = None) -> str:
    """`text`, unless empty or binary; `utf8`, its bytes when it was read as UTF-8, is faster
    to search (bytes.translate and a literal-led regex) than the decoded text."""
    if not text or text.isspace():  # isspace, not strip: no copy of the text
        raise ValueError("empty file (no text, only white space)")
    if ("\x00" in text) if utf8 is None else (b"\x00" in utf8):  # bytes: a plain memchr
        raise ValueError("contains NUL characters: not a text file")
    if utf8 is not None and len(utf8) <= _CONTROL_SCAN:  # then all of it is within the scan
        binary = bool(utf8.translate(None, _NOT_C0_BYTES)) or (
            b"\xc2" in utf8 and _C1_UTF8.search(utf8) is not None)
    else:
        binary = _has_binary_controls(text[:_CONTROL_SCAN])
    if binary:
        raise ValueError("contains control characters: not a text file")
    return text


def title_for(path: str | os.PathLike[str], text: str) -> str:
    """The first line when it is a short headline, else the file name without extension."""
    return headline(text) or Path(path).stem


def headline(text: str) -> str:
    """The first line when it reads as a headline (short, no sentence end, text after it), else ""."""
    head = text.lstrip("\ufeff")[:_HEAD_CHARS]  # a headline is short: never split the whole text
    lines = head.splitlines()
    first = lines[0].strip() if lines else ""
    words = first.split()
    if 3 <= len(words) <= 15 and 10 <= len(first) <= 100 and not first.endswith(_SENTENCE_END):
        if any(line.strip() for line in lines[1:]) or text[_HEAD_CHARS:].strip():
            return first
    return ""


_TEXT_FILE = Provenance(file_format="txt")


def read_document(path: str | os.PathLike[str], force: bool = False) -> Document:
    """Read one file into a Document, or raise RejectedFile saying why; `force` takes a text
    without Arabic or Latin letters too."""
    p, text, encoding, data = _load(path)
    if not force and (reason := lacks_letters(text)) is not None:
        raise RejectedFile(p, reason)
    doc = Document(title=title_for(p, text), text=text, encoding=encoding, source=p.name,
                   provenance=_TEXT_FILE)
    if encoding == "utf-8":
        # Strict UTF-8 without a BOM: the bytes are exactly the text's UTF-8, so hash them
        # rather than encode the text again (the cached value sha256 would compute).
        doc.__dict__["sha256"] = hashlib.sha256(data).hexdigest()
    return doc


def _load(path: str | os.PathLike[str]) -> tuple[Path, str, str, bytes]:
    """(path, text, encoding, bytes read) of one file, or RejectedFile saying why not."""
    p = path if isinstance(path, Path) else Path(path)
    try:
        data = read_bytes(p)
    except OSError as exc:
        raise RejectedFile(p, exc.strerror or str(exc)) from None
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        raise RejectedFile(p, str(exc)) from None
    return p, text, encoding, data


def read_bytes(p: Path) -> bytes:
    """The whole file, read raw (no buffered file object for a file read in one go); raises
    RejectedFile when it is larger than MAX_FILE_BYTES, OSError when it cannot be read."""
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size  # from the open file: one lookup of the path, not two
        if size > MAX_FILE_BYTES:
            raise _too_large(p, size)
        data = os.read(fd, size + 1)  # one byte more: a file that grew since is read to its end
        if len(data) != size:  # it changed meanwhile (or a short read): read on to its end
            parts, total = [data], len(data)
            while total <= MAX_FILE_BYTES and (part := os.read(fd, 1 << 20)):
                parts.append(part)
                total += len(part)
            data = b"".join(parts)
            if total > MAX_FILE_BYTES:
                raise RejectedFile(p, f"too large (it grew past the limit of "
                                      f"{MAX_FILE_BYTES:,} bytes while being read)")
    finally:
        os.close(fd)
    return data


def _too_large(p: Path, size: int) -> RejectedFile:
    return RejectedFile(p, f"too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")


def iter_text_files(paths: Iterable[str | os.PathLike[str]],
                    suffixes: Collection[str] = TEXT_SUFFIXES) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, None) for each file named or, in folders, each file with one of the
    `suffixes`; (path, reason) for one skipped or missing."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in _files_under(p):
                if child.suffix.lower() in suffixes:
                    yield child, None
                else:
                    named = suffixes if isinstance(suffixes, tuple) else sorted(suffixes)
                    yield child, f"skipped: not a {'/'.join(named)} file"
        elif p.is_file():
            yield p, None
        elif not p.exists():
            yield p, "no such file or folder"
        else:
            yield p, "not a regular file"


def _files_under(folder: Path) -> list[Path]:
    """Every file in `folder` and its subfolders, sorted by path; symlinked folders not entered.

    os.scandir learns file from folder without a stat call per entry, which Path.rglob makes.
    """
    found: list[str] = []
    pending = [os.fspath(folder)]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:  # an unreadable subfolder is left out, as Path.rglob does
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif entry.is_file():
                    found.append(entry.path)
            except OSError:  # a link to itself, say: that one entry is not a file, the rest are
                continue
    found.sort()
    return [Path(f) for f in found]
