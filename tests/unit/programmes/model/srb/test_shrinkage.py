"""Communes ranked with shrinkage towards their district: size matters, kappa is estimated
by the method of moments, and no spread beyond noise means full shrinkage."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from govops.programmes.model.srb.areas import Area, AreaHierarchy
from govops.programmes.model.srb.counts import COUNT_SCHEMA
from govops.programmes.model.srb.messages import IndicatorError
from govops.programmes.model.srb.shrinkage import prior_strength, rank_communes


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
    assert ranking.kappa is not None
    table = ranking.table
    order = table["area"].to_list()
    assert order[0] == "large"
    assert order.index("small") > 0
    small = table.filter(pl.col("area") == "small").row(0, named=True)
    assert small["srb"] == pytest.approx(233.33, abs=0.01)  # the raw ratio, the highest
    assert small["post_low"] < small["srb_posterior"] < small["post_high"] < small["srb"]
    assert small["births"] == 20
    assert small["district"] == "D"


def test_kappa_is_recovered_from_beta_binomial_data() -> None:
    rng = np.random.default_rng(7)
    kappa, districts, per_district = 400.0, 300, 25
    m = np.repeat(rng.uniform(0.5, 0.54, districts), per_district)
    n = rng.integers(300, 3000, districts * per_district)
    boys = rng.binomial(n, rng.beta(kappa * m, kappa * (1 - m)))
    communes = pl.DataFrame(
        {"district": np.repeat(np.arange(districts), per_district), "boys": boys, "births": n}
    )
    estimated = prior_strength(communes)
    assert estimated == pytest.approx(kappa, rel=0.15)


def test_full_shrinkage_pools_with_the_others_and_keeps_an_interval() -> None:
    rows = [(f"c{i}", 2016, 50, 50) for i in range(6)] + [("d", 2016, 60, 40)]
    areas = hierarchy({f"c{i}": "D1" for i in range(6)} | {"d": "D2"})
    ranking = rank_communes(frame(rows), areas)
    assert ranking.full_shrinkage
    top = ranking.table.row(0, named=True)
    # d is alone in D2: pulled towards the province's other communes (600 births at 100),
    # with their 600 births less one as weight: the pooled ratio of its 100 and those 599
    assert (top["area"], top["shrunk_towards"], top["prior_srb"]) == ("d", "province", 100.0)
    assert top["prior_weight"] == 599.0
    assert top["srb_posterior"] == pytest.approx(100 * 359.5 / 339.5)
    assert 90 < top["post_low"] < top["srb_posterior"] < top["post_high"] < 125  # not zero-width
    assert top["district_srb"] == 150.0


def test_within_a_district_the_order_follows_the_communes_own_figures() -> None:
    # Leave-one-out alone would turn this round under strong shrinkage: the commune with
    # the most boys has the fewest among the others. The prior's weight stays below the
    # others' births, so it cannot.
    rows = [("a", 2016, 48, 52), ("b", 2016, 52, 48), ("c", 2016, 50, 50)]
    ranking = rank_communes(frame(rows), hierarchy({"a": "D", "b": "D", "c": "D"}))
    assert ranking.full_shrinkage
    assert ranking.table["area"].to_list() == ["b", "c", "a"]
    assert ranking.table["prior_srb"].to_list() == pytest.approx(
        [100 * 98 / 102, 100, 100 * 102 / 98]
    )


def test_a_commune_alone_in_its_district_is_not_shrunk_towards_itself() -> None:
    # The README example: Xã B1 (100 births, raw 143.9) is its district's only commune.
    rows = [
        ("A1", 2016, 540, 450), ("A2", 2016, 212, 196), ("B1", 2016, 31, 19),
        ("A1", 2017, 560, 470), ("A2", 2017, 220, 199), ("B1", 2017, 28, 22),
    ]  # fmt: skip
    ranking = rank_communes(frame(rows), hierarchy({"A1": "A", "A2": "A", "B1": "B"}))
    assert ranking.kappa is not None
    b1 = ranking.table.filter(pl.col("area") == "B1").row(0, named=True)
    assert (b1["shrunk_towards"], b1["prior_srb"]) == ("province", pytest.approx(100 * 1532 / 1315))
    assert b1["prior_srb"] < b1["srb_posterior"] < b1["srb"]
    assert b1["post_high"] < b1["srb"]  # its own figure is no longer its prior's centre
    a1 = ranking.table.filter(pl.col("area") == "A1").row(0, named=True)
    assert (a1["shrunk_towards"], a1["prior_srb"]) == ("district", pytest.approx(100 * 432 / 395))


def test_no_infinity_anywhere_and_every_null_has_its_reason() -> None:
    # District D has boys but no girls; "alone" is the only commune with births elsewhere.
    rows = [("a", 2016, 5, 0), ("b", 2016, 4, 0), ("alone", 2016, 30, 20), ("empty", 2016, 0, 0)]
    areas = hierarchy({"a": "D", "b": "D", "alone": "E", "empty": "F"})
    table = rank_communes(frame(rows), areas).table
    floats = pl.selectors.float()
    assert not any(table.select((floats.is_nan() | floats.is_infinite()).any()).row(0))
    a = table.filter(pl.col("area") == "a").row(0, named=True)
    assert (a["srb"], a["district_srb"], a["srb_posterior"]) == (None, None, None)
    assert a["reasons"] == [
        "no_girls",
        "district_no_girls",
        "prior_no_girls",
        "posterior_undefined",
    ]
    empty = table.filter(pl.col("area") == "empty").row(0, named=True)
    assert empty["reasons"] == ["no_births", "district_no_births"]
    assert empty["shrunk_towards"] == "province"  # a commune without births gets its prior


def test_with_no_other_commune_there_is_nothing_to_shrink_towards() -> None:
    table = rank_communes(frame([("a", 2016, 30, 20)]), hierarchy({"a": "D"})).table
    row = table.row(0, named=True)
    assert (row["shrunk_towards"], row["srb_posterior"], row["srb"]) == (None, None, 150.0)
    assert row["reasons"] == ["no_other_births"]


def test_a_year_range_chooses_the_years_summed() -> None:
    rows = [("a", 2016, 10, 10), ("a", 2017, 30, 10), ("a", 2018, 5, 5), ("b", 2017, 9, 9)]
    areas = hierarchy({"a": "D", "b": "D"})
    table = rank_communes(frame(rows), areas, from_year=2017, to_year=2017).table
    a = table.filter(pl.col("area") == "a").row(0, named=True)
    assert (a["boys"], a["girls"], a["from_year"], a["to_year"], a["years"]) == (
        30,
        10,
        2017,
        2017,
        1,
    )


def test_ranking_needs_counts_by_commune() -> None:
    areas = hierarchy({"a": "D"})
    with pytest.raises(IndicatorError, match="needs counts by commune"):
        rank_communes(frame([("D", 2016, 1, 1)]), areas)
