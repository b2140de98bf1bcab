"""Ranking communes by SRB in a way that accounts for their size, for the plan's choice of
the communes with the highest ratios (Kế hoạch 161/KH-UBND: 60 % of the communes chosen
among those where the imbalance is high).

A raw ratio from 40 births swings by ±30 points by chance alone, so ranking raw ratios
picks small communes by luck. The empirical-Bayes beta-binomial model used here:
each commune's share of boys p_i ~ Beta(kappa m_d, kappa (1 - m_d)), m_d the share of its
district, and boys_i ~ Binomial(births_i, p_i). A small commune is pulled towards its
district, a large one keeps close to its own figure.

kappa is estimated once, across all communes, by the method of moments. With
rho = 1 / (kappa + 1) and, per district d with k_d communes, N_d births and pooled share m_d,
    Q_d = sum_i n_i (p_i - m_d)^2   has expectation
    m_d (1 - m_d) [(k_d - 1) + rho (N_d - sum_i n_i^2 / N_d - (k_d - 1))],
so rho = sum_d (Q_d / (m_d (1 - m_d)) - (k_d - 1)) / sum_d (N_d - sum_i n_i^2 / N_d - (k_d - 1)).
When the communes vary no more than binomial noise explains (rho <= 0) kappa is infinite:
full shrinkage, and the output says so.

The prior of commune i does not use its own births (they enter once, as its data):
- its mean m is the pooled share of the OTHER communes of its district (leave-one-out); when
  the district has no other commune with births, of the other communes of its province,
  and failing that of all the other communes (`shrunk_towards`: district, province, all;
  null, with no posterior, when no other commune has births);
- its weight w (`prior_weight`, in births) is kappa lessened by how uncertain m is, being
  estimated from N' births (S' the sum of their communes' squared births): the prior's
  variance m (1 - m) / (w + 1) is the spread between communes plus the variance of m,
      1 / (w + 1) = rho + (1 + rho (S' / N' - 1)) / N'      (w >= 0).
The posterior is Beta(boys_i + w m, girls_i + w (1 - m)), its 95 % interval the 2.5 % and
97.5 % quantiles. So a commune alone in its district is not shrunk towards itself, and the
order of communes within a district follows their own figures (w < N' always; a weight
above the others' births would turn it round). Under full shrinkage (rho = 0) w = N' - 1:
the posterior is in effect the pooled ratio of the commune's births with those it is
pulled towards, and its interval the width those births give, never a zero-width one.
(The spread between districts is not modelled: a commune alone in its district is pulled
towards its province as if its district were like the others.)

Figures that do not exist are null, never infinite, and `reasons` lists why
(messages.REASONS).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy.special import betaincinv

from govops.lawcode.texts.messages import msg
from govops.programmes.model.srb.areas import AreaHierarchy
from govops.programmes.model.srb.counts import data_level
from govops.programmes.model.srb.messages import IndicatorError
from govops.programmes.model.srb.ratio import LOWER_TAIL, UPPER_TAIL, ratio_of_share

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
    """Births per commune over the years chosen, with its district and province and how
    many years."""
    if counts.height and data_level(counts, hierarchy) != "commune":
        raise IndicatorError(msg("ranking communes needs counts by commune"))
    chosen = counts.filter(
        pl.col("year") >= (from_year if from_year is not None else -(10**9)),
        pl.col("year") <= (to_year if to_year is not None else 10**9),
    )
    parents = [
        hierarchy.links("commune", level).rename({"parent": level})
        for level in ("district", "province")
    ]
    return (
        chosen.group_by("area")
        .agg(
            pl.col("year").min().alias("from_year"),
            pl.col("year").max().alias("to_year"),
            pl.len().alias("years"),
            pl.col("boys").sum(),
            pl.col("girls").sum(),
        )
        .join(parents[0], on="area")
        .join(parents[1], on="area")
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
    table = _with_prior(communes)
    table = table.with_columns(
        *_posterior(table, kappa),
        srb=_ratio(pl.col("boys"), pl.col("girls")),
        district_srb=_ratio(
            pl.col("district_boys"), pl.col("district_births") - pl.col("district_boys")
        ),
        prior_srb=_ratio(pl.col("prior_boys"), pl.col("prior_births") - pl.col("prior_boys")),
    ).with_columns(reasons=_reasons())
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
    "shrunk_towards",
    "prior_srb",
    "prior_weight",
    "reasons",
)
TOWARDS = ("district", "province", "all")


def _ratio(boys: pl.Expr, girls: pl.Expr) -> pl.Expr:
    """Boys per 100 girls in floats (no Int64 overflow); null without girls."""
    return pl.when(girls > 0).then(100 * boys.cast(pl.Float64) / girls)


def _with_prior(communes: pl.DataFrame) -> pl.DataFrame:
    """Each commune with its district's totals and prior_boys, prior_births, prior_squares:
    those of the other communes of the nearest of TOWARDS that has any (shrunk_towards)."""
    table = communes.with_columns(all=pl.lit("*"), squares=pl.col("births").cast(pl.Float64) ** 2)
    for level in TOWARDS:
        sums = table.group_by(level).agg(
            pl.col("boys", "births", "squares").sum().name.prefix(f"{level}_")
        )
        table = table.join(sums, on=level, how="left")
    others = {level: pl.col(f"{level}_births") > pl.col("births") for level in TOWARDS}

    def nearest(field: str) -> pl.Expr:
        return pl.coalesce(
            pl.when(has).then(pl.col(f"{level}_{field}") - pl.col(field))
            for level, has in others.items()
        )

    return table.with_columns(
        shrunk_towards=pl.coalesce(pl.when(has).then(pl.lit(lv)) for lv, has in others.items()),
        prior_boys=nearest("boys"),
        prior_births=nearest("births"),
        prior_squares=nearest("squares"),
    )


def _posterior(table: pl.DataFrame, kappa: float | None) -> list[pl.Series]:
    """prior_weight, srb_posterior, post_low and post_high (formulas in the docstring)."""
    rho = 0.0 if kappa is None else 1 / (kappa + 1)
    others = table["prior_births"].cast(pl.Float64).fill_null(np.nan).to_numpy()
    squares = table["prior_squares"].fill_null(np.nan).to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        m = table["prior_boys"].cast(pl.Float64).fill_null(np.nan).to_numpy() / others
        weight = np.maximum(1 / (rho + (1 + rho * (squares / others - 1)) / others) - 1, 0.0)
        a = table["boys"].to_numpy() + weight * m
        b = table["girls"].to_numpy() + weight * (1 - m)
        proper = (a > 0) & (b > 0)  # else the posterior is no distribution (or no prior)
        figures = (
            ratio_of_share(a / (a + b)),
            ratio_of_share(betaincinv(a, b, LOWER_TAIL)),
            ratio_of_share(betaincinv(a, b, UPPER_TAIL)),
        )
    names = ("srb_posterior", "post_low", "post_high")
    return [
        pl.Series("prior_weight", weight).fill_nan(None),
        *(
            pl.Series(name, np.where(proper & np.isfinite(v), v, np.nan)).fill_nan(None)
            for name, v in zip(names, figures, strict=True)
        ),
    ]


def _reasons() -> pl.Expr:
    """The codes of messages.REASONS that explain this row's null figures."""
    district_girls = pl.col("district_births") - pl.col("district_boys")
    codes = [
        ("no_births", pl.col("births") == 0),
        ("no_girls", (pl.col("births") > 0) & (pl.col("girls") == 0)),
        ("district_no_births", pl.col("district_births") == 0),
        ("district_no_girls", (pl.col("district_births") > 0) & (district_girls == 0)),
        ("no_other_births", pl.col("shrunk_towards").is_null()),
        ("prior_no_girls", pl.col("prior_births") == pl.col("prior_boys")),
        (
            "posterior_undefined",
            pl.col("post_high").is_null() & pl.col("shrunk_towards").is_not_null(),
        ),
    ]
    return pl.concat_list(
        pl.when(when).then(pl.lit(code)) for code, when in codes
    ).list.drop_nulls()


def describe_kappa(kappa: float | None) -> dict[str, object]:
    """The prior strength as written in each ranked line."""
    if kappa is None or not math.isfinite(kappa):
        return {"kappa": None, "shrinkage": "full"}
    return {"kappa": kappa, "shrinkage": "partial"}
