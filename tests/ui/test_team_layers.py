"""Several analysts' layers in one article: each analyst's spans framed in their own outline."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QAction, QColor

from annotator.ui.highlighter import OUTLINE_COLOURS
from annotator.ui.layers import outlined


def outline_pixels(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """How many pixels of the article's viewport are drawn in each analyst's outline colour."""
    window.view.viewport().repaint()
    image = window.view.viewport().grab().toImage()
    wanted = {QColor(c).rgb(): c for c in OUTLINE_COLOURS}
    counts = dict.fromkeys(OUTLINE_COLOURS, 0)
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            colour = wanted.get(image.pixel(x, y))
            if colour is not None:
                counts[colour] += 1
    return counts


def test_the_outline_of_each_analyst_follows_their_place_among_everyone() -> None:
    everyone = ["ann", "bea", "gold"]
    assert outlined(everyone, None) == {"ann": 0, "bea": 1, "gold": 2}
    assert outlined(everyone, frozenset({"ann", "gold"})) == {"ann": 0, "gold": 2}  # gold keeps its own
    assert outlined(everyone, frozenset({"bea"})) == {}  # one layer: nothing to tell apart
    assert outlined(["ann"], None) == {}  # a solo database draws no frames


def test_two_analysts_on_one_span_show_two_outlines_until_one_layer_is_shown(make_window, repo, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = repo.documents()[0].id
    claim = next(x.id for x in repo.labels() if x.name == "claim")
    for who in ("ann", "bea"):  # the same words, tagged by both
        repo.create_annotation(doc, claim, 0, 12, annotator=who)
    window = make_window()
    window.settings.annotator = "ann"
    qtbot.waitUntil(lambda: window.view.highlighter.outlined == {"ann": 0, "bea": 1})
    first, second = OUTLINE_COLOURS[:2]
    pixels = outline_pixels(window)
    assert pixels[first] > 20 and pixels[second] > 20  # both frames drawn, neither hides the other
    # The menu says whose outline is whose.
    menu = window.layers_menu
    menu.aboutToShow.emit()
    icons = {name: menu.findChild(QAction, f"layer:{name}").icon() for name in ("ann", "bea")}
    assert not icons["ann"].isNull() and not icons["bea"].isNull()
    assert icons["ann"].pixmap(28, 18).toImage() != icons["bea"].pixmap(28, 18).toImage()
    # One layer shown: no frames.
    menu.findChild(QAction, "layersMine").trigger()
    assert window.view.highlighter.outlined == {}
    pixels = outline_pixels(window)
    assert pixels[first] == 0 and pixels[second] == 0
    # Everyone's again, and on the next document opened too.
    menu.aboutToShow.emit()
    menu.findChild(QAction, "layersEveryone").trigger()
    window.open_document(doc)
    assert window.view.highlighter.outlined == {"ann": 0, "bea": 1}
    assert outline_pixels(window)[second] > 20


def named(settings_file, name: str) -> None:  # type: ignore[no-untyped-def]
    """The analyst's name in the settings the next window reads (as the first start asks it)."""
    from PySide6.QtCore import QSettings

    from annotator.ui.settings import Settings

    Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).annotator = name


def test_annotating_blind_hides_the_others_until_i_mark_the_document_done(make_window, repo, reader,  # type: ignore[no-untyped-def]
                                                                          settings_file, qtbot) -> None:
    doc = repo.documents()[0].id
    claim = next(x.id for x in repo.labels() if x.name == "claim")
    repo.create_annotation(doc, claim, 0, 12, annotator="ann")
    repo.create_annotation(doc, claim, 20, 30, annotator="bea")
    named(settings_file, "ann")
    window = make_window()

    def shown() -> list[str]:
        return sorted(a.annotator for a in window.model.annotations())
    assert shown() == ["ann", "bea"]
    window.named_actions["annotate_blind"].trigger()
    assert reader.blind  # the database's own option: every analyst's window follows it
    assert shown() == ["ann"]
    assert window.annotation_list.table.model().rowCount() == 1
    assert window.view.highlighter.outlined == {}
    # Nothing to choose in View → Analysts, and no review, until the document is done.
    menu = window.layers_menu
    menu.aboutToShow.emit()
    assert not menu.findChild(QAction, "layersEveryone").isEnabled()
    assert any(a.text().startswith("Annotating blind") for a in menu.actions())
    window.show_review()
    assert window.statusBar().currentMessage().startswith("Annotating blind: mark this document done")
    # Done: everyone's layers, framed; undone: mine alone again.
    window.named_actions["mark_done"].trigger()
    assert reader.document(doc, analyst="ann").done and not reader.document(doc, analyst="bea").done
    assert shown() == ["ann", "bea"]
    assert window.statusBar().currentMessage() == "Done: the other analysts' annotations are shown now"
    qtbot.waitUntil(lambda: window.view.highlighter.outlined == {"ann": 0, "bea": 1})
    window.undo_group.undo()
    assert shown() == ["ann"] and not reader.document(doc, analyst="ann").done
    # Bea, on the same database, opens it blind too and sees only hers.
    named(settings_file, "bea")
    bea = make_window()
    assert bea.named_actions["annotate_blind"].isChecked()
    assert sorted(a.annotator for a in bea.model.annotations()) == ["bea"]
    bea.named_actions["annotate_blind"].trigger()  # off, for everyone
    assert not reader.blind
    assert sorted(a.annotator for a in bea.model.annotations()) == ["ann", "bea"]


def test_the_done_mark_is_each_analysts_and_the_list_shows_everyones_progress(make_window, repo, reader,  # type: ignore[no-untyped-def]
                                                                              settings_file) -> None:
    from annotator.core.text import Document

    first = repo.documents()[0].id
    second = repo.add_document(Document("second", "نص ثان قصير.", "utf-8"))[0].id
    repo.set_done(first, True, annotator="bea")
    repo.set_done(second, True, annotator="bea")
    named(settings_file, "ann")
    window = make_window()
    pane = window.documents_pane
    assert pane.progress.text() == "0 / 2 done"  # Bea's marks are not mine
    assert not window.named_actions["mark_done"].isChecked()
    assert pane.team.isVisible() and pane.team.text() == "Done by each analyst: bea 2"
    window.open_document(first)
    window.named_actions["mark_done"].trigger()
    assert pane.progress.text() == "1 / 2 done"
    assert pane.team.text() == "Done by each analyst: ann 1, bea 2"
    assert reader.document(first).done_by == ("ann", "bea")
    # Next not done is the next one not done by me, though Bea finished it.
    window.named_actions["next_not_done"].trigger()
    assert window.document_id == second
