"""What a new event of a community's registry must be: its fields, each checked and
normalised (dates as YYYY-MM-DD, occupancy as a decimal text), and what it refers to
(a post's member and organisation, a kinship's two members, an exception's committee)
present in the community. RegistryInputError names the field (`data.birth_date`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from govops.communities.model.registry import (
    EXCEPTIONS,
    EventKind,
    OrganisationKind,
    RegistryInputError,
    Relation,
)
from govops.lawcode.dated.bounds import out_of_range
from govops.lawcode.texts.messages import msg

MAX_TEXT = 200
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
# Control characters cannot be stored everywhere nor printed: refused, as elsewhere.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
Field = tuple[bool, Callable[[str, object], object]]  # (required, checker)


def text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise RegistryInputError(name, msg("must be text, got {raw}", raw=repr(value)))
    found = value.strip()
    if not found:
        raise RegistryInputError(name, msg("is required"))
    if len(found) > MAX_TEXT:
        raise RegistryInputError(name, msg("is longer than {limit} characters", limit=MAX_TEXT))
    if _CONTROL.search(found):
        raise RegistryInputError(name, msg("contains a control character; remove it"))
    return found


def identifier(name: str, value: object) -> str:
    found = text(name, value)
    if not _ID.match(found):
        raise RegistryInputError(
            name,
            msg(
                "must be 1 to 64 letters, digits, '.', '_' or '-', "
                "starting with a letter or digit; got {raw}",
                raw=repr(found),
            ),
        )
    return found


def day(name: str, value: object) -> str:
    if isinstance(value, date) and not isinstance(value, datetime):
        found = value
    else:
        try:
            found = date.fromisoformat(text(name, value))
        except ValueError:
            raise RegistryInputError(
                name, msg("must be a date YYYY-MM-DD, got {raw}", raw=repr(value))
            ) from None
    problem = out_of_range(found)
    if problem is not None:
        raise RegistryInputError(name, problem)
    return found.isoformat()


def flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise RegistryInputError(name, msg("must be true or false, got {raw}", raw=repr(value)))
    return value


def households(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RegistryInputError(
            name, msg("must be a whole number of 0 or more, got {raw}", raw=repr(value))
        )
    return value


def percent(name: str, value: object) -> str:
    try:
        found = Decimal(str(value)) if isinstance(value, int | float | str | Decimal) else None
    except InvalidOperation:
        found = None
    if isinstance(value, bool) or found is None or not found.is_finite() or not 0 <= found <= 100:
        raise RegistryInputError(
            name, msg("must be a percentage from 0 to 100, got {raw}", raw=repr(value))
        )
    return str(found)


def one_of(choices: type[Any] | tuple[str, ...]) -> Callable[[str, object], str]:
    known = tuple(c.value for c in choices) if isinstance(choices, type) else choices

    def check(name: str, value: object) -> str:
        if value not in known:
            raise RegistryInputError(
                name,
                msg("must be one of {known}, got {raw}", known=", ".join(known), raw=repr(value)),
            )
        return str(value)

    return check


SCHEMAS: dict[EventKind, dict[str, Field]] = {
    EventKind.FACTS: {
        "households": (True, households),
        "occupancy": (True, percent),
        "as_of": (True, day),
        "moving_in_since": (False, day),
        "applied_on": (False, day),
    },
    EventKind.ORGANISATION: {
        "id": (True, identifier),
        "kind": (True, one_of(OrganisationKind)),
        "name": (True, text),
        "formed": (True, day),
        "parent": (False, identifier),
        "subcommittee": (False, identifier),
        "building": (False, text),
        "dissolved": (False, day),
        "elected": (False, day),
    },
    EventKind.MEMBER: {
        "id": (True, identifier),
        "name": (True, text),
        "birth_date": (True, day),
        "retired": (False, flag),
        "party_member": (False, flag),
        "full_time": (False, flag),
        "residence": (False, text),
    },
    EventKind.POST: {
        "member": (True, identifier),
        "organisation": (True, identifier),
        "role": (True, identifier),  # which posts: by the organisation's kind (_check_post)
        "start": (True, day),
        "end": (False, day),
        "full_time": (False, flag),
    },
    EventKind.KINSHIP: {
        "a": (True, identifier),
        "b": (True, identifier),
        "relation": (True, one_of(Relation)),
    },
    EventKind.MEETING: {
        "organisation": (True, identifier),
        "held_on": (True, day),
    },
    EventKind.EXCEPTION: {
        "organisation": (True, identifier),
        "rule": (True, one_of(EXCEPTIONS)),
        "reason": (True, text),
        "granted_on": (True, day),
    },
}


def event_kind(kind: object) -> EventKind:
    try:
        return EventKind(str(kind))
    except ValueError:
        known = ", ".join(k.value for k in EventKind if k in SCHEMAS)
        raise RegistryInputError(
            "kind", msg("unknown kind {kind} (known: {known})", kind=repr(kind), known=known)
        ) from None


def check_fields(kind: EventKind, data: object) -> dict[str, Any]:
    """The event's fields, each checked; unknown and missing ones refused by name."""
    return fields_of(SCHEMAS[kind], kind.value, data)


def fields_of(spec: Mapping[str, Field], kind: str, data: object) -> dict[str, Any]:
    """`data`'s fields by `spec` (name: (required, checker)), each checked; an unknown one
    is refused as no field of `kind`, a missing required one as required."""
    if not isinstance(data, Mapping):
        raise RegistryInputError("data", msg("must be an object, got {raw}", raw=repr(data)))
    for name in data:
        if name not in spec:
            raise RegistryInputError(f"data.{name}", msg("is not a field of {kind}", kind=kind))
    checked: dict[str, Any] = {}
    for name, (required, check) in spec.items():
        value = data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise RegistryInputError(f"data.{name}", msg("is required"))
            continue
        checked[name] = check(f"data.{name}", value)
    return checked
