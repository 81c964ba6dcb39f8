"""Figures read from the text as Arabic news writes them: the attributes an analyst would write."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.attributes import stored_value
from annotator.core.figures import read_figure

C, Q, P, M, D, T, DU, R = "count", "quantity", "percent", "money", "date", "time", "duration", "range"
G, H = "gregorian", "hijri"


def f(kind: str, value: str = "", unit: str = "", value_max: str = "", approximate: str = "",
      date: str = "", calendar: str = "") -> dict[str, str]:
    out = {"kind": kind, "value": value, "value_max": value_max, "unit": unit, "approximate": approximate,
           "date": date, "calendar": calendar}
    return {k: v for k, v in out.items() if v}


# (what was tagged, what the analyst would write in the attributes): real phrasings from the
# seed, the test articles (Moroccan, Syrian, Egyptian and Gulf outlets) and agency copy.
PHRASES = [
    # counts: digits of every system, the counted word as the unit
    ("47 غارة", f(C, "47", "غارة")),
    ("٤٧ غارة", f(C, "47", "غارة")),
    ("۴۷ غارة", f(C, "47", "غارة")),
    ("3 ممرات", f(C, "3", "ممرات")),
    ("740 ناخبا", f(C, "740", "ناخبا")),
    ("316 ملاحظا دوليا", f(C, "316", "ملاحظا")),
    ("132 مرشحا ومرشحة", f(C, "132", "مرشحا")),
    ("800 مركز صحي", f(C, "800", "مركز")),
    ("1350 شخصا", f(C, "1350", "شخصا")),
    ("15 آخرون", f(C, "15", "آخرون")),
    ("300 سائق مهني", f(C, "300", "سائق")),
    ("4681 ملاحظا وملاحظة", f(C, "4681", "ملاحظا")),
    ("12,500 لاجئ", f(C, "12500", "لاجئ")),
    ("12٬500 لاجئ", f(C, "12500", "لاجئ")),
    ("1,200,000 نسمة", f(C, "1200000", "نسمة")),
    ("695 نسمة", f(C, "695", "نسمة")),
    ("من 600 مركز صحي", f(C, "600", "مركز")),
    # scale words after the digits, and numbers joined by «و»
    ("146 ألفا", f(C, "146000")),
    ("146 ألف لاجئ", f(C, "146000", "لاجئ")),
    ("3 ملايين", f(C, "3000000")),
    ("3 ملايين نازح", f(C, "3000000", "نازح")),
    ("30 ألف منصب", f(C, "30000", "منصب")),
    ("370 ألف و", f(C, "370000")),
    ("86 ألف و603", f(C, "86603")),
    ("3 ملايين و200 ألف", f(C, "3200000")),
    ("مليون و200 ألف", f(C, "1200000")),
    ("180 ألف", f(C, "180000")),
    # numbers in words
    ("ثلاثة آلاف وخمسمائة", f(C, "3500")),
    ("سبعة وأربعين", f(C, "47")),
    ("عشرين ألفا", f(C, "20000")),
    ("نصف مليون", f(C, "500000")),
    ("اثنا عشر", f(C, "12")),
    # approximations
    ("نحو 300 ألف لاجئ", f(C, "300000", "لاجئ", approximate="yes")),
    ("حوالي 50 قتيلا", f(C, "50", "قتيلا", approximate="yes")),
    ("أكثر من 200 شخص", f(C, "200", "شخص", approximate="yes")),
    ("أقل من 10 أطفال", f(C, "10", "أطفال", approximate="yes")),
    ("قرابة 70 مدنيا", f(C, "70", "مدنيا", approximate="yes")),
    ("زهاء 400 عائلة", f(C, "400", "عائلة", approximate="yes")),
    ("ما يزيد على 100 غارة", f(C, "100", "غارة", approximate="yes")),
    ("عشرات القتلى", f(C, "", "القتلى", approximate="yes")),
    ("مئات الجرحى", f(C, "", "الجرحى", approximate="yes")),
    # ranges
    ("بين 10 و20 قتيلا", f(R, "10", "قتيلا", value_max="20")),
    ("من 10 الى 12", f(R, "10", value_max="12")),
    ("من 10 إلى 20 جريحا", f(R, "10", "جريحا", value_max="20")),
    ("10-20 عنصرا", f(R, "10", "عنصرا", value_max="20")),
    ("الفترة 2017-2021", f(R, "2017", "year", value_max="2021")),
    ("سنتي 2008 و 2010", f(R, "2008", "year", value_max="2010")),
    # percent
    ("34.4%", f(P, "34.4", "%")),
    ("15%", f(P, "15", "%")),
    ("١٢٫٥٪", f(P, "12.5", "%")),
    ("15 بالمئة", f(P, "15", "%")),
    ("2 بالمائة", f(P, "2", "%")),
    ("80 في المائة", f(P, "80", "%")),
    ("40 في المئة", f(P, "40", "%")),
    ("حوالي 8 بالمائة", f(P, "8", "%", approximate="yes")),
    ("13,6 في المئة", f(P, "13.6", "%")),
    ("بين 10 و20%", f(P, "10", "%", value_max="20")),
    # money
    ("2.5 مليار دولار", f(M, "2500000000", "USD")),
    ("500 مليون يورو", f(M, "500000000", "EUR")),
    ("400 مليار درهم", f(M, "400000000000", "درهم")),
    ("440 ريال", f(M, "440", "ريال")),
    ("200 ألف ليرة سورية", f(M, "200000", "SYP")),
    ("10 آلاف جنيه مصري", f(M, "10000", "EGP")),
    ("$300", f(M, "300", "USD")),
    # quantities
    ("100 كيلومتر", f(Q, "100", "km")),
    ("5 أطنان", f(Q, "5", "t")),
    ("1.5 مليون برميل", f(Q, "1500000", "barrel")),
    ("20 ميغاواط", f(Q, "20", "MW")),
    ("30 كلم", f(Q, "30", "km")),
    # durations
    ("خمس سنوات", f(DU, "5", "year")),
    ("ثلاثة أشهر", f(DU, "3", "month")),
    ("عامين", f(DU, "2", "year")),
    ("48 ساعة", f(DU, "48", "hour")),
    ("47 عاما", f(DU, "47", "year")),
    ("10 أيام", f(DU, "10", "day")),
    # dates, the dual month form, Levantine and Maghrebi months, partial dates
    ("11 يوليو/تموز 2016", f(D, date="2016-07-11", calendar=G)),
    ("الخميس 28 يوليو/تموز 2016", f(D, date="2016-07-28", calendar=G)),
    ("11 يوليو/تموز", f(D, date="--07-11", calendar=G)),
    ("28/07/2016", f(D, date="2016-07-28", calendar=G)),
    ("٢٨/٠٧/٢٠١٦", f(D, date="2016-07-28", calendar=G)),
    ("2024-07-11", f(D, date="2024-07-11", calendar=G)),
    ("يوليو 2016", f(D, date="2016-07", calendar=G)),
    ("أيار 2016", f(D, date="2016-05", calendar=G)),
    ("آب 2016", f(D, date="2016-08", calendar=G)),
    ("تشرين الأول 2015", f(D, date="2015-10", calendar=G)),
    ("كانون الثاني 2017", f(D, date="2017-01", calendar=G)),
    ("الثلاثاء 09 يوليوز 2019", f(D, date="2019-07-09", calendar=G)),
    ("في 28 دجنبر الماضي", f(D, date="--12-28", calendar=G)),
    ("الجمعة 04 يناير 2019", f(D, date="2019-01-04", calendar=G)),
    ("يوم 7 أكتوبر القادم", f(D, date="--10-07", calendar=G)),
    ("27 مايو", f(D, date="--05-27", calendar=G)),
    ("عام 2016", f(D, date="2016", calendar=G)),
    ("سنة 1985", f(D, date="1985", calendar=G)),
    ("مند 2016", f(D, date="2016", calendar=G)),
    ("2014 م", f(D, date="2014", calendar=G)),
    ("رمضان 1437", f(D, date="1437-09", calendar=H)),
    ("رمضان 1435 ه", f(D, date="1435-09", calendar=H)),
    ("15 شعبان 1437 هـ", f(D, date="1437-08-15", calendar=H)),
    ("ذو الحجة 1440", f(D, date="1440-12", calendar=H)),
    # times
    ("الساعة 10:30", f(T, date="T10:30")),
    ("10:30 مساء", f(T, date="T22:30")),
    ("الساعة ٨:١٥ صباحا", f(T, date="T08:15")),
]


@pytest.mark.parametrize(("text", "expected"), PHRASES, ids=[p[0] for p in PHRASES])
def test_a_figure_proposes_what_an_analyst_would_write(text: str, expected: dict[str, str]) -> None:
    reading = read_figure(text)
    assert reading is not None and reading.attributes() == expected


def test_there_are_at_least_eighty_real_phrasings() -> None:
    assert len(PHRASES) >= 80


@pytest.mark.parametrize("text", ["الخميس", "وقال المتحدث", "", "هيومان رايتس ووتش"])
def test_text_without_a_figure_proposes_nothing(text: str) -> None:
    assert read_figure(text) is None


@pytest.mark.parametrize(("text", "expected"), PHRASES, ids=[p[0] for p in PHRASES])
def test_every_proposal_is_a_value_its_attribute_accepts(text: str, expected: dict[str, str]) -> None:
    kinds = {"value": "number", "value_max": "number", "date": "date", "unit": "text"}
    for name, value in expected.items():
        if name in kinds:
            assert stored_value(kinds[name], (), value) == value


WESTERN, ARABIC_INDIC, PERSIAN = "0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99),
       st.sampled_from([WESTERN, ARABIC_INDIC, PERSIAN]), st.booleans(), st.booleans(),
       st.sampled_from(["غارة", "شخصا", "بالمئة", ""]))
def test_a_number_in_any_digit_system_reads_the_same(whole: int, cents: int, digits: str, grouped: bool,
                                                     fraction: bool, word: str) -> None:
    arabic = digits != WESTERN
    group_mark, decimal_mark = ("٬", "٫") if arabic else (",", ".")
    written = f"{whole:,}".replace(",", group_mark) if grouped else str(whole)
    value = Decimal(whole)
    if fraction:
        written += decimal_mark + f"{cents:02d}"
        value += Decimal(cents) / 100
    text = written.translate(str.maketrans(WESTERN, digits)) + (" " + word if word else "")
    reading = read_figure(text)
    assert reading is not None and Decimal(reading.value) == value, text
