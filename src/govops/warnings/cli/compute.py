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

from govops.cli.context import encoding_option, load, said
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, parse_date
from govops.platform.cli.tabular import check_format, read_records, write_records
from govops.platform.i18n.translator import Translator
from govops.warnings.cli.ingest import DEFAULT_LANGUAGE, TIMEZONE, load_stations, refuse
from govops.warnings.model.warning import rank
from govops.warnings.model.weather.compute import (
    STAGES,
    Stage,
    Statistics,
    accumulate,
    kernels_cached,
)
from govops.warnings.model.weather.ingest import CODED, Ingested, read_observations
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import SignalRules, UnsupportedTableError
from govops.warnings.model.weather.report import WeatherInputError
from govops.warnings.model.wording import joined, level_name

PACK = "cn-xicheng-em-14fyp"
TABLE = "rainstorm_signal"
ALL_STAGES = ("read", *STAGES, "write")
_LEVELS = N_("{level}, {levels}")  # the areas' highest levels, listed
# What the progress bar says while each stage runs.
STAGE_LABELS = {
    "read": N_("reading the observations"),
    "grid": N_("placing the observations"),
    "windows": N_("summing the windows"),
    "areas": N_("the areas' statistics"),
    "levels": N_("the levels"),
    "write": N_("writing the table"),
    "done": N_("done"),
}

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
    lang: LanguageOption = None,
) -> None:
    """Levels and accumulations per area and minute, written to LEVELS."""
    t = command_translator(lang, DEFAULT_LANGUAGE, TIMEZONE)
    check_format(output, "--output", t)
    chosen = load(pack, t)
    if chosen.areas is None or TABLE not in chosen.tables:
        fail(
            t._(
                "pack {pack} has no areas or no {table} table",
                pack=repr(chosen.id),
                table=repr(TABLE),
            )
        )
    with stages(t) as done:
        known, ingested = read(stations, observations, encoding, t)
        done("read")
        if ingested.frame.height == 0:
            excluded = ingested.report.rows_read - ingested.report.rows_kept
            fail(
                t.ngettext(
                    "{path}: no observation kept ({count} row excluded: see ingest)",
                    "{path}: no observation kept ({count} rows excluded: see ingest)",
                    excluded,
                    path=str(observations),
                )
            )
        day = first_day(ingested, t) if as_of is None else parse_date(as_of, "--as-of", t)
        rules, method = signal_rules(chosen, day, t)
        layout = StationLayout.from_areas(chosen.areas, extra=known)
        if kernels_cached() is False:
            say(t, t._("compiling the statistics engine (first run only, about 10 s)"))
        try:
            statistics = accumulate(
                ingested.frame, layout, rules, method, ingested.resolution_minutes, done
            )
        except ValueError as error:  # the ingestion's contract broken: an internal error
            fail(t._("{path}: {error}", path=str(observations), error=str(error)))
        write_records(statistics.frame(), output, t)
        done("write")
    notes(ingested, layout, known, t)
    print(summary(statistics, output, t))


@contextmanager
def stages(t: Translator) -> Iterator[Stage]:
    """A progress bar over the stages on a terminal (stderr); nothing otherwise."""
    console = Console(stderr=True)
    with Progress(console=console, disable=not console.is_terminal, transient=True) as bar:
        task = bar.add_task(t._(STAGE_LABELS[ALL_STAGES[0]]), total=len(ALL_STAGES))

        def done(stage: str) -> None:
            following = ALL_STAGES.index(stage) + 1
            label = ALL_STAGES[following] if following < len(ALL_STAGES) else "done"
            bar.update(task, completed=following, description=t._(STAGE_LABELS[label]))

        yield done


def read(
    stations: Path, observations: Path, encoding: str, t: Translator
) -> tuple[list[str], Ingested]:
    """The metadata's station ids and the checked observations, or a one-line stop."""
    known = list(load_stations(stations, encoding, t))
    try:
        return known, read_observations(read_records(observations, encoding, t, CODED), known)
    except WeatherInputError as error:
        refuse(t, observations, error)


def first_day(ingested: Ingested, t: Translator) -> date:
    first = ingested.frame["minute"].min()
    if not isinstance(first, datetime):
        fail(t._("no observation kept"))
    return first.date()


def signal_rules(pack: Pack, day: date, t: Translator) -> tuple[SignalRules, str]:
    try:
        parameters = pack.rules_as_of(day)
        method = str(parameters["area_level_method"].value)
        return SignalRules.from_table(pack.table(TABLE), parameters), method
    except (ParameterError, UnsupportedTableError) as error:
        fail(
            t._("pack {pack} on {day}: {error}", pack=repr(pack.id), day=day, error=said(t, error))
        )


def notes(ingested: Ingested, layout: StationLayout, known: list[str], t: Translator) -> None:
    """What the user should know and the table does not show, on stderr."""
    report = ingested.report
    excluded = report.rows_read - report.rows_kept
    if excluded:
        say(
            t,
            t.ngettext(
                "{excluded} of {count} row excluded (see `govops warnings ingest`)",
                "{excluded} of {count} rows excluded (see `govops warnings ingest`)",
                report.rows_read,
                excluded=excluded,
            ),
        )
    listed = set(known)
    absent = [s for s in layout.stations if s not in listed]
    if absent:
        shown = ", ".join(absent[:5]) + (" ..." if len(absent) > 5 else "")
        say(
            t,
            t.ngettext(
                "{count} station of the pack's areas not in the metadata: {stations}",
                "{count} stations of the pack's areas not in the metadata: {stations}",
                len(absent),
                stations=shown,
            ),
        )


def say(t: Translator, message: str) -> None:
    print(t._("govops: note: {message}", message=message), file=sys.stderr)


def summary(statistics: Statistics, output: Path, t: Translator) -> str:
    """One line: what was written, the period, the highest level reached in each area."""
    grid, outcomes = statistics.grid, statistics.rules.outcomes
    last = grid.minute_of(grid.steps - 1)
    highest = []
    for position, area in enumerate(statistics.layout.areas):
        codes = statistics.level[position]
        reached = [outcomes[c] for c in set(codes.tolist()) if c >= 0]
        level = t.say(level_name(max(reached, key=rank) if reached else None))
        highest.append(t._("{area} {level}", area=area, level=level))
    steps = (
        t.ngettext("{count} minute", "{count} minutes", grid.steps)
        if grid.step == 1
        else t.ngettext("{count} hour", "{count} hours", grid.steps)
    )
    return t.ngettext(
        "{path}: {count} area x {steps}, {start} to {end} Beijing time, method {method}; "
        "highest level: {levels}",
        "{path}: {count} areas x {steps}, {start} to {end} Beijing time, method {method}; "
        "highest level: {levels}",
        len(statistics.layout.areas),
        path=str(output),
        steps=steps,
        start=grid.start,
        end=last,
        method=statistics.method,
        levels=t.say(joined(highest, _LEVELS)),
    )
