"""`annotator import` of web pages, corpora and Word files, and `export` with their metadata."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from cli_support import REPO_ROOT, cli, csv_rows, table
from docx.oxml import OxmlElement

from annotator.core.csvio import HEADER, METADATA_HEADER
from annotator.store.repository import Repository

PAGE = REPO_ROOT / "tests" / "fixtures" / "news_page.html"
URL = "https://www.alofoq-news.example/politics/2024/07/11/aleppo-corridors"
OUTLETS = ["الأفق", "BBC عربي", "الجزيرة نت", "وكالة الأنباء"]
WORDS = ["قال", "الوزير", "إن", "عدد", "الممرات", "يبلغ", "3", "واتهمت", "المنظمة", "47", "غارة",
         "حلب", "المدنيين", "😀", "e\u0301", "«نعم»"]


def corpus_lines(count: int, seed: int = 5) -> list[dict[str, object]]:
    """`count` distinct articles as a scraper writes them, each with its facts."""
    rng = random.Random(seed)
    return [{"id": f"a-{n}", "title": f"خبر رقم {n}", "source": OUTLETS[n % len(OUTLETS)],
             "url": f"https://news.example/{n}", "published": f"2024-07-{1 + n % 28:02d}T09:{n % 60:02d}:00+03:00",
             "text": f"خبر {n}\r\n" + "\n\n".join(" ".join(rng.choices(WORDS, k=40)) for _ in range(4))}
            for n in range(count)]


def tag(db: Path, document_id: int, word: str, label: str = "figure") -> tuple[int, int]:
    repo = Repository.open(db)
    try:
        text = repo.document_text(document_id)
        start = text.index(word)
        label_id = next(x.id for x in repo.labels() if x.name == label)
        repo.create_annotation(document_id, label_id, start, start + len(word))
        return start, start + len(word)
    finally:
        repo.close()


def test_a_saved_page_is_imported_tagged_and_exported_with_its_metadata(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    result = cli("import", "--db", db, PAGE)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "1\tممرات آمنة لخروج المدنيين من شرق حلب\t746 characters\tutf-8\tadded\n"
    start, end = tag(db, 1, "47 غارة")
    plain, rich = tmp_path / "plain.csv", tmp_path / "rich.csv"
    assert cli("export", "--db", db, "--out", plain).returncode == 0
    assert cli("export", "--db", db, "--out", rich, "--metadata").stdout == f"{rich}: 1 annotation(s)\n"
    plain_rows, rich_rows = csv_rows(plain), csv_rows(rich)
    assert plain_rows[0] == list(HEADER) and rich_rows[0] == [*HEADER, *METADATA_HEADER]
    assert [r[:12] for r in rich_rows] == [plain_rows[0], *plain_rows[1:]]  # the twelve unchanged
    assert rich_rows[1][5:8] == [str(start), str(end), "47 غارة"]
    assert rich_rows[1][12:] == ["الأفق", URL, "2024-07-11"]
    # Another analyst's database with the same page merges the file without a note.
    other = tmp_path / "b.db"
    assert cli("import", "--db", other, PAGE).returncode == 0
    merged = cli("import-annotations", "--db", other, rich)
    assert (merged.returncode, merged.stderr) == (0, "")
    assert merged.stdout.startswith(f"{rich}: 1 added, 0 already present")
    # With the attributes too, the metadata comes first, right after the twelve.
    both = tmp_path / "both.csv"
    assert cli("export", "--db", db, "--out", both, "--attributes", "--metadata").returncode == 0
    header = csv_rows(both)[0]
    assert header[:15] == [*HEADER, *METADATA_HEADER] and header[15].startswith("attr_")


def test_several_hundred_corpus_lines_bad_ones_named_and_nothing_twice(tmp_path: Path) -> None:
    articles = corpus_lines(600)
    lines = [json.dumps(a, ensure_ascii=False) for a in articles]
    lines[99] = json.dumps({"title": "no text"})
    lines[299] = '{"text": "cut short'
    lines[499] = json.dumps({**articles[499], "published": "yesterday"})
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "a.db"
    first = cli("import", "--db", db, feed)
    assert first.returncode == 1
    out = first.stdout.splitlines()
    assert len(out) == 597
    assert out[0] == f"1\tخبر رقم 0\t{len(articles[0]['text'])} characters\tutf-8\tadded"  # type: ignore[arg-type]
    assert first.stderr.splitlines() == [
        f"{feed}: line 100: no 'text' (the article's text)",
        f"{feed}: line 300: is not JSON (Unterminated string starting at column 10)",
        f"{feed}: line 500: published 'yesterday' is not an ISO 8601 date or time "
        "(such as 2024-07-11 or 2024-07-11T09:30:00+03:00)",
        "3 line(s) of corpus files not imported; the others were"]
    stored = table(db, "SELECT text, outlet, url, published, external_id, file_format, source "
                       "FROM document ORDER BY id")
    good = [a for n, a in enumerate(articles) if n not in (99, 299, 499)]
    assert stored[1] == (good[1]["text"], OUTLETS[1], "https://news.example/1",
                         "2024-07-02T06:01:00Z", "a-1", "jsonl", "feed.jsonl")
    assert [s[0] for s in stored] == [a["text"] for a in good]  # exactly as in the JSON
    again = cli("import", "--db", db, feed)
    assert again.stdout == first.stdout.replace("\tadded", "\talready present")
    assert table(db, "SELECT count(*) FROM document") == [(597,)]


def test_a_csv_corpus_with_other_column_names_and_multi_line_cells(tmp_path: Path) -> None:
    path = tmp_path / "spreadsheet.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (
        'headline,body,outlet,date\r\n'
        '"ممرات، آمنة","قال الوزير: ""3 ممرات""\r\n\r\nوأضاف أن 47 غارة وقعت",الأفق,2024-07-11\r\n'
        'ثان,"نص ثان\nبسطرين",BBC,\r\n').encode())
    db = tmp_path / "a.db"
    fields = ["--field", "text=body", "--field", "title=headline", "--field", "source=outlet",
              "--field", "published=date"]
    result = cli("import", "--db", db, *fields, path)
    assert (result.returncode, result.stderr) == (0, "")
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == ["ممرات، آمنة", "ثان"]
    assert table(db, "SELECT text, outlet, published, file_format FROM document ORDER BY id") == [
        ('قال الوزير: "3 ممرات"\r\n\r\nوأضاف أن 47 غارة وقعت', "الأفق", "2024-07-11", "csv"),
        ("نص ثان\nبسطرين", "BBC", "", "csv")]
    wrong = cli("import", "--db", db, "--field", "body=text", path)
    assert wrong.returncode == 2 and "give FIELD=NAME, FIELD one of text, title" in wrong.stderr


def test_a_right_to_left_word_report_and_a_page_named_otherwise(tmp_path: Path) -> None:
    report = docx.Document()
    for text in ("قال شويغو إن عدد الممرات يبلغ 3،", "واتهمت المنظمة روسيا بشن 47 غارة."):
        paragraph = report.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    report.save(tmp_path / "report.docx")
    page = tmp_path / "article.php"  # a page saved under the address's own extension
    page.write_bytes(PAGE.read_bytes())
    db = tmp_path / "a.db"
    assert cli("import", "--db", db, tmp_path / "report.docx").returncode == 0
    assert cli("import", "--db", db, "--format", "html", page).returncode == 0
    assert table(db, "SELECT text, file_format FROM document ORDER BY id")[0] == (
        "قال شويغو إن عدد الممرات يبلغ 3،\n\nواتهمت المنظمة روسيا بشن 47 غارة.", "docx")
    assert table(db, "SELECT url, file_format FROM document WHERE id = 2") == [(URL, "html")]


def test_the_json_lines_export_carries_each_documents_metadata(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    articles = corpus_lines(3)
    feed.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
                    encoding="utf-8")
    db = tmp_path / "a.db"
    assert cli("import", "--db", db, feed, PAGE).returncode == 0
    spans = [tag(db, 2, "الوزير", "claim"), tag(db, 4, "47 غارة"), tag(db, 4, "3،", "figure")]
    out = tmp_path / "docs.jsonl"
    result = cli("export", "--db", db, "--out", out, "--label", "figure")
    assert result.stdout == f"{out}: 4 document(s), 2 annotation(s), 0 link(s)\n"
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [1, 2, 3, 4]
    assert records[1]["annotations"] == []  # the claim is not a figure
    page = records[3]
    assert (page["outlet"], page["url"], page["published"], page["author"], page["file_format"],
            page["source"]) == ("الأفق", URL, "2024-07-11", "ليلى حداد", "html", "news_page.html")
    assert [(a["label"], a["start"], a["end"], a["text"]) for a in page["annotations"]] == [
        ("figure", s, e, page["text"][s:e]) for s, e in sorted(spans[1:])]
    assert (records[0]["external_id"], records[0]["outlet"], records[0]["published"]) == \
        ("a-0", "الأفق", "2024-07-01T06:00:00Z")
    assert records[0]["text"] == articles[0]["text"]
    refused = cli("export", "--db", db, "--out", out, "--metadata")
    assert refused.returncode == 1 and "leave out --attributes, --relations and --metadata" in refused.stderr
    # Another database merges it with the documents' texts, facts and annotations ...
    again = tmp_path / "b.db"
    merged = cli("import-annotations", "--db", again, out)
    assert (merged.returncode, merged.stderr) == (0, "")
    assert merged.stdout.startswith(f"{out}: 4 document(s) added, 2 annotation(s) added")
    columns = "sha256, title, source, outlet, url, published, author, file_format, external_id"
    assert table(again, f"SELECT {columns} FROM document") == table(db, f"SELECT {columns} FROM document")


def test_a_corpus_and_an_annotation_export_each_go_to_their_own_command(tmp_path: Path) -> None:
    """Both may end .jsonl: `import` reads articles, `import-annotations` an export, and each
    refuses the other's file whole, naming the command that reads it."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(corpus_lines(1)[0], ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "a.db"
    assert cli("import", "--db", db, feed).returncode == 0
    tag(db, 1, "خبر")
    out = tmp_path / "work.jsonl"
    assert cli("export", "--db", db, "--out", out).returncode == 0
    other = tmp_path / "b.db"
    wrong = cli("import", "--db", other, out)
    assert wrong.returncode == 1 and wrong.stdout == ""
    assert wrong.stderr.splitlines()[0] == (f"{out}: is an annotation export (JSON Lines as "
                                            "`annotator export` writes), not articles: merge it "
                                            "with `annotator import-annotations`")
    wrong = cli("import-annotations", "--db", other, feed)
    assert wrong.returncode == 1 and wrong.stdout == ""
    assert wrong.stderr.startswith(f"{feed}: line 1: neither 'format' nor 'annotations'")
    assert "`annotator import`" in wrong.stderr
    assert not other.exists() or table(other, "SELECT count(*) FROM document") == [(0,)]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak from /proc")
