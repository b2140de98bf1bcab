"""A residents' committee's make-up as the pack's `committee` table reads it, computed from
who holds which post, with the figures behind each input in words, so that a breach says
them (`3 of 7 members retired`, then the table's 42.9% > 30%).

Readings (the text does not force them):
- a member's age is in completed years on the day asked (anniversaries, as the Civil Code
  counts a period in years);
- "retired" (離退休人員) is what the registry records of a member on that day;
- the cross-appointment share (交叉任職, slide 36) is the share of the committee's Party
  members who also sit on the community Party organisation's committee: "社區黨組織領導班子
  成員與社區居委會中的黨員成員實行交叉任職,比例不低於60%" counts the Party members of the
  residents' committee, the ones the rule asks to hold both seats;
- the Party secretary is the holder of the `secretary` post of the Party organisation; "一肩挑"
  is that person holding the committee's `director` post;
- a share is a percentage to ten decimals, which compares with the rule's bound exactly
  (`percent_share`); the figure shown is rounded to one decimal, never the one compared."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from govops.lawcode.texts.messages import Message, msg_n


class Role(StrEnum):
    DIRECTOR = "director"  # 主任 (of the committee, a sub-committee or the council)
    DEPUTY = "deputy"  # 副主任
    MEMBER = "member"  # 委員, 成員
    SECRETARY = "secretary"  # 書記 (of the Party organisation)
    DEPUTY_SECRETARY = "deputy_secretary"  # 副書記


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    birth_date: date
    retired: bool = False
    party_member: bool = False
    full_time: bool = True


@dataclass(frozen=True, slots=True)
class Seat:
    """A post held in one organisation, from `start` until `end` (the first day not held)."""

    person: str
    role: Role
    start: date
    end: date | None = None

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Composition:
    """The table's inputs and, for those that are counts or shares, the figures in words."""

    inputs: dict[str, Any]
    figures: dict[str, Message]


def age_on(born: date, day: date) -> int:
    """Completed years on `day` (a birthday on 29 February completes on 1 March)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def committee_composition(
    people: Mapping[str, Person],
    committee: Iterable[Seat],
    party: Iterable[Seat] | None,
    day: date,
    exceptions: Iterable[str] = (),
) -> Composition:
    """The `committee` table's inputs for the residents' committee whose seats are
    `committee`, beside the community Party organisation's seats (`party`, None when the
    community has none), on `day`; `exceptions` names the inputs whose "in principle" rule
    a recorded exception clears (director_age_exception, retired_exception,
    one_shoulder_exception)."""
    seats = [s for s in committee if s.held_on(day)]
    holders = {s.person: people[s.person] for s in seats}  # people, not seats, are counted
    count = len(holders)
    directors = sorted({s.person for s in seats if s.role == Role.DIRECTOR})
    retired = sum(p.retired for p in holders.values())
    part_time = sum(not p.full_time for p in holders.values())
    inputs: dict[str, Any] = {"members": count, "directors": len(directors)}
    inputs |= {"part_time_members": part_time, "retired_share": percent_share(retired, count)}
    one = people[directors[0]].birth_date if len(directors) == 1 else None
    inputs["director_age"] = age_on(one, day) if one is not None else 0
    figures = {
        "members": msg_n("{count} member", "{count} members", count),
        "retired_share": msg_n(
            "{part} of {count} member retired ({share}%)",
            "{part} of {count} members retired ({share}%)",
            count,
            part=retired,
            share=_shown(retired, count),
        ),
    }
    inputs |= _party_inputs(people, seats, party, day, figures)
    for name in exceptions:
        inputs[name] = True
    return Composition(inputs, figures)


def _party_inputs(
    people: Mapping[str, Person],
    seats: list[Seat],
    party: Iterable[Seat] | None,
    day: date,
    figures: dict[str, Message],
) -> dict[str, Any]:
    if party is None:
        return {"has_party_organisation": False}
    party_seats = [s for s in party if s.held_on(day)]
    on_party = {s.person for s in party_seats}
    secretaries = {s.person for s in party_seats if s.role == Role.SECRETARY}
    directors = {s.person for s in seats if s.role == Role.DIRECTOR}
    members = {s.person for s in seats if people[s.person].party_member}
    both = len(members & on_party)
    figures["cross_appointment_share"] = msg_n(
        "{part} of {count} Party member of the committee also on the Party committee ({share}%)",
        "{part} of {count} Party members of the committee also on the Party committee ({share}%)",
        len(members),
        part=both,
        share=_shown(both, len(members)),
    )
    return {
        "has_party_organisation": True,
        "secretary_is_director": bool(secretaries) and secretaries <= directors,
        "cross_appointment_share": percent_share(both, len(members), empty=Decimal(100)),
    }


PLACES = Decimal("1e-10")  # a share's decimals: enough to compare it exactly (see percent_share)


def percent_share(part: int, whole: int, empty: Decimal = Decimal(0)) -> Decimal:
    """`part` of `whole` as a percentage to ten decimals (`empty` when there is no whole).
    Compared with a bound of whole or tenth percents this is exact: a share that is not on
    the bound, (100 * part - bound * whole) / whole, is at least 1/(10 * whole) percent
    away from it, far more than the rounding (at most 5e-11) for any body of people."""
    return empty if whole == 0 else (Decimal(100) * part / whole).quantize(PLACES)


def _shown(part: int, whole: int) -> Decimal:
    """The percentage as shown: one decimal."""
    return percent_share(part, whole).quantize(Decimal("0.1"))
