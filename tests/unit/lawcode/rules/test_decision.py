"""One decision: the outcome, the clauses that fired, the full trace, and why not higher."""

from __future__ import annotations

import json
from datetime import date

import pytest

from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.conditions import Always, Contains, Not
from govops.lawcode.rules.decision import Decider, Decision, decide
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.rules.tables import HitPolicy, Match
from tests.unit.lawcode.builders import (
    DOCUMENT,
    LEVEL_I,
    clause,
    count_input,
    flag,
    flag_input,
    grading_parameters,
    grading_table,
    outcome,
    parameters,
    range_,
    set_input,
    table,
)

GRADING = grading_table()


def grade(**record: object) -> Decision:
    return decide(GRADING, record, grading_parameters())


def fired(decision: Decision) -> list[str]:
    return [c.id for c in decision.fired]


def summaries(decision: Decision) -> dict[str, str]:
    return {w.outcome.value: w.summary() for w in decision.why_not}


@pytest.mark.parametrize(
    ("participants", "level", "clause_id"),
    [
        (0, "level_iv", "iv-participants"),
        (199, "level_iv", "iv-participants"),
        (200, "level_iii", "iii-participants"),
        (999, "level_iii", "iii-participants"),
        (1000, "level_ii", "ii-participants"),
        (4999, "level_ii", "ii-participants"),
        (5000, "level_i", "i-participants"),
        (10**6, "level_i", "i-participants"),
    ],
)
def test_first_hit_grades_by_the_band_the_figure_falls_in(
    participants: int, level: str, clause_id: str
) -> None:
    decision = grade(participants=participants)

    assert decision.outcome == level
    assert fired(decision) == [clause_id]


def test_first_hit_picks_the_highest_priority_outcome_that_matches() -> None:
    decision = grade(participants=300, foreign=True, deaths=12)  # level III, II and I all match

    assert decision.outcome == "level_i"
    assert [o.value for o in decision.outcomes] == ["level_i"]
    assert fired(decision) == ["i-deaths"]
    assert decision.why_not == ()


def test_fired_lists_every_matching_clause_of_the_outcome_and_no_other() -> None:
    decision = grade(participants=6000, deaths=12, foreign=True)

    assert decision.outcome == "level_i"
    assert fired(decision) == ["i-participants", "i-deaths"]
    assert decision.as_dict() == {
        "outcome": "level_i",
        "fired": ["i-participants", "i-deaths"],
        "citations": [f"{DOCUMENT} 4.1(1)", f"{DOCUMENT} 4.1(1)"],
    }
    holding = [t.clause.id for t in decision.trace if t.result.holds]
    assert holding == ["i-participants", "i-deaths", "ii-foreign"]  # ii-foreign held, did not fire


def test_the_trace_has_every_clause_with_its_tests_and_parameters() -> None:
    decision = grade(participants="约4999")

    trace = decision.as_dict(explain=True)["trace"]

    assert isinstance(trace, list)
    assert [(t["clause"], t["outcome"], t["holds"]) for t in trace] == [
        ("i-participants", "level_i", False),
        ("i-deaths", "level_i", False),
        ("ii-participants", "level_ii", True),
        ("ii-foreign", "level_ii", False),
        ("ii-deaths", "level_ii", False),
        ("iii-participants", "level_iii", False),
        ("iv-participants", "level_iv", False),
    ]
    assert trace[0] == {
        "clause": "i-participants",
        "outcome": "level_i",
        "cite": f"{DOCUMENT} 4.1(1)",
        "text": "i-participants",
        "holds": False,
        "tests": [
            {
                "input": "participants",
                "test": "participants in [5000, +∞) (以上)",
                "holds": False,
                "value": 4999,
                "raw": "约4999",
                "approximate": True,
                "parameters": [
                    {
                        "name": LEVEL_I,
                        "value": 5000,
                        "valid_from": "2020-01-01",
                        "valid_to": None,
                        "cite": f"{DOCUMENT} 4.1(1)",
                        "what_if": False,
                    }
                ],
            }
        ],
    }
    assert trace[1]["tests"] == [
        {
            "input": "deaths",
            "test": "deaths in (9, +∞) (超过)",
            "holds": False,
            "value": 0,
            "defaulted": True,
        }
    ]
    assert trace[4]["tests"][0]["test"] == "deaths in [3, 9] (以上、不超过)"
    assert trace[6]["tests"][0]["test"] == "participants in (-∞, 200) (以下)"


