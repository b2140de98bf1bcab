"""Screen synthetic cadres for eligibility to their next rank: govops against pandas, DuckDB.

    python bench/bench_eligibility.py [--cadres N] [--repeat R] [--seed S]

govops.cadres.model.batch.screen (pack cn-cadre-selection, table eligibility) is the reference;
the hand-written peers must give every cadre the same verdict and the same set of
breaches (a bitmask in table order). Exits 1 on a mismatch, naming the first cadre.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

import numpy as np
import polars as pl

from eligibility_data import generate
from eligibility_duckdb import connect, screen_duckdb, screening_sql
from eligibility_pandas import screen_pandas
from eligibility_rules import OUTCOMES, check_outcomes, thresholds
from govops.cadres.model.batch import screen
from govops.packs import load_builtin_pack
from grading_timing import best_of, yes
from machine import print_header

AS_OF = date(2025, 6, 30)
PACKAGES = ("numpy", "pandas", "polars", "duckdb", "pyarrow", "govops")
TARGET = "target: govops at least as fast as the faster hand-written peer"
Screening = dict[str, np.ndarray]  # id, verdict (0 eligible .. 2 ineligible), mask


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cadres", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender; best is kept")
    parser.add_argument("--seed", type=int, default=20260101)
    return parser.parse_args()


def govops_codes(frame: pl.DataFrame) -> Screening:
    """govops.cadres.model.batch.screen's frame as ids, verdict codes and breach bitmasks."""
    bits = {name: 1 << i for i, name in enumerate(OUTCOMES)}
    mask = frame["breaches"].list.eval(
        pl.element().cast(pl.String).replace_strict(bits, return_dtype=pl.Int64)
    )
    return {
        "id": frame["id"].to_numpy(),
        "verdict": frame["verdict"].to_physical().cast(pl.Int64).to_numpy(),
        "mask": mask.list.sum().fill_null(0).to_numpy(),
    }


def first_difference(ref: Screening, other: Screening) -> int | None:
    """The row of the first cadre screened differently, None when all agree."""
    if len(ref["id"]) != len(other["id"]):
        return min(len(ref["id"]), len(other["id"]))
    differs = (
        (ref["id"] != other["id"])
        | (ref["verdict"] != other["verdict"])
        | (ref["mask"] != other["mask"])
    )
    rows = np.flatnonzero(differs)
    return int(rows[0]) if len(rows) else None


def describe(screening: Screening, row: int) -> str:
    if row >= len(screening["id"]):
        return "(no such row)"
    mask = int(screening["mask"][row])
    names = [name for i, name in enumerate(OUTCOMES) if mask >> i & 1]
    verdict = ("eligible", "eligible_with_warnings", "ineligible")[int(screening["verdict"][row])]
    return f"cadre {screening['id'][row]}: {verdict} {names}"


def print_coverage(ref: Screening) -> None:
    verdicts = np.bincount(ref["verdict"].astype(np.int64), minlength=3)
    hits = [int(np.count_nonzero(ref["mask"] >> i & 1)) for i in range(len(OUTCOMES))]
    rarest = int(np.argmin(hits))
    print(
        f"verdicts: eligible {verdicts[0]:,}, with warnings {verdicts[1]:,}, "
        f"ineligible {verdicts[2]:,}; outcomes breached: "
        f"{sum(h > 0 for h in hits)}/{len(OUTCOMES)} (rarest {OUTCOMES[rarest]}: {hits[rarest]:,})"
    )


def run_all(args: argparse.Namespace) -> list[tuple[str, float, Screening]]:
    """(contender, best seconds, screening) for govops, pandas and DuckDB."""
    start = time.perf_counter()
    cadres, positions, assessments = generate(args.cadres, AS_OF, args.seed)
    print(
        f"data:    {cadres.height:,} cadres, {positions.height:,} positions, "
        f"{assessments.height:,} assessments, seed {args.seed}, as_of {AS_OF}, generated in "
        f"{time.perf_counter() - start:.1f} s; best of {args.repeat} runs per contender"
    )
    pack = load_builtin_pack("cn-cadre-selection")
    table, params = pack.table("eligibility"), pack.rules_as_of(AS_OF)
    check_outcomes(table)
    limits = thresholds(pack, AS_OF)
    runs = []
    seconds, out = best_of(
        lambda: screen(cadres, positions, assessments, AS_OF, table, params), args.repeat
    )
    runs.append(("govops", seconds, govops_codes(out)))
    frames = [frame.to_pandas() for frame in (cadres, positions, assessments)]
    seconds, out = best_of(lambda: screen_pandas(*frames, AS_OF, limits), args.repeat)
    runs.append(("pandas", seconds, {name: out[name].to_numpy() for name in out.columns}))
    con, sql = connect(cadres, positions, assessments), screening_sql(AS_OF, limits)
    seconds, out = best_of(lambda: screen_duckdb(con, sql), args.repeat)
    runs.append(("duckdb", seconds, out))
    print("inputs converted outside the timing: to pandas frames, to arrow for DuckDB")
    return runs


def check(runs: list[tuple[str, float, Screening]]) -> dict[str, bool]:
    ref = runs[0][2]
    identical = {"govops": True}
    for name, _, screening in runs[1:]:
        row = first_difference(ref, screening)
        identical[name] = row is None
        if row is not None:
            print(f"MISMATCH {name}: first differing cadre at row {row:,}")
            print(f"  govops: {describe(ref, row)}")
            print(f"  {name}: {describe(screening, row)}")
    identical["govops"] = all(identical.values())
    return identical


def print_table(runs: list[tuple[str, float, Screening]], identical: dict[str, bool]) -> None:
    rates = {name: len(out["id"]) / seconds for name, seconds, out in runs}
    head = f"{'contender':<12} {'records/s':>12} {'govops x':>9} {'identical':>9}"
    print(head)
    print("-" * len(head))
    for name, rate in rates.items():
        ratio = rates["govops"] / rate
        print(f"{name:<12} {rate:>12,.0f} {ratio:>9.2f} {yes(identical[name]):>9}")
    print("records = cadres screened; govops x = govops records/s ÷ contender records/s")
    peer = max((r, n) for n, r in rates.items() if n != "govops")
    met = rates["govops"] >= peer[0]
    print(f"{TARGET}: {yes(met)} (govops {rates['govops'] / peer[0]:.2f}x {peer[1]})")


def main() -> int:
    args = parse_args()
    print_header(PACKAGES)
    runs = run_all(args)
    identical = check(runs)
    print_coverage(runs[0][2])
    print()
    print_table(runs, identical)
    return 0 if all(identical.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
