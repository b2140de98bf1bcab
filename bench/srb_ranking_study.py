"""The SRB ranking simulation study: scenarios, the three rankings and how each is scored.

Each replicate draws communes with a true SRB (most normal, a few high), births per
commune uniform in a range, districts at random (or the high communes clustered in a few
districts), and boys ~ Binomial(births, share). Three rankings of the same counts:
- raw: the communes' own ratios (boys / births);
- govops: `rank_communes` on the counts, through the same tables the command reads;
- districts: the variant govops does not use, each commune's spread estimated around its
  district's centre (the beta-binomial district model's posterior mean) when the district
  level is supported, shown to say why it is not used;
- oracle: the likelihood ratio of "high" against "normal" under the true model (the true
  normal ratio of each commune's district and the true high ratio), the best any ranking
  of a commune's own counts can do.
Scores per replicate: how many truly high communes the top k holds, the AUC (the chance a
truly high commune ranks above a normal one; ties count half) and, for raw and govops, how
far the ratios they state for their top k lie above those communes' true ratios.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
from numpy.typing import NDArray
from scipy.stats import rankdata

from govops.programmes.model.srb.areas import Area, AreaHierarchy
from govops.programmes.model.srb.counts import COUNT_SCHEMA
from govops.programmes.model.srb.hierarchy import INFINITE_WEIGHT, Counts, Fit, district_likelihood
from govops.programmes.model.srb.mixing import posterior_shares
from govops.programmes.model.srb.shrinkage import rank_communes

METHODS = ("raw", "govops", "districts", "oracle")
TOP = 10


@dataclass(frozen=True)
class Scenario:
    name: str
    normal: int = 300
    high: int = 10
    births: tuple[int, int] = (200, 2_000)
    districts: int = 20
    clustered_in: int = 0  # the high communes in this many districts (0: anywhere)
    district_spread: float = 0.0  # districts' normal SRBs uniform in 106 +/- this
    normal_srb: float = 106.0
    high_srb: float = 120.0


SCENARIOS = (
    Scenario("scattered"),
    Scenario("clustered in 2 districts", clustered_in=2),
    Scenario("few births (50-400)", births=(50, 400)),
    Scenario("many births (2,000-10,000)", births=(2_000, 10_000)),
    Scenario("no high communes", high=0),
    Scenario("districts differ (103-109)", district_spread=3.0),
)


def share(srb: NDArray[np.float64] | float) -> NDArray[np.float64]:
    return np.asarray(np.asarray(srb) / (100 + np.asarray(srb)), dtype=np.float64)


@dataclass(frozen=True)
class Replicate:
    boys: NDArray[np.int64]
    births: NDArray[np.int64]
    district: NDArray[np.int64]
    true_srb: NDArray[np.float64]
    normal_srb: NDArray[np.float64]  # the normal ratio of the commune's district
    high: NDArray[np.bool_]


def draw(scenario: Scenario, rng: np.random.Generator) -> Replicate:
    size = scenario.normal + scenario.high
    high = np.zeros(size, dtype=bool)
    high[rng.choice(size, scenario.high, replace=False)] = True
    district = rng.integers(0, scenario.districts, size)
    if scenario.clustered_in:
        district[high] = rng.integers(0, scenario.clustered_in, scenario.high)
    spread = scenario.district_spread
    normal_by_district = scenario.normal_srb + rng.uniform(-spread, spread, scenario.districts)
    normal = normal_by_district[district]
    true_srb = np.where(high, scenario.high_srb, normal)
    low, top = scenario.births
    births = rng.integers(low, top + 1, size)
    boys = rng.binomial(births, share(true_srb))
    return Replicate(boys, births, district, true_srb, normal, high)


def _tables(replicate: Replicate) -> tuple[pl.DataFrame, AreaHierarchy]:
    codes = [f"c{i}" for i in range(replicate.boys.size)]
    districts = sorted({int(d) for d in replicate.district})
    areas = [Area("P", "P", "province", None)]
    areas += [Area(f"d{d}", f"d{d}", "district", "P") for d in districts]
    areas += [
        Area(c, c, "commune", f"d{d}") for c, d in zip(codes, replicate.district, strict=True)
    ]
    counts = pl.DataFrame(
        {
            "area": codes,
            "year": [2016] * len(codes),
            "boys": replicate.boys,
            "girls": replicate.births - replicate.boys,
        },
        schema=COUNT_SCHEMA,
    )
    return counts, AreaHierarchy(areas)


def scores(replicate: Replicate, scenario: Scenario) -> dict[str, NDArray[np.float64]]:
    """Each method's score per commune (higher: ranked first) and the ratio it states."""
    boys = replicate.boys.astype(np.float64)
    girls = (replicate.births - replicate.boys).astype(np.float64)
    counts, hierarchy = _tables(replicate)
    ranking = rank_communes(counts, hierarchy)
    ranked = ranking.table
    position = {area: i for i, area in enumerate(ranked["area"])}
    order = np.array([position[f"c{i}"] for i in range(boys.size)])
    p0, p1 = share(replicate.normal_srb), share(scenario.high_srb)
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = 100 * boys / girls
    return {
        "raw": raw,
        "govops": -order.astype(np.float64),  # the rank given, first is best
        "govops_stated": ranked["srb_posterior"].to_numpy()[order],
        "districts": district_centred(boys, girls, replicate.district, ranking.fit),
        "oracle": boys * np.log(p1 / p0) + girls * np.log((1 - p1) / (1 - p0)),
    }


