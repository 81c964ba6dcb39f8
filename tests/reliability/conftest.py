"""Shared set-up for the reliability tests: a seeded database fixture and the run figures."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reliability_support import FIGURES, SEED

from annotator.core.text import read_document
from annotator.store.repository import Repository


@pytest.fixture
def seeded_db(tmp_path: Path) -> tuple[Path, int]:
    """A fresh database file holding the seed article; returns (path, document id)."""
    db = tmp_path / "annotations.db"
    repo = Repository.open(db)
    info, _ = repo.add_document(read_document(SEED))
    repo.close()
    return db, info.id


@pytest.fixture(scope="session")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a cleanly closed database of ours with the seed article and 300 tags."""
    path = tmp_path_factory.mktemp("good") / "good.db"
    repo = Repository.open(path)
    doc, _ = repo.add_document(read_document(SEED))
    for i in range(300):
        repo.create_annotation(doc.id, 1 + i % 3, i, i + 7, note="ملاحظة " * (i % 9), annotator="a")
    repo.close()
    assert not Path(f"{path}-wal").exists()
    return path.read_bytes()


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    for name in sorted(FIGURES):
        terminalreporter.write_line(f"{name}: {FIGURES[name]}")
    factory = getattr(config, "_tmp_path_factory", None)
    if factory is not None:
        out = Path(factory.getbasetemp()) / "reliability-figures.json"
        out.write_text(json.dumps(FIGURES, indent=2, ensure_ascii=False), encoding="utf-8")
        terminalreporter.write_line(f"saved to {out}")
