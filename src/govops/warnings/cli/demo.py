"""`govops warnings demo-files DIR`: the demonstration storm as the national station data
service would deliver it (stations.csv, observations.csv in UTC), for trying `ingest`,
`compute` and `watch` on real-looking files."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from govops.cli.context import load
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import check_kept, fail
from govops.warnings.cli.ingest import DEFAULT_LANGUAGE, TIMEZONE
from govops.warnings.model.weather.demo import DEMO_DAY, write_demo_files

PACK = "cn-xicheng-em-14fyp"


def demo_files_command(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Where to write the files.")],
    day: Annotated[str, typer.Option("--date", help="The Beijing date of the storm.")] = (
        DEMO_DAY.isoformat()
    ),
    lang: LanguageOption = None,
) -> None:
    """Write the demo stations and a day of minute observations with a storm crossing
    Xicheng District (and the faults the ingestion report counts)."""
    t = command_translator(lang, DEFAULT_LANGUAGE, TIMEZONE)
    try:
        storm_day = date.fromisoformat(day)
    except ValueError:
        fail(
            t._(
                "--date {day} is not a date such as {example}",
                day=repr(day),
                example=DEMO_DAY.isoformat(),
            )
        )
    check_kept(storm_day, "--date", day, t)
    areas = load(PACK, t).areas
    if areas is None:
        fail(t._("pack {pack} has no areas", pack=PACK))
    try:
        stations, observations = write_demo_files(folder, areas, storm_day)
    except OSError as error:
        fail(t._("{path}: cannot write: {error}", path=str(folder), error=str(error.strerror)))
    print(f"{stations}\n{observations}")
