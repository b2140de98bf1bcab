"""The beta-binomial hierarchy: weights estimated by marginal likelihood, the district
level kept only where the data support it, and its integral checked by quadrature."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.special import betaln
from scipy.stats import beta

from govops.programmes.model.srb.hierarchy import Counts, district_likelihood, fit


def simulated(kappa: float, lam: float | None, seed: int) -> Counts:
    rng = np.random.default_rng(seed)
    districts, per_district, m = 30, 20, 0.515
    centre = rng.beta(lam * m, lam * (1 - m), districts) if lam else np.full(districts, m)
    district = np.repeat(np.arange(districts), per_district)
    births = rng.integers(300, 3_000, district.size)
    shares = rng.beta(kappa * centre[district], kappa * (1 - centre[district]))
    boys = rng.binomial(births, shares)
    return Counts(boys.astype(float), (births - boys).astype(float), district.astype(np.int64))


def test_the_communes_weight_is_recovered_and_no_district_level_is_invented() -> None:
    fitted = fit(simulated(kappa=400.0, lam=None, seed=7))
    assert fitted is not None
    assert fitted.kappa == pytest.approx(400.0, rel=0.2)
    assert fitted.lam is None


def test_districts_that_differ_are_found() -> None:
    fitted = fit(simulated(kappa=20_000.0, lam=1_000.0, seed=11))
    assert fitted is not None
    assert fitted.lam is not None
    assert 400 < fitted.lam < 2_500
    assert fitted.district_gain > 2.706


def test_communes_exactly_alike_have_no_spread() -> None:
    counts = Counts(np.full(12, 500.0), np.full(12, 500.0), np.arange(12) // 4)
    fitted = fit(counts)
    assert fitted is not None
    assert (fitted.m, fitted.kappa, fitted.lam) == (0.5, None, None)


def test_without_boys_or_girls_anywhere_there_is_nothing_to_fit() -> None:
    assert fit(Counts(np.array([3.0, 4.0]), np.zeros(2), np.array([0, 1]))) is None
    assert fit(Counts(np.zeros(2), np.zeros(2), np.array([0, 1]))) is None


def test_the_district_integral_agrees_with_quadrature() -> None:
    boys, girls = np.array([60.0, 45.0, 300.0]), np.array([40.0, 50.0, 280.0])
    counts = Counts(boys, girls, np.array([0, 0, 1]))
    m, kappa, lam = 0.52, 300.0, 150.0
    log_l, grid = district_likelihood(counts, m, kappa, lam)

    def integrand(mu: float, members: list[int]) -> float:
        terms = sum(
            betaln(boys[i] + kappa * mu, girls[i] + kappa * (1 - mu))
            - betaln(kappa * mu, kappa * (1 - mu))
            for i in members
        )
        return float(beta.pdf(mu, lam * m, lam * (1 - m)) * math.exp(terms))

    expected = sum(
        math.log(quad(integrand, 0, 1, args=(members,), points=[0.5], limit=200)[0])
        for members in ([0, 1], [2])
    )
    assert log_l == pytest.approx(expected, abs=1e-6)
    assert grid.weight.sum(axis=1) == pytest.approx([1.0, 1.0])
