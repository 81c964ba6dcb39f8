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
                  seed: int = 7) -> Repository:
    """A database at `path` holding `texts` with `per_document` annotations on each (or on the nth)."""
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
        con.commit()
    con.close()
    return repo


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
