"""Progress records summed per line and year against the budget; targets year by year."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govops.lawcode.plans.programme import Comparator, Trajectory
from govops.lawcode.plans.progress import ProgressError, ProgressRecord, summarise
from tests.unit.lawcode.plans.programme_fixtures import (
    consistent_budget,
    fig,
    output,
    programme,
    said,
)

D = Decimal


def _plan() -> object:
    return programme(consistent_budget(), (output(), output(("2",))))


def test_records_are_summed_per_line_and_year_in_budget_order() -> None:
    records = [
        ProgressRecord("2", "A", 2016, None, None, D("5")),
        ProgressRecord("1", "B", 2017, D(10), D(9), D("60")),
        ProgressRecord("1", "A", 2017, D(10), D(10), D("65,5".replace(",", "."))),
    ]
    summary, findings = summarise(_plan(), records)  # type: ignore[arg-type]
    assert [(s.line_id, s.year) for s in summary] == [("1", 2017), ("2", 2016)]
    first = summary[0]
    assert (first.budget, first.spent, first.planned, first.done) == (D(130), D("125.5"), 20, 19)
    assert first.areas == ("A", "B")
    assert first.done_share == D("0.95")
    assert summary[1].planned is None and summary[1].done_share is None
    assert findings == ()


def test_spending_over_the_budget_or_where_none_is_set_is_a_warning() -> None:
    records = [ProgressRecord("1", "A", 2016, None, None, D("130.01"))]
    _, [finding] = summarise(_plan(), records)  # type: ignore[arg-type]
    assert finding.code == "overspent"
    assert [c.article for c in finding.places] == ["PL 1"]
    assert "130,01" in said(finding, "vi") and "130.01" in said(finding, "en")
    assert said(finding, "vi") == "Dòng PL 1, năm 2016: đã chi 130,01, dự toán 130"
    assert said(finding, "zh-Hans") == "第 PL 1 行，2016年：已支出130.01，预算为130"


def test_unknown_lines_and_years_outside_the_plan_are_refused() -> None:
    with pytest.raises(ProgressError, match="no line '9'") as error:
        summarise(_plan(), [ProgressRecord("9", "A", 2016, None, None, D(1))])  # type: ignore[arg-type]
    assert said(error.value.message, "vi") == "dự toán không có dòng '9'"
    assert said(error.value.message, "zh-Hans") == "经费预算中没有 '9' 行"
    with pytest.raises(ProgressError, match="outside"):
        summarise(_plan(), [ProgressRecord("1", "A", 2015, None, None, D(1))])  # type: ignore[arg-type]


def _srb(step: str = "0.4", comparator: Comparator = Comparator.AT_MOST) -> Trajectory:
    signed = -D(step) if comparator is Comparator.AT_MOST else D(step)
    return Trajectory("srb", comparator, fig("115"), 2015, fig(str(signed)), fig("113"), 2020, {})


def test_a_falling_trajectory_allows_less_each_year_and_stops_at_its_years() -> None:
    trajectory = _srb()
    assert [trajectory.allowed(y) for y in range(2015, 2022)] == [
        None,
        D("114.6"),
        D("114.2"),
        D("113.8"),
        D("113.4"),
        D("113.0"),
        None,
    ]


def test_the_final_year_holds_the_stricter_of_the_step_and_the_target() -> None:
    assert _srb("0.2").allowed(2020) == D(113)  # 115 - 5 x 0.2 = 114 is looser than 113
    assert _srb("0.5").allowed(2020) == D("112.5")
    rising = Trajectory(
        "coverage", Comparator.AT_LEAST, fig("50"), 2015, fig("5"), fig("80"), 2020, {}
    )
    assert rising.allowed(2016) == D(55)
    assert rising.allowed(2020) == D(80)
    assert Comparator.AT_LEAST.holds(D(80), D(80)) and not Comparator.AT_MOST.holds(D(81), D(80))