def test_a_what_if_parameter_is_marked_in_the_trace() -> None:
    snapshot = grading_parameters().with_override(LEVEL_I, 6000)

    decision = decide(GRADING, {"participants": 5500}, snapshot)

    assert decision.outcome == "level_ii"
    first_test = decision.trace[0].result.leaves[0].as_dict()
    assert first_test["test"] == "participants in [6000, +∞) (以上)"
    assert first_test["parameters"] == [
        {
            "name": LEVEL_I,
            "value": 6000,
            "valid_from": "2020-01-01",
            "valid_to": None,
            "cite": f"{DOCUMENT} 4.1(1)",
            "what_if": True,
        }
    ]


def test_why_not_gives_the_nearest_failing_clause_of_each_higher_outcome() -> None:
    decision = grade(participants=4999)

    assert decision.outcome == "level_ii"
    assert [w.outcome.value for w in decision.why_not] == ["level_i"]
    (why,) = decision.why_not
    assert [c.id for c in why.clauses] == ["i-participants"]
    (short,) = why.miss.shortfalls
    assert (short.input, short.value, short.needs, short.short_by) == (
        "participants",
        4999,
        ">= 5000",
        1,
    )
    assert why.summary() == "participants 4999 < 5000 for level I, 4.1(1)"
    assert why.as_dict() == {
        "clauses": ["i-participants"],
        "cite": [f"{DOCUMENT} 4.1(1)"],
        "failing": [{"input": "participants", "value": 4999, "needs": ">= 5000", "short_by": 1}],
        "summary": "participants 4999 < 5000 for level I, 4.1(1)",
    }


def test_why_not_covers_every_higher_outcome_in_priority_order() -> None:
    decision = grade(participants=150, deaths=2)

    assert decision.outcome == "level_iv"
    assert summaries(decision) == {
        # nearest relative to each bound: 8 deaths short of 9 (0.89) beats 4850 of 5000 (0.97),
        # and 1 death short of 3 (0.33) beats 850 participants short of 1000 (0.85)
        "level_i": "deaths 2 <= 9 for level I, 4.1(1)",
        "level_ii": "deaths 2 < 3 for level II, 4.1(2)",
        "level_iii": "participants 150 < 200 for level III, 4.1(3)",
    }
    shortfall = {w.outcome.value: w.miss.shortfalls[0].short_by for w in decision.why_not}
    assert shortfall == {"level_i": 8, "level_ii": 1, "level_iii": 50}


@pytest.mark.parametrize(
    ("words", "value", "needs", "short_by", "summary"),
    [
        ({"超过": 5000}, 5000, "> 5000", 1, "participants 5000 <= 5000"),
        ({"超过": 5000}, 4990, "> 5000", 11, "participants 4990 <= 5000"),
        ({"以上": 5000}, 4990, ">= 5000", 10, "participants 4990 < 5000"),
        ({"以下": 200}, 200, "< 200", 1, "participants 200 >= 200"),
        ({"以下": 200}, 250, "< 200", 51, "participants 250 >= 200"),
        ({"不超过": 200}, 250, "<= 200", 50, "participants 250 > 200"),
    ],
)
def test_shortfalls_on_whole_numbers_count_to_the_first_value_that_passes(
    words: dict[str, int], value: int, needs: str, short_by: int, summary: str
) -> None:
    rules = table(
        outcomes=[
            outcome(
                "major", clause("major", range_("participants", **words), "4.2(1)"), en="major"
            ),
            outcome("other", clause("other", Always(), "4.2(2)")),
        ],
        inputs=[count_input("participants")],
    )

    decision = decide(rules, {"participants": value}, parameters())

    assert decision.outcome == "other"
    (why,) = decision.why_not
    (short,) = why.miss.shortfalls
    assert (short.needs, short.short_by) == (needs, short_by)
    assert why.summary() == f"{summary} for major, 4.2(1)"


