"""Registry use cases. The only code that commits; every change appends an entry.

`record_for` assembles, from the facts in force, the cadre record of a person as of a date
in the shape the `cadre-record` adapter reads; `eligibility` decides it with the pack's
table of breaches (cn-cadre-selection `eligibility`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from govops.cadres.model.adapter import cadre_record
from govops.cadres.model.record import EDUCATION, RANKS
from govops.cadres.model.registry import (
    Cadre,
    Entry,
    EntryKind,
    Person,
    RegistryInputError,
    check_addition,
    check_correction,
    check_entry,
    checked_text,
    fold,
    parse_date,
)
from govops.cadres.ports import CadreUnitOfWork, RegistryConflictError
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.rules.verdict import assess
from govops.lawcode.sources.pack import Pack

RETRIES = 5
ELIGIBILITY_TABLE = "eligibility"
_INDEXED = re.compile(r"^(positions|assessments|disciplinary)\[(\d+)\]")


class CadreNotFoundError(LookupError):
    """No such person, or no such entry of a person; args[0] says which."""


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

    def add_person(self, name: str) -> Cadre:
        person = Person(uuid.uuid4().hex, checked_text("name", name), self._now())
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
                raise CadreNotFoundError(f"no entry {seq} of cadre {person_id!r}")
            entry_kind, checked = check_entry(kind or target.kind, data, now.date())
            check_correction(cadre, seq, entry_kind)
            check_addition(cadre, entry_kind, checked, replacing=seq)
            return Entry(person_id, cadre.version + 1, entry_kind, checked, actor, now, seq)

        return self._append(person_id, make)

    def get(self, person_id: str) -> Cadre:
        with self._uow() as uow:
            person = uow.cadres.person(person_id)
            if person is None:
                raise CadreNotFoundError(f"no cadre {person_id!r}")
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
            raise RuntimeError("the registry was built without the cadre selection pack")
        used = self.record_for(person_id, target_rank, as_of, exceptional, is_party_post)
        record, sources = used["record"], used["sources"]
        try:
            adapted = cadre_record(record)
            day = adapted.as_of or parse_date(record["as_of"], "as_of")
            decider = Decider(self._pack.table(ELIGIBILITY_TABLE), self._pack.rules_as_of(day))
            decision = decider.decide(adapted.inputs)
        except ParameterError as error:
            raise RegistryInputError("as_of", str(error)) from None
        except InputError as error:
            raise _from_record(error, sources) from None
        answer: dict[str, Any] = {"person": person_id, "pack": self._pack.id}
        answer |= assess(decision).as_dict(decision) | decision.as_dict()
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
                    raise CadreNotFoundError(f"no cadre {person_id!r}")
                entry = make(fold(person, uow.cadres.entries(person_id)), now)
                try:
                    uow.cadres.append([entry])
                    uow.commit()
                except RegistryConflictError:
                    continue
                return entry
        raise RegistryConflictError(f"cadre {person_id} is being changed by others; try again")

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must give timezone-aware times")
        return now.astimezone(self._zone)


def assemble(
    cadre: Cadre, target_rank: str, as_of: date, exceptional: bool, is_party_post: bool
) -> dict[str, Any]:
    """{"record": the cadre record as of `as_of`, "sources": record field -> entry seq}.
    Facts dated after as_of are left out; a post ending after it is held on it."""
    if target_rank not in RANKS:
        raise RegistryInputError(
            "target_rank", f"unknown rank {target_rank!r} ({', '.join(RANKS)})"
        )
    sources: dict[str, int] = {}
    work = [e for e in cadre.facts(EntryKind.WORK_START) if _on(e, "date", as_of)]
    if not work:
        if cadre.facts(EntryKind.WORK_START):
            raise RegistryInputError("as_of", f"{as_of} is before the recorded start of work")
        raise RegistryInputError("work_start", "no work_start entry is recorded for this cadre")
    educations = [e for e in cadre.facts(EntryKind.EDUCATION) if _on(e, "completed_on", as_of)]
    if not educations:
        raise RegistryInputError("education", "no education entry is recorded for this cadre")
    best = max(educations, key=lambda e: EDUCATION.index(e.data["level"]))
    party = [e for e in cadre.facts(EntryKind.PARTY) if _on(e, "joined_on", as_of)]
    sources |= {"work_start": work[0].seq, "education": best.seq}
    if party:
        sources["party_join_date"] = party[0].seq
    record: dict[str, Any] = {
        "as_of": as_of.isoformat(),
        "target_rank": target_rank,
        "target_is_party_post": is_party_post,
        "work_start": work[0].data["date"],
        "education": best.data["level"],
        "party_join_date": party[0].data["joined_on"] if party else None,
        "training_completed": any(
            e.data["meets_requirement"]
            for e in cadre.facts(EntryKind.TRAINING)
            if _on(e, "completed_on", as_of)
        ),
        "exceptional": exceptional,
    }
    _history(cadre, as_of, record, sources)
    establishment = cadre.facts(EntryKind.ESTABLISHMENT)
    for entry in establishment:
        record["on_establishment"] = entry.data["on_establishment"]
        record["personnel_agency"] = entry.data["personnel_agency"]
        if "date" in entry.data and _on(entry, "date", as_of):
            record["establishment_date"] = entry.data["date"]
        sources["on_establishment"] = entry.seq
    demotions = [e.data["on"] for e in cadre.facts(EntryKind.DEMOTION) if _on(e, "on", as_of)]
    if demotions:
        record["demoted_on"] = max(demotions)
    record["spouse_or_children_abroad"] = _family_abroad(cadre, as_of)
    return {"record": record, "sources": sources}


def _history(cadre: Cadre, as_of: date, record: dict[str, Any], sources: dict[str, int]) -> None:
    """Posts, assessments of years ended before as_of, sanctions decided by then."""
    posts = sorted(
        (e for e in cadre.facts(EntryKind.POSITION) if _on(e, "start", as_of)),
        key=lambda e: (e.data["start"], e.seq),
    )
    record["positions"] = [_position(e, as_of) for e in posts]
    record["previous_promotion_exceptional"] = bool(posts) and posts[-1].data["exceptional"]
    assessed = sorted(
        (e for e in cadre.facts(EntryKind.ASSESSMENT) if e.data["year"] < as_of.year),
        key=lambda e: int(e.data["year"]),
    )
    record["assessments"] = [{"year": e.data["year"], "result": e.data["result"]} for e in assessed]
    sanctions = [e for e in cadre.facts(EntryKind.DISCIPLINE) if _on(e, "decided_on", as_of)]
    record["disciplinary"] = [
        {"kind": e.data["kind"], "effect_until": e.data["effect_until"]} for e in sanctions
    ]
    for name, entries in (
        ("positions", posts),
        ("assessments", assessed),
        ("disciplinary", sanctions),
    ):
        sources |= {f"{name}[{i}]": e.seq for i, e in enumerate(entries)}


def _on(entry: Entry, name: str, as_of: date) -> bool:
    """Whether the entry's date `name` (if it has one) is on or before as_of."""
    value = entry.data.get(name)
    return value is None or date.fromisoformat(value) <= as_of


