"""A residents' committee's make-up computed from who holds which post, and judged by the
pack's `committee` table: shares exact and their figures in words (3 of 7 retired is
42.9%, above 30%), the director's age in completed years, seats that ended not counted,
the Party secretary as director (一肩挑) and the cross-appointment share, exceptions cleared
only when recorded."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from govops.communities.model.composition import (
    Person,
    Role,
    Seat,
    age_on,
    committee_composition,
)
from govops.lawcode.rules.decision import Decider
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator

DAY = date(2026, 6, 30)
PEOPLE = {
    f"p{i}": Person(
        f"p{i}", f"居民{i}", date(1975, 7, 1), retired=i in (5, 6, 7), party_member=i <= 6
    )
    for i in range(1, 10)
}
COMMITTEE = [
    Seat("p1", Role.DIRECTOR, date(2021, 7, 1)),
    Seat("p2", Role.DEPUTY, date(2021, 7, 1)),
    *(Seat(f"p{i}", Role.MEMBER, date(2021, 7, 1)) for i in range(3, 8)),
    Seat("p8", Role.MEMBER, date(2018, 7, 1), end=date(2021, 7, 1)),  # left before
]
PARTY = [
    Seat("p1", Role.SECRETARY, date(2021, 7, 1)),
    *(Seat(f"p{i}", Role.MEMBER, date(2021, 7, 1)) for i in (2, 3, 4, 9)),
]


def judged(inputs: dict[str, object]) -> list[str]:
    pack = load_builtin_pack("cn-community-organizations")
    decision = Decider(pack.table("committee"), pack.rules_as_of(DAY)).decide(inputs)
    outcome = decision.outcome
    return outcome if isinstance(outcome, list) else []


def test_the_inputs_and_their_figures_come_from_the_seats_held_that_day() -> None:
    made = committee_composition(PEOPLE, COMMITTEE, PARTY, DAY)
    assert made.inputs == {
        "members": 7,
        "directors": 1,
        "part_time_members": 0,
        "retired_share": Decimal("42.8571428571"),  # 3 of 7, to ten decimals
        "director_age": 50,  # born 1975-07-01: 51 only from 2026-07-01
        "has_party_organisation": True,
        "secretary_is_director": True,
        "cross_appointment_share": Decimal("66.6666666667"),  # 4 of the 6 Party members
    }
    english = translator("en")
    assert english.say(made.figures["retired_share"]) == "3 of 7 members retired (42.9%)"
    assert english.say(made.figures["cross_appointment_share"]) == (
        "4 of 6 Party members of the committee also on the Party committee (66.7%)"
    )
    assert judged(made.inputs) == ["retired_over_share"]  # 42.9% > 30%, in principle


def test_a_recorded_exception_clears_an_in_principle_rule_only() -> None:
    made = committee_composition(PEOPLE, COMMITTEE, PARTY, DAY, exceptions=["retired_exception"])
    assert made.inputs["retired_exception"] is True
    assert judged(made.inputs) == []


def test_a_secretary_who_is_not_director_and_too_few_cross_appointed() -> None:
    party = [
        Seat("p9", Role.SECRETARY, date(2021, 7, 1)),
        Seat("p2", Role.MEMBER, date(2021, 7, 1)),
    ]
    made = committee_composition(PEOPLE, COMMITTEE[:-1], party, DAY)
    assert made.inputs["secretary_is_director"] is False
    assert made.inputs["cross_appointment_share"] == Decimal("16.6666666667")  # 1 of 6
    assert judged(made.inputs) == [
        "retired_over_share",
        "not_one_shoulder",
        "cross_appointment_low",
    ]


def test_without_a_party_organisation_neither_party_rule_is_asked() -> None:
    made = committee_composition(PEOPLE, COMMITTEE[:2], None, DAY)
    assert made.inputs["has_party_organisation"] is False
    assert "cross_appointment_share" not in made.inputs
    assert judged(made.inputs) == ["too_few_members"]


def test_two_directors_and_no_director() -> None:
    two = [*COMMITTEE[:7], Seat("p3", Role.DIRECTOR, date(2021, 7, 1))]
    assert committee_composition(PEOPLE, two, None, DAY).inputs["directors"] == 2
    none = COMMITTEE[1:7]
    made = committee_composition(PEOPLE, none, None, DAY)
    assert (made.inputs["directors"], made.inputs["director_age"]) == (0, 0)
    assert "director_count" in judged(made.inputs)


def test_age_is_in_completed_years() -> None:
    assert age_on(date(1971, 7, 1), date(2026, 6, 30)) == 54
    assert age_on(date(1971, 7, 1), date(2026, 7, 1)) == 55
    assert age_on(date(1972, 2, 29), date(2027, 2, 28)) == 54
    assert age_on(date(1972, 2, 29), date(2027, 3, 1)) == 55


def test_a_share_on_the_bound_is_on_it_and_one_just_past_it_is_past_it() -> None:
    people = {f"r{i}": Person(f"r{i}", "甲", date(1980, 1, 1), retired=i < 3) for i in range(10)}
    seats = [Seat("r0", Role.DIRECTOR, date(2021, 7, 1))]
    seats += [Seat(f"r{i}", Role.MEMBER, date(2021, 7, 1)) for i in range(1, 9)]
    nine = committee_composition(people, seats, None, DAY)  # 3 of 9 = 33.3%
    assert judged(nine.inputs) == ["retired_over_share"]
    ten = committee_composition(
        people, [*seats, Seat("r9", Role.MEMBER, date(2021, 7, 1))], None, DAY
    )
    assert ten.inputs["retired_share"] == 30 and judged(ten.inputs) == ["too_many_members"]
