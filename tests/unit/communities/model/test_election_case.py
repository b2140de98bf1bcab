"""An election through its six steps as recorded events: the order, the guards of each step
(committee size, an empty register, representatives not on it, a slate with kin, more
ballots than sign-ins, no seat left), the rounds and who signed in."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from govops.communities.model.election import Step, election_procedure
from govops.communities.model.election_case import (
    StepRefusedError,
    decide_step,
    elections,
    who_voted,
)
from govops.communities.model.registry import Community, Event, EventKind, RegistryInputError
from govops.communities.model.registry_fold import Folding
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator

PACK = load_builtin_pack("cn-community-organizations")
AT = datetime(2025, 6, 20, 9, 0, tzinfo=timezone(timedelta(hours=8)))
TODAY = date(2025, 6, 20)
EN = translator("en")
VOTERS = [
    {"id": f"v{i}", "name": f"居民{i}", "birth_date": "1970-01-01", "resident": True}
    for i in range(1, 10)
]


class Stream:
    """A community's stream being recorded: registry events, then election steps."""

    def __init__(self) -> None:
        self.folding = Folding(Community("c1"))
        self.add(
            EventKind.ORGANISATION,
            {"id": "rc", "kind": "committee", "name": "居委会", "formed": "2020-01-01"},
        )

    def add(self, kind: EventKind, data: dict[str, Any]) -> None:
        seq = len(self.folding.events) + 1
        self.folding.add(Event("c1", seq, kind, data, "wang@c1", AT))

    def step(self, step: Step, **data: Any) -> dict[str, Any]:
        decided = decide_step(self.folding.community(), step, data, PACK, TODAY)
        self.add(EventKind.ELECTION, decided)
        return decided

    def refused(self, step: Step, **data: Any) -> str:
        with pytest.raises(StepRefusedError) as error:
            decide_step(self.folding.community(), step, data, PACK, TODAY)
        return EN.say(error.value.message)


def opened(seats: int = 5) -> Stream:
    stream = Stream()
    stream.step(
        Step.ELECTION_COMMITTEE,
        election="e1",
        organisation="rc",
        seats=seats,
        day="2025-06-15",
        members=["v1", "v2", "v3"],
    )
    return stream


def registered() -> Stream:
    stream = opened()
    young = {"id": "y1", "name": "少年", "birth_date": "2008-01-01", "resident": True}
    stream.step(Step.VOTER_REGISTRATION, election="e1", voters=[*VOTERS, young])
    stream.step(
        Step.REPRESENTATIVES, election="e1", held_on="2025-06-01", representatives=["v1", "v2"]
    )
    stream.step(Step.CONGRESS_AND_COUNCIL, election="e1", held_on="2025-06-10")
    return stream


def ballots(*marks: list[str]) -> list[dict[str, Any]]:
    return [{"serial": f"{i:04}", "marks": m} for i, m in enumerate(marks, 1)]


def test_an_election_runs_its_steps_in_order_and_refuses_one_out_of_order() -> None:
    stream = opened()
    assert stream.refused(
        Step.REPRESENTATIVES, election="e1", held_on="2025-06-01", representatives=["v1"]
    ) == ("the election waits for the step voter registration")
    assert (
        stream.refused(
            Step.ELECTION_COMMITTEE,
            election="e1",
            organisation="rc",
            seats=5,
            day="2025-06-15",
            members=["v1"],
        )
        == "election e1 is already open"
    )
    assert (
        stream.refused(Step.CONGRESS_AND_COUNCIL, election="e9", held_on="2025-06-01")
        == "no election e9 is open"
    )
    case = elections(stream.folding.community(), election_procedure(PACK))["e1"]
    assert (case.seats, case.day, case.done, case.next_step()) == (
        5,
        date(2025, 6, 15),
        (Step.ELECTION_COMMITTEE,),
        Step.VOTER_REGISTRATION,
    )


def test_opening_checks_the_committee_and_its_size_as_of_the_election_day() -> None:
    stream = Stream()
    common = {"election": "e1", "day": "2025-06-15", "members": ["a"]}
    assert stream.refused(Step.ELECTION_COMMITTEE, organisation="rc", seats=4, **common) == (
        "4 seats, outside 5 to 9"
    )
    assert stream.refused(Step.ELECTION_COMMITTEE, organisation="xx", seats=5, **common) == (
        "xx is not a residents' committee of the community"
    )
    late = {**common, "day": "2026-03-01"}
    assert "no value in force on Mar 1, 2026" in stream.refused(
        Step.ELECTION_COMMITTEE, organisation="rc", seats=5, **late
    )


def test_the_register_keeps_voters_and_records_who_was_refused_and_why() -> None:
    stream = registered()
    case = elections(stream.folding.community(), election_procedure(PACK))["e1"]
    assert [v["id"] for v in case.register] == [f"v{i}" for i in range(1, 10)]
    registration = case.steps[1]
    assert registration["refused"] == [
        {
            "line": 10,
            "id": "y1",
            "outcomes": ["under_voting_age"],
            "cites": ["cn-urc-organic-law 8 para 2"],
        }
    ]
    empty = opened()
    young = [{"id": "y1", "name": "少年", "birth_date": "2010-01-01", "resident": True}]
    assert empty.refused(Step.VOTER_REGISTRATION, election="e1", voters=young) == (
        "no row of the register is a voter"
    )
    with pytest.raises(RegistryInputError, match="birth_date"):
        decide_step(
            empty.folding.community(),
            Step.VOTER_REGISTRATION,
            {"election": "e1", "voters": [{"id": "a", "name": "甲", "birth_date": "1990-13-01"}]},
            PACK,
            TODAY,
        )


