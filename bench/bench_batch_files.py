"""Grading whole files as a user waits for it: `govops batch` against a plain polars script.

    python bench/bench_batch_files.py [--rows N] [--rounds R] [--seed X] [--data DIR]

The seeded synthetic incidents of bench_grading.py (grading_data.py), written once as CSV
and as Parquet; then, for each file, each round runs as a whole process (interpreter start,
imports, reading, deciding, writing Parquet, printing the counts):
- govops: `govops batch cn-county-mass-incident grade INPUT OUTPUT`, which checks every
  cell as a single decision would (figures exact, text figures parsed, flags true/false,
  no negative or fractional count, no empty cell without a default) and records the
  deciding clause;
- the peer: grading_file_peer.py, hand-written polars expressions of the same clauses with
  the thresholds read from the pack, reading by polars's type inference, checking nothing.
  It is the fair peer for a user with clean files and a programmer: the shortest correct
  script, with nothing govops does left out of its output (level and clause per record).

Both outputs must give every record the same level and clause; exits 1 otherwise.
Wall time is the median of the rounds; memory is the peak resident size of the process.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import polars as pl

from grading_data import THRESHOLDS, generate, to_frame
from machine import print_header
from whole_process import GOVOPS, Contender, alternate, made_by_a_child, print_table

PACK = "cn-county-mass-incident"
PEER = str(Path(__file__).with_name("grading_file_peer.py"))
PACKAGES = ("polars", "pyarrow", "govops")
INPUTS = {"CSV": "csv", "Parquet": "parquet"}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--data", type=Path, default=None, help="keep the files here")
    parser.add_argument("--write-only", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def write_inputs(folder: Path, rows: int, seed: int) -> None:
    frame = to_frame(generate(rows, seed))
    inputs = {name: folder / f"incidents.{suffix}" for name, suffix in INPUTS.items()}
    frame.write_csv(inputs["CSV"])
    frame.write_parquet(inputs["Parquet"])
    for name, path in inputs.items():
        print(f"{name}: {path.stat().st_size / 1e6:,.0f} MB, {rows:,} records", flush=True)


def same_grades(govops_out: Path, peer_out: Path) -> bool:
    columns = ["outcome", "clause"]
    ours = pl.read_parquet(govops_out, columns=columns).cast(pl.String)
    theirs = pl.read_parquet(peer_out, columns=columns).cast(pl.String)
    return ours.equals(theirs)


def bench(folder: Path, name: str, source: Path, rounds: int) -> tuple[Contender, Contender]:
    thresholds = json.dumps(THRESHOLDS)
    ours, theirs = folder / f"govops-{name}.parquet", folder / f"peer-{name}.parquet"
    govops = Contender("govops batch", [GOVOPS, "batch", PACK, "grade", str(source), str(ours)])
    peer = Contender("polars script", [sys.executable, PEER, str(source), str(theirs), thresholds])
    print(f"\n{name}:", flush=True)
    alternate([govops, peer], rounds)
    return govops, peer


def main() -> int:
    args = parse_args()
    if args.write_only:  # in a process of its own: whole_process.made_by_a_child
        write_inputs(args.data, args.rows, args.seed)
        return 0
    print_header(PACKAGES)
    with tempfile.TemporaryDirectory(prefix="govops-bench-") as scratch:
        folder = args.data or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        made_by_a_child(__file__, folder, "--rows", str(args.rows), "--seed", str(args.seed))
        runs = {
            name: bench(folder, name, folder / f"incidents.{suffix}", args.rounds)
            for name, suffix in INPUTS.items()
        }
        identical = True
        for name, (govops, peer) in runs.items():
            same = same_grades(folder / f"govops-{name}.parquet", folder / f"peer-{name}.parquet")
            identical &= same
            print_table(
                f"grading from {name} (identical grades: {'yes' if same else 'NO'})", govops, [peer]
            )
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
