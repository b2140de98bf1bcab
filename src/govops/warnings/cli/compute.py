"""`govops warnings compute`: per area and minute, the rainstorm level and the mean and
maximum accumulations, from station metadata and observations, written to a table.

The observations are checked as `govops warnings ingest` checks them (rows it excludes are
counted in a note; run `ingest` for the full report); the areas and their stations, the
signal table and the level method (max or mean) come from the pack, with the parameters
in force on --as-of (default: the day of the first observation, Beijing time). Stations of
the metadata placed in no area are kept on the station axis but count for no area.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from govops.cli.context import encoding_option, load
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.sources.pack import Pack
from govops.platform.cli.output import fail, parse_date
from govops.platform.cli.tabular import check_format, read_records, write_records
from govops.warnings.cli.ingest import load_stations
from govops.warnings.model.warning import rank
from govops.warnings.model.weather.compute import (
    STAGES,
    Stage,
    Statistics,
    accumulate,
    kernels_cached,
)
from govops.warnings.model.weather.ingest import Ingested, read_observations
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import SignalRules, UnsupportedTableError
from govops.warnings.model.weather.report import WeatherInputError

PACK = "cn-xicheng-em-14fyp"
TABLE = "rainstorm_signal"
ALL_STAGES = ("read", *STAGES, "write")

StationsOption = Annotated[
    Path,
    typer.Option("--stations", metavar="STATIONS", help="Station metadata (.csv or .parquet)."),
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
    Path, typer.Option("--output", metavar="LEVELS", help="The table to write (.parquet or .csv).")
]
PackOption = Annotated[str, typer.Option("--pack", help="Pack with the areas and signal table.")]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Rules in force on this date (default: the first observation's)."),
]


def compute_command(
    stations: StationsOption,
    observations: ObservationsOption,
    output: OutputOption,
    pack: PackOption = PACK,
    as_of: AsOfOption = None,
    encoding: encoding_option = "utf-8",
) -> None:
    """Levels and accumulations per area and minute, written to LEVELS."""
    check_format(output, "--output")
    chosen = load(pack)
    if chosen.areas is None or TABLE not in chosen.tables:
        fail(f"pack {chosen.id!r} has no areas or no {TABLE!r} table")
    with stages() as done:
        known, ingested = read(stations, observations, encoding)
        done("read")
        if ingested.frame.height == 0:
            excluded = ingested.report.rows_read - ingested.report.rows_kept
            fail(f"{observations}: no observation kept ({excluded:,} rows excluded: see ingest)")
        day = first_day(ingested) if as_of is None else parse_date(as_of, "--as-of")
        rules, method = signal_rules(chosen, day)
        layout = StationLayout.from_areas(chosen.areas, extra=known)
        if kernels_cached() is False:
            say("compiling the statistics engine (first run only, about 10 s)")
        try:
            statistics = accumulate(
                ingested.frame, layout, rules, method, ingested.resolution_minutes, done
            )
        except ValueError as error:
            fail(f"{observations}: {error}")
        write_records(statistics.frame(), output)
        done("write")
    notes(ingested, layout, known)
    print(summary(statistics, output))


@contextmanager
def stages() -> Iterator[Stage]:
    """A progress bar over the stages on a terminal (stderr); nothing otherwise."""
    console = Console(stderr=True)
    with Progress(console=console, disable=not console.is_terminal, transient=True) as bar:
        task = bar.add_task(ALL_STAGES[0], total=len(ALL_STAGES))

        def done(stage: str) -> None:
            following = ALL_STAGES.index(stage) + 1
            label = ALL_STAGES[following] if following < len(ALL_STAGES) else "done"
            bar.update(task, completed=following, description=label)

        yield done


def read(stations: Path, observations: Path, encoding: str) -> tuple[list[str], Ingested]:
    """The metadata's station ids and the checked observations, or a one-line stop."""
    known = list(load_stations(stations, encoding, "en"))
    try:
        return known, read_observations(read_records(observations, encoding), known)
    except WeatherInputError as error:
        fail(f"{observations}: {error}")


def first_day(ingested: Ingested) -> date:
    first = ingested.frame["minute"].min()
    if not isinstance(first, datetime):
        fail("no observation kept")
    return first.date()


def signal_rules(pack: Pack, day: date) -> tuple[SignalRules, str]:
    try:
        parameters = pack.rules_as_of(day)
        method = str(parameters["area_level_method"].value)
        return SignalRules.from_table(pack.table(TABLE), parameters), method
    except (ParameterError, UnsupportedTableError) as error:
        fail(f"pack {pack.id!r} on {day.isoformat()}: {error}")


def notes(ingested: Ingested, layout: StationLayout, known: list[str]) -> None:
    """What the user should know and the table does not show, on stderr."""
    report = ingested.report
    excluded = report.rows_read - report.rows_kept
    if excluded:
        say(f"{excluded:,} of {report.rows_read:,} rows excluded (see `govops warnings ingest`)")
    listed = set(known)
    absent = [s for s in layout.stations if s not in listed]
    if absent:
        shown = ", ".join(absent[:5]) + (" ..." if len(absent) > 5 else "")
        say(f"{len(absent)} station(s) of the pack's areas not in the metadata: {shown}")


def say(message: str) -> None:
    print(f"govops: note: {message}", file=sys.stderr)


def summary(statistics: Statistics, output: Path) -> str:
    """One line: what was written, the period, the highest level reached in each area."""
    grid, outcomes = statistics.grid, statistics.rules.outcomes
    last = grid.minute_of(grid.steps - 1)
    highest = []
    for position, area in enumerate(statistics.layout.areas):
        codes = statistics.level[position]
        reached = [outcomes[c] for c in set(codes.tolist()) if c >= 0]
        highest.append(f"{area} {max(reached, key=rank) if reached else 'none'}")
    unit = "minute" if grid.step == 1 else "hour"
    return (
        f"{output}: {len(statistics.layout.areas)} areas x {grid.steps:,} {unit}s, "
        f"{grid.start:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} Beijing time, "
        f"method {statistics.method}; highest level: {', '.join(highest)}"
    )
