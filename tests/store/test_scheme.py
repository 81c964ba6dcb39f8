"""Attributes and relations as stored: the default scheme, typed values, links, delete and restore."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from annotator.core.text import Document
from annotator.store.repository import Repository
from annotator.store.sqlite_file import APPLICATION_ID
from annotator.store.values import AnnotationInfo, AnnotationRefused

MIGRATIONS = Path(__file__).resolve().parents[2] / "annotator" / "store" / "migrations"
TEXT = ("وقال وزير الدفاع سيرغيه شويغو إن عدد هذه الممرات يبلغ 3. "
        "واتهمت منظمة هيومان رايتس ووتش الحكومة السورية باستخدام القنابل العنقودية.")


@pytest.fixture
def repo(open_repo) -> Repository:  # type: ignore[no-untyped-def]
    """A new database of each backend, holding two articles."""
    r = open_repo()
    r.add_document(Document("aleppo", TEXT, "utf-8"))
    r.add_document(Document("other", "نص آخر فيه طرف ورقم 5", "utf-8"))
    return r


def tag(repo: Repository, label: str, phrase: str, document_id: int = 1, **attributes: str) -> AnnotationInfo:
    label_id = next(x.id for x in repo.labels() if x.name == label)
    text = repo.document_text(document_id)
    start = text.index(phrase)
    return repo.create_annotation(document_id, label_id, start, start + len(phrase),
                                  attributes=attributes)


def relation_type(repo: Repository, name: str) -> int:
    return next(t.id for t in repo.relation_types() if t.name == name)


def test_a_new_database_holds_the_default_scheme(repo: Repository) -> None:
    assert [(x.name, x.shortcut) for x in repo.labels()] == [
        ("claim", "1"), ("accusation", "2"), ("figure", "3"), ("party", "4")]
    labels = {x.id: x.name for x in repo.labels()}
    by_label: dict[str, list[str]] = {}
    for a in repo.attributes():
        by_label.setdefault(labels[a.label_id], []).append(a.name)
    assert by_label == {
        "claim": ["certainty", "polarity", "check_worthy", "quote"],
        "accusation": ["certainty", "polarity", "check_worthy", "quote"],
        "figure": ["kind", "value", "value_max", "unit", "approximate", "date", "calendar"],
        "party": ["kind"],
    }
    certainty = next(a for a in repo.attributes() if a.name == "certainty")
    assert certainty.kind == "choice"
    assert certainty.choices == ("certain", "probable", "possible", "unspecified")
    ends = {t.name: ({labels[i] for i in t.sources}, {labels[i] for i in t.targets}, t.shortcut)
            for t in repo.relation_types()}
    assert ends == {"said_by": ({"claim", "accusation"}, {"party"}, "S"),
                    "accuses": ({"accusation"}, {"party"}, "A"),
                    "cites_figure": ({"claim", "accusation"}, {"figure"}, "F")}


def test_attribute_values_are_checked_by_kind_and_stored_as_text(repo: Repository) -> None:
    figure = tag(repo, "figure", "3", value="٣", kind="count", approximate="no", date="٢٠١٦-٠٧")
    assert figure.attributes == {"value": "3", "kind": "count", "approximate": "no", "date": "2016-07"}
    assert repo.annotations(1) == [figure]
    for name, value, reason in (("kind", "many", "not one of"), ("value", "three", "not a number"),
                                ("approximate", "maybe", "not yes or no"),
                                ("date", "11/7/2016", "not a date"), ("colour", "red", "no attribute"),
                                ("unit", "km\x00", "NUL character"), ("unit", "\udc00", "lone surrogate")):
        with pytest.raises(AnnotationRefused, match=reason):
            repo.update_annotation(figure.id, attributes={name: value})
    assert repo.annotation(figure.id) == figure  # nothing half-changed
    with pytest.raises(AnnotationRefused, match="note holds a NUL character"):  # on either backend
        repo.update_annotation(figure.id, note="قال\x00")
    changed = repo.update_annotation(figure.id, attributes={"value": "12,500.50", "approximate": ""})
    assert changed.attributes == {"value": "12500.5", "kind": "count", "date": "2016-07"}


def test_a_new_label_keeps_the_attributes_it_shares(repo: Repository) -> None:
    claim = tag(repo, "claim", "إن عدد هذه الممرات يبلغ 3", certainty="certain", quote="indirect")
    accusation_id = next(x.id for x in repo.labels() if x.name == "accusation")
    figure_id = next(x.id for x in repo.labels() if x.name == "figure")
    assert repo.update_annotation(claim.id, label_id=accusation_id).attributes == {
        "certainty": "certain", "quote": "indirect"}
    assert repo.update_annotation(claim.id, label_id=figure_id).attributes == {}


def test_relations_link_allowed_labels_within_one_document(repo: Repository) -> None:
    claim = tag(repo, "claim", "إن عدد هذه الممرات يبلغ 3")
    party = tag(repo, "party", "سيرغيه شويغو")
    figure = tag(repo, "figure", "3")
    other = tag(repo, "party", "طرف", document_id=2)
    said_by = relation_type(repo, "said_by")
    link = repo.create_relation(said_by, claim.id, party.id, "ana")
    assert (link.type, link.source_id, link.target_id, link.annotator) == ("said_by", claim.id, party.id, "ana")
    assert repo.relations(1) == [link] and repo.relations(2) == []
    refusals = [((said_by, claim.id, party.id), "exists already"),
                ((said_by, party.id, claim.id), "goes from a claim or accusation, not a party"),
                ((said_by, claim.id, figure.id), "goes to a party, not a figure"),
                ((said_by, claim.id, other.id), "one document"),
                ((relation_type(repo, "accuses"), claim.id, party.id), "not a claim")]
    for args, reason in refusals:
        with pytest.raises(AnnotationRefused, match=reason):
            repo.create_relation(*args)
    assert repo.relations(1) == [link]
    # A relabel the link does not allow is refused: the link would no longer make sense.
    with pytest.raises(AnnotationRefused, match="remove the link first"):
        repo.update_annotation(party.id, label_id=figure.label_id)


def test_the_database_itself_refuses_a_link_across_documents(repo: Repository) -> None:
    claim = tag(repo, "claim", "إن عدد هذه الممرات يبلغ 3")
    other = tag(repo, "party", "طرف", document_id=2)
    with pytest.raises(DBAPIError, match="one document"), repo.engine.begin() as con:  # past the Repository
        con.execute(text("INSERT INTO relation (type_id, source_id, target_id, annotator, created_at) "
                         "VALUES (1, :a, :b, '', '2024-01-01')"), {"a": claim.id, "b": other.id})


def test_deleting_a_span_takes_its_links_and_restoring_brings_back_the_same_ids(repo: Repository) -> None:
    claim = tag(repo, "claim", "إن عدد هذه الممرات يبلغ 3", certainty="probable")
    party = tag(repo, "party", "سيرغيه شويغو", kind="person")
    figure = tag(repo, "figure", "3", value="3")
    said = repo.create_relation(relation_type(repo, "said_by"), claim.id, party.id)
    cites = repo.create_relation(relation_type(repo, "cites_figure"), claim.id, figure.id)
    deleted = repo.delete_annotation(claim.id)
    assert deleted.annotation == claim and deleted.relations == (said, cites)
    assert repo.relations(1) == [] and repo.annotation(claim.id) is None
    # The figure goes too before the undo: only the link whose other end remains comes back.
    gone_figure = repo.delete_annotation(figure.id)
    back = repo.restore_annotation(deleted)
    assert back.annotation == claim and back.relations == (said,)
    assert repo.relations(1) == [said]
    repo.restore_annotation(gone_figure)
    assert repo.annotation(figure.id) == figure


def test_an_older_database_gains_the_party_label_and_the_scheme(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(cfg, "0003_annotation_ids_never_reused")
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute("UPDATE label SET shortcut = '4' WHERE name = 'figure'")  # the analyst's own keys
    con.commit()
    con.close()
    repo = Repository.open(path)
    try:
        labels = {x.name: x.shortcut for x in repo.labels()}
        assert labels == {"claim": "1", "accusation": "2", "figure": "4", "party": ""}
        assert {t.name for t in repo.relation_types()} == {"said_by", "accuses", "cites_figure"}
        assert len(repo.attributes()) == 16
    finally:
        repo.close()


def test_the_scheme_can_be_extended_and_pruned(repo: Repository) -> None:
    labels = {x.name: x.id for x in repo.labels()}
    added = repo.add_attribute(labels["claim"], "source_type", "choice", ["wire", " own ", ""])
    assert added.choices == ("wire", "own")
    for args, reason in (((labels["claim"], "source_type", "text"), "already"),
                         ((labels["claim"], "two words", "text"), "one word"),
                         ((labels["claim"], "x", "colour"), "kind is one of"),
                         ((labels["claim"], "y", "choice", []), "at least one choice")):
        with pytest.raises(ValueError, match=reason):
            repo.add_attribute(*args)
    claim = tag(repo, "claim", "إن عدد هذه الممرات يبلغ 3", source_type="wire")
    assert repo.delete_attribute(added.id) == 1
    assert repo.annotation(claim.id).attributes == {}
    quotes = repo.add_relation_type("quotes", [labels["party"]], [labels["party"]], "Q")
    assert (quotes.sources, quotes.targets) == (frozenset({labels["party"]}),) * 2
    with pytest.raises(ValueError, match="exists already"):
        repo.add_relation_type("quotes", [labels["party"]], [labels["party"]])
    a, b = tag(repo, "party", "سيرغيه شويغو"), tag(repo, "party", "هيومان رايتس ووتش")
    repo.create_relation(quotes.id, a.id, b.id)
    with pytest.raises(ValueError, match="1 quotes link"):
        repo.delete_relation_type(quotes.id)
    repo.delete_relation(repo.relations(1)[0].id)
    repo.delete_relation_type(quotes.id)
    assert "quotes" not in {t.name for t in repo.relation_types()}


def test_moving_a_span_keeps_its_id_note_attributes_and_links(repo: Repository) -> None:
    claim = tag(repo, "claim", "عدد هذه الممرات", certainty="probable")
    party = tag(repo, "party", "سيرغيه شويغو")
    said = repo.create_relation(relation_type(repo, "said_by"), claim.id, party.id)
    repo.update_annotation(claim.id, note="يحتاج تحققا")
    start = TEXT.index("إن عدد")
    moved = repo.update_annotation(claim.id, span=(start, TEXT.index(" هذه")))
    assert (moved.id, moved.start, moved.end, TEXT[moved.start:moved.end]) == (claim.id, start, start + 6, "إن عدد")
    assert moved.note == "يحتاج تحققا" and moved.attributes == {"certainty": "probable"}
    assert repo.relations(1) == [said]
    assert repo.annotation(claim.id) == moved
    # Outside the text, empty, or onto a span that has this label already: refused, nothing changed.
    other = tag(repo, "claim", "الحكومة السورية")
    for span in ((start, start), (start, len(TEXT) + 1), (other.start, other.end)):
        with pytest.raises(AnnotationRefused):
            repo.update_annotation(claim.id, span=span)
    assert repo.annotation(claim.id) == moved


def test_agreement_reads_each_analysts_spans_attributes_and_links(repo: Repository) -> None:
    from annotator.core.agreement import agreement

    labels = {x.name: x.id for x in repo.labels()}
    made = {}
    for who, certainty in (("ann", "certain"), ("bea", "probable")):
        start = TEXT.index("إن عدد")
        made[who] = repo.create_annotation(1, labels["claim"], start, start + 24, annotator=who,
                                           attributes={"certainty": certainty})
        party = TEXT.index("سيرغيه شويغو")
        speaker = repo.create_annotation(1, labels["party"], party, party + 12, annotator=who)
        repo.create_relation(relation_type(repo, "said_by"), made[who].id, speaker.id, who)
    repo.create_annotation(2, labels["figure"], 20, 21, annotator="cai")
    assert repo.annotators() == ["ann", "bea", "cai"]
    units, links, lengths = repo.agreement_input(annotators=["ann", "bea"])
    assert sorted((u.annotator, u.label) for u in units) == [("ann", "claim"), ("ann", "party"),
                                                             ("bea", "claim"), ("bea", "party")]
    assert next(u for u in units if u.id == made["bea"].id).attributes == {"certainty": "probable"}
    assert sorted((x.annotator, x.type) for x in links) == [("ann", "said_by"), ("bea", "said_by")]
    assert lengths == {1: len(TEXT)}
    rows = {(r.label, r.measure): r.value for r in agreement(units, links, lengths)}
    assert rows[("*", "strict F1")] == 1.0 and rows[("links", "F1")] == 1.0
    assert rows[("attr:certainty", "Cohen's kappa")] == 0.0
    only_claims, _links, _lengths = repo.agreement_input(labels=["claim"], document_ids=[1])
    assert {u.label for u in only_claims} == {"claim"} and len(only_claims) == 2
