"""Word files: right-to-left paragraphs in order, tables row by row, damaged files refused."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.shared import Pt

from annotator.core import word
from annotator.core.provenance import Provenance
from annotator.core.text import RejectedFile
from annotator.core.word import read_word

PARAGRAPHS = ["قال وزير الدفاع الروسي سيرغيه شويغو إن عدد الممرات يبلغ 3،",
              "واتهمت منظمة هيومان رايتس ووتش الحكومة السورية باستخدام القنابل العنقودية في 47 غارة.",
              "Human Rights Watch said: «47 strikes».",
              "وقال\tالبيان: «نعم»\nثم أضاف 😀"]


def right_to_left_report(path: Path) -> Path:
    """A report as Word writes one in Arabic: right-to-left paragraphs and runs, a table."""
    report = docx.Document()
    report.core_properties.title = "تقرير عن حلب"
    report.core_properties.author = "المرصد"
    for n, text in enumerate(PARAGRAPHS):
        paragraph = report.add_paragraph()
        lines = text.split("\n")
        for k, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.font.size = Pt(14)
            if n != 2:  # the English paragraph stays left to right
                run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
            if k < len(lines) - 1:
                run.add_break()
        if n != 2:
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        if n == 0:
            report.add_paragraph("")  # an empty paragraph: left out
    table = report.add_table(rows=2, cols=3)
    for r, cells in enumerate((("المدينة", "الغارات", "الغارات"), ("حلب", "47", "47"))):
        for c, text in enumerate(cells[:2]):
            table.cell(r, c).text = text
    table.cell(0, 1).merge(table.cell(0, 2))  # a merged cell is read once
    table.cell(1, 2).text = "تموز"
    report.add_paragraph("الخاتمة")
    report.save(path)
    return path


def test_paragraphs_in_order_right_to_left_kept_as_stored(tmp_path: Path) -> None:
    doc = read_word(right_to_left_report(tmp_path / "report.docx"))
    assert doc.text == "\n\n".join([*PARAGRAPHS, "المدينة\tالغارات", "حلب\t47\tتموز", "الخاتمة"])
    assert (doc.title, doc.source) == ("تقرير عن حلب", "report.docx")
    assert doc.provenance == Provenance(author="المرصد", file_format="docx")


@pytest.mark.parametrize(("make", "reason"), [
    (lambda p: p.write_bytes(b"PK\x03\x04 cut short"), "not a Word .docx file (not a ZIP package)"),
    (lambda p: p.write_text("plain text, named .docx", encoding="utf-8"),
     "not a Word .docx file (not a ZIP package)"),
    (lambda p: _zip(p, {"notes.txt": "hello"}), "not a Word .docx file (KeyError: "),
    (lambda p: _zip(p, {"[Content_Types].xml": "<Types", "word/document.xml": "<w:document"}),
     "not a Word .docx file ("),
    (lambda p: docx.Document().save(p), "no text: the Word document is empty"),
])
def test_files_that_are_no_word_document_are_refused(tmp_path: Path, make, reason: str) -> None:
    path = tmp_path / "x.docx"
    make(path)
    with pytest.raises(RejectedFile) as err:
        read_word(path)
    assert str(err.value).startswith(f"{path}: {reason}") and "\n" not in str(err.value)


def test_a_package_that_unpacks_too_large_is_refused_unread(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = right_to_left_report(tmp_path / "report.docx")
    with zipfile.ZipFile(path) as package:
        unpacked = sum(info.file_size for info in package.infolist())
    monkeypatch.setattr(word, "MAX_UNPACKED_BYTES", unpacked - 1)
    with pytest.raises(RejectedFile, match=f"unpacks to {unpacked:,} bytes"):
        read_word(path)


def _zip(path: Path, parts: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)
