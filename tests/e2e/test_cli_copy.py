"""`annotator copy`: a solo SQLite database onto a PostgreSQL server and back, exactly."""
from __future__ import annotations

from pathlib import Path

from cli_support import SEEDS, cli, one_line_error

from annotator.core.text import Document, read_document
from annotator.store.repository import Repository


def solo_database(path: Path) -> None:
    """Two articles, two analysts, attributes, a note, a link, a done mark, an option, a deleted
    newest annotation (its id must never come back) and an analyst's own label."""
    repo = Repository.open(path)
    doc = repo.add_document(read_document(SEEDS / "aleppo-corridors.txt"))[0]
    repo.add_document(Document("ثان", "نص ثان قصير فيه رقم 12.", "utf-8", "second.txt"))
    text = repo.document_text(doc.id)
    labels = {x.name: x.id for x in repo.labels()}

    def tag(who: str, label: str, words: str, **attributes: str) -> int:
        start = text.index(words)
        return repo.create_annotation(doc.id, labels[label], start, start + len(words), note=f"{who}'s",
                                      annotator=who, attributes=attributes).id
    claim = tag("ann", "claim", "وقال شويغو إن عدد هذه الممرات يبلغ 3", certainty="certain")
    party = tag("ann", "party", "شويغو", kind="person")
    tag("bea", "figure", "47")
    repo.create_relation(next(t.id for t in repo.relation_types() if t.name == "said_by"), claim, party, "ann")
    gone = tag("bea", "claim", "حلب")
    repo.delete_annotation(gone)
    repo.set_done(doc.id, True, annotator="ann")
    repo.set_blind(True)
    repo.close()


def exports(db: str | Path, out: Path) -> tuple[bytes, ...]:
    """The database as the CSV (with attributes and metadata), its links' CSV and the JSON
    Lines export."""
    files = out.with_suffix(".csv"), out.with_name(out.name + "-links.csv"), out.with_suffix(".jsonl")
    for args in (("--out", files[0], "--attributes", "--relations", files[1], "--metadata"), ("--out", files[2])):
        result = cli("export", "--db", db, *args)
        assert result.returncode == 0, result.stderr
    return tuple(f.read_bytes() for f in files)


def test_a_solo_database_goes_onto_the_server_and_back_exactly(tmp_path: Path, pg_server) -> None:  # type: ignore[no-untyped-def]
    solo, back = tmp_path / "solo.db", tmp_path / "back.db"
    solo_database(solo)
    url = pg_server.new_database()
    result = cli("copy", "--from", solo, "--to", url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("copied 2 document(s), 3 annotation(s) and 1 link(s) from ")
    assert cli("copy", "--db", url, "--to", back).returncode == 0  # --db is --from
    original = exports(solo, tmp_path / "solo")
    assert exports(url, tmp_path / "server") == original  # same ids, offsets, times, everyone
    assert exports(back, tmp_path / "back") == original
    for db in (url, back):
        repo = Repository.open(db)
        try:
            assert repo.blind and repo.document(1, analyst="ann").done
            assert [x.name for x in repo.labels()] == [x.name for x in Repository.open(solo).labels()]
            # The deleted annotation's id is not handed out again, here either.
            figure = next(x.id for x in repo.labels() if x.name == "figure")
            assert repo.create_annotation(2, figure, 0, 2, annotator="cai").id == 5
        finally:
            repo.close()


def test_copying_onto_a_database_that_holds_documents_is_refused_untouched(tmp_path: Path) -> None:
    solo, other = tmp_path / "solo.db", tmp_path / "other.db"
    solo_database(solo)
    solo_database(other)
    before = exports(other, tmp_path / "before")
    line = one_line_error(cli("copy", "--from", solo, "--to", other))
    assert line == f"{other}: already holds 2 document(s); copy into a new or empty database"
    assert exports(other, tmp_path / "after") == before
    assert one_line_error(cli("copy", "--from", solo, "--to", solo)).endswith("is the database being copied")


def test_two_analysts_merging_the_same_csv_at_once_on_the_server_add_it_once(tmp_path: Path, pg_server) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    solo = tmp_path / "solo.db"
    solo_database(solo)
    csv_file = tmp_path / "spans.csv"
    assert cli("export", "--db", solo, "--out", csv_file).returncode == 0
    url = pg_server.new_database()
    assert cli("import", "--db", url, SEEDS / "aleppo-corridors.txt").returncode == 0
    runs = [subprocess.Popen([sys.executable, "-m", "annotator", "import-annotations", "--db", url, str(csv_file)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    assert [code for code, _out, _err in results] == [0, 0], results
    repo = Repository.open(url)
    try:
        spans = sorted((a.label, a.start, a.end, a.annotator) for a in repo.annotations(1))
    finally:
        repo.close()
    assert len(spans) == 3 and len(set(spans)) == 3  # each once, whoever came first
