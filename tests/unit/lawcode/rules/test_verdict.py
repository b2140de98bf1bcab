"""A table of breaches gives a verdict: refusals make a record ineligible, warnings alone
leave it eligible with warnings."""

from __future__ import annotations

from dataclasses import replace

import pytest

from govops.lawcode.rules.decision import decide
from govops.lawcode.rules.tables import HitPolicy, RuleTable, Severity
from govops.lawcode.rules.verdict import Verdict, assess
from tests.unit.lawcode.builders import clause, count_input, outcome, parameters, range_, table


def breaches() -> RuleTable:
    too_young = replace(
        outcome("work-years", clause("6-1", range_("work_years", 不超过=4), article="6(1)")),
        severity=Severity.REFUSE,
    )
    few_posts = replace(
        outcome("two-posts", clause("6-2", range_("posts", 不超过=1), article="6(2)")),
        severity=Severity.WARN,
    )
    inputs = [count_input("work_years", default=0), count_input("posts", default=0)]
    return table(outcomes=[too_young, few_posts], hit=HitPolicy.COLLECT, inputs=inputs)


@pytest.mark.parametrize(
    ("record", "verdict", "refusals", "warnings"),
    [
        ({"work_years": 5, "posts": 2}, Verdict.ELIGIBLE, [], []),
        ({"work_years": 5, "posts": 1}, Verdict.WITH_WARNINGS, [], ["two-posts"]),
        ({"work_years": 4, "posts": 2}, Verdict.INELIGIBLE, ["work-years"], []),
        ({"work_years": 4, "posts": 1}, Verdict.INELIGIBLE, ["work-years"], ["two-posts"]),
    ],
)
def test_the_verdict_follows_the_severities_of_the_breaches(
    record: dict[str, int], verdict: Verdict, refusals: list[str], warnings: list[str]
) -> None:
    decision = decide(breaches(), record, parameters())
    assessment = assess(decision)
    assert assessment.verdict is verdict
    assert [o.value for o in assessment.refusals] == refusals
    assert [o.value for o in assessment.warnings] == warnings


def test_each_breach_is_reported_with_its_clause_and_article() -> None:
    decision = decide(breaches(), {"work_years": 4, "posts": 1}, parameters())
    found = assess(decision).as_dict(decision)
    assert found["verdict"] == "ineligible"
    assert found["refusals"] == [
        {
            "id": "work-years",
            "label": {},
            "clauses": ["6-1"],
            "cite": ["test-plan 6(1)"],
            "text": ["6-1"],  # the builder gives the clause id as its text
        }
    ]


def test_a_table_without_severities_has_no_verdict() -> None:
    plain = table(
        outcomes=[outcome("I", clause("I-1", range_("n", 以上=1)))], inputs=[count_input("n")]
    )
    with pytest.raises(ValueError, match="no table of breaches"):
        assess(decide(plain, {"n": 1}, parameters()))
