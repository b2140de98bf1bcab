"""Rainstorm statistics minute by minute: govops' streaming engine against a hand-written
numpy ring of cumulative sums and DuckDB re-querying the last 24 hours.

    python bench/bench_warnings_stream.py [--stations 20000,76000] [--minutes 1440]
                                          [--duckdb-minutes 3] [--seed S]

For each network size, the same synthetic minutes (bench/warnings_stream_data.py: counties
of about 27 stations in 31 provinces, storms crossing the plane, missing readings) are fed
to govops (`StreamState.advance`, which also builds the AreaSteps of the areas whose level
changed) and to the numpy ring in lockstep. A full day (1,441 minutes) warms the rings up
first, so that every window is full and values leave it; then --minutes minutes are timed
one by one (median and 99th percentile). Every minute, warm-up included, both must give the
same per-area figures: stations counting (a reading within 10 minutes), maximum and sum
over them of the 1, 3, 6, 12 and 24 h accumulations, and the level (max method, a province
raised to a held county's level). DuckDB is slow, so it is loaded with the last day of
data after the run and queried at the last --duckdb-minutes minutes only, checked against
govops' figures at those minutes. Exits 1 on any difference."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import polars as pl

from govops.packs import load_builtin_pack
from govops.warnings.model.weather.levels import SignalRules
from govops.warnings.model.weather.stream import RING, StreamState
from govops.warnings.model.weather.stream_steps import MinuteStats
from grading_timing import yes
from machine import print_header
from warnings_stream_data import Network, Rain, network, storms
from warnings_stream_peers import (
    NumpyRing,
    duckdb_append,
    duckdb_connect,
    duckdb_query,
    raised,
    thresholds,
)

PACKAGES = ("numpy", "polars", "duckdb", "govops")
TARGET_MS = 1.5  # govops median per minute at the national network's size
TARGET_STATIONS = 76_000
START = datetime(2026, 7, 1, 0, 1, tzinfo=ZoneInfo("Asia/Shanghai"))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", default="20000,76000", help="network sizes, comma-separated")
    parser.add_argument("--minutes", type=int, default=1440, help="minutes timed after warm-up")
    parser.add_argument("--duckdb-minutes", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20260701)
    return parser.parse_args()


def area_positions(net: Network) -> tuple[np.ndarray, np.ndarray]:
    where = {code: k for k, code in enumerate(net.layout.areas)}
    return np.array([where[c] for c in net.counties]), np.array([where[p] for p in net.provinces])


def same_as_numpy(stats: MinuteStats, out: dict[str, np.ndarray], places: tuple) -> bool:
    ok = True
    for kind, positions in zip(("county", "province"), places, strict=True):
        ok &= np.array_equal(stats.reporting[positions], out[f"{kind}_reporting"])
        ok &= np.array_equal(stats.maximum[:, positions], out[f"{kind}_max"])
        ok &= np.array_equal(stats.total[:, positions], out[f"{kind}_total"])
        ok &= np.array_equal(stats.level[positions], out[f"{kind}_level"])
    return bool(ok)


def same_as_duckdb(
    stats: MinuteStats, frame: pl.DataFrame, places: tuple, ring: dict[str, np.ndarray]
) -> bool:
    """DuckDB gives no row for an area where no station counts: -1 maximum, 0 sum; its
    level there, held from earlier minutes, is checked against the numpy ring only, and the
    provinces' levels are raised to the numpy ring's held counties (`ring`)."""
    ok = True
    for kind, positions in zip(("county", "province"), places, strict=True):
        rows = frame.filter(pl.col("kind") == kind)
        area = rows["area"].to_numpy()
        reporting = np.zeros(len(positions), np.int64)
        reporting[area] = rows["reporting"].to_numpy()
        level = np.full(len(positions), -1, np.int8)
        level[area] = rows["level"].to_numpy()
        if kind == "province":
            level = raised(level, ring["county_held"], ring["starts"])
        ok &= np.array_equal(stats.reporting[positions], reporting)
        ok &= np.array_equal(np.where(reporting > 0, stats.level[positions], -1), level)
        for k in range(5):
            highest = np.full(len(positions), -1, np.int64)
            highest[area] = rows[f"max{k}"].to_numpy()
            total = np.zeros(len(positions), np.int64)
            total[area] = rows[f"total{k}"].to_numpy()
            ok &= np.array_equal(stats.maximum[k, positions], highest)
            ok &= np.array_equal(stats.total[k, positions], total)
    return bool(ok)


def run_size(stations: int, args: argparse.Namespace, rules: SignalRules) -> list[tuple]:
    bounds = thresholds(rules)
    net = network(stations, args.seed)
    total = RING + args.minutes
    rain = Rain(net, storms(total, args.seed), args.seed)
    engine, peer = StreamState(net.layout, rules, "max"), NumpyRing(net, bounds)
    places = area_positions(net)
    timed = {"govops": [], "numpy ring": []}
    sampled = range(total - args.duckdb_minutes, total)
    kept: dict[int, MinuteStats] = {}
    rings: dict[int, dict[str, np.ndarray]] = {}
    identical, changes, warned, raised_minutes = True, 0, 0, 0
    gc.disable()
    for t in range(total):
        values, minute = rain.at(t), START + timedelta(minutes=t)
        begin = time.perf_counter()
        stats = engine.advance(minute, values)
        middle = time.perf_counter()
        out = peer.advance(values)
        end = time.perf_counter()
        if t >= RING:
            timed["govops"].append(middle - begin)
            timed["numpy ring"].append(end - middle)
            changes += len(stats.steps)
        identical &= same_as_numpy(stats, out, places)
        if t in sampled:
            kept[t] = stats
            rings[t] = {"county_held": out["county_held"], "starts": net.province_starts}
        raised_minutes += int((stats.via >= 0).any())
    gc.enable()
    warned = int((stats.level >= 0).sum())
    print(
        f"data:    {stations:,} stations, {len(net.counties):,} counties + {len(net.provinces)} "
        f"provinces = {len(net.layout.areas):,} areas; {args.minutes:,} minutes timed after "
        f"{RING:,} of warm-up; {changes:,} level changes (AreaSteps built) in the timed "
        f"minutes, {warned:,} areas at a level at the end; {raised_minutes:,} minutes with a "
        "province at a held county's level"
    )
    print(f"check:   numpy ring against govops, every minute: {yes(identical)}")
    rows = [(stations, "govops", np.array(timed["govops"]), True)]
    rows.append((stations, "numpy ring", np.array(timed["numpy ring"]), identical))
    rows.append(duckdb_row(net, rain, sampled, (kept, rings), places, bounds))
    return rows


def duckdb_row(
    net: Network, rain: Rain, sampled: range, kept: tuple, places: tuple, bounds: dict
) -> tuple:
    con = duckdb_connect(net)
    start = time.perf_counter()
    for t in range(sampled.start - RING + 1, sampled.stop):
        duckdb_append(con, t, rain.at(t))
    loaded = time.perf_counter() - start
    seconds, identical = [], True
    for t in sampled:
        begin = time.perf_counter()
        frame = duckdb_query(con, t, bounds)
        seconds.append(time.perf_counter() - begin)
        identical &= same_as_duckdb(kept[0][t], frame, places, kept[1][t])
    rows = con.execute("SELECT COUNT(*) FROM obs").fetchone()
    print(
        f"check:   DuckDB against govops at {len(sampled)} minutes ({rows[0]:,} rows of "
        f"the last day, loaded in {loaded:.0f} s, not timed): {yes(identical)}"
    )
    con.close()
    return (net.stations, "DuckDB (24 h query)", np.array(seconds), identical)


def print_table(rows: list[tuple]) -> bool:
    head = (
        f"{'stations':>8} {'contender':<20} {'median ms':>10} {'p99 ms':>9} "
        f"{'govops x':>9} {'identical':>9}"
    )
    print(head)
    print("-" * len(head))
    medians = {(n, name): float(np.median(s)) * 1e3 for n, name, s, _ in rows}
    for n, name, seconds, same in rows:
        p99 = float(np.percentile(seconds, 99)) * 1e3
        ratio = medians[(n, name)] / medians[(n, "govops")]
        print(
            f"{n:>8,} {name:<20} {medians[(n, name)]:>10.3f} {p99:>9.3f} "
            f"{ratio:>9.1f} {yes(same):>9}"
        )
    print("govops x = contender's median time per minute ÷ govops' (above 1: govops is faster)")
    national = [m for (n, name), m in medians.items() if name == "govops" and n >= TARGET_STATIONS]
    if national:
        met = all(m <= TARGET_MS for m in national)
        print(
            f"target: govops within {TARGET_MS} ms per minute for {TARGET_STATIONS:,} "
            f"stations: {yes(met)}"
        )
    return all(same for *_, same in rows)


def main() -> int:
    args = parse_args()
    print_header(PACKAGES)
    pack = load_builtin_pack("cn-xicheng-em-14fyp")
    rules = SignalRules.from_table(
        pack.table("rainstorm_signal"), pack.rules_as_of(date(2026, 7, 1))
    )
    rows = []
    for stations in (int(s) for s in args.stations.split(",")):
        rows += run_size(stations, args, rules)
    print()
    return 0 if print_table(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
