"""Numbers as Arabic news writes them: digits of any system with their marks, scale words after
digits (146 ألفا, 2.5 مليار), and number words (through pyarabic's reader)."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TASHKEEL = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, superscript alef, tatweel
# A number as written with Western digits once the system is folded: groups of three after
# a grouping mark, a decimal part after a decimal mark.
NUMBER = r"\d+(?:[.,\u066b\u066c]\d+)*"
_NUMBER = re.compile(NUMBER)

# Scale words after a number (146 ألفا, 3 ملايين, 2.5 مليار): the multiplier, every form
# news uses (singular, plural, accusative, with the article).
SCALES = {
    "ألف": 10**3, "ألفا": 10**3, "آلاف": 10**3, "الف": 10**3, "الفا": 10**3, "الاف": 10**3,
    "مليون": 10**6, "مليونا": 10**6, "ملايين": 10**6,
    "مليار": 10**9, "مليارا": 10**9, "مليارات": 10**9, "بليون": 10**9,
    "ترليون": 10**12, "تريليون": 10**12,
}
# Number words pyarabic does not read as news writes them: construct states and fractions.
_CONSTRUCT = {"مئتي": "مئتان", "مائتي": "مئتان", "ألفي": "ألفان", "مليوني": "مليونان"}
_DUALS = {"عامين": ("2", "year"), "سنتين": ("2", "year"), "شهرين": ("2", "month"),
          "يومين": ("2", "day"), "أسبوعين": ("2", "week"), "ساعتين": ("2", "hour"),
          "دقيقتين": ("2", "minute")}


def plain(text: str) -> str:
    """`text` with Western digits and no tashkeel or tatweel: what the readers below match."""
    return _TASHKEEL.sub("", text.translate(DIGITS))


def number_value(written: str) -> Decimal | None:
    """The value of one number as written (Western digits already): 12,500 · 34.4 · 13,6 ·
    12٬500 · 12٫5. A comma before exactly three digits groups thousands, before other counts
    it is a decimal comma, as in much Arabic and European print."""
    marks = re.findall(r"[.,\u066b\u066c]", written)
    text = written
    if "\u066b" in text:  # the Arabic decimal separator: ٬ and , then group
        text = text.replace("\u066c", "").replace(",", "").replace("\u066b", ".")
    elif "\u066c" in text:
        text = text.replace("\u066c", "").replace(",", "")
    elif "," in text and "." in text:  # 12,500.5 (or 12.500,5: the last mark is the decimal)
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        groups = text.split(",")
        if len(marks) > 1 or all(len(g) == 3 for g in groups[1:]):
            text = "".join(groups)  # 12,500 and 1,200,000
        else:
            text = ".".join(groups)  # 13,6
    elif text.count(".") > 1:  # 1.200.000: dots grouping thousands
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def as_text(value: Decimal) -> str:
    """A value as stored: plain decimal, no exponent, no trailing zeros (146000, 12.5)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def scaled(value: Decimal, after: str) -> tuple[Decimal, int]:
    """`value` times the scale word(s) at the start of `after` (146 ألفا); and how many
    characters of `after` they took."""
    m = re.match(r"\s*(\S+)", after)
    if m is None:
        return value, 0
    word = m.group(1).removeprefix("ال") if m.group(1).removeprefix("ال") in SCALES else m.group(1)
    if word in SCALES:
        return value * SCALES[word], m.end()
    return value, 0


def read_words(text: str) -> tuple[Decimal, str] | None:
    """A number written in words (ثلاثة آلاف وخمسمائة, عشرين ألفا, نصف مليون, عامين), and the
    unit a dual carries (year for عامين); None when there is none."""
    words = text.split()
    for word in words:
        if word in _DUALS:
            value, unit = _DUALS[word]
            return Decimal(value), unit
    half = "نصف" in words
    fixed = " ".join(_CONSTRUCT.get(w.removeprefix("و"), w) for w in words if w != "نصف")
    from pyarabic.number import text2number  # here: only figures without digits need it

    value = text2number(fixed)
    if not value:
        return None
    return (Decimal(value) / 2 if half else Decimal(value)), ""


def first_number(text: str) -> tuple[Decimal, int, int] | None:
    """The first number written with digits in `text` (plain already), with its scale word:
    (value, start, end of what was read)."""
    m = _NUMBER.search(text)
    if m is None:
        return None
    value = number_value(m.group())
    if value is None:
        return None
    value, taken = scaled(value, text[m.end():])
    return value, m.start(), m.end() + taken
