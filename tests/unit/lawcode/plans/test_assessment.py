"""Where an indicator stands as of a year, by its measure, with the reason in words: the
figures behind each status and the course a total or an end figure must keep."""

from __future__ import annotations

from decimal import Decimal

from govops.lawcode.plans.assessment import assess
from govops.lawcode.plans.indicators import Course, Indicator, Measure, Status, expected
from govops.lawcode.plans.targets import read_target
from govops.platform.i18n.translator import translator
from tests.unit.lawcode.plans.test_targets import CITE, CONVENTION, READING


def indicator(written: str, measure: Measure, unit: str = "", **more: object) -> Indicator:
    bare = more.pop("bare", None)
    target = read_target(written, CONVENTION, bare, READING if bare else None)  # type: ignore[arg-type]
    return Indicator("i", {"en": "i"}, unit, target, measure, 2021, 2025, CITE, **more)  # type: ignore[arg-type]


def said(figures: dict[int, str], year: int, of: Indicator) -> tuple[Status, str]:
    got = assess(of, {y: Decimal(f) for y, f in figures.items()}, year)
    return got.status, translator("en").say(got.reason)


RATE = indicator("<0.9", Measure.EACH_YEAR, "人/百亿元")


def test_each_year_names_the_years_that_missed_and_the_years_without_a_figure() -> None:
    assert said({2021: "0.8", 2022: "0.9"}, 2022, RATE) == (
        Status.AT_RISK,
        "2022 did not meet <0.9 (0.9人/百亿元)",
    )
    assert said({y: "0.8" for y in range(2021, 2026)}, 2025, RATE)[0] is Status.MET
    assert said({2021: "0.8", 2023: "0.8"}, 2023, RATE) == (Status.ON_TRACK, "no figure for 2022")
    assert said({}, 2023, RATE) == (Status.NO_FIGURE, "no figure yet")
    assert said({2026: "5"}, 2025, RATE)[0] is Status.NO_FIGURE  # after the period: not counted


def test_an_average_is_held_against_the_target_exactly() -> None:
    deaths = indicator("<1", Measure.AVERAGE, "人/百万人")
    status, reason = said({2021: "0.5", 2022: "1.49"}, 2022, deaths)
    assert status is Status.ON_TRACK  # 0.995 < 1
    assert (
        reason == "the average of 2 years is 1.00人/百万人: meets <1"
    )  # shown, not judged, rounded
    assert said({2021: "0.5", 2022: "1.5"}, 2022, deaths)[0] is Status.AT_RISK  # exactly 1


def test_a_total_is_met_once_reached_and_otherwise_kept_on_a_steady_course() -> None:
    trained = indicator("1400名", Measure.TOTAL, "名", bare="at_least")
    assert said({2021: "1400"}, 2021, trained)[0] is Status.MET
    status, reason = said({2021: "300", 2022: "300", 2023: "239"}, 2023, trained)
    assert status is Status.AT_RISK
    assert reason == ("839名 in 2021-2023; a steady course to 1400名 by 2025 asks 840名 by now")
    assert said({2021: "300", 2022: "300", 2023: "240"}, 2023, trained)[0] is Status.ON_TRACK
    assert said({y: "0" for y in range(2021, 2025)} | {2025: "1399"}, 2025, trained)[0] is (
        Status.MISSED
    )
    assert said({2021: "1000", 2025: "399"}, 2025, trained) == (
        Status.NO_FIGURE,
        "no figure for 2022, 2023, 2024",
    )  # a year not reported is not nothing
    assert said({2021: "1400"}, 2025, trained)[0] is Status.MET  # reached: no more needed


def test_an_end_figure_keeps_a_course_from_its_first_figure_and_a_ceiling_is_kept_under() -> None:
    share = indicator("90%", Measure.AT_END, "%", bare="at_least")
    assert said({2021: "50", 2023: "70"}, 2023, share)[0] is Status.ON_TRACK  # half-way
    assert said({2021: "50", 2023: "69.99"}, 2023, share)[0] is Status.AT_RISK
    assert said({2021: "91"}, 2022, share)[0] is Status.ON_TRACK  # only the end figure counts
    assert said({2021: "91"}, 2025, share) == (Status.NO_FIGURE, "no figure for 2025")
    assert said({2021: "60", 2025: "90"}, 2025, share)[0] is Status.MET
    spacing = indicator("2公里", Measure.AT_END, "公里", bare="at_most")
    assert said({2021: "3", 2023: "2.5"}, 2023, spacing)[0] is Status.ON_TRACK
    assert said({2025: "2.01"}, 2025, spacing)[0] is Status.MISSED


def test_a_figure_exactly_on_a_course_a_third_of_the_way_is_on_track() -> None:
    # From 2022 to 2025 a year is a third of the way: the course is held exactly.
    share = indicator("90%", Measure.AT_END, "%", bare="at_least")
    assert said({2022: "0.01", 2023: "30.01"}, 2023, share)[0] is Status.ON_TRACK
    assert said({2022: "0.01", 2023: "30"}, 2023, share)[0] is Status.AT_RISK
    spacing = indicator("2公里", Measure.AT_END, "公里", bare="at_most")
    assert said({2022: "3.01", 2023: "2.67"}, 2023, spacing)[0] is Status.ON_TRACK
    assert said({2022: "3.01", 2023: "2.68"}, 2023, spacing)[0] is Status.AT_RISK


def test_a_fall_is_counted_from_the_baseline_year() -> None:
    fall = indicator("≧30%", Measure.FALL, "起", baseline_year=2020)
    status, reason = said({2020: "200", 2025: "140"}, 2025, fall)
    assert status is Status.MET
    assert reason == "a fall of 30% from 200起 in 2020 to 140起 in 2025: meets ≧30%"
    assert said({2020: "200", 2025: "141"}, 2025, fall)[0] is Status.MISSED
    assert said({2025: "140"}, 2025, fall)[0] is Status.NO_FIGURE


def test_the_plans_own_pace_sets_each_years_bound_and_the_target_holds_at_the_end() -> None:
    srb = indicator("113", Measure.EACH_YEAR, bare="at_most")
    paced = Indicator(
        "srb", {}, "", srb.target, Measure.EACH_YEAR, 2016, 2020, CITE,
        course=Course(Decimal(115), 2015, Decimal("-0.4")),
    )  # fmt: skip
    assert [expected(paced, y) for y in (2015, 2016, 2019, 2020, 2021)] == [
        None,
        Decimal("114.6"),
        Decimal("113.4"),
        Decimal("113.0"),
        None,
    ]
    assert expected(srb, 2021) is None  # no pace written: none expected
    on_pace = {2016: "114.6", 2017: "114.2"}
    assert said(on_pace, 2017, paced)[0] is Status.ON_TRACK
    assert said({2016: "114.7"}, 2016, paced) == (
        Status.AT_RISK,
        "2016 did not keep the plan's pace to 113 (114.7)",
    )
