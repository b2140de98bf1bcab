"""Grade synthetic mass-incident records: govops against numpy, polars, openfisca, rule-engine.

    python bench/bench_grading.py [--records N] [--sample N] [--repeat R]

Every contender is checked against the numpy reference: exits 1 on a mismatch,
2 when govops is importable but raises (the peers' table is printed either way).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from typing import Any

import numpy as np
import polars as pl

from grading_data import THRESHOLDS, generate, to_frame
from grading_govops import DECISIONS, run_govops
from grading_openfisca import build_system, openfisca_grade
from grading_peers import (
    compile_rules,
    numpy_outcome,
    numpy_provenance,
    polars_outcome,
    polars_provenance,
    rule_engine_grade,
)
from grading_rules import CLAUSE_IDS
from grading_timing import Reference, Result, best_of, frame_check, yes
from machine import print_header

PACKAGES = ("numpy", "polars", "openfisca-core", "rule-engine", "govops")
BATCH_TARGET = "target: >= 50 M records/s with provenance"
DECISION_TARGET = "target: < 0.3 ms per explained decision"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000_000)
    parser.add_argument("--sample", type=int, default=20_000, help="records for rule-engine")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender; best is kept")
    parser.add_argument("--seed", type=int, default=20260101)
    return parser.parse_args()


def progress(result: Result) -> Result:
    print(f"  {result.name}: {result.rate:,.0f} records/s, identical: {yes(result.identical)}")
    return result


def check_coverage(clause: np.ndarray) -> None:
    hits = np.bincount(clause, minlength=len(CLAUSE_IDS) + 1)
    crafted = np.arange(1, min(len(clause), len(CLAUSE_IDS)) + 1)
    if not np.array_equal(clause[: len(crafted)], crafted):
        sys.exit("reference: crafted records do not fire their own clause")
    rarest = int(hits[1:].argmin()) + 1
    print(f"records graded: {len(clause) - hits[0]:,} of {len(clause):,}; clauses firing: ", end="")
    print(f"{np.count_nonzero(hits[1:])}/{len(CLAUSE_IDS)}", end="")
    print(f" (rarest {CLAUSE_IDS[rarest - 1]}: {hits[rarest]:,} records)")


def run_numpy(arrays: Mapping[str, np.ndarray], repeat: int) -> tuple[Reference, list[Result]]:
    n = len(arrays["participants"])
    seconds, outcome = best_of(lambda: numpy_outcome(arrays, THRESHOLDS), repeat)
    p_seconds, (p_outcome, clause) = best_of(lambda: numpy_provenance(arrays, THRESHOLDS), repeat)
    ref = Reference(outcome, clause)
    return ref, [
        Result("numpy", n, seconds, False, True),
        Result("numpy + provenance", n, p_seconds, True, ref.check(p_outcome)),
    ]


def run_polars(df: pl.DataFrame, ref: Reference, repeat: int) -> list[Result]:
    results = []
    for name, grade, provenance in (
        ("polars", polars_outcome, False),
        ("polars + provenance", polars_provenance, True),
    ):
        seconds, out = best_of(lambda grade=grade: grade(df, THRESHOLDS), repeat)
        results.append(
            Result(name, df.height, seconds, provenance, frame_check(ref, out, provenance))
        )
    return results


def run_openfisca(arrays: Mapping[str, np.ndarray], ref: Reference, repeat: int) -> Result:
    tbs = build_system(THRESHOLDS)
    seconds, outcome = best_of(lambda: openfisca_grade(tbs, arrays), repeat)
    return Result("openfisca-core", len(outcome), seconds, False, ref.check(outcome))


def run_rule_engine(records: list[dict[str, Any]], ref: Reference, repeat: int) -> Result:
    rules = compile_rules(THRESHOLDS)
    seconds, (outcome, clause) = best_of(lambda: rule_engine_grade(rules, records), repeat)
    name = f"rule-engine (sample {len(records):,})"
    return Result(name, len(records), seconds, True, ref.check(outcome, clause))


def print_table(results: list[Result], govops: Result | None) -> None:
    head = (
        f"{'contender':<28} {'records/s':>15} {'govops x':>9} {'provenance':>10} {'identical':>9}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        ratio = f"{govops.rate / r.rate:.2f}" if govops else "n/a"
        flags = f"{yes(r.provenance):>10} {yes(r.identical)}"
        print(f"{r.name:<28} {r.rate:>15,.0f} {ratio:>9} {flags}")
    print("govops x = govops records/s ÷ contender records/s (above 1: govops is faster)")


def print_targets(govops: Result | None, latency_ms: float | None) -> None:
    rate = f"{govops.rate / 1e6:,.1f} M records/s with provenance" if govops else "n/a"
    latency = "n/a"
    if latency_ms is not None:
        latency = f"median {latency_ms:.4f} ms over {DECISIONS:,} calls"
    print(f"govops batch:              {rate:<40} {BATCH_TARGET}")
    print(f"govops explained decision: {latency:<40} {DECISION_TARGET}")


def run_peers(
    arrays: Mapping[str, np.ndarray], df: pl.DataFrame, args: argparse.Namespace
) -> tuple[Reference, list[Result]]:
    ref, results = run_numpy(arrays, args.repeat)
    check_coverage(ref.clause)
    for result in results:
        progress(result)
    for result in run_polars(df, ref, args.repeat):
        results.append(progress(result))
    results.append(progress(run_openfisca(arrays, ref, args.repeat)))
    records = df.head(args.sample).to_dicts()
    results.append(progress(run_rule_engine(records, ref, args.repeat)))
    return ref, results


def main() -> int:
    args = parse_args()
    print_header(PACKAGES)
    start = time.perf_counter()
    arrays = generate(args.records, args.seed)
    df = to_frame(arrays)
    print(f"data:    {args.records:,} records, seed {args.seed}, generated in", end=" ")
    print(f"{time.perf_counter() - start:.1f} s; best of {args.repeat} runs per contender")
    ref, results = run_peers(arrays, df, args)
    govops = run_govops(df, ref, args.repeat)
    if govops.result is not None:
        results.append(progress(govops.result))
    print()
    print_table(results, govops.result)
    print_targets(govops.result, govops.latency_ms)
    if not all(r.identical for r in results):
        return 1
    return 2 if govops.errors else 0


if __name__ == "__main__":
    sys.exit(main())
