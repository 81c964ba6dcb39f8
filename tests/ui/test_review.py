"""Review: two analysts' differences settled into the gold layer from the keyboard, undoable,
and exported alone."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from test_main_window import word_span

from annotator.ui.dialogs.review import GOLD, ReviewDialog


def test_differences_are_settled_into_gold_by_keys_undoably_and_export_alone(  # type: ignore[no-untyped-def]
        make_window, repo, reader, db_path: Path, tmp_path: Path, qtbot) -> None:
    doc = repo.documents()[0].id
    text = repo.document_text(doc)
    labels = {x.name: x.id for x in repo.labels()}

    def tag(who: str, label: str, words: str, **attributes: str) -> None:
        start, end = word_span(text, words)
        repo.create_annotation(doc, labels[label], start, end, annotator=who, attributes=attributes)

    for who in ("ann", "bea"):
        tag(who, "claim", "قالت روسيا إنها تعمل مع الجيش السوري", certainty="certain")
    tag("ann", "figure", "47")
    tag("bea", "figure", "47 غارة")
    tag("ann", "party", "منظمة هيومان رايتس ووتش")
    window = make_window()
    window.named_actions["review"].trigger()
    dialog = window.findChild(ReviewDialog, "reviewDialog")
    assert dialog.compared() == ["ann", "bea"]  # every analyst's layer (gold aside)
    lines = [dialog.items.item(r).text() for r in range(dialog.items.count())]
    assert lines == ["• agreed: claim «قالت روسيا إنها تعمل مع الجيش…» ↔ claim «قالت روسيا إنها تعمل مع الجيش…»",
                     "• only ann: party «منظمة هيومان رايتس ووتش» ↔ nothing",
                     "• boundaries: figure «47» ↔ figure «47 غارة»"]
    assert dialog.summary.text() == "3 differences to settle"
    # The agreement in one press, with its attributes; then the keys on the list.
    dialog.findChild(QPushButton, "reviewTakeAgreed").click()
    gold = [a for a in reader.annotations(doc) if a.annotator == GOLD]
    assert [(a.label, a.attributes) for a in gold] == [("claim", {"certainty": "certain"})]
    dialog.activateWindow()
    dialog.items.setFocus()
    qtbot.waitUntil(dialog.items.hasFocus)
    assert dialog.items.currentRow() == 1  # the first difference still open
    QTest.keyClick(dialog.items, Qt.Key.Key_0)  # the party: neither
    assert dialog.items.currentRow() == 2
    QTest.keyClick(dialog.items, Qt.Key.Key_2)  # the figure: Bea's
    gold = sorted((a.label, text[a.start:a.end]) for a in reader.annotations(doc) if a.annotator == GOLD)
    assert gold == [("claim", "قالت روسيا إنها تعمل مع الجيش السوري"), ("figure", "47 غارة")]
    assert dialog.summary.text() == "0 differences to settle"
    window.named_actions["undo"].trigger()
    assert [a.label for a in reader.annotations(doc) if a.annotator == GOLD] == ["claim"]
    assert dialog.summary.text() == "1 difference to settle"
    window.named_actions["redo"].trigger()
    out = tmp_path / "gold.csv"
    done = subprocess.run([sys.executable, "-m", "annotator", "export", "--db", str(db_path), "--out", str(out),
                           "--annotator", GOLD], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert sorted((r["label"], r["text"], r["annotator"]) for r in rows) == [
        ("claim", "قالت روسيا إنها تعمل مع الجيش السوري", GOLD), ("figure", "47 غارة", GOLD)]


def test_neither_is_kept_when_the_review_is_opened_again_and_undone_like_any_step(  # type: ignore[no-untyped-def]
        make_window, repo, reader, qtbot) -> None:
    doc = repo.documents()[0].id
    text = repo.document_text(doc)
    labels = {x.name: x.id for x in repo.labels()}
    for who, words in (("ann", "47"), ("bea", "47 غارة"), ("cai", "47")):
        start, end = word_span(text, words)
        repo.create_annotation(doc, labels["figure"], start, end, annotator=who)
    start, end = word_span(text, "منظمة هيومان رايتس ووتش")
    repo.create_annotation(doc, labels["party"], start, end, annotator="ann")
    window = make_window()

    def review() -> ReviewDialog:
        window.named_actions["review"].trigger()
        dialog = window.findChild(ReviewDialog, "reviewDialog")
        dialog.activateWindow()
        dialog.items.setFocus()
        qtbot.waitUntil(dialog.items.hasFocus)
        return dialog

    def lines(dialog: ReviewDialog) -> list[str]:
        return [dialog.items.item(r).text() for r in range(dialog.items.count())]

    dialog = review()
    assert dialog.compared() == ["ann", "bea", "cai"]
    assert lines(dialog) == ["• only ann: party «منظمة هيومان رايتس ووتش» ↔ nothing ↔ nothing",
                             "• boundaries: figure «47» ↔ figure «47 غارة» ↔ figure «47»"]
    assert dialog.order.text().replace("\u2068", "").replace("\u2069", "") == "1 ann ↔ 2 bea ↔ 3 cai"
    dialog.compare(["ann", "bea"])
    assert lines(dialog) == ["• only ann: party «منظمة هيومان رايتس ووتش» ↔ nothing",
                             "• boundaries: figure «47» ↔ figure «47 غارة»"]
    QTest.keyClick(dialog.items, Qt.Key.Key_0)  # the party: neither
    QTest.keyClick(dialog.items, Qt.Key.Key_0)  # the figures: neither
    assert dialog.summary.text() == "0 differences to settle"
    assert window.undo_group.activeStack().undoText() == "set aside «47»"
    steps = window.undo_group.activeStack().count()
    dialog.items.setCurrentRow(0)
    QTest.keyClick(dialog.items, Qt.Key.Key_0)  # again on a settled difference: no new step
    assert window.undo_group.activeStack().count() == steps
    assert not [a for a in reader.annotations(doc) if a.annotator == GOLD]  # nothing went into gold
    dialog.close()
    qtbot.waitUntil(lambda: window.findChild(ReviewDialog, "reviewDialog") is None)

    dialog = review()  # opened again: the decisions were kept
    dialog.compare(["ann", "bea"])
    assert dialog.summary.text() == "0 differences to settle"
    assert [line[0] for line in lines(dialog)] == ["✓", "✓"]
    dialog.compare(["ann", "cai"])  # Ann against Cai: the party was set aside whoever is compared
    assert lines(dialog) == ["✓ only ann: party «منظمة هيومان رايتس ووتش» ↔ nothing",
                             "• agreed: figure «47» ↔ figure «47»"]  # Cai's figure was not set aside
    dialog.compare(["ann", "bea"])
    window.named_actions["undo"].trigger()  # the figures' «neither» taken back
    assert dialog.summary.text() == "1 difference to settle"
    assert lines(dialog)[1].startswith("• boundaries: figure")
    assert len(reader.set_aside(doc)) == 1  # the party stays set aside
    # All three: 3 takes the third analyst's version.
    dialog.compare(["ann", "bea", "cai"])
    dialog.items.setCurrentRow(1)
    QTest.keyClick(dialog.items, Qt.Key.Key_3)
    gold = [(a.label, text[a.start:a.end]) for a in reader.annotations(doc) if a.annotator == GOLD]
    assert gold == [("figure", "47")]
    assert dialog.summary.text() == "0 differences to settle"
    window.named_actions["undo"].trigger()
    dialog.items.setCurrentRow(1)
    QTest.keyClick(dialog.items, Qt.Key.Key_A)  # all versions: the same span once
    gold = sorted(text[a.start:a.end] for a in reader.annotations(doc) if a.annotator == GOLD)
    assert gold == ["47", "47 غارة"]
    dialog.close()
    window.close()
