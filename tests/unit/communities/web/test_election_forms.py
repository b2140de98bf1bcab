"""What an election's forms send, read into a step's fields: people separated by spaces,
commas or 、; ballots one a line, `serial: ids` (a full-width colon too; nothing after it:
blank); a line without a colon named by its number."""

from __future__ import annotations

import pytest

from govops.communities.model.election import Step
from govops.communities.model.registry import RegistryInputError
from govops.communities.web.election_forms import ballot_lines, people, step_data
from govops.platform.i18n.translator import translator


def test_people_and_ballots_are_read_as_written() -> None:
    assert people(" m01, m02、m03；m04  ") == ["m01", "m02", "m03", "m04"]
    assert ballot_lines("001: m01 m02\n\n002：m03\n003:") == [
        {"serial": "001", "marks": ["m01", "m02"]},
        {"serial": "002", "marks": ["m03"]},
        {"serial": "003", "marks": []},
    ]
    with pytest.raises(RegistryInputError) as error:
        ballot_lines("001: m01\n002 m02")
    said = translator("en").say(error.value.message)
    assert (error.value.field, said) == (
        "ballots",
        "line 2: write the serial, a colon, then the candidates",
    )


def test_each_step_takes_its_own_fields() -> None:
    opened = step_data(
        Step.ELECTION_COMMITTEE,
        {"organisation": "rc", "seats": "7", "day": "2025-06-15", "members": "a b"},
        "e1",
    )
    assert opened == {
        "election": "e1",
        "organisation": "rc",
        "day": "2025-06-15",
        "seats": 7,
        "members": ["a", "b"],
    }
    for typed in ("seven", "²", "9" * 5000):  # left to the step's check, never int()'d
        assert step_data(Step.ELECTION_COMMITTEE, {"seats": typed}, "e1")["seats"] == typed
    assert step_data(Step.CONGRESS_AND_COUNCIL, {"held_on": "2025-06-10", "x": "y"}, "e1") == {
        "election": "e1",
        "held_on": "2025-06-10",
    }
    again = step_data(Step.REELECTION, {"voted": "a b", "ballots": "1: a"}, "e1")
    assert again == {
        "election": "e1",
        "voted": ["a", "b"],
        "ballots": [{"serial": "1", "marks": ["a"]}],
    }
