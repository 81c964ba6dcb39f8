"""Plain values the store hands out, and its clock; importable without SQLAlchemy."""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone


def utc_now() -> datetime:
    # Microseconds: two changes in one second must still differ (a window compares them).
    return datetime.now(timezone.utc)


def sqlite_timestamp(moment: datetime) -> str:
    """`moment` as the stored text: naive UTC with microseconds, as SQLAlchemy writes DateTime."""
    if moment.tzinfo is timezone.utc:  # utc_now's: drop the "+00:00" (half the time)
        return moment.isoformat(" ", "microseconds")[:26]
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(" ", "microseconds")


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    title: str
    sha256: str
    length: int
    encoding: str
    source: str
    done: bool
    created_at: datetime
    counts: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def added_in_order(shas: Sequence[str], known: Mapping[str, DocumentInfo],
                   fresh: Collection[str]) -> list[tuple[DocumentInfo, bool]]:
    """(document, created) for each hash of a batch, in order: a text this batch stored
    (`fresh`) counts as created at its first occurrence only."""
    seen: set[str] = set()
    out = []
    for sha in shas:
        out.append((known[sha], sha in fresh and sha not in seen))
        seen.add(sha)
    return out
