"""Reading and writing record files (CSV or Parquet) for batch work. Problems stop the
command in its language (`t`, see `govops.platform.cli.output`).

A CSV file is read by polars from the file itself, never decoded into one Python string: a
file in another encoding than UTF-8 is transcoded piece by piece into a temporary UTF-8
file first, and only the header is read by Python (to refuse a name given twice, which
polars would silently rename)."""

from __future__ import annotations

import codecs
import csv
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from govops.platform.cli.output import codec_of, fail, refuse_undecodable, translator_or_default
from govops.platform.i18n.translator import Translator

FORMATS = (".csv", ".parquet")
PIECE_BYTES = 1 << 24  # transcoding and checking go by pieces of 16 MiB
UTF8 = "utf-8-sig"


def check_format(path: Path, role: str, t: Translator | None = None) -> None:
    """`role` names the file as the command's usage does (INPUT, OUTPUT, --output)."""
    if path.suffix.lower() not in FORMATS:
        said = translator_or_default(t)
        fail(said._("{path}: {role} must be .csv or .parquet", path=str(path), role=role))


def read_records(
    path: Path,
    encoding: str = "utf-8",
    t: Translator | None = None,
    typed: Mapping[str, pl.DataType] | None = None,
) -> pl.DataFrame:
    """CSV cells are read as text, so that figures are parsed exactly (never through a
    float) and a late oddity in a column cannot break type inference. The columns `typed`
    names (e.g. true/false flags as Boolean) are read as that type when every cell of them
    reads so, which takes a fraction of the memory of text; when one cell does not, the
    whole file is read as text again, and the caller's checks name the cell as before.
    A column of text asked as Categorical (a column of few distinct values, read by its
    values' codes) is read so from CSV and from Parquet alike."""
    said = translator_or_default(t)
    check_format(path, "INPUT", said)
    if not path.is_file():
        fail(said._("{path}: no such file", path=str(path)))
    try:
        if path.suffix.lower() == ".csv":
            return _read_csv(path, encoding, said, typed or {})
        return _read_parquet(path, typed or {})
    except (pl.exceptions.PolarsError, OSError) as error:
        fail(said._("{path}: cannot read: {error}", path=str(path), error=str(error)))


def _read_csv(
    path: Path, encoding: str, t: Translator, typed: Mapping[str, pl.DataType]
) -> pl.DataFrame:
    codec = codec_of(encoding, t)
    header = _header(path, encoding, codec, t)
    overrides = {name: typed[name] for name in header if name in typed}
    with _as_utf8(path, encoding, codec, t) as source:
        if overrides:
            try:
                return pl.read_csv(source, infer_schema=False, schema_overrides=overrides)
            except pl.exceptions.ComputeError:
                pass  # a cell that does not read as its type: all as text, checked by the caller
        try:
            return pl.read_csv(source, infer_schema=False)
        except pl.exceptions.ComputeError:
            byte = _first_undecodable(path, codec)
            if byte is not None:
                refuse_undecodable(str(path), encoding, byte, t)
            raise


def _read_parquet(path: Path, typed: Mapping[str, pl.DataType]) -> pl.DataFrame:
    """The columns of text `typed` asks as Categorical are read so, piece by piece (the
    streaming engine), so that the text of a large column is never held whole; any other
    column as it is stored."""
    schema = pl.read_parquet_schema(path)
    coded = [
        name
        for name, dtype in typed.items()
        if dtype == pl.Categorical and schema.get(name) == pl.String
    ]
    if not coded:
        return pl.read_parquet(path)
    scan = pl.scan_parquet(path).with_columns(pl.col(coded).cast(pl.Categorical))
    return scan.collect(engine="streaming")


def _header(path: Path, encoding: str, codec: str, t: Translator) -> list[str]:
    try:
        with path.open(encoding=codec, newline="") as text:
            header = next(csv.reader(text), [])
    except UnicodeDecodeError:
        refuse_undecodable(str(path), encoding, _first_undecodable(path, codec) or 0, t)
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        fail(
            t._(
                "{path}: column {column} appears more than once in the header",
                path=str(path),
                column=repr(repeated[0]),
            )
        )
    return header


class _UndecodableError(Exception):
    def __init__(self, byte: int) -> None:
        self.byte = byte


def _decoded(path: Path, codec: str) -> Iterator[str]:
    """The file's text piece by piece; _UndecodableError at the first byte that is no text."""
    # utf-8-sig counts its offsets after the byte-order mark it strips: plain UTF-8 counts
    # from the file's first byte (the mark is a character like any other here)
    decoder = codecs.getincrementaldecoder("utf-8" if codec == UTF8 else codec)()
    fed = 0
    with path.open("rb") as raw:
        while True:
            piece = raw.read(PIECE_BYTES)
            pending = len(decoder.getstate()[0])  # the bytes of a character cut by the piece
            try:
                yield decoder.decode(piece, final=not piece)
            except UnicodeDecodeError as error:
                raise _UndecodableError(fed - pending + error.start) from None
            if not piece:
                return
            fed += len(piece)


@contextmanager
def _as_utf8(path: Path, encoding: str, codec: str, t: Translator) -> Iterator[Path]:
    """The file itself when it is UTF-8 (polars reads it, byte-order mark included); else a
    temporary UTF-8 copy, transcoded piece by piece so that memory stays flat."""
    if codec == UTF8:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="govops-") as folder:
        copy = Path(folder) / "records.csv"
        try:
            with copy.open("w", encoding="utf-8", newline="") as out:
                for text in _decoded(path, codec):
                    out.write(text)
        except _UndecodableError as undecodable:
            refuse_undecodable(str(path), encoding, undecodable.byte, t)
        yield copy


def _first_undecodable(path: Path, codec: str) -> int | None:
    try:
        for _ in _decoded(path, codec):
            pass
    except _UndecodableError as undecodable:
        return undecodable.byte
    return None


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
