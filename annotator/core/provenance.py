"""Where an article came from (outlet, URL, publication date, author): the value and its checks."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

# Longest title kept; a longer one (a whole paragraph in a title field) is cut with an ellipsis.
MAX_TITLE_CHARS = 500
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, kw_only=True)
class Provenance:
    """What the file says about an article's origin; a blank field is unknown."""

    outlet: str = ""  # the newspaper, site or agency (a corpus's `source` field)
    url: str = ""
    published: str = ""  # ISO 8601, as `published_iso` gives it
    author: str = ""
    file_format: str = ""  # the reader that produced the text: txt, html, jsonl, csv, tsv, docx
    external_id: str = ""  # the article's id in the corpus it came from


UNKNOWN = Provenance()  # a text file says nothing about where its article came from


def published_iso(value: str) -> str:
    """`value` as stored: a date stays a date (2024-07-11); a time with a zone becomes UTC
    (2024-07-11T06:30:00Z); a time without one stays as given, the outlet's local time.

    Raises ValueError naming the value when it is not ISO 8601.
    """
    given = value.strip()
    if not given:
        return ""
    if len(given) <= 10:  # 2024-07-11 (or 20240711): a date alone
        try:
            return date.fromisoformat(given).isoformat()
        except ValueError:
            pass
    try:
        moment = datetime.fromisoformat(given)
    except ValueError:
        shown = given[:40] + ("…" if len(given) > 40 else "")
        raise ValueError(f"published {shown!r} is not an ISO 8601 date or time "
                         "(such as 2024-07-11 or 2024-07-11T09:30:00+03:00)") from None
    if moment.tzinfo is None:
        return moment.isoformat()
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


def one_line(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """`text` with its runs of white space (line breaks too) as single spaces, at most `limit` long."""
    line = _SPACES.sub(" ", text[:4 * limit]).strip()
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


def describe(about: Provenance) -> str:
    """One line for a reader: outlet · published · author · URL, leaving out what is unknown."""
    return " · ".join(x for x in (about.outlet, about.published, about.author, about.url) if x)
