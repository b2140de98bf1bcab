"""A pack: one source document turned into cited, dated, testable rules and data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from govops.lawcode.dated.parameters import ParameterError, ParameterSet, ParameterSnapshot
from govops.lawcode.dated.procedures import Catalogue, ChecklistItem, Deadline, Text
from govops.lawcode.dated.steps import Procedure
from govops.lawcode.rules.intervals import BoundaryConvention
from govops.lawcode.rules.tables import RuleTable, parameters_of
from govops.lawcode.sources.areas import AreaMap
from govops.lawcode.sources.citations import Document
from govops.lawcode.texts.messages import msg

if TYPE_CHECKING:  # a pack's optional parts: their modules load with the files that need them
    from govops.lawcode.plans.indicators import Indicator, QualitativeTarget
    from govops.lawcode.plans.programme import Programme
    from govops.lawcode.registers.rules import RegisterRules


@dataclass(frozen=True, slots=True)
class VocabularyEntry:
    code: str
    label: Text


@dataclass(frozen=True, slots=True)
class Pack:
    id: str
    version: str
    title: Text
    jurisdiction: str
    language: str
    timezone: str
    document: Document
    convention: BoundaryConvention
    parameters: ParameterSet
    tables: Mapping[str, RuleTable]
    vocabularies: Mapping[str, tuple[VocabularyEntry, ...]] = field(default_factory=dict)
    deadlines: tuple[Deadline, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    catalogues: Mapping[str, Catalogue] = field(default_factory=dict)
    programme: Programme | None = None  # a plan with activities, a budget and targets
    areas: AreaMap | None = None  # areas the pack acts on, with their weather stations
    procedures: Mapping[str, Procedure] = field(default_factory=dict)  # steps in order
    indicators: tuple[Indicator, ...] = ()  # a plan's figures held against its targets
    qualitative: tuple[QualitativeTarget, ...] = ()  # its targets stated only in words
    registers: RegisterRules | None = None  # cadences, duty roles, reserves' coverage

    def rules_as_of(self, day: date) -> ParameterSnapshot:
        """The parameters in force on `day`; none before the document itself is in force."""
        start = self.document.in_force_from
        if start is not None and day < start:
            raise ParameterError(
                msg(
                    "{document} is in force from {start}: no rules on {day}",
                    document=self.document.id,
                    start=start,
                    day=day,
                )
            )
        return self.parameters.as_of(day)

    def rules_for(self, day: date, *table_ids: str) -> ParameterSnapshot:
        """The parameters in force on `day`; ParameterError names the first parameter (in
        the tables' and their clauses' order) that a clause reads and that has no value
        then, so a question those tables answer is refused rather than decided on a rule
        of another day."""
        snapshot = self.rules_as_of(day)
        for table_id in table_ids:
            for _, clause in self.table(table_id).clauses():
                for name in sorted(parameters_of(clause.condition)):
                    snapshot[name]  # raises ParameterError when none is in force
        return snapshot

    def procedure(self, procedure_id: str, steps: Iterable[str] | None = None) -> Procedure:
        """The procedure; KeyError when the pack has none of that id, or when it declares
        a step not among `steps` (those a module has guards for)."""
        try:
            found = self.procedures[procedure_id]
        except KeyError:
            known = ", ".join(self.procedures) or "none"
            raise KeyError(
                f"pack {self.id!r} has no procedure {procedure_id!r} (has: {known})"
            ) from None
        handled = set(steps) if steps is not None else {s.id for s in found.steps}
        foreign = [s.id for s in found.steps if s.id not in handled]
        if foreign:
            raise KeyError(
                f"pack {self.id!r}: steps {foreign} of {procedure_id!r} are unknown here"
            )
        return found

    def indicator(self, indicator_id: str) -> Indicator:
        found = next((i for i in self.indicators if i.id == indicator_id), None)
        if found is None:
            raise KeyError(f"pack {self.id!r} has no indicator {indicator_id!r}")
        return found

    def table(self, table_id: str) -> RuleTable:
        try:
            return self.tables[table_id]
        except KeyError:
            known = ", ".join(self.tables)
            raise KeyError(
                f"pack {self.id!r} has no rule table {table_id!r} (has: {known})"
            ) from None
