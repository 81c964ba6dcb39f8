"""Hostile web pages, corpora and Word files: one line each, the good ones imported, within a
bounded time and memory (the import runs under CPU and address-space limits, and a run past
them is killed, which fails the test)."""
from __future__ import annotations

import json
import resource
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

from reliability_support import REPO_ROOT, record, subprocess_env

from annotator.core.text import MAX_FILE_BYTES
from annotator.core.web_page import MAX_DEPTH, MAX_ELEMENTS, MAX_PAGE_CHARS

PAGE = REPO_ROOT / "tests" / "fixtures" / "news_page.html"
CPU_SECONDS = 120
MEMORY_BYTES = 3 * 1024**3  # address space: lxml's tree of the largest page allowed fits well within
PARAGRAPH = "<p>" + "وقال المتحدث إن عدد الممرات يبلغ 3 وإن نقاطا للإسعاف ستقام عند كل منها. " * 4 + "</p>"


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def import_bounded(db: Path, *paths: Path) -> subprocess.CompletedProcess[str]:
    env = subprocess_env()
    env.pop("ANNOTATOR_DB", None)
    return subprocess.run([sys.executable, "-m", "annotator", "import", "--db", str(db), *map(str, paths)],
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPO_ROOT,
                          preexec_fn=_limited, timeout=600)


def hostile_files(folder: Path) -> dict[str, tuple[bytes, str | None]]:
    """name -> (content, the reason it is refused, or None when its article is imported)."""
    page = PAGE.read_text(encoding="utf-8")
    html = "<!DOCTYPE html><html><body>{}</body></html>".format
    entities = ['<!ENTITY a1 "lol">'] + [f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(2, 10)]
    return {
        "deep.html": (html("<div>" * 100_000 + PARAGRAPH * 5 + "</div>" * 100_000).encode(),
                      f"levels deep: not an article page (the limit is {MAX_DEPTH})"),
        "inline-script.html": (page.replace("<main>", '<main><script>var blob = "'
                                            + "x" * 20_000_000 + '";</script>').encode(), None),
        "entity-bomb.html": (f'<?xml version="1.0"?><!DOCTYPE html [{"".join(entities)}]>'
                             f"<html><body><article>{PARAGRAPH * 3}<p>&a9;</p></article></body></html>"
                             .encode(), None),
        "entity-flood.html": (html("<article><p>" + "&#x627;&amp;" * 2_500_000 + "</p></article>").encode(),
                              f"characters of text: too many for an article page (the limit is "
                              f"{MAX_PAGE_CHARS:,})"),
        "wide.html": (html("<div><span>x</span></div>" * 1_200_000).encode(),
                      f"elements: too many for an article page (the limit is {MAX_ELEMENTS:,})"),
        "broken-bytes.html": (page.encode()[:3000] + b"\xc3\x28\xa0\xa1" + page.encode()[3000:],
                              "not valid utf-8 as it declares (invalid byte 0xc3 at offset 3000)"),
        "50mb.html": (html(PARAGRAPH * 100_000).encode(),
                      f"bytes; the limit is {MAX_FILE_BYTES:,})"),
        "wrong-types.jsonl": ("\n".join(json.dumps(x) for x in (
            {"text": 1}, {"text": None}, {"text": "صحيح", "published": 20240711}, {"text": ["x"]},
            {"text": "صحيح آخر", "source": {"name": "x"}})).encode(), None),
        "one-huge-line.jsonl": (b'{"text": "' + b"a" * (MAX_FILE_BYTES + 10) + b'"}\n'
                                + json.dumps({"text": "ما بعد السطر الطويل"}).encode() + b"\n",
                                f"not JSON Lines: line 1 is longer than {MAX_FILE_BYTES:,} bytes"),
        "semicolons.csv": (("text;title;source\n" + "نص;عنوان;الأفق\n" * 1000).encode(),
                           "are its columns separated by semicolons rather than commas?"),
        "open-quote.csv": (('text,title\n"' + "نص بلا نهاية, " * 1_000_000).encode(),
                           None),
        "zip-bomb.docx": (_zip_bomb(folder / "bomb.zip"), f"unpacks to {300 * 2**20 + len('<Types/>'):,} bytes"),
    }


def _zip_bomb(path: Path) -> bytes:
    """A Word package whose document part unpacks to 300 MiB of spaces (it packs to 300 KB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(300):
                part.write(b" " * 2**20)
    return path.read_bytes()


def test_hostile_files_are_refused_in_one_line_each_within_bounds(tmp_path: Path) -> None:
    files = hostile_files(tmp_path)
    paths = []
    for name, (content, _) in files.items():
        (tmp_path / name).write_bytes(content)
        paths.append(tmp_path / name)
    db = tmp_path / "a.db"
    result = import_bounded(db, *paths, PAGE)
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])  # not killed
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    for name, (_, reason) in files.items():
        if reason is not None:
            (line,) = [e for e in errors if e.startswith(f"{tmp_path / name}: ")]
            assert reason in line, line
    assert errors[-1] == "8 of 13 file(s) and 6 line(s) of corpus files not imported; the others were"
    # Per line: the JSON of the wrong types, and the CSV whose quote never closes.
    assert [e.split(": ", 1)[1] for e in errors if e.startswith(f"{tmp_path / 'wrong-types.jsonl'}:")] == [
        "line 1: 'text' is a number, not text", "line 2: no 'text' (the article's text)",
        "line 3: 'published' is a number, not text", "line 4: 'text' is a list, not text",
        "line 5: 'source' is an object, not text"]
    (open_quote,) = [e for e in errors if e.startswith(f"{tmp_path / 'open-quote.csv'}:")]
    assert open_quote.endswith("row 2: malformed CSV (unexpected end of data); the rest of the file was not read")
    con = sqlite3.connect(db)
    try:
        stored = dict(con.execute("SELECT source, text FROM document"))
    finally:
        con.close()
    assert sorted(stored) == ["entity-bomb.html", "inline-script.html"]
    assert "&a9;" in stored["entity-bomb.html"] and "lollol" not in stored["entity-bomb.html"]
    # The page after its 20 MB script is the page without it: the same text, stored once.
    assert [line.rsplit("\t", 1)[1] for line in result.stdout.splitlines()] == \
        ["added", "added", "already present"]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    record("hostile formats: files tried", len(files))
    record("hostile formats: children's peak resident memory (MB, the largest child so far)",
           round(usage.ru_maxrss / 1024))
