"""The warning pages: the district and its streets with the warning in force in each, one
area's day (charts of its accumulations against the thresholds, its highest figures, its
warning events with their alerts), and the daily report. Read-only: the data is written by
the watch or the demo through the services.

Each page shows the areas the reader may read only (`service.access`); another area's page
answers as an unknown area's does (404), confirming nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from fastapi import Request
from fastapi.responses import Response

from govops.lawcode.dated.bounds import EARLIEST, LATEST, kept
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_, Message, msg
from govops.platform.api.auth import NotSignedInError, request_actor
from govops.platform.api.problems import status_title
from govops.platform.identity.actor import Actor
from govops.warnings.model.series import AreaMinute
from govops.warnings.model.warning import WarningEvent, rank
from govops.warnings.model.weather.levels import SignalClause, SignalRules
from govops.warnings.model.wording import colour, joined
from govops.warnings.reports.daily import daily_report_docx
from govops.warnings.service.access import sees_area
from govops.warnings.service.daily import area_day, day_report, default_day
from govops.warnings.service.series import SeriesService
from govops.warnings.service.warning import CurrentWarning, WarningService
from govops.warnings.web.charts import Chart, Threshold, svg_chart
from govops.warnings.web.render import Reader, Visit, visit

STYLESHEET = "warnings.css"
SIGNAL_TABLE = "rainstorm_signal"
ALERT_PATH = "/api/v1/warnings/alerts/{identifier}.xml"  # the API's route for a CAP alert
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DATE_EXAMPLE = "2026-07-20"
_THRESHOLDS = N_("{threshold}; {thresholds}")  # a chart's thresholds, listed
MINUTE = timedelta(minutes=1)
MINUTES = 1440


class BadDateError(ValueError):
    """A ?date= the pages cannot show: `message` says why; answered with `status`."""

    def __init__(self, message: Message, status: int = 400) -> None:
        super().__init__(str(message))
        self.message = message
        self.status = status


@dataclass(frozen=True, slots=True)
class AreaRow:
    """A line of the overview: an area, its warning in force, its day."""

    current: CurrentWarning
    highest: str | None
    latest: AreaMinute | None


class WarningPages:
    def __init__(
        self, warnings: WarningService, series: SeriesService, pack: Pack, language: str
    ) -> None:
        self.language = language  # the organisation's: for a reader who chose none
        if pack.areas is None:
            raise ValueError(f"pack {pack.id} has no areas")  # i18n: not shown
        self.warnings, self.series, self.pack, self.areas = warnings, series, pack, pack.areas

    def index(self, request: Request) -> Response:
        v, actor = self._visit(request), _actor(request)
        latest = self.series.latest_minute()
        day = default_day(self.series, self.warnings.now())
        start, end = self.series.day_bounds(day)
        current = [c for c in self.warnings.current() if sees_area(actor, c.area)]
        highest = _highest(current, self.warnings.history(None, start, end), start)
        at_latest = {} if latest is None else {r.area: r for r in self._minute(latest)}
        rows = [AreaRow(c, highest.get(c.area), at_latest.get(c.area)) for c in current]
        shown = {c.area for c in current}
        streets = sum(1 for a in self.areas if a.parent is not None and a.code in shown)
        values = {
            "rows": rows,
            "latest": latest,
            "day": day,
            "streets": streets,
            "legend": self._legend(day, v.reader),
        }
        return v.render("warnings/list.html", f"{v.base}/warnings", values)

    def area(self, request: Request, code: str) -> Response:
        v = self._visit(request)
        url = f"{v.base}/warnings/areas/{code}"
        t = v.reader.t
        try:
            if not sees_area(_actor(request), code):
                raise KeyError(code)  # answered as an unknown area is: nothing confirmed
            area = self.areas.get(code)
            day = self._day(request)
        except KeyError:
            message = t._("There is no area with the code “{code}”.", code=code)
            return self._error(v, url, message, 404)
        except BadDateError as error:
            return self._error(v, url, v.reader.t.say(error.message), error.status)
        start, end = self.series.day_bounds(day)
        rows = self.series.day(day, code)
        events = self.warnings.history(code, start, end)
        summary = area_day(code, area.name, rows, events)
        current = next((c for c in self.warnings.current() if c.area == code), None)
        values = {
            "area": area,
            "day": day,
            "previous_day": day - timedelta(days=1),
            "next_day": day + timedelta(days=1),
            "summary": summary,
            "current": current,
            "latest": rows[-1] if rows else None,
            "charts": self._charts(v.reader, day, rows),
            "events": [self._event(e, v) for e in events],
        }
        return v.render("warnings/area.html", f"{url}?date={day.isoformat()}", values)

    def report(self, request: Request) -> Response:
        v = self._visit(request)
        try:
            day = self._day(request)
        except BadDateError as error:
            return self._error(v, f"{v.base}/warnings", v.reader.t.say(error.message), error.status)
        now, actor = self.warnings.now(), _actor(request)
        names = {c.area: c.name for c in self.warnings.current() if sees_area(actor, c.area)}
        document = daily_report_docx(
            day_report(day, self.series, self.warnings, now, names),
            v.reader.language,
            self.pack.timezone,
        )
        filename = f"rainstorm-warnings-{day.isoformat()}.docx"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
        return Response(document, media_type=DOCX, headers=headers)

    def _visit(self, request: Request) -> Visit:
        return visit(request, self.language, self.pack.timezone, self.pack.language)

    def _day(self, request: Request) -> date:
        text = (request.query_params.get("date") or "").strip()
        if not text:
            return default_day(self.series, self.warnings.now())
        try:
            day = date.fromisoformat(text)
        except ValueError:
            said = msg(
                "“{value}” is not a date; use {example}.", value=text[:40], example=DATE_EXAMPLE
            )
            raise BadDateError(said) from None
        if not kept(day):  # a day the system keeps no data for, nor a next day past 9999
            said = msg(
                "“{value}” is outside the dates this system keeps, {earliest} to {latest}.",
                value=text,
                earliest=EARLIEST,
                latest=LATEST,
            )
            raise BadDateError(said, 422)
        return day

    def _minute(self, minute: datetime) -> list[AreaMinute]:
        return self.series.series(None, minute, minute + MINUTE)

    def _rules(self, day: date) -> SignalRules:
        return SignalRules.from_table(self.pack.table(SIGNAL_TABLE), self.pack.rules_as_of(day))

    def _legend(self, day: date, reader: Reader) -> list[tuple[str, str]]:
        """Each signal with its rule in words, highest first, from the pack's table."""
        return [
            (
                c.outcome,
                reader.t.ngettext(
                    "{mm} mm or more in {count} hour",
                    "{mm} mm or more in {count} hours",
                    _hours_number(c.input),
                    mm=c.threshold,
                ),
            )
            for c in self._rules(day).clauses
        ]

    def _charts(self, reader: Reader, day: date, rows: list[AreaMinute]) -> list[dict[str, object]]:
        """One chart per window the signal table tests, shortest first."""
        rules = self._rules(day)
        start, _ = self.series.day_bounds(day)
        windows = sorted({c.input for c in rules.clauses}, key=_hours_number)
        charts: list[dict[str, object]] = []
        for window in windows:
            values: list[Decimal | None] = [None] * MINUTES
            for row in rows:
                values[int((row.at - start) / MINUTE)] = row.max_mm(window)
            thresholds = [
                Threshold(c.outcome, c.threshold, _threshold_label(reader, c))
                for c in rules.clauses
                if c.input == window
            ]
            title = reader.t._(
                "Highest {hours}-hour accumulation, {day}", hours=_hours_number(window), day=day
            )
            description = _description(reader, window, values, thresholds)
            unit = reader.t._("mm")
            chart = Chart(title, description, values, thresholds, unit, reader.t.number)
            charts.append(
                {"window": window, "title": title, "svg": svg_chart(chart, f"chart-{window}")}
            )
        return charts

    def _event(self, event: WarningEvent, v: Visit) -> dict[str, object]:
        """An event for the history table, with the deciding clause's accumulation."""
        windows = {c.clause_id: c.input for c in self._rules(event.at.date()).clauses}
        window = windows.get(event.step.clause_id or "")
        readings = [
            (r.station, None if window is None else r.rain.get(window)) for r in event.step.deciding
        ]
        return {
            "event": event,
            "window": None if window is None else _hours_number(window),
            "readings": readings,
            "alert": v.base + ALERT_PATH.format(identifier=event.identifier),
        }

    def _error(self, v: Visit, url: str, message: str, status: int) -> Response:
        t = v.reader.t  # the heading says the status: not "Not found" for a bad date
        heading = t._("Not found") if status == 404 else status_title(t, status)
        values = {"message": message, "heading": heading}
        return v.render("warnings/error.html", url, values, status)


