"""`govops calendar ...`: working days and working-day deadlines, CN and VN."""

from __future__ import annotations

from typing import Annotated

import typer

from govops.calendars import UnknownJurisdiction
from govops.cli.context import services
from govops.lawcode.dated.calendar import WorkingDayCalendar
from govops.platform.cli.output import fail, parse_date, to_json

app = typer.Typer(
    help="Working-day calendars (CN with make-up working days, VN).", no_args_is_help=True
)
Jurisdiction = Annotated[str, typer.Option("--jurisdiction", help="CN or VN.")]


def _calendar(jurisdiction: str) -> WorkingDayCalendar:
    try:
        return services().calendar(jurisdiction)
    except UnknownJurisdiction as error:
        fail(str(error))


@app.command()
def check(jurisdiction: Jurisdiction, day: Annotated[str, typer.Argument(metavar="DATE")]) -> None:
    """Is DATE a working day? Provisional when the year's schedule is not confirmed."""
    status = _calendar(jurisdiction).day_status(parse_date(day, "DATE"))
    print(
        to_json(
            {
                "date": status.day,
                "working_day": status.working_day,
                "provisional": status.provisional,
                "reason": status.reason,
            }
        )
    )


@app.command("add-working-days")
def add_working_days(
    jurisdiction: Jurisdiction,
    start: Annotated[str, typer.Option("--from", help="The day the period starts (not counted).")],
    days: Annotated[int, typer.Option("--days", help="Working days to count.")],
) -> None:
    """The DAYS-th working day after --from, e.g. the end of a 5-working-day public notice."""
    try:
        result = _calendar(jurisdiction).add_working_days(parse_date(start, "--from"), days)
    except ValueError as error:
        fail(str(error))
    print(
        to_json(
            {
                "from": result.start,
                "days": result.days,
                "date": result.result,
                "provisional": result.provisional,
            }
        )
    )
