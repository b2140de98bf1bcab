"""A selection case as append-only events (actor, time, data), each step recorded only in
order and when its guards hold; otherwise StepRefusedError names the guard and its article.

MOTION (8-10) → RECOMMENDATION (11-15) → INVESTIGATION (16-27) → DECISION (28-31) →
PUBLIC_NOTICE (34) → APPOINTMENT (34, 37) → PROBATION_END (35), every number a cited
parameter (ProcedureRules), shares exact fractions. Readings: 以上/不少于 include the number,
超过 excludes it (Civil Code 1259); quorum (30) and majority (31(3)) count ALL members
(应到会成员); the candidate and the candidate's relatives withdraw (43, 44): neither present
nor voting, still members; "一年内有效" (11) runs through the anniversary (Civil Code 202);
the term, and so the probation, runs from the committee's decision (37)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from govops.cadres.model.people import Relation, withdrawing, years_after
from govops.cadres.model.steps import (
    ARTICLE,
    ORDER,
    ProbationOutcome,
    ProcedureRules,
    Step,
    Vote,
    at_least,
    needed,
    refuse_unless,
    step_name,
)
from govops.lawcode.dated.calendar import WorkingDayCalendar
from govops.lawcode.texts.messages import Message, msg, msg_n


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

    @property
    def step(self) -> Step:
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


def fold(events: list[Event]) -> Case:
    """The case as its events tell it; they start with MOTION, in seq order."""
    if not events or events[0].step is not Step.MOTION or events[0].seq != 1:
        raise ValueError("a case starts with its motion")
    first, data = events[0], events[0].data
    committee, team = frozenset(data["committee"]), frozenset(data["team"])
    case = Case(first.case_id, data["candidate"], data["post"], committee, team, (first,))
    for event in events[1:]:
        case = case.then(event)
    return case


@dataclass(frozen=True, slots=True)
class Motion:
    """The work plan (工作方案, 10) for one post and one candidate."""

    candidate: str
    post: str
    committee: frozenset[str]  # every member of the 校党委会
    team: frozenset[str]  # the selection team: 组织部 staff in charge of the case
    plan: str = ""


def open_case(
    case_id: str, at: datetime, actor: str, motion: Motion, rules: ProcedureRules
) -> Event:
    """MOTION: the first event of a case."""
    if not actor.strip():
        raise ValueError("a step needs the actor who did it")  # i18n: not shown (checked first)
    step, committee, team = Step.MOTION, motion.committee, motion.team
    refuse_unless(bool(committee), step, "committee", rules.cite("30"), msg("no member named"))
    refuse_unless(bool(team), step, "selection team", rules.cite("9"), msg("no member named"))
    data: dict[str, Any] = {"document": rules.document, "plan": motion.plan}
    data |= {"candidate": motion.candidate, "post": motion.post}
    data |= {"committee": sorted(committee), "team": sorted(team)}
    return Event(case_id, 1, step, at, actor, data)


@dataclass(frozen=True, slots=True)
class Procedure:
    """The steps after the motion, under one set of rules, one working-day calendar and the
    declared kinships (43) that make a member or an investigator withdraw (44). Each step
    returns the event to append, or raises StepRefusedError."""

    rules: ProcedureRules
    calendar: WorkingDayCalendar
    relations: frozenset[Relation] = frozenset()

    def _begin(self, case: Case, step: Step, at: datetime, actor: str) -> None:
        if not actor.strip():
            raise ValueError("a step needs the actor who did it")  # i18n: not shown (checked)
        done = ORDER.index(case.step)
        expected = ORDER[done + 1] if done + 1 < len(ORDER) else None
        where = self.rules.cite(ARTICLE[step])
        detail = msg(
            "the case is at {step}; next is {expected}",
            step=step_name(case.step),
            expected=step_name(expected),
        )
        refuse_unless(step is expected, step, "order", where, detail)
        last = case.events[-1].at
        late = msg("{at} is before the last step, {last}", at=at, last=last)
        refuse_unless(at >= last, step, "chronology", where, late)

    def recommend(
        self, case: Case, at: datetime, actor: str, *, expected: int, attended: int, heard: int
    ) -> Event:
        """RECOMMENDATION: the meeting's attendance against those expected to attend, and
        the number interviewed (谈话调研推荐, `heard`) (13)."""
        if not 0 <= attended <= expected or heard < 0:  # the service checks these first
            raise ValueError(
                f"attended {attended} of {expected} expected is not a count"
            )  # i18n: not shown
        rules = self.rules
        step, share = Step.RECOMMENDATION, rules.recommendation_attendance_share
        self._begin(case, step, at, actor)
        detail = msg(
            "{attended} of {expected} attended; {needed}",
            attended=attended,
            expected=expected,
            needed=needed(share.value, expected),
        )
        refuse_unless(attended >= share.value * expected, step, "attendance", share.cite, detail)
        interviewed = msg("{count} interviewed", count=heard)
        at_least(step, "interviewed", heard, rules.recommendation_min_interviewed, interviewed)
        data = {"expected": expected, "attended": attended, "interviewed": heard}
        return _event(case, step, at, actor, data)

    def investigate(
        self, case: Case, at: datetime, actor: str, *, team: frozenset[str], consulted: int
    ) -> Event:
        """INVESTIGATION: the investigators, less those who withdraw (44), and the number
        of people talked to (23)."""
        step, rules = Step.INVESTIGATION, self.rules
        self._begin(case, step, at, actor)
        recused = withdrawing(case.candidate, team, self.relations)
        least, left = rules.investigation_min_investigators, len(team - recused)
        counted = msg_n("{count} investigator", "{count} investigators", left)
        if recused:
            counted = msg(
                "{counted} ({withdrawn} withdrawn under {article})",
                counted=counted,
                withdrawn=len(recused),
                article="44",
            )
        at_least(step, "investigators", left, least, counted)
        talked = msg("{count} consulted", count=consulted)
        at_least(step, "consulted", consulted, rules.investigation_min_consulted, talked)
        data = {"investigators": sorted(team - recused), "recused": sorted(recused)}
        return _event(case, step, at, actor, data | {"consulted": consulted})

    def decide(self, case: Case, at: datetime, actor: str, *, votes: Mapping[str, Vote]) -> Event:
        """DECISION: the opinion of each member present (同意, 不同意, 缓议; 30). The
        recommendation still valid (11), two-thirds of ALL members present (30), more than
        half of ALL members in favour (31(3)); those who withdraw (44) count as neither."""
        if not votes.keys() <= case.committee:  # the service checks it first
            strangers = sorted(votes.keys() - case.committee)
            raise ValueError(f"not on the committee: {strangers}")  # i18n: not shown
        step, rules = Step.DECISION, self.rules
        self._begin(case, step, at, actor)
        self._still_valid(case, at.date())
        quorum, majority = rules.committee_quorum_share, rules.committee_majority_share
        recused = withdrawing(case.candidate, frozenset(votes), self.relations)
        counted, members = votes.keys() - recused, len(case.committee)
        detail = msg(
            "{present} of {members} members present and not withdrawn; {needed}",
            present=len(counted),
            members=members,
            needed=needed(quorum.value, members),
        )
        refuse_unless(len(counted) >= quorum.value * members, step, "quorum", quorum.cite, detail)
        yes = sum(votes[m] is Vote.FOR for m in counted)
        detail = msg(
            "{yes} of {members} members in favour; {needed}",
            yes=yes,
            members=members,
            needed=needed(majority.value, members, True),
        )
        refuse_unless(yes > majority.value * members, step, "majority", majority.cite, detail)
        data = {"votes": {m: str(votes[m]) for m in sorted(counted)}, "recused": sorted(recused)}
        return _event(case, step, at, actor, data | {"in_favour": yes, "members": members})

    def _still_valid(self, case: Case, day: date) -> None:
        recommended, rule = case.day(Step.RECOMMENDATION), self.rules.recommendation_valid_years
        last = years_after(recommended, rule.value)
        detail = msg(
            "the recommendation of {recommended} was valid through {last}, not on {day}",
            recommended=recommended,
            last=last,
            day=day,
        )
        refuse_unless(day <= last, Step.DECISION, "recommendation validity", rule.cite, detail)

    def publish(self, case: Case, at: datetime, actor: str) -> Event:
        """PUBLIC_NOTICE from the day of `at` (34), ending on the Nth working day after that
        day; provisional when the calendar does not confirm a year it counted through."""
        step = Step.PUBLIC_NOTICE
        self._begin(case, step, at, actor)
        days = self.rules.public_notice_working_days.value
        counted = self.calendar.add_working_days(at.date(), days)
        data = {"start": at.date().isoformat(), "end": counted.result.isoformat()}
        return _event(case, step, at, actor, data | {"provisional": counted.provisional})

    def appoint(
        self, case: Case, at: datetime, actor: str, objection_upheld: bool = False
    ) -> Event:
        """APPOINTMENT once the notice has ended (from the day after its end), unless its
        result bars it (34). The term runs from the decision (37), the probation (35) too."""
        step = Step.APPOINTMENT
        self._begin(case, step, at, actor)
        notice = case.event(Step.PUBLIC_NOTICE).data
        end, where = date.fromisoformat(notice["end"]), self.rules.cite("34")
        detail = msg(
            "the notice from {start} runs through {end}, not over on {day}",
            start=date.fromisoformat(notice["start"]),
            end=end,
            day=at.date(),
        )
        refuse_unless(at.date() > end, step, "public notice", where, detail)
        bars = msg("the notice result bars it")
        refuse_unless(not objection_upheld, step, "notice result", where, bars)
        term = case.day(Step.DECISION)
        ends = years_after(term, self.rules.probation_years.value)
        data = {"term_start": term.isoformat(), "probation_end": ends.isoformat()}
        return _event(case, step, at, actor, data | {"provisional": notice["provisional"]})

    def end_probation(
        self, case: Case, at: datetime, actor: str, outcome: ProbationOutcome, reason: str = ""
    ) -> Event:
        """PROBATION_END from probation_end (the first day after it) on (35 para 2), or
        earlier when the committee ends it for a serious fault, with the reason (35 para 3)."""
        step, rule = Step.PROBATION_END, self.rules.probation_years
        self._begin(case, step, at, actor)
        ends = date.fromisoformat(case.event(Step.APPOINTMENT).data["probation_end"])
        early = outcome is ProbationOutcome.ENDED_EARLY
        detail = msg("the probation runs until {ends}, not over on {day}", ends=ends, day=at.date())
        refuse_unless(early or at.date() >= ends, step, "probation", rule.cite, detail)
        refuse_unless(
            not early or bool(reason.strip()), step, "reason", rule.cite, msg("none given")
        )
        return _event(case, step, at, actor, {"outcome": str(outcome), "reason": reason})


def _event(case: Case, step: Step, at: datetime, actor: str, data: dict[str, Any]) -> Event:
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
