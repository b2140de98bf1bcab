"""Selection use cases: a case opened by its motion, then each step of the procedure
(`govops.cadres.model.selection`) appended as an event only when its guards hold: the only
code that commits selection events; nothing is updated in place.

- Rules: each step is judged by the pack's parameters in force on the day it was done
  (`cited_rules(ProcedureRules, pack.rules_as_of(day))`), on the pack's jurisdiction's
  working-day calendar (given by the composition root).
- Times: a step's `at` (default: now) is taken in the pack's timezone, so its date is the
  local day of the act; a time more than five minutes ahead of the clock is refused (done
  steps only). Stored times come back in that timezone before being folded.
- Relations (43, 44): the kinships that make a member or an investigator withdraw are
  declared with the motion (and those of the other subjects with the investigation) and
  kept in its event (`relations`), not read from the registry, whose `relative` entries
  name relatives by name, not by the person in the registry.
- The investigation (`selection_investigation`) and the steps that write the registry in
  the same unit of work, the appointment and the probation's end (`selection_posts`).
- Recorded: each event's data keeps the server's time of recording (`recorded_at`) beside
  the time of the act (`at`, which the user may give: when the committee met).
- Eligibility (6, 7, 17, 46): the registry screens the candidate on the day of the motion
  and of the decision (`selection_gate`), as an exceptional promotion (7) when the motion
  says so; a refusal blocks, warnings go on the event. The superior consent: `selection_acts`.
- Concurrency: events are numbered per case; a writer that finds its number taken reads
  again and redoes its step (at most RETRIES times).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from govops.cadres.model.people import Relation, cited_rules
from govops.cadres.model.selection import (
    Case,
    Departure,
    Event,
    Motion,
    Procedure,
    fold,
    open_case,
)
from govops.cadres.model.steps import ProcedureRules, Vote, selection_order
from govops.cadres.ports import RegistryConflictError, SelectionConflictError, SelectionUnitOfWork
from govops.cadres.service.registry import RegistryService
from govops.cadres.service.selection_acts import Make
from govops.cadres.service.selection_gate import Candidates
from govops.cadres.service.selection_inputs import (
    MAX_TEXT,
    SelectionInputError,
    SelectionNotFoundError,
    checked_counts,
    checked_departure,
    checked_names,
    checked_text,
    checked_when,
    committee_members,
    declared,
    relations_of,
)
from govops.cadres.service.selection_investigation import InvestigationActs
from govops.cadres.service.selection_posts import PostActs, Then
from govops.lawcode.dated.calendar import WorkingDayCalendar
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import msg

__all__ = ["SelectionInputError", "SelectionNotFoundError", "SelectionService"]
RETRIES = 5
RECORDED_AT = "recorded_at"  # in an event's data: when the server recorded it


class SelectionService(InvestigationActs, PostActs):
    def __init__(
        self,
        unit_of_work: Callable[[], SelectionUnitOfWork],
        clock: Callable[[], datetime],
        pack: Pack,
        calendar: WorkingDayCalendar,
        registry: RegistryService,
    ) -> None:
        """`pack` (cn-cadre-selection) gives the rules and the local timezone; `calendar`
        is its jurisdiction's working-day calendar; `registry` the cadre registry the
        candidate is screened in."""
        self._uow, self._clock, self._pack, self._calendar = unit_of_work, clock, pack, calendar
        self._zone = ZoneInfo(pack.timezone)
        self._candidates = Candidates(registry)
        self._order = selection_order(pack)

    def open(
        self,
        motion: Motion,
        actor: str,
        *,
        at: datetime | None = None,
        relations: Iterable[Relation] = (),
    ) -> Case:
        """MOTION (10): a new case for one candidate and one post, with the committee, the
        selection team and the declared kinships (43), once the candidate is found in the
        registry and eligible on its day (6, 7, 17, 46)."""
        actor = checked_text("actor", actor, 100)
        candidate = checked_text("candidate", motion.candidate)
        motion = Motion(
            candidate,
            checked_text("post", motion.post),
            checked_names("committee", motion.committee),
            checked_names("team", motion.team),
            checked_text("plan", motion.plan, MAX_TEXT, required=False),
            self._candidates.identify(candidate, motion.cadre),
            motion.rank,
            motion.party_post,
            motion.exceptional,
            checked_text("exceptional_reasons", motion.exceptional_reasons, MAX_TEXT, False),
        )
        kinships = declared(relations)
        when = self._when(at)
        flags = motion.party_post, motion.exceptional
        screening = self._candidates.screen(motion.cadre, motion.rank, when.date(), *flags)
        event = open_case(uuid.uuid4().hex, when, actor, motion, self._rules(when), screening)
        event = self._stamped(replace(event, data=event.data | {"relations": kinships}))
        with self._uow() as uow:
            uow.selections.append([event])
            uow.commit()
        return fold([event], self._order)

    def recommend(
        self,
        case_id: str,
        actor: str,
        *,
        expected: int,
        attended: int,
        interviewed: int,
        departure: Departure | None = None,
        at: datetime | None = None,
    ) -> Event:
        """RECOMMENDATION (11-15): attendance of those expected, and those interviewed;
        below the "as a rule" thresholds (13) only with a `departure`."""
        checked_counts(expected, attended, interviewed)
        departed = checked_departure(departure)
        counts = {"expected": expected, "attended": attended, "heard": interviewed}
        return self._step(
            case_id,
            actor,
            at,
            lambda p, case, when, who: p.recommend(case, when, who, **counts, departure=departed),
        )

    def decide(
        self,
        case_id: str,
        actor: str,
        *,
        votes: Mapping[str, Vote],
        postpone: str = "",
        at: datetime | None = None,
    ) -> Event:
        """DECISION (28-31): the candidate screened again; a vote not carried recorded as
        such (31(3)); with a reason to `postpone`, the decision postponed (30)."""
        postpone = checked_text("postpone", postpone, MAX_TEXT, required=False)
        when = self._when(at)  # screened outside the case's unit of work, on the vote's day
        screening = self._candidates.again(self.get(case_id), when.date())

        def make(procedure: Procedure, case: Case, day: datetime, who: str) -> Event:
            committee_members("votes", votes.keys(), case)
            return procedure.decide(
                case, day, who, votes=votes, screening=screening, postpone=postpone
            )

        return self._step(case_id, actor, when, make)

    def reconsider(
        self,
        case_id: str,
        actor: str,
        *,
        consents: Iterable[str],
        reason: str,
        at: datetime | None = None,
    ) -> Event:
        """RECONSIDERATION (30 para 2) after a vote not carried: the members consenting."""
        members = checked_names("consents", consents)
        reason = checked_text("reason", reason, MAX_TEXT)

        def make(procedure: Procedure, case: Case, when: datetime, who: str) -> Event:
            committee_members("consents", members, case)
            return procedure.reconsider(case, when, who, consents=members, reason=reason)

        return self._step(case_id, actor, at, make)

    def publish(self, case_id: str, actor: str, *, at: datetime | None = None) -> Event:
        """PUBLIC_NOTICE (34) from the day of `at`, for the pack's working days."""
        return self._step(case_id, actor, at, lambda p, case, when, who: p.publish(case, when, who))

    def get(self, case_id: str) -> Case:
        with self._uow() as uow:
            return self._load(uow, case_id)

    def cases(self) -> list[Case]:
        """Every case, the latest motion first."""
        with self._uow() as uow:
            return [self._load(uow, case_id) for case_id in uow.selections.case_ids()]

    def _step(
        self, case_id: str, actor: str, at: datetime | None, make: Make, then: Then | None = None
    ) -> Event:
        """Read, judge, append (with what `then` writes beside the event, in the same unit
        of work); on a concurrent append, read again and redo."""
        actor = checked_text("actor", actor, 100)
        for _ in range(RETRIES):
            when = self._when(at)
            with self._uow() as uow:
                case = self._load(uow, case_id)
                procedure = Procedure(self._rules(when), self._calendar, relations_of(case))
                event = self._stamped(make(procedure, case, when, actor))
                try:
                    event = event if then is None else then(uow, case, event)
                    uow.selections.append([event])
                    uow.commit()
                except (SelectionConflictError, RegistryConflictError):
                    continue
                return event
        raise SelectionConflictError(
            msg("case {case} is being changed by others; try again", case=case_id)
        )

    def _stamped(self, event: Event) -> Event:
        """The event with the server's time of recording beside the time of the act."""
        return replace(event, data=event.data | {RECORDED_AT: self._now().isoformat()})

    def _now(self) -> datetime:
        return self._clock().astimezone(self._zone)

    def _load(self, uow: SelectionUnitOfWork, case_id: str) -> Case:
        events = uow.selections.events(case_id)
        if not events:
            raise SelectionNotFoundError(case_id)
        return fold([replace(e, at=e.at.astimezone(self._zone)) for e in events], self._order)

    def _rules(self, when: datetime) -> ProcedureRules:
        try:
            return cited_rules(ProcedureRules, self._pack.rules_as_of(when.date()))
        except ParameterError as error:
            raise SelectionInputError("at", error.message) from None

    def _when(self, at: datetime | None) -> datetime:
        return checked_when(at, self._clock(), self._zone)
