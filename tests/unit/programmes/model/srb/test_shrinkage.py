"""Communes ranked by their expected SRB given all communes: size matters, a commune's
district does not drag it, and when communes differ no more than chance they share one
figure."""

from __future__ import annotations

import polars as pl
import pytest

from govops.programmes.model.srb.areas import Area, AreaHierarchy
from govops.programmes.model.srb.counts import COUNT_SCHEMA
from govops.programmes.model.srb.messages import IndicatorError
from govops.programmes.model.srb.shrinkage import rank_communes


def hierarchy(communes: dict[str, str]) -> AreaHierarchy:
    districts = sorted(set(communes.values()))
    return AreaHierarchy(
        [Area("P", "Tỉnh", "province", None)]
        + [Area(d, d, "district", "P") for d in districts]
        + [Area(c, c, "commune", d) for c, d in communes.items()]
    )


def frame(rows: list[tuple[str, int, int, int]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=COUNT_SCHEMA, orient="row")


def test_a_small_extreme_commune_ranks_below_a_large_moderately_high_one() -> None:
    rows = [(f"c{i}", 2016, 500 if i % 2 else 556, 500 if i % 2 else 444) for i in range(20)]
    rows += [("small", 2016, 14, 6), ("large", 2016, 2778, 2222)]
    areas = hierarchy({code: "D" for code, *_ in rows})
    ranking = rank_communes(frame(rows), areas)
    assert not ranking.alike
    table = ranking.table
    order = table["area"].to_list()
    assert order[0] == "large"
    assert order.index("small") > 0
    small = table.filter(pl.col("area") == "small").row(0, named=True)
    assert small["srb"] == pytest.approx(233.33, abs=0.01)  # the raw ratio, the highest
    assert small["srb_posterior"] < small["srb"]
    assert small["ci_low"] < small["srb"] < small["ci_high"]  # its own exact interval
    assert (small["births"], small["district"]) == (20, "D")


def test_communes_alike_share_the_pooled_ratio_and_are_ordered_by_their_excess() -> None:
    rows = [("a", 2016, 48, 52), ("b", 2016, 52, 48), ("c", 2016, 50, 50), ("d", 2016, 99, 101)]
    ranking = rank_communes(frame(rows), hierarchy({"a": "D", "b": "D", "c": "E", "d": "E"}))
    assert ranking.alike and ranking.spread == 0.0
    assert ranking.pooled_srb == pytest.approx(100 * 249 / 251)
    assert ranking.table["srb_posterior"].to_list() == pytest.approx([100 * 249 / 251] * 4)
    # excess of boys over the pooled share 249/500: b +2.2, c +0.2, d -0.6, a -1.8
    assert ranking.table["area"].to_list() == ["b", "c", "d", "a"]


def test_a_district_lucky_by_chance_does_not_carry_its_communes() -> None:
    # District L's twenty communes are a little above average by chance (SRB 108 from 1,000
    # births each); X, in district M whose others are at 104, has SRB 113 from 1,000 births.
    # Pulled towards its district X would fall below L's communes; here it stays first.
    rows = [(f"L{i}", 2016, 519, 481) for i in range(20)]
    rows += [(f"M{i}", 2016, 510, 490) for i in range(20)] + [("X", 2016, 530, 470)]
    areas = hierarchy({code: "M" if code == "X" else code[0] for code, *_ in rows})
    table = rank_communes(frame(rows), areas).table
    assert table["area"][0] == "X"


def test_no_infinity_anywhere_and_every_null_has_its_reason() -> None:
    rows = [("a", 2016, 5, 0), ("b", 2016, 4, 0), ("alone", 2016, 30, 20), ("empty", 2016, 0, 0)]
    areas = hierarchy({"a": "D", "b": "D", "alone": "E", "empty": "F"})
    table = rank_communes(frame(rows), areas).table
    floats = pl.selectors.float()
    assert not any(table.select((floats.is_nan() | floats.is_infinite()).any()).row(0))
    a = table.filter(pl.col("area") == "a").row(0, named=True)
    assert (a["srb"], a["ci_high"], a["district_srb"]) == (None, None, None)
    assert a["ci_low"] > 90  # five boys and no girls: at least this high
    assert a["srb_posterior"] is not None  # the others have girls: it has an expected ratio
    assert a["reasons"] == ["no_girls", "district_no_girls"]
    empty = table.filter(pl.col("area") == "empty").row(0, named=True)
    assert empty["reasons"] == ["no_births", "district_no_births"]
    assert empty["srb_posterior"] is not None  # a commune without births gets the spread's mean


def test_without_girls_anywhere_there_is_no_expected_ratio() -> None:
    table = rank_communes(
        frame([("a", 2016, 5, 0), ("b", 2016, 3, 0)]), hierarchy({"a": "D", "b": "D"})
    ).table
    assert table["srb_posterior"].to_list() == [None, None]
    assert table["reasons"].to_list()[0] == ["no_girls", "district_no_girls", "nowhere_girls"]


def test_with_no_other_commune_there_is_nothing_to_compare_with() -> None:
    table = rank_communes(frame([("a", 2016, 30, 20)]), hierarchy({"a": "D"})).table
    row = table.row(0, named=True)
    assert (row["srb_posterior"], row["srb"]) == (None, 150.0)
    assert row["reasons"] == ["no_other_births"]


def test_a_year_range_chooses_the_years_summed() -> None:
    rows = [("a", 2016, 10, 10), ("a", 2017, 30, 10), ("a", 2018, 5, 5), ("b", 2017, 9, 9)]
    areas = hierarchy({"a": "D", "b": "D"})
    table = rank_communes(frame(rows), areas, from_year=2017, to_year=2017).table
    a = table.filter(pl.col("area") == "a").row(0, named=True)
    summed = (a["boys"], a["girls"], a["from_year"], a["to_year"], a["years"])
    assert summed == (30, 10, 2017, 2017, 1)


def test_ranking_needs_counts_by_commune() -> None:
    areas = hierarchy({"a": "D"})
    with pytest.raises(IndicatorError, match="needs counts by commune"):
        rank_communes(frame([("D", 2016, 1, 1)]), areas)
