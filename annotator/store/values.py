"""Plain values and refusals the store hands out, and its clock; importable without SQLAlchemy.

Every value is built by keyword, so a field added here cannot take another column's value.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from annotator.core.provenance import Provenance


def utc_now() -> datetime:
    # Microseconds: two changes in one second must still differ (a window compares them).
    return datetime.now(UTC)


def sqlite_timestamp(moment: datetime) -> str:
    """`moment` as the stored text: naive UTC with microseconds, as SQLAlchemy writes DateTime."""
    if moment.tzinfo is UTC:  # utc_now's: drop the "+00:00" (half the time)
        return moment.isoformat(" ", "microseconds")[:26]
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


class AnnotationRefused(ValueError):
    """An annotation the store will not hold (empty, outside its text, duplicate, unknown label)."""


def storable(field: str, value: str) -> str:
    """`value`, unless it holds what no backend stores as text: a lone surrogate (a broken paste;
    UTF-8 cannot encode it) or a NUL character (PostgreSQL refuses it in text). Refused on every
    backend alike for what an analyst types (notes, annotator names, text attributes), so such a
    file can be copied onto a server."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise AnnotationRefused(f"{field} holds a lone surrogate (U+{ord(value[exc.start]):04X}) "
                                f"at {exc.start}, which is not text") from None
    if (at := value.find("\x00")) >= 0:
        raise AnnotationRefused(f"{field} holds a NUL character (U+0000) at {at}, which is not text")
    return value


class NotFound(KeyError):
    """No such document, label or annotation (deleted meanwhile, perhaps by another window)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not found"


@dataclass(frozen=True, kw_only=True)
class LabelInfo:
    id: int
    name: str
    colour: str
    shortcut: str
    description: str
    position: int


@dataclass(frozen=True, kw_only=True)
class AnnotationInfo:
    id: int
    document_id: int
    label_id: int
    label: str
    start: int
    end: int
    note: str
    annotator: str
    created_at: datetime
    updated_at: datetime
    # Attribute name -> value as stored (see core/attributes.py); unset attributes are absent.
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class AttributeInfo:
    """One typed attribute a label's annotations may carry (certainty of a claim, value of a figure)."""

    id: int
    label_id: int
    name: str
    kind: str  # one of core.attributes.KINDS
    choices: tuple[str, ...]
    position: int


@dataclass(frozen=True, kw_only=True)
class RelationTypeInfo:
    """A directed link between annotations: `said_by` from a claim to its party."""

    id: int
    name: str
    shortcut: str
    colour: str
    sources: frozenset[int]  # label ids allowed at the `from` end
    targets: frozenset[int]  # label ids allowed at the `to` end
    position: int


@dataclass(frozen=True, kw_only=True)
class RelationInfo:
    id: int
    type_id: int
    type: str
    source_id: int
    target_id: int
    annotator: str
    created_at: datetime


@dataclass(frozen=True, kw_only=True)
class DeletedAnnotation:
    """What deleting an annotation took with it, so that an undo brings all of it back."""

    annotation: AnnotationInfo
    relations: tuple[RelationInfo, ...]
    set_aside: str | None = None  # the reviewer who had left it out of the gold layer, if one had


@dataclass
class MergeReport:
    """What `merge_annotations` did: counts plus one line per row it skipped or refused."""

    added: int = 0
    already_present: int = 0
    missing_document: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # the first MAX_REPORTED reasons
    refused_count: int = 0
    # The file's annotation id -> this database's, for every row added or found present: what
    # links a relations file to the annotations merged with it.
    ids: dict[int, int] = field(default_factory=dict)
    documents_added: int = 0  # a JSON Lines file carries its documents' texts
    links_added: int = 0
    links_present: int = 0


@dataclass(frozen=True, kw_only=True)
class DocumentInfo:
    id: int
    title: str
    sha256: str
    length: int
    encoding: str
    source: str  # the name of the file it was read from
    provenance: Provenance
    # Done for the analyst it was read for (for anyone, when read for no one in particular).
    done: bool
    created_at: datetime
    counts: dict[str, int] = field(default_factory=dict, compare=False)
    done_by: tuple[str, ...] = ()  # every analyst who marked it done, by name

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
