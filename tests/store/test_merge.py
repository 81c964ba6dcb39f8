"""Export rows and merging them back: filters, exact text, idempotence, all-or-nothing refusal."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from annotator.core.csvio import CsvReader, CsvRefused, CsvRow, write_csv
from annotator.core.text import Document
from annotator.store.repository import Repository

TEXT_A = "قال شويغو إن عدد هذه الممرات يبلغ 3،\r\nواتهمت المنظمة روسيا 😀 بشن 47 غارة."
TEXT_B = "He said: «قَالَ» 11 يوليو/تموز"


@pytest.fixture
def repo(open_repo) -> Repository:  # type: ignore[no-untyped-def]
    """A new database of each backend."""
    return open_repo()


def tag(repo: Repository, text: str, word: str, label: str, note: str = "", who: str = "ana") -> None:
    doc = repo.document_id_by_sha256(Document("", text, "").sha256)
    labels = {lab.name: lab.id for lab in repo.labels()}
    start = text.index(word)
    repo.create_annotation(doc, labels[label], start, start + len(word), note, who)


def filled(repo: Repository) -> Repository:
    repo.add_document(Document("A", TEXT_A, "utf-8"))
    repo.add_document(Document("B", TEXT_B, "utf-16-le"))
    tag(repo, TEXT_A, "قال شويغو إن عدد هذه الممرات يبلغ 3", "claim", "=cmd")
    tag(repo, TEXT_A, "3", "figure")
    tag(repo, TEXT_A, "47 غارة", "figure", who="bo")
    tag(repo, TEXT_A, "اتهمت المنظمة روسيا 😀", "accusation")
    tag(repo, TEXT_B, "11 يوليو/تموز", "figure", "date")
    tag(repo, TEXT_B, "«قَالَ»", "claim")
    return repo


def test_export_rows_carry_the_exact_text_and_follow_filters(repo: Repository) -> None:
    filled(repo)
    rows = list(repo.export_rows())
    texts = {"A": TEXT_A, "B": TEXT_B}
    assert len(rows) == repo.count_export_rows() == 6
    for r in rows:
        assert r.text == texts[r.document_title][r.start:r.end]
        assert r.document_sha256 == Document("", texts[r.document_title], "").sha256
    a = repo.document_id_by_sha256(rows[0].document_sha256)
    only = list(repo.export_rows([a], ["figure", "accusation"]))
    assert [(r.label, r.text) for r in only] == [("figure", "3"), ("accusation", "اتهمت المنظمة روسيا 😀"),
                                                 ("figure", "47 غارة")]
    assert repo.count_export_rows([a], ["figure", "accusation"]) == 3


def fresh_with_same_documents(tmp_path: Path, name: str) -> Repository:
    other = Repository.open(tmp_path / name)
    other.add_document(Document("B", TEXT_B, "utf-8"))  # another order, so other ids
    other.add_document(Document("A", TEXT_A, "utf-8"))
    return other


def without_ids(rows: list[CsvRow]) -> list[tuple]:
    return [dataclasses.astuple(dataclasses.replace(r, document_id=0, annotation_id=0, line=0)) for r in rows]


def test_csv_round_trip_into_a_fresh_database_is_exact(repo: Repository, tmp_path: Path) -> None:
    filled(repo)
    write_csv(tmp_path / "one.csv", repo.export_rows())
    other = fresh_with_same_documents(tmp_path, "b.db")
    try:
        report = other.merge_annotations(CsvReader(tmp_path / "one.csv"))
        assert (report.added, report.already_present, report.refused) == (6, 0, [])
        again = other.merge_annotations(CsvReader(tmp_path / "one.csv"))
        assert (again.added, again.already_present) == (0, 6)  # idempotent
        write_csv(tmp_path / "two.csv", other.export_rows())
        one, two = list(CsvReader(tmp_path / "one.csv")), list(CsvReader(tmp_path / "two.csv"))
        assert sorted(without_ids(one)) == sorted(without_ids(two))
        ids = {(r.document_title, r.document_id) for r in one}
        assert ids.isdisjoint((r.document_title, r.document_id) for r in two)  # only the ids differ
    finally:
        other.close()


def test_a_refused_row_imports_nothing_unless_skip_bad(repo: Repository, tmp_path: Path) -> None:
    filled(repo)
    rows = list(repo.export_rows())
    bad = [dataclasses.replace(rows[1], text="4"),                    # text differs
           dataclasses.replace(rows[2], label="rumour"),              # unknown label
           dataclasses.replace(rows[3], start=70, end=900, line=9)]   # outside the document
    other = fresh_with_same_documents(tmp_path, "b.db")
    try:
        report = other.merge_annotations(rows + bad)
        assert report.added == 0 and other.count_annotations() == 0
        assert report.refused == [
            f"row 7 (annotation {rows[1].annotation_id}): text does not match the document at "
            f"{rows[1].start}-{rows[1].end}",
            f"row 8 (annotation {rows[2].annotation_id}): unknown label 'rumour'",
            f"row 9 (annotation {rows[3].annotation_id}): offsets 70-900 outside the document (0-{len(TEXT_A)})",
        ]
        report = other.merge_annotations(rows + bad, skip_bad=True)
        assert report.added == 6 and len(report.refused) == 3 and other.count_annotations() == 6
    finally:
        other.close()


def test_rows_of_missing_documents_are_skipped_with_a_line_each(repo: Repository, tmp_path: Path) -> None:
    filled(repo)
    rows = list(repo.export_rows())
    other = Repository.open(tmp_path / "b.db")
    try:
        other.add_document(Document("B", TEXT_B, "utf-8"))
        report = other.merge_annotations(rows)
        assert report.added == 2 and len(report.missing_document) == 4
        assert all("document 'A'" in line and "is not in this database; skipped" in line
                   for line in report.missing_document)
    finally:
        other.close()


def test_a_malformed_row_met_mid_merge_rolls_back_everything(repo: Repository, tmp_path: Path) -> None:
    filled(repo)
    path = tmp_path / "one.csv"
    write_csv(path, repo.export_rows())
    data = path.read_bytes().split(b"\r\n")
    data[4] = data[4].replace(b",figure,", b",figure,x,")  # row 5 of 7 gets a 13th cell
    path.write_bytes(b"\r\n".join(data))
    other = fresh_with_same_documents(tmp_path, "b.db")
    try:
        with pytest.raises(CsvRefused, match="row 5: has 13 cells"):
            other.merge_annotations(CsvReader(path))
        assert other.count_annotations() == 0
        reader = CsvReader(path, skip_bad=True)
        assert other.merge_annotations(reader, skip_bad=True).added == 5
        assert len(reader.skipped) == 1
    finally:
        other.close()
