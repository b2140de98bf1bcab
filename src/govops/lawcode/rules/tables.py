"""Rule tables: outcomes in priority order, each reached by any (or all) of its clauses."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum

from govops.lawcode.rules.conditions import Condition, InRange, leaves
from govops.lawcode.rules.inputs import InputSpec
from govops.lawcode.sources.citations import Citation


class HitPolicy(Enum):
    FIRST = "first"  # the first outcome (in priority order) with a matching clause
    COLLECT = "collect"  # every outcome with a matching clause, e.g. departments to notify


class Severity(Enum):
    """For tables whose outcomes are breaches of requirements: a refusal, or a warning
    (an "as a rule" requirement, 一般应当, that may be departed from with reasons)."""

    REFUSE = "refuse"
    WARN = "warn"


class Match(Enum):
    ANY = "any"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class Clause:
    id: str
    cite: Citation
    condition: Condition
    text: str = ""


@dataclass(frozen=True, slots=True)
class OutcomeRule:
    value: str
    clauses: tuple[Clause, ...]
    match: Match = Match.ANY
    labels: Mapping[str, str] = field(default_factory=dict)  # language tag -> label
    severity: Severity | None = None

    @property
    def display(self) -> str:
        """The English label (as used in why-not summaries), else the outcome value."""
        return self.labels.get("en", self.value)

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.display


@dataclass(frozen=True, slots=True)
class RuleTable:
    id: str
    title: str
    inputs: Mapping[str, InputSpec]
    hit: HitPolicy
    outcomes: tuple[OutcomeRule, ...]
    cite: Citation
    titles: Mapping[str, str] = field(default_factory=dict)  # language tag -> title
    # The name of the built-in adapter that turns a caller's record (e.g. a cadre's career
    # history) into this table's inputs; None when callers give the inputs themselves.
    adapter: str | None = None

    def title_in(self, language: str) -> str:
        return self.titles.get(language) or self.title

    def clauses(self) -> Iterator[tuple[OutcomeRule, Clause]]:
        for outcome in self.outcomes:
            for clause in outcome.clauses:
                yield outcome, clause

    def outcome(self, value: str) -> OutcomeRule:
        for outcome in self.outcomes:
            if outcome.value == value:
                return outcome
        raise KeyError(value)


def inputs_of(condition: Condition) -> frozenset[str]:
    return frozenset(leaf.input for leaf in leaves(condition))


def parameters_of(condition: Condition) -> frozenset[str]:
    return frozenset(
        bound.ref.parameter
        for leaf in leaves(condition)
        if isinstance(leaf, InRange)
        for bound in (leaf.lower, leaf.upper)
        if bound is not None and bound.ref.parameter is not None
    )
