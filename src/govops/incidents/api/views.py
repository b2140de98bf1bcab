"""The domain's incident turned into the API's response bodies, as seen at a given time;
every time is shown in the pack's timezone, whatever zone storage gave it back in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from govops.incidents.api.schemas import (
    ActionOut,
    ClosureOut,
    DeadlineOut,
    Department,
    IncidentOut,
    IncidentSummary,
    RegradeOut,
    ReportOut,
)
from govops.incidents.model.incident import EventKind, Incident


@dataclass(frozen=True, slots=True)
class Viewpoint:
    now: datetime  # what is overdue is overdue at this time
    zone: ZoneInfo  # the pack's timezone

    def at(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def maybe(self, moment: datetime | None) -> datetime | None:
        return None if moment is None else moment.astimezone(self.zone)

    def summary(self, incident: Incident) -> IncidentSummary:
        pending = [d.due for d in incident.deadlines if d.met_at is None]
        return IncidentSummary(
            id=incident.id,
            status=incident.status,
            stage=incident.stage,
            grade=incident.grade,
            place=incident.place,
            township=incident.township,
            summary=incident.summary,
            occurred_at=self.at(incident.occurred_at),
            obtained_at=self.at(incident.obtained_at or incident.occurred_at),
            reported_at=self.at(incident.reported_at),
            overdue=bool(incident.overdue(self.now)),
            next_due=self.maybe(min(pending, default=None)),
            open_actions=sum(1 for a in incident.actions if a.done_at is None),
        )

    def incident(self, found: Incident) -> IncidentOut:
        return IncidentOut(
            **self.summary(found).model_dump(),
            causes=list(found.causes),
            pack=found.pack,
            version=found.version,
            departments=[Department(**d) for d in found.departments],
            deadlines=[
                DeadlineOut(
                    id=d.id,
                    title=d.title,
                    cite=d.cite,
                    due=self.at(d.due),
                    provisional=d.provisional,
                    met_at=self.maybe(d.met_at),
                    late_minutes=_minutes(d.late_by),
                    overdue=d.overdue(self.now),
                )
                for d in found.deadlines
            ],
            actions=[
                ActionOut(
                    id=a.id,
                    text=a.text,
                    actor=a.actor,
                    cite=a.cite,
                    done_at=self.maybe(a.done_at),
                    done_by=a.done_by,
                )
                for a in found.actions
            ],
            reports=[
                ReportOut(
                    number=r.number,
                    at=self.at(r.at),
                    actor=r.actor,
                    grade=r.grade,
                    note=r.note,
                    inputs=r.inputs,
                    decision=r.decision,
                )
                for r in found.reports
            ],
            regrades=[
                RegradeOut(
                    at=self.at(g.at), actor=g.actor, before=g.before, after=g.after, reason=g.reason
                )
                for g in found.regrades
            ],
            closure=self._closure(found),
        )

    def _closure(self, found: Incident) -> ClosureOut | None:
        if found.closure is None:
            return None
        closing = next(e for e in reversed(found.events) if e.kind is EventKind.CLOSED)
        return ClosureOut(**found.closure, closed_at=self.at(closing.at), closed_by=closing.actor)


def _minutes(span: timedelta | None) -> int | None:
    """Whole minutes, a part of one counting as one (a report 30 s late is 1 min late)."""
    if span is None:
        return None
    return -(-span // timedelta(minutes=1))
