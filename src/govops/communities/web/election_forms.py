"""What an election's forms send, read into the fields of its steps (`model.election_fields`
checks them): people as ids separated by spaces, commas or 、; ballots one a line,
`serial: id id …` (nothing after the colon: a blank ballot). A form's own mistakes are
RegistryInputError naming the field, as the step's are."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from govops.communities.model.election import Step
from govops.communities.model.registry import RegistryInputError
from govops.lawcode.texts.messages import msg

Fields = Mapping[str, str]
_SEPARATORS = re.compile(r"[\s,，、;；]+")
MAX_FORM_TEXT = 200_000  # a textarea of ballots: 20,000 lines of ten characters


def people(text: str) -> list[str]:
    return [p for p in _SEPARATORS.split(text.strip()) if p]


def ballot_lines(text: str) -> list[dict[str, Any]]:
    """`serial: id id` a line; RegistryInputError naming the line without its colon."""
    if len(text) > MAX_FORM_TEXT:
        raise RegistryInputError("ballots", msg("is too long"))
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        serial, colon, marks = line.partition(":")
        if not colon:
            serial, colon, marks = line.partition("：")
        if not colon:
            raise RegistryInputError(
                "ballots",
                msg("line {line}: write the serial, a colon, then the candidates", line=number),
            )
        found.append({"serial": serial.strip(), "marks": people(marks)})
    return found


def step_data(step: Step, fields: Fields, election: str) -> dict[str, Any]:
    """The step's fields from the form (the register comes as a file, read apart)."""
    data: dict[str, Any] = {"election": election}
    if step is Step.ELECTION_COMMITTEE:
        seats = fields.get("seats", "").strip()
        data |= {"organisation": fields.get("organisation", ""), "day": fields.get("day", "")}
        # A number as typed; anything else goes to the step's check, which names the field.
        plain = seats.isascii() and seats.isdigit() and len(seats) <= 3
        data |= {"seats": int(seats) if plain else seats}
        data["members"] = people(fields.get("members", ""))
    elif step in (Step.REPRESENTATIVES, Step.CONGRESS_AND_COUNCIL):
        data["held_on"] = fields.get("held_on", "")
        if step is Step.REPRESENTATIVES:
            data["representatives"] = people(fields.get("representatives", ""))
    elif step in (Step.COMMITTEE, Step.REELECTION):
        if step is Step.COMMITTEE:
            data["candidates"] = people(fields.get("candidates", ""))
        data["voted"] = people(fields.get("voted", ""))
        data["ballots"] = ballot_lines(fields.get("ballots", ""))
    return data
