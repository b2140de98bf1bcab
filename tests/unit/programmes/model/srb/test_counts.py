"""Births by area and year: exact integers, refusals with line numbers, counting records."""

from __future__ import annotations

import polars as pl
import pytest

from govops.programmes.model.srb.areas import parse_areas
from govops.programmes.model.srb.counts import count_records, parse_births, roll_up
from govops.programmes.model.srb.messages import IndicatorError

AREAS = parse_areas(
    "code,name,level,parent\nP,Tỉnh,province,\nD,Huyện,district,P\nC1,Xã,commune,D\n"
    "C2,Xã,commune,D\n"
)


def text_frame(rows: list[tuple[str, ...]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["area_code", "year", "boys", "girls"], orient="row")


def refusal(rows: list[tuple[str, ...]], areas: object = None) -> str:
    with pytest.raises(IndicatorError) as caught:
        parse_births(text_frame(rows), areas)  # type: ignore[arg-type]
    return str(caught.value)


def test_text_figures_become_exact_integers() -> None:
    counts = parse_births(
        text_frame([("C2", "2016", " 1000000000000", "7"), ("C1", "2017", "0", "0")])
    )
    assert counts.rows() == [("C1", 2017, 0, 0), ("C2", 2016, 10**12, 7)]
    assert counts.schema == pl.Schema(
        {"area": pl.String, "year": pl.Int32, "boys": pl.Int64, "girls": pl.Int64}
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1.5", "line 3: boys must be a whole number, got '1.5'"),
        ("-4", "line 3: boys is negative: -4"),
        ("", "line 3: boys is empty"),
        ("1e3", "line 3: boys must be a whole number, got '1e3'"),
        ("1000000000001", "line 3: boys is too large: 1000000000001 (no row can hold more"),
        ("1234567890123456789", "line 3: boys is too large: 1234567890123456789"),
        ("9223372036854775807", "line 3: boys is too large: 9223372036854775807"),
        ("9" * 400, "line 3: boys is too large"),
    ],
)
def test_bad_figures_are_refused_with_their_line(value: str, message: str) -> None:
    assert message in refusal([("C1", "2016", "1", "1"), ("C1", "2017", value, "1")])


@pytest.mark.parametrize("year", ["99999999999", "1899", "2101", "0016"])
def test_a_year_that_is_no_calendar_year_is_refused_with_its_line(year: str) -> None:
    assert refusal([("C1", "2016", "1", "1"), ("C1", year, "1", "1")]) == (
        f"line 3: year must be a 4-digit year from 1900 to 2100, got {year!r}"
    )


def test_births_too_many_to_sum_exactly_are_refused_where_the_total_passes_2_to_53() -> None:
    big = str(10**12)  # 2e12 births a row: the running total passes 2^53 at row 4504
    rows = [(f"A{i}", "2016", big, big) for i in range(5000)]
    assert refusal(rows) == (
        "line 4505: the births up to this line add up to more than 2^53, too many to sum exactly"
    )


def test_an_area_and_year_given_twice_names_both_lines() -> None:
    rows = [("C1", "2016", "1", "1"), ("C2", "2016", "1", "1"), ("C1", "2016", "2", "2")]
    assert refusal(rows) == "lines 2 and 4: area 'C1' year 2016 is given twice"


def test_unknown_areas_and_mixed_levels_are_refused() -> None:
    assert refusal([("C9", "2016", "1", "1")], AREAS) == (
        "line 2: area code 'C9' is not in the list of areas"
    )
    message = refusal([("C1", "2016", "1", "1"), ("D", "2016", "1", "1")], AREAS)
    assert message.startswith("line 3: 'D' is at level 'district' but 'C1' is at level 'commune'")


def test_a_missing_column_is_named() -> None:
    with pytest.raises(IndicatorError, match="column 'girls' is missing"):
        parse_births(pl.DataFrame({"area_code": ["C1"], "year": ["2016"], "boys": ["1"]}))


def test_birth_records_are_counted_like_the_counts_file() -> None:
    records = pl.DataFrame(
        {
            "area_code": ["C1", "C1", "C1", "C2", "C1"],
            "year": [2016, 2016, 2016, 2016, 2017],
            "boy": [True, False, True, False, True],
        }
    )
    counts = count_records(records.lazy(), AREAS)
    assert counts.rows() == [("C1", 2016, 2, 1), ("C1", 2017, 1, 0), ("C2", 2016, 0, 1)]
    assert roll_up(counts, AREAS, "province").rows() == [("P", 2016, 2, 2, 2), ("P", 2017, 1, 0, 1)]


def test_records_of_unknown_areas_are_refused_without_a_line() -> None:
    records = pl.DataFrame({"area_code": ["C1", "X"], "year": [2016, 2016], "boy": [True, False]})
    with pytest.raises(IndicatorError, match=r"^area code 'X' is not in the list of areas$"):
        count_records(records, AREAS)


def test_a_record_without_sex_is_refused() -> None:
    records = pl.DataFrame(
        {"area_code": ["C1"], "year": [2016], "boy": [None]}, schema_overrides={"boy": pl.Boolean}
    )
    with pytest.raises(IndicatorError, match="1 record has no sex"):
        count_records(records)


def test_counts_cannot_be_split_below_their_level() -> None:
    counts = parse_births(text_frame([("D", "2016", "1", "1")]), AREAS)
    with pytest.raises(IndicatorError, match="cannot be split down to level 'commune'"):
        roll_up(counts, AREAS, "commune")