def test_no_outcome_reached_gives_none_and_why_not_for_every_outcome() -> None:
    rules = table(
        outcomes=[outcome("major", clause("major", range_("participants", 以上=5000)))],
        inputs=[count_input("participants")],
    )

    decision = decide(rules, {"participants": 10}, parameters())

    assert decision.outcome is None
    assert decision.fired == ()
    assert summaries(decision) == {"major": "participants 10 < 5000 for major, 4.1(1)"}
    assert decision.as_dict() == {"outcome": None, "fired": [], "citations": []}


JOINT = table(
    outcomes=[
        outcome(
            "joint",
            clause("joint-size", range_("participants", 以上=1000), "5.1(1)"),
            clause("joint-foreign", flag("foreign"), "5.1(2)"),
            match=Match.ALL,
            en="joint command",
        ),
        outcome("local", clause("local", Always(), "5.2")),
    ],
    inputs=[count_input("participants"), flag_input("foreign", default=False)],
)


def test_an_all_of_outcome_needs_every_clause_and_fires_them_all() -> None:
    decision = decide(JOINT, {"participants": 1500, "foreign": True}, parameters())

    assert decision.outcome == "joint"
    assert fired(decision) == ["joint-size", "joint-foreign"]


@pytest.mark.parametrize(
    ("record", "failing", "summary"),
    [
        (
            {"participants": 1500},
            ["joint-foreign"],
            "not (foreign is true) for joint command, 5.1(2)",
        ),
        (
            {"participants": 999, "foreign": True},
            ["joint-size"],
            "participants 999 < 1000 for joint command, 5.1(1)",
        ),
        (
            {"participants": 500},
            ["joint-size", "joint-foreign"],
            "participants 500 < 1000 and not (foreign is true) for joint command, 5.1(1), 5.1(2)",
        ),
    ],
)
def test_an_all_of_outcome_not_reached_lists_each_failing_clause(
    record: dict[str, object], failing: list[str], summary: str
) -> None:
    decision = decide(JOINT, record, parameters())

    assert decision.outcome == "local"
    assert fired(decision) == ["local"]
    (why,) = decision.why_not
    assert [c.id for c in why.clauses] == failing
    assert why.summary() == summary


def test_a_negated_condition_explains_itself_as_the_opposite_test() -> None:
    rules = table(
        outcomes=[
            outcome("domestic", clause("domestic", Not(flag("foreign")), "5.3")),
            outcome("other", clause("other", Always(), "5.4")),
        ],
        inputs=[flag_input("foreign")],
    )

    decision = decide(rules, {"foreign": True}, parameters())

    assert decision.outcome == "other"
    assert summaries(decision) == {"domestic": "the opposite of: foreign is true for domestic, 5.3"}
    assert decision.trace[0].result.holds is False
    assert decide(rules, {"foreign": False}, parameters()).outcome == "domestic"


DEPARTMENTS = table(
    outcomes=[
        outcome("police", clause("police", Always(), "6.1(1)")),
        outcome("health", clause("health", range_("deaths", 超过=0), "6.1(2)")),
        outcome("foreign_affairs", clause("foreign-affairs", flag("foreign"), "6.1(3)")),
        outcome("fire_brigade", clause("fire-brigade", Contains("causes", "fire"), "6.1(4)")),
    ],
    hit=HitPolicy.COLLECT,
    inputs=[
        count_input("deaths", default=0),
        flag_input("foreign", default=False),
        set_input("causes", vocabulary={"fire", "flood"}, default=frozenset()),
    ],
    id="notify",
)


