"""The CSV contract: header, streaming writer with the formula guard, validating reader."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

HEADER = ("document_id", "document_title", "document_sha256", "annotation_id", "label",
          "start", "end", "text", "note", "annotator", "created_at", "updated_at")


@dataclass(frozen=True)
class CsvRow:
    """One annotation as it appears in the CSV (times are aware UTC datetimes)."""

    document_id: int
    document_title: str
    document_sha256: str
    annotation_id: int
    label: str
    start: int
    end: int
    text: str
    note: str
    annotator: str
    created_at: datetime
    updated_at: datetime
