"""Files dropped in a watched folder, turned into minutes for the streaming engine.

Each new file (CSV or Parquet, the national station data service's fields; hidden files are left
alone, so a writer can write under a dot name and rename when done) is read and checked by the
ingestion (govops.warnings.model.weather.ingest); the files found together are merged and taken
minute by minute, in the order of the minutes they hold. Nothing is dropped silently: a file that
cannot be read is refused with its reason, rows of minutes already taken are counted as late (a file
holding only such rows is skipped), and a row repeating a station and minute of another file found
with it is counted as repeated (the larger amount kept, as the ingestion does within a file)."""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
import numpy.typing as npt
import polars as pl

from govops.lawcode.texts.messages import msg
from govops.warnings.model.weather.ingest import SCHEMA, read_observations
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.report import WeatherInputError
from govops.warnings.model.weather.stream import minute_at

WATCHED = (".csv", ".parquet")
MINUTE_MS = 60_000


@dataclass
class Arrival:
    """What became of one file."""

    name: str
    status: str = "taken"  # "taken", "late" (every row already past) or "refused"
    rows_read: int = 0
    rows_kept: int = 0  # by the ingestion
    excluded: dict[str, int] = field(default_factory=dict)  # ingestion reason -> rows
    late: int = 0  # kept rows of minutes already taken, skipped
    repeated: int = 0  # kept rows repeating another file's station and minute, skipped
    first: datetime | None = None  # its first and last minute taken
    last: datetime | None = None
    reason: WeatherInputError | None = None  # why it was refused


def new_files(folder: Path, taken: Collection[str]) -> list[Path]:
    """Files of the folder not taken before, by name."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in WATCHED
        and not path.name.startswith(".")
        and path.name not in taken
        and path.is_file()
    )


def read_table(path: Path, encoding: str = "utf-8") -> pl.DataFrame:
    """A CSV (every cell as text, so amounts are read exactly) or Parquet file."""
    try:
        if path.suffix.lower() == ".csv":
            utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
            text = path.read_bytes().decode("utf-8-sig" if utf8 else encoding)
            _refuse_repeated_columns(text)
            return pl.read_csv(io.StringIO(text), infer_schema=False)
        return pl.read_parquet(path)
    except (UnicodeDecodeError, LookupError) as error:
        raise WeatherInputError(
            msg("not {encoding} text: {error}", encoding=encoding, error=str(error))
        ) from None
    except (pl.exceptions.PolarsError, OSError) as error:
        raise WeatherInputError(msg("cannot read: {error}", error=str(error))) from None


def _refuse_repeated_columns(text: str) -> None:
    header = next(csv.reader(io.StringIO(text)), [])
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise WeatherInputError(
            msg("column {column} appears more than once in the header", column=repr(repeated[0]))
        )


def gather(
    paths: list[Path], stations: Collection[str], after: int | None, encoding: str = "utf-8"
) -> tuple[list[Arrival], pl.DataFrame]:
    """Read and check the files; keep the rows of minutes after minute index `after`.
    Returns what became of each file and the rows to take (station, minute, rain),
    sorted by minute."""
    arrivals, frames = [], []
    for number, path in enumerate(paths):
        arrival = Arrival(path.name)
        arrivals.append(arrival)
        try:
            ingested = read_observations(read_table(path, encoding), stations)
            if ingested.resolution_minutes != 1:
                raise WeatherInputError(
                    msg("watching takes minute amounts (PRE), not hourly ones (PRE_1h)")
                )
        except WeatherInputError as error:
            arrival.status, arrival.reason = "refused", error
            continue
        report = ingested.report
        arrival.rows_read, arrival.rows_kept = report.rows_read, report.rows_kept
        arrival.excluded = {k: t.rows for k, t in report.excluded.items() if t.rows}
        frame = ingested.frame.with_columns(file=pl.lit(number, dtype=pl.Int32))
        if after is not None:
            fresh = frame["minute"].to_physical() > (after * MINUTE_MS)
            arrival.late = frame.height - int(fresh.sum())
            frame = frame.filter(fresh)
        if arrival.late and frame.height == 0:
            arrival.status = "late"
        frames.append(frame)
    return arrivals, _merged(frames, arrivals)


def _merged(frames: list[pl.DataFrame], arrivals: list[Arrival]) -> pl.DataFrame:
    """One row per station and minute across the files; the larger amount stays."""
    if not frames:
        return pl.DataFrame(schema=SCHEMA)
    rows = pl.concat(frames).sort(
        ["minute", "station", "rain", "file"], descending=[False, False, True, False]
    )
    first = rows.select(pl.struct("minute", "station").is_first_distinct()).to_series()
    for number, count in rows.filter(~first).group_by("file").len().iter_rows():
        arrivals[number].repeated = count
    kept = rows.filter(first)
    for number, low, high in (
        kept.group_by("file")
        .agg(low=pl.col("minute").min(), high=pl.col("minute").max())
        .iter_rows()
    ):
        arrivals[number].first, arrivals[number].last = low, high
    return kept.drop("file")


def minutes(
    frame: pl.DataFrame, layout: StationLayout
) -> Iterator[tuple[datetime, npt.NDArray[np.int32]]]:
    """Every minute from the frame's first to its last, with one value per station of the
    layout (-1 where it has no row): minutes with no row at all come out as all missing.
    The array is reused from one minute to the next."""
    if frame.height == 0:
        return
    position = pl.DataFrame(
        {"station": layout.stations, "position": np.arange(len(layout.stations))}
    )
    placed = frame.join(position, on="station", how="inner", maintain_order="left")
    index = placed["minute"].to_physical().to_numpy() // MINUTE_MS
    where = placed["position"].to_numpy()
    rain = placed["rain"].to_numpy()
    first, last = int(index[0]), int(index[-1])
    bounds = np.searchsorted(index, np.arange(first, last + 2))
    row = np.empty(len(layout.stations), dtype=np.int32)
    for k in range(last - first + 1):
        row.fill(-1)
        begin, end = bounds[k], bounds[k + 1]
        row[where[begin:end]] = rain[begin:end]
        yield minute_at(first + k), row
