"""Whether communes differ beyond chance, and whether districts differ beyond what their
communes' differences explain: a beta-binomial hierarchy whose weights are estimated by
marginal likelihood.

Two models, both around m, the pooled share of boys of all communes:
- communes: p_i ~ Beta(kappa m, kappa (1 - m)), boys_i ~ Binomial(births_i, p_i);
- districts and communes: mu_d ~ Beta(lambda m, lambda (1 - m)) for each district, then
  p_i ~ Beta(kappa mu_d, kappa (1 - mu_d)) for the communes of district d.
kappa and lambda are "prior weights" in births: the larger, the more alike communes (or
districts) are. Each model's weights maximise the probability of the observed counts with
the p_i (and mu_d) integrated out. The district level is kept only where the data support
it: when twice the log-likelihood it gains exceeds DISTRICT_LEVEL_TEST, the 5 % critical
value of the likelihood-ratio test of a variance on its boundary (a 50:50 mixture of
chi-square with 0 and 1 degrees of freedom; Self & Liang 1987). Without the district level
a commune is not pulled towards its neighbours' luck: 20 districts of 15 communes share
noise that would otherwise decide the ranking.

In the district model mu_d has no closed form; its integral is taken on a grid of
GRID_POINTS over +/- GRID_SPAN standard deviations of a normal approximation of its
posterior (trapezoid rule, accurate to many digits on such smooth, fast-decaying
integrands). The binomial coefficients are left out of every likelihood: they are the same
in both models.

When communes differ no more than chance explains, the ranking says so and gives every
commune the pooled share. Whether districts differ is reported with the ranking; it does
not set its figures. Placing
each commune around its district's centre was tried and ranks worse where districts differ
in level: the expected ratio of a normal commune in a high district then beats that of an
uncertain high commune in a low one (bench/bench_srb_ranking.py, "districts differ", and
bench/RESULTS.md). `mixing` estimates the communes' spread with no shape assumed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize, minimize_scalar
from scipy.special import betaln, logsumexp

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

LOG_WEIGHT_BOUNDS = (0.0, math.log(1e8))  # a weight of 1 to 100 million births
INFINITE_WEIGHT = 0.5e8  # an estimate this large means: no spread beyond chance
DISTRICT_LEVEL_TEST = 2.706  # chi-bar-square (50:50 of chi2_0, chi2_1) at 5 %
GRID_POINTS = 61
GRID_SPAN = 10.0
_STEPS = np.linspace(-GRID_SPAN, GRID_SPAN, GRID_POINTS)


@dataclass(frozen=True, slots=True)
class Counts:
    """One entry per commune: boys, girls and the index (0..) of its district."""

    boys: FloatArray
    girls: FloatArray
    district: IntArray

    @property
    def districts(self) -> int:
        return int(self.district.max()) + 1 if self.district.size else 0


@dataclass(frozen=True, slots=True)
class Fit:
    """m, the pooled share; kappa (communes model) None when communes differ no more than
    chance; lam None when districts do not differ beyond their communes (no district
    level)."""

    m: float
    kappa: float | None
    lam: float | None
    district_gain: float  # twice the log-likelihood the district level adds


def fit(counts: Counts) -> Fit | None:
    """The better-supported model; None when there is no share to shrink towards (no
    births, or all boys or all girls)."""
    boys, births = float(counts.boys.sum()), float((counts.boys + counts.girls).sum())
    if births == 0 or boys in (0.0, births):
        return None
    m = boys / births
    kappa, flat = _fit_communes(counts, m)
    if counts.districts < 2:  # nothing for a district level to tell apart
        return Fit(m, _finite(kappa), None, 0.0)
    _, log_lam, nested = _fit_districts(counts, m, kappa)
    gain = 2 * (nested - flat)
    if gain <= DISTRICT_LEVEL_TEST:
        return Fit(m, _finite(kappa), None, max(gain, 0.0))
    return Fit(m, _finite(kappa), _finite(math.exp(log_lam)), gain)


def _finite(weight: float) -> float | None:
    return None if weight >= INFINITE_WEIGHT else weight


def flat_log_likelihood(counts: Counts, m: float, kappa: float) -> float:
    a, b = kappa * m, kappa * (1 - m)
    terms = betaln(counts.boys + a, counts.girls + b) - betaln(a, b)
    return float(np.sum(terms))


def _fit_communes(counts: Counts, m: float) -> tuple[float, float]:
    """kappa and the log-likelihood of the communes model."""
    found = minimize_scalar(
        lambda log_kappa: -flat_log_likelihood(counts, m, math.exp(log_kappa)),
        bounds=LOG_WEIGHT_BOUNDS,
        method="bounded",
        options={"xatol": 1e-4},
    )
    return math.exp(float(found.x)), -float(found.fun)


def _fit_districts(counts: Counts, m: float, kappa: float) -> tuple[float, float, float]:
    """log kappa, log lambda and the log-likelihood of the districts model: the best of a
    few starts around the communes model's kappa (communes within a district are at least
    as alike as all communes), then polished (the surface can be flat and ridged)."""

    def minus(point: FloatArray) -> float:
        return -district_likelihood(counts, m, math.exp(point[0]), math.exp(point[1]))[0]

    low, high = LOG_WEIGHT_BOUNDS
    flat = min(math.log(kappa), high)
    starts = [
        np.array([min(flat + k, high), min(max(flat + lam, low), high)])
        for k in (0.0, 1.5, 3.0)
        for lam in (-1.5, 0.0, 1.5, 3.0, high)
    ]
    best = min(starts, key=minus)
    polished = minimize(minus, best, method="L-BFGS-B", bounds=[LOG_WEIGHT_BOUNDS] * 2)
    point = polished.x if polished.fun <= minus(best) else best
    return float(point[0]), float(point[1]), -minus(point)


@dataclass(frozen=True, slots=True)
class DistrictGrid:
    """Each district's mu on its grid (districts x GRID_POINTS) and the posterior weight
    of each grid point (rows sum to 1)."""

    mu: FloatArray
    weight: FloatArray


def district_likelihood(
    counts: Counts, m: float, kappa: float, lam: float
) -> tuple[float, DistrictGrid]:
    """The districts model's log-likelihood and each district's posterior grid."""
    mu, step = _grid(counts, m, kappa, lam)
    a, b = lam * m, lam * (1 - m)
    log_prior = (a - 1) * np.log(mu) + (b - 1) * np.log1p(-mu) - betaln(a, b)
    per_commune = mu[counts.district]
    terms = betaln(
        counts.boys[:, None] + kappa * per_commune,
        counts.girls[:, None] + kappa * (1 - per_commune),
    ) - betaln(kappa * per_commune, kappa * (1 - per_commune))
    log_joint = log_prior.copy()
    np.add.at(log_joint, counts.district, terms)
    totals = logsumexp(log_joint, axis=1)
    weight = np.exp(log_joint - totals[:, None])
    weight /= weight.sum(axis=1, keepdims=True)
    return float(np.sum(totals + np.log(step))), DistrictGrid(mu, weight)


def _grid(counts: Counts, m: float, kappa: float, lam: float) -> tuple[FloatArray, FloatArray]:
    """Per district, GRID_POINTS values of mu over +/- GRID_SPAN standard deviations of the
    normal approximation to its posterior, and the spacing of each district's grid."""
    spread = m * (1 - m)
    births = counts.boys + counts.girls
    with np.errstate(divide="ignore"):
        precision = np.where(
            births > 0, 1 / (spread * (1 / (kappa + 1) + kappa / ((kappa + 1) * births))), 0.0
        )
        share = np.where(births > 0, counts.boys / np.maximum(births, 1), 0.0)
    size = counts.districts
    total = np.bincount(counts.district, precision, size) + (lam + 1) / spread
    weighted = np.bincount(counts.district, precision * share, size)
    centre = (weighted + m * (lam + 1) / spread) / total
    deviation = 1 / np.sqrt(total)
    mu = np.clip(centre[:, None] + deviation[:, None] * _STEPS, 1e-12, 1 - 1e-12)
    return mu, deviation * (_STEPS[1] - _STEPS[0])
