"""`annotator agreement` on a real database: the numbers, the three formats, the refusals."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_support import SEEDS, cli

from annotator.core.text import read_document
from annotator.store.repository import Repository


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The seed article tagged by Ann and Bea: the same claim, a figure Bea takes one word
    longer, and a party Ann takes one word longer."""
    path = tmp_path / "team.db"
    repo = Repository.open(path)
    doc = repo.add_document(read_document(SEEDS / "aleppo-corridors.txt"))[0]
    text = repo.document_text(doc.id)
    labels = {x.name: x.id for x in repo.labels()}

    def tag(who: str, label: str, words: str, **attributes: str) -> int:
        start = text.index(words)
        return repo.create_annotation(doc.id, labels[label], start, start + len(words), annotator=who,
                                      attributes=attributes).id

    for who in ("ann", "bea"):
        claim = tag(who, "claim", "وقال شويغو إن عدد هذه الممرات يبلغ 3", certainty="certain")
        party = tag(who, "party", "وقال شويغو إن" if who == "ann" else "وقال شويغو")
        repo.create_relation(next(t.id for t in repo.relation_types() if t.name == "said_by"), claim, party, who)
    tag("ann", "figure", "47")
    tag("bea", "figure", "47 غارة")
    repo.close()
    return path


def test_the_csv_gives_each_measure_with_what_it_compared(db: Path) -> None:
    result = cli("agreement", "--db", db, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = {(r["annotators"], r["label"], r["measure"]): r for r in csv.DictReader(io.StringIO(result.stdout))}
    pair = "ann / bea"
    # Strict: only the claim has the same offsets: 2·1/(3+3). Partial: claim 1, party and figure ½ each.
    assert float(rows[(pair, "*", "strict F1")]["value"]) == pytest.approx(1 / 3)
    assert float(rows[(pair, "*", "partial F1")]["value"]) == pytest.approx(2 * 2 / 6)
    assert rows[(pair, "*", "strict F1")]["compared"] == "6"
    assert float(rows[(pair, "claim", "strict F1")]["value"]) == 1.0
    # The claims' certainties agree but do not vary: kappa is undefined (blank), on 1 pair.
    assert rows[(pair, "attr:certainty", "Cohen's kappa")]["value"] == ""
    # said_by links the matched claim to the matched party in both layers.
    assert float(rows[(pair, "links", "F1")]["value"]) == 1.0
    alpha = rows[(pair, "*", "character alpha")]
    characters = len(read_document(SEEDS / "aleppo-corridors.txt").text)
    assert 0 < float(alpha["value"]) < 1 and alpha["compared"] == str(characters)


def test_the_table_and_json_hold_the_same_numbers_and_filters_apply(db: Path) -> None:
    table = cli("agreement", "--db", db)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["annotators", "label", "measure", "value", "compared"]
    assert any("all labels" in line and "strict F1" in line and "0.333" in line for line in lines)
    as_json = json.loads(cli("agreement", "--db", db, "--format", "json", "--label", "figure").stdout)
    assert {r["label"] for r in as_json} <= {"*", "figure", "links"}
    figure = next(r for r in as_json if r["label"] == "figure" and r["measure"] == "partial F1")
    assert figure == {"annotators": "ann / bea", "label": "figure", "measure": "partial F1", "value": 0.5,
                      "compared": 2}


def test_one_analyst_is_refused_in_one_line(db: Path) -> None:
    result = cli("agreement", "--db", db, "--annotators", "ann")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"{db}: agreement needs two analysts with annotations here; found ann"
