"""What a span tagged `figure` says: its kind, value(s), unit, whether it is approximate, and a
date in its calendar, proposed from the text so that the analyst only corrects them.

Recognised (see tests/core/test_figures.py for the phrasings):
- digits of any system with decimal and grouping marks (numerals.py), a scale word after them
  (146 ألفا → 146000, 2.5 مليار), and numbers in words (ثلاثة آلاف وخمسمائة, عامين, نصف مليون);
- percent: % ٪ بالمئة بالمائة في المئة في المائة; money: a currency word or sign, the unit an
  ISO 4217 code where the word names one currency (دولار USD), else the word as written;
- ranges (بين 10 و20, من 10 إلى 20, 10-20) give value and value_max; approximations (نحو,
  حوالي, قرابة, زهاء, أكثر من, أقل من, ما يزيد على, عشرات, مئات) mark approximate;
- dates through dateparser, the dual form «يوليو/تموز» split first and Levantine months read
  with the ar-SY locale: `date` is ISO 8601, partial when the text is (2016-07, --07-11, 2016);
  Hijri months (رمضان 1437) give the date in the Hijri calendar (1437-09), calendar hijri;
- times (الساعة 10:30, 10:30 مساء) as THH:MM; durations in years, months, weeks, days, hours,
  minutes; quantities in units of measure (km, t, kg, l, barrel, MW); anything else counted
  gives kind count with the counted word as unit (47 غارة → غارة).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from decimal import Decimal

from annotator.core.numerals import NUMBER, as_text, first_number, number_value, plain, read_words, scaled

_APPROXIMATE = ("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "أكثر من", "اكثر من", "أقل من", "اقل من",
                "ما يزيد على", "ما يزيد عن", "ما لا يقل عن", "أزيد من", "تقريبا", "تقريباً", "عشرات",
                "مئات", "آلاف من", "ألوف", "قرابه", "نحوا من")
_PERCENT = re.compile(r"[%٪]|بال?م[ئا]ئ?ة|في الم[ئا]ئ?ة|بالمية")
_CURRENCIES = [("دولار", "USD"), ("$", "USD"), ("يورو", "EUR"), ("€", "EUR"), ("جنيه إسترليني", "GBP"),
               ("جنيه استرليني", "GBP"), ("£", "GBP"), ("ليرة سورية", "SYP"), ("ليرة تركية", "TRY"),
               ("ليرة لبنانية", "LBP"), ("جنيه مصري", "EGP"), ("ريال سعودي", "SAR"), ("ريال قطري", "QAR"),
               ("دينار أردني", "JOD"), ("دينار عراقي", "IQD"), ("دينار كويتي", "KWD"), ("درهم إماراتي", "AED"),
               ("روبل", "RUB"), ("ين ياباني", "JPY"), ("يوان", "CNY"), ("ليرة", "ليرة"), ("ريال", "ريال"),
               ("دينار", "دينار"), ("درهم", "درهم"), ("جنيه", "جنيه")]
_DURATIONS = {"year": ("سنة", "سنوات", "سنين", "عام", "أعوام", "اعوام", "عاما", "عاماً"),
              "month": ("شهر", "أشهر", "اشهر", "شهور", "شهرا"), "week": ("أسبوع", "أسابيع", "اسبوع", "اسابيع"),
              "day": ("يوم", "أيام", "ايام", "يوما"), "hour": ("ساعة", "ساعات"), "minute": ("دقيقة", "دقائق")}
_UNITS = {"km": ("كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كم"), "m": ("متر", "مترا", "أمتار"),
          "km2": ("كيلومتر مربع",), "t": ("طن", "طنا", "أطنان"), "kg": ("كيلوغرام", "كغ", "كيلو"),
          "l": ("لتر", "لترا", "لترات"), "barrel": ("برميل", "برميلا", "براميل"),
          "MW": ("ميغاواط", "ميغاوات", "ميجاوات"), "ha": ("هكتار", "هكتارا"), "dunam": ("دونم", "دونما")}
_MONTHS = ("يناير", "ماي", "يوليوز", "غشت", "شتنبر", "نونبر", "دجنبر",
           "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه",
           "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون الثاني",
           "شباط", "آذار", "اذار", "نيسان", "أيار", "ايار", "حزيران", "تموز", "آب", "اب", "أيلول",
           "ايلول", "تشرين الأول", "تشرين الاول", "تشرين الثاني", "كانون الأول", "كانون الاول")
_HIJRI = {"محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
          "جمادى الأولى": 5, "جمادى الاولى": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "رجب": 7,
          "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12,
          "ذي الحجة": 12}
_YEAR_WORDS = re.compile(r"(?:^|\s)(?:عام|العام|سنة|لعام|لسنة|في|منذ|مند)\s+((?:19|20|14)\d\d)(?!\d)"
                         r"|(?:^|\s)((?:19|20)\d\d)\s*م(?:\s|$|[.،,])")
# Maghrebi month names (Moroccan and Algerian news), read as the Egyptian ones dateparser knows.
_MAGHREBI = {"ماي": "مايو", "يوليوز": "يوليو", "غشت": "أغسطس", "شتنبر": "سبتمبر", "نونبر": "نوفمبر",
             "دجنبر": "ديسمبر", "جانفي": "يناير", "فيفري": "فبراير", "أفريل": "أبريل", "جوان": "يونيو",
             "جويلية": "يوليو", "أوت": "أغسطس"}
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:[-–/]|و)\s*((?:19|20)\d\d)(?!\d)")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b|\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_RANGE = re.compile(rf"(?:بين|ما بين)\s+({NUMBER})(.*?)\s+و\s*({NUMBER})|(?:من)\s+({NUMBER})(.*?)\s+"
                    rf"(?:إلى|الى|حتى)\s+({NUMBER})|({NUMBER})\s*[-–]\s*({NUMBER})")


@dataclass(frozen=True, kw_only=True)
class FigureReading:
    """A figure's attributes as proposed; an empty field is not proposed."""

    kind: str = ""
    value: str = ""
    value_max: str = ""
    unit: str = ""
    approximate: str = ""
    date: str = ""
    calendar: str = ""

    def attributes(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


def _words_in(text: str, words: tuple[str, ...] | list[str]) -> str | None:
    found = [w for w in words if re.search(rf"(?<![\w])(?:و|ب|ل|ال)?{re.escape(w)}(?![\w])", text)]
    return max(found, key=len) if found else None


def read_figure(span: str) -> FigureReading | None:
    """The attributes a span tagged `figure` proposes, or None when it holds no number, date or
    time this reader knows."""
    text = " ".join(plain(span).split())
    text = " ".join(_MAGHREBI.get(w, w) for w in text.split())
    years = _YEAR_RANGE.search(text)
    if years:  # «الفترة 2017-2021»
        return FigureReading(kind="range", value=years.group(1), value_max=years.group(2), unit="year")
    approximate = "yes" if _words_in(text, _APPROXIMATE) else ""
    when = _date(text)
    if when is not None:
        return when
    time = _TIME.search(text)
    if time and not re.search(r"\d:\d\d:\d", text):
        hour = int(time.group(1)) + (12 if re.search(r"مساء|ليلا", text) and int(time.group(1)) < 12 else 0)
        return FigureReading(kind="time", date=f"T{hour:02d}:{time.group(2)}", approximate=approximate)
    values = _values(text)
    if values is None:
        many = re.search(r"(?:^|\s)(عشرات|مئات|آلاف|الاف|ملايين)\s+(?:من\s+)?(\S+)", text)
        if many:  # «عشرات القتلى»: a count without a value, approximate by its nature
            return FigureReading(kind="count", unit=many.group(2), approximate="yes")
        return None
    value, value_max, rest, word_unit = values
    kind, unit = _kind_and_unit(text, rest, word_unit)
    if value_max and kind in ("count", "quantity"):
        kind = "range"
    return FigureReading(kind=kind, value=as_text(value), value_max=as_text(value_max) if value_max else "",
                         unit=unit, approximate=approximate)


def _values(text: str) -> tuple[Decimal, Decimal | None, str, str] | None:
    """(value, value_max, the text after the number, a unit the words carry)."""
    m = _RANGE.search(text)
    if m:
        low = m.group(1) or m.group(4) or m.group(7)
        high = m.group(3) or m.group(6) or m.group(8)
        first, last = number_value(low), number_value(high)
        if first is not None and last is not None:
            between = m.group(2) or m.group(5) or ""
            last, taken = scaled(last, text[m.end():])
            first, _ = scaled(first, between)  # بين 3 ملايين و5 ملايين
            if first < last / 100 and taken:  # بين 3 و5 ملايين: the scale is both ends'
                first *= last / number_value(high)  # type: ignore[operator]
            return first, last, text[m.end() + taken:], ""
    leading = re.match(r"(مليون|مليونا|مليار|مليارا)\s+و\s*(" + NUMBER + r")\s*(ألف|ألفا|الف|مليون)", text)
    if leading:  # مليون و200 ألف
        extra = number_value(leading.group(2)) or Decimal(0)
        big = Decimal(10**6 if leading.group(1).startswith("مليون") else 10**9)
        small = Decimal(10**6 if leading.group(3) == "مليون" else 1000)
        return big + extra * small, None, text[leading.end():], ""
    found = first_number(text)
    if found is not None:
        value, _start, end = found
        rest = text[end:]
        more = re.match(r"\s*و\s*(" + NUMBER + r")(?:\s*(ألف|ألفا|الف))?", rest)
        if more and value >= 1000 and value % 1000 == 0:  # 3 ملايين و200 ألف · 86 ألف و603
            extra = number_value(more.group(1)) or Decimal(0)
            small = extra * 1000 if more.group(2) else extra
            if small < value:
                value += small
                rest = rest[more.end():]
        return value, None, rest, ""
    words = read_words(text)
    if words is None:
        return None
    value, unit = words
    return value, None, "", unit  # the words are the number: no counted noun to read


def _kind_and_unit(text: str, rest: str, word_unit: str) -> tuple[str, str]:
    if _PERCENT.search(text):
        return "percent", "%"
    for word, code in _CURRENCIES:
        if (word in text) if not word[0].isalpha() else _words_in(text, [word]):
            return "money", code
    if word_unit:
        return "duration", word_unit
    for unit, words in _DURATIONS.items():
        if _words_in(text, words):
            return "duration", unit
    for unit, words in sorted(_UNITS.items(), key=lambda u: -max(map(len, u[1]))):
        if _words_in(text, words):
            return "quantity", unit
    noun = re.match(r"\s*(?:من\s+)?([^\s\d.,،:؛()]+)", rest)
    return "count", noun.group(1) if noun and noun.group(1) not in ("و", "-", "–") else ""


def _date(text: str) -> FigureReading | None:
    hijri = _words_in(text, list(_HIJRI))
    if hijri is not None:
        return _hijri(text, hijri)
    numeric = _NUMERIC_DATE.search(text)
    month = _words_in(text, _MONTHS)
    if month is None and numeric is None:
        year = _YEAR_WORDS.search(" " + text)
        return (FigureReading(kind="date", date=year.group(1) or year.group(2), calendar="gregorian")
                if year else None)
    if numeric is not None:
        d, mo, y = numeric.group(1, 2, 3) if numeric.group(1) else numeric.group(6, 5, 4)
        if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
            return None
        return FigureReading(kind="date", date=f"{int(y):04d}-{int(mo):02d}-{int(d):02d}", calendar="gregorian")
    return _month_date(text)


def _month_date(text: str) -> FigureReading | None:
    import dateparser  # type: ignore[import-untyped]  # here: only dates need it

    # «11 يوليو/تموز 2016»: one month named twice, the Levantine name after the slash.
    single = re.sub(r"(\S+)\s*/\s*(\S+(?:\s+(?:الثاني|الأول|الاول))?)", r"\1", text)
    month = _words_in(single, _MONTHS)
    if month is not None:  # the day, the month and the year only: dateparser refuses other words
        at = single.find(month)
        day_m = re.search(r"(\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?$", single[:at])
        year_m = re.match(r"\s*(?:من\s+)?(?:عام\s+|سنة\s+)?((?:19|20)\d\d)", single[at + len(month):])
        single = " ".join(x for x in (day_m.group(1) if day_m else "", month,
                                      year_m.group(1) if year_m else "") if x)
    day = re.search(r"(?<!\d)(\d{1,2})(?!\d)\s*(?:من\s+)?(?:شهر\s+)?\S", single)
    year = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", single)
    found = None
    for locales in (["ar"], ["ar-SY"]):
        found = dateparser.parse(single, locales=locales,
                                 settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"})
        if found is not None:
            break
    if found is None:
        return None
    day_known = day is not None and _words_in(single[day.end() - 1:], _MONTHS) is not None
    if year is None:
        date = f"--{found.month:02d}-{found.day:02d}" if day_known else f"--{found.month:02d}"
    else:
        date = f"{found.year:04d}-{found.month:02d}" + (f"-{found.day:02d}" if day_known else "")
    return FigureReading(kind="date", date=date, calendar="gregorian")


def _hijri(text: str, month_name: str) -> FigureReading:
    month = _HIJRI[month_name]
    year = re.search(r"(?<!\d)(1[34]\d\d)(?!\d)", text)
    day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", text.replace(year.group(1), "") if year else text)
    date = (f"{year.group(1)}-{month:02d}" if year else f"--{month:02d}") + (f"-{int(day.group(1)):02d}" if day else "")
    return FigureReading(kind="date", date=date, calendar="hijri")
