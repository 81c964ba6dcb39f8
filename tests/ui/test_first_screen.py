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


def test_tab_walks_the_panes_and_never_changes_the_open_document(qtbot, window, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for n in range(3):  # several documents, so a Tab that stepped rows would open another
        (tmp_path / f"doc{n}.txt").write_text(f"مقال رقم {n} عن حلب.\n", encoding="utf-8")
    window.import_paths([str(tmp_path)])
    opened = window.document_id
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    seen = []
    for _ in range(16):
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
        assert window.document_id == opened
    panes = [window.view, window.document_list, window.documents_pane.title_filter,
             window.documents_pane.done_filter, window.annotation_list.label_filter,
             window.annotation_list.text_filter, window.annotation_list.table]
    assert seen[:7] == panes[1:] + panes[:1]  # in reading order, then back to the article
    assert seen[7:14] == seen[:7]
