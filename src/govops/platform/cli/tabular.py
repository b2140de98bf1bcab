"""Reading and writing record files (CSV or Parquet) for batch work. Problems stop the
command in its language (`t`, see `govops.platform.cli.output`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl

from govops.platform.cli.output import decode_text, fail, translator_or_default
from govops.platform.i18n.translator import Translator

FORMATS = (".csv", ".parquet")


def check_format(path: Path, role: str, t: Translator | None = None) -> None:
    """`role` names the file as the command's usage does (INPUT, OUTPUT, --output)."""
    if path.suffix.lower() not in FORMATS:
        said = translator_or_default(t)
        fail(said._("{path}: {role} must be .csv or .parquet", path=str(path), role=role))


def read_records(path: Path, encoding: str = "utf-8", t: Translator | None = None) -> pl.DataFrame:
    """CSV cells are read as text, so that figures are parsed exactly (never through a
    float) and a late oddity in a column cannot break type inference."""
    said = translator_or_default(t)
    check_format(path, "INPUT", said)
    if not path.is_file():
        fail(said._("{path}: no such file", path=str(path)))
    try:
        if path.suffix.lower() == ".csv":
            text = decode_text(path.read_bytes(), str(path), encoding, said)
            _refuse_repeated_headers(text, path, said)
            return pl.read_csv(io.StringIO(text), infer_schema=False)
        return pl.read_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as error:
        fail(said._("{path}: cannot read: {error}", path=str(path), error=str(error)))


def _refuse_repeated_headers(text: str, path: Path, t: Translator) -> None:
    header = next(csv.reader(io.StringIO(text)), [])
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        fail(
            t._(
                "{path}: column {column} appears more than once in the header",
                path=str(path),
                column=repr(repeated[0]),
            )
        )


def write_records(frame: pl.DataFrame, path: Path, t: Translator | None = None) -> None:
    said = translator_or_default(t)
    check_format(path, "OUTPUT", said)
    try:
        if path.suffix.lower() == ".csv":
            # A byte-order mark lets Excel on a Chinese Windows PC open the file as UTF-8.
            frame.with_columns(pl.col(pl.Enum).cast(pl.String)).write_csv(path, include_bom=True)
        else:
            frame.write_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as error:
        fail(said._("{path}: cannot write: {error}", path=str(path), error=str(error)))
