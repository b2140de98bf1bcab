"""`govops calendar ...`: working days and working-day deadlines, CN and VN."""

from __future__ import annotations

from typing import Annotated

import typer

from govops.calendars import CalendarRangeError, UnknownJurisdiction
from govops.cli.context import DEFAULT_LANGUAGE, services
from govops.lawcode.dated.calendar import WorkingDayCalendar
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, parse_date, to_json
from govops.platform.i18n.languages import VI
from govops.platform.i18n.translator import Translator

app = typer.Typer(
    help="Working-day calendars (CN with make-up working days, VN).", no_args_is_help=True
)
Jurisdiction = Annotated[str, typer.Option("--jurisdiction", help="CN or VN.")]


def _default_language(jurisdiction: str) -> str:
    """Vietnamese for Vietnam's calendar, else the Chinese of the built-in packs."""
    return VI if jurisdiction.strip().upper() == "VN" else DEFAULT_LANGUAGE


def _calendar(jurisdiction: str, t: Translator) -> WorkingDayCalendar:
    try:
        return services().calendar(jurisdiction)
    except UnknownJurisdiction as error:
        fail(t.say(error.message))


@app.command()
def check(
    jurisdiction: Jurisdiction,
    day: Annotated[str, typer.Argument(metavar="DATE")],
    lang: LanguageOption = None,
) -> None:
    """Is DATE a working day? Provisional when the year's schedule is not confirmed."""
    t = command_translator(lang, _default_language(jurisdiction))
    status = _calendar(jurisdiction, t).day_status(parse_date(day, "DATE", t))
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
    lang: LanguageOption = None,
) -> None:
    """The DAYS-th working day after --from, e.g. the end of a 5-working-day public notice."""
    t = command_translator(lang, _default_language(jurisdiction))
    calendar = _calendar(jurisdiction, t)
    try:
        result = calendar.add_working_days(parse_date(start, "--from", t), days)
    except CalendarRangeError as error:
        fail(t.say(error.message))
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
