"""Ingesting a day of minute rain from files as a user waits for it: `govops warnings
ingest` against a tuned polars script.

    python bench/bench_warnings_files.py [--rounds R] [--seed X] [--data DIR]

The station-minutes of bench_warnings.py (warnings_data.py: 20,000 stations, one day,
28.5 million rows, 1 % of minutes missing) written as the national station data service
delivers them (Station_Id_C, Datetime as UTC text, PRE in mm as text), in the feed's order
(minute, then station) and sorted by station, each as Parquet and as CSV, with a station
metadata file; then, for each file, each round runs as a whole process:
- govops: `govops warnings ingest --stations S --observations OBS --output OUT.parquet`,
  which reads the three stamp forms, amounts as exact decimals, accounts for every row
  read (kept, or excluded for a named reason with its first lines; notes for trace,
  rounding and rows out of order; each station's span and missing minutes) and writes the
  normalised observations;
- the peer: warnings_ingest_peer.py, a tuned polars script writing the same normalised
  observations and a shorter report (rows read and kept, each station's span); what it
  leaves out is listed in its docstring. It is the fair peer for a programmer who knows
  the data is clean and in one stamp form.

Both outputs must be identical, row for row; exits 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import polars as pl

from machine import print_header
from whole_process import GOVOPS, Contender, alternate, made_by_a_child, print_table

PEER = str(Path(__file__).with_name("warnings_ingest_peer.py"))
PACKAGES = ("polars", "pyarrow", "govops")
ORDERS = {"feed order": "minute", "by station": "station"}
FORMATS = ("parquet", "csv")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20260720)
    parser.add_argument("--data", type=Path, default=None, help="keep the files here")
    parser.add_argument("--write-only", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def name_of(order: str, suffix: str) -> str:
    return f"observations-{ORDERS[order]}.{suffix}"


def write_inputs(folder: Path, seed: int) -> None:
    from warnings_data import prepare  # noqa: PLC0415  (in the child that writes the data)

    path, _ = prepare(seed)
    normalised = pl.read_parquet(path)
    utc = pl.col("minute").dt.convert_time_zone("UTC").dt.strftime("%Y-%m-%d %H:%M:%S")
    served = normalised.select(
        Station_Id_C="station", Datetime=utc, PRE=(pl.col("rain") / 100).cast(pl.String)
    )
    ids = served["Station_Id_C"].unique().sort()
    rng = np.random.default_rng(seed)
    pl.DataFrame(
        {
            "Station_Id_C": ids,
            "Lat": np.round(39.45 + rng.random(len(ids)) * 1.2, 4),
            "Lon": np.round(115.45 + rng.random(len(ids)) * 1.9, 4),
            "Town": [f"街道{i % 336:03d}" for i in range(len(ids))],
        }
    ).write_csv(folder / "stations.csv")
    for order, first in ORDERS.items():
        ordered = served.sort(
            "Datetime" if first == "minute" else "Station_Id_C", maintain_order=True
        )
        ordered.write_parquet(folder / name_of(order, "parquet"))
        ordered.write_csv(folder / name_of(order, "csv"))
    print(f"{served.height:,} station-minutes, {len(ids):,} stations", flush=True)


def bench(folder: Path, source: Path, rounds: int) -> tuple[Contender, Contender]:
    stations = str(folder / "stations.csv")
    ours, theirs = (folder / f"{who}-{source.name}.parquet" for who in ("govops", "peer"))
    govops = Contender(
        "govops warnings ingest",
        [
            GOVOPS,
            "warnings",
            "ingest",
            "--stations",
            stations,
            "--observations",
            str(source),
            "--output",
            str(ours),
        ],
    )
    peer = Contender("polars script", [sys.executable, PEER, stations, str(source), str(theirs)])
    print(f"\n{source.name}:", flush=True)
    alternate([govops, peer], rounds)
    return govops, peer


def main() -> int:
    args = parse_args()
    if args.write_only:
        write_inputs(args.data, args.seed)
        return 0
    print_header(PACKAGES)
    with tempfile.TemporaryDirectory(prefix="govops-bench-") as scratch:
        folder = args.data or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        made_by_a_child(__file__, folder, "--seed", str(args.seed))
        sources = [folder / name_of(o, f) for f in FORMATS for o in ORDERS]
        runs = {source: bench(folder, source, args.rounds) for source in sources}
        identical = True
        for source, (govops, peer) in runs.items():
            ours = pl.read_parquet(folder / f"govops-{source.name}.parquet")
            same = ours.equals(pl.read_parquet(folder / f"peer-{source.name}.parquet"))
            identical &= same
            title = f"ingesting {source.name} (identical output: {'yes' if same else 'NO'})"
            print_table(title, govops, [peer])
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
