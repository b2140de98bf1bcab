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
from enum import StrEnum
from fractions import Fraction
from typing import Any

from govops.cadres.model.people import Cited, Relation, withdrawing, years_after
from govops.lawcode.dated.calendar import WorkingDayCalendar
from govops.lawcode.sources.citations import Citation


@dataclass(frozen=True, slots=True)
class ProcedureRules:
    document: str  # the others are the pack's parameters of those names (cited_rules)
    recommendation_attendance_share: Cited[Fraction]  # at least, of those expected (13)
    recommendation_min_interviewed: Cited[int]  # 谈话调研推荐 (13(1), 13(2))
    recommendation_valid_years: Cited[int]  # (11)
    investigation_min_investigators: Cited[int]  # (22(3), 26)
    investigation_min_consulted: Cited[int]  # (23)
    committee_quorum_share: Cited[Fraction]  # at least, of all members present (30)
    committee_majority_share: Cited[Fraction]  # MORE than, of all members in favour (31(3))
    public_notice_working_days: Cited[int]  # at least (34)
    probation_years: Cited[int]  # (35)

    def cite(self, article: str) -> Citation:
        return Citation(self.document, article)


class Step(StrEnum):
    MOTION = "motion"
    RECOMMENDATION = "recommendation"
    INVESTIGATION = "investigation"
    DECISION = "decision"
    PUBLIC_NOTICE = "public_notice"
    APPOINTMENT = "appointment"
    PROBATION_END = "probation_end"


ORDER = tuple(Step)
ARTICLE = dict(zip(ORDER, ("10", "11", "19", "29", "34", "34", "35"), strict=True))


class Vote(StrEnum):
    FOR = "for"  # 同意
    AGAINST = "against"  # 不同意
    DEFER = "defer"  # 缓议


class ProbationOutcome(StrEnum):
    CONFIRMED = "confirmed"  # 胜任现职, 正式任职
    NOT_CONFIRMED = "not_confirmed"  # 不胜任, 免去试任职务
    ENDED_EARLY = "ended_early"  # 提前结束试用 (35 para 3)


@dataclass(frozen=True, slots=True)
class Event:
    case_id: str
    seq: int  # 1, 2, ... per case
    step: Step
    at: datetime  # when it was done, local time: its date is the day of the act
    actor: str
    data: dict[str, Any]  # JSON-ready: dates as ISO text, sets as sorted lists


class StepRefusedError(Exception):
    def __init__(self, step: Step, guard: str, cite: Citation, detail: str) -> None:
        super().__init__(f"{step} refused: {guard} ({cite}): {detail}")
        self.step, self.guard, self.cite, self.detail = step, guard, cite, detail


class AccessDeniedError(PermissionError):
    pass


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
            raise ValueError(f"event {event.case_id}#{event.seq} does not follow {self.id}")
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


def _guard(ok: bool, step: Step, guard: str, cite: Citation, detail: str) -> None:
    if not ok:
        raise StepRefusedError(step, guard, cite, detail)


def _at_least(step: Step, guard: str, got: int, rule: Cited[int], note: str = "") -> None:
    detail = f"{got} {guard}{note}; at least {rule.value} needed"
    _guard(got >= rule.value, step, guard, rule.cite, detail)