def test_a_large_corpus_streams_in_constant_memory(tmp_path: Path) -> None:
    """Ten times the articles, the same peak memory: the file is never held whole."""
    peaks = {}
    for count in (2_000, 20_000):
        feed = tmp_path / f"feed{count}.jsonl"
        with feed.open("w", encoding="utf-8") as fh:
            for n, article in enumerate(corpus_lines(count, seed=count)):
                fh.write(json.dumps({**article, "text": f"{n} {article['text']}"}, ensure_ascii=False) + "\n")
        db = tmp_path / f"{count}.db"
        # VmHWM, the process's own peak: ru_maxrss would count the pages forked from pytest.
        probe = ("import re, sys\nfrom annotator.cli import main\n"
                 f"code = main(['import', '--db', {str(db)!r}, {str(feed)!r}])\n"
                 "peak = re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read())[1]\n"
                 "print(code, peak, file=sys.stderr)\n")
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                encoding="utf-8", timeout=300)
        code, peak_kib = result.stderr.split()
        assert code == "0" and len(result.stdout.splitlines()) == count
        peaks[count] = int(peak_kib) * 1024
    size = (tmp_path / "feed20000.jsonl").stat().st_size
    assert size > 30 * 2**20
    assert peaks[20_000] - peaks[2_000] < size / 4, (peaks, size)
