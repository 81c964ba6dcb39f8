"""What a new analyst meets when the window opens: the article's top, most of the width, Tab order."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget

from annotator.core.text import Document
from annotator.store.repository import Repository
from annotator.ui.main_window import SIDE_PANEL_SHARE

LONG_FIRST = ("قالت روسيا إنها تعمل مع الجيش السوري لفتح ممرات آمنة تسمح بخروج المدنيين من مدينة حلب "
              "المحاصرة، وإن وزير الدفاع سيرغيه شويغو أعلن أن عدد هذه الممرات يبلغ ثلاثة، إضافة إلى "
              "نقاط للإسعاف الأولي خارج المدينة وممر خاص في الجزء الشمالي لخروج المسلحين مع أسلحتهم.\n\n"
              "وقال بيان الجيش إن الذين سلموا أسلحتهم يمكنهم مغادرة المدينة.\n")


@pytest.fixture
def long_first_repo(tmp_path: Path) -> Iterator[Repository]:
    repo = Repository.open(tmp_path / "first.db")
    repo.add_document(Document("wrapped first paragraph", LONG_FIRST, "utf-8"))
    yield repo
    repo.close()


def test_the_article_opens_at_its_first_line_with_the_caret_in_sight(make_window, long_first_repo) -> None:
    window = make_window(long_first_repo)
    view = window.view
    first = view.document().firstBlock()
    view.blockBoundingRect(first)
    assert first.layout().lineCount() > 1  # the case that opened a line down
    assert view.verticalScrollBar().value() == 0
    caret = view.cursorRect()
    assert 0 <= caret.top() and caret.bottom() <= view.viewport().height()


@pytest.mark.parametrize("width", [800, 1000, 1600, 2400])
def test_the_article_keeps_most_of_the_width_at_every_size(qtbot, window, width: int) -> None:
    window.resize(width, 800)
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    qtbot.waitUntil(lambda: window.width() == width
                    and all(d.width() <= width * SIDE_PANEL_SHARE + 1 for d in docks))
    assert window.view.width() > width / 2
