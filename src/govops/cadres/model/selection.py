"""A selection case as append-only events (actor, time, data), each step recorded only in
order and when its guards hold; otherwise StepRefusedError names the guard and its article.

MOTION (8-10) → RECOMMENDATION (11-15) → INVESTIGATION (16-27) → DECISION (28-31) →
PUBLIC_NOTICE (34) → APPOINTMENT (34, 37) → PROBATION_END (35), every number a cited
parameter (ProcedureRules), shares exact fractions. Readings: 以上/不少于 include the number,
超过 excludes it (Civil Code 1259); quorum (30) and majority (31(3)) count ALL members
(应到会成员); the candidate and the candidate's relatives withdraw (43, 44): neither present
nor voting, still members; "一年内有效" (11) runs through the anniversary (Civil Code 202);
the term, and so the probation, runs from the committee's decision (37). The case and its
order: `selection_case`; the decision and what follows one not taken: `selection_outcomes`;
the eligibility gate at the motion and the decision: `selection_gate`; exceptional
promotion (7, 29 para 2, 31(1), 34): `selection_exceptional`; departures from the "as a
rule" (一般) thresholds (13, 23): `selection_departures`; what the investigation must have
gathered (23(3), 24, 25, 27): `selection_findings`; several candidates for one post (18):
`selection_subjects`; the paragraphs the counts come from (13, 22(3), 23, 26):
`selection_counts`; the post the appointment writes into the registry:
`selection_appointment`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from govops.cadres.model import selection_appointment as appointment
from govops.cadres.model import selection_counts as counts
from govops.cadres.model import selection_exceptional as exceptional
from govops.cadres.model import selection_findings, selection_subjects
from govops.cadres.model import selection_outcomes as outcomes
from govops.cadres.model.people import Relation, withdrawing, years_after
from govops.cadres.model.selection_case import (
    AccessDeniedError,
    Case,
    Event,
    begin,
    dossier,
    fold,
    new_event,
)
from govops.cadres.model.selection_counts import UnitKind
from govops.cadres.model.selection_departures import Check, Departure, judged
from govops.cadres.model.selection_departures import at_least as minimum
from govops.cadres.model.selection_findings import Audit, Findings
from govops.cadres.model.selection_gate import Screening, gate
from govops.cadres.model.selection_subjects import Subject, Subjects
from govops.cadres.model.steps import (
    Closing,
    ProbationOutcome,
    ProcedureRules,
    Step,
    Vote,
    needed,
    refuse_unless,
)
from govops.lawcode.dated.calendar import WorkingDayCalendar
from govops.lawcode.texts.messages import msg

__all__ = ["AccessDeniedError", "Case", "Event", "Motion", "Procedure", "dossier", "fold"]
__all__ += ["Audit", "Departure", "Findings", "Subject", "Subjects", "UnitKind", "open_case"]


@dataclass(frozen=True, slots=True)
class Motion:
    """The work plan (工作方案, 10) for one post and one candidate."""

    candidate: str
    post: str
    committee: frozenset[str]  # every member of the 校党委会
    team: frozenset[str]  # the selection team: 组织部 staff in charge of the case
    plan: str = ""
    cadre: str | None = None  # the candidate's id in the registry (default: by name)
    rank: str | None = None  # the post's rank (default: the rank above the one held)
    party_post: bool = False  # a post of the university's Party organisation (6(7))
    exceptional: bool = False  # exceptional promotion (7; `selection_exceptional`)
    exceptional_reasons: str = ""  # its reasons, stated to the committee and in the notice


def open_case(
    case_id: str,
    at: datetime,
    actor: str,
    motion: Motion,
    rules: ProcedureRules,
    screening: Screening,
) -> Event:
    """MOTION: the first event of a case, once the candidate is found eligible in the
    registry on its day (`selection_gate`); the warnings are recorded with it."""
    if not actor.strip():
        raise ValueError("a step needs the actor who did it")  # i18n: not shown (checked first)
    step, committee, team = Step.MOTION, motion.committee, motion.team
    refuse_unless(bool(committee), step, "committee", rules.cite("30"), msg("no member named"))
    refuse_unless(bool(team), step, "selection team", rules.cite("9"), msg("no member named"))
    if screening.day != at.date() or screening.exceptional is not motion.exceptional:
        raise ValueError("the screening is not of the motion's day and flag")  # a bug
    stated = bool(motion.exceptional_reasons.strip()) or not motion.exceptional
    none = msg("an exceptional promotion needs its reasons stated")
    refuse_unless(stated, step, "reason", rules.cite("31(1)"), none)
    checked = gate(step, rules.document, motion.candidate, screening)
    data: dict[str, Any] = {"document": rules.document, "plan": motion.plan}
    data |= {"exceptional": motion.exceptional, "exceptional_reasons": motion.exceptional_reasons}
    data |= {"candidate": motion.candidate, "post": motion.post}
    data |= {"committee": sorted(committee), "team": sorted(team), "eligibility": checked}
    return Event(case_id, 1, step, at, actor, data)


def subjects_of(case: Case, subjects: Subjects) -> list[str]:
    """The case's candidate, then the other investigation subjects (18)."""
    return [case.candidate, *(s.name for s in subjects.others)]


