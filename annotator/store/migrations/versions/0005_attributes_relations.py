"""Attributes and relations: typed attributes per label, their values, relation types and relations;
the `party` label and the default scheme (certainty of a claim, value of a figure, said_by ...).

Revision ID: 0005_attributes_relations
Revises: 0003_annotation_ids_never_reused
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_attributes_relations"
down_revision = "0003_annotation_ids_never_reused"
branch_labels = None
depends_on = None

PARTY = {"name": "party", "colour": "#9d7fd6",
         "description": "طرف — who speaks, accuses or is accused: a person, organisation, "
                        "government, medium or an anonymous source"}
_STATEMENT = [
    ("certainty", "choice", ["certain", "probable", "possible", "unspecified"]),
    ("polarity", "choice", ["asserted", "denied"]),
    ("check_worthy", "choice", ["check-worthy", "unimportant", "not factual"]),
    ("quote", "choice", ["direct", "indirect", "mixed"]),
]
ATTRIBUTES = {
    "claim": _STATEMENT,
    "accusation": _STATEMENT,
    "figure": [
        ("kind", "choice", ["count", "quantity", "percent", "money", "date", "time", "duration",
                            "range"]),
        ("value", "number", []), ("value_max", "number", []), ("unit", "text", []),
        ("approximate", "yes/no", []), ("date", "date", []),
        ("calendar", "choice", ["gregorian", "hijri"]),
    ],
    "party": [("kind", "choice", ["person", "organisation", "government", "media", "anonymous",
                                  "other"])],
}
# name, key, colour, from labels, to labels, description
RELATION_TYPES = [
    ("said_by", "S", "#3b6fb6", ["claim", "accusation"], ["party"],
     "who asserts the claim or makes the accusation"),
    ("accuses", "A", "#c0392b", ["accusation"], ["party"], "the party the accusation blames"),
    ("cites_figure", "F", "#2e8b57", ["claim", "accusation"], ["figure"],
     "a figure the statement rests on"),
]

_SAME_DOCUMENT = """
CREATE TRIGGER relation_in_one_document_{when}
BEFORE {event} ON relation
WHEN (SELECT document_id FROM annotation WHERE id = NEW.source_id)
  <> (SELECT document_id FROM annotation WHERE id = NEW.target_id)
BEGIN
    SELECT RAISE(ABORT, 'a relation links two annotations of one document');
END
"""


def upgrade() -> None:
    attribute = op.create_table(
        "attribute",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label_id", sa.Integer, sa.ForeignKey("label.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("choices", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.UniqueConstraint("label_id", "name", name="attribute_unique_name"),
        sa.CheckConstraint("kind IN ('choice', 'yes/no', 'text', 'number', 'date')",
                           name="attribute_known_kind"),
    )
    op.create_table(
        "attribute_value",
        sa.Column("annotation_id", sa.Integer, sa.ForeignKey("annotation.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("attribute_id", sa.Integer, sa.ForeignKey("attribute.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_index("ix_attribute_value_attribute_id", "attribute_value", ["attribute_id"])
    relation_type = op.create_table(
        "relation_type",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("shortcut", sa.String(20), nullable=False),
        sa.Column("colour", sa.String(9), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    relation_end = op.create_table(
        "relation_end",
        sa.Column("relation_type_id", sa.Integer,
                  sa.ForeignKey("relation_type.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("side", sa.String(4), primary_key=True),
        sa.Column("label_id", sa.Integer, sa.ForeignKey("label.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.CheckConstraint("side IN ('from', 'to')", name="relation_end_side"),
    )
    op.create_table(
        "relation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("type_id", sa.Integer, sa.ForeignKey("relation_type.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("annotation.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("target_id", sa.Integer, sa.ForeignKey("annotation.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("annotator", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("type_id", "source_id", "target_id", name="relation_unique"),
        sa.CheckConstraint("source_id <> target_id", name="relation_not_to_itself"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_relation_source_id", "relation", ["source_id"])
    op.create_index("ix_relation_target_id", "relation", ["target_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_SAME_DOCUMENT.format(when="insert", event="INSERT"))
        op.execute(_SAME_DOCUMENT.format(when="update", event="UPDATE OF source_id, target_id"))
    _seed(attribute, relation_type, relation_end)


def _seed(attribute: sa.Table, relation_type: sa.Table, relation_end: sa.Table) -> None:
    bind = op.get_bind()
    label = sa.table("label", sa.column("id", sa.Integer), sa.column("name", sa.String),
                     sa.column("colour", sa.String), sa.column("shortcut", sa.String),
                     sa.column("description", sa.Text), sa.column("position", sa.Integer))
    ids: dict[str, int] = {name: id_ for name, id_ in bind.execute(sa.select(label.c.name, label.c.id))}
    if "party" not in ids:  # an analyst's own label of that name is kept as it is
        taken = {k for (k,) in bind.execute(sa.select(label.c.shortcut))}
        top = bind.execute(sa.select(sa.func.max(label.c.position))).scalar() or 0
        bind.execute(label.insert().values(**PARTY, shortcut="" if "4" in taken else "4",
                                           position=top + 1))
        ids = {name: id_ for name, id_ in bind.execute(sa.select(label.c.name, label.c.id))}
    rows = [{"label_id": ids[name], "name": attr, "kind": kind, "choices": "\n".join(choices),
             "position": n}
            for name, attrs in ATTRIBUTES.items() if name in ids
            for n, (attr, kind, choices) in enumerate(attrs, start=1)]
    op.bulk_insert(attribute, rows)
    for n, (name, key, colour, sources, targets, description) in enumerate(RELATION_TYPES, start=1):
        inserted = bind.execute(relation_type.insert().values(
            name=name, shortcut=key, colour=colour, description=description, position=n))
        type_id = inserted.inserted_primary_key[0] if inserted.inserted_primary_key else None
        op.bulk_insert(relation_end, [{"relation_type_id": type_id, "side": side, "label_id": ids[x]}
                                      for side, names in (("from", sources), ("to", targets))
                                      for x in names if x in ids])


def downgrade() -> None:
    op.drop_table("relation")
    op.drop_table("relation_end")
    op.drop_table("relation_type")
    op.drop_table("attribute_value")
    op.drop_table("attribute")
    op.execute("DELETE FROM label WHERE name = 'party' "
               "AND id NOT IN (SELECT label_id FROM annotation)")