def district_centred(
    boys: NDArray[np.float64],
    girls: NDArray[np.float64],
    district: NDArray[np.int64],
    fitted: Fit | None,
) -> NDArray[np.float64]:
    """Each commune's posterior mean share around its district's centre (the pooled share
    when the district level is not supported)."""
    counts = Counts(boys, girls, district.astype(np.int64))
    assert fitted is not None
    centre = np.full(boys.size, fitted.m)
    if fitted.lam is not None:
        kappa = fitted.kappa if fitted.kappa is not None else 2 * INFINITE_WEIGHT
        _, grid = district_likelihood(counts, fitted.m, kappa, fitted.lam)
        centre = np.sum(grid.weight * grid.mu, axis=1)[counts.district]
    return posterior_shares(boys, girls, centre).mean


def top_hits(score: NDArray[np.float64], high: NDArray[np.bool_], rng: np.random.Generator) -> int:
    """Truly high communes among the TOP best scores; ties broken at random."""
    order = np.lexsort((rng.random(score.size), -score))
    return int(high[order[:TOP]].sum())


def auc(score: NDArray[np.float64], high: NDArray[np.bool_]) -> float:
    if not high.any() or high.all():
        return float("nan")
    ranks = rankdata(score)
    positives, negatives = int(high.sum()), int((~high).sum())
    return float((ranks[high].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def overstatement(
    score: NDArray[np.float64], stated: NDArray[np.float64], true_srb: NDArray[np.float64]
) -> float:
    """Mean of stated minus true SRB over the TOP best-scored communes."""
    top = np.argsort(-score, kind="stable")[:TOP]
    return float(np.mean(stated[top] - true_srb[top]))


def run(scenario: Scenario, replicates: int, seed: int) -> dict[str, NDArray[np.float64]]:
    """Per replicate: hits, AUC and (raw, govops) overstatement of each method."""
    rng = np.random.default_rng(seed)
    rows: dict[str, list[float]] = {}
    for _ in range(replicates):
        replicate = draw(scenario, rng)
        scored = scores(replicate, scenario)
        for method in METHODS:
            rows.setdefault(f"{method} hits", []).append(
                top_hits(scored[method], replicate.high, rng)
            )
            rows.setdefault(f"{method} auc", []).append(auc(scored[method], replicate.high))
        for method, stated in (("raw", scored["raw"]), ("govops", scored["govops_stated"])):
            rows.setdefault(f"{method} over", []).append(
                overstatement(scored[method], stated, replicate.true_srb)
            )
    return {name: np.array(values, dtype=np.float64) for name, values in rows.items()}
