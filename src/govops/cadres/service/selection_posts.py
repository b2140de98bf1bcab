"""The steps of `SelectionService` that write the cadre registry too, in the same unit of
work as their event (a base class, so that its module stays small): the appointment adds
the post (`position` entry, with its probation end, 35, and term start, 37), and a
probation not confirmed or ended early ends it (a correction giving its `end`, 35 para 2,
3), and the posts held at another rank are ended on the term's start (one rank at a time);
what is written, and the readings: `govops.cadres.model.selection_appointment`. The event
keeps the entries' places (`registry`: person, seq, the posts `ended`, or the entry it
`corrects`). A clash with another writer of the case or of the cadre is retried with the
whole step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from govops.cadres.model import selection_appointment as appointment
from govops.cadres.model.corrections import check_addition, check_correction
from govops.cadres.model.registry import Cadre, Entry, EntryKind, RegistryInputError, check_entry
from govops.cadres.model.registry import fold as fold_cadre
from govops.cadres.model.selection import Case, Event
from govops.cadres.model.steps import ProbationOutcome, Step
from govops.cadres.ports import SelectionUnitOfWork
from govops.cadres.service.selection_acts import RecordedActs
from govops.cadres.service.selection_inputs import MAX_TEXT, SelectionInputError, checked_text
from govops.lawcode.texts.messages import msg

Then = Callable[[SelectionUnitOfWork, Case, Event], Event]
"""What a step writes beside its event, in its unit of work: the event as it is kept."""


class PostActs(RecordedActs):
    def _now(self) -> datetime:
        raise NotImplementedError  # SelectionService's: the clock, in the pack's timezone

    def appoint(
        self,
        case_id: str,
        actor: str,
        *,
        unit: str,
        objection_upheld: bool = False,
        at: datetime | None = None,
    ) -> Event:
        """APPOINTMENT (34, 37) after the notice has ended, unless its result bars it; the
        post, in `unit`, written into the registry."""
        unit = checked_text("unit", unit)
        return self._step(
            case_id,
            actor,
            at,
            lambda p, case, when, who: p.appoint(case, when, who, unit, objection_upheld),
            self._add_post,
        )

    def end_probation(
        self,
        case_id: str,
        actor: str,
        *,
        outcome: ProbationOutcome,
        reason: str = "",
        at: datetime | None = None,
    ) -> Event:
        """PROBATION_END (35): confirmed or not once it has run, or ended early with a
        reason; the post ended in the registry when the cadre is removed from it."""
        reason = checked_text("reason", reason, MAX_TEXT, required=False)
        return self._step(
            case_id,
            actor,
            at,
            lambda p, case, when, who: p.end_probation(case, when, who, outcome, reason),
            self._end_post if appointment.removed(outcome) else None,
        )

    def _add_post(self, uow: SelectionUnitOfWork, case: Case, event: Event) -> Event:
        cadre = _cadre(uow, appointment.appointee(case))
        kind, data = _checked(EntryKind.POSITION, event.data["position"], event)
        posts = cadre.facts(EntryKind.POSITION)
        found = appointment.already(posts, data)
        if found is not None:  # recorded by hand already: pointed at, not written twice
            written = {"person": cadre.person.id, "seq": found.seq, "ended": []}
            return replace(event, data=event.data | {appointment.REGISTRY: written})
        entries: list[Entry] = []
        for other in appointment.at_other_ranks(posts, data):  # one rank at a time
            changed = appointment.ended(other.data, date.fromisoformat(data["start"]))
            if changed is not None:
                entries.append(self._corrected(cadre, other.seq, changed, event, len(entries)))
        try:
            check_addition(cadre, kind, data)
        except RegistryInputError as error:
            raise _refused(error) from None
        seq = cadre.version + len(entries) + 1
        entries.append(Entry(cadre.person.id, seq, kind, data, event.actor, self._now()))
        uow.cadres.append(entries)
        written = {
            "person": cadre.person.id,
            "seq": seq,
            "ended": [e.supersedes for e in entries[:-1]],
        }
        return replace(event, data=event.data | {appointment.REGISTRY: written})

    def _end_post(self, uow: SelectionUnitOfWork, case: Case, event: Event) -> Event:
        written = case.event(Step.APPOINTMENT).data.get(appointment.REGISTRY)
        if written is None:  # appointed before appointments wrote the registry
            return event
        cadre = _cadre(uow, written["person"])
        seq = int(written["seq"])
        while seq in cadre.superseded_by:  # the entry in force, if it was corrected since
            seq = cadre.superseded_by[seq]
        post = cadre.entry(seq)
        if post is None or post.kind is not EntryKind.POSITION:  # retracted: nothing to end
            return event
        changed = appointment.ended(post.data, event.at.date())
        if changed is None:
            return event
        entry = self._corrected(cadre, seq, changed, event)
        uow.cadres.append([entry])
        ended = {"person": cadre.person.id, "seq": entry.seq, "corrects": seq}
        return replace(event, data=event.data | {appointment.REGISTRY: ended})

    def _corrected(
        self, cadre: Cadre, seq: int, data: dict[str, Any], event: Event, before: int = 0
    ) -> Entry:
        """The correction of entry `seq` to `data`, after `before` entries not yet stored."""
        kind, checked = _checked(EntryKind.POSITION, data, event)
        try:
            check_correction(cadre, seq, kind)
            check_addition(cadre, kind, checked, replacing=seq)
        except RegistryInputError as error:
            raise _refused(error) from None
        number = cadre.version + before + 1
        return Entry(cadre.person.id, number, kind, checked, event.actor, self._now(), seq)


def _cadre(uow: SelectionUnitOfWork, person_id: str | None) -> Cadre:
    person = None if person_id is None else uow.cadres.person(person_id)
    if person is None or person_id is None:
        raise SelectionInputError(
            "cadre",
            msg("the candidate is not in the cadre registry, so the post cannot be written"),
        )
    return fold_cadre(person, uow.cadres.entries(person_id))


def _checked(
    kind: EntryKind, data: dict[str, Any], event: Event
) -> tuple[EntryKind, dict[str, Any]]:
    try:
        return check_entry(kind.value, data, event.at.date())
    except RegistryInputError as error:
        raise _refused(error) from None


def _refused(error: RegistryInputError) -> SelectionInputError:
    """The registry's refusal of what the step would write, as the step's."""
    return SelectionInputError(f"registry.{error.field}", error.message)
