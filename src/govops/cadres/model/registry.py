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
from typing import Any

from govops.cadres.model.entry_kinds import (
    FLAG,
    PAST,
    RELATION_NAMES,
    SCHEMAS,
    SINGLE,
    TEXT,
    YEAR,
    EntryKind,
)
from govops.lawcode.dated.bounds import out_of_range
from govops.lawcode.texts.messages import Text, msg

__all__ = [
    "RELATION_NAMES",
    "SCHEMAS",
    "SINGLE",
    "Cadre",
    "Entry",
    "EntryKind",
    "Person",
    "RegistryInputError",
    "check_entry",
    "checked_text",
    "fold",
    "parse_date",
]

MAX_TEXT = 200
# Control characters cannot be stored everywhere nor printed: refused, as for incidents.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RegistryInputError(ValueError):
    """A field that cannot be accepted; the API answers 422 naming it. `message` says why
    (a Message, translated where shown; plain text only from the core's own errors)."""

    def __init__(self, field: str, message: Text) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


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
            if kind_of == FLAG:
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
    if kind == TEXT:
        return checked_text(where, value)
    if kind == FLAG:
        if not isinstance(value, bool):
            raise RegistryInputError(
                where, msg("must be true or false, got {raw}", raw=repr(value))
            )
        return value
    if kind == YEAR:
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= today.year:
            raise RegistryInputError(
                where,
                msg(
                    "must be a year up to {year}, got {raw}", year=str(today.year), raw=repr(value)
                ),
            )
        return value
    day = parse_date(value, where)
    if kind == PAST and day > today:
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
    elif kind is EntryKind.ABSENCE:
        after("end", "start")
    elif kind is EntryKind.PARTY:
        after("full_member_on", "joined_on")
    elif kind is EntryKind.DISCIPLINE:
        after("effect_until", "decided_on", strict=False)
    elif kind is EntryKind.ESTABLISHMENT and data["personnel_agency"] and "date" not in data:
        raise RegistryInputError("data.date", msg("is required when personnel_agency is true"))