def _needed(share: Fraction, of: int, more: bool = False) -> str:
    """The least whole number at least (`more`: more than) `share` of `of`, explained."""
    least = share.numerator * of // share.denominator + 1 if more else -(-share * of // 1)
    return f"{least} ({'more than ' if more else 'at least '}{share} of {of}) needed"


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
        raise ValueError("a step needs the actor who did it")
    step, committee, team = Step.MOTION, motion.committee, motion.team
    _guard(bool(committee), step, "committee", rules.cite("30"), "no member named")
    _guard(bool(team), step, "selection team", rules.cite("9"), "no member named")
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
            raise ValueError("a step needs the actor who did it")
        done = ORDER.index(case.step)
        expected = ORDER[done + 1] if done + 1 < len(ORDER) else None
        where = self.rules.cite(ARTICLE[step])
        detail = f"the case is at {case.step}; next is {expected}"
        _guard(step is expected, step, "order", where, detail)
        last = case.events[-1].at
        _guard(at >= last, step, "chronology", where, f"{at} is before the last step, {last}")

    def recommend(
        self, case: Case, at: datetime, actor: str, *, expected: int, attended: int, heard: int
    ) -> Event:
        """RECOMMENDATION: the meeting's attendance against those expected to attend, and
        the number interviewed (谈话调研推荐, `heard`) (13)."""
        if not 0 <= attended <= expected or heard < 0:
            raise ValueError(f"attended {attended} of {expected} expected is not a count")
        step, share = Step.RECOMMENDATION, self.rules.recommendation_attendance_share
        self._begin(case, step, at, actor)
        detail = f"{attended} of {expected} attended; {_needed(share.value, expected)}"
        _guard(attended >= share.value * expected, step, "attendance", share.cite, detail)
        _at_least(step, "interviewed", heard, self.rules.recommendation_min_interviewed)
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
        note = f" ({len(recused)} withdrawn under 44)" if recused else ""
        least = rules.investigation_min_investigators
        _at_least(step, "investigators", len(team - recused), least, note)
        _at_least(step, "consulted", consulted, rules.investigation_min_consulted)
        data = {"investigators": sorted(team - recused), "recused": sorted(recused)}
        return _event(case, step, at, actor, data | {"consulted": consulted})

    def decide(self, case: Case, at: datetime, actor: str, *, votes: Mapping[str, Vote]) -> Event:
        """DECISION: the opinion of each member present (同意, 不同意, 缓议; 30). The
        recommendation still valid (11), two-thirds of ALL members present (30), more than
        half of ALL members in favour (31(3)); those who withdraw (44) count as neither."""
        if not votes.keys() <= case.committee:
            raise ValueError(f"not on the committee: {sorted(votes.keys() - case.committee)}")
        step, rules = Step.DECISION, self.rules
        self._begin(case, step, at, actor)
        self._still_valid(case, at.date())
        quorum, majority = rules.committee_quorum_share, rules.committee_majority_share
        recused = withdrawing(case.candidate, frozenset(votes), self.relations)
        counted, members = votes.keys() - recused, len(case.committee)
        detail = f"{len(counted)} of {members} members present and not withdrawn; "
        detail += _needed(quorum.value, members)
        _guard(len(counted) >= quorum.value * members, step, "quorum", quorum.cite, detail)
        yes = sum(votes[m] is Vote.FOR for m in counted)
        detail = f"{yes} of {members} members in favour; {_needed(majority.value, members, True)}"
        _guard(yes > majority.value * members, step, "majority", majority.cite, detail)
        data = {"votes": {m: str(votes[m]) for m in sorted(counted)}, "recused": sorted(recused)}
        return _event(case, step, at, actor, data | {"in_favour": yes, "members": members})

    def _still_valid(self, case: Case, day: date) -> None:
        recommended, rule = case.day(Step.RECOMMENDATION), self.rules.recommendation_valid_years
        last = years_after(recommended, rule.value)
        detail = f"the recommendation of {recommended} was valid through {last}, not on {day}"
        _guard(day <= last, Step.DECISION, "recommendation validity", rule.cite, detail)

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
        detail = f"the notice from {notice['start']} runs through {end}, not over on {at.date()}"
        _guard(at.date() > end, step, "public notice", where, detail)
        _guard(not objection_upheld, step, "notice result", where, "the notice result bars it")
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
        detail = f"the probation runs until {ends}, not over on {at.date()}"
        _guard(early or at.date() >= ends, step, "probation", rule.cite, detail)
        _guard(not early or bool(reason.strip()), step, "reason", rule.cite, "none given")
        return _event(case, step, at, actor, {"outcome": str(outcome), "reason": reason})


def _event(case: Case, step: Step, at: datetime, actor: str, data: dict[str, Any]) -> Event:
    return Event(case.id, len(case.events) + 1, step, at, actor, data)


def dossier(case: Case, reader: str) -> tuple[Event, ...]:
    """The candidate's dossier, every step with who did what and when and its figures, for
    the selection team and the committee only."""
    if reader not in case.team | case.committee:
        raise AccessDeniedError(
            f"{reader!r} is on neither the selection team nor the committee of case {case.id}"
        )
    return case.events
