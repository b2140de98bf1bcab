"""Communes ranked with shrinkage towards their district: size matters, kappa is estimated
by the method of moments, and no spread beyond noise means full shrinkage."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from govops.indicators.areas import Area, AreaHierarchy
from govops.indicators.counts import COUNT_SCHEMA
from govops.indicators.messages import IndicatorError
from govops.indicators.shrinkage import prior_strength, rank_communes


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


def test_no_spread_beyond_noise_gives_full_shrinkage_to_the_district() -> None:
    rows = [(f"c{i}", 2016, 50, 50) for i in range(6)] + [("d", 2016, 60, 40)]
    areas = hierarchy({f"c{i}": "D1" for i in range(6)} | {"d": "D2"})
    ranking = rank_communes(frame(rows), areas)
    assert ranking.full_shrinkage
    top = ranking.table.row(0, named=True)
    assert top["area"] == "d"
    assert top["srb_posterior"] == top["post_low"] == top["post_high"] == pytest.approx(150.0)


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
