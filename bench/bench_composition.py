"""Check the make-up of every residents' committee of a province: govops against DuckDB.

    python bench/bench_composition.py [--committees N] [--repeat R] [--seed S]

End to end as a user waits for it: the Parquet files of people, organisations, seats and
recorded exceptions read from disk, every committee checked against the pack
cn-community-organizations (table `committee`), the verdicts and breaches written back as
Parquet. govops.communities.model.composition_batch.check_committees is the reference (it
agrees with a single committee's check: tests/unit/communities/model); the hand-written
DuckDB query must give every committee the same verdict and the same breaches in the same
order. Exits 1 on a mismatch, naming the first committee.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

from composition_data import generate
from composition_duckdb import OUTCOMES, composition_sql
from govops.communities.model.composition_batch import check_committees
from govops.packs import load_builtin_pack
from grading_timing import best_of, print_against_peers
from machine import print_header

AS_OF = date(2026, 6, 30)
PACKAGES = ("numpy", "polars", "duckdb", "pyarrow", "govops")
TARGET = "target: govops at least as fast as the hand-written DuckDB query (identical results)"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--committees", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender; best is kept")
    parser.add_argument("--seed", type=int, default=20261207)
    return parser.parse_args()


def run_govops(folder: Path) -> pl.DataFrame:
    pack = load_builtin_pack("cn-community-organizations")
    frames = {
        name: pl.read_parquet(folder / f"{name}.parquet")
        for name in ("people", "organisations", "seats", "exceptions")
    }
    checked = check_committees(
        frames["people"], frames["organisations"], frames["seats"], AS_OF,
        pack.table("committee"), pack.rules_as_of(AS_OF), frames["exceptions"],
    )  # fmt: skip
    out = checked.select(
        "organisation",
        pl.col("verdict").to_physical().cast(pl.Int64),
        pl.col("breaches").cast(pl.List(pl.String)),
    )
    out.write_parquet(folder / "govops.parquet")
    return out


def run_duckdb(folder: Path) -> pl.DataFrame:
    pack = load_builtin_pack("cn-community-organizations")
    sql = composition_sql(str(folder), AS_OF, pack.rules_as_of(AS_OF))
    con = duckdb.connect()
    con.execute(f"COPY ({sql}) TO '{folder}/duckdb.parquet' (FORMAT parquet)")
    con.close()
    return pl.read_parquet(folder / "duckdb.parquet")


def compare(ref: pl.DataFrame, other: pl.DataFrame) -> str | None:
    """The first committee checked differently, None when all agree."""
    joined = ref.join(other, on="organisation", how="full", suffix="_peer", coalesce=True)
    differs = joined.filter(
        (pl.col("verdict") != pl.col("verdict_peer")).fill_null(True)
        | (pl.col("breaches") != pl.col("breaches_peer")).fill_null(True)
    )
    if differs.height == 0 and ref.height == other.height:
        return None
    row = differs.row(0, named=True) if differs.height else {"organisation": "(row count)"}
    return str(row)


def main() -> int:
    args = parse_args()
    print_header(PACKAGES)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        start = time.perf_counter()
        data = generate(args.committees, AS_OF, args.seed)
        for name, frame in data.items():
            frame.write_parquet(folder / f"{name}.parquet")
        print(
            f"data:    {args.committees:,} committees, {data['people'].height:,} people, "
            f"{data['seats'].height:,} seats, {data['exceptions'].height:,} recorded exceptions, "
            f"seed {args.seed}, as of {AS_OF}; "
            f"written as Parquet in {time.perf_counter() - start:.1f} s; "
            f"best of {args.repeat} runs, files in to files out"
        )
        runs = []
        for name, run in (("govops", run_govops), ("duckdb", run_duckdb)):
            seconds, out = best_of(lambda run=run: run(folder), args.repeat)
            runs.append((name, seconds, out))
    ref = runs[0][2]
    mismatch = compare(ref, runs[1][2])
    if mismatch is not None:
        print(f"MISMATCH duckdb: {mismatch}")
    counts = ref.group_by("verdict").len().sort("verdict")
    hit = {name: ref.filter(pl.col("breaches").list.contains(name)).height for name, _ in OUTCOMES}
    print(
        "verdicts: "
        + ", ".join(f"{v}: {n:,}" for v, n in counts.iter_rows())
        + f"; outcomes breached: {sum(1 for n in hit.values() if n)}/{len(OUTCOMES)} (rarest "
        + "{}: {:,})".format(*min(hit.items(), key=lambda kv: kv[1]))
    )
    print_against_peers(runs, args.committees, "committees", mismatch, TARGET)
    return 0 if mismatch is None else 1


if __name__ == "__main__":
    sys.exit(main())
