"""Screening the registry: each cadre's eligibility for the rank above the highest rank held
on the day (deputy_section for someone holding no post), decided through the registry
service's own `eligibility` (passed in), so that screening and a single decision cannot
disagree."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from govops.cadres.model.record import RANKS
from govops.cadres.model.registry import Cadre, EntryKind, RegistryInputError
from govops.cadres.model.registry_people import position

Eligibility = Callable[[str, str, date], Mapping[str, Any]]
"""(person id, target rank, as of) -> the answer of RegistryService.eligibility."""


def held_rank(cadre: Cadre, as_of: date) -> str | None:
    """The highest rank of the posts held on `as_of`, None when none is held."""
    held = [
        p.rank
        for p in map(position, cadre.facts(EntryKind.POSITION))
        if p.held_on(as_of) and p.rank is not None
    ]
    return max(held, key=RANKS.index) if held else None


def next_rank(held: str | None) -> str | None:
    """The rank above `held` (deputy_section for no rank), None above division chief."""
    if held is None:
        return RANKS[0]
    place = RANKS.index(held) + 1
    return RANKS[place] if place < len(RANKS) else None


def screen_registry(
    cadres: Iterable[Cadre], as_of: date, eligibility: Eligibility
) -> list[dict[str, Any]]:
    """One line per cadre: held and target rank, verdict, refusals and warnings with their
    articles. `verdict` is `no_rank_above` for a division chief, `undecided` (with `error`:
    field, and message, a Message the adapter translates) when the registry lacks what the
    decision needs (work start, education, ...)."""
    lines = []
    for cadre in cadres:
        held = held_rank(cadre, as_of)
        target = next_rank(held)
        line: dict[str, Any] = {
            "person": cadre.person.id,
            "name": cadre.person.name,
            "held_rank": held,
            "target_rank": target,
        }
        if target is None:
            lines.append(line | {"verdict": "no_rank_above", "refusals": [], "warnings": []})
            continue
        try:
            answer = eligibility(cadre.person.id, target, as_of)
        except RegistryInputError as error:
            error_out = {"field": error.field, "message": error.message}
            lines.append(line | {"verdict": "undecided", "error": error_out})
            continue
        lines.append(
            line
            | {
                "verdict": answer["verdict"],
                "refusals": answer["refusals"],
                "warnings": answer["warnings"],
            }
        )
    return lines
