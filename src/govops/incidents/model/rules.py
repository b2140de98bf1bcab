"""What the pack says about a report: its grade, departments, deadlines and checklist.

Pure: given the pack, a calendar and the time, it returns the data an event records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from govops.incidents.model.incident import Incident, Stage
from govops.incidents.model.intake import IncidentInputError, Intake
from govops.lawcode.dated.calendar import WorkingDayCalendar
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.dated.procedures import Deadline, SpanUnit
from govops.lawcode.dated.procedures import Stage as DeadlineStage
from govops.lawcode.rules.decision import Decider, Decision
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.rules.jsonable import jsonable
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, Text

GRADE_TABLE = "grade"
ROUTE_TABLE = "route"
COUNTY_INFORMED = "county_informed"  # the one trigger that is the filing itself
INFORMATION_OBTAINED = "warning_information_obtained"  # 5.2: 获取信息后


@dataclass(frozen=True, slots=True)
class Starts:
    """When a clock may start: when it happened, when the information was obtained (5.2),
    and when it was filed with the county office."""

    happened: datetime
    obtained: datetime
    filed: datetime


@dataclass(frozen=True, slots=True)
class FollowUp:
    inputs: dict[str, Any]
    note: str = ""
    stage: Stage | None = None  # Stage.INCIDENT when warning-stage information becomes one


class IncidentRules:
    def __init__(self, pack: Pack, calendar: WorkingDayCalendar) -> None:
        self.pack = pack
        self.calendar = calendar
        self.timezone = pack.timezone

    def first_report(self, intake: Intake, now: datetime) -> dict[str, Any]:
        decision = self._grade(intake.inputs, intake.occurred_at)
        grade = _grade_of(decision)
        departments = self._departments(intake.causes, intake.inputs, intake.occurred_at)
        return {
            "stage": intake.stage.value,
            "occurred_at": intake.occurred_at.isoformat(),
            "obtained_at": intake.information_at.isoformat(),
            "place": intake.place,
            "township": intake.township,
            "summary": intake.summary,
            "causes": list(intake.causes),
            "inputs": jsonable(intake.inputs),
            "grade": grade,
            "decision": jsonable(decision.as_dict(explain=True)),
            "pack": f"{self.pack.id} {self.pack.version}",
            "departments": departments,
            "deadlines": self._deadlines(
                intake.stage, grade, Starts(intake.occurred_at, intake.information_at, now), set()
            ),
            "actions": self._actions(grade, set()),
        }

    def follow_up(
        self,
        incident: Incident,
        change: FollowUp,
        number: int,
        now: datetime,
    ) -> dict[str, Any]:
        """Figures given now replace the earlier ones; those not given are kept. Clocks a
        new grade (or the move from warning to incident) brings start now: that is when
        the county learns of it."""
        merged = {**incident.reports[-1].inputs, **change.inputs}
        stage = change.stage or incident.stage
        decision = self._grade(merged, incident.occurred_at)
        grade = _grade_of(decision)
        departments = self._departments(incident.causes, merged, incident.occurred_at)
        known = {d["code"] for d in incident.departments}
        return {
            "number": number,
            "stage": stage.value,
            "inputs": jsonable(merged),
            "grade": grade,
            "decision": jsonable(decision.as_dict(explain=True)),
            "note": change.note,
            "departments": departments,
            "new_departments": [d for d in departments if d["code"] not in known],
            "new_deadlines": self._deadlines(
                stage, grade, Starts(now, now, now), {d.id for d in incident.deadlines}
            ),
            "new_actions": self._actions(grade, {a.id for a in incident.actions}),
        }

    def regrade_reason(
        self, before: str | None, data: dict[str, Any], note: str, number: int
    ) -> str:
        """Language-neutral: follow-up number, grades, the clauses now firing, the note."""
        fired = ", ".join(data["decision"]["fired"]) or "—"
        change = f"#{number}: {before or '—'} → {data['grade'] or '—'} ({fired})"
        return f"{change}; {note}" if note else change

    def _grade(self, inputs: dict[str, Any], occurred_at: datetime) -> Decision:
        day = occurred_at.astimezone(ZoneInfo(self.timezone)).date()
        try:
            decider = Decider(self.pack.table(GRADE_TABLE), self.pack.rules_as_of(day))
            return decider.decide(inputs)
        except InputError as error:
            raise IncidentInputError(error.field, _message(error.message)) from None
        except ParameterError as error:
            raise IncidentInputError("occurred_at", error.message) from None

    def _departments(
        self, causes: tuple[str, ...], inputs: dict[str, Any], occurred_at: datetime
    ) -> list[dict[str, str]]:
        table = self.pack.table(ROUTE_TABLE)
        record = {k: v for k, v in inputs.items() if k in table.inputs} | {"causes": list(causes)}
        day = occurred_at.astimezone(ZoneInfo(self.timezone)).date()
        try:
            decision = Decider(table, self.pack.rules_as_of(day)).decide(record)
        except InputError as error:
            raise IncidentInputError(error.field, _message(error.message)) from None
        reasons: dict[str, list[str]] = {}
        for clause in decision.fired:
            reasons.setdefault(clause.id.split("-")[0], []).append(clause.cite.article)
        return [
            {
                "code": o.value,
                "name": o.label("zh-Hans"),
                "name_en": o.label("en"),
                "cite": "; ".join(sorted(set(reasons.get(o.value, [])))),
            }
            for o in decision.outcomes
        ]

    def _deadlines(
        self, stage: Stage, grade: str | None, starts: Starts, known: set[str]
    ) -> list[dict[str, Any]]:
        wanted = DeadlineStage(stage.value)
        return [
            self._deadline(deadline, starts)
            for deadline in self.pack.deadlines
            if deadline.stage is wanted
            and grade in deadline.applies_to
            and deadline.id not in known
        ]

    def _deadline(self, deadline: Deadline, starts: Starts) -> dict[str, Any]:
        """The clock starts at the deadline's trigger. A duty to report "immediately" to the
        county is met by the filing itself: this system is the county office's."""
        start = {COUNTY_INFORMED: starts.filed, INFORMATION_OBTAINED: starts.obtained}.get(
            deadline.trigger, starts.happened
        )
        due = deadline.due(start, self.calendar)
        immediate = deadline.unit is SpanUnit.IMMEDIATELY
        return {
            "id": deadline.id,
            "title": dict(deadline.title),
            "cite": deadline.cite.article,
            "due": due.at.isoformat(),
            "provisional": due.provisional,
            "met_at": starts.filed.isoformat() if immediate else None,
            "applies_to": list(deadline.applies_to),
        }

    def _actions(self, grade: str | None, known: set[str]) -> list[dict[str, Any]]:
        return [
            {
                "id": a.id,
                "text": dict(a.text),
                "actor": dict(a.actor),
                "cite": a.cite.article,
                "applies_to": list(a.applies_to),
            }
            for a in self.pack.checklist
            if grade in a.applies_to and a.id not in known
        ]


def _message(said: Text) -> Message:
    """The core's message (a text from elsewhere, already worded, is carried as it is)."""
    return said if isinstance(said, Message) else Message("{problem}", {"problem": said})


def _grade_of(decision: Decision) -> str | None:
    outcome = decision.outcome
    assert not isinstance(outcome, list)
    return outcome
