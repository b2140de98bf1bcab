"""The sex ratio at birth (SRB, boys per 100 girls) with its exact 95 % interval.

The interval is Clopper–Pearson on the share of boys p = boys / (boys + girls), mapped to
boys per 100 girls by p -> 100 p / (1 - p) (increasing, so the bounds stay bounds):
lower p = the 2.5 % quantile of Beta(boys, girls + 1) (0 when there are no boys), upper
p = the 97.5 % quantile of Beta(boys + 1, girls) (1 when there are no girls).

What is written when a figure does not exist:
- no girls (and some boys): srb and ci_high are infinite, so null, with reason `no_girls`;
  ci_low is finite and says how high the ratio at least is;
- no births: everything null, reason `no_births`;
- a pooled window missing a year of data: counts and figures null, reason `missing_years`.
Figures keep full float precision; rounding is for display only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl
from numpy.typing import NDArray
from scipy.special import betaincinv

from govops.programmes.model.srb.areas import AreaHierarchy
from govops.programmes.model.srb.counts import roll_up

LOWER_TAIL = 0.025  # written out: (1 - 0.95) / 2 is 0.025000000000000022 in floats
UPPER_TAIL = 0.975
FloatArray = NDArray[np.float64]
ESTIMATE_COLUMNS = ("srb", "ci_low", "ci_high", "reason")


def share_interval(
    boys: NDArray[np.int64], girls: NDArray[np.int64]
) -> tuple[FloatArray, FloatArray]:
    """Exact (Clopper–Pearson) 95 % bounds on the share of boys; NaN where there are no
    births."""
    b = np.asarray(boys, dtype=np.float64)
    g = np.asarray(girls, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        low = np.where(b > 0, betaincinv(b, g + 1, LOWER_TAIL), 0.0)
        high = np.where(g > 0, betaincinv(b + 1, g, UPPER_TAIL), 1.0)
    empty = (b + g) == 0
    low[empty] = np.nan
    high[empty] = np.nan
    return low, high


def ratio_of_share(share: FloatArray) -> FloatArray:
    """Boys per 100 girls for a share of boys (infinite at 1)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(100 * share / (1 - share), dtype=np.float64)


def srb_interval(
    boys: NDArray[np.int64], girls: NDArray[np.int64]
) -> tuple[FloatArray, FloatArray]:
    low, high = share_interval(boys, girls)
    return ratio_of_share(low), ratio_of_share(high)


def estimate(counts: pl.DataFrame) -> pl.DataFrame:
    """`counts` (boys, girls, any other columns) with srb, ci_low, ci_high and reason.

    The quantiles are computed once per distinct (boys, girls) pair and joined back: many
    areas share a pair (small communes above all), and the figures are the same."""
    pairs = (
        counts.select("boys", "girls")
        .drop_nulls()
        .unique()
        .filter((pl.col("boys") + pl.col("girls")) > 0)
    )
    low, high = srb_interval(pairs["boys"].to_numpy(), pairs["girls"].to_numpy())
    pairs = pairs.with_columns(
        pl.Series("ci_low", low, dtype=pl.Float64),
        pl.Series("ci_high", high, dtype=pl.Float64),
    )
    no_girls = pl.col("girls") == 0
    return (
        counts.drop(ESTIMATE_COLUMNS, strict=False)
        .join(pairs, on=["boys", "girls"], how="left", nulls_equal=False, maintain_order="left")
        .with_columns(
            # In floats: 100 * boys in Int64 would wrap round above 9.2e16 boys.
            srb=pl.when(~no_girls).then(100 * pl.col("boys").cast(pl.Float64) / pl.col("girls")),
            ci_high=pl.when(~no_girls).then(pl.col("ci_high")),
            reason=pl.when(pl.col("boys").is_null())
            .then(pl.lit("missing_years"))
            .when((pl.col("boys") + pl.col("girls")) == 0)
            .then(pl.lit("no_births"))
            .when(no_girls)
            .then(pl.lit("no_girls")),
        )
        .select(*counts.drop(ESTIMATE_COLUMNS, strict=False).columns, *ESTIMATE_COLUMNS)
    )


