"""Attributes and links leave the tool and come back: export --attributes/--relations, merge, show."""
from __future__ import annotations

from pathlib import Path

from cli_support import SEEDS, cli, csv_rows, one_line_error

from annotator.core.csvio import HEADER
from annotator.store.repository import Repository

CLAIM = "إن عدد هذه الممرات يبلغ 3"
SPEAKER = "شويغو"


def annotated(db: Path) -> None:
    """A claim said by its party and citing its figure, with attributes, as an analyst leaves it."""
    assert cli("import", "--db", db, SEEDS).returncode == 0
    repo = Repository.open(db)
    try:
        text = repo.document_text(1)
        labels = {x.name: x.id for x in repo.labels()}
        at = text.index("وقال شويغو " + CLAIM) + len("وقال ")

        def tag(label: str, start: int, phrase: str, **attributes: str) -> int:
            assert text[start:start + len(phrase)] == phrase
            return repo.create_annotation(1, labels[label], start, start + len(phrase), annotator="huda",
                                          attributes=attributes).id

        party = tag("party", at, SPEAKER, kind="person")
        claim = tag("claim", at + len(SPEAKER) + 1, CLAIM, certainty="probable", quote="indirect")
        figure = tag("figure", at + len(SPEAKER) + len(CLAIM), "3", kind="count", value="3", unit="ممرات")
        types = {t.name: t.id for t in repo.relation_types()}
        repo.create_relation(types["said_by"], claim, party, "huda")
        repo.create_relation(types["cites_figure"], claim, figure, "huda")
    finally:
        repo.close()


def test_attributes_and_links_reach_a_colleagues_database_exactly(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "huda.db", tmp_path / "omar.db"
    annotated(mine)
    spans, links = tmp_path / "spans.csv", tmp_path / "links.csv"
    done = cli("export", "--db", mine, "--out", spans, "--attributes", "--relations", links)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"{spans}: 3 annotation(s)", f"{links}: 2 link(s)"]
    header, *rows = csv_rows(spans)
    assert tuple(header[:12]) == HEADER  # the twelve stay first; tools read the rest by name
    assert header[12:] == ["attr_certainty", "attr_polarity", "attr_check_worthy", "attr_quote",
                           "attr_kind", "attr_value", "attr_value_max", "attr_unit", "attr_approximate",
                           "attr_date", "attr_calendar"]
    by_label = {row[4]: dict(zip(header, row)) for row in rows}
    assert by_label["claim"]["attr_certainty"] == "probable" and by_label["claim"]["attr_kind"] == ""
    assert by_label["figure"]["attr_value"] == "3" and by_label["figure"]["attr_unit"] == "ممرات"
    assert by_label["party"]["attr_kind"] == "person"
    link_header, *link_rows = csv_rows(links)
    found = {(r["type"], r["from_text"], r["to_text"]) for r in (dict(zip(link_header, x)) for x in link_rows)}
    assert found == {("said_by", CLAIM, SPEAKER), ("cites_figure", CLAIM, "3")}

    assert cli("import", "--db", theirs, SEEDS).returncode == 0
    merged = cli("import-annotations", "--db", theirs, spans, "--relations", links)
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.splitlines() == [
        f"{spans}: 3 added, 0 already present, 0 skipped (document not in this database)",
        f"{links}: 2 link(s) added, 0 already present, 0 skipped"]
    again = cli("import-annotations", "--db", theirs, spans, "--relations", links)
    assert again.stdout.splitlines()[1] == f"{links}: 0 link(s) added, 2 already present, 0 skipped"
    a, b = Repository.open(mine), Repository.open(theirs)
    try:
        def content(repo: Repository) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
            anns = {x.id: x for x in repo.annotations(1)}
            return ({(x.label, x.start, x.end, x.annotator, tuple(sorted(x.attributes.items())))
                     for x in anns.values()},
                    {(r.type, anns[r.source_id].start, anns[r.target_id].start, r.annotator)
                     for r in repo.relations(1)})
        assert content(b) == content(a)
    finally:
        a.close()
        b.close()


def test_a_bad_attribute_value_is_refused_with_its_row(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    annotated(db)
    spans = tmp_path / "spans.csv"
    assert cli("export", "--db", db, "--out", spans, "--attributes").returncode == 0
    other = tmp_path / "b.db"
    assert cli("import", "--db", other, SEEDS).returncode == 0
    text = spans.read_text(encoding="utf-8-sig").replace("probable", "sure")
    spans.write_text(text, encoding="utf-8-sig")
    result = cli("import-annotations", "--db", other, spans)
    assert result.returncode == 1
    assert "certainty: 'sure' is not one of: certain, probable, possible, unspecified" in result.stderr
    assert "nothing imported" in result.stderr
    repo = Repository.open(other)
    try:
        assert repo.annotations(1) == []
    finally:
        repo.close()


def test_a_relations_file_that_is_not_one_is_refused_before_anything_is_merged(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    annotated(db)
    spans, wrong = tmp_path / "spans.csv", tmp_path / "wrong.csv"
    assert cli("export", "--db", db, "--out", spans).returncode == 0
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    line = one_line_error(cli("import-annotations", "--db", db, spans, "--relations", wrong))
    assert line.startswith(f"{wrong}: not a relations CSV: missing relation_id")


def test_show_lists_attributes_and_links(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    annotated(db)
    shown = cli("show", "--db", db, "1")
    assert shown.returncode == 0, shown.stderr
    legend = shown.stdout.split("\n\n")[-1].splitlines()
    party, party_details, claim, claim_details, figure, figure_details = legend
    assert party.split()[:2] == ["1", "party"] and claim.split()[:2] == ["2", "claim"]
    assert party_details.strip() == "kind=person · said_by ← 2"
    assert claim_details.strip() == "certainty=probable · quote=indirect · said_by → 1 · cites_figure → 3"
    assert figure.split()[:2] == ["3", "figure"]
    assert figure_details.strip() == "kind=count · value=3 · unit=ممرات · cites_figure ← 2"


def test_a_json_lines_export_rebuilds_the_work_in_an_empty_database(tmp_path: Path) -> None:
    mine, fresh = tmp_path / "huda.db", tmp_path / "empty.db"
    annotated(mine)
    out, again = tmp_path / "work.jsonl", tmp_path / "again.jsonl"
    done = cli("export", "--db", mine, "--out", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{out}: 1 document(s), 3 annotation(s), 2 link(s)"
    merged = cli("import-annotations", "--db", fresh, out)
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.strip() == (f"{out}: 1 document(s) added, 3 annotation(s) added, 0 already "
                                     "present, 2 link(s) added, 0 already present")
    assert cli("export", "--db", fresh, "--out", again).returncode == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")  # ids, times, all
    twice = cli("import-annotations", "--db", fresh, out)
    assert twice.stdout.strip() == (f"{out}: 0 document(s) added, 0 annotation(s) added, 3 already "
                                    "present, 0 link(s) added, 2 already present")


def test_a_json_lines_line_that_is_wrong_stops_the_merge_with_its_line(tmp_path: Path) -> None:
    mine, other = tmp_path / "huda.db", tmp_path / "b.db"
    annotated(mine)
    out = tmp_path / "work.jsonl"
    assert cli("export", "--db", mine, "--out", out).returncode == 0
    out.write_text(out.read_text(encoding="utf-8") + '{"title": "x"}\n', encoding="utf-8")
    assert one_line_error(cli("import-annotations", "--db", other, out)) == f"{out}: line 2: 'text' is missing"
    assert not other.exists() or Repository.open(other).count_documents() == 0
