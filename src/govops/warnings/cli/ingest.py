"""`govops warnings`: rainstorm early warning from automatic weather stations.

`ingest` checks station metadata and observations (CSV or Parquet, field names of the
national station data service) and prints the ingestion report as JSON: every row read is
kept or excluded for a named reason. --output writes the normalised observations.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, NoReturn
from zoneinfo import ZoneInfo

import typer

from govops.cli.context import encoding_option
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import check_kept, fail, to_json
from govops.platform.cli.tabular import check_format, read_records, write_records
from govops.platform.i18n.languages import ZH_HANS
from govops.platform.i18n.translator import Translator
from govops.warnings.model.weather.ingest import CODED, Ingested, read_observations
from govops.warnings.model.weather.report import WeatherInputError
from govops.warnings.model.weather.stations import Stations, read_stations

app = typer.Typer(
    help="Rainstorm early warning from automatic weather stations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

TIMEZONE = "Asia/Shanghai"
BEIJING = ZoneInfo(TIMEZONE)
# The language the commands speak when nothing else is asked: the district pack's.
DEFAULT_LANGUAGE = ZH_HANS

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
    lang: LanguageOption = None,
    output: OutputOption = None,
    start: StartOption = None,
    end: EndOption = None,
) -> None:
    """Check and normalise observations; print the ingestion report (JSON)."""
    t = command_translator(lang, DEFAULT_LANGUAGE, TIMEZONE)
    if output is not None:
        check_format(output, "--output", t)
    ingested = ingest(stations, observations, encoding, t, start, end)
    if output is not None:
        write_records(ingested.frame, output, t)
    print(to_json(ingested.report.as_json(t.say), indent=2))


def ingest(
    stations_path: Path,
    observations_path: Path,
    encoding: str,
    t: Translator,
    start: str | None = None,
    end: str | None = None,
) -> Ingested:
    """Both files read and checked, or a one-line stop naming the file (exit 2)."""
    stations = load_stations(stations_path, encoding, t)
    period = beijing_time(start, "--start", t), beijing_time(end, "--end", t)
    try:
        # handed on, not held here: the ingestion lets the table go once its cells are read
        return read_observations(
            read_records(observations_path, encoding, t, CODED), stations, *period
        )
    except WeatherInputError as error:
        refuse(t, observations_path, error)


def load_stations(path: Path, encoding: str, t: Translator) -> Stations:
    frame = read_records(path, encoding, t)
    try:
        return read_stations(frame)
    except WeatherInputError as error:
        refuse(t, path, error)


def refuse(t: Translator, path: Path, error: WeatherInputError) -> NoReturn:
    """Stop, naming the file and why it is refused, in the reader's language."""
    fail(t._("{path}: {error}", path=str(path), error=error.message))


def beijing_time(value: str | None, option: str, t: Translator) -> datetime | None:
    """An ISO 8601 time; without an offset it is Beijing time (UTC+8)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        fail(
            t._(
                "{option} must be a time as YYYY-MM-DD HH:MM (Beijing time), got {value}",
                option=option,
                value=repr(value),
            )
        )
    moment = check_kept(moment, option, value, t)
    return moment.replace(tzinfo=BEIJING) if moment.tzinfo is None else moment
