"""`govops warnings`: rainstorm early warning from automatic weather stations.

`ingest` checks station metadata and observations (CSV or Parquet, field names of the
national station data service) and prints the ingestion report as JSON: every row read is
kept or excluded for a named reason. --output writes the normalised observations.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from govops.cli.context import encoding_option
from govops.platform.cli.output import fail, to_json
from govops.platform.cli.tabular import check_format, read_records, write_records
from govops.warnings.model.weather.ingest import Ingested, read_observations
from govops.warnings.model.weather.report import LANGUAGES, WeatherInputError
from govops.warnings.model.weather.stations import Stations, read_stations

app = typer.Typer(
    help="暴雨预警 / rainstorm early warning from automatic weather stations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

BEIJING = ZoneInfo("Asia/Shanghai")

StationsOption = Annotated[
    Path,
    typer.Option(
        "--stations",
        metavar="STATIONS",
        help="Station metadata (.csv or .parquet): Station_Id_C, Lat, Lon, Town[, Cnty].",
    ),
]
ObservationsOption = Annotated[
    Path,
    typer.Option(
        "--observations",
        metavar="OBS",
        help="Observations (.csv or .parquet): Station_Id_C, Datetime (UTC), PRE or PRE_1h.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", help="Write the normalised observations (.parquet or .csv)."),
]
LangOption = Annotated[str, typer.Option("--lang", help="zh-Hans (default) or en.")]
StartOption = Annotated[
    str | None,
    typer.Option("--start", help="Keep stamps from this time (Beijing time unless it says)."),
]
EndOption = Annotated[
    str | None,
    typer.Option("--end", help="Keep stamps before this time (Beijing time unless it says)."),
]


@app.command("ingest")
def ingest_command(
    stations: StationsOption,
    observations: ObservationsOption,
    encoding: encoding_option = "utf-8",
    lang: LangOption = "zh-Hans",
    output: OutputOption = None,
    start: StartOption = None,
    end: EndOption = None,
) -> None:
    """Check and normalise observations; print the ingestion report (JSON)."""
    if lang not in LANGUAGES:
        fail(f"--lang must be zh-Hans or en, not {lang!r}")
    if output is not None:
        check_format(output, "--output")
    ingested = ingest(stations, observations, encoding, lang, start, end)
    if output is not None:
        write_records(ingested.frame, output)
    print(to_json(ingested.report.as_json(lang), indent=2))


def ingest(
    stations_path: Path,
    observations_path: Path,
    encoding: str,
    lang: str,
    start: str | None = None,
    end: str | None = None,
) -> Ingested:
    """Both files read and checked, or a one-line stop naming the file (exit 2)."""
    stations = load_stations(stations_path, encoding, lang)
    frame = read_records(observations_path, encoding)
    try:
        return read_observations(
            frame, stations, beijing_time(start, "--start"), beijing_time(end, "--end")
        )
    except WeatherInputError as error:
        fail(f"{observations_path}: {error.say(lang)}")


def load_stations(path: Path, encoding: str, lang: str) -> Stations:
    frame = read_records(path, encoding)
    try:
        return read_stations(frame)
    except WeatherInputError as error:
        fail(f"{path}: {error.say(lang)}")


def beijing_time(value: str | None, option: str) -> datetime | None:
    """An ISO 8601 time; without an offset it is Beijing time (UTC+8)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a time as YYYY-MM-DD HH:MM (Beijing time), got {value!r}")
    return moment.replace(tzinfo=BEIJING) if moment.tzinfo is None else moment
