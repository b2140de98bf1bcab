"""The fields of each election step, checked and normalised: a field unknown, missing or
of the wrong kind is named (`data.voters[2].birth_date`), a list too long refused, a person
listed twice refused, a step unknown said with the six."""

from __future__ import annotations

import pytest

from govops.communities.model.election import Step
from govops.communities.model.election_fields import MAX_PEOPLE, step_fields, step_of
from govops.communities.model.registry import RegistryInputError
from govops.platform.i18n.translator import translator

EN = translator("en")


def refused(step: Step, data: object) -> tuple[str, str]:
    with pytest.raises(RegistryInputError) as error:
        step_fields(step, data)
    return error.value.field, EN.say(error.value.message)


def test_the_committee_step_checks_each_field() -> None:
    good = {
        "election": "e1",
        "organisation": "rc",
        "seats": 7,
        "day": "2025-06-15",
        "members": ["a", "b"],
    }
    assert step_fields(Step.ELECTION_COMMITTEE, good) == good
    assert refused(Step.ELECTION_COMMITTEE, good | {"seats": 0}) == (
        "data.seats",
        "must be a whole number from 1 to 99",
    )
    assert refused(Step.ELECTION_COMMITTEE, good | {"seats": True})[0] == "data.seats"
    assert refused(Step.ELECTION_COMMITTEE, good | {"members": ["a", "a"]}) == (
        "data.members",
        "a is listed twice",
    )
    assert refused(Step.ELECTION_COMMITTEE, good | {"members": []}) == (
        "data.members",
        "must not be empty",
    )
    too_many = [f"p{i}" for i in range(MAX_PEOPLE + 1)]
    assert refused(Step.ELECTION_COMMITTEE, good | {"members": too_many})[1] == (
        f"holds more than {MAX_PEOPLE} items"
    )
    assert refused(Step.ELECTION_COMMITTEE, good | {"ward": "3"})[0] == "data.ward"
    assert refused(Step.ELECTION_COMMITTEE, {k: v for k, v in good.items() if k != "day"}) == (
        "data.day",
        "is required",
    )


def test_voters_and_ballots_are_named_by_their_place() -> None:
    voters = [
        {"id": "a", "name": "甲", "birth_date": "1990-01-01", "resident": True},
        {"id": "b", "name": "乙", "birth_date": "1990-13-01", "resident": True},
    ]
    assert refused(Step.VOTER_REGISTRATION, {"election": "e1", "voters": voters})[0] == (
        "data.voters[2].birth_date"
    )
    kept = step_fields(Step.VOTER_REGISTRATION, {"election": "e1", "voters": voters[:1]})
    assert kept["voters"] == [
        {
            "line": 1,
            "id": "a",
            "name": "甲",
            "birth_date": "1990-01-01",
            "resident": True,
            "deprived": False,
        }
    ]
    data = {
        "election": "e1",
        "candidates": ["a"],
        "voted": ["a"],
        "ballots": [{"serial": "1", "marks": ["a"]}, {"serial": "2"}],
    }
    assert step_fields(Step.COMMITTEE, data)["ballots"][1] == {"serial": "2", "marks": []}
    bad = data | {"ballots": [{"serial": "1", "marks": "a"}]}
    assert refused(Step.COMMITTEE, bad)[0] == "data.ballots[1].marks"


def test_a_step_is_one_of_the_six() -> None:
    assert step_of("reelection") is Step.REELECTION
    with pytest.raises(RegistryInputError) as error:
        step_of("ballot")
    assert EN.say(error.value.message).startswith(
        "unknown step 'ballot' (steps: election_committee"
    )