def _actor(request: Request) -> Actor:
    """The reader, whom the route's rule (warning.read) has admitted already."""
    found = request_actor(request)
    if found is None:  # only if a route were mounted without its rule
        raise NotSignedInError
    return found


def _threshold_label(reader: Reader, clause: SignalClause) -> str:
    return reader.t._("{colour} {mm} mm", colour=colour(clause.outcome), mm=clause.threshold)


def _description(
    reader: Reader, window: str, values: list[Decimal | None], thresholds: list[Threshold]
) -> str:
    """What the chart shows, in words: the day's peak and when, and the thresholds."""
    shown = joined([t.label for t in thresholds], _THRESHOLDS)
    found = [(minute, value) for minute, value in enumerate(values) if value is not None]
    if not found:
        return reader.t._(
            "No station reported on this day. Thresholds: {thresholds}.", thresholds=shown
        )
    minute, peak = max(found, key=lambda item: (item[1], -item[0]))
    at = f"{minute // 60:02d}:{minute % 60:02d}"
    return reader.t._(
        "The highest {hours}-hour accumulation of the reporting stations, minute by minute; "
        "the day's highest {mm} at {at}. Thresholds: {thresholds}.",
        hours=_hours_number(window),
        mm=msg("{mm} mm", mm=peak),
        at=at,
        thresholds=shown,
    )


def _hours(window: str) -> str:
    return window.removeprefix("rain_").removesuffix("h")


def _hours_number(window: str) -> int:
    hours = _hours(window)
    return int(hours) if hours.isdigit() else 0


def _highest(
    current: list[CurrentWarning], events: list[WarningEvent], start: datetime
) -> dict[str, str | None]:
    """Each area's highest level of the day: of its events in the day, and the level in
    force when the day began (before its first event of the day, or all day)."""
    highest: dict[str, str | None] = {}

    def raise_to(area: str, level: str | None) -> None:
        if rank(level) > rank(highest.get(area)):
            highest[area] = level

    seen: set[str] = set()
    for event in events:
        if event.area not in seen:
            raise_to(event.area, event.previous)
            seen.add(event.area)
        raise_to(event.area, event.level)
    for found in current:
        if found.area not in seen and found.event is not None and found.event.at < start:
            raise_to(found.area, found.level)
    return highest
