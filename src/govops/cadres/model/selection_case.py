"""A selection case as its events tell it: the events (actor, time, data), the case folded
from them, the order the steps come in (`expected`, `begin`), and the dossier.

The steps come in the order of the pack's procedure `selection` (the core's procedure
model, `lawcode.dated.steps`), which the case is folded with (`Case.order`). Besides its
main line a case records a vote that was not carried (31(3)), a decision postponed (30),
the consent to reconsider (30 para 2) and its closing. Readings (stated in the pack): a
vote not carried is the committee's decision; voting again is a reconsideration (复议),
which needs the recorded consent of more than half of the members first (30 para 2); a
postponed decision is no decision, and is taken again without it (30: 会后要及时查清，避免
久拖不决). A case may be closed (withdrawn, or not appointed) at any time before the
appointment, and nothing follows its closing."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from govops.cadres.model.record import DIVISION_RANKS
from govops.cadres.model.steps import Step, refuse_unless, step_name
from govops.lawcode.dated.steps import Procedure
from govops.lawcode.texts.messages import Message, msg


@dataclass(frozen=True, slots=True)
class Event:
    case_id: str
    seq: int  # 1, 2, ... per case
    step: Step
    at: datetime  # when it was done, local time: its date is the day of the act
    actor: str
    data: dict[str, Any]  # JSON-ready: dates as ISO text, sets as sorted lists


class AccessDeniedError(PermissionError):
    """A reader the dossier is not for; `message` says so (translated where shown)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    candidate: str
    post: str
    committee: frozenset[str]  # every member of the 校党委会 deciding the case
    team: frozenset[str]  # the selection team (组织部 staff in charge of the case)
    events: tuple[Event, ...]
    order: Procedure = field(compare=False, repr=False)  # the pack's, for what comes next

    @property
    def step(self) -> Step:
        """The last step recorded (of the main line or what else a case records)."""
        return self.events[-1].step

    def event(self, step: Step) -> Event:
        return next(e for e in self.events if e.step is step)

    def day(self, step: Step) -> date:
        return self.event(step).at.date()

    def then(self, event: Event) -> Case:
        if event.case_id != self.id or event.seq != len(self.events) + 1:
            raise ValueError(  # i18n: not shown (storage hands back the events in order)
                f"event {event.case_id}#{event.seq} does not follow {self.id}"
            )
        return replace(self, events=(*self.events, event))


def fold(events: list[Event], order: Procedure) -> Case:
    """The case as its events tell it, under `order` (`steps.selection_order`); they start
    with MOTION, in seq order."""
    if not events or events[0].step is not Step.MOTION or events[0].seq != 1:
        raise ValueError("a case starts with its motion")
    first, data = events[0], events[0].data
    committee, team = frozenset(data["committee"]), frozenset(data["team"])
    case = Case(first.case_id, data["candidate"], data["post"], committee, team, (first,), order)
    for event in events[1:]:
        case = case.then(event)
    return case


def screened(case: Case) -> dict[str, Any]:
    """The candidate's screening recorded with the motion (`selection_gate`: cadre, rank,
    party_post, exceptional, ...); empty for a case opened before screenings were kept."""
    return dict(case.event(Step.MOTION).data.get("eligibility") or {})


def division_post(case: Case) -> bool:
    """Whether the post is 处级 (deputy_division, division_chief), by the rank screened at
    the motion."""
    return screened(case).get("rank") in DIVISION_RANKS


def expected(case: Case) -> Step | None:
    """The step the case expects next by its order (the pack's procedure); None once it
    has ended (closed, or probation ended). A superior consent (29 para 2,
    `selection_exceptional`) is recorded aside and does not move the case on."""
    following = case.order.expected(_done(case))
    return Step(following.id) if following is not None else None


def may_follow(case: Case, step: Step) -> bool:
    """Whether `step` may be recorded now by the case's order: the one expected, a
    decision's outcomes where a decision may come, the closing before the appointment, a
    consent aside while the case runs (`selection_exceptional` checks the rest)."""
    return case.order.refusal(_done(case), step.value) is None


def _done(case: Case) -> list[str]:
    return [e.step.value for e in case.events]


def begin(case: Case, step: Step, at: datetime, actor: str) -> None:
    """Refuse `step` out of order (`expected`) or dated before the last step recorded."""
    if not actor.strip():
        raise ValueError("a step needs the actor who did it")  # i18n: not shown (checked)
    declared = case.order.step(step.value)
    if declared is None:
        raise ValueError(f"the pack's procedure has no step {step.value}")  # a pack's bug
    where = declared.cite
    detail = msg(
        "the case is at {step}; next is {expected}",
        step=step_name(case.step),
        expected=step_name(expected(case)),
    )
    refuse_unless(may_follow(case, step), step, "order", where, detail)
    last = case.events[-1].at
    late = msg("{at} is before the last step, {last}", at=at, last=last)
    refuse_unless(at >= last, step, "chronology", where, late)


def new_event(case: Case, step: Step, at: datetime, actor: str, data: dict[str, Any]) -> Event:
    return Event(case.id, len(case.events) + 1, step, at, actor, data)


def dossier(case: Case, reader: str) -> tuple[Event, ...]:
    """The candidate's dossier, every step with who did what and when and its figures, for
    the selection team and the committee only."""
    if reader not in case.team | case.committee:
        raise AccessDeniedError(
            msg(
                "{reader} is on neither the selection team nor the committee of case {case}",
                reader=repr(reader),
                case=case.id,
            )
        )
    return case.events