def _position(entry: Entry, as_of: date) -> dict[str, Any]:
    data = entry.data
    end = data.get("end")
    held = end is None or date.fromisoformat(end) > as_of
    post: dict[str, Any] = {
        "rank": data["rank"],
        "start": data["start"],
        "end": None if held else end,
        "grassroots": data["grassroots"],
    }
    if "post" in data:  # the same post held twice counts once (6(2)); else each entry counts
        post["post"] = f"{data['unit']}: {data['post']}"
    if "probation_end" in data:
        post["probation_end"] = data["probation_end"]
    return post


def _family_abroad(cadre: Cadre, as_of: date) -> bool:
    """17(5): the spouse has emigrated; or, without a spouse, every child has."""
    relatives = cadre.facts(EntryKind.RELATIVE)

    def abroad(entry: Entry) -> bool:
        since = entry.data.get("abroad_since")
        return bool(entry.data["abroad"]) and (since is None or date.fromisoformat(since) <= as_of)

    spouses = [e for e in relatives if e.data["relation"] == "spouse"]
    if spouses:
        return any(abroad(e) for e in spouses)
    children = [e for e in relatives if e.data["relation"] == "child"]
    return bool(children) and all(abroad(e) for e in children)


def _from_record(error: InputError, sources: dict[str, int]) -> RegistryInputError:
    """The adapter's complaint about the assembled record, pointing at the entry."""
    match = _INDEXED.match(error.field)
    key = match.group(0) if match else error.field
    seq = sources.get(key)
    where = f" (entry {seq})" if seq is not None else ""
    return RegistryInputError(f"record.{error.field}", f"{error.message}{where}")
