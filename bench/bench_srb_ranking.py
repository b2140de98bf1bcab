"""How well `govops srb rank` finds the truly high communes: a simulation study against raw
ratios and the likelihood-ratio oracle (srb_ranking_study.py says how each is scored).

    python bench/bench_srb_ranking.py [--replicates R] [--seed S] [--scenario NAME]

Targets, in every scenario with high communes: govops' mean top-10 hits at least raw's,
and at least 90 % of the oracle's. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from numpy.typing import NDArray

from machine import print_header
from srb_ranking_study import METHODS, SCENARIOS, TOP, Scenario, run

PACKAGES = ("numpy", "scipy", "polars", "govops")
SHARE_OF_ORACLE = 0.9


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--scenario", help="only the scenarios whose name contains this")
    return parser.parse_args()


def mean_se(values: NDArray[np.float64]) -> str:
    finite = values[np.isfinite(values)]
    if not finite.size:
        return "n/a"
    se = finite.std(ddof=1) / np.sqrt(finite.size) if finite.size > 1 else 0.0
    return f"{finite.mean():.3f} ± {se:.3f}"


def report(scenario: Scenario, results: dict[str, NDArray[np.float64]], seconds: float) -> bool:
    """Print one scenario's table; True when its targets are met (or it has none)."""
    low, high = scenario.births
    print(
        f"\n## {scenario.name}: {scenario.normal} communes at SRB {scenario.normal_srb:g}"
        f" (districts ± {scenario.district_spread:g}), {scenario.high} at "
        f"{scenario.high_srb:g}; {low:,}-{high:,} births each; {scenario.districts} districts"
        + (f", the high ones in {scenario.clustered_in}" if scenario.clustered_in else "")
    )
    head = f"{'method':<8} {f'top-{TOP} hits':>16} {'AUC':>16} {'top-10 stated - true':>22}"
    print(head)
    print("-" * len(head))
    for method in METHODS:
        over = results.get(f"{method} over")
        print(
            f"{method:<8} {mean_se(results[f'{method} hits']):>16} "
            f"{mean_se(results[f'{method} auc']):>16} "
            f"{(mean_se(over) + ' pts') if over is not None else 'n/a':>22}"
        )
    worse = int(np.sum(results["govops hits"] < results["raw hits"]))
    better = int(np.sum(results["govops hits"] > results["raw hits"]))
    replicates = results["raw hits"].size
    print(f"govops fewer hits than raw in {worse}, more in {better} of {replicates} replicates")
    print(f"time: {seconds / replicates:.3f} s per replicate (three rankings and scoring)")
    if not scenario.high:
        return True
    mean = {method: float(results[f"{method} hits"].mean()) for method in METHODS}
    share = mean["govops"] / mean["oracle"]
    met = mean["govops"] >= mean["raw"] and share >= SHARE_OF_ORACLE
    print(
        f"target (govops >= raw, >= {SHARE_OF_ORACLE:.0%} of oracle): "
        f"{'met' if met else 'MISSED'} ({share:.1%} of the oracle's hits)"
    )
    return met


def main() -> int:
    args = parse_args()
    print_header(PACKAGES)
    print(f"replicates: {args.replicates} per scenario, seed {args.seed}")
    met = True
    for number, scenario in enumerate(SCENARIOS):
        if args.scenario and args.scenario not in scenario.name:
            continue
        start = time.perf_counter()
        results = run(scenario, args.replicates, args.seed + number)
        met &= report(scenario, results, time.perf_counter() - start)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
