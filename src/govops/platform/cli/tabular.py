"""Reading and writing record files (CSV or Parquet) for batch work."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl

from govops.platform.cli.output import decode_text, fail

FORMATS = (".csv", ".parquet")


def check_format(path: Path, role: str) -> None:
    if path.suffix.lower() not in FORMATS:
        fail(f"{path}: {role} must be .csv or .parquet")


def read_records(path: Path, encoding: str = "utf-8") -> pl.DataFrame:
    """CSV cells are read as text, so that figures are parsed exactly (never through a
    float) and a late oddity in a column cannot break type inference."""
    check_format(path, "input")
    if not path.is_file():
        fail(f"{path}: no such file")
    try:
        if path.suffix.lower() == ".csv":
            text = decode_text(path.read_bytes(), str(path), encoding)
            _refuse_repeated_headers(text, path)
            return pl.read_csv(io.StringIO(text), infer_schema=False)
        return pl.read_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as error:
        fail(f"{path}: cannot read: {error}")


def _refuse_repeated_headers(text: str, path: Path) -> None:
    header = next(csv.reader(io.StringIO(text)), [])
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        fail(f"{path}: column {repeated[0]!r} appears more than once in the header")


def write_records(frame: pl.DataFrame, path: Path) -> None:
    check_format(path, "output")
    try:
        if path.suffix.lower() == ".csv":
            # A byte-order mark lets Excel on a Chinese Windows PC open the file as UTF-8.
            frame.with_columns(pl.col(pl.Enum).cast(pl.String)).write_csv(path, include_bom=True)
        else:
            frame.write_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as error:
        fail(f"{path}: cannot write: {error}")