@dataclass(frozen=True, slots=True)
class Procedure:
    """The steps after the motion, under one set of rules, one working-day calendar and the
    declared kinships (43) that make a member or an investigator withdraw (44). Each step
    returns the event to append, or raises StepRefusedError."""

    rules: ProcedureRules
    calendar: WorkingDayCalendar
    relations: frozenset[Relation] = frozenset()

    def _begin(self, case: Case, step: Step, at: datetime, actor: str) -> None:
        begin(case, step, at, actor)

    def recommend(
        self,
        case: Case,
        at: datetime,
        actor: str,
        *,
        expected: int,
        attended: int,
        heard: int,
        departure: Departure | None = None,
    ) -> Event:
        """RECOMMENDATION: the meeting's attendance against those expected to attend, and
        the number interviewed (谈话调研推荐, `heard`) (13); below either ("as a rule"),
        only with a `departure` (`selection_departures`)."""
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
        present = Check("attendance", attended >= share.value * expected, share.cite, detail)
        interviewed = msg("{count} interviewed", count=heard)
        heard_of = minimum("interviewed", heard, counts.interviewed(rules, case), interviewed)
        departed = judged(step, [present, heard_of], departure)
        data = {"expected": expected, "attended": attended, "interviewed": heard}
        return new_event(case, step, at, actor, data | departed)

    def investigate(  # noqa: PLR0913 (the step's figures and findings, each named)
        self,
        case: Case,
        at: datetime,
        actor: str,
        *,
        team: frozenset[str],
        consulted: int,
        findings: Findings,
        party_member: bool,
        subjects: Subjects,
        unit_kind: UnitKind | None = None,
        departure: Departure | None = None,
    ) -> Event:
        """INVESTIGATION: the investigators, less those who withdraw (44) as relatives of
        the candidate or of another subject, the number of people talked to (23; below it,
        "as a rule", only with a `departure`; its paragraph by `unit_kind`:
        `selection_counts`), what was gathered (24, 23(3) for a candidate
        not a `party_member`, 25: `selection_findings`) and the subjects (18:
        `selection_subjects`)."""
        step, rules = Step.INVESTIGATION, self.rules
        self._begin(case, step, at, actor)
        recused = frozenset().union(
            *(withdrawing(name, team, self.relations) for name in subjects_of(case, subjects))
        )
        counts.check_investigators(rules, team, recused)
        talked = msg("{count} consulted", count=consulted)
        asked = minimum("consulted", consulted, counts.consulted(rules, unit_kind), talked)
        data = {"investigators": sorted(team - recused), "recused": sorted(recused)}
        data |= judged(step, [asked], departure)
        data |= selection_findings.judged(rules, case, findings, party_member=party_member)
        data |= selection_subjects.judged(rules, case, subjects)
        kind = {"unit_kind": unit_kind.value} if unit_kind is not None else {}
        return new_event(case, step, at, actor, data | kind | {"consulted": consulted})

    def decide(
        self,
        case: Case,
        at: datetime,
        actor: str,
        *,
        votes: Mapping[str, Vote],
        screening: Screening,
        postpone: str = "",
    ) -> Event:
        """DECISION, or a vote not carried, or a decision postponed (`selection_outcomes`)."""
        ballot = outcomes.Ballot(votes, postpone)
        return outcomes.decide(self.rules, self.relations, case, at, actor, ballot, screening)

    def reconsider(
        self, case: Case, at: datetime, actor: str, *, consents: frozenset[str], reason: str
    ) -> Event:
        """RECONSIDERATION with the consent of more than half of the members (30 para 2)."""
        return outcomes.reconsider(
            self.rules, self.relations, case, at, actor, consents=consents, reason=reason
        )

    def close(self, case: Case, at: datetime, actor: str, outcome: Closing, reason: str) -> Event:
        """CLOSED: withdrawn or not appointed, with the reason; nothing follows."""
        return outcomes.close(self.rules, case, at, actor, outcome, reason)

    def publish(self, case: Case, at: datetime, actor: str) -> Event:
        """PUBLIC_NOTICE from the day of `at` (34), ending on the Nth working day after that
        day; provisional when the calendar does not confirm a year it counted through."""
        step = Step.PUBLIC_NOTICE
        self._begin(case, step, at, actor)
        days = self.rules.public_notice_working_days.value
        counted = self.calendar.add_working_days(at.date(), days)
        data = {"start": at.date().isoformat(), "end": counted.result.isoformat()}
        data |= exceptional.in_notice(case)  # the reasons of an exceptional promotion (34)
        return new_event(case, step, at, actor, data | {"provisional": counted.provisional})

    def consent(
        self, case: Case, at: datetime, actor: str, *, department: str, reference: str
    ) -> Event:
        """SUPERIOR_CONSENT to an exceptional promotion (29 para 2)."""
        return exceptional.record_consent(
            self.rules, case, at, actor, department=department, reference=reference
        )

    def appoint(
        self, case: Case, at: datetime, actor: str, unit: str, objection_upheld: bool = False
    ) -> Event:
        """APPOINTMENT once the notice has ended (from the day after its end), unless its
        result bars it (34). The term runs from the decision (37), the probation (35) too;
        the post (in `unit`) is what the registry is given (`selection_appointment`)."""
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
        data: dict[str, Any] = {"term_start": term.isoformat(), "probation_end": ends.isoformat()}
        data |= {"position": appointment.position(case, unit, term, ends)}
        return new_event(case, step, at, actor, data | {"provisional": notice["provisional"]})

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
        return new_event(case, step, at, actor, {"outcome": str(outcome), "reason": reason})
