"""Where an article came from: publication dates as stored, one-line titles, the line shown."""
from __future__ import annotations

import pytest

from annotator.core.provenance import Provenance, describe, one_line, published_iso


@pytest.mark.parametrize(("given", "stored"), [
    ("2024-07-11", "2024-07-11"),  # a date stays a date: no invented midnight
    (" 2024-07-11 ", "2024-07-11"),
    ("2024-07-11T09:30:00+03:00", "2024-07-11T06:30:00Z"),  # a zone given: UTC
    ("2024-07-11T23:30:00-02:00", "2024-07-12T01:30:00Z"),
    ("2024-07-11T09:30:00Z", "2024-07-11T09:30:00Z"),
    ("2024-07-11 09:30", "2024-07-11T09:30:00"),  # no zone: the outlet's local time, as given
    ("2024-07-11T09:30:00.250+00:00", "2024-07-11T09:30:00.250000Z"),
    ("", ""),
])
def test_publication_dates_are_stored_as_iso_8601(given: str, stored: str) -> None:
    assert published_iso(given) == stored


@pytest.mark.parametrize("given", ["yesterday", "11/07/2024", "2024-13-01", "11 يوليو 2024",
                                   "2024-07-11T25:00"])
def test_a_date_that_is_not_iso_8601_is_refused_naming_it(given: str) -> None:
    with pytest.raises(ValueError, match="is not an ISO 8601 date or time") as err:
        published_iso(given)
    assert repr(given)[:20] in str(err.value)


def test_titles_are_one_line_and_bounded() -> None:
    assert one_line("  ممرات\r\nآمنة \t في حلب ") == "ممرات آمنة في حلب"
    long = one_line("كلمة " * 400)
    assert len(long) == 500 and long.endswith("…") and "\n" not in long


def test_the_line_shown_leaves_out_what_is_unknown() -> None:
    about = Provenance(outlet="الأفق", url="https://a.example/1", published="2024-07-11")
    assert describe(about) == "الأفق · 2024-07-11 · https://a.example/1"
    assert describe(Provenance(file_format="txt")) == ""