def pool_years(counts: pl.DataFrame, years: int) -> pl.DataFrame:
    """Counts summed over `years` consecutive years, one window ending at each year from the
    first full window of the data (its earliest year + years - 1) to its latest year, for
    every area: columns area, from_year, year (the last), boys, girls, years_missing.

    A window in which an area has no row for some year is reported, not summed as if that
    year had no births: its boys and girls are null and years_missing lists the years.

    Counts rolled up from a lower level (with columns areas_reporting and areas_listed) keep
    their completeness: areas_reporting becomes the fewest areas below that reported in any
    year of the window (0 when a year has no row), areas_listed stays, and
    area_years_missing counts the (area below, year) pairs of the window without a row. The
    figures then sum only the areas that reported, and these columns say so."""
    if years < 1:
        raise ValueError("years must be at least 1")
    rolled = {"areas_reporting", "areas_listed"} <= set(counts.columns)
    if not counts.height:
        return _empty_pool(counts, rolled)
    first, last = int(counts["year"].min()), int(counts["year"].max())  # type: ignore[arg-type]
    ends = pl.DataFrame({"year": range(first + years - 1, last + 1)}, schema={"year": pl.Int32})
    grid = counts.select("area", *(["areas_listed"] if rolled else [])).unique()
    spread = counts.with_columns(end=pl.int_ranges("year", pl.col("year") + years)).explode("end")
    sums = spread.group_by("area", pl.col("end").cast(pl.Int32).alias("year")).agg(
        pl.col("boys").sum(),
        pl.col("girls").sum(),
        pl.col("year").alias("present"),
        *(_coverage_sums() if rolled else ()),
    )
    window = pl.int_ranges(pl.col("year") - years + 1, pl.col("year") + 1, dtype=pl.Int32)
    complete = pl.col("present").list.len() == years
    pooled = (
        grid.join(ends, how="cross")
        .join(sums, on=["area", "year"], how="left")
        .with_columns(
            from_year=(pl.col("year") - years + 1).cast(pl.Int32),
            years_missing=window.list.set_difference(pl.col("present").fill_null([])),
            boys=pl.when(complete).then(pl.col("boys")),
            girls=pl.when(complete).then(pl.col("girls")),
        )
    )
    if rolled:
        pooled = pooled.with_columns(
            areas_reporting=pl.when(complete).then(pl.col("areas_reporting")).otherwise(0),
            area_years_missing=years * pl.col("areas_listed")
            - pl.col("area_years_reported").fill_null(0),
        )
    return pooled.select(*_pool_columns(rolled)).sort("area", "year")


def _coverage_sums() -> tuple[pl.Expr, pl.Expr]:
    reporting = pl.col("areas_reporting")
    return reporting.min(), reporting.sum().alias("area_years_reported")


def _pool_columns(rolled: bool) -> tuple[str, ...]:
    plain = ("area", "from_year", "year", "boys", "girls", "years_missing")
    return (*plain, "areas_reporting", "areas_listed", "area_years_missing") if rolled else plain


def _empty_pool(counts: pl.DataFrame, rolled: bool) -> pl.DataFrame:
    """No rows, but every column pool_years gives, so that what follows finds them."""
    types = dict(counts.schema) | {
        "from_year": pl.Int32(),
        "years_missing": pl.List(pl.Int32),
        "area_years_missing": pl.Int64(),
    }
    return pl.DataFrame(schema={name: types[name] for name in _pool_columns(rolled)})


def estimate_levels(
    counts: pl.DataFrame, hierarchy: AreaHierarchy, levels: Sequence[str]
) -> pl.DataFrame:
    """Estimates at each of `levels` (the data's own level or above) stacked, with a `level`
    column first: one set of distinct (boys, girls) pairs serves all of them."""
    stacked = pl.concat(
        roll_up(counts, hierarchy, level)
        .select("area", "year", "boys", "girls")
        .with_columns(level=pl.lit(level))
        for level in levels
    )
    return estimate(stacked).select("level", "area", "year", "boys", "girls", *ESTIMATE_COLUMNS)
