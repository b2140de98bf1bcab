"""Ranking communes by SRB in a way that accounts for their size, for the plan's choice of
the communes with the highest ratios (Kế hoạch 161/KH-UBND: 60 % of the communes chosen
among those where the imbalance is high).

A raw ratio from 40 births swings by ±30 points by chance alone, so ranking raw ratios
picks small communes by luck. The empirical-Bayes beta-binomial model used here:
each commune's share of boys p_i ~ Beta(kappa m_d, kappa (1 - m_d)), m_d the pooled share of
its district, and boys_i ~ Binomial(births_i, p_i). The posterior of p_i is
Beta(boys_i + kappa m_d, girls_i + kappa (1 - m_d)): a small commune is pulled towards its
district, a large one keeps close to its own figure.

kappa is estimated once, across all communes, by the method of moments. With
rho = 1 / (kappa + 1) and, per district d with k_d communes, N_d births and pooled share m_d,
    Q_d = sum_i n_i (p_i - m_d)^2   has expectation
    m_d (1 - m_d) [(k_d - 1) + rho (N_d - sum_i n_i^2 / N_d - (k_d - 1))],
so rho = sum_d (Q_d / (m_d (1 - m_d)) - (k_d - 1)) / sum_d (N_d - sum_i n_i^2 / N_d - (k_d - 1)).
When the communes vary no more than binomial noise explains (rho <= 0) kappa is infinite:
full shrinkage, every commune gets its district's ratio, and the output says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy.special import betaincinv

from govops.indicators.areas import AreaHierarchy
from govops.indicators.counts import data_level
from govops.indicators.messages import IndicatorError
from govops.indicators.srb import LOWER_TAIL, UPPER_TAIL, ratio_of_share

SMALLEST_RHO = 1e-12  # keeps kappa finite when the spread exceeds any binomial model


@dataclass(frozen=True, slots=True)
class Ranking:
    """kappa is None when shrinkage is full (no variation between communes beyond noise)."""

    kappa: float | None
    table: pl.DataFrame

    @property
    def full_shrinkage(self) -> bool:
        return self.kappa is None


def prior_strength(communes: pl.DataFrame) -> float | None:
    """kappa from columns district, boys, births (one row per commune); None for infinite."""
    districts = (
        communes.filter(pl.col("births") > 0)
        .with_columns(share=pl.col("boys") / pl.col("births"))
        .group_by("district")
        .agg(
            k=pl.len(),
            total=pl.col("births").sum(),
            boys=pl.col("boys").sum(),
            squares=(pl.col("births").cast(pl.Float64) ** 2).sum(),
            shares=pl.col("share"),
            sizes=pl.col("births"),
        )
        .with_columns(m=pl.col("boys") / pl.col("total"))
        .filter((pl.col("k") > 1) & (pl.col("m") > 0) & (pl.col("m") < 1))
    )
    numerator = denominator = 0.0
    for row in districts.iter_rows(named=True):
        shares, sizes = np.asarray(row["shares"]), np.asarray(row["sizes"], dtype=np.float64)
        spread = float(np.sum(sizes * (shares - row["m"]) ** 2))
        numerator += spread / (row["m"] * (1 - row["m"])) - (row["k"] - 1)
        denominator += row["total"] - row["squares"] / row["total"] - (row["k"] - 1)
    if denominator <= 0 or numerator <= 0:
        return None
    rho = min(numerator / denominator, 1 - SMALLEST_RHO)
    return 1 / rho - 1


def commune_totals(
    counts: pl.DataFrame,
    hierarchy: AreaHierarchy,
    from_year: int | None = None,
    to_year: int | None = None,
) -> pl.DataFrame:
    """Births per commune over the years chosen, with its district and how many years."""
    if counts.height and data_level(counts, hierarchy) != "commune":
        raise IndicatorError(
            "xếp hạng xã cần số liệu theo xã", "ranking communes needs counts by commune"
        )
    chosen = counts.filter(
        pl.col("year") >= (from_year if from_year is not None else -(10**9)),
        pl.col("year") <= (to_year if to_year is not None else 10**9),
    )
    return (
        chosen.group_by("area")
        .agg(
            pl.col("year").min().alias("from_year"),
            pl.col("year").max().alias("to_year"),
            pl.len().alias("years"),
            pl.col("boys").sum(),
            pl.col("girls").sum(),
        )
        .join(hierarchy.links("commune", "district").rename({"parent": "district"}), on="area")
        .with_columns(births=pl.col("boys") + pl.col("girls"))
    )


def rank_communes(
    counts: pl.DataFrame,
    hierarchy: AreaHierarchy,
    from_year: int | None = None,
    to_year: int | None = None,
) -> Ranking:
    """Communes ranked by posterior SRB, highest first, with the raw ratio beside it."""
    communes = commune_totals(counts, hierarchy, from_year, to_year)
    kappa = prior_strength(communes)
    districts = communes.group_by("district").agg(
        district_boys=pl.col("boys").sum(), district_births=pl.col("births").sum()
    )
    table = communes.join(districts, on="district").with_columns(
        m=pl.when(pl.col("district_births") > 0).then(
            pl.col("district_boys") / pl.col("district_births")
        ),
        srb=pl.when(pl.col("girls") > 0).then(100 * pl.col("boys") / pl.col("girls")),
    )
    m = table["m"].to_numpy().astype(np.float64)
    table = table.with_columns(
        pl.Series("district_srb", ratio_of_share(m)).fill_nan(None),
        *_posterior(table, m, kappa),
    )
    ranked = table.sort(
        ["srb_posterior", "births", "area"], descending=[True, True, False], nulls_last=True
    ).with_row_index("rank", offset=1)
    return Ranking(kappa, ranked.select(*RANK_COLUMNS))


RANK_COLUMNS = (
    "rank",
    "area",
    "district",
    "from_year",
    "to_year",
    "years",
    "births",
    "boys",
    "girls",
    "srb",
    "srb_posterior",
    "post_low",
    "post_high",
    "district_srb",
)


def _posterior(table: pl.DataFrame, m: np.ndarray, kappa: float | None) -> list[pl.Series]:
    if kappa is None:  # the posterior is the district's share itself
        point = ratio_of_share(m)
        figures = (point, point, point)
    else:
        a = table["boys"].to_numpy() + kappa * m
        b = table["girls"].to_numpy() + kappa * (1 - m)
        with np.errstate(invalid="ignore", divide="ignore"):
            figures = (
                ratio_of_share(a / (a + b)),
                ratio_of_share(betaincinv(a, b, LOWER_TAIL)),
                ratio_of_share(betaincinv(a, b, UPPER_TAIL)),
            )
    names = ("srb_posterior", "post_low", "post_high")
    return [
        pl.Series(name, np.where(np.isfinite(v), v, np.nan)).fill_nan(None)
        for name, v in zip(names, figures, strict=True)
    ]


def describe_kappa(kappa: float | None) -> dict[str, object]:
    """The prior strength as written in each ranked line."""
    if kappa is None or not math.isfinite(kappa):
        return {"kappa": None, "shrinkage": "full"}
    return {"kappa": kappa, "shrinkage": "partial"}
