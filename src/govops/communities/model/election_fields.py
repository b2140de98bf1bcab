"""The fields of each step of an election as recorded (the six steps of slide 42), each
checked and normalised as the registry's own fields are; RegistryInputError names the
field (`data.voters[3].birth_date`). Lists are bounded, so one request stays bounded in
size and in the work it asks for."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from govops.communities.model.election import RegisterRow, Step
from govops.communities.model.registry import RegistryInputError
from govops.communities.model.registry_checks import day, fields_of, flag, identifier, text
from govops.lawcode.texts.messages import msg

MAX_VOTERS = 20_000  # a community of 3,000 households has fewer adults than this
MAX_PEOPLE = 60  # an election committee, representatives, a slate
MAX_SERIAL = 32
Check = Callable[[str, object], object]


def count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 99:
        raise RegistryInputError(name, msg("must be a whole number from 1 to 99"))
    return value


def people(name: str, value: object, limit: int = MAX_PEOPLE) -> list[str]:
    """A list of people by id, none twice, at most `limit`."""
    items = _list(name, value, limit)
    found: list[str] = []
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        person = identifier(f"{name}[{i}]", item)
        if person in seen:
            raise RegistryInputError(name, msg("{id} is listed twice", id=person))
        seen.add(person)
        found.append(person)
    return found


def voters(name: str, value: object) -> list[dict[str, Any]]:
    """The register's rows: id, name, birth_date, resident, deprived (optional)."""
    rows = []
    for i, item in enumerate(_list(name, value, MAX_VOTERS), 1):
        where = f"{name}[{i}]"
        if not isinstance(item, Mapping):
            raise RegistryInputError(where, msg("must be an object, got {raw}", raw=repr(item)))
        _only(where, item, ("line", "id", "name", "birth_date", "resident", "deprived"))
        row: dict[str, Any] = {"line": _line(where, item.get("line"), i)}
        row["id"] = identifier(f"{where}.id", _given(where, item, "id"))
        row["name"] = text(f"{where}.name", _given(where, item, "name"))
        born, resident = item.get("birth_date"), item.get("resident")
        row["birth_date"] = None if born in (None, "") else day(f"{where}.birth_date", born)
        row["resident"] = None if resident in (None, "") else flag(f"{where}.resident", resident)
        row["deprived"] = flag(f"{where}.deprived", item.get("deprived", False))
        rows.append(row)
    return rows


def register_rows(rows: list[dict[str, Any]]) -> list[RegisterRow]:
    """The rows as `check_register` reads them."""
    return [
        RegisterRow(
            r["line"],
            r["id"],
            r["name"],
            date.fromisoformat(r["birth_date"]) if r["birth_date"] else None,
            r["resident"],
            r["deprived"],
        )
        for r in rows
    ]


def ballots(name: str, value: object) -> list[dict[str, Any]]:
    """Ballots by serial: {"serial": "0001", "marks": ["c1", "c3"]}; no marks is blank."""
    found = []
    for i, item in enumerate(_list(name, value, MAX_VOTERS, empty=True), 1):
        where = f"{name}[{i}]"
        if not isinstance(item, Mapping):
            raise RegistryInputError(where, msg("must be an object, got {raw}", raw=repr(item)))
        _only(where, item, ("serial", "marks"))
        serial = text(f"{where}.serial", _given(where, item, "serial"))
        if len(serial) > MAX_SERIAL:
            raise RegistryInputError(f"{where}.serial", msg("is too long"))
        marks = _list(f"{where}.marks", item.get("marks", []), MAX_PEOPLE, empty=True)
        checked = [identifier(f"{where}.marks[{j}]", m) for j, m in enumerate(marks, 1)]
        found.append({"serial": serial, "marks": checked})
    return found


# The fields of each step: (required, checker).
STEP_FIELDS: dict[Step, dict[str, tuple[bool, Check]]] = {
    Step.ELECTION_COMMITTEE: {
        "election": (True, identifier),
        "organisation": (True, identifier),
        "seats": (True, count),
        "day": (True, day),
        "members": (True, people),
    },
    Step.VOTER_REGISTRATION: {"election": (True, identifier), "voters": (True, voters)},
    Step.REPRESENTATIVES: {
        "election": (True, identifier),
        "held_on": (True, day),
        "representatives": (True, people),
    },
    Step.CONGRESS_AND_COUNCIL: {"election": (True, identifier), "held_on": (True, day)},
    Step.COMMITTEE: {
        "election": (True, identifier),
        "candidates": (True, people),
        "voted": (True, lambda n, v: people(n, v, MAX_VOTERS)),
        "ballots": (True, ballots),
    },
    Step.REELECTION: {
        "election": (True, identifier),
        "voted": (True, lambda n, v: people(n, v, MAX_VOTERS)),
        "ballots": (True, ballots),
    },
}


def step_of(value: object) -> Step:
    try:
        return Step(str(value))
    except ValueError:
        known = ", ".join(s.value for s in Step)
        raise RegistryInputError(
            "step", msg("unknown step {step} (steps: {known})", step=repr(value), known=known)
        ) from None


def step_fields(step: Step, data: object) -> dict[str, Any]:
    """The step's fields, each checked; unknown and missing ones refused by name."""
    return fields_of(STEP_FIELDS[step], step.value, data)


def _list(name: str, value: object, limit: int, empty: bool = False) -> list[object]:
    if not isinstance(value, list):
        raise RegistryInputError(name, msg("must be a list, got {raw}", raw=repr(value)))
    if not value and not empty:
        raise RegistryInputError(name, msg("must not be empty"))
    if len(value) > limit:
        raise RegistryInputError(name, msg("holds more than {limit} items", limit=limit))
    return value


def _only(where: str, item: Mapping[str, object], known: tuple[str, ...]) -> None:
    for key in item:
        if key not in known:
            raise RegistryInputError(
                f"{where}.{key}",
                msg("is not a field here (fields: {known})", known=", ".join(known)),
            )


def _given(where: str, item: Mapping[str, object], key: str) -> object:
    value = item.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise RegistryInputError(f"{where}.{key}", msg("is required"))
    return value


def _line(where: str, value: object, default: int) -> int:
    """The row's line in the file it came from (an import says it), else its place."""
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RegistryInputError(f"{where}.line", msg("must be a whole number from 1"))
    return value
