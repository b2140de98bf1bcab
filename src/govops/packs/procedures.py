"""Procedural content of a pack (procedures.yaml): deadlines, checklists, catalogues."""

from __future__ import annotations

from typing import TYPE_CHECKING

from govops.lawcode.procedures import (
    Catalogue,
    CatalogueItem,
    ChecklistItem,
    Deadline,
    SpanUnit,
    Stage,
)
from govops.packs.yamlsource import PathKey, YamlFile

if TYPE_CHECKING:
    from govops.packs.build import PackBuilder

Procedures = tuple[tuple[Deadline, ...], tuple[ChecklistItem, ...], dict[str, Catalogue]]


def build_procedures(builder: PackBuilder) -> Procedures:
    model, source = builder.procedures, builder.procedures_source
    outcomes = {o.value for t in builder.tables.values() for o in t.outcomes}
    _known_outcomes(builder, source, "deadlines", [d.applies_to for d in model.deadlines], outcomes)
    _known_outcomes(builder, source, "checklist", [c.applies_to for c in model.checklist], outcomes)
    deadlines = tuple(
        Deadline(
            d.id,
            d.title,
            Stage(d.stage),
            d.trigger,
            tuple(d.applies_to),
            d.within.amount,
            SpanUnit(d.within.unit),
            d.reporter,
            d.recipient,
            builder.cite(d.cite, ["deadlines", i], source),
        )
        for i, d in enumerate(model.deadlines)
    )
    checklist = tuple(
        ChecklistItem(
            c.id,
            tuple(c.applies_to),
            c.actor,
            c.text,
            builder.cite(c.cite, ["checklist", i], source),
        )
        for i, c in enumerate(model.checklist)
    )
    catalogues = {
        key: Catalogue(
            key,
            c.title,
            tuple(
                CatalogueItem(
                    item.id,
                    item.text,
                    builder.cite(item.cite, ["catalogues", key, "items", i], source),
                )
                for i, item in enumerate(c.items)
            ),
        )
        for key, c in model.catalogues.items()
    }
    return deadlines, checklist, catalogues


def _known_outcomes(
    builder: PackBuilder, source: YamlFile, kind: str, applies: list[list[str]], outcomes: set[str]
) -> None:
    if builder.problems:  # a table that failed to load would make every outcome look unknown
        return
    for index, values in enumerate(applies):
        for unknown in sorted(set(values) - outcomes):
            where: list[PathKey] = [kind, index, "applies_to"]
            builder.report(source, where, f"{unknown!r} is no outcome of any table")
