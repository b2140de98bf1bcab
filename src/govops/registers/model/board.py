"""A unit's dashboard on a day: each indicator of the plan against its target with its
yearly figures (counted by the registers where they hold the facts, reported otherwise),
and the alerts of its registers: recurring duties due or overdue, drills not assessed,
roster gaps, hazards overdue or awaiting verification, reserves short of their coverage,
streets no shelter serves.

The district's board counts every unit below it; a street's, its own and its communities'.
The roster is read over the week before and the week after the day (a display window, not
the plan's): a gap in the coming week is one to fill."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from govops.lawcode.plans.assessment import assess
from govops.lawcode.plans.evaluation import ReportedFigure
from govops.lawcode.plans.indicators import Assessment, Indicator
from govops.lawcode.registers.rules import Project
from govops.lawcode.registers.shelters import built_in
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg
from govops.registers.model.alerts import Alert, alerts
from govops.registers.model.state import RegisterState

ROSTER_DAYS = 7


@dataclass(frozen=True, slots=True)
class View:
    """Who the board is for: the unit, the streets below it (each street's own units with
    it), whether it is the district (the reserves' and shelters' coverage are the
    district's), the day, the pack's time zone."""

    unit: str
    streets: Mapping[str, Sequence[str]]  # street -> its units (itself, its communities)
    district: bool
    on: date
    zone: tzinfo

    def roster_window(self) -> tuple[datetime, datetime]:
        midnight = datetime.combine(self.on, time(), self.zone)
        return midnight - timedelta(days=ROSTER_DAYS), midnight + timedelta(days=ROSTER_DAYS)


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    indicator: Indicator
    figures: dict[int, Decimal]  # year -> figure, up to the board's year
    counted: bool  # counted by the registers (else reported)
    assessment: Assessment


@dataclass(frozen=True, slots=True)
class ProjectRow:
    project: Project
    milestones: int
    done: int  # by the board's day
    overdue: int  # past their due day, not done


@dataclass(frozen=True, slots=True)
class Board:
    unit: str
    on: date
    year: int  # the indicators stand as of this year's end (the last whole year)
    indicators: tuple[IndicatorRow, ...]
    alerts: tuple[Alert, ...]
    projects: tuple[ProjectRow, ...] = ()


def last_year(on: date) -> int:
    """The last whole year on `on`: the plan's figures are yearly."""
    return on.year if (on.month, on.day) == (12, 31) else on.year - 1


def board(pack: Pack, state: RegisterState, view: View) -> Board:
    year = last_year(view.on)
    rows = tuple(_row(pack, state, view, i, year) for i in pack.indicators)
    said = tuple(alerts(pack, state, view))
    return Board(view.unit, view.on, year, rows, said, _projects(pack, state, view.on))


def _projects(pack: Pack, state: RegisterState, on: date) -> tuple[ProjectRow, ...]:
    found = []
    for project in pack.registers.projects if pack.registers else ():
        mine = [m for m in state.milestones.values() if m.project == project.id]
        done = sum(1 for m in mine if m.done is not None and m.done <= on)
        late = sum(1 for m in mine if (m.done is None or m.done > on) and m.due < on)
        found.append(ProjectRow(project, len(mine), done, late))
    return tuple(found)


def _row(
    pack: Pack, state: RegisterState, view: View, indicator: Indicator, year: int
) -> IndicatorRow:
    computed = pack.registers.computed.get(indicator.id) if pack.registers else None
    years = range(indicator.baseline_year or indicator.first_year, year + 1)
    if computed is not None:
        start = max(indicator.first_year, counted_from(computed, state) or year + 1)
        figures = {y: counted(computed, state, y) for y in years if y >= start}
    else:
        figures = {
            y: figure.value
            for (unit, name, y), figure in state.figures.items()
            if unit == view.unit and name == indicator.id and y <= year
        }
    said = assess(indicator, figures, year)
    return IndicatorRow(indicator, figures, computed is not None, said)


def counted_from(what: str, state: RegisterState) -> int | None:
    """The first year the register counting `what` holds a record of (None: none): a year
    before it has no figure, never a zero (the register was not kept then)."""
    if what == "shelters_built":
        days = [c.on for c in state.statuses]
    else:
        days = [day for _, day, _ in state.trainings]
    return min(days).year if days else None


def counted(what: str, state: RegisterState, year: int) -> Decimal:
    """A year's figure the registers count (`registers.yaml`'s `computed`)."""
    if what == "shelters_built":
        shelters = list(state.shelters.values())
        return Decimal(len(built_in(shelters, state.statuses, year, "earthquake_shelter")))
    return Decimal(sum(people for _, day, people in state.trainings if day.year == year))


def evaluation_figures(
    pack: Pack, state: RegisterState, unit: str, year: int
) -> list[ReportedFigure]:
    """The unit's yearly figures to `year` for the plan's evaluation (六(四)): those reported,
    with their sources, and those the registers count."""
    computed = pack.registers.computed if pack.registers else {}
    found = [
        ReportedFigure(0, unit, name, y, figure.value, figure.source)
        for (u, name, y), figure in sorted(state.figures.items())
        if u == unit and name not in computed and y <= year
    ]
    for indicator in pack.indicators:
        start = counted_from(computed.get(indicator.id, ""), state)
        if indicator.id in computed and start is not None:
            last = min(year, indicator.last_year)
            found += [
                ReportedFigure(
                    0,
                    unit,
                    indicator.id,
                    y,
                    counted(computed[indicator.id], state, y),
                    msg("counted by the registers"),
                )
                for y in range(max(indicator.first_year, start), last + 1)
            ]
    return found


__all__ = ["Alert", "Board", "IndicatorRow", "Message", "View", "board", "evaluation_figures"]
