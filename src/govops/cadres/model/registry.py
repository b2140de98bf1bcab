"""The cadre registry as append-only entries, and a person's current facts folded from them.

An entry is a dated fact about a person (a position held, an education, a training, Party
membership, a yearly assessment, a sanction, a declared relative, ...) with the officer
who recorded it and when. Nothing is edited (Art. 48(10)): a correction is a new entry of
the same kind that `supersedes` the one it corrects, a retraction withdraws one; both stay
in the history, and the fold ignores what they replaced.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from govops.cadres.model.people import Function
from govops.cadres.model.record import DISCIPLINE, EDUCATION, RANKS, RESULTS
from govops.lawcode.dated.bounds import out_of_range
from govops.lawcode.texts.messages import N_, Text, msg

MAX_TEXT = 200
RELATIONS = ("spouse", "child", "parent", "sibling", "other")
RELATION_NAMES = {
    "spouse": N_("spouse"),
    "child": N_("child"),
    "parent": N_("parent"),
    "sibling": N_("sibling"),
    "other": N_("other relative"),
}
FUNCTIONS = tuple(f.value for f in Function)  # lines of work of 43 para 2
# Art. 46: 引咎辞职, 责令辞职, 因问责被免职 (no equivalent post for one year).
ACCOUNTABILITY = ("resigned_taking_blame", "ordered_to_resign", "dismissed")
# Control characters cannot be stored everywhere nor printed: refused, as for incidents.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RegistryInputError(ValueError):
    """A field that cannot be accepted; the API answers 422 naming it. `message` says why
    (a Message, translated where shown; plain text only from the core's own errors)."""

    def __init__(self, field: str, message: Text) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class EntryKind(StrEnum):
    POSITION = "position"
    WORK_START = "work_start"
    EDUCATION = "education"
    TRAINING = "training"
    PARTY = "party"
    ASSESSMENT = "assessment"
    DISCIPLINE = "discipline"
    RELATIVE = "relative"
    ESTABLISHMENT = "establishment"
    DEMOTION = "demotion"
    ACCOUNTABILITY = "accountability"  # resignation or dismissal through accountability (46)
    RETRACTION = "retraction"  # withdraws the entry it supersedes


# Field types: a tuple is a set of codes; "past" a date not after today; "date" any date.
_PAST, _DATE, _TEXT, _FLAG, _YEAR = "past", "date", "text", "flag", "year"
Spec = Mapping[str, tuple[str | tuple[str, ...], bool]]  # field -> (type, required)

SCHEMAS: dict[EntryKind, Spec] = {
    EntryKind.POSITION: {
        "rank": (RANKS, True),
        "unit": (_TEXT, True),
        "post": (_TEXT, False),
        "start": (_PAST, True),
        "end": (_DATE, False),
        "grassroots": (_FLAG, False),
        "party_post": (_FLAG, False),
        "probation_end": (_DATE, False),
        "exceptional": (_FLAG, False),  # reached by exceptional promotion (Art. 7)
        "reports_to": (_TEXT, False),  # the registry id of the direct leader (43)
        "leads_unit": (_FLAG, False),  # a leadership post of the unit (领导职务, 43)
        "function": (FUNCTIONS, False),  # personnel, discipline, ... work (43)
    },
    EntryKind.WORK_START: {"date": (_PAST, True)},
    EntryKind.EDUCATION: {
        "level": (EDUCATION, True),
        "institution": (_TEXT, False),
        "completed_on": (_PAST, False),
    },
    EntryKind.TRAINING: {
        "course": (_TEXT, True),
        "completed_on": (_PAST, True),
        "meets_requirement": (_FLAG, False),  # the training requirement of 6(5) is met
    },
    EntryKind.PARTY: {"joined_on": (_PAST, True)},
    EntryKind.ASSESSMENT: {"year": (_YEAR, True), "result": (RESULTS, True)},
    EntryKind.DISCIPLINE: {
        "kind": (DISCIPLINE, True),
        "decided_on": (_PAST, True),
        "effect_until": (_DATE, True),  # the last day of its effect period
        "reason": (_TEXT, False),
    },
    EntryKind.RELATIVE: {
        "relation": (RELATIONS, True),
        "name": (_TEXT, True),
        "cadre_id": (_TEXT, False),  # the relative's own id in the registry, if a cadre
        "abroad": (_FLAG, False),  # has emigrated (移居国(境)外)
        "abroad_since": (_PAST, False),
    },
    EntryKind.ESTABLISHMENT: {
        "on_establishment": (_FLAG, True),
        "personnel_agency": (_FLAG, False),
        "date": (_PAST, False),  # formal entry into the establishment
    },
    EntryKind.DEMOTION: {"on": (_PAST, True), "reason": (_TEXT, False)},
    EntryKind.ACCOUNTABILITY: {
        "kind": (ACCOUNTABILITY, True),
        "on": (_PAST, True),  # the day of the resignation or dismissal
        "reason": (_TEXT, False),
    },
    EntryKind.RETRACTION: {"reason": (_TEXT, True)},
}
SINGLE = {EntryKind.WORK_START, EntryKind.PARTY, EntryKind.ESTABLISHMENT}  # one at a time


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    created_at: datetime
    created_by: str | None = None  # who added them, user@unit (None: added before it was kept)


@dataclass(frozen=True, slots=True)
class Entry:
    person_id: str
    seq: int  # 1, 2, ... per person, in the order recorded
    kind: EntryKind
    data: dict[str, Any]
    actor: str
    recorded_at: datetime
    supersedes: int | None = None


@dataclass(frozen=True, slots=True)
class Cadre:
    """A person with their whole history and the facts in force (not superseded)."""

    person: Person
    entries: tuple[Entry, ...] = ()
    superseded_by: Mapping[int, int] = field(default_factory=dict)

    @property
    def version(self) -> int:
        return self.entries[-1].seq if self.entries else 0

    @property
    def current(self) -> tuple[Entry, ...]:
        return tuple(
            e
            for e in self.entries
            if e.seq not in self.superseded_by and e.kind is not EntryKind.RETRACTION
        )

    def facts(self, kind: EntryKind) -> list[Entry]:
        return [e for e in self.current if e.kind is kind]

    def entry(self, seq: int) -> Entry | None:
        return next((e for e in self.entries if e.seq == seq), None)


def fold(person: Person, entries: list[Entry]) -> Cadre:
    """The person as the entries (in seq order) tell it."""
    superseded = {e.supersedes: e.seq for e in entries if e.supersedes is not None}
    return Cadre(person, tuple(entries), superseded)


def checked_text(field: str, value: object, required: bool = True) -> str:
    if not isinstance(value, str):
        raise RegistryInputError(field, msg("must be text, got {raw}", raw=repr(value)))
    text = value.strip()
    if required and not text:
        raise RegistryInputError(field, msg("is required"))
    if len(text) > MAX_TEXT:
        raise RegistryInputError(field, msg("is longer than {limit} characters", limit=MAX_TEXT))
    if _CONTROL.search(text):
        raise RegistryInputError(field, msg("contains a control character; remove it"))
    return text


def check_entry(kind: str, data: object, today: date) -> tuple[EntryKind, dict[str, Any]]:
    """The kind and data of a new entry, checked and normalised (dates as YYYY-MM-DD).
    Raises RegistryInputError naming the field (`data.start`)."""
    try:
        entry_kind = EntryKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in EntryKind)
        raise RegistryInputError(
            "kind", msg("unknown kind {kind} (known: {known})", kind=repr(kind), known=known)
        ) from None
    if not isinstance(data, Mapping):
        raise RegistryInputError("data", msg("must be an object, got {raw}", raw=repr(data)))
    spec = SCHEMAS[entry_kind]
    for name in data:
        if name not in spec:
            fields = ", ".join(spec)
            raise RegistryInputError(
                f"data.{name}",
                msg("is not a field of {kind} ({fields})", kind=kind, fields=fields),
            )
    result: dict[str, Any] = {}
    for name, (kind_of, required) in spec.items():
        value = data.get(name)
        if value is None:
            if required:
                raise RegistryInputError(f"data.{name}", msg("is required"))
            if kind_of == _FLAG:
                result[name] = False
            continue
        result[name] = _value(kind_of, value, f"data.{name}", today)
    _check_together(entry_kind, result)
    return entry_kind, result


