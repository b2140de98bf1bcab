"""One decision, explained: the trace of every clause and why not each higher outcome."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.conditions import Miss, Outcome, Ranges, Shortfall, evaluate
from govops.lawcode.rules.inputs import InputValue, coerce_inputs
from govops.lawcode.rules.tables import Clause, HitPolicy, Match, OutcomeRule, RuleTable

_NEGATION = {">=": "<", ">": "<=", "<=": ">", "<": ">="}


@dataclass(slots=True)  # one per clause per decision: not frozen, as frozen init is slower
class ClauseTrace:
    outcome: str
    clause: Clause
    result: Outcome

    def as_dict(self) -> dict[str, object]:
        return {
            "clause": self.clause.id,
            "outcome": self.outcome,
            "cite": str(self.clause.cite),
            "text": self.clause.text,
            "holds": self.result.holds,
            "tests": [leaf.as_dict() for leaf in self.result.leaves],
        }


@dataclass(frozen=True, slots=True)
class WhyNot:
    outcome: OutcomeRule
    clauses: tuple[Clause, ...]
    miss: Miss

    def summary(self) -> str:
        gaps = " and ".join(describe(s) for s in self.miss.shortfalls)
        articles = ", ".join(c.cite.article for c in self.clauses)
        return f"{gaps} for {self.outcome.display}, {articles}"

    def as_dict(self) -> dict[str, object]:
        return {
            "clauses": [c.id for c in self.clauses],
            "cite": [str(c.cite) for c in self.clauses],
            "failing": [
                {"input": s.input, "value": s.value, "needs": s.needs, "short_by": s.short_by}
                for s in self.miss.shortfalls
            ],
            "summary": self.summary(),
        }


def describe(shortfall: Shortfall) -> str:
    """'participants 4999 < 5000': the value, and the side of the bound it is on."""
    if shortfall.operator is None:
        return f"not ({shortfall.needs})" if shortfall.input else shortfall.needs
    negated = _NEGATION[shortfall.operator]
    return f"{shortfall.input} {shortfall.value} {negated} {shortfall.bound}"


@dataclass(frozen=True, slots=True)
class Decision:
    table: RuleTable
    parameters: ParameterSnapshot
    inputs: Mapping[str, InputValue]
    outcomes: tuple[OutcomeRule, ...]
    fired: tuple[Clause, ...]
    trace: tuple[ClauseTrace, ...]
    why_not: tuple[WhyNot, ...]

    @property
    def outcome(self) -> str | list[str] | None:
        values = [o.value for o in self.outcomes]
        if self.table.hit is HitPolicy.COLLECT:
            return values
        return values[0] if values else None

    def as_dict(self, explain: bool = False) -> dict[str, object]:
        result: dict[str, object] = {
            "outcome": self.outcome,
            "fired": [c.id for c in self.fired],
            "citations": [str(c.cite) for c in self.fired],
        }
        approximate = [name for name, value in self.inputs.items() if value.approximate]
        if approximate:  # a decision on an estimate must say so, explained or not
            result["approximate"] = approximate
        if explain:
            result["as_of"] = self.parameters.as_of.isoformat()
            result["inputs"] = {name: v.as_dict() for name, v in self.inputs.items()}
            result["trace"] = [t.as_dict() for t in self.trace]
            result["why_not"] = {w.outcome.value: w.as_dict() for w in self.why_not}
        return result


class Decider:
    """A table prepared for the parameters of one date; decides any number of records."""

    def __init__(self, table: RuleTable, parameters: ParameterSnapshot) -> None:
        self.table = table
        self.parameters = parameters
        self.ranges = Ranges(parameters)

    def decide(self, record: Mapping[str, object]) -> Decision:
        """Raises InputError for a bad field, ParameterError for a rule whose parameter is
        not in force on the snapshot's date."""
        return self.decide_values(coerce_inputs(self.table.inputs, record))

    def decide_values(self, values: Mapping[str, InputValue]) -> Decision:
        """Decide inputs already typed (every input of the table present)."""
        table = self.table
        trace = tuple(
            ClauseTrace(outcome.value, clause, evaluate(clause.condition, values, self.ranges))
            for outcome, clause in table.clauses()
        )
        reached = [o for o in table.outcomes if _reached(o, trace)]
        if table.hit is HitPolicy.FIRST:
            reached = reached[:1]
        fired = tuple(t.clause for t in trace if t.result.holds and _in(t.outcome, reached))
        why_not = _why_not(table, trace, reached)
        return Decision(table, self.parameters, values, tuple(reached), fired, trace, why_not)


def decide(
    table: RuleTable, record: Mapping[str, object], parameters: ParameterSnapshot
) -> Decision:
    """Decide one record (see Decider to decide many on the same date)."""
    return Decider(table, parameters).decide(record)


def _in(value: str, outcomes: list[OutcomeRule]) -> bool:
    return any(o.value == value for o in outcomes)


def _reached(outcome: OutcomeRule, trace: tuple[ClauseTrace, ...]) -> bool:
    results = [t.result.holds for t in trace if t.outcome == outcome.value]
    return all(results) if outcome.match is Match.ALL else any(results)


def _why_not(
    table: RuleTable, trace: tuple[ClauseTrace, ...], reached: list[OutcomeRule]
) -> tuple[WhyNot, ...]:
    """For first-hit tables, every outcome ranked above the result; for collect tables,
    every outcome not reached."""
    if table.hit is HitPolicy.FIRST and reached:
        candidates = table.outcomes[: table.outcomes.index(reached[0])]
    else:
        candidates = tuple(o for o in table.outcomes if o not in reached)
    return tuple(_nearest(outcome, trace) for outcome in candidates if outcome.clauses)


def _nearest(outcome: OutcomeRule, trace: tuple[ClauseTrace, ...]) -> WhyNot:
    own = [t for t in trace if t.outcome == outcome.value]
    if outcome.match is Match.ALL:
        failing = [t for t in own if not t.result.holds]
        miss = sum((t.result.miss for t in failing), Miss())
        return WhyNot(outcome, tuple(t.clause for t in failing), miss)
    best = min(own, key=lambda t: t.result.miss.key())
    return WhyNot(outcome, (best.clause,), best.result.miss)
