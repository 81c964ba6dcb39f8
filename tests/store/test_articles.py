"""Importing article files and the sample articles into a database."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.text import read_document
from annotator.store.articles import import_articles, import_seeds, planned_files, seeds_folder

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_seeds_are_imported_into_an_empty_database_only(open_repo) -> None:  # type: ignore[no-untyped-def]
    assert seeds_folder() == REPO_ROOT / "seeds"
    repo = open_repo()
    try:
        added = import_seeds(repo)
        seed = read_document(REPO_ROOT / "seeds" / "aleppo-corridors.txt")
        assert [d.sha256 for d in added] == [seed.sha256]
        assert repo.document_text(added[0].id) == seed.text
        assert import_seeds(repo) == []  # not empty any more: nothing added twice
        assert repo.count_documents() == 1
    finally:
        repo.close()


def test_seeds_are_not_added_to_a_database_with_work_in_it(open_repo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "mine.txt"
    article.write_text("قال الوزير إن 3 ممرات فتحت", encoding="utf-8")
    repo = open_repo()
    try:
        list(import_articles(repo, planned_files([article])))
        assert import_seeds(repo) == []
        assert [d.source for d in repo.documents()] == ["mine.txt"]
    finally:
        repo.close()


def test_each_path_has_an_outcome_and_bad_files_stop_nothing(open_repo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "in").mkdir()
    good = tmp_path / "in" / "a.txt"
    good.write_bytes("قال شويغو إن عدد الممرات يبلغ 3\r\n".encode("cp1256"))
    (tmp_path / "in" / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "in" / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "in" / "d.txt").write_text("قال شويغو إن عدد الممرات يبلغ 3\r\n", encoding="utf-8")
    repo = open_repo()
    try:
        outcomes = list(import_articles(repo, planned_files([tmp_path / "in", tmp_path / "gone.txt"])))
        summary = [(o.path.name, o.created, o.encoding, o.note, o.error) for o in outcomes]
        assert summary == [
            ("a.txt", True, "windows-1256", "", ""),
            ("b.txt", False, "", "", "contains NUL bytes: a binary file, or UTF-16 without a byte-order mark"),
            ("c.pdf", False, "", "skipped: not a .txt/.html/.htm/.jsonl/.ndjson/.csv/.tsv/.docx file", ""),
            ("d.txt", False, "utf-8", "", ""),  # the same text as a.txt: the same document
            ("gone.txt", False, "", "", "no such file or folder"),
        ]
        assert outcomes[3].document == outcomes[0].document
        assert outcomes[1].message == f"{tmp_path / 'in' / 'b.txt'}: contains NUL bytes: a binary file, " \
                                      "or UTF-16 without a byte-order mark"
        assert repo.count_documents() == 1
    finally:
        repo.close()


def test_batches_keep_order_and_find_duplicates(open_repo, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotator.store.articles.BATCH_FILES", 2)
    texts = ["نص أول", "نص أول", "نص ثان", "نص ثالث", "نص ثان"]  # a repeat inside a batch, one across
    paths = []
    for n, text in enumerate(texts):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    repo = open_repo()
    try:
        outcomes = list(import_articles(repo, planned_files(paths)))
        assert [o.path for o in outcomes] == paths
        assert [(o.document.id, o.created) for o in outcomes] == [(1, True), (1, False), (2, True),
                                                                  (3, True), (2, False)]
        assert [repo.document_text(i) for i in (1, 2, 3)] == ["نص أول", "نص ثان", "نص ثالث"]
        ((same, created),) = repo.add_documents([read_document(paths[1])])
        assert (same.id, created) == (1, False)
    finally:
        repo.close()
