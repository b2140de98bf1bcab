"""The communes' spread with no shape assumed: a few high communes among many alike are
found where they are, and the figures are posterior means under that spread."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from govops.programmes.model.srb.hierarchy import FloatArray
from govops.programmes.model.srb.mixing import (
    commune_likelihoods,
    deviations,
    mixing_weights,
    posterior_shares,
    spread_in_points,
)


def two_groups(births: int) -> tuple[FloatArray, FloatArray, NDArray[np.bool_]]:
    rng = np.random.default_rng(3)
    high = np.arange(300) < 30
    shares = np.where(high, 120 / 220, 106 / 206)
    boys = rng.binomial(births, shares).astype(float)
    return boys, np.asarray(births - boys, dtype=np.float64), high


def test_a_tenth_of_communes_far_above_the_rest_is_found_as_a_group() -> None:
    boys, girls, high = two_groups(20_000)
    m = boys.sum() / (boys + girls).sum()
    mixture = posterior_shares(boys, girls, np.full(boys.size, m))
    ratio = 100 * mixture.mean / (1 - mixture.mean)
    assert ratio[high] == pytest.approx(np.full(30, 120.0), abs=1.5)
    assert ratio[~high] == pytest.approx(np.full(270, 106.0), abs=1.5)
    assert mixture.weight.sum() == pytest.approx(1.0)
    assert spread_in_points(mixture, m) == pytest.approx(np.sqrt(0.1 * 0.9) * 14, rel=0.1)
    # the grid spans the communes' own figures only
    shares = boys / (boys + girls)
    span = np.log(shares / (1 - shares)) - np.log(m / (1 - m))
    assert (mixture.grid[0], mixture.grid[-1]) == pytest.approx((span.min(), span.max()))


def test_the_fitted_spread_explains_the_counts_better_than_the_uniform_start() -> None:
    boys, girls, _ = two_groups(500)
    centre = np.full(boys.size, 0.52)
    likelihoods = commune_likelihoods(boys, girls, centre, deviations(boys, girls, centre))
    uniform = np.full(likelihoods.shape[1], 1 / likelihoods.shape[1])
    fitted = mixing_weights(likelihoods)
    assert np.log(likelihoods @ fitted).sum() > np.log(likelihoods @ uniform).sum()
    assert fitted.min() >= 0 and fitted.sum() == pytest.approx(1.0)


def test_communes_with_one_share_have_no_spread() -> None:
    boys, girls = np.full(5, 50.0), np.full(5, 50.0)
    mixture = posterior_shares(boys, girls, np.full(5, 0.5))
    assert mixture.grid.tolist() == [0.0]
    assert spread_in_points(mixture, 0.5) == 0.0
    assert mixture.mean.tolist() == pytest.approx([0.5] * 5)
