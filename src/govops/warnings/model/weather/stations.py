"""Station metadata with the field names of the national station data service (CMA):
Station_Id_C, Lat, Lon, Town (the street or township), and optionally Cnty (county or
district) and Station_Name. Metadata is small and everything else depends on it, so a bad
row refuses the whole file, naming its line (as a spreadsheet numbers it: header = 1)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

import polars as pl

from govops.lawcode.texts.messages import msg
from govops.warnings.model.weather.report import WeatherInputError

STATION_ID = "Station_Id_C"
REQUIRED = (STATION_ID, "Lat", "Lon", "Town")
OPTIONAL = ("Cnty", "Station_Name")
# Decimal degrees as the data service writes them; degrees-and-minutes (3954 for 39°54')
# fall out of range and are refused rather than misplaced.
DEGREES = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
BOUNDS = {"Lat": Decimal(90), "Lon": Decimal(180)}


@dataclass(frozen=True, slots=True)
class Station:
    id: str
    lat: Decimal  # decimal degrees, north positive
    lon: Decimal  # decimal degrees, east positive
    town: str | None  # 乡镇/街道 (Town)
    county: str | None  # 区县 (Cnty)
    name: str | None  # Station_Name
    line: int  # where it was read


class Stations(Mapping[str, Station]):
    """Station id -> station, in the order of the file."""

    def __init__(self, stations: Mapping[str, Station]) -> None:
        self._stations = dict(stations)

    def __getitem__(self, station_id: str) -> Station:
        return self._stations[station_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._stations)

    def __len__(self) -> int:
        return len(self._stations)

    def __repr__(self) -> str:
        return f"Stations({len(self)} stations)"


def read_stations(frame: pl.DataFrame) -> Stations:
    """The stations of a metadata table (CSV read as text, or Parquet). Refused with a
    WeatherInputError: a required column missing, no rows, an empty id, a coordinate that
    is not decimal degrees in range, a station id on two lines (both named)."""
    missing = [name for name in REQUIRED if name not in frame.columns]
    if missing:
        raise WeatherInputError(
            msg(
                "station metadata has no column {column} (needed: {columns})",
                column=repr(missing[0]),
                columns=", ".join(REQUIRED),
            )
        )
    if frame.height == 0:
        raise WeatherInputError(msg("station metadata lists no station"))
    columns = [name for name in (*REQUIRED, *OPTIONAL) if name in frame.columns]
    text = frame.select(pl.col(columns).cast(pl.String).str.strip_chars())
    found: dict[str, Station] = {}
    for index, row in enumerate(text.iter_rows(named=True)):
        station = _station(row, line=index + 2)
        if station.id in found:
            first = found[station.id].line
            raise WeatherInputError(
                msg(
                    "station {station} appears on lines {first} and {line}",
                    station=station.id,
                    first=str(first),
                    line=str(station.line),
                )
            )
        found[station.id] = station
    return Stations(found)


def _station(row: dict[str, str | None], line: int) -> Station:
    station_id = row[STATION_ID]
    if not station_id:
        raise WeatherInputError(
            msg("line {line}: empty {column}", line=str(line), column=STATION_ID)
        )
    return Station(
        id=station_id,
        lat=_degrees(row["Lat"], "Lat", line),
        lon=_degrees(row["Lon"], "Lon", line),
        town=row["Town"] or None,
        county=row.get("Cnty") or None,
        name=row.get("Station_Name") or None,
        line=line,
    )


def _degrees(value: str | None, column: str, line: int) -> Decimal:
    """Exact decimal degrees; a Parquet float arrives as its shortest decimal text."""
    if value is None or not DEGREES.fullmatch(value):
        raise WeatherInputError(
            msg(
                "line {line}: {column} must be decimal degrees, got {value}",
                line=str(line),
                column=column,
                value=repr(value),
            )
        )
    degrees = Decimal(value)
    bound = BOUNDS[column]
    if not -bound <= degrees <= bound:
        raise WeatherInputError(
            msg(
                "line {line}: {column} {value} is outside ±{bound} degrees",
                line=str(line),
                column=column,
                value=value,
                bound=bound,
            )
        )
    return degrees
