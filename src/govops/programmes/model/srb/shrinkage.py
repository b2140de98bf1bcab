"""Ranking communes by SRB in a way that accounts for their size, for the plan's choice of
the communes with the highest ratios (Kế hoạch 161/KH-UBND: 60 % of the communes chosen
among those where the imbalance is high).

A raw ratio from 40 births swings by +/-30 points by chance alone, so ranking raw ratios
picks small communes by luck. Each commune's figure (`srb_posterior`) is its expected
ratio given every commune's counts, estimated from the data (empirical Bayes):
- `mixing`: how the communes' true ratios spread around the pooled share of all communes,
  with no shape assumed (a few high communes among many alike are found as such), and
  each commune's posterior mean under that spread;
- `hierarchy`: whether the communes differ beyond chance at all (if not, every commune
  gets the pooled ratio and the output says so) and whether districts differ beyond what
  their communes' differences explain (reported as `districts_differ`).
The order is by that figure, highest first; ties go to the commune with the larger excess
of boys over the pooled share, then the more births. The simulation study
`bench/bench_srb_ranking.py` compares it with raw ratios and with the likelihood ratio of
the true model.

No interval is given for the figure: one computed as if the estimated spread were known
would claim more certainty than the data hold. `ci_low` and `ci_high` are the commune's
own exact interval, as `srb compute` gives it.

Figures that do not exist are null, never infinite, and `reasons` lists why
(messages.REASONS).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from govops.lawcode.texts.messages import msg
from govops.programmes.model.srb.areas import AreaHierarchy
from govops.programmes.model.srb.counts import data_level
from govops.programmes.model.srb.hierarchy import Counts, Fit, FloatArray, fit
from govops.programmes.model.srb.messages import IndicatorError
from govops.programmes.model.srb.mixing import posterior_shares, spread_in_points
from govops.programmes.model.srb.ratio import ratio_of_share, srb_interval


@dataclass(frozen=True, slots=True)
class Ranking:
    """fit None when no commune has boys, or none has girls; spread is the standard
    deviation of the communes' true ratios, in SRB points."""

    fit: Fit | None
    spread: float | None
    table: pl.DataFrame

    @property
    def districts_differ(self) -> bool:
        return self.fit is not None and self.fit.lam is not None

    @property
    def pooled_srb(self) -> float | None:
        return None if self.fit is None else 100 * self.fit.m / (1 - self.fit.m)

    @property
    def alike(self) -> bool:
        """The communes (two or more with births) differ no more than chance explains."""
        compared = self.table.filter(pl.col("births") > 0).height >= 2
        return compared and self.fit is not None and self.fit.kappa is None


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
    """Communes ranked by their expected SRB given all communes, highest first, with the
    raw ratio and its exact interval beside it."""
    communes = _with_district_totals(commune_totals(counts, hierarchy, from_year, to_year))
    index = (communes["district"].rank("dense") - 1).to_numpy()
    arrays = Counts(
        communes["boys"].to_numpy().astype(np.float64),
        communes["girls"].to_numpy().astype(np.float64),
        np.asarray(index, dtype=np.int64),
    )
    fitted = fit(arrays)
    expected, spread = _expected(arrays, fitted)
    others = communes["total_births"] - communes["births"]
    low, high = srb_interval(communes["boys"].to_numpy(), communes["girls"].to_numpy())
    m = fitted.m if fitted is not None else 0.0
    table = communes.with_columns(
        pl.Series("srb_posterior", expected).fill_nan(None),
        pl.Series("ci_low", low).fill_nan(None),
        pl.Series("ci_high", np.where(np.isfinite(high), high, np.nan)).fill_nan(None),
        srb=_ratio(pl.col("boys"), pl.col("girls")),
        district_srb=_ratio(
            pl.col("district_boys"), pl.col("district_births") - pl.col("district_boys")
        ),
        excess=pl.col("boys") - m * pl.col("births"),
    ).with_columns(pl.when(others > 0).then(pl.col("srb_posterior")))
    table = table.with_columns(reasons=_reasons())
    ranked = table.sort(
        ["srb_posterior", "excess", "births", "area"],
        descending=[True, True, True, False],
        nulls_last=True,
    ).with_row_index("rank", offset=1)
    return Ranking(fitted, spread, ranked.select(*RANK_COLUMNS))


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
    "ci_low",
    "ci_high",
    "srb_posterior",
    "district_srb",
    "reasons",
)


def _expected(counts: Counts, fitted: Fit | None) -> tuple[FloatArray, float | None]:
    """Each commune's expected ratio (NaN without a fit) and the communes' spread."""
    if fitted is None:
        return np.full(counts.boys.size, np.nan), None
    pooled = np.full(counts.boys.size, fitted.m)
    if fitted.kappa is None:  # one share for all: the likelihood peaks at no spread
        return ratio_of_share(pooled), 0.0
    mixture = posterior_shares(counts.boys, counts.girls, pooled)
    return ratio_of_share(mixture.mean), spread_in_points(mixture, fitted.m)


def _ratio(boys: pl.Expr, girls: pl.Expr) -> pl.Expr:
    """Boys per 100 girls in floats (no Int64 overflow); null without girls."""
    return pl.when(girls > 0).then(100 * boys.cast(pl.Float64) / girls)


def _with_district_totals(communes: pl.DataFrame) -> pl.DataFrame:
    sums = communes.group_by("district").agg(
        pl.col("boys", "births").sum().name.prefix("district_")
    )
    return communes.join(sums, on="district", how="left").with_columns(
        total_births=pl.col("births").sum(), total_boys=pl.col("boys").sum()
    )


def _reasons() -> pl.Expr:
    """The codes of messages.REASONS that explain this row's null figures."""
    district_girls = pl.col("district_births") - pl.col("district_boys")
    total_girls = pl.col("total_births") - pl.col("total_boys")
    others = pl.col("total_births") - pl.col("births")
    codes = [
        ("no_births", pl.col("births") == 0),
        ("no_girls", (pl.col("births") > 0) & (pl.col("girls") == 0)),
        ("district_no_births", pl.col("district_births") == 0),
        ("district_no_girls", (pl.col("district_births") > 0) & (district_girls == 0)),
        ("no_other_births", others == 0),
        ("nowhere_girls", (others > 0) & (total_girls == 0)),
        ("nowhere_boys", (others > 0) & (pl.col("total_boys") == 0)),
    ]
    return pl.concat_list(
        pl.when(when).then(pl.lit(code)) for code, when in codes
    ).list.drop_nulls()
