"""The budget check recomputes every printed figure and names each one that is wrong."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from govops.lawcode.plans.budget import Basis, check_budget
from govops.lawcode.plans.findings import FindingSeverity
from tests.unit.lawcode.plans.programme_fixtures import (
    budget,
    consistent_budget,
    fig,
    line,
    said,
    talks,
)


def _codes(found: object) -> list[str]:
    return [f.code for f in found.findings]  # type: ignore[attr-defined]


def test_a_consistent_budget_adds_up_and_recomputes_every_total() -> None:
    check = check_budget(consistent_budget())
    assert check.adds_up
    assert check.findings == ()
    assert [(t.year, t.stated, t.computed) for t in check.year_totals] == [
        (2016, Decimal(150), Decimal(150)),
        (2017, Decimal(150), Decimal(150)),
    ]
    assert check.grand_total_computed == Decimal(300)
    assert [c.basis for c in check.lines] == [Basis.COMPONENTS, Basis.STATED]


def test_a_line_that_disagrees_with_its_unit_cost_is_an_error_citing_the_row() -> None:
    wrong = budget(
        (line("1", {2016: "130", 2017: "120"}, (talks(),), total="250"),),
        {2016: "130", 2017: "120"},
        "250",
    )
    check = check_budget(wrong)
    assert not check.adds_up
    [finding] = check.findings
    assert finding.code == "line-recomputed"
    assert finding.severity is FindingSeverity.ERROR
    assert (finding.stated, finding.computed) == (Decimal(120), Decimal(130))
    assert [c.article for c in finding.places] == ["PL 1"]
    assert "2017" in said(finding, "vi") and "120" in said(finding, "vi")


def test_unit_costs_in_dong_are_recomputed_exactly_in_millions() -> None:
    odd = budget(
        (line("1", {2016: "130.0001", 2017: "130.0001"}, (talks("650000.5"),)),),
        {2016: "130.0001", 2017: "130.0001"},
        "260.0002",
    )
    assert check_budget(odd).findings == ()  # 650000.5 x 200 = 130000100 đ = 130.0001 triệu


def test_a_subtotal_that_is_not_the_sum_of_its_rows_is_an_error() -> None:
    group = line(
        "2",
        {2016: "160", 2017: "150"},
        children=(line("2.1", {2016: "130", 2017: "130"}), line("2.2", {2016: "30", 2017: "30"})),
    )
    check = check_budget(budget((group,), {2016: "160", 2017: "150"}, "310"))
    assert _codes(check) == ["subtotal"]
    assert [c.article for c in check.findings[0].places] == ["PL 2", "PL 2.1", "PL 2.2"]


def test_a_group_row_left_blank_counts_as_its_rows_and_is_noticed() -> None:
    group = line("4", {}, children=(line("4.1", {2016: "10", 2017: "10"}),))
    check = check_budget(budget((group,), {2016: "10", 2017: "10"}, "20"))
    assert _codes(check) == ["subtotal-blank"]
    assert check.adds_up


def test_a_row_total_year_total_and_grand_total_are_each_checked() -> None:
    rows = (line("1", {2016: "10", 2017: "10"}, total="25"),)
    check = check_budget(budget(rows, {2016: "10", 2017: "11"}, "22"))
    assert _codes(check) == ["line-total", "year-total", "grand-total", "grand-total-rows"]
    rows = (line("1", {2016: "10", 2017: "10"}, total="20"),)
    check = check_budget(budget(rows, {2016: "10", 2017: "10"}, "21"))
    assert _codes(check) == ["grand-total"]


def test_the_total_in_the_text_and_in_words_must_match_the_appendix() -> None:
    base = consistent_budget()
    check = check_budget(replace(base, text_total=fig("310", "IV.3")))
    assert _codes(check) == ["text-total"]
    assert [c.article for c in check.findings[0].places] == ["IV.3", "PL Tổng"]
    words = replace(base.total_in_words, text="Ba trăm mười triệu đồng")  # type: ignore[type-var]
    check = check_budget(replace(base, total_in_words=words))
    assert _codes(check) == ["words-total"]
    assert check.findings[0].computed == Decimal(300)
    assert check.findings[0].stated == Decimal(310)


def test_irregular_and_unreadable_words_are_reported() -> None:
    base = consistent_budget()
    irregular = replace(base.total_in_words, text="Năm tỷ, bốn trăm, bốn bốn triệu đồng")  # type: ignore[type-var]
    check = check_budget(replace(base, total_in_words=irregular))
    assert "words-total" in _codes(check)
    assert "words-irregular" in _codes(check)
    unreadable = replace(base.total_in_words, text="Ba trăm triệu đô la")  # type: ignore[type-var]
    assert _codes(check_budget(replace(base, total_in_words=unreadable))) == ["words-unreadable"]


def test_one_wrong_total_is_reported_once() -> None:
    """A wrong grand total is not blamed again on the text's total and the words that agree
    with the rest of the table; nor is a wrong yearly total."""
    base = consistent_budget()
    assert _codes(check_budget(replace(base, grand_total=fig("301", "PL Tổng")))) == ["grand-total"]
    wrong_year = replace(base, year_totals={2016: fig("150"), 2017: fig("151")})
    assert _codes(check_budget(wrong_year)) == ["year-total", "grand-total"]


def test_a_blank_yearly_total_is_reported_as_missing() -> None:
    base = consistent_budget()
    check = check_budget(replace(base, year_totals={2016: fig("150")}))
    assert _codes(check) == ["year-total-missing"]
    assert check.findings[0].computed == Decimal(150)
    assert "2017" in said(check.findings[0], "vi")
