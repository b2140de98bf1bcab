"""Table analysis: holes no outcome covers, and overlaps two outcomes both claim."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govops.lawcode.rules.analysis import Analysis, analyse, decide_outcome
from govops.lawcode.rules.cells import Cell
from govops.lawcode.rules.conditions import Always, Condition
from govops.lawcode.rules.inputs import InputSpec
from govops.lawcode.rules.tables import Clause, HitPolicy, RuleTable
from tests.unit.lawcode.builders import (
    all_of,
    clause,
    count_input,
    flag,
    flag_input,
    grading_parameters,
    grading_table,
    outcome,
    parameters,
    quantity_input,
    range_,
    table,
)


def analysed(rules: RuleTable) -> Analysis:
    return analyse(rules, parameters())


def rules(*outcomes: tuple[str, Condition], inputs: tuple[InputSpec, ...]) -> RuleTable:
    """One clause per outcome, the clause named after its outcome."""
    return table(
        outcomes=[outcome(value, clause(value, condition)) for value, condition in outcomes],
        inputs=inputs,
    )


def ids(pair: tuple[str, Clause]) -> tuple[str, str]:
    return pair[0], pair[1].id


PARTICIPANTS = (count_input("participants"),)


def test_a_clean_table_has_no_holes_and_no_overlaps() -> None:
    analysis = analyse(grading_table(), grading_parameters())

    assert analysis.table == "grading"
    assert analysis.holes == ()
    assert analysis.overlaps == ()


# The middle band written as 超过1000、不超过5000, between 5000以上 and 200以上、1000以下:
# 1000 belongs to no band and 5000 to two.
MISWRITTEN = rules(
    ("level_i", range_("participants", 以上=5000)),
    ("level_ii", range_("participants", 超过=1000, 不超过=5000)),
    ("level_iii", range_("participants", 以上=200, 以下=1000)),
    inputs=PARTICIPANTS,
)


def test_a_miswritten_band_leaves_a_hole_at_exactly_its_bound() -> None:
    (hole,) = analysed(MISWRITTEN).holes

    assert hole.input == "participants"
    assert hole.notation() == "[1000, 1000]"
    assert hole.cells == (Cell(Decimal(1000), Decimal(1000), 1000),)
    assert (hole.below, hole.above) == ("level_iii", "level_ii")
    assert hole.context == {}
    assert hole.contexts_seen == 1
    assert decide_outcome(MISWRITTEN, parameters(), {"participants": 1000}) is None


def test_a_miswritten_band_overlaps_the_next_at_its_bound_with_a_witness() -> None:
    analysis = analysed(MISWRITTEN)

    (overlap,) = analysis.overlaps
    assert ids(overlap.first) == ("level_i", "level_i")
    assert ids(overlap.second) == ("level_ii", "level_ii")
    assert overlap.example == {"participants": 5000}
    assert analysis.independent_overlaps == 0


def test_below_the_lowest_band_is_not_a_hole() -> None:
    """0 to 199 is uncovered, but nothing lies below it: that is out of scope, not a hole."""
    assert [h.notation() for h in analysed(MISWRITTEN).holes] == ["[1000, 1000]"]
    assert decide_outcome(MISWRITTEN, parameters(), {"participants": 199}) is None


def test_a_wider_hole_spans_points_and_intervals() -> None:
    gap = rules(
        ("high", range_("participants", 超过=5000)),
        ("low", range_("participants", 以下=1000)),
        inputs=PARTICIPANTS,
    )

    (hole,) = analysed(gap).holes

    assert hole.notation() == "[1000, 5000]"
    assert [c.sample for c in hole.cells] == [1000, 1001, 5000]
    assert (hole.below, hole.above) == ("low", "high")


def test_whole_number_inputs_have_no_hole_or_overlap_between_neighbouring_integers() -> None:
    """Below 1000 and above 999 share no whole number and leave none out."""
    adjacent = rules(
        ("high", range_("participants", 超过=999)),
        ("low", range_("participants", 以下=1000)),
        inputs=PARTICIPANTS,
    )

    analysis = analysed(adjacent)

    assert analysis.holes == ()
    assert analysis.overlaps == ()


def test_quantities_overlap_between_neighbouring_integers() -> None:
    adjacent = rules(
        ("high", range_("hours", 超过=Decimal(999))),
        ("low", range_("hours", 以下=Decimal(1000))),
        inputs=(quantity_input("hours"),),
    )

    (overlap,) = analysed(adjacent).overlaps

    assert overlap.example == {"hours": Decimal("999.5")}


def test_a_hole_in_a_quantity_is_found_at_a_point() -> None:
    point = rules(
        ("long", range_("hours", 超过=Decimal(2))),
        ("short", range_("hours", 以下=Decimal(2))),
        inputs=(quantity_input("hours"),),
    )

    (hole,) = analysed(point).holes

    assert hole.notation() == "[2, 2]"
    assert hole.cells[0].sample == Decimal(2)


def test_criteria_on_different_inputs_are_counted_not_listed() -> None:
    independent = rules(
        ("level_i", flag("casualties")),
        ("level_ii", flag("foreign")),
        ("level_iii", flag("media")),
        inputs=(flag_input("casualties"), flag_input("foreign"), flag_input("media")),
    )

    analysis = analysed(independent)

    assert analysis.overlaps == ()
    assert analysis.independent_overlaps == 3  # every pair of the three outcomes


def test_the_grading_table_counts_each_independent_pair_across_outcomes() -> None:
    # i-participants × {ii-foreign, ii-deaths}; i-deaths × {ii-participants, ii-foreign,
    # iii-participants, iv-participants}; {ii-foreign, ii-deaths} × {iii, iv}-participants
    assert analyse(grading_table(), grading_parameters()).independent_overlaps == 10


def test_criteria_on_the_same_flag_overlap() -> None:
    same = rules(
        ("level_i", flag("foreign")),
        ("level_ii", all_of(flag("foreign"), range_("participants", 以上=10))),
        inputs=(flag_input("foreign"), *PARTICIPANTS),
    )

    (overlap,) = analysed(same).overlaps

    assert overlap.example == {"foreign": True, "participants": 10}


def test_clauses_of_one_outcome_never_overlap() -> None:
    one = table(
        outcomes=[
            outcome(
                "level_i",
                clause("a", range_("participants", 以上=10)),
                clause("b", range_("participants", 以上=20)),
            )
        ],
        inputs=PARTICIPANTS,
    )

    assert analysed(one).overlaps == ()


def test_a_hole_that_exists_only_when_a_flag_is_true_is_found_with_that_flag() -> None:
    flagged = rules(
        ("large", range_("participants", 以上=1000)),
        ("domestic", all_of(flag("foreign", expected=False), range_("participants", 以下=1000))),
        ("foreign", all_of(flag("foreign"), range_("participants", 以下=500))),
        inputs=(*PARTICIPANTS, flag_input("foreign")),
    )

    (hole,) = analysed(flagged).holes

    assert hole.notation() == "[500, 1000)"
    assert hole.context == {"foreign": True}
    assert (hole.below, hole.above) == ("foreign", "large")
    assert [c.sample for c in hole.cells] == [500, 501]
    assert hole.contexts_seen == 1


def test_a_hole_in_every_context_is_reported_once_and_counted() -> None:
    both = rules(
        ("large", range_("participants", 以上=1000)),
        ("domestic", all_of(flag("foreign", expected=False), range_("participants", 以下=500))),
        ("foreign", all_of(flag("foreign"), range_("participants", 以下=500))),
        inputs=(*PARTICIPANTS, flag_input("foreign")),
    )

    (hole,) = analysed(both).holes

    assert hole.notation() == "[500, 1000)"
    assert hole.context == {"foreign": False}  # the first context it was seen in
    assert hole.contexts_seen == 2


def test_a_parameter_bound_is_analysed_at_its_value_in_force() -> None:
    threshold = rules(
        ("high", range_("participants", 以上="threshold")),
        ("low", range_("participants", 以下=5000)),
        inputs=PARTICIPANTS,
    )

    assert analyse(threshold, parameters(threshold=5000)).holes == ()
    (hole,) = analyse(threshold, parameters(threshold=6000)).holes
    assert hole.notation() == "[5000, 6000)"


def test_a_collect_table_is_refused() -> None:
    collect = table(outcomes=[outcome("police", clause("police", Always()))], hit=HitPolicy.COLLECT)

    with pytest.raises(ValueError, match="collects outcomes"):
        analysed(collect)
