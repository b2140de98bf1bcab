"""The verdict of a table of breaches: outcomes are the requirements a record breaches,
each a refusal or a warning. Any refusal makes the record ineligible; warnings alone
leave it eligible with warnings, to be justified."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from govops.lawcode.rules.decision import Decision
from govops.lawcode.rules.tables import OutcomeRule, Severity


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    WITH_WARNINGS = "eligible_with_warnings"
    INELIGIBLE = "ineligible"


@dataclass(frozen=True, slots=True)
class Assessment:
    verdict: Verdict
    refusals: tuple[OutcomeRule, ...]
    warnings: tuple[OutcomeRule, ...]

    def as_dict(self, decision: Decision) -> dict[str, object]:
        def listed(outcomes: tuple[OutcomeRule, ...]) -> list[dict[str, object]]:
            return [_breach(o, decision) for o in outcomes]

        return {
            "verdict": self.verdict.value,
            "refusals": listed(self.refusals),
            "warnings": listed(self.warnings),
        }


def assess(decision: Decision) -> Assessment:
    """Raises ValueError for a table whose outcomes carry no severity."""
    if any(o.severity is None for o in decision.table.outcomes):
        raise ValueError(f"table {decision.table.id!r} is no table of breaches (no severities)")
    refusals = tuple(o for o in decision.outcomes if o.severity is Severity.REFUSE)
    warnings = tuple(o for o in decision.outcomes if o.severity is Severity.WARN)
    verdict = (
        Verdict.INELIGIBLE
        if refusals
        else (Verdict.WITH_WARNINGS if warnings else Verdict.ELIGIBLE)
    )
    return Assessment(verdict, refusals, warnings)


def _breach(outcome: OutcomeRule, decision: Decision) -> dict[str, object]:
    fired = [c for c in decision.fired if any(c is own for own in outcome.clauses)]
    return {
        "id": outcome.value,
        "label": dict(outcome.labels),
        "clauses": [c.id for c in fired],
        "cite": [str(c.cite) for c in fired],
        "text": [c.text for c in fired],
    }
