"""The ballots of one round of a committee election and their tally: the quorum recorded
at each vote, the majority measured against a stated base, the seats left unfilled for a
re-election (另行選舉, slide 42 step 6). The audit record an observer recounts from is
`govops.communities.model.election_audit`.

Quorum and majority are the pack's `vote` table, those of the residents' meeting (居民會議,
Art. 9 para 3: 過半數出席 ... 出席人的過半數通過), applied to the election (a reading); the
figures needed are shown beside them, the table decides.

Readings (the texts at hand do not force them):
- the base of the majority is the ballots cast (出席人: those who took part), blank and
  void ones included; the quorum counts them against the electorate (the register);
- a ballot naming more people than there are seats, or one person twice, is void (the
  cap on each ballot the office applies; no text at hand says it); a ballot naming nobody
  is blank, cast and counted in the base;
- more people past the majority than seats: the most votes win; a tie for the last seat
  elects neither, and the seat goes to the re-election;
- a re-election is a round like the first, for the unfilled seats, among the candidates not
  elected (no text at hand sets another rule for it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from math import floor

from govops.communities.model.composition import percent_share
from govops.communities.model.election import VOTE_TABLE, rules_in_force
from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.tables import Clause, parameters_of
from govops.lawcode.sources.citations import Citation
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg, msg_n


class BallotError(ValueError):
    """A ballot the round cannot take as recorded: `message` says why (input, not law)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.id)
        self.message = message


@dataclass(frozen=True, slots=True)
class Ballot:
    serial: str  # the number printed on the ballot paper, for the recount
    marks: tuple[str, ...]  # the candidates marked; none: a blank ballot


@dataclass(frozen=True, slots=True)
class Round:
    day: date  # of the vote: the rules in force then
    number: int  # 1 for the election, 2 and on for re-elections
    seats: int
    candidates: tuple[str, ...]
    electorate: int  # voters on the register
    ballots: tuple[Ballot, ...]


@dataclass(frozen=True, slots=True)
class Tally:
    round: Round
    rules: str  # the pack and version that decided (id@version)
    shares: tuple[str, str]  # quorum and majority: MORE than these percentages
    quorum_needed: int  # at least this many ballots: more than the share of the electorate
    quorum_met: bool
    quorum_cites: tuple[Citation, ...]  # the clause's article, the value's
    majority_base: int  # ballots cast
    majority_needed: int  # at least this many votes: more than the share of the base
    majority_cites: tuple[Citation, ...]
    blank: int
    void: tuple[str, ...]  # serials
    votes: Mapping[str, int]  # every candidate, in the slate's order
    elected: tuple[str, ...]
    tied: tuple[str, ...]  # past the majority, tied for the last seat(s)
    unfilled: int
    reasons: tuple[Message, ...]

    def remaining_candidates(self) -> tuple[str, ...]:
        """The candidates not elected, most votes first: the re-election's slate."""
        rest = [c for c in self.round.candidates if c not in self.elected]
        return tuple(sorted(rest, key=lambda c: -self.votes[c]))


def more_than(share: Fraction, of: int) -> int:
    """The least whole number strictly greater than `share` of `of` (過半數: of 7, 4)."""
    return floor(share * of) + 1


def tally(ballots_round: Round, pack: Pack) -> Tally:
    """The count of one round, decided by the pack's `vote` table as of the round's day;
    BallotError for a ballot marking someone not a candidate, two ballots with one serial,
    more ballots than voters; ParameterError when no rule is in force that day."""
    _check_inputs(ballots_round)
    rules = rules_in_force(pack, ballots_round.day)
    table = pack.table(VOTE_TABLE)
    decider = Decider(table, rules)
    quorum, majority = (table.outcome(o).clauses[0] for o in ("vote_void", "not_elected"))
    quorum_value, majority_value = (rules[_parameter(c)] for c in (quorum, majority))
    electorate, cast = ballots_round.electorate, len(ballots_round.ballots)
    void = tuple(b.serial for b in ballots_round.ballots if _void(b, ballots_round.seats))
    voided = frozenset(void)
    counted = [b for b in ballots_round.ballots if b.serial not in voided]
    votes = Counter(mark for b in counted for mark in b.marks)
    votes_in_order = {c: votes.get(c, 0) for c in ballots_round.candidates}
    quorum_met = not decider.decide({"turnout_share": percent_share(cast, electorate)}).outcomes
    carried = {
        c: quorum_met and not decider.decide({"vote_share": percent_share(n, cast)}).outcomes
        for c, n in votes_in_order.items()
    }
    elected, tied = _winners(votes_in_order, carried, ballots_round.seats)
    quorum_needed = more_than(Fraction(str(quorum_value.value)) / 100, electorate)
    majority_needed = more_than(Fraction(str(majority_value.value)) / 100, cast)
    return Tally(
        round=ballots_round,
        rules=f"{pack.id}@{pack.version}",
        shares=(str(quorum_value.value), str(majority_value.value)),
        quorum_needed=quorum_needed,
        quorum_met=quorum_met,
        quorum_cites=(quorum.cite, quorum_value.cite),
        majority_base=cast,
        majority_needed=majority_needed,
        majority_cites=(majority.cite, majority_value.cite),
        blank=sum(1 for b in counted if not b.marks),
        void=void,
        votes=votes_in_order,
        elected=elected,
        tied=tied,
        unfilled=ballots_round.seats - len(elected),
        reasons=_reasons(ballots_round, quorum_met, quorum_needed, majority_needed, elected, tied),
    )


