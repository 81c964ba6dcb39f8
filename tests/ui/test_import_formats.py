"""File → Import takes saved pages and corpora, and the window shows where an article came from."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from annotator.ui.document_list import DocumentListModel

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "news_page.html"
URL = "https://www.alofoq-news.example/politics/2024/07/11/aleppo-corridors"


def test_the_file_dialog_offers_every_article_format(window) -> None:
    window.named_actions["import_files"].trigger()
    chooser = window.findChild(QFileDialog, "fileDialog")
    filters = chooser.nameFilters()
    assert filters[0].startswith("Articles (*.txt *.html *.htm *.jsonl")
    assert "Word documents (*.docx)" in filters and filters[-1] == "All files (*)"
    chooser.reject()


def test_a_page_and_a_corpus_imported_through_the_window(window, reader, tmp_path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "خبر من الموجز\r\nبسطرين", "source": "BBC عربي",
                                "published": "2024-07-12"}, ensure_ascii=False) + "\n"
                    + '{"text": 5}\n', encoding="utf-8")
    before = len(reader.documents())
    window.import_paths([str(PAGE), str(feed)])
    assert len(reader.documents()) == before + 2
    assert window.model.text.startswith("ممرات آمنة لخروج المدنيين من شرق حلب\n\nأعلنت")
    origin = window.statusBar().findChild(QLabel, "originStatus")
    assert origin.text() == "الأفق · 2024-07-11"
    assert URL in origin.toolTip() and "ليلى حداد" in origin.toolTip()
    box = window.findChild(QMessageBox, "importProblems")
    assert box is not None and f"{feed}: line 2: 'text' is a number, not text" in box.informativeText()
    model = window.documents
    rows = {model.data(model.index(r, DocumentListModel.TITLE)): r for r in range(model.rowCount())}
    tip = model.data(model.index(rows["خبر من الموجز"], DocumentListModel.TITLE), Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[1] == "BBC عربي · 2024-07-12"
    window.open_document(before + 2)
    assert origin.text() == "BBC عربي · 2024-07-12"
    window.open_document(1)  # the seed article: a text file says nothing of its origin
    assert origin.text() == "" and origin.toolTip() == ""


def test_in_arabic_the_formats_and_the_origin_are_named_in_arabic(qapp, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui import i18n

    assert i18n.install(qapp, "ar")
    window = make_window()
    window.named_actions["import_files"].trigger()
    chooser = window.findChild(QFileDialog, "fileDialog")
    filters = chooser.nameFilters()
    assert filters[0].startswith("المقالات (*.txt *.html *.htm *.jsonl")
    assert "مستندات وورد (*.docx)" in filters and filters[-1] == "كل الملفات (*)"
    chooser.reject()
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "خبر قصير", "source": "BBC عربي", "url": "https://a.example/1",
                                "published": "2024-07-12"}, ensure_ascii=False) + "\n" + '{"text": 5}\n',
                    encoding="utf-8")
    window.import_paths([str(PAGE), "/nonexistent/gone.txt", str(feed)])
    box = window.findChild(QMessageBox, "importProblems")
    assert box is not None and box.text() == "تعذر استيراد ملف واحد وسطر واحد من ملفات المدونات."
    origin = window.statusBar().findChild(QLabel, "originStatus")
    window.open_document(max(d.id for d in window.repo.documents()))
    assert origin.text() == "\u2068BBC عربي\u2069 · \u20682024-07-12\u2069"
    assert origin.toolTip().splitlines() == ["جهة النشر: \u2068BBC عربي\u2069", "تاريخ النشر: \u20682024-07-12\u2069",
                                             "الرابط: \u2068https://a.example/1\u2069"]
