"""The investigation (16-27) as a use case of `SelectionService` (a base class, so that its
module stays small): the investigators, less those who withdraw (44) as relatives of the
candidate or of another subject (kinships declared with the motion or with the
investigation, 43), those consulted (23, "as a rule": below it only with a departure; the
paragraph by the kind of the candidate's unit), what was gathered (24, 23(3), 25, 27:
`govops.cadres.model.selection_findings`) and the other investigation subjects for the
post, each screened in the registry on the day, or the reason there are none (18:
`govops.cadres.model.selection_subjects`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from govops.cadres.model.people import Kinship, Relation
from govops.cadres.model.selection import Case, Departure, Event, Findings, Procedure
from govops.cadres.service.selection_acts import RecordedActs
from govops.cadres.service.selection_gate import Candidates, Named
from govops.cadres.service.selection_inputs import (
    SelectionInputError,
    checked_departure,
    checked_findings,
    checked_names,
    checked_unit_kind,
    declared,
)
from govops.lawcode.texts.messages import msg


class InvestigationActs(RecordedActs):
    _candidates: Candidates

    def get(self, case_id: str) -> Case:
        raise NotImplementedError  # SelectionService's

    def _when(self, at: datetime | None) -> datetime:
        raise NotImplementedError  # SelectionService's

    def investigate(  # noqa: PLR0913 (the step's fields, each named as in its body)
        self,
        case_id: str,
        actor: str,
        *,
        investigators: Iterable[str],
        consulted: int,
        findings: Findings,
        subjects: Iterable[Named] = (),
        concentrated: str = "",
        unit_kind: object = None,
        relations: Iterable[Relation] = (),
        departure: Departure | None = None,
        at: datetime | None = None,
    ) -> Event:
        """INVESTIGATION (16-27): the investigators, those consulted, the `findings`, the
        other `subjects` (name, and registry id where names are shared) or why there are
        none (`concentrated`, 18), the `unit_kind` (23(1), 23(2)), and the kinships of the
        subjects not declared with the motion (`relations`, 43)."""
        team, departed = checked_names("investigators", investigators), checked_departure(departure)
        if consulted < 0:
            raise SelectionInputError("consulted", msg("must not be negative"))
        found, kinships = checked_findings(findings), declared(relations)
        when, case = self._when(at), self.get(case_id)
        member = self._candidates.party_member(case, when.date())
        others = self._candidates.subjects(case, subjects, concentrated, when.date())
        added = frozenset(Relation(k["a"], k["b"], Kinship(k["kind"])) for k in kinships)

        def make(procedure: Procedure, case: Case, day: datetime, who: str) -> Event:
            kind = checked_unit_kind(unit_kind, procedure.rules)
            with_kin = replace(procedure, relations=procedure.relations | added)
            event = with_kin.investigate(
                case,
                day,
                who,
                team=team,
                consulted=consulted,
                findings=found,
                party_member=member,
                subjects=others,
                unit_kind=kind,
                departure=departed,
            )
            return replace(event, data=event.data | ({"relations": kinships} if kinships else {}))

        return self._step(case_id, actor, when, make)