def _value(kind: str | tuple[str, ...], value: object, where: str, today: date) -> object:
    if isinstance(kind, tuple):
        if not isinstance(value, str) or value not in kind:
            raise RegistryInputError(
                where,
                msg(
                    "unknown code {code} (known: {known})", code=repr(value), known=", ".join(kind)
                ),
            )
        return value
    if kind == _TEXT:
        return checked_text(where, value)
    if kind == _FLAG:
        if not isinstance(value, bool):
            raise RegistryInputError(
                where, msg("must be true or false, got {raw}", raw=repr(value))
            )
        return value
    if kind == _YEAR:
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= today.year:
            raise RegistryInputError(
                where,
                msg(
                    "must be a year up to {year}, got {raw}", year=str(today.year), raw=repr(value)
                ),
            )
        return value
    day = parse_date(value, where)
    if kind == _PAST and day > today:
        raise RegistryInputError(where, msg("{day} is in the future", day=day))
    return day.isoformat()


def parse_date(value: object, where: str) -> date:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            refused = out_of_range(day)
            if refused is not None:
                raise RegistryInputError(where, refused)
            return day
    raise RegistryInputError(where, msg("must be a date YYYY-MM-DD, got {raw}", raw=repr(value)))


def _check_together(kind: EntryKind, data: dict[str, Any]) -> None:
    def after(later: str, earlier: str, strict: bool = True) -> None:
        if later in data and earlier in data:
            bad = data[later] <= data[earlier] if strict else data[later] < data[earlier]
            if bad:
                raise RegistryInputError(
                    f"data.{later}", msg("must be after {field}", field=earlier)
                )

    if kind is EntryKind.POSITION:
        after("end", "start")
        after("probation_end", "start")
    elif kind is EntryKind.DISCIPLINE:
        after("effect_until", "decided_on", strict=False)
    elif kind is EntryKind.ESTABLISHMENT and data["personnel_agency"] and "date" not in data:
        raise RegistryInputError("data.date", msg("is required when personnel_agency is true"))
