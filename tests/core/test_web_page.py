"""Saved web pages: the article's paragraphs and facts, nothing around them; pages refused with a reason."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.provenance import Provenance
from annotator.core.text import RejectedFile
from annotator.core.web_page import MAX_DEPTH, read_web_page

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "news_page.html"
ARTICLE = [
    "ممرات آمنة لخروج المدنيين من شرق حلب",
    "أعلنت وزارة الدفاع صباح الخميس فتح ثلاثة ممرات آمنة تسمح بخروج المدنيين من الأحياء الشرقية "
    "لمدينة حلب، بعد أسابيع من الحصار الذي فرضته القوات الحكومية على المنطقة.",
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن عدد الممرات يبلغ 3، وإن نقاطا للإسعاف الأولي "
    "ستقام عند كل منها، مضيفا أن ممرا رابعا سيخصص لخروج المسلحين الذين يقبلون تسليم أسلحتهم.",
    "في المقابل، اتهمت منظمة حقوقية دولية الحكومة وحلفاءها باستخدام القنابل العنقودية في 47 غارة "
    "على الأقل منذ أواخر مايو/أيار، قالت إنها أودت بحياة عشرات المدنيين.",
    "ويقدّر مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية عدد المحاصرين بنحو 250 ألف شخص، يعاني "
    "كثير منهم نقصا حادا في الغذاء والدواء.",
    "ولم يصدر عن فصائل المعارضة المسلحة أي تعليق رسمي على الإعلان حتى مساء الخميس.",
]
# What surrounds the article on the page: menus, ticker, share buttons, "read also", tags,
# related articles, comments, the comment form, footer, scripts.
AROUND = ["الرئيسية", "اقتصاد", "عاجل", "انقطاع الكهرباء", "شارك", "فيسبوك", "واتساب", "اقرأ أيضا",
          "قوافل الإغاثة", "مقالات ذات صلة", "جولة جديدة من المحادثات", "التعليقات", "أبو محمد",
          "نتمنى أن تكون", "شكرا على التغطية", "اكتب تعليقك", "النشرة البريدية", "جميع الحقوق",
          "dataLayer", "track(", "حافلات تنتظر", "بقلم"]


def test_the_article_alone_in_paragraphs_separated_by_blank_lines() -> None:
    doc = read_web_page(PAGE)
    assert doc.text == "\n\n".join(ARTICLE)
    assert [word for word in AROUND if word in doc.text] == []
    assert doc.title == "ممرات آمنة لخروج المدنيين من شرق حلب"
    assert (doc.source, doc.encoding) == ("news_page.html", "utf-8")
    assert doc.provenance == Provenance(
        outlet="الأفق", url="https://www.alofoq-news.example/politics/2024/07/11/aleppo-corridors",
        published="2024-07-11", author="ليلى حداد", file_format="html")


def test_a_windows_1256_page_and_a_declared_charset_are_read(tmp_path: Path) -> None:
    page = PAGE.read_text(encoding="utf-8")
    for name, declared in (("cp1256", "windows-1256"), ("iso-8859-6", "ISO-8859-6")):
        path = tmp_path / f"{name}.html"
        text = page.replace('<meta charset="utf-8">', f'<meta charset="{declared}">')
        path.write_bytes(text.encode(name, errors="ignore" if name == "iso-8859-6" else "strict"))
        doc = read_web_page(path)
        assert doc.text.split("\n\n")[:2] == [a.replace("ّ", "") if name == "iso-8859-6" else a
                                              for a in ARTICLE[:2]]
        assert doc.encoding in ("windows-1256", "iso8859-6")


def test_the_address_a_browser_noted_when_the_page_has_none(tmp_path: Path) -> None:
    page = PAGE.read_text(encoding="utf-8")
    for line in ('<meta property="og:url"', '<link rel="canonical"'):
        page = "\n".join(x for x in page.splitlines() if not x.startswith(line))
    path = tmp_path / "saved.html"
    path.write_text("<!-- saved from url=(0036)https://www.alofoq-news.example/a/1 -->\n" + page,
                    encoding="utf-8")
    assert read_web_page(path).provenance.url == "https://www.alofoq-news.example/a/1"


def page_with(body: str) -> str:
    return f"<!DOCTYPE html><html lang='ar'><head><title>صفحة</title></head><body>{body}</body></html>"


PARAGRAPH = "<p>" + "وقال المتحدث إن عدد الممرات يبلغ 3 وإن نقاطا للإسعاف ستقام عند كل منها. " * 4 + "</p>"


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("menu.html", page_with("<nav><ul>" + "<li><a href='/x'>سياسة</a></li>" * 30 + "</ul></nav>"),
     "no article text found (only navigation, links or boilerplate)"),
    ("deep.html", page_with("<div>" * 5000 + PARAGRAPH * 5 + "</div>" * 5000),
     f"levels deep: not an article page (the limit is {MAX_DEPTH})"),
    ("broken.html", PAGE.read_bytes()[:3000] + b"\xff\xfe\xfa" + PAGE.read_bytes()[3000:],
     "not valid utf-8 as it declares (invalid byte 0xff at offset 3000)"),
    ("binary.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "contains NUL bytes"),
    ("empty.html", b"   \n", "empty file"),
])
def test_pages_without_an_article_are_refused_with_a_reason(tmp_path: Path, name: str,
                                                            content: str | bytes, reason: str) -> None:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(RejectedFile) as err:
        read_web_page(path)
    assert str(err.value).startswith(f"{path}: ") and reason in str(err.value)
    assert "\n" not in str(err.value)


def test_an_entity_bomb_is_not_expanded(tmp_path: Path) -> None:
    entities = ['<!ENTITY lol1 "lol">']
    for n in range(2, 10):  # lol9 would be 10**8 times "lol"
        entities.append(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">')
    lol = "".join(entities)
    path = tmp_path / "bomb.html"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE html [{lol}]><html><body><article>'
                    f"{PARAGRAPH * 3}<p>&lol9;</p></article></body></html>", encoding="utf-8")
    doc = read_web_page(path)
    assert doc.text.endswith("\n\n&lol9;") and "lollol" not in doc.text  # shown as written
    assert doc.text.startswith("وقال المتحدث إن عدد الممرات يبلغ 3")
