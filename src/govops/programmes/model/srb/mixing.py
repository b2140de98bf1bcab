"""How the communes' true shares of boys spread around their centres, estimated without
assuming a shape: the nonparametric maximum-likelihood mixing distribution (Kiefer and
Wolfowitz 1956; computed as in Jiang and Zhang 2009, Koenker and Mizera 2014).

On the logit scale, commune i's share is expit(c_i + t) with c_i its centre and t drawn
from a distribution G on a grid of deviations GRID_STEP apart (about one SRB point near
106). The grid spans the communes' own deviations, within +/- GRID_SPAN (shares from about
5 % to 95 % around an even centre): the maximum-likelihood G has no mass beyond the
communes' own figures (moving it inwards raises every likelihood), so the grid is as
short as the data allow. G maximises the probability of the observed counts,
boys_i ~ Binomial(births_i, expit(c_i + t_i)), found by the EM fixed point
    G_j <- G_j * mean_i( L_ij / sum_k G_k L_ik ),
accelerated by SQUAREM (Varadhan and Roland 2008: a step along the last two EM steps,
kept only when it does not lower the likelihood), until the log-likelihood gains less than
TOLERANCE per commune (at most MAX_ROUNDS). Each commune's figure is then its posterior
mean share given its own counts and G. When a few communes are truly high among many
alike, G puts mass where they are, and the posterior mean orders communes nearly as the
likelihood ratio of the true model would; a beta prior (one hump) cannot, and its linear
shrinkage orders them worse than the raw ratios.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit

from govops.programmes.model.srb.hierarchy import FloatArray

GRID_STEP = 0.01
GRID_SPAN = 3.0
TOLERANCE = 1e-7
MAX_ROUNDS = 500  # each round three EM steps


def deviations(boys: FloatArray, girls: FloatArray, centre: FloatArray) -> FloatArray:
    """The grid: from the lowest to the highest of the communes' logit deviations from
    their centres (communes with births), within +/- GRID_SPAN."""
    births = boys + girls
    seen = births > 0
    if not seen.any():
        return np.zeros(1)
    share = np.clip(boys[seen] / births[seen], 1e-12, 1 - 1e-12)
    gap = _logit(share) - _logit(centre[seen])
    low, high = max(float(gap.min()), -GRID_SPAN), min(float(gap.max()), GRID_SPAN)
    points = max(int(np.ceil((high - low) / GRID_STEP)), 0) + 1
    return np.linspace(low, high, points)


def _logit(share: FloatArray) -> FloatArray:
    return np.asarray(np.log(share / (1 - share)), dtype=np.float64)


def commune_likelihoods(
    boys: FloatArray, girls: FloatArray, centre: FloatArray, grid: FloatArray
) -> FloatArray:
    """L_ij up to a factor per commune (each row scaled so its largest entry is 1)."""
    logits = _logit(centre)[:, None] + grid
    log_l = -boys[:, None] * np.logaddexp(0, -logits) - girls[:, None] * np.logaddexp(0, logits)
    return np.asarray(np.exp(log_l - log_l.max(axis=1, keepdims=True)), dtype=np.float64)


def mixing_weights(likelihoods: FloatArray) -> FloatArray:
    """G on the grid, by accelerated EM from the uniform distribution."""
    points = likelihoods.shape[1]
    weight = np.full(points, 1 / points)
    previous = _log_likelihood(likelihoods, weight)
    for _ in range(MAX_ROUNDS):
        once = _em_step(likelihoods, weight)
        twice = _em_step(likelihoods, once)
        step, bend = once - weight, twice - 2 * once + weight
        alpha = -np.sqrt(np.sum(step**2) / max(float(np.sum(bend**2)), 1e-300))
        jumped = np.maximum(weight - 2 * alpha * step + alpha**2 * bend, 0.0)
        candidate = _em_step(likelihoods, jumped / jumped.sum())
        gained, plain = _log_likelihood(likelihoods, candidate), _log_likelihood(likelihoods, twice)
        if not gained >= plain:  # the jump lost likelihood (or is NaN): keep the EM steps
            candidate, gained = twice, plain
        weight = candidate
        if gained - previous < TOLERANCE * likelihoods.shape[0]:
            break
        previous = gained
    return weight


def _em_step(likelihoods: FloatArray, weight: FloatArray) -> FloatArray:
    fitted = likelihoods @ weight
    return np.asarray(weight * (likelihoods.T @ (1 / fitted)) / likelihoods.shape[0])


def _log_likelihood(likelihoods: FloatArray, weight: FloatArray) -> float:
    return float(np.sum(np.log(likelihoods @ weight)))


@dataclass(frozen=True, slots=True)
class Mixture:
    """Each commune's posterior mean share, and G: its grid of deviations and weights."""

    mean: FloatArray
    grid: FloatArray
    weight: FloatArray


def posterior_shares(boys: FloatArray, girls: FloatArray, centre: FloatArray) -> Mixture:
    """G estimated from every commune, and each commune's posterior mean under it.
    Communes without births take part with a flat likelihood: their figure is G's mean
    around their centre."""
    grid = deviations(boys, girls, centre)
    likelihoods = commune_likelihoods(boys, girls, centre, grid)
    weight = mixing_weights(likelihoods)
    joint = likelihoods * weight
    shares = expit(_logit(centre)[:, None] + grid)
    mean = np.sum(joint * shares, axis=1) / np.sum(joint, axis=1)
    return Mixture(np.asarray(mean, dtype=np.float64), grid, weight)


def spread_in_points(mixture: Mixture, m: float) -> float:
    """The standard deviation, in SRB points, of the true ratios G describes around m."""
    share = expit(_logit(np.array([m])) + mixture.grid)
    ratio = 100 * share / (1 - share)
    mean = float(np.sum(mixture.weight * ratio))
    return float(np.sqrt(np.sum(mixture.weight * (ratio - mean) ** 2)))
