"""Text against appendix: each kind of disagreement is found, with both places cited."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from govops.lawcode.plans.check import check_plan
from govops.lawcode.plans.consistency import check_consistency
from govops.lawcode.plans.findings import FindingSeverity
from govops.lawcode.plans.programme import CostComponent, Factor, Level
from tests.unit.lawcode.plans.programme_fixtures import (
    budget,
    consistent_budget,
    fig,
    line,
    output,
    programme,
    said,
    talks,
)


def _found(plan: object) -> list[tuple[str, list[str]]]:
    return [(f.code, [c.article for c in f.places]) for f in check_consistency(plan)]  # type: ignore[arg-type]


def test_a_plan_whose_text_and_appendix_agree_has_no_findings() -> None:
    assert _found(programme(consistent_budget(), (output(), output(("2",))))) == []


def test_costing_fewer_communes_than_the_scope_is_a_warning_citing_both() -> None:
    plan = programme(consistent_budget(), (output(), output(("2",))), communes="300")
    [finding] = check_consistency(plan)
    assert finding.code == "scope-count"
    assert finding.severity is FindingSeverity.WARNING
    assert [c.article for c in finding.places] == ["II.1", "PL 1"]
    assert (finding.stated, finding.computed) == (Decimal(300), Decimal(200))
    assert "300 xã" in said(finding, "vi") and "200 xã" in said(finding, "en")


def _clubs(per: str, rate: str, count: str | None, frequency: str = "4") -> CostComponent:
    factors = [Factor(fig(rate, "PL 1"), "câu lạc bộ", per)]
    if count is not None:
        factors.append(Factor(fig(count, "PL 1"), per))
    return replace(talks(), factors=tuple(factors), frequency=fig(frequency, "PL 1"))


def _with_component(component: CostComponent) -> object:
    rows = (line("1", {2016: "130", 2017: "130"}, (component,)),)
    return budget(rows, {2016: "130", 2017: "130"}, "260")


def test_outputs_promised_per_commune_against_clubs_costed_per_district() -> None:
    one_per_commune = Factor(fig("1", "III.2.4 a"), "câu lạc bộ", "xã")
    text_output = output(quantity=one_per_commune, frequency=fig("4", "III.2.4 a"))
    costed = _with_component(_clubs("huyện", "5", "20"))
    plan = programme(costed, (text_output,), communes="200")  # type: ignore[arg-type]
    assert ("output-total", ["III.2.2 a", "II.1", "PL 1"]) in _found(plan)
    same_rate = _with_component(_clubs("xã", "2", None))
    plan = programme(same_rate, (text_output,))  # type: ignore[arg-type]
    assert ("output-rate", ["III.2.2 a", "PL 1"]) in _found(plan)
    fewer_meetings = _with_component(_clubs("xã", "1", None, frequency="2"))
    plan = programme(fewer_meetings, (text_output,))  # type: ignore[arg-type]
    assert _found(plan) == [("output-frequency", ["III.2.2 a", "PL 1"])]


def test_money_outside_the_texts_years_and_years_without_money() -> None:
    plan = programme(consistent_budget(), (output(), output(("2",))), timeframe=(2017,))
    assert _found(plan) == [
        ("outside-timeframe", ["III.2.2 c", "PL 1"]),
        ("outside-timeframe", ["III.2.2 c", "PL 2"]),
    ]
    only_2016 = replace(talks(), years=(2016,))
    rows = (line("1", {2016: "130"}, (only_2016,)), line("2", {2016: "20", 2017: "20"}))
    plan = programme(budget(rows, {2016: "150", 2017: "20"}, "170"), (output(), output(("2",))))
    [finding] = check_consistency(plan)
    assert finding.code == "unfunded-years"
    assert finding.severity is FindingSeverity.NOTICE
    assert "2017" in said(finding, "vi") and "xã" in said(finding, "vi")


def test_a_level_the_text_names_is_funded_only_by_items_of_that_level() -> None:
    both_levels = output(levels=(Level.COMMUNE, Level.DISTRICT))
    plan = programme(consistent_budget(), (both_levels, output(("2",))))
    [finding] = check_consistency(plan)
    assert finding.code == "unfunded-years"
    assert "huyện" in said(finding, "vi") and "district" in said(finding, "en")


def test_an_activity_without_a_budget_line_and_a_line_without_an_activity() -> None:
    plan = programme(consistent_budget(), (output(()),))
    assert _found(plan) == [
        ("no-budget-line", ["III.2.2 a"]),
        ("unlinked-budget-item", ["PL 1"]),
        ("unlinked-budget-item", ["PL 2"]),
    ]


def test_the_whole_check_lists_errors_before_warnings_before_notices() -> None:
    plan = programme(consistent_budget(), (output(()),), communes="300")
    wrong_total = replace(plan.budget, text_total=fig("301", "IV.3"))
    checked = check_plan(replace(plan, budget=wrong_total))
    severities = [f.severity for f in checked.findings]
    assert severities == sorted(severities, key=list(FindingSeverity).index)
    assert severities[0] is FindingSeverity.ERROR
    assert checked.count(FindingSeverity.NOTICE) == 3


def test_an_output_without_budget_is_noticed_even_without_a_timeframe() -> None:
    plan = programme(consistent_budget(), (output(()), output(("talks", "2"))), timeframe=None)
    assert _found(plan) == [("no-budget-line", ["III.2.2 a"])]


def test_a_row_counting_the_same_communes_twice_is_one_finding() -> None:
    second = replace(talks(), id="talks-2")
    rows = (line("1", {2016: "260", 2017: "260"}, (talks(), second)),)
    costed = budget(rows, {2016: "260", 2017: "260"}, "520")
    plan = programme(costed, (output(("talks", "talks-2")),), communes="300")
    assert _found(plan) == [("scope-count", ["II.1", "PL 1"])]


def test_outputs_quoting_one_place_share_one_unfunded_notice() -> None:
    only_2016 = replace(talks(), years=(2016,))
    district = replace(talks(), id="district", years=(2016,), level=Level.DISTRICT)
    rows = (line("1", {2016: "260"}, (only_2016, district)), line("2", {2016: "20", 2017: "20"}))
    costed = budget(rows, {2016: "280", 2017: "20"}, "300")
    outputs = (output(), replace(output(("district",)), levels=(Level.DISTRICT,)), output(("2",)))
    [finding] = check_consistency(programme(costed, outputs))
    assert finding.code == "unfunded-years"
    assert "III.2.2 a (cấp xã, cấp huyện) thực hiện 2016-2017" in said(finding, "vi")
    assert "III.2.2 a (commune level, district level) runs 2016-2017" in said(finding, "en")
    assert "III.2.2 a 项（社级、县级）于2016-2017年实施" in said(finding, "zh-Hans")