def test_a_collect_table_returns_every_outcome_reached_in_table_order() -> None:
    decision = decide(DEPARTMENTS, {"deaths": 2, "causes": ["flood", "fire"]}, parameters())

    assert decision.outcome == ["police", "health", "fire_brigade"]
    assert fired(decision) == ["police", "health", "fire-brigade"]
    assert summaries(decision) == {
        "foreign_affairs": "not (foreign is true) for foreign_affairs, 6.1(3)"
    }


def test_a_collect_table_explains_every_outcome_not_reached() -> None:
    decision = decide(DEPARTMENTS, {}, parameters())

    assert decision.outcome == ["police"]
    assert summaries(decision) == {
        "health": "deaths 0 <= 0 for health, 6.1(2)",
        "foreign_affairs": "not (foreign is true) for foreign_affairs, 6.1(3)",
        "fire_brigade": "not (fire in causes) for fire_brigade, 6.1(4)",
    }
    health = decision.why_not[0].miss.shortfalls[0]
    assert health.short_by == 1


def test_the_explained_decision_is_json_serialisable() -> None:
    decision = decide(DEPARTMENTS, {"deaths": "约3人", "causes": "fire"}, parameters())

    text = json.dumps(decision.as_dict(explain=True), default=str, ensure_ascii=False)

    loaded = json.loads(text)
    assert loaded["outcome"] == ["police", "health", "fire_brigade"]
    assert loaded["as_of"] == "2024-06-01"
    assert loaded["inputs"] == {
        "deaths": {"value": 3, "raw": "约3人", "approximate": True},
        "foreign": {"value": False, "defaulted": True},
        "causes": {"value": ["fire"], "raw": "fire"},
    }
    assert list(loaded["why_not"]) == ["foreign_affairs"]


def test_the_explained_grading_decision_is_json_serialisable() -> None:
    decision = grade(participants="五千", deaths=0)

    loaded = json.loads(json.dumps(decision.as_dict(explain=True), default=str))

    assert loaded["outcome"] == "level_i"
    assert loaded["fired"] == ["i-participants"]
    assert loaded["why_not"] == {}
    assert len(loaded["trace"]) == 7


def test_a_bad_field_is_an_input_error() -> None:
    with pytest.raises(InputError) as raised:
        grade(participants="将近5000")

    assert raised.value.field == "participants"


def test_a_parameter_not_in_force_on_the_date_is_a_parameter_error() -> None:
    with pytest.raises(ParameterError, match=r"'level_i_participants' .* 2019-01-01"):
        decide(GRADING, {"participants": 1}, parameters(as_of=date(2019, 1, 1)))


def test_a_decider_prepared_once_decides_each_record_as_decide_does() -> None:
    decider = Decider(GRADING, grading_parameters())
    records = [{"participants": n, "deaths": d} for n in (0, 999, 5000) for d in (0, 3, 10)]

    decided = [decider.decide(record) for record in records]

    expected = [decide(GRADING, record, grading_parameters()) for record in records]
    assert [d.as_dict(explain=True) for d in decided] == [e.as_dict(explain=True) for e in expected]
    assert [d.outcome for d in decided[::3]] == ["level_iv", "level_iii", "level_i"]


def test_deciders_on_different_snapshots_do_not_share_resolved_bounds() -> None:
    now = Decider(GRADING, grading_parameters(5000))
    what_if = Decider(GRADING, grading_parameters().with_override(LEVEL_I, 6000))

    assert now.decide({"participants": 5500}).outcome == "level_i"
    assert what_if.decide({"participants": 5500}).outcome == "level_ii"
    assert now.decide({"participants": 5500}).outcome == "level_i"
