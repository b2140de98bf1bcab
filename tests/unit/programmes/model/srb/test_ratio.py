"""SRB estimates: exact intervals checked against an independent computation (binomial sums
in high-precision decimals, not scipy), the edge cases, pooling and roll-ups."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest

from govops.programmes.model.srb.areas import parse_areas
from govops.programmes.model.srb.counts import COUNT_SCHEMA, roll_up
from govops.programmes.model.srb.ratio import estimate, estimate_levels, pool_years, share_interval
from tests.unit.programmes.model.srb.exact import clopper_pearson

AREAS = parse_areas(
    "code,name,level,parent\nP,Tỉnh,province,\nD1,Huyện 1,district,P\nD2,Huyện 2,district,P\n"
    "C1,Xã 1,commune,D1\nC2,Xã 2,commune,D1\nC3,Xã 3,commune,D2\n"
)
PAIRS = [(1, 0), (0, 1), (1, 1), (3, 7), (10, 2), (12, 9), (0, 5), (5, 0), (20, 25), (40, 33)]


def counts(rows: list[tuple[str, int, int, int]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=COUNT_SCHEMA, orient="row")


@pytest.mark.parametrize(("boys", "girls"), PAIRS)
def test_share_interval_matches_an_exact_binomial_computation(boys: int, girls: int) -> None:
    low, high = share_interval(np.array([boys]), np.array([girls]))
    want_low, want_high = clopper_pearson(boys, girls)
    assert low[0] == pytest.approx(want_low, rel=1e-12, abs=1e-300)
    assert high[0] == pytest.approx(want_high, rel=1e-12)


def test_estimate_maps_the_share_interval_to_boys_per_100_girls() -> None:
    row = estimate(counts([("C1", 2016, 12, 9)])).row(0, named=True)
    low, high = clopper_pearson(12, 9)
    assert row["srb"] == 100 * 12 / 9
    assert row["ci_low"] == pytest.approx(100 * low / (1 - low), rel=1e-11)
    assert row["ci_high"] == pytest.approx(100 * high / (1 - high), rel=1e-11)
    assert row["reason"] is None


def test_no_girls_no_boys_and_no_births_are_said_not_guessed() -> None:
    table = estimate(counts([("a", 1, 3, 0), ("b", 1, 0, 4), ("c", 1, 0, 0), ("d", 1, 1, 0)]))
    no_girls, no_boys, empty, one_boy = table.rows(named=True)
    assert (no_girls["srb"], no_girls["ci_high"], no_girls["reason"]) == (None, None, "no_girls")
    assert no_girls["ci_low"] == pytest.approx(100 * 0.025 ** (1 / 3) / (1 - 0.025 ** (1 / 3)))
    assert (no_boys["srb"], no_boys["ci_low"], no_boys["reason"]) == (0.0, 0.0, None)
    assert math.isfinite(no_boys["ci_high"])
    assert [empty[k] for k in ("srb", "ci_low", "ci_high", "reason")] == [
        None, None, None, "no_births",
    ]  # fmt: skip
    assert one_boy["ci_low"] == pytest.approx(100 * 0.025 / 0.975)  # n = 1: lower p is 0.025


def test_shared_pairs_get_the_same_figures_as_one_by_one() -> None:
    rows = [("a", 1, 50, 40), ("b", 1, 50, 40), ("c", 2, 7, 9), ("d", 3, 50, 40)]
    together = estimate(counts(rows))
    alone = pl.concat([estimate(counts([row])) for row in rows])
    assert together.equals(alone)


def test_pooling_sums_consecutive_years_and_reports_a_missing_one() -> None:
    data = counts([("a", 2016, 10, 9), ("a", 2017, 11, 10), ("a", 2019, 5, 5), ("b", 2016, 1, 1)])
    pooled = pool_years(data, 2).rows(named=True)
    first = pooled[0]
    assert (first["from_year"], first["year"], first["boys"], first["girls"]) == (
        2016,
        2017,
        21,
        19,
    )
    assert first["years_missing"] == []
    gap = pooled[1]  # 2017-2018 for a: 2018 has no row, so nothing is summed
    assert (gap["boys"], gap["girls"], gap["years_missing"]) == (None, None, [2018])
    assert [(r["area"], r["year"]) for r in pooled] == [
        ("a", 2017), ("a", 2018), ("a", 2019), ("b", 2017), ("b", 2018), ("b", 2019),
    ]  # fmt: skip
    assert estimate(pool_years(data, 2))["reason"].to_list()[1] == "missing_years"


def test_pooling_one_year_is_the_data_itself() -> None:
    data = counts([("a", 2016, 10, 9), ("a", 2017, 11, 10)])
    pooled = pool_years(data, 1)
    assert pooled.select("area", "year", "boys", "girls").equals(data)


def test_roll_up_sums_communes_into_districts_and_the_province() -> None:
    data = counts([("C1", 2016, 10, 9), ("C2", 2016, 5, 6), ("C3", 2016, 7, 7), ("C1", 2017, 1, 2)])
    districts = roll_up(data, AREAS, "district").rows()
    assert districts == [("D1", 2016, 15, 15, 2), ("D1", 2017, 1, 2, 1), ("D2", 2016, 7, 7, 1)]
    province = roll_up(data, AREAS, "province").rows()
    assert province == [("P", 2016, 22, 22, 3), ("P", 2017, 1, 2, 1)]


def test_estimate_levels_stacks_every_level() -> None:
    data = counts([("C1", 2016, 10, 9), ("C2", 2016, 5, 6), ("C3", 2016, 7, 7)])
    table = estimate_levels(data, AREAS, ("commune", "district", "province"))
    assert table.group_by("level").len().sort("level").rows() == [
        ("commune", 3), ("district", 2), ("province", 1),
    ]  # fmt: skip
    province = table.filter(pl.col("level") == "province").row(0, named=True)
    assert (province["boys"], province["girls"], province["srb"]) == (22, 22, 100.0)


def test_ratios_are_computed_in_floats_so_large_counts_do_not_wrap_round() -> None:
    big = 10**17  # 100 * big is past Int64: the ratio came out as -84.47
    row = estimate(counts([("a", 2016, big, big)])).row(0, named=True)
    assert row["srb"] == 100.0


def test_pooling_nothing_gives_every_column_and_no_rows() -> None:
    empty = counts([])
    assert pool_years(empty, 2).columns == [
        "area", "from_year", "year", "boys", "girls", "years_missing",
    ]  # fmt: skip
    rolled = empty.with_columns(areas_reporting=pl.lit(0), areas_listed=pl.lit(0))
    pooled = pool_years(rolled, 2)
    assert pooled.height == 0
    assert pooled.columns[-3:] == ["areas_reporting", "areas_listed", "area_years_missing"]


def test_pooling_a_roll_up_keeps_how_many_areas_reported() -> None:
    data = counts([("C1", 2016, 10, 9), ("C2", 2016, 5, 6), ("C1", 2017, 1, 2), ("C3", 2017, 7, 7)])
    rolled = roll_up(data, AREAS, "district").rename({"areas": "areas_reporting"})
    rolled = rolled.with_columns(areas_listed=pl.when(pl.col("area") == "D1").then(2).otherwise(1))
    d1, d2 = pool_years(rolled, 2).rows(named=True)
    # D1: C2 has no 2017 row, so 3 of the window's 4 commune-years are summed, and said so
    assert (d1["boys"], d1["girls"], d1["areas_reporting"], d1["area_years_missing"]) == (
        16,
        17,
        1,
        1,
    )
    # D2: no row at all in 2016, so no figures; its one commune's 2016 is the missing one
    assert (d2["boys"], d2["years_missing"], d2["areas_reporting"], d2["area_years_missing"]) == (
        None,
        [2016],
        0,
        1,
    )
