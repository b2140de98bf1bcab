"""Rainstorm statistics from minute observations: govops against hand-written dense numpy,
polars, DuckDB and pandas, side by side in one run.

    python bench/bench_warnings.py [--repeat R] [--seed S] [--skip pandas,duckdb]

The data (warnings_data): 20,000 stations in 336 streets of 16 districts, one day of minute
rain (28.8 million station-minutes, about 1 % missing, so 28.5 million rows) with a storm
crossing the city. Every contender computes the same thing: per station the rain over the
last 1, 3, 6, 12 and 24 hours by time; per area (street, district, city: 353 areas) and
minute the number of stations counting (a reading within the last 10 minutes: govops' gap
policy) and the mean and maximum of each window over them; the level of the maxima by the
rainstorm signal table, raised in a district and the city to the level a silent street
holds when that is higher (the outage street below).

Input, in memory, prepared outside the timing: govops, numpy and polars get the polars frame read
from the cached Parquet file (station String, minute Datetime[ms, Asia/Shanghai], rain Int32; one
chunk); DuckDB gets the same rows as its own table; pandas gets them as a pandas frame. The areas
are given to each in its own form, outside the timing. Timed: from those rows to the area table,
including the dense grid's construction for govops and numpy. govops's run is
`govops.warnings.model.weather.compute.compute` (the `govops warnings compute` engine), whose table
also names each level's deciding station and marks the levels held through a gap (no station
reporting), which the peers do not. Its kernels are compiled by numba on the first run on a machine
(about 10 s, then cached): that is done, and shown, before the timing.

The check: the area tables must be identical (every area and minute with a station
counting: stations counting, level, and per window the mean as sum / (100 x reporting)
and the maximum / 100, in mm, bit for bit; a held level, where none counts, is govops'
alone). Exits 1 on a mismatch.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from govops.packs import load_builtin_pack
from govops.warnings.model.weather.compute import compute, kernels_cached, millimetres
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import SignalRules
from grading_timing import best_of, yes
from machine import print_header
from warnings_data import CITY, MINUTES, STATIONS, areas, prepare
from warnings_peers import (
    NAMES,
    connect,
    warnings_duckdb,
    warnings_numpy,
    warnings_pandas,
    warnings_polars,
)

PACKAGES = ("numpy", "pandas", "polars", "duckdb", "pyarrow", "govops")
TARGET_SECONDS = 0.35
Run = Callable[[], pl.DataFrame]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per fast contender; best kept")
    parser.add_argument("--seed", type=int, default=20260720)
    parser.add_argument("--skip", default="", help="contenders to leave out, comma-separated")
    return parser.parse_args()


def normalised(frame: pl.DataFrame, govops: bool = False) -> pl.DataFrame:
    """One shape: the area-minutes with a station reporting, figures in mm as govops writes
    them (govops.warnings.model.weather.compute.millimetres: correctly rounded divisions)."""
    frame = frame.filter(pl.col("reporting") > 0)
    keys = frame.select(
        pl.col("area").cast(pl.String),
        pl.col("minute").cast(pl.Datetime("ms", "Asia/Shanghai")),
        pl.col("reporting").cast(pl.Int64),
        pl.col("level").cast(pl.String),
    )
    figures = {}
    for name in NAMES:
        if govops:
            mean, top = frame[f"{name}_mean"].to_numpy(), frame[f"{name}_max"].to_numpy()
        else:
            mean, top = millimetres(
                frame[f"{name}_sum"].cast(pl.Int64).to_numpy(),
                frame[f"{name}_max"].cast(pl.Int64).to_numpy(),
                keys["reporting"].to_numpy(),
            )
        figures[f"{name}_mean"], figures[f"{name}_max"] = mean, top
    return keys.with_columns(**figures).sort("area", "minute")


@dataclass
class Setting:
    path: Path
    frame: pl.DataFrame
    layout: StationLayout
    rules: SignalRules
    stations: pl.DataFrame  # station, street
    parents: pl.DataFrame  # street, district, city
    position: dict[str, int]  # station -> place on the axis
    starts: np.ndarray  # first station of each street on the axis
    streets: list[str]  # in axis order


def setting(seed: int) -> Setting:
    path, ids = prepare(seed)
    codes, members, children = areas()
    streets = [s for district in children for s in children[district]]
    street_of = {ids[i]: street for street in streets for i in members[street]}
    pack = load_builtin_pack("cn-xicheng-em-14fyp")
    table, parameters = pack.table("rainstorm_signal"), pack.rules_as_of(date(2026, 7, 20))
    return Setting(
        path=path,
        frame=pl.read_parquet(path).rechunk(),
        layout=StationLayout(
            tuple(ids),
            tuple(codes),
            members,
            {CITY: tuple(children)} | {d: tuple(streets) for d, streets in children.items()},
        ),
        rules=SignalRules.from_table(table, parameters),
        stations=pl.DataFrame({"station": list(street_of), "street": list(street_of.values())}),
        parents=pl.DataFrame(
            {
                "street": streets,
                "district": [d for d in children for _ in children[d]],
                "city": [CITY] * len(streets),
            }
        ),
        position={s: i for i, s in enumerate(ids)},
        starts=np.array([members[s][0] for s in streets]),
        streets=streets,
    )


def contenders(s: Setting, repeat: int, skip: set[str]) -> list[tuple[str, Run, int]]:
    """(name, run, runs to take the best of): the slow ones fewer times."""
    frame = s.frame
    runs: list[tuple[str, Run, int]] = [
        ("govops", lambda: compute(frame, s.layout, s.rules), repeat),
        (
            "numpy",
            lambda: warnings_numpy(frame, s.position, s.starts, s.parents, s.streets),
            repeat,
        ),
        ("polars", lambda: warnings_polars(frame, s.stations, s.parents), max(1, repeat // 3)),
    ]
    if "duckdb" not in skip:
        con = connect(frame, s.stations, s.parents)
        runs.append(("duckdb", lambda: warnings_duckdb(con, s.parents), max(1, repeat // 3)))
    if "pandas" not in skip:
        obs, stations = frame.to_pandas(), s.stations.to_pandas()
        runs.append(("pandas", lambda: warnings_pandas(obs, stations, s.parents), 1))
    return [run for run in runs if run[0] not in skip]


def run_all(args: argparse.Namespace) -> list[tuple[str, float, pl.DataFrame]]:
    start = time.perf_counter()
    s = setting(args.seed)
    print(
        f"data:    {s.frame.height:,} rows ({STATIONS:,} stations x {MINUTES:,} minutes, "
        f"{1 - s.frame.height / (STATIONS * MINUTES):.2%} missing), 336 streets in 16 "
        f"districts and the city; seed {args.seed}; {s.path}; "
        f"ready in {time.perf_counter() - start:.1f} s"
    )
    warm_up(s)
    runs = []
    for name, run, repeat in contenders(s, args.repeat, set(filter(None, args.skip.split(",")))):
        seconds, out = best_of(run, repeat)
        runs.append((name, seconds, normalised(out, govops=name == "govops")))
        print(f"ran:     {name}, best of {repeat}: {seconds:.3f} s")
        if name == "govops":
            raised = out.filter(pl.col("held_via").is_not_null())
            print(
                f"policy:  {out.filter(pl.col('held')).height:,} area-minutes held, "
                f"{raised.height:,} at a silent street's held level "
                f"({', '.join(sorted(set(raised['area'].to_list()))) or 'none'})"
            )
    return runs


def warm_up(s: Setting) -> None:
    """govops' kernels, compiled or loaded from numba's cache on one row, untimed."""
    cached = kernels_cached()
    start = time.perf_counter()
    compute(s.frame.head(1), s.layout, s.rules)
    how = {True: "loaded from numba's cache", False: "compiled (first run on this machine)"}
    how_now = how.get(cached, "made ready")
    print(f"kernels: govops' {how_now} in {time.perf_counter() - start:.1f} s, not timed")


def compare(ref: pl.DataFrame, other: pl.DataFrame) -> tuple[bool, str]:
    if ref.height != other.height:
        return False, f"{other.height:,} area-minutes against {ref.height:,}"
    if ref.equals(other):
        return True, f"identical ({ref.height:,} area-minutes, every figure bit for bit)"
    for column in ref.columns:
        differ = ref[column].ne_missing(other[column])
        if differ.any():
            first = int(differ.arg_true()[0])
            return False, f"{column} differs on {int(differ.sum()):,} rows, first {ref.row(first)}"
    return False, "differs"


def main() -> int:
    args = parse_args()
    print_header(PACKAGES)
    runs = run_all(args)
    ref = runs[0][2]
    levels = ref.group_by("level").len().sort("level", nulls_last=True).rows()
    print("levels:  " + ", ".join(f"{level or 'none'} {n:,}" for level, n in levels))
    identical = {"govops": True}
    for name, _, table in runs[1:]:
        identical[name], detail = compare(ref, table)
        print(f"check:   {name} against govops: {detail}")
    rows = STATIONS * MINUTES
    rates = {name: rows / seconds for name, seconds, _ in runs}
    print()
    head = f"{'contender':<10} {'seconds':>8} {'rows/s':>14} {'govops x':>9} {'identical':>9}"
    print(head)
    print("-" * len(head))
    for name, seconds, _ in runs:
        print(
            f"{name:<10} {seconds:>8.3f} {rates[name]:>14,.0f} "
            f"{rates['govops'] / rates[name]:>9.1f} {yes(identical[name]):>9}"
        )
    print("rows = station-minutes (20,000 x 1,440); govops x = how many times faster govops is")
    seconds = runs[0][1]
    met = yes(seconds <= TARGET_SECONDS)
    print(f"target: govops at most {TARGET_SECONDS} s: {met} ({seconds:.3f} s)")
    return 0 if all(identical.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
