"""A pack: one source document turned into cited, dated, testable rules and data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from govops.lawcode.citations import Document
from govops.lawcode.intervals import BoundaryConvention
from govops.lawcode.parameters import ParameterSet
from govops.lawcode.procedures import Catalogue, ChecklistItem, Deadline, Text
from govops.lawcode.tables import RuleTable


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

    def table(self, table_id: str) -> RuleTable:
        try:
            return self.tables[table_id]
        except KeyError:
            known = ", ".join(self.tables)
            raise KeyError(
                f"pack {self.id!r} has no rule table {table_id!r} (has: {known})"
            ) from None
