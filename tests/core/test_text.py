"""Decoding article files: every accepted encoding keeps the text, and so the offsets, exactly."""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import (
    MAX_FILE_BYTES,
    RejectedFile,
    decode,
    iter_text_files,
    read_document,
    title_for,
)

ARABIC = "قال وزير الدفاع إن عدد الممرات يبلغ 3، وإن 47 غارة شُنّت في 11 يوليو/تموز."
# Emoji (astral), combining marks (tashkeel, shadda), tatweel, CRLF, a lone CR, bidi controls.
RICH = ("قَالَ الوزيرُ 😀 إنّ \u200fالعدد\u200f يبلـــغ 3.\r\n"
        "He said: «47» 👍🏽\rثم e\u0301 x\u2028y\u2029z\n")


def spans_of(text: str, words: list[str]) -> list[tuple[int, int]]:
    return [(text.index(w), text.index(w) + len(w)) for w in words]


@pytest.mark.parametrize(("encoding", "prefix", "recorded", "text"), [
    ("utf-8", b"", "utf-8", RICH),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig", RICH),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le", RICH),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be", RICH),
    ("cp1256", b"", "windows-1256", ARABIC.replace("\n", "\r\n") + "\r\nشُنّت\r\n"),
])
def test_each_encoding_keeps_the_text_and_its_offsets(tmp_path: Path, encoding: str, prefix: bytes,
                                                      recorded: str, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(prefix + text.encode(encoding))
    doc = read_document(path)
    assert doc.text == text  # nothing normalised: line ends, marks, tatweel, controls all kept
    assert doc.encoding == recorded
    assert doc.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    words = [w for w in ("😀", "شُنّت", "يبلـــغ", "47", "e\u0301", "\u200fالعدد\u200f") if w in text]
    for (start, end), word in zip(spans_of(text, words), words):
        assert doc.text[start:end] == word


def test_a_bom_inside_the_text_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + "قال\ufeffx".encode())
    assert read_document(path).text == "قال\ufeffx"


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty file"),
    (b"  \r\n\t\n", "empty file (no text, only white space)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "contains NUL bytes"),
    (b"\x7fELF\x02\x01\x01" + bytes(range(1, 32)) * 4, "contains control characters"),
    (b"caf\xe9 cr\xe8me br\xfbl\xe9e \x80", "not UTF-8, UTF-16 or Windows-1256"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "not valid UTF-16-LE despite its byte-order mark"),
    (codecs.BOM_UTF8 + b"ok \xc3\x28", "not valid UTF-8 despite its byte-order mark"),
    ("Ünïcödé but Latin-1 only".encode("latin-1"), "invalid byte 0xdc at offset 0"),
])
def test_unreadable_files_are_refused_with_one_line(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(RejectedFile) as err:
        read_document(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and reason in message and "\n" not in message


def test_oversize_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: the size is real, the disk is not used
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(RejectedFile) as err:
        read_document(path)
    assert str(err.value) == (f"{path}: too large ({MAX_FILE_BYTES + 1:,} bytes; "
                              f"the limit is {MAX_FILE_BYTES:,})")


def test_a_file_at_the_limit_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = ("قال الوزير إن عدد الممرات يبلغ 3\n").encode()
    path.write_bytes(line * (MAX_FILE_BYTES // len(line)))
    assert len(read_document(path).text) == (MAX_FILE_BYTES // len(line)) * len(line.decode())


def test_title_is_a_short_headline_or_the_file_name() -> None:
    assert title_for("x/aleppo.txt", "روسيا تفتح ممرات آمنة في حلب\n\nقالت روسيا إنها ...") == \
        "روسيا تفتح ممرات آمنة في حلب"
    assert title_for("x/aleppo.txt", "قالت روسيا إنها تعمل مع الجيش السوري لفتح ممرات آمنة.\n\nنص") == "aleppo"
    assert title_for("x/aleppo.txt", "سطر واحد فقط بلا نص بعده") == "aleppo"


def test_folders_are_walked_and_other_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "sub/a.TXT", "notes.md"):
        (tmp_path / name).write_text("نص", encoding="utf-8")
    found = [(p.relative_to(tmp_path).as_posix(), reason) for p, reason in iter_text_files([tmp_path])]
    assert found == [("b.txt", None), ("notes.md", "skipped: not a .txt file"), ("sub/a.TXT", None)]
    missing = tmp_path / "none"
    assert list(iter_text_files([missing])) == [(missing, "no such file or folder")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_a_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert list(iter_text_files([fifo])) == [(fifo, "not a regular file")]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_folder_is_walked_in_path_order_without_entering_linked_folders(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    for name in ("a/b.txt", "a-b.txt", "a/c/d.txt", "z.txt", "a/c/.hidden.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("نص", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "a" / "fifo.txt")  # not a regular file: never opened (it would block)
    os.symlink(root / "a", root / "linked-folder")  # entering it would list a/ twice
    os.symlink(root / "z.txt", root / "linked.txt")  # a linked file is a file
    for folder in (root, root / "a" / "c"):  # a link to itself cannot be followed: that entry
        os.symlink(folder / "loop.txt", folder / "loop.txt")  # alone is left out, not the folder
    found = [p.relative_to(root).as_posix() for p, _ in iter_text_files([root])]
    assert found == sorted(found)  # the order of the full path strings, as before
    assert found == ["a-b.txt", "a/b.txt", "a/c/.hidden.txt", "a/c/d.txt", "linked.txt", "z.txt"]


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(max_codepoint=0x6FF, exclude_categories=("Cs",)), max_size=60))
def test_a_utf8_file_is_refused_as_binary_exactly_when_its_text_holds_a_control(text: str) -> None:
    # The UTF-8 path searches the bytes; the decoded text is the reference.
    data = text.encode("utf-8")
    controls = re.search("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]", text)
    try:
        decoded, encoding = decode(data)
    except ValueError as exc:
        reason = str(exc)
    else:
        assert (decoded, encoding) == (text, "utf-8")
        reason = ""
    if not text or text.isspace():
        assert reason.startswith("empty file")
    elif controls is None:
        assert reason == ""
    else:
        assert "NUL" in reason or reason == "contains control characters: not a text file"


def test_a_text_without_arabic_or_latin_letters_is_refused_unless_forced(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from annotator.core.text import RejectedFile, read_document

    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\xff\xfe" + b"gross junk!!")  # UTF-16 in name only
    with pytest.raises(RejectedFile, match=r"decodes to no Arabic or Latin letters \(it starts «牧獯"):
        read_document(junk)
    assert read_document(junk, force=True).text == b"gross junk!!".decode("utf-16-le")
    for fine in ("٤٧ غارة", "47 raids", "Ünïcödé", "۱۲ گزارش"):
        (tmp_path / "ok.txt").write_text(fine, encoding="utf-8")
        assert read_document(tmp_path / "ok.txt").text == fine
