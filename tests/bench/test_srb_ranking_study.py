"""One scenario of the SRB ranking study (bench/bench_srb_ranking.py), small enough for
every run: ten truly high communes (SRB 120) among 300 at 106, 200 to 2,000 births each,
scattered over 20 districts. `srb rank` must find at least as many of them in its top 10
as the raw ratios do, and at least 90 % as many as the likelihood ratio of the true model
(the best any ranking of the communes' own counts can do). The model it replaced, pulled
towards each commune's district, found fewer than the raw ratios."""

from __future__ import annotations

import sys

from tests.paths import REPOSITORY

sys.path.insert(0, str(REPOSITORY / "bench"))

from srb_ranking_study import SCENARIOS, run

REPLICATES = 24
SEED = 20261206


def test_the_ranking_finds_scattered_high_communes_nearly_as_well_as_the_oracle() -> None:
    scattered = SCENARIOS[0]
    assert scattered.name == "scattered"
    results = run(scattered, REPLICATES, SEED)
    hits = {method: results[f"{method} hits"].mean() for method in ("raw", "govops", "oracle")}
    assert hits["govops"] >= hits["raw"]
    assert hits["govops"] >= 0.9 * hits["oracle"]
    # and the ratios it states for its top 10 are not inflated as the raw ones are
    assert abs(results["govops over"].mean()) < 2 < results["raw over"].mean()
