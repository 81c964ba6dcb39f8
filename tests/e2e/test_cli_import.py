"""`annotator import`: encodings with exact offsets, one line per document, bad files reported."""
from __future__ import annotations

import codecs
from pathlib import Path

from cli_support import SEEDS, cli, csv_rows, one_line_error, table

from annotator.core.text import MAX_FILE_BYTES, read_document
from annotator.store.repository import Repository

RICH = ("قَالَ الوزيرُ 😀 إنّ العدد يبلـــغ 3.\r\nHe said «47» 👍🏽\rثم e\u0301 x\u2028y\n")
CP1256 = "قال شويغو إن عدد الممرات يبلغ 3،\r\nواتهمت المنظمة روسيا بشن 47 غارة.\r\n"
WORDS = ["😀", "يبلـــغ", "3", "47", "👍🏽", "e\u0301", "غارة", "ثم"]


FILES = [
    ("utf8.txt", RICH.encode("utf-8"), RICH, "utf-8"),
    ("bom.txt", codecs.BOM_UTF8 + RICH.encode("utf-8") + b"\n", RICH + "\n", "utf-8-sig"),
    ("le.txt", codecs.BOM_UTF16_LE + RICH.encode("utf-16-le") + b"!\x00", RICH + "!", "utf-16-le"),
    ("be.txt", codecs.BOM_UTF16_BE + RICH.encode("utf-16-be") + b"\x00?", RICH + "?", "utf-16-be"),
    ("ar.txt", CP1256.encode("cp1256"), CP1256, "windows-1256"),
]


def test_encodings_keep_exact_offsets_into_the_csv(tmp_path: Path) -> None:
    for name, data, _, _ in FILES:
        (tmp_path / name).write_bytes(data)
    db = tmp_path / "a.db"
    result = cli("import", "--db", db, *(tmp_path / name for name, *_ in FILES))
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [f"{n}\t{name[:-4]}\t{len(text)} characters\t{encoding}\tadded"
                                          for n, (name, _, text, encoding) in enumerate(FILES, start=1)]
    # Tag each word at the code-point offsets Python finds in the original strings.
    repo = Repository.open(db)
    figure = next(lab.id for lab in repo.labels() if lab.name == "figure")
    expected = []
    for n, (_, _, text, _) in enumerate(FILES, start=1):
        for word in WORDS:
            if word in text:
                start = text.index(word)
                repo.create_annotation(n, figure, start, start + len(word))
                expected.append([str(n), str(start), str(start + len(word)), word])
    repo.close()
    out = tmp_path / "out.csv"
    assert cli("export", "--db", db, "--out", out).returncode == 0
    got = [[r[0], r[5], r[6], r[7]] for r in csv_rows(out)[1:]]
    assert sorted(got) == sorted(expected) and len(got) > 30


def test_reimporting_creates_no_duplicate(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    first = cli("import", "--db", db, SEEDS)
    again = cli("import", "--db", db, SEEDS / "aleppo-corridors.txt")
    assert first.stdout.replace("added", "already present") == again.stdout
    assert table(db, "SELECT count(*) FROM document") == [(1,)]


BAD = [
    ("elf.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00" * 50, "contains NUL bytes"),
    ("empty.txt", b"", "empty file"),
    ("latin1.txt", b"caf\xe9 cr\xe8me \x80\x81", "not UTF-8, UTF-16 or Windows-1256"),
    ("huge.txt", None, f"too large ({MAX_FILE_BYTES + 1:,} bytes; the limit is {MAX_FILE_BYTES:,})"),
]


def test_bad_files_fail_with_one_line_each_and_change_nothing(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    repo = Repository.open(db)
    repo.add_document(read_document(SEEDS / "aleppo-corridors.txt"))
    repo.close()
    before = table(db, "SELECT * FROM document")
    for name, data, _ in BAD:
        if data is None:
            with (tmp_path / name).open("wb") as fh:  # sparse: the size is real, the disk is not used
                fh.truncate(MAX_FILE_BYTES + 1)
        else:
            (tmp_path / name).write_bytes(data)
    result = cli("import", "--db", db, *(tmp_path / name for name, *_ in BAD))
    assert result.returncode == 1 and "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == len(BAD) + 1
    for line, (name, _, reason) in zip(lines, BAD):
        assert line.startswith(f"{tmp_path / name}: ") and reason in line
    assert lines[-1] == "4 of 4 file(s) not imported; the others were"
    assert table(db, "SELECT * FROM document") == before


def test_good_files_are_imported_beside_bad_ones(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("قال الوزير إن 3 ممرات فتحت", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x00binary")
    (folder / "c.pdf").write_bytes(b"%PDF-1.7")
    (folder / "d.txt").write_text("اتهمت المنظمة روسيا بشن 47 غارة", encoding="utf-8")
    db = tmp_path / "a.db"
    result = cli("import", "--db", db, folder, tmp_path / "missing.txt")
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["1\ta\t26 characters\tutf-8\tadded",
                                          "2\td\t31 characters\tutf-8\tadded"]
    assert result.stderr.splitlines() == [
        f"{folder / 'b.txt'}: contains NUL bytes: a binary file, or UTF-16 without a byte-order mark",
        f"{folder / 'c.pdf'}: skipped: not a .txt/.html/.htm/.jsonl/.ndjson/.csv/.tsv/.docx file",
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        "2 of 5 file(s) not imported; the others were",
    ]


def test_a_database_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    foreign = tmp_path / "x.db"
    foreign.write_bytes(b"not a database at all" * 100)
    line = one_line_error(cli("import", "--db", foreign, SEEDS))
    assert line == f"{foreign}: not a SQLite database (unrecognised file header)"
    line = one_line_error(cli("import", "--db", tmp_path / "no" / "x.db", SEEDS))
    assert line == f"{tmp_path / 'no' / 'x.db'}: folder {tmp_path / 'no'} does not exist"


def test_a_file_that_decodes_to_no_letters_is_refused_unless_forced(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, junk = tmp_path / "a.db", tmp_path / "junk.txt"
    junk.write_bytes(b"\xff\xfe" + b"gross junk!!")  # a UTF-16 byte-order mark before ASCII
    refused = cli("import", "--db", db, junk)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.splitlines()[0].startswith(f"{junk}: decodes to no Arabic or Latin letters")
    forced = cli("import", "--db", db, "--force", junk)
    assert forced.returncode == 0 and forced.stdout.endswith("\tutf-16-le\tadded\n")
