"""Hostile article text: each file is stored exactly or refused with a reason; offsets stay exact."""
from __future__ import annotations

from pathlib import Path

import pytest
from hostile_inputs import boundaries, hostile_inputs
from reliability_support import REPO_ROOT, SEED, tally

from annotator.core.csvio import CsvReader, write_csv
from annotator.core.text import RejectedFile, decode, read_document
from annotator.store.repository import Repository

SHARED_ARTICLES = REPO_ROOT.parent / "shared" / "testdata" / "articles"

INPUTS = {h.name: h for h in hostile_inputs()}
ACCEPTED = sorted(name for name, h in INPUTS.items() if h.text is not None)


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_each_file_is_stored_exactly_or_refused_with_a_reason(name: str, tmp_path: Path) -> None:
    hostile = INPUTS[name]
    path = hostile.write(tmp_path)
    tally("hostile text: files tried")
    if hostile.text is None:
        with pytest.raises(RejectedFile) as err:
            read_document(path)
        message = str(err.value)
        assert message.startswith(f"{path}: ") and "\n" not in message
        assert hostile.reason in message
        tally("hostile text: files refused with a reason")
    else:
        assert read_document(path).text == hostile.text


def comparable(repo: Repository) -> list[tuple]:
    """Every annotation as the analyst sees it, without the ids a merge assigns afresh."""
    out = []
    for doc in repo.documents():
        text = repo.document_text(doc.id)
        out += [(doc.sha256, a.label, a.start, a.end, text[a.start:a.end], a.note, a.annotator,
                 a.created_at, a.updated_at) for a in repo.annotations(doc.id)]
    return sorted(out)


@pytest.mark.parametrize("name", ACCEPTED)
def test_offsets_survive_store_export_and_merge(name: str, tmp_path: Path) -> None:
    hostile = INPUTS[name]
    text = hostile.text
    assert text is not None
    path = hostile.write(tmp_path)
    repo = Repository.open(tmp_path / "mine.db")
    doc, _ = repo.add_document(read_document(path))
    assert repo.document_text(doc.id) == text and doc.length == len(text)
    labels = [label.id for label in repo.labels()]
    spans = boundaries(text)
    for k, (start, end) in enumerate(spans):
        # The note carries the hostile characters too, capped so the CSV stays small.
        repo.create_annotation(doc.id, labels[k % 3], start, end, note=text[start:end][:200],
                               annotator="محللة\u202e")
    csv_path = tmp_path / "spans.csv"
    assert write_csv(csv_path, repo.export_rows()) == len(spans)

    rows = list(CsvReader(csv_path))
    assert sorted((r.start, r.end) for r in rows) == spans
    for r in rows:
        assert r.text == text[r.start:r.end]
        assert r.note == text[r.start:r.end][:200]

    theirs = Repository.open(tmp_path / "theirs.db")
    theirs.add_document(read_document(path))
    report = theirs.merge_annotations(CsvReader(csv_path))
    assert (report.added, report.refused, report.missing_document) == (len(spans), [], [])
    assert comparable(theirs) == comparable(repo)
    assert theirs.merge_annotations(CsvReader(csv_path)).added == 0  # idempotent
    repo.close()
    theirs.close()
    tally("hostile text: annotations round-tripped through CSV", len(spans))


def test_utf8_cut_or_damaged_anywhere_is_refused_never_misread(tmp_path: Path) -> None:
    """A UTF-8 article cut inside a letter, or with one stray byte, is refused: it must not be
    taken for Windows-1256 and stored as mojibake."""
    articles = SHARED_ARTICLES.glob("*.txt") if SHARED_ARTICLES.is_dir() else []
    tried = 0
    for source in [SEED, *sorted(articles)]:
        data = source.read_bytes()
        for cut in range(40, len(data), 23):
            for damaged in (data[:cut], data[:cut] + b"\xff" + data[cut:]):
                try:
                    damaged.decode("utf-8")
                    continue
                except UnicodeDecodeError:
                    pass
                with pytest.raises(ValueError, match="not valid UTF-8"):
                    decode(damaged)
                tried += 1
    assert tried > (500 if SHARED_ARTICLES.is_dir() else 300)  # the seed alone, without ../shared
    tally("hostile text: damaged UTF-8 articles refused", tried)
