"""A round of a committee election counted by the pack's `vote` table: more than half of the
voters must take part and more than half of the ballots cast elect (Art. 9 para 3, a
reading); a ballot naming more people than seats, or one twice, is void; a blank one counts
in the base; a tie for the last seat and seats short of a majority go to a re-election; the
audit record recounts to the same result."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from govops.communities.model.election_tally import (
    Ballot,
    BallotError,
    Round,
    more_than,
    reelection,
    tally,
)
from govops.lawcode.dated.parameters import ParameterError
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator

PACK = load_builtin_pack("cn-community-organizations")
DAY = date(2025, 6, 15)
EN = translator("en")
SLATE = ("a", "b", "c", "d", "e", "f")


def ballots(*marks: str) -> tuple[Ballot, ...]:
    """One ballot per string: 'ab' marks a and b, '' is blank."""
    return tuple(Ballot(f"s{i:03}", tuple(m)) for i, m in enumerate(marks, 1))


def first_round(*marks: str, seats: int = 2, electorate: int = 9) -> Round:
    return Round(DAY, 1, seats, SLATE[:4], electorate, ballots(*marks))


def test_more_than_half_is_the_least_number_past_it() -> None:
    half = Fraction(1, 2)
    assert [more_than(half, n) for n in (0, 1, 6, 7, 9)] == [1, 1, 4, 4, 5]


def test_half_the_voters_is_no_quorum_and_nobody_is_elected() -> None:
    count = tally(first_round("ab", "ab", "ab", "ab", electorate=8), PACK)
    assert (count.quorum_needed, count.quorum_met, count.elected, count.unfilled) == (
        5,
        False,
        (),
        2,
    )
    assert [str(c) for c in count.quorum_cites] == [
        "cn-urc-organic-law 9 para 3",
        "cn-urc-organic-law-2018 9 para 3",
    ]
    assert EN.say(count.reasons[0]) == (
        "4 of 8 voters took part; at least 5 were needed: the vote is void"
    )
    assert tally(first_round("ab", "ab", "ab", "ab", "ab", electorate=8), PACK).quorum_met


def test_the_majority_is_of_the_ballots_cast_blank_and_void_included() -> None:
    # 6 ballots: 3 for a (half: not elected), 4 for b, one blank, one void (three marks).
    count = tally(first_round("ab", "ab", "ab", "bc", "", "abc"), PACK)
    assert (count.majority_base, count.majority_needed) == (6, 4)
    assert count.votes == {"a": 3, "b": 4, "c": 1, "d": 0}
    assert (count.blank, count.void) == (1, ("s006",))
    assert (count.elected, count.unfilled) == (("b",), 1)
    assert [EN.say(r) for r in count.reasons] == [
        "6 of 9 voters took part (at least 5 needed)",
        "elected with at least 4 of 6 votes",
        "1 seat left for a re-election",
    ]


def test_a_ballot_naming_one_person_twice_is_void() -> None:
    count = tally(first_round("aa", "ab", "ab", "ab", "ab"), PACK)
    assert count.void == ("s001",) and count.votes["a"] == 4


def test_more_past_the_majority_than_seats_the_most_votes_win_and_a_tie_elects_neither() -> None:
    clear = tally(first_round("abc", "abc", "abc", "ab", "ac", seats=3), PACK)
    assert clear.elected == ("a", "b", "c") and clear.tied == ()
    most = tally(first_round("ab", "ab", "ab", "ac", "ac", "bc", "ab", seats=2), PACK)
    assert most.votes == {"a": 6, "b": 5, "c": 3, "d": 0} and most.elected == ("a", "b")
    tie = tally(first_round("ab", "ac", "ab", "ac", "bc", "bc", "a", seats=2), PACK)
    assert tie.votes == {"a": 5, "b": 4, "c": 4, "d": 0} and tie.majority_needed == 4
    assert (tie.elected, tie.tied, tie.unfilled) == (("a",), ("b", "c"), 1)
    assert EN.say(tie.reasons[2]) == "tied for the last seat: b, c"


def test_a_reelection_is_for_the_unfilled_seats_among_those_not_elected() -> None:
    count = tally(first_round("ab", "ab", "ab", "bc", "", "abc"), PACK)
    again = reelection(count, 2, ballots("a", "a", "c", "a", "d"))
    assert (again.seats, again.candidates, again.number) == (1, ("a", "c", "d"), 2)
    second = tally(again, PACK)
    assert (second.elected, second.unfilled) == (("a",), 0)
    with pytest.raises(BallotError):
        reelection(second, 3, ())
    # Nobody past the majority: every seat again, among every candidate.
    nobody = tally(Round(DAY, 1, 2, ("a", "b", "c"), 9, ballots("a", "b", "c", "", "")), PACK)
    assert (nobody.elected, nobody.unfilled) == ((), 2)
    assert reelection(nobody, 2, ()).candidates == ("a", "b", "c")


def test_ballots_that_cannot_be_taken_are_refused_as_input() -> None:
    for bad, said in (
        (first_round("ax"), "ballot s001 marks x, not a candidate"),
        (first_round(*["a"] * 10), "10 ballots for 9 voters"),
        (
            Round(DAY, 1, 1, SLATE, 9, (Ballot("s1", ()), Ballot("s1", ()))),
            "ballot s1 is recorded twice",
        ),
        (first_round("a", seats=0), "a round needs at least one seat"),
        (first_round("a", seats=5), "4 candidates for 5 seats"),
    ):
        with pytest.raises(BallotError) as refused:
            tally(bad, PACK)
        assert EN.say(refused.value.message) == said


def test_a_vote_after_the_2025_text_is_refused() -> None:
    late = Round(date(2026, 3, 1), 1, 1, SLATE, 3, ballots("a", "a"))
    with pytest.raises(ParameterError, match="has no value in force on 2026-03-01"):
        tally(late, PACK)
