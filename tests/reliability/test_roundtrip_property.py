"""Property: any text the importer accepts survives import -> annotate -> export -> import-annotations
exactly (same text, same spans, same notes and times), whatever its encoding."""
from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest
from hostile_inputs import SPECIAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import tally

from annotator.core.csvio import CsvReader, write_csv
from annotator.core.text import RejectedFile, read_document
from annotator.store.repository import Repository

EXAMPLES = 120
ARABIC = [chr(c) for c in range(0x0621, 0x0653)] + ["\u0660", "\u0669", "\u060c", "\u061f"]
PRESENTATION = ["\ufe8d", "\ufefb", "\ufdf2", "\ufdfa", "\ufb50"]
ASTRAL = ["👍", "👍🏽"[1], "𝟒", "🇸", "\U0010fffd"]
CHARACTERS = st.one_of(
    st.sampled_from([*ARABIC, " ", "\n", "\r", "3", "."]),
    st.sampled_from(sorted(SPECIAL) + PRESENTATION + ASTRAL),
    st.characters(exclude_categories=("Cs",)),  # anything but a lone surrogate
)
TEXTS = st.text(CHARACTERS, min_size=1, max_size=200)
# How the text reaches the disk: the BOM-marked encodings are unambiguous, the others are guesses.
ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le with BOM": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-le with BOM": lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
    "windows-1256": lambda t: t.encode("cp1256"),
}


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roundtrip") / "empty.db"
    Repository.open(path).close()
    return path


def annotations_of(repo: Repository, doc_id: int, text: str) -> list[tuple]:
    return sorted((a.label, a.start, a.end, text[a.start:a.end], a.note, a.annotator,
                   a.created_at, a.updated_at) for a in repo.annotations(doc_id))


def test_accepted_text_survives_the_csv_round_trip(empty_db: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    counts = {"tried": 0, "accepted": 0, "refused": 0}

    @settings(max_examples=EXAMPLES, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(text=TEXTS, encoding=st.sampled_from(sorted(ENCODINGS)), data=st.data())
    def round_trip(text: str, encoding: str, data: st.DataObject) -> None:
        try:
            raw = ENCODINGS[encoding](text)
        except UnicodeEncodeError:
            raw = ENCODINGS["utf-8"](text)  # Windows-1256 cannot hold it: write UTF-8 instead
            encoding = "utf-8"
        folder = tmp_path_factory.mktemp("case")
        article = folder / "article.txt"
        article.write_bytes(raw)
        counts["tried"] += 1
        try:
            doc = read_document(article)
        except RejectedFile as exc:
            assert str(exc).startswith(f"{article}: ") and "\n" not in str(exc)
            counts["refused"] += 1
            return
        counts["accepted"] += 1
        if "BOM" in encoding:
            assert doc.text == text  # the mark is dropped, nothing else changes
        elif encoding == "utf-8":
            assert doc.text == text.removeprefix("\ufeff")

        mine, theirs = folder / "mine.db", folder / "theirs.db"
        shutil.copy(empty_db, mine)
        shutil.copy(empty_db, theirs)
        repo = Repository.open(mine)
        info, _ = repo.add_document(doc)
        assert repo.document_text(info.id) == doc.text
        labels = [label.id for label in repo.labels()]
        n = len(doc.text)
        spans = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, n),
                                             st.integers(0, 2), TEXTS | st.just("")),
                                   min_size=1, max_size=6), label="spans")
        for start, length, label, note in spans:
            end = min(n, start + length)
            try:
                repo.create_annotation(info.id, labels[label], start, end, note, "ana")
            except ValueError:
                pass  # the same span and label twice: refused, as it should be
        csv_path = folder / "spans.csv"
        write_csv(csv_path, repo.export_rows())
        expected = annotations_of(repo, info.id, doc.text)
        repo.close()

        other = Repository.open(theirs)
        again, _ = other.add_document(read_document(article))
        report = other.merge_annotations(CsvReader(csv_path))
        assert report.refused == [] and report.added == len(expected)
        assert other.document_text(again.id) == doc.text
        assert annotations_of(other, again.id, doc.text) == expected
        other.close()
        shutil.rmtree(folder)

    round_trip()
    assert counts["accepted"] > 0
    tally("round-trip property: files tried", counts["tried"])
    tally("round-trip property: accepted and round-tripped exactly", counts["accepted"])
    tally("round-trip property: refused with a reason", counts["refused"])