def test_representatives_must_be_voters_and_a_meeting_cannot_be_after_today() -> None:
    stream = opened()
    stream.step(Step.VOTER_REGISTRATION, election="e1", voters=VOTERS)
    assert stream.refused(
        Step.REPRESENTATIVES, election="e1", held_on="2025-06-01", representatives=["v1", "x9"]
    ) == ("representatives[2]: x9 is not on the voter register")
    assert (
        stream.refused(
            Step.REPRESENTATIVES, election="e1", held_on="2025-07-01", representatives=["v1"]
        )
        == "held_on: 2025-07-01 is after today"
    )


def test_a_slate_with_kin_is_refused_with_the_pair_and_slide_38() -> None:
    stream = registered()
    stream.add(EventKind.MEMBER, {"id": "v1", "name": "居民1", "birth_date": "1970-01-01"})
    stream.add(EventKind.MEMBER, {"id": "v2", "name": "居民2", "birth_date": "1972-01-01"})
    stream.add(EventKind.KINSHIP, {"a": "v1", "b": "v2", "relation": "sibling"})
    with pytest.raises(StepRefusedError) as error:
        decide_step(
            stream.folding.community(),
            Step.COMMITTEE,
            {
                "election": "e1",
                "candidates": [f"v{i}" for i in range(1, 7)],
                "voted": ["v1"],
                "ballots": [],
            },
            PACK,
            TODAY,
        )
    assert EN.say(error.value.message) == "the slate cannot go to the ballot"
    assert [(f.people, str(f.cite)) for f in error.value.findings] == [
        (("v1", "v2"), "cn-community-textbook-ch3 38")
    ]


def test_a_round_then_a_reelection_fill_the_seats_and_the_election_is_over() -> None:
    stream = registered()
    slate = [f"v{i}" for i in range(1, 8)]
    signed = [f"v{i}" for i in range(1, 8)]
    assert (
        stream.refused(
            Step.COMMITTEE,
            election="e1",
            candidates=slate,
            voted=signed[:2],
            ballots=ballots([], [], []),
        )
        == "3 ballots, 2 people signed in"
    )
    # 7 of 9 took part; v1-v4 get 7 votes, v5 none: 4 elected, 1 seat for a re-election.
    first = stream.step(
        Step.COMMITTEE,
        election="e1",
        candidates=slate,
        voted=signed,
        ballots=ballots(*[["v1", "v2", "v3", "v4"]] * 7),
    )
    assert first["round"]["result"]["elected"] == ["v1", "v2", "v3", "v4"]
    case = elections(stream.folding.community(), election_procedure(PACK))["e1"]
    assert (case.unfilled(), case.next_step(), case.remaining()) == (
        1,
        Step.REELECTION,
        ("v5", "v6", "v7"),
    )
    second = stream.step(
        Step.REELECTION, election="e1", voted=signed[:6], ballots=ballots(*[["v6"]] * 6)
    )
    assert second["round"]["candidates"] == ["v5", "v6", "v7"]
    assert second["round"]["seats"] == 1 and second["round"]["result"]["elected"] == ["v6"]
    case = elections(stream.folding.community(), election_procedure(PACK))["e1"]
    assert case.finished() and case.elected() == ("v1", "v2", "v3", "v4", "v6")
    assert stream.refused(Step.REELECTION, election="e1", voted=["v1"], ballots=[]) == (
        "every seat is filled: the election is over"
    )
    voted = {row["id"]: row["voted"] for row in who_voted(case)}
    assert (voted["v1"], voted["v7"], voted["v9"]) == ([1, 2], [1], [])


def test_meetings_are_held_in_order_by_the_election_day_and_the_vote_not_before_it() -> None:
    stream = opened()
    stream.step(Step.VOTER_REGISTRATION, election="e1", voters=VOTERS)
    assert stream.refused(
        Step.REPRESENTATIVES, election="e1", held_on="2025-06-16", representatives=["v1"]
    ) == ("held on Jun 16, 2025, after the election day Jun 15, 2025")
    stream.step(Step.REPRESENTATIVES, election="e1", held_on="2025-06-05", representatives=["v1"])
    assert stream.refused(Step.CONGRESS_AND_COUNCIL, election="e1", held_on="2025-06-01") == (
        "held on Jun 1, 2025, before the step before it (Jun 5, 2025)"
    )
    stream.step(Step.CONGRESS_AND_COUNCIL, election="e1", held_on="2025-06-05")
    with pytest.raises(StepRefusedError) as error:
        decide_step(
            stream.folding.community(),
            Step.COMMITTEE,
            {
                "election": "e1",
                "candidates": [f"v{i}" for i in range(1, 6)],
                "voted": ["v1"],
                "ballots": [],
            },
            PACK,
            date(2025, 6, 14),
        )
    assert EN.say(error.value.message) == "the vote is on Jun 15, 2025: not before"


def test_a_row_lacking_a_fact_is_stored_with_its_reason() -> None:
    stream = opened()
    missing = {"id": "x1", "name": "无", "resident": True}
    decided = stream.step(Step.VOTER_REGISTRATION, election="e1", voters=[*VOTERS, missing])
    assert decided["refused"] == [
        {
            "line": 10,
            "id": "x1",
            "outcomes": [],
            "cites": [],
            "reason": {
                "id": "no birth date: the age on the election day cannot be told",
                "values": {},
            },
        }
    ]
