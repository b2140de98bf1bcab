"""The peer of `govops batch <pack> grade INPUT OUTPUT` as a whole process: a plain polars
script reading the same file, grading with hand-written expressions (the clauses in
priority order, each record's level and deciding clause) and writing every input column
plus the result to Parquet, then printing the count of each level, as govops does.

It checks nothing (no negative or fractional figure, no empty cell refused, no figure
written in words) and reads CSV columns by polars's type inference (hours as floats): the
fastest honest script a programmer would write for files known to be clean.

Usage: python grading_file_peer.py INPUT OUTPUT THRESHOLDS_JSON
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polars as pl

from grading_rules import CLAUSE_IDS, LEVELS, clause_conditions


def first_match(conditions: list[pl.Expr], labels: tuple[str, ...]) -> pl.Expr:
    dtype = pl.Enum(labels)
    return pl.coalesce(
        pl.when(condition).then(pl.lit(label, dtype=dtype))
        for condition, label in zip(conditions, labels, strict=True)
    )


def main() -> int:
    source, target, thresholds = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
    conditions = clause_conditions(pl.col, thresholds)
    levels = [pl.any_horizontal(conditions[level]) for level in LEVELS]
    ordered = [condition for level in LEVELS for condition in conditions[level]]
    read = pl.scan_csv(source) if source.suffix == ".csv" else pl.scan_parquet(source)
    graded = read.with_columns(
        outcome=first_match(levels, LEVELS), clause=first_match(ordered, CLAUSE_IDS)
    ).collect()
    graded.write_parquet(target)
    counts = graded.get_column("outcome").drop_nulls().value_counts(sort=True)
    print(json.dumps({str(level): n for level, n in counts.iter_rows()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
