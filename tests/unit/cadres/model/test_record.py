"""The cadre-record adapter: every computed input, the boundary days, every refusal."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from govops.cadres.model.adapter import AssessmentWindow, assessment_window, cadre_record
from govops.cadres.model.periods import (
    completed_years,
    completed_years_of_union,
    period_last_day,
    union_days,
    years_elapsed,
)
from govops.lawcode.rules.inputs import InputError


def record(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "as_of": "2026-06-30",
        "target_rank": "deputy_division",
        "target_is_party_post": False,
        "work_start": "2012-07-01",
        "education": "bachelor",
        "party_join_date": "2015-06-01",
        "training_completed": True,
        "exceptional": False,
        "positions": [
            {"rank": "section_chief", "start": "2021-01-01", "end": None, "grassroots": True}
        ],
        "assessments": [{"year": 2025, "result": "competent"}],
    }
    base.update(changes)
    return base


def inputs(**changes: Any) -> dict[str, object]:
    return cadre_record(record(**changes)).inputs


def post(rank: str, start: str, end: str | None = None, **more: Any) -> dict[str, Any]:
    return {"rank": rank, "start": start, "end": end, **more}


def test_the_example_record_of_the_brief() -> None:
    adapted = cadre_record(record())
    assert adapted.as_of == date(2026, 6, 30)
    assert adapted.inputs == {
        "target_is_division": True,
        "target_is_division_chief": False,
        "target_is_deputy_division": True,
        "target_is_section_chief": False,
        "target_is_deputy_section": False,
        "target_is_party_post": False,
        "work_years": 13,
        "grassroots_years": 5,
        "posts_at_next_lower_rank": 1,
        "years_at_next_lower_rank": 5,
        "on_establishment": False,
        "personnel_agency": False,
        "establishment_years": 0,
        "education_level": 2,
        "training_completed": True,
        "party_years": 11,
        "rank_jump": 1,
        "exceptional": False,
        "previous_promotion_exceptional": False,
        "held_is_section_chief": True,
        "held_is_deputy_division": False,
        "years_below_when_promoted": 0,
        "in_probation": False,
        "recent_assessment_below_competent": False,
        "assessment_missing": True,  # 2023 and 2024 are not recorded
        "spouse_or_children_abroad": False,
        "discipline_in_effect": False,
        "demoted": False,
        "years_since_demotion": 0,
        "political_discipline_breach": False,
        "low_public_recognition": False,
        "canvassing": False,
        "otherwise_unsuitable": False,
    }


# completed years by anniversary


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (date(2021, 7, 1), date(2026, 7, 1), 5),
        (date(2021, 7, 1), date(2026, 6, 30), 4),
        (date(2020, 2, 29), date(2021, 2, 28), 0),
        (date(2020, 2, 29), date(2021, 3, 1), 1),
        (date(2024, 2, 29), date(2028, 2, 29), 4),
        (date(2026, 7, 1), date(2026, 6, 30), 0),
    ],
)
def test_completed_years_by_anniversary(start: date, end: date, years: int) -> None:
    assert completed_years(start, end) == years


def test_union_of_periods_counts_overlapping_days_once() -> None:
    a = (date(2020, 1, 1), date(2020, 1, 11))
    b = (date(2020, 1, 6), date(2020, 1, 21))
    c = (date(2020, 2, 1), date(2020, 2, 2))
    assert union_days([a, b, c]) == 21
    assert union_days([]) == 0
    assert completed_years_of_union([]) == 0


def test_union_years_count_anniversaries_then_leftover_days() -> None:
    # two whole years apart (2019 and 2021): 2, though 2019-01-01 + 730 days is 2020-12-31
    apart = [(date(2019, 1, 1), date(2020, 1, 1)), (date(2021, 1, 1), date(2022, 1, 1))]
    assert completed_years_of_union(apart) == 2
    # 200 + 165 leftover days make a year; 200 + 164 do not
    year = [(date(2019, 1, 1), date(2019, 7, 20)), (date(2021, 1, 1), date(2021, 6, 15))]
    assert [(e - s).days for s, e in year] == [200, 165]
    assert completed_years_of_union(year) == 1
    short = [(date(2019, 1, 1), date(2019, 7, 20)), (date(2021, 1, 1), date(2021, 6, 14))]
    assert completed_years_of_union(short) == 0
    # touching periods merge into one, counted by anniversary
    touching = [(date(2019, 3, 1), date(2020, 3, 1)), (date(2020, 3, 1), date(2021, 2, 28))]
    assert completed_years_of_union(touching) == 1
    leap = [(date(2020, 2, 29), date(2021, 3, 1)), (date(2022, 1, 1), date(2022, 12, 31))]
    assert completed_years_of_union(leap) == 1  # 1 year + 0 + 364 leftover days


def test_work_years_on_and_before_the_anniversary() -> None:
    assert inputs(work_start="2021-06-30", positions=[])["work_years"] == 5
    assert inputs(work_start="2021-07-01", positions=[])["work_years"] == 4


def test_grassroots_years_join_positions_and_other_periods() -> None:
    positions = [
        post("section_chief", "2023-01-01", "2024-06-30", grassroots=True),
        post("section_chief", "2024-06-30", grassroots=False),
    ]
    periods = [{"start": "2013-01-01", "end": "2013-07-01"}, {"start": "2013-06-01"}]
    # union of the periods: 2013-01-01 to as_of (13 years) covers the post as well
    assert inputs(positions=positions, grassroots_periods=periods)["grassroots_years"] == 13
    assert inputs(positions=positions)["grassroots_years"] == 1


def test_grassroots_two_years_boundary_day() -> None:
    two = [post("section_chief", "2020-06-30", "2022-06-30", grassroots=True)]
    one = [post("section_chief", "2020-07-01", "2022-06-30", grassroots=True)]
    assert inputs(positions=two)["grassroots_years"] == 2
    assert inputs(positions=one)["grassroots_years"] == 1


def test_posts_and_years_at_the_rank_below() -> None:
    positions = [
        post("deputy_section", "2013-01-01", "2020-01-01"),
        post("section_chief", "2020-01-01", "2022-01-01", post="A"),
        post("section_chief", "2022-01-01", "2023-06-30", post="A"),
        post("section_chief", "2022-06-01", post="B"),
    ]
    got = inputs(positions=positions)
    assert got["posts_at_next_lower_rank"] == 2  # A twice counts once
    assert got["years_at_next_lower_rank"] == 6  # 2020-01-01 .. 2026-06-30, union


def test_entries_without_a_post_name_count_each() -> None:
    positions = [
        post("section_chief", "2020-01-01", "2022-01-01"),
        post("section_chief", "2022-01-01"),
    ]
    assert inputs(positions=positions)["posts_at_next_lower_rank"] == 2


def test_target_flags_for_each_rank() -> None:
    deputy_section = inputs(target_rank="deputy_section", positions=[], on_establishment=True)
    assert deputy_section["target_is_deputy_section"] is True
    assert deputy_section["target_is_division"] is False
    assert deputy_section["rank_jump"] == 1
    assert deputy_section["on_establishment"] is True
    chief = inputs(target_rank="division_chief", positions=[post("deputy_division", "2020-01-01")])
    assert chief["target_is_division_chief"] is True and chief["target_is_division"] is True
    section = inputs(target_rank="section_chief", positions=[post("deputy_section", "2020-01-01")])
    assert section["target_is_section_chief"] is True and section["target_is_division"] is False


def test_rank_jump_from_the_rank_now_held() -> None:
    assert inputs(target_rank="division_chief")["rank_jump"] == 2
    assert inputs(target_rank="division_chief", positions=[])["rank_jump"] == 4
    demoted = [
        post("deputy_division", "2015-01-01", "2020-01-01"),
        post("section_chief", "2020-01-01"),
    ]
    assert inputs(positions=demoted, demoted_on="2020-01-01")["rank_jump"] == 1
    left = [
        post("section_chief", "2015-01-01", "2020-01-01"),
        post("deputy_section", "2012-07-01", "2015-01-01"),
    ]
    assert inputs(positions=left)["rank_jump"] == 1


@pytest.mark.parametrize(
    ("education", "level"),
    [("none", 0), ("college", 1), ("bachelor", 2), ("master", 3), ("doctorate", 4)],
)
def test_education_level(education: str, level: int) -> None:
    assert inputs(education=education)["education_level"] == level


def test_party_years() -> None:
    assert inputs(party_join_date="2023-06-30")["party_years"] == 3
    assert inputs(party_join_date="2023-07-01")["party_years"] == 2
    assert inputs(party_join_date=None)["party_years"] == 0
    assert inputs(target_is_party_post=True)["target_is_party_post"] is True


def test_establishment_years_for_personnel_agency() -> None:
    base = {"target_rank": "deputy_section", "positions": [], "on_establishment": True}
    got = inputs(**base, personnel_agency=True, establishment_date="2025-06-30")
    assert got["personnel_agency"] is True and got["establishment_years"] == 1
    assert (
        inputs(**base, personnel_agency=True, establishment_date="2025-07-01")[
            "establishment_years"
        ]
        == 0
    )


def test_probation_ends_on_its_end_day() -> None:
    on = [post("section_chief", "2025-07-01", probation_end="2026-07-01")]
    over = [post("section_chief", "2025-06-30", probation_end="2026-06-30")]
    assert inputs(positions=on)["in_probation"] is True
    assert inputs(positions=over)["in_probation"] is False


@pytest.mark.parametrize(
    ("year", "result", "below"),
    [
        (2023, "basically_competent", True),
        (2025, "incompetent", True),
        (2022, "incompetent", False),
        (2024, "excellent", False),
        (2024, "competent", False),
    ],
)
def test_recent_assessment_below_competent(year: int, result: str, below: bool) -> None:
    results = {y: "competent" for y in range(2022, 2026)} | {year: result}
    got = inputs(assessments=[{"year": y, "result": r} for y, r in results.items()])
    assert got["recent_assessment_below_competent"] is below
    assert got["assessment_missing"] is False


def test_the_latest_three_results_end_with_the_year_just_ended_when_it_is_recorded() -> None:
    as_of = date(2026, 6, 30)
    assert assessment_window({2022, 2023, 2024, 2025}, as_of) == AssessmentWindow(
        (2023, 2024, 2025), ()
    )
    # 2025 not recorded yet: the latest three are 2022-2024, and 2025 is named as missing
    assert assessment_window({2022, 2023, 2024}, as_of) == AssessmentWindow(
        (2022, 2023, 2024), (2025,)
    )
    assert assessment_window({2023, 2025}, as_of) == AssessmentWindow((2023, 2024, 2025), (2024,))
    assert assessment_window(set(), as_of).missing == (2022, 2023, 2024, 2025)


def test_a_bad_result_before_a_year_not_yet_recorded_still_counts() -> None:
    """17(3): the latest three results, not the last three calendar years: with 2025 not
    recorded, basically competent in 2022 is among them; a missing year is never a pass."""
    early = [{"year": 2022, "result": "basically_competent"}] + [
        {"year": y, "result": "competent"} for y in (2023, 2024)
    ]
    got = inputs(assessments=early)
    assert got["recent_assessment_below_competent"] is True
    assert got["assessment_missing"] is True
    gap = [{"year": y, "result": "competent"} for y in (2023, 2025)]
    assert inputs(assessments=gap)["assessment_missing"] is True


def test_discipline_in_effect_through_its_last_day() -> None:
    last_day = [{"kind": "admonition", "effect_until": "2026-06-30"}]
    ended = [{"kind": "government", "effect_until": "2026-06-29"}]
    assert inputs(disciplinary=last_day)["discipline_in_effect"] is True
    assert inputs(disciplinary=ended)["discipline_in_effect"] is False


def test_flags_and_demotion() -> None:
    got = inputs(
        exceptional=True,
        previous_promotion_exceptional=True,
        spouse_or_children_abroad=True,
        training_completed=False,
        demoted_on="2024-07-01",
    )
    assert got["exceptional"] and got["previous_promotion_exceptional"]
    assert got["spouse_or_children_abroad"] and got["training_completed"] is False
    assert got["demoted"] is True and got["years_since_demotion"] == 1


def test_the_two_years_after_a_demotion_run_through_the_second_anniversary() -> None:
    """46 (两年内不得提升职务) counted as the Civil Code counts years (201, 202): the day of
    the demotion is not counted, the second anniversary is the last day barred."""
    assert inputs(demoted_on="2024-06-30")["years_since_demotion"] == 1
    assert inputs(demoted_on="2024-06-29")["years_since_demotion"] == 2
    assert inputs(as_of="2026-03-01", demoted_on="2024-02-29")["years_since_demotion"] == 2
    assert inputs(as_of="2026-02-28", demoted_on="2024-02-29")["years_since_demotion"] == 1


@pytest.mark.parametrize(
    ("event", "years", "last"),
    [
        (date(2024, 6, 30), 1, date(2025, 6, 30)),
        (date(2024, 6, 30), 2, date(2026, 6, 30)),
        (date(2024, 2, 29), 1, date(2025, 2, 28)),
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2025, 2, 28), 1, date(2026, 2, 28)),
    ],
)
def test_a_period_of_years_ends_on_the_corresponding_day(
    event: date, years: int, last: date
) -> None:
    assert period_last_day(event, years) == last
    assert years_elapsed(event, last) == years - 1
    assert years_elapsed(event, last + timedelta(days=1)) == years


def test_years_below_the_rank_held_when_it_was_reached() -> None:
    posts = [
        post("deputy_section", "2022-01-01", "2024-01-01"),
        post("section_chief", "2024-01-01"),
        post("section_chief", "2025-01-01", post="B"),
    ]
    assert inputs(positions=posts)["years_below_when_promoted"] == 2
    posts[0] = post("deputy_section", "2023-01-01", "2024-01-01")
    got = inputs(positions=posts)
    assert (got["years_below_when_promoted"], got["held_is_section_chief"]) == (1, True)
    assert inputs(positions=posts[1:])["years_below_when_promoted"] == 0


JUDGED = (
    "political_discipline_breach",
    "low_public_recognition",
    "canvassing",
    "otherwise_unsuitable",
)


@pytest.mark.parametrize("name", JUDGED)
def test_judged_exclusions_of_art_17_are_passed_as_asserted(name: str) -> None:
    got = inputs(**{name: True})
    assert got[name] is True
    assert not any(got[other] for other in JUDGED if other != name)
    assert inputs(**{name: None})[name] is False
    assert inputs()[name] is False


@pytest.mark.parametrize("name", JUDGED)
def test_judged_exclusions_must_be_flags(name: str) -> None:
    with pytest.raises(InputError) as raised:
        cadre_record(record(**{name: "yes"}))
    assert raised.value.field == name


def test_dates_may_be_date_objects() -> None:
    assert (
        cadre_record(
            record(as_of=date(2026, 6, 30), work_start=date(2021, 6, 30), positions=[])
        ).inputs["work_years"]
        == 5
    )


# refusals


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"salary": 1}, "salary"),
        ({"as_of": None}, "as_of"),
        ({"as_of": "2026/06/30"}, "as_of"),
        ({"as_of": "20260630"}, "as_of"),
        ({"as_of": "2026-02-30"}, "as_of"),
        ({"target_rank": "president"}, "target_rank"),
        ({"target_rank": "section_chief"}, "target_rank"),
        ({"work_start": "2027-01-01"}, "work_start"),
        ({"education": "phd"}, "education"),
        ({"party_join_date": "2027-01-01"}, "party_join_date"),
        ({"training_completed": "yes"}, "training_completed"),
        ({"exceptional": 1}, "exceptional"),
        ({"positions": None}, "positions"),
        ({"positions": "section_chief"}, "positions"),
        ({"positions": ["x"]}, "positions[0]"),
        ({"positions": [post("chief", "2020-01-01")]}, "positions[0].rank"),
        ({"positions": [{"rank": "section_chief"}]}, "positions[0].start"),
        ({"positions": [post("section_chief", "2020-01-01", "2019-01-01")]}, "positions[0].end"),
        ({"positions": [post("section_chief", "2020-01-01", "2020-01-01")]}, "positions[0].end"),
        ({"positions": [post("section_chief", "2020-01-01", "2026-07-01")]}, "positions[0].end"),
        ({"positions": [post("section_chief", "2026-07-01")]}, "positions[0].start"),
        ({"positions": [post("section_chief", "2010-01-01")]}, "positions[0].start"),
        ({"positions": [post("section_chief", "2020-01-01", title="x")]}, "positions[0].title"),
        ({"positions": [post("section_chief", "2020-01-01", post="")]}, "positions[0].post"),
        (
            {"positions": [post("section_chief", "2020-01-01", grassroots="y")]},
            "positions[0].grassroots",
        ),
        (
            {"positions": [post("section_chief", "2020-01-01", probation_end="soon")]},
            "positions[0].probation_end",
        ),
        (
            {
                "positions": [
                    post("deputy_section", "2015-01-01"),
                    post("section_chief", "2020-01-01"),
                ]
            },
            "positions[1]",
        ),
        (
            {"grassroots_periods": [{"start": "2015-01-01", "rank": "x"}]},
            "grassroots_periods[0].rank",
        ),
        ({"assessments": [{"year": 2026, "result": "competent"}]}, "assessments[0].year"),
        ({"assessments": [{"year": "2025", "result": "competent"}]}, "assessments[0].year"),
        ({"assessments": [{"year": True, "result": "competent"}]}, "assessments[0].year"),
        (
            {
                "assessments": [
                    {"year": 2025, "result": "competent"},
                    {"year": 2025, "result": "excellent"},
                ]
            },
            "assessments[1].year",
        ),
        ({"assessments": [{"year": 2025, "result": "good"}]}, "assessments[0].result"),
        (
            {"disciplinary": [{"kind": "warning", "effect_until": "2027-01-01"}]},
            "disciplinary[0].kind",
        ),
        ({"disciplinary": [{"kind": "party"}]}, "disciplinary[0].effect_until"),
        ({"target_rank": "deputy_section", "positions": []}, "on_establishment"),
        ({"personnel_agency": True}, "establishment_date"),
        ({"demoted_on": "2027-01-01"}, "demoted_on"),
    ],
)
def test_bad_records_are_refused_naming_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as raised:
        cadre_record(record(**changes))
    assert raised.value.field == field


def test_a_record_that_is_no_object_is_refused() -> None:
    with pytest.raises(InputError) as raised:
        cadre_record("x")  # type: ignore[arg-type]
    assert raised.value.field == "record"


def test_overlapping_posts_at_the_same_rank_are_accepted() -> None:
    positions = [
        post("section_chief", "2020-01-01", post="A"),
        post("section_chief", "2021-01-01", post="B"),
    ]
    assert inputs(positions=positions)["posts_at_next_lower_rank"] == 2
