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


def _corpus(path: Path) -> Path:
    rows = [{"text": "خبر أول عن حلب", "title": "حلب", "source": "الأفق", "published": "2024-07-11T09:30:00+03:00",
             "author": "ليلى حداد", "url": "https://alofoq.example/1"},
            {"text": "خبر ثان عن إدلب", "title": "إدلب", "source": "BBC عربي", "published": "2024-07-20"},
            {"text": "خبر ثالث عن حمص", "title": "حمص", "source": "الأفق", "published": "2024-06-30"},
            {"text": "خبر بلا تاريخ ولا مصدر", "title": "مجهول"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_documents_dock_shows_outlet_and_date_sorts_and_filters_by_them(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    pane, table, model = window.documents_pane, window.document_list, window.documents
    # The seed article is a text file: no outlet or date columns, no filters for them.
    assert model.outlet_column is None and not pane.origin_row.isVisible()
    window.import_paths([str(_corpus(tmp_path / "feed.jsonl"))])
    assert pane.origin_row.isVisible()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-2:] == ["outlet", "published"]
    assert headers[2:-2] == [x.name for x in window.labels]  # the label counts stay where they were

    def shown(column: int) -> list[str]:
        return [table.model().index(r, column).data() for r in range(table.model().rowCount())]
    outlet, published = model.outlet_column, model.published_column
    table.sortByColumn(published, Qt.SortOrder.AscendingOrder)
    assert shown(DocumentListModel.TITLE)[-3:] == ["حمص", "حلب", "إدلب"]
    assert shown(published)[-3:] == ["2024-06-30", "2024-07-11T06:30:00Z", "2024-07-20"]
    table.sortByColumn(outlet, Qt.SortOrder.DescendingOrder)
    assert shown(outlet)[:3] == ["الأفق", "الأفق", "BBC عربي"]
    # By outlet: the combo offers each outlet once.
    offered = [pane.outlet_filter.itemText(i) for i in range(pane.outlet_filter.count())]
    assert offered == ["All outlets", "BBC عربي", "الأفق"]
    pane.outlet_filter.setCurrentIndex(pane.outlet_filter.findData("الأفق"))
    assert sorted(shown(DocumentListModel.TITLE)) == ["حلب", "حمص"]
    # And by a range of dates, both ends included; an article of unknown date is left out.
    pane.outlet_filter.setCurrentIndex(0)
    pane.since_filter.setDate(QDate(2024, 7, 1))
    assert sorted(shown(DocumentListModel.TITLE)) == ["إدلب", "حلب"]
    pane.until_filter.setDate(QDate(2024, 7, 11))
    assert shown(DocumentListModel.TITLE) == ["حلب"]
    pane.since_filter.setDate(pane.since_filter.minimumDate())  # back to «any date»
    assert pane.since_filter.text() == "any date"
    assert sorted(shown(DocumentListModel.TITLE)) == ["حلب", "حمص"]
    # Next document walks the rows shown.
    window.open_document(table.proxy.document_ids()[0])
    assert window.model.text.startswith("خبر")


def test_where_an_article_came_from_is_shown_above_it(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    origin = window.findChild(QLabel, "articleOrigin")
    assert not origin.isVisible()  # the seed article, a text file, says nothing of its origin
    window.import_paths([str(_corpus(tmp_path / "feed.jsonl"))])
    ids = {d.title: d.id for d in window.repo.documents()}
    window.open_document(ids["حلب"])
    assert origin.isVisible()
    assert origin.text() == "الأفق · 2024-07-11T06:30:00Z · ليلى حداد · https://alofoq.example/1"
    assert origin.geometry().bottom() <= window.view.geometry().top()
    window.open_document(ids["مجهول"])
    assert not origin.isVisible()


def test_in_arabic_the_origin_filters_and_columns_are_named_in_arabic(qapp, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui import i18n

    assert i18n.install(qapp, "ar")
    window = make_window()
    window.import_paths([str(_corpus(tmp_path / "feed.jsonl"))])
    pane, model = window.documents_pane, window.documents
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())][-2:] \
        == ["جهة النشر", "تاريخ النشر"]
    assert pane.outlet_filter.itemText(0) == "كل جهات النشر"
    assert pane.outlet_filter.itemText(1) == "\u2068BBC عربي\u2069"  # a Latin name isolated in the Arabic combo
    assert pane.since_filter.text() == pane.until_filter.text() == "أي تاريخ"


def test_a_corpus_naming_its_text_otherwise_asks_which_field_holds_what(window, reader, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from annotator.ui.dialogs.corpus_fields import CorpusFieldsDialog

    sheet = tmp_path / "sheet.csv"
    sheet.write_text("headline,body,date,outlet\r\nحلب,\"خبر عن حلب\r\nبسطرين\",2024-07-11,الأفق\r\n",
                     encoding="utf-8")
    before = len(reader.documents())
    window.import_paths([str(sheet)])
    dialog = window.findChild(CorpusFieldsDialog, "corpusFieldsDialog")
    assert dialog is not None and dialog.isVisible()
    assert len(reader.documents()) == before  # nothing read until the fields are named
    assert "sheet.csv" in dialog.findChild(QLabel, "corpusFieldsAbout").text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    text = dialog.choices["text"]
    assert [text.itemText(i) for i in range(text.count())] == ["(none)", "headline", "body", "date", "outlet"]
    assert text.currentData() == "" and not ok.isEnabled()  # the text must be named
    text.setCurrentIndex(text.findData("body"))
    for ours, theirs in (("title", "headline"), ("published", "date"), ("source", "outlet")):
        dialog.choices[ours].setCurrentIndex(dialog.choices[ours].findData(theirs))
    assert ok.isEnabled()
    ok.click()
    assert len(reader.documents()) == before + 1
    doc = reader.documents()[-1]
    assert (doc.title, doc.provenance.outlet, doc.provenance.published) == ("حلب", "الأفق", "2024-07-11")
    assert reader.document_text(doc.id) == "خبر عن حلب\r\nبسطرين"
    assert window.document_id == doc.id


def test_a_corpus_with_a_text_field_is_imported_without_asking(window, reader, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui.dialogs.corpus_fields import CorpusFieldsDialog

    feed = _corpus(tmp_path / "feed.jsonl")
    before = len(reader.documents())
    window.import_paths([str(feed)])
    assert window.findChild(CorpusFieldsDialog) is None
    assert len(reader.documents()) == before + 4


def test_cancelling_the_corpus_fields_imports_nothing(window, reader, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui.dialogs.corpus_fields import CorpusFieldsDialog

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"content": "خبر قصير"}\n', encoding="utf-8")
    before = len(reader.documents())
    window.import_paths([str(feed)])
    dialog = window.findChild(CorpusFieldsDialog)
    dialog.reject()
    assert len(reader.documents()) == before


def test_in_arabic_the_corpus_fields_dialog_shows_no_latin_but_the_field_names(qapp, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import re

    from PySide6.QtWidgets import QAbstractButton, QComboBox

    from annotator.ui import i18n
    from annotator.ui.dialogs.corpus_fields import CorpusFieldsDialog

    assert i18n.install(qapp, "ar")
    window = make_window()
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"content": "خبر قصير", "site": "الأفق"}\n', encoding="utf-8")
    window.import_paths([str(feed)])
    dialog = window.findChild(CorpusFieldsDialog)
    assert dialog.windowTitle() == "حقول المدونة"
    shown = ([x.text() for x in dialog.findChildren(QLabel)] + [b.text() for b in dialog.findChildren(QAbstractButton)]
             + [c.itemText(i) for c in dialog.findChildren(QComboBox) for i in range(c.count())])
    outside = [t for t in shown if re.search("[A-Za-z]", re.sub("\u2068[^\u2069]*\u2069", "", t))]
    assert outside == []
    assert "«\u2068text\u2069»" in dialog.findChild(QLabel, "corpusFieldsAbout").text()
    dialog.reject()


def test_the_outlet_and_published_columns_can_be_hidden_from_the_header(make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    table, model = window.document_list, window.documents
    assert table.column_menu().actions() == []  # a text file's database: nothing optional yet
    window.import_paths([str(_corpus(tmp_path / "feed.jsonl"))])
    menu = table.column_menu()
    assert [(a.text(), a.isChecked()) for a in menu.actions()] == [("outlet", True), ("published", True)]
    menu.actions()[0].trigger()
    assert table.isColumnHidden(model.outlet_column) and not table.isColumnHidden(model.published_column)
    assert [a.isChecked() for a in table.column_menu().actions()] == [False, True]
    # Still hidden when the list is rebuilt (a label added gives it another column).
    window.repo.add_label("source", "#336699")
    window.labels_changed()
    assert model.outlet_column == 2 + len(window.labels)
    assert table.isColumnHidden(model.outlet_column) and not table.isColumnHidden(model.published_column)
    # Remembered: the next start hides it too.
    window.close()
    window = make_window()
    table, model = window.document_list, window.documents
    assert [(a.text(), a.isChecked()) for a in table.column_menu().actions()] == [
        ("outlet", False), ("published", True)]
    assert table.isColumnHidden(model.outlet_column) and not table.isColumnHidden(model.published_column)
    table.column_menu().actions()[0].trigger()
    assert not table.isColumnHidden(model.outlet_column)
    window.close()
    assert not make_window().document_list.isColumnHidden(model.outlet_column)
