"""An election of the residents' committee: the rules in force on its day (`rules_in_force`,
the pack's `voters` and `vote` tables and their parameters), the voter register checked row
by row (`check_register`) and the candidates checked before the ballot (`check_candidates`).
The ballots and their tally are `govops.communities.model.election_tally`.

The steps are the textbook's (slide 42): the election committee, voter registration, the
representatives and group leaders, the congress and council, the committee, a re-election
for seats left unfilled (`Step`).

Readings (the texts at hand do not force them):
- a person's age is counted in completed years on the election day (the law says 年滿十八
  周歲 and names no day; the election day is the day the right is used);
- "resident of the area" (本居住地區居民) is what the register's row says of the person;
- the kinship rule of slide 38 (candidates of the two committees: no siblings or lineal
  relatives) is checked among the candidates for the residents' committee, the ones the
  registry and the register know; a pair names both people and neither is struck: the
  election committee decides who withdraws."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from govops.communities.model.composition import age_on
from govops.communities.model.registry import KIN_RULE, Relation
from govops.communities.model.words import RELATION_NAMES
from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.dated.steps import Procedure
from govops.lawcode.rules.decision import Decider, Decision
from govops.lawcode.rules.tables import Clause
from govops.lawcode.sources.citations import Citation
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg


class Step(StrEnum):
    """The six steps of slide 42, in order."""

    ELECTION_COMMITTEE = "election_committee"  # 選舉產生社區自治組織選舉委員會
    VOTER_REGISTRATION = "voter_registration"  # 選民登記
    REPRESENTATIVES = "representatives"  # 社區成員代表和居民小組長選舉
    CONGRESS_AND_COUNCIL = "congress_and_council"  # 社區成員代表大會和議事監督委員會選舉
    COMMITTEE = "committee"  # 社區居民委員會成員選舉
    REELECTION = "reelection"  # 另行選舉


ELECTION_PROCEDURE = "election"  # the pack's procedure of these steps (procedures.yaml)


def election_procedure(pack: Pack) -> Procedure:
    """The pack's election procedure; KeyError when the pack declares none, or declares a
    step this module has no guards for (a pack written for another module)."""
    return pack.procedure(ELECTION_PROCEDURE, (step.value for step in Step))


VOTERS_TABLE = "voters"  # who may vote (Art. 8 para 2)
VOTE_TABLE = "vote"  # quorum and majority (Art. 9 para 3, a reading)
KIN_CLAUSE = ("community", "38-kin")  # the candidates' kinship (slide 38)


def rules_in_force(pack: Pack, day: date) -> ParameterSnapshot:
    """The pack's parameters on `day`; ParameterError names the first rule of the election
    with no value in force then (the law's 2025 text not at hand, say), so an election is
    refused rather than run on a rule of another day."""
    return pack.rules_for(day, VOTERS_TABLE, VOTE_TABLE)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One row of a voter register as read (line: the file's line, for the error)."""

    line: int
    id: str
    name: str
    birth_date: date | None
    resident: bool | None
    deprived: bool = False  # 依照法律被剝奪政治權利


@dataclass(frozen=True, slots=True)
class Voter:
    id: str
    name: str
    birth_date: date


@dataclass(frozen=True, slots=True)
class RowRefusal:
    """A row not taken: the `voters` table's outcomes and their clauses' articles, with the
    figures behind them; or, with no outcome, the fact the row lacks."""

    line: int
    id: str
    outcomes: tuple[str, ...]
    cites: tuple[Citation, ...]
    reason: Message | None  # the age behind an age refusal, the fact a row lacks; else None


@dataclass(frozen=True, slots=True)
class Register:
    """Who may vote on `day`, and every row refused with its line and reason."""

    day: date
    voters: tuple[Voter, ...]
    refused: tuple[RowRefusal, ...]

    def ids(self) -> frozenset[str]:
        return frozenset(v.id for v in self.voters)


def check_register(rows: Iterable[RegisterRow], day: date, pack: Pack) -> Register:
    """Each row kept as a voter or refused: listed twice, a fact missing, or an outcome of
    the pack's `voters` table (under the voting age on `day`, not a resident of the area,
    deprived of political rights), with its clauses' articles."""
    decider = Decider(pack.table(VOTERS_TABLE), rules_in_force(pack, day))
    decided: dict[tuple[int, bool, bool], Decision] = {}  # one decision per distinct facts
    voters: list[Voter] = []
    refused: list[RowRefusal] = []
    first_line: dict[str, int] = {}
    for row in rows:
        missing = _missing(row, first_line)
        first_line.setdefault(row.id, row.line)  # a refused row still names the person
        if missing is not None:
            refused.append(RowRefusal(row.line, row.id, (), (), missing))
            continue
        assert row.birth_date is not None and row.resident is not None  # _missing says so
        age = age_on(row.birth_date, day)
        key = (age, row.resident, row.deprived)
        if key not in decided:
            decided[key] = decider.decide({"age": age, "resident": key[1], "deprived": key[2]})
        decision = decided[key]
        if decision.outcomes:
            outcomes = tuple(o.value for o in decision.outcomes)
            figure = None  # the outcomes' labels say it, but for the age: its figures
            if "under_voting_age" in outcomes:
                figure = msg(
                    "aged {age} on {day} (born {born})", age=age, day=day, born=row.birth_date
                )
            cites = tuple(c.cite for c in decision.fired)
            refused.append(RowRefusal(row.line, row.id, outcomes, cites, figure))
        else:
            voters.append(Voter(row.id, row.name, row.birth_date))
    return Register(day, tuple(voters), tuple(refused))


def _missing(row: RegisterRow, first_line: Mapping[str, int]) -> Message | None:
    if row.id in first_line:
        return msg("{id} is already listed on line {line}", id=row.id, line=first_line[row.id])
    if row.birth_date is None:
        return msg("no birth date: the age on the election day cannot be told")
    if row.resident is None:
        return msg("residence in the area not stated")
    return None


@dataclass(frozen=True, slots=True)
class CandidateFinding:
    """Why the slate cannot go to the ballot: `people` are the candidates concerned."""

    people: tuple[str, ...]
    reason: Message
    cite: Citation | None


KinLookup = Callable[[str, str], Relation | None]


def check_candidates(
    candidates: Sequence[str],
    seats: int,
    register: Register,
    kin: KinLookup,
    pack: Pack,
) -> tuple[CandidateFinding, ...]:
    """What bars the slate: seats outside the committee's size, fewer candidates than
    seats, a candidate listed twice or not on the register (the right to be elected is the
    voter's, Art. 8), a declared sibling or lineal relation between two candidates."""
    rules_in_force(pack, register.day)
    findings: list[CandidateFinding] = []
    size = seats_outside(seats, pack, register.day)
    if size is not None:
        findings.append(size)
    if len(set(candidates)) < seats:
        findings.append(
            CandidateFinding(
                tuple(candidates),
                msg(
                    "{count} candidates for {seats} seats", count=len(set(candidates)), seats=seats
                ),
                None,
            )
        )
    right = _clause(pack, VOTERS_TABLE, "8-age").cite  # 被選舉權 is the voter's (Art. 8 para 2)
    findings.extend(_listing_findings(candidates, register, right))
    findings.extend(_kin_findings(candidates, kin, _clause(pack, *KIN_CLAUSE).cite))
    return tuple(findings)


def seats_outside(seats: int, pack: Pack, day: date) -> CandidateFinding | None:
    """The committee's size of the pack on `day` (5 to 9, slide 36), when `seats` is
    outside it; ParameterError when the pack gives none for that day."""
    rules = pack.rules_as_of(day)
    low, high = rules["committee_min_members"], rules["committee_max_members"]
    least, most = int(str(low.value)), int(str(high.value))  # counts of people in the pack
    if least <= seats <= most:
        return None
    said = msg("{seats} seats, outside {low} to {high}", seats=seats, low=least, high=most)
    return CandidateFinding((), said, low.cite)


def _clause(pack: Pack, table: str, clause_id: str) -> Clause:
    for _, clause in pack.table(table).clauses():
        if clause.id == clause_id:
            return clause
    raise KeyError(f"the pack's table {table} has no clause {clause_id}")  # a pack's bug


def _listing_findings(
    candidates: Sequence[str], register: Register, right: Citation
) -> list[CandidateFinding]:
    found: list[CandidateFinding] = []
    seen: set[str] = set()
    voters = register.ids()
    for person in candidates:
        if person in seen:
            found.append(CandidateFinding((person,), msg("{id} is listed twice", id=person), None))
        elif person not in voters:
            found.append(
                CandidateFinding(
                    (person,),
                    msg("{id} is not on the voter register", id=person),
                    right,
                )
            )
        seen.add(person)
    return found


def _kin_findings(
    candidates: Sequence[str], kin: KinLookup, cite: Citation
) -> list[CandidateFinding]:
    unique = list(dict.fromkeys(candidates))
    found: list[CandidateFinding] = []
    for i, a in enumerate(unique):
        for b in unique[i + 1 :]:
            relation = kin(a, b)
            if relation in KIN_RULE:  # siblings and lineal relatives only (slide 38)
                found.append(
                    CandidateFinding(
                        (a, b),
                        msg(
                            "{a} and {b} are kin ({relation})",
                            a=a,
                            b=b,
                            relation=Message(RELATION_NAMES[relation.value]),
                        ),
                        cite,
                    )
                )
    return found
