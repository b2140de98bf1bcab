"""Reading and writing record files (CSV or Parquet) for batch work."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from govops.cli.output import fail

FORMATS = (".csv", ".parquet")


def read_records(path: Path) -> pl.DataFrame:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        fail(f"{path}: input must be .csv or .parquet")
    if not path.is_file():
        fail(f"{path}: no such file")
    try:
        if suffix == ".csv":
            return pl.read_csv(path, infer_schema_length=10_000)
        return pl.read_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as error:
        fail(f"{path}: cannot read: {error}")


def write_records(frame: pl.DataFrame, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        fail(f"{path}: output must be .csv or .parquet")
    try:
        if suffix == ".csv":
            frame.with_columns(pl.col(pl.Enum).cast(pl.String)).write_csv(path)
        else:
            frame.write_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as error:
        fail(f"{path}: cannot write: {error}")
