"""Typed attribute values: what each kind accepts and how a value is stored (always as text)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

CHOICE, YES_NO, TEXT, NUMBER, DATE = "choice", "yes/no", "text", "number", "date"
KINDS = (CHOICE, YES_NO, TEXT, NUMBER, DATE)
YES, NO = "yes", "no"
MAX_TEXT = 2000

# ISO 8601 calendar dates, partial allowed: 2016, 2016-07, 2016-07-11, --07-11 (no year), --07,
# a time THH:MM alone or after a full date; in the calendar the figure names (a Hijri date too).
_DATE = re.compile(r"(?:(\d{4})|-)(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2}))?|T(\d{2}):(\d{2})")
# Digits of any system the analyst may type: Western, Arabic-Indic, Persian.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")


class AttributeValueRefused(ValueError):
    """A value the attribute's kind does not accept; the message says why in one line."""


def stored_value(kind: str, choices: Sequence[str], value: str) -> str:
    """`value` as stored for an attribute of `kind`, or raise AttributeValueRefused.

    The empty string means "not set". Numbers are kept as plain decimals in Western digits
    (١٢٫٥ -> 12.5), dates as ISO 8601 (partial allowed), yes/no as "yes" or "no".
    """
    value = value.strip()
    if not value:
        return ""
    if kind == CHOICE:
        if value not in choices:
            raise AttributeValueRefused(f"{value!r} is not one of: {', '.join(choices)}")
        return value
    if kind == YES_NO:
        if value not in (YES, NO):
            raise AttributeValueRefused(f"{value!r} is not yes or no")
        return value
    if kind == NUMBER:
        return _number(value)
    if kind == DATE:
        return _date(value)
    if kind == TEXT:
        if len(value) > MAX_TEXT:
            raise AttributeValueRefused(f"longer than {MAX_TEXT} characters")
        return value
    raise AttributeValueRefused(f"unknown attribute kind {kind!r}")


def _number(value: str) -> str:
    plain = value.translate(_DIGITS).replace("\u066c", "").replace(",", "").replace(" ", "")
    try:
        number = Decimal(plain)
    except InvalidOperation:
        raise AttributeValueRefused(f"{value!r} is not a number") from None
    if not number.is_finite():
        raise AttributeValueRefused(f"{value!r} is not a finite number")
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _date(value: str) -> str:
    plain = value.translate(_DIGITS)
    m = _DATE.fullmatch(plain)
    if m is None or plain in ("-", "--") or (plain.startswith("-") and m.group(2) is None):
        raise AttributeValueRefused(f"{value!r} is not a date as 2016, 2016-07, 2016-07-11, --07-11 "
                                    "or a time as T10:30")
    month, day = m.group(2), m.group(3)
    hour, minute = m.group(4) or m.group(6), m.group(5) or m.group(7)
    if month is not None and not 1 <= int(month) <= 12:
        raise AttributeValueRefused(f"{value!r}: no month {month}")
    if day is not None and not 1 <= int(day) <= 31:
        raise AttributeValueRefused(f"{value!r}: no day {day}")
    if hour is not None and not (int(hour) <= 23 and int(minute) <= 59):
        raise AttributeValueRefused(f"{value!r}: no time {hour}:{minute}")
    if m.group(4) is not None and day is None:
        raise AttributeValueRefused(f"{value!r}: a time goes after a whole date, or alone (T10:30)")
    return plain
