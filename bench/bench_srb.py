"""The sex ratio at birth with exact intervals from individual birth records: govops against
hand-written pandas + scipy and DuckDB + scipy.

    python bench/bench_srb.py [--records N] [--repeat R] [--seed S]

Every contender starts from the same Parquet file of birth records (area_code, year, boy;
written once to a cache folder, not timed) and produces the same table: per commune-year,
district-year and province-year, boys, girls, srb, ci_low, ci_high. The areas (code, level,
parent) are given to each in its own form, outside the timing. Counts must agree exactly and
figures bit for bit; a float difference is reported and fails the run above 1e-12 relative.
Exits 1 on a mismatch.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
import polars as pl

from govops.programmes.model.srb.areas import LEVELS, parse_areas
from govops.programmes.model.srb.counts import count_records
from govops.programmes.model.srb.ratio import estimate_levels
from grading_timing import best_of, yes
from machine import print_header
from srb_data import YEARS, areas_csv, prepare
from srb_peers import connect, srb_duckdb, srb_pandas

PACKAGES = ("numpy", "scipy", "pandas", "polars", "duckdb", "pyarrow", "govops")
TARGET = "target: govops at least as fast as the faster hand-written peer"
FIGURES = ("srb", "ci_low", "ci_high")
TOLERANCE = 1e-12


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=7, help="runs per contender; best is kept")
    parser.add_argument("--seed", type=int, default=20260101)
    return parser.parse_args()


def normalised(frame: pl.DataFrame) -> pl.DataFrame:
    """One shape for every contender's table, in one order; NaN as null."""
    return frame.select(
        pl.col("level").cast(pl.String),
        pl.col("area").cast(pl.String),
        pl.col("year").cast(pl.Int32),
        pl.col("boys").cast(pl.Int64),
        pl.col("girls").cast(pl.Int64),
        *(pl.col(name).cast(pl.Float64).fill_nan(None) for name in FIGURES),
    ).sort("level", "area", "year")


def compare(ref: pl.DataFrame, other: pl.DataFrame) -> tuple[bool, str]:
    """(identical within the tolerance, what differs)."""
    keys = ["level", "area", "year", "boys", "girls"]
    if ref.height != other.height or not ref.select(keys).equals(other.select(keys)):
        return False, f"rows or counts differ ({ref.height:,} against {other.height:,} rows)"
    worst, unequal = 0.0, 0
    for name in FIGURES:
        a, b = ref[name].to_numpy(), other[name].to_numpy()
        if not np.array_equal(np.isnan(a), np.isnan(b)):
            return False, f"{name}: missing in one table, present in the other"
        both = ~np.isnan(a)
        unequal += int(np.count_nonzero(a[both] != b[both]))
        rel = np.abs(a[both] - b[both]) / np.maximum(np.abs(a[both]), np.finfo(float).tiny)
        worst = max(worst, float(rel.max(initial=0.0)))
    if not unequal:
        return True, "bit-identical"
    return worst <= TOLERANCE, f"{unequal:,} figures differ, max relative difference {worst:.1e}"


def run_all(args: argparse.Namespace) -> list[tuple[str, float, pl.DataFrame]]:
    start = time.perf_counter()
    path, areas = prepare(args.records, args.seed)
    hierarchy = parse_areas(areas_csv(areas))
    size = path.stat().st_size / 1e6
    print(
        f"data:    {args.records:,} birth records, {len(hierarchy.codes('commune')):,} "
        f"communes, {len(hierarchy.codes('district'))} districts, "
        f"{len(hierarchy.codes('province'))} provinces, {YEARS} years, seed {args.seed}; "
        f"{path} ({size:.0f} MB), ready in {time.perf_counter() - start:.1f} s; "
        f"best of {args.repeat} runs per contender"
    )

    def govops() -> pl.DataFrame:
        return estimate_levels(count_records(pl.scan_parquet(path), hierarchy), hierarchy, LEVELS)

    areas_pandas = areas.to_pandas()
    con = connect(areas_pandas)
    runs = []
    for name, run in (
        ("govops", govops),
        ("pandas+scipy", lambda: srb_pandas(path, areas_pandas)),
        ("duckdb+scipy", lambda: srb_duckdb(con, path)),
    ):
        seconds, out = best_of(run, args.repeat)
        frame = out if isinstance(out, pl.DataFrame) else pl.from_pandas(out)
        runs.append((name, seconds, normalised(frame)))
    return runs


def print_table(
    runs: list[tuple[str, float, pl.DataFrame]], records: int, identical: dict[str, bool]
) -> None:
    rates = {name: records / seconds for name, seconds, _ in runs}
    head = f"{'contender':<14} {'seconds':>8} {'records/s':>13} {'govops x':>9} {'identical':>9}"
    print(head)
    print("-" * len(head))
    for name, seconds, _ in runs:
        ratio = rates["govops"] / rates[name]
        print(
            f"{name:<14} {seconds:>8.3f} {rates[name]:>13,.0f} {ratio:>9.2f} "
            f"{yes(identical[name]):>9}"
        )
    print("records = birth records read; govops x = govops records/s ÷ contender records/s")
    peer = max((rate, name) for name, rate in rates.items() if name != "govops")
    met = rates["govops"] >= peer[0]
    print(f"{TARGET}: {yes(met)} (govops {rates['govops'] / peer[0]:.2f}x {peer[1]})")


def main() -> int:
    args = parse_args()
    print_header(PACKAGES)
    runs = run_all(args)
    ref = runs[0][2]
    levels = ref.group_by("level").len().sort("level").rows()
    print("rows:    " + ", ".join(f"{level} {n:,}" for level, n in levels))
    identical = {"govops": True}
    for name, _, table in runs[1:]:
        identical[name], detail = compare(ref, table)
        print(f"check:   {name} against govops: {detail}")
    print()
    print_table(runs, args.records, identical)
    return 0 if all(identical.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