def _parameter(clause: Clause) -> str:
    """The one parameter the clause compares with (the `vote` table's clauses have one)."""
    (name,) = parameters_of(clause.condition)
    return name


def _check_inputs(ballots_round: Round) -> None:
    if ballots_round.seats < 1:
        raise BallotError(msg("a round needs at least one seat"))
    if len(ballots_round.ballots) > ballots_round.electorate:
        raise BallotError(
            msg(
                "{cast} ballots for {electorate} voters",
                cast=len(ballots_round.ballots),
                electorate=ballots_round.electorate,
            )
        )
    slate = set(ballots_round.candidates)
    if len(slate) < ballots_round.seats:
        raise BallotError(
            msg(
                "{count} candidates for {seats} seats",
                count=len(slate),
                seats=ballots_round.seats,
            )
        )
    serials: set[str] = set()
    for ballot in ballots_round.ballots:
        if ballot.serial in serials:
            raise BallotError(msg("ballot {serial} is recorded twice", serial=ballot.serial))
        serials.add(ballot.serial)
        unknown = [m for m in ballot.marks if m not in slate]
        if unknown:
            raise BallotError(
                msg(
                    "ballot {serial} marks {id}, not a candidate",
                    serial=ballot.serial,
                    id=unknown[0],
                )
            )


def _void(ballot: Ballot, seats: int) -> bool:
    return len(ballot.marks) > seats or len(set(ballot.marks)) < len(ballot.marks)


def _winners(
    votes: Mapping[str, int], carried: Mapping[str, bool], seats: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Those past the majority, most votes first, up to the seats; candidates tied across
    the last seat are elected neither, and named."""
    past = sorted((c for c in votes if carried[c]), key=lambda c: -votes[c])
    if len(past) <= seats:
        return tuple(past), ()
    cut = votes[past[seats - 1]]
    if votes[past[seats]] != cut:
        return tuple(past[:seats]), ()
    above = tuple(c for c in past if votes[c] > cut)
    return above, tuple(c for c in past if votes[c] == cut)


def _reasons(
    ballots_round: Round,
    quorum_met: bool,
    quorum_needed: int,
    majority_needed: int,
    elected: Sequence[str],
    tied: Sequence[str],
) -> tuple[Message, ...]:
    cast = len(ballots_round.ballots)
    if not quorum_met:
        return (
            msg(
                "{cast} of {electorate} voters took part; at least {needed} were needed: "
                "the vote is void",
                cast=cast,
                electorate=ballots_round.electorate,
                needed=quorum_needed,
            ),
        )
    said = [
        msg(
            "{cast} of {electorate} voters took part (at least {needed} needed)",
            cast=cast,
            electorate=ballots_round.electorate,
            needed=quorum_needed,
        ),
        msg("elected with at least {needed} of {cast} votes", needed=majority_needed, cast=cast),
    ]
    if tied:
        said.append(msg("tied for the last seat: {ids}", ids=", ".join(tied)))
    unfilled = ballots_round.seats - len(elected)
    if unfilled:
        said.append(
            msg_n(
                "{count} seat left for a re-election",
                "{count} seats left for a re-election",
                unfilled,
            )
        )
    return tuple(said)


def reelection(previous: Tally, number: int, ballots: Sequence[Ballot]) -> Round:
    """The re-election's round: the unfilled seats, among the candidates not elected."""
    if previous.unfilled == 0:
        raise BallotError(msg("every seat is filled: no re-election"))
    return Round(
        day=previous.round.day,
        number=number,
        seats=previous.unfilled,
        candidates=previous.remaining_candidates(),
        electorate=previous.round.electorate,
        ballots=tuple(ballots),
    )
