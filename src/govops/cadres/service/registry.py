"""Registry use cases. The only code that commits; every change appends an entry.

`record_for` assembles, from the facts in force, the cadre record of a person as of a date
in the shape the `cadre-record` adapter reads; `eligibility` decides it with the pack's
table of breaches (cn-cadre-selection `eligibility`); its warning of a missing annual
result (17(3)) names the years (`years`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from govops.cadres.model.adapter import assessment_window, cadre_record
from govops.cadres.model.corrections import check_addition, check_correction
from govops.cadres.model.registry import (
    Cadre,
    Entry,
    Person,
    RegistryInputError,
    check_entry,
    checked_text,
    fold,
    parse_date,
)
from govops.cadres.ports import CadreUnitOfWork, RegistryConflictError
from govops.cadres.service.record import assemble
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.rules.verdict import assess
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg

RETRIES = 5
ELIGIBILITY_TABLE = "eligibility"
MISSING_ASSESSMENT = "assessment_missing"  # the table's warning of a result not recorded
_INDEXED = re.compile(r"^(positions|assessments|disciplinary)\[(\d+)\]")


class CadreNotFoundError(LookupError):
    """No such person, or no such entry of a person; `message` says which (translated
    where shown; args[0] is the English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class RegistryService:
    def __init__(
        self,
        unit_of_work: Callable[[], CadreUnitOfWork],
        clock: Callable[[], datetime],
        pack: Pack | None = None,
    ) -> None:
        """`pack` (cn-cadre-selection) decides eligibility and gives the local timezone."""
        self._uow, self._clock, self._pack = unit_of_work, clock, pack
        self._zone = ZoneInfo(pack.timezone if pack is not None else "UTC")

    def add_person(self, name: str, actor: str) -> Cadre:
        """A new person in the registry, added by `actor` (user@unit)."""
        checked_text("actor", actor)
        person = Person(uuid.uuid4().hex, checked_text("name", name), self._now(), actor)
        with self._uow() as uow:
            uow.cadres.add_person(person)
            uow.commit()
        return fold(person, [])

    def add_entry(self, person_id: str, kind: str, data: object, actor: str) -> Entry:
        checked_text("actor", actor)
        entry_kind, checked = check_entry(kind, data, self.today())

        def make(cadre: Cadre, now: datetime) -> Entry:
            check_addition(cadre, entry_kind, checked)
            return Entry(person_id, cadre.version + 1, entry_kind, checked, actor, now)

        return self._append(person_id, make)

    def correct(
        self, person_id: str, seq: int, kind: str | None, data: object, actor: str
    ) -> Entry:
        """A new entry superseding entry `seq`: of its kind (default) or a retraction."""
        checked_text("actor", actor)

        def make(cadre: Cadre, now: datetime) -> Entry:
            target = cadre.entry(seq)
            if target is None:
                raise CadreNotFoundError(
                    msg("no entry {seq} of cadre {cadre}", seq=seq, cadre=repr(person_id))
                )
            entry_kind, checked = check_entry(kind or target.kind, data, now.date())
            check_correction(cadre, seq, entry_kind)
            check_addition(cadre, entry_kind, checked, replacing=seq)
            return Entry(person_id, cadre.version + 1, entry_kind, checked, actor, now, seq)

        return self._append(person_id, make)

    def get(self, person_id: str) -> Cadre:
        with self._uow() as uow:
            person = uow.cadres.person(person_id)
            if person is None:
                raise CadreNotFoundError(msg("no cadre {cadre}", cadre=repr(person_id)))
            return fold(person, uow.cadres.entries(person_id))

    def people(self) -> list[Person]:
        with self._uow() as uow:
            return uow.cadres.people()

    def record_for(
        self,
        person_id: str,
        target_rank: str,
        as_of: date | str | None = None,
        exceptional: bool = False,
        is_party_post: bool = False,
    ) -> dict[str, Any]:
        """The cadre record as of `as_of` (default today), with `sources`: the entry each
        part of it comes from."""
        day = as_of if isinstance(as_of, date) else self.today()
        if isinstance(as_of, str):
            day = parse_date(as_of, "as_of")
        return assemble(self.get(person_id), target_rank, day, exceptional, is_party_post)

    def eligibility(
        self,
        person_id: str,
        target_rank: str,
        as_of: date | str | None = None,
        exceptional: bool = False,
        is_party_post: bool = False,
    ) -> dict[str, Any]:
        """Verdict, refusals and warnings (with their articles), fired clauses, and the
        record used. A record the adapter refuses raises RegistryInputError naming the
        field and the entry it came from."""
        if self._pack is None:
            raise RuntimeError("the registry was built without the cadre selection pack")  # a bug
        used = self.record_for(person_id, target_rank, as_of, exceptional, is_party_post)
        record, sources = used["record"], used["sources"]
        try:
            adapted = cadre_record(record)
            day = adapted.as_of or parse_date(record["as_of"], "as_of")
            decider = Decider(self._pack.table(ELIGIBILITY_TABLE), self._pack.rules_as_of(day))
            decision = decider.decide(adapted.inputs)
        except ParameterError as error:
            raise RegistryInputError("as_of", error.message) from None
        except InputError as error:
            raise _from_record(error, sources) from None
        answer: dict[str, Any] = {"person": person_id, "pack": self._pack.id}
        answer |= assess(decision).as_dict(decision) | decision.as_dict()
        _name_missing_years(answer, record, day)
        return answer | {"record": record, "sources": sources}

    def today(self) -> date:
        return self._now().date()

    def _append(self, person_id: str, make: Callable[[Cadre, datetime], Entry]) -> Entry:
        """Read, decide, append; on a concurrent append, read again and redo."""
        for _ in range(RETRIES):
            now = self._now()
            with self._uow() as uow:
                person = uow.cadres.person(person_id)
                if person is None:
                    raise CadreNotFoundError(msg("no cadre {cadre}", cadre=repr(person_id)))
                entry = make(fold(person, uow.cadres.entries(person_id)), now)
                try:
                    uow.cadres.append([entry])
                    uow.commit()
                except RegistryConflictError:
                    continue
                return entry
        raise RegistryConflictError(
            msg("cadre {cadre} is being changed by others; try again", cadre=person_id)
        )

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must give timezone-aware times")  # a bug
        return now.astimezone(self._zone)


def _name_missing_years(answer: dict[str, Any], record: dict[str, Any], day: date) -> None:
    """The warning of a missing annual result (17(3)) names the years (`years`)."""
    assessed = {int(a["year"]) for a in record["assessments"]}
    for warning in answer["warnings"]:
        if warning["id"] == MISSING_ASSESSMENT:
            warning["years"] = list(assessment_window(assessed, day).missing)


def _from_record(error: InputError, sources: dict[str, int]) -> RegistryInputError:
    """The adapter's complaint about the assembled record, pointing at the entry."""
    match = _INDEXED.match(error.field)
    key = match.group(0) if match else error.field
    seq = sources.get(key)
    field = f"record.{error.field}"
    if seq is None:
        return RegistryInputError(field, error.message)
    return RegistryInputError(field, msg("{problem} (entry {seq})", problem=error.message, seq=seq))
