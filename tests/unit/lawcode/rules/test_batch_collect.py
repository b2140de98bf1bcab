"""Batch evaluation of collect tables agrees with single decisions (decide + assess)."""

from __future__ import annotations

import random
from datetime import date

import polars as pl
import pytest

from govops.lawcode.rules.batch import VERDICT_DTYPE, compile_batch
from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.inputs import InputKind
from govops.lawcode.rules.tables import HitPolicy, Match, RuleTable
from govops.lawcode.rules.verdict import assess
from govops.packs.registry import load_builtin_pack
from tests.unit.lawcode.builders import (
    clause,
    count_input,
    flag,
    flag_input,
    outcome,
    parameters,
    range_,
    table,
)

AS_OF = date(2026, 6, 30)
PACK = load_builtin_pack("cn-cadre-selection")
ELIGIBILITY = PACK.tables["eligibility"]
SNAPSHOT = PACK.rules_as_of(AS_OF)


def random_inputs(table: RuleTable, rng: random.Random, share: float = 0.12) -> dict[str, object]:
    """Counts near the pack's bounds (0..6), flags true now and then (`share`): every verdict
    occurs; with a larger share, the breaches of many flags at once too."""
    return {
        name: rng.random() < share if spec.kind is InputKind.FLAG else rng.randint(0, 6)
        for name, spec in table.inputs.items()
    }


def test_the_eligibility_table_agrees_with_decide_and_assess() -> None:
    rng = random.Random(20260630)
    records = [random_inputs(ELIGIBILITY, rng) for _ in range(400)]
    records += [random_inputs(ELIGIBILITY, rng, 0.5) for _ in range(400)]
    result = compile_batch(ELIGIBILITY, SNAPSHOT).evaluate(pl.DataFrame(records))
    decider = Decider(ELIGIBILITY, SNAPSHOT)
    values = [o.value for o in ELIGIBILITY.outcomes]
    assert result.columns == [*values, "breaches", "verdict", "approximate"]
    assert result.schema["verdict"] == VERDICT_DTYPE
    seen: set[str] = set()
    for record, row in zip(records, result.iter_rows(named=True), strict=True):
        decision = decider.decide(record)
        expected = [o.value for o in decision.outcomes]
        assert row["breaches"] == expected, record
        assert [v for v in values if row[v]] == expected
        assert row["verdict"] == assess(decision).verdict.value
        seen.update(expected)
    assert seen == set(values)  # every breach was reached at least once
    assert set(result["verdict"]) == {"eligible", "eligible_with_warnings", "ineligible"}


def test_an_all_of_outcome_and_a_table_without_severities() -> None:
    routing = table(
        outcomes=[
            outcome(
                "police", clause("big", range_("people", 以上=100)), clause("armed", flag("arms"))
            ),
            outcome(
                "army",
                clause("huge", range_("people", 以上=1000)),
                clause("a", flag("arms")),
                match=Match.ALL,
            ),
        ],
        hit=HitPolicy.COLLECT,
        inputs=[count_input("people"), flag_input("arms", default=False)],
        id="routing",
    )
    rng = random.Random(7)
    records = [
        {"people": rng.choice([0, 99, 100, 999, 1000, 5000]), "arms": rng.random() < 0.5}
        for _ in range(300)
    ]
    result = compile_batch(routing, parameters()).evaluate(pl.DataFrame(records))
    assert "verdict" not in result.columns
    decider = Decider(routing, parameters())
    for record, row in zip(records, result.iter_rows(named=True), strict=True):
        expected = decider.decide(record).outcome
        assert row["breaches"] == expected
        assert [v for v in ("police", "army") if row[v]] == expected
    assert result.filter(pl.col("army")).height > 0


def test_first_hit_expressions_are_refused_for_a_collect_table() -> None:
    evaluator = compile_batch(ELIGIBILITY, SNAPSHOT)
    with pytest.raises(ValueError, match="collects outcomes"):
        evaluator.expressions()
    assert evaluator.has_verdict
