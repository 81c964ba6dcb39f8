"""Generated benchmark data: long articles, many annotations, many files (nothing checked in)."""
from __future__ import annotations

import random
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.text import Document
from annotator.store.repository import Repository

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "aleppo-corridors.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def long_article(size_bytes: int = 1_000_000) -> str:
    """The seed article repeated until its UTF-8 form reaches `size_bytes`."""
    seed = seed_text().rstrip("\n") + "\n\n"
    per = len(seed.encode("utf-8"))
    return seed * max(1, size_bytes // per)


def spans_for(text: str, count: int, rng: random.Random) -> list[tuple[int, int, int]]:
    """`count` distinct (start, end, label_index) word spans, many nested or overlapping."""
    words = [m.span() for m in re.finditer(r"\w+", text)]
    candidates = [(words[i][0], words[i + k][1], label)
                  for i in range(len(words)) for k in (0, 1, 2, 5, 10) if i + k < len(words)
                  for label in range(3)]
    if count > len(candidates):
        raise ValueError(f"{count} distinct spans asked of a text that has {len(candidates)}")
    return sorted(rng.sample(candidates, count))


def database_with(path: Path, texts: list[str], per_document: int | list[int],
                  seed: int = 7, scheme: bool = False) -> Repository:
    """A database at `path` holding `texts` with `per_document` annotations on each (or on the nth);
    with `scheme`, two attribute values per annotation and a link for every second one."""
    counts = per_document if isinstance(per_document, list) else [per_document] * len(texts)
    repo = Repository.open(path)
    label_ids = [label.id for label in repo.labels()]
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0).isoformat(sep=" ")
    con = sqlite3.connect(path)
    for n, text in enumerate(texts):
        info, _ = repo.add_document(Document(f"bench-{n}", text, "utf-8", f"bench-{n}.txt"))
        rows = [(info.id, label_ids[lab], s, e, "", "bench", now, now)
                for s, e, lab in spans_for(text, counts[n], rng)]
        con.executemany('INSERT INTO annotation (document_id, label_id, start, "end", note, '
                        "annotator, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)", rows)
        if scheme:
            _add_scheme_load(con, info.id, rng, now)
        con.commit()
    con.close()
    return repo


def _add_scheme_load(con: sqlite3.Connection, document_id: int, rng: random.Random, now: str) -> None:
    """Two attribute values on every annotation of the document, and half as many links
    (cites_figure from a claim or accusation to a figure near it)."""
    attrs = {(label, name): (aid, kind, choices) for aid, label, name, kind, choices in con.execute(
        "SELECT a.id, l.name, a.name, a.kind, a.choices FROM attribute a JOIN label l ON l.id = a.label_id")}
    two = {"claim": ("certainty", "polarity"), "accusation": ("certainty", "quote"),
           "figure": ("kind", "value")}
    anns = con.execute('SELECT a.id, l.name, a.start FROM annotation a JOIN label l ON l.id = a.label_id '
                       "WHERE a.document_id = ? ORDER BY a.start", (document_id,)).fetchall()
    values = []
    for ann_id, label, _start in anns:
        for name in two.get(label, ()):
            aid, kind, choices = attrs[(label, name)]
            value = rng.choice(choices.split("\n")) if kind == "choice" else str(rng.randrange(1, 10_000))
            values.append((ann_id, aid, value))
    con.executemany("INSERT INTO attribute_value (annotation_id, attribute_id, value) VALUES (?,?,?)", values)
    cites = con.execute("SELECT id FROM relation_type WHERE name = 'cites_figure'").fetchone()[0]
    figures = [a for a in anns if a[1] == "figure"]
    statements = [a for a in anns if a[1] in ("claim", "accusation")]
    links: set[tuple[int, int]] = set()
    for n, (source, _label, _start) in enumerate(statements):
        if len(links) >= len(anns) // 2:
            break
        near = figures[max(0, n * len(figures) // max(1, len(statements)) - 2):][:5]
        for target, _l, _s in near:
            if (source, target) not in links:
                links.add((source, target))
                break
    con.executemany("INSERT INTO relation (type_id, source_id, target_id, annotator, created_at) "
                    "VALUES (?,?,?,'bench',?)", [(cites, s, t, now) for s, t in sorted(links)])


def article_files(folder: Path, count: int, seed: int = 11) -> list[Path]:
    """`count` distinct article files made from shuffled paragraphs of the seed."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = [p for p in seed_text().split("\n\n") if p.strip()]
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        rng.shuffle(paragraphs)
        body = "\n\n".join(paragraphs[: rng.randrange(5, len(paragraphs))])
        p = folder / f"article-{n:05d}.txt"
        p.write_text(f"مقال رقم {n}\n\n{body}\n", encoding="utf-8")
        paths.append(p)
    return paths


def corpus_file(path: Path, count: int, seed: int = 13) -> Path:
    """A JSON Lines corpus of `count` distinct articles from shuffled paragraphs of the seed,
    each with the facts a scraper writes (id, title, source, url, published)."""
    import json

    paragraphs = [p for p in seed_text().split("\n\n") if p.strip()]
    outlets = ["الأفق", "BBC عربي", "الجزيرة نت", "وكالة الأنباء"]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            rng.shuffle(paragraphs)
            body = "\n\n".join(paragraphs[: rng.randrange(3, 8)])
            fh.write(json.dumps({"id": n, "title": f"مقال رقم {n}", "source": outlets[n % 4],
                                 "url": f"https://news.example/{n}",
                                 "published": f"2024-07-{1 + n % 28:02d}T09:30:00+03:00",
                                 "text": f"مقال رقم {n}\n\n{body}\n"}, ensure_ascii=False) + "\n")
    return path
