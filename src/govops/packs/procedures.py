"""Procedural content of a pack (procedures.yaml): deadlines, checklists, catalogues."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from govops.lawcode.dated.procedures import (
    Catalogue,
    CatalogueItem,
    ChecklistItem,
    Deadline,
    SpanUnit,
    Stage,
)
from govops.lawcode.dated.steps import Procedure, ProcedureStep
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Text, msg
from govops.packs.schema import Cite, ProcedureModel, ProceduresFile
from govops.packs.yamlsource import PathKey, YamlFile

Procedures = tuple[tuple[Deadline, ...], tuple[ChecklistItem, ...], dict[str, Catalogue]]
CiteFn = Callable[[Cite, list[PathKey], YamlFile], Citation]
ReportFn = Callable[[YamlFile, Sequence[PathKey], Text], None]


def build_procedures(
    model: ProceduresFile,
    source: YamlFile,
    outcomes: set[str] | None,
    cite: CiteFn,
    report: ReportFn,
) -> Procedures:
    """`outcomes` are those of every table, or None when a table could not be read (then
    references to outcomes cannot be checked)."""
    if outcomes is not None:
        references: list[tuple[str, list[list[str]]]] = [
            ("deadlines", [d.applies_to for d in model.deadlines]),
            ("checklist", [c.applies_to for c in model.checklist]),
        ]
        for kind, applies in references:
            for index, values in enumerate(applies):
                for unknown in sorted(set(values) - outcomes):
                    where: list[PathKey] = [kind, index, "applies_to"]
                    report(
                        source,
                        where,
                        msg("{outcome} is no outcome of any table", outcome=repr(unknown)),
                    )
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
            cite(d.cite, ["deadlines", i], source),
        )
        for i, d in enumerate(model.deadlines)
    )
    checklist = tuple(
        ChecklistItem(
            c.id, tuple(c.applies_to), c.actor, c.text, cite(c.cite, ["checklist", i], source)
        )
        for i, c in enumerate(model.checklist)
    )
    catalogues = {
        key: Catalogue(
            key,
            c.title,
            tuple(
                CatalogueItem(
                    item.id, item.text, cite(item.cite, ["catalogues", key, "items", i], source)
                )
                for i, item in enumerate(c.items)
            ),
        )
        for key, c in model.catalogues.items()
    }
    return deadlines, checklist, catalogues


def build_steps(
    model: ProceduresFile, source: YamlFile, cite: CiteFn, report: ReportFn
) -> dict[str, Procedure]:
    """The procedures of `procedures:`, each step cited; reported: a step declared twice,
    a `follows` naming no step of the procedure, a step aside that follows one, and a
    procedure that no step opens."""
    return {
        key: _procedure(key, procedure, source, cite, report)
        for key, procedure in model.procedures.items()
    }


def _procedure(
    key: str, model: ProcedureModel, source: YamlFile, cite: CiteFn, report: ReportFn
) -> Procedure:
    here: list[PathKey] = ["procedures", key]
    declared = [step.id for step in model.steps]
    steps: list[ProcedureStep] = []
    for index, step in enumerate(model.steps):
        where: list[PathKey] = [*here, "steps", index]
        if step.id in declared[:index]:
            report(source, [*where, "id"], msg("step {step} is declared twice", step=step.id))
        aside = {s.id for s in model.steps if s.aside}
        for other in step.follows:
            if other not in declared:
                report(
                    source,
                    [*where, "follows"],
                    msg("{step} is no step of this procedure", step=repr(other)),
                )
            elif other in aside:
                report(
                    source,
                    [*where, "follows"],
                    msg("{step} is recorded aside: no step follows it", step=repr(other)),
                )
        if step.aside and step.follows:
            report(source, [*where, "follows"], msg("a step aside follows no step"))
        steps.append(
            ProcedureStep(
                step.id, step.title, cite(step.cite, where, source), tuple(step.follows), step.aside
            )
        )
    if not any(not s.follows and not s.aside for s in steps):
        report(source, [*here, "steps"], msg("no step opens the procedure (one follows none)"))
    return Procedure(key, model.title, cite(model.cite, here, source), tuple(steps))
