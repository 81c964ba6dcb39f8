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
