"""An election as a procedure: its steps recorded as `election` events of the community's
stream (slide 42's six, in order), folded into an ElectionCase, and the guards that refuse
a step (`decide_step`): out of order, the rules of the election day not at hand, a
committee size outside the pack's, an empty register, representatives not on it, a slate
barred by `check_candidates` (kinship among them), a sign-in list or ballots that do not
hold together, a re-election with no seat left. What a step stores is what was given and
what was found (the register's refusals, each round's audit record), so the record reads
the same whatever later packs say.

Readings: steps 3 and 4 (representatives and group leaders; the congress and council) are
recorded as held, with their day and the representatives, who must be voters; "who voted"
is the sign-in list of each round (a ballot is secret: it names no one), and a round may
not hold more ballots than people signed in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from govops.communities.model.election import (
    CandidateFinding,
    Register,
    RowRefusal,
    Step,
    Voter,
    check_candidates,
    check_register,
    election_procedure,
    rules_in_force,
    seats_outside,
)
from govops.communities.model.election_audit import audit_record
from govops.communities.model.election_fields import register_rows, step_fields
from govops.communities.model.election_tally import Ballot, BallotError, Round, tally
from govops.communities.model.registry import Community, EventKind, OrganisationKind
from govops.communities.model.words import STEP_NAMES
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.dated.steps import Procedure
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg


class StepRefusedError(ValueError):
    """A step the election's rules refuse now: `message` says why, `findings` what bars a
    slate (each with its people and article)."""

    def __init__(self, message: Message, findings: Sequence[CandidateFinding] = ()) -> None:
        super().__init__(message.id)
        self.message, self.findings = message, tuple(findings)


@dataclass(frozen=True)
class ElectionCase:
    id: str
    organisation: str
    seats: int
    day: date
    procedure: Procedure = field(compare=False, repr=False)  # the pack's, for the order
    done: tuple[Step, ...] = ()
    steps: tuple[Mapping[str, Any], ...] = ()  # each step's stored data, in order
    register: tuple[Mapping[str, Any], ...] = ()  # the voters kept (id, name, birth_date)
    slate: tuple[str, ...] = ()
    rounds: tuple[Mapping[str, Any], ...] = field(default=())  # audit records, in order

    def elected(self) -> tuple[str, ...]:
        return tuple(p for r in self.rounds for p in r["result"]["elected"])

    def unfilled(self) -> int:
        return self.seats - len(self.elected())

    def finished(self) -> bool:
        return bool(self.rounds) and self.unfilled() == 0

    def next_step(self) -> Step | None:
        """The step the election waits for, the first its procedure lets come next (None:
        every seat filled)."""
        if self.finished():
            return None
        waited = self.procedure.expected([s.value for s in self.done])
        return Step(waited.id) if waited is not None else None

    def remaining(self) -> tuple[str, ...]:
        """The last round's candidates not elected, most votes first (the re-election's)."""
        last = self.rounds[-1]
        votes, elected = last["result"]["votes"], set(last["result"]["elected"])
        rest = [c for c in last["candidates"] if c not in elected]
        return tuple(sorted(rest, key=lambda c: -votes[c]))


def elections(community: Community, procedure: Procedure) -> dict[str, ElectionCase]:
    """The community's elections, by id, as their recorded steps leave them; `procedure`
    (`election_procedure`) says which step each waits for."""
    found: dict[str, ElectionCase] = {}
    for event in community.events:
        if event.kind is EventKind.ELECTION:
            data = event.data
            found[data["election"]] = _folded(found.get(data["election"]), data, procedure)
    return found


def _folded(
    case: ElectionCase | None, data: Mapping[str, Any], procedure: Procedure
) -> ElectionCase:
    step = Step(data["step"])
    if case is None:  # the first step opens it
        day = date.fromisoformat(data["day"])
        case = ElectionCase(data["election"], data["organisation"], data["seats"], day, procedure)
    more: dict[str, Any] = {"done": (*case.done, step), "steps": (*case.steps, data)}
    if step is Step.VOTER_REGISTRATION:
        more["register"] = tuple(data["voters"])
    elif step is Step.COMMITTEE:
        more["slate"] = tuple(data["candidates"])
    if step in (Step.COMMITTEE, Step.REELECTION):
        more["rounds"] = (*case.rounds, data["round"])
    return replace(case, **more)


def decide_step(
    community: Community, step: Step, data: object, pack: Pack, today: date
) -> dict[str, Any]:
    """The data of the `election` event the step makes; RegistryInputError for a field,
    StepRefusedError for a rule."""
    given = step_fields(step, data)
    case = elections(community, election_procedure(pack)).get(given["election"])
    if step is Step.ELECTION_COMMITTEE:
        return _opened(community, case, given, pack)
    if case is None:
        raise StepRefusedError(msg("no election {id} is open", id=given["election"]))
    if case.finished():
        raise StepRefusedError(msg("every seat is filled: the election is over"))
    if case.procedure.refusal([s.value for s in case.done], step.value) is not None:
        waited = case.next_step()
        if waited is None:
            raise StepRefusedError(msg("no step may follow: the election's procedure has ended"))
        name = Message(STEP_NAMES[waited.value])
        raise StepRefusedError(msg("the election waits for the step {step}", step=name))
    try:
        return {"step": step.value, **_step_data(community, case, step, given, pack, today)}
    except ParameterError as error:
        raise StepRefusedError(error.message) from None
    except BallotError as error:
        raise StepRefusedError(error.message) from None


def _opened(
    community: Community, case: ElectionCase | None, given: dict[str, Any], pack: Pack
) -> dict[str, Any]:
    if case is not None:
        raise StepRefusedError(msg("election {id} is already open", id=given["election"]))
    body = community.organisations.get(given["organisation"])
    if body is None or body.kind is not OrganisationKind.COMMITTEE:
        raise StepRefusedError(
            msg("{id} is not a residents' committee of the community", id=given["organisation"])
        )
    try:  # an election on a day with no rule at hand is refused at once, not at its vote
        rules_in_force(pack, date.fromisoformat(given["day"]))
        size = seats_outside(given["seats"], pack, date.fromisoformat(given["day"]))
    except ParameterError as error:
        raise StepRefusedError(error.message) from None
    if size is not None:
        raise StepRefusedError(size.reason, (size,))
    return {"step": Step.ELECTION_COMMITTEE.value, **given}


def _step_data(
    community: Community,
    case: ElectionCase,
    step: Step,
    given: dict[str, Any],
    pack: Pack,
    today: date,
) -> dict[str, Any]:
    if step is Step.VOTER_REGISTRATION:
        register = check_register(register_rows(given["voters"]), case.day, pack)
        if not register.voters:
            raise StepRefusedError(msg("no row of the register is a voter"))
        kept = [
            {"id": v.id, "name": v.name, "birth_date": v.birth_date.isoformat()}
            for v in register.voters
        ]
        refused = [_refusal(r) for r in register.refused]
        return {"election": case.id, "voters": kept, "refused": refused}
    if step in (Step.REPRESENTATIVES, Step.CONGRESS_AND_COUNCIL):
        _held_in_order(case, date.fromisoformat(given["held_on"]), today)
        if step is Step.REPRESENTATIVES:
            _on_register(case, given["representatives"], "representatives")
        return given
    if today < case.day:
        raise StepRefusedError(msg("the vote is on {day}: not before", day=case.day))
    return _round_data(community, case, step, given, pack)


def _held_in_order(case: ElectionCase, held: date, today: date) -> None:
    """Steps 3 and 4 are held by the election day, not after today, and in their order."""
    before = [date.fromisoformat(s["held_on"]) for s in case.steps if "held_on" in s]
    if held > today:
        raise StepRefusedError(msg("held_on: {day} is after today", day=held.isoformat()))
    if held > case.day:
        raise StepRefusedError(
            msg("held on {held}, after the election day {day}", held=held, day=case.day)
        )
    if before and held < before[-1]:
        raise StepRefusedError(
            msg("held on {held}, before the step before it ({day})", held=held, day=before[-1])
        )


def _round_data(
    community: Community, case: ElectionCase, step: Step, given: dict[str, Any], pack: Pack
) -> dict[str, Any]:
    _on_register(case, given["voted"], "voted")
    if len(given["ballots"]) > len(given["voted"]):
        raise StepRefusedError(
            msg(
                "{cast} ballots, {voted} people signed in",
                cast=len(given["ballots"]),
                voted=len(given["voted"]),
            )
        )
    ballots = tuple(Ballot(b["serial"], tuple(b["marks"])) for b in given["ballots"])
    number = len(case.rounds) + 1
    if step is Step.COMMITTEE:
        candidates = tuple(given["candidates"])
        findings = check_candidates(candidates, case.seats, _register(case), community.kin, pack)
        if findings:
            raise StepRefusedError(msg("the slate cannot go to the ballot"), findings)
        ballot_round = Round(case.day, number, case.seats, candidates, len(case.register), ballots)
    else:
        ballot_round = Round(
            case.day, number, case.unfilled(), case.remaining(), len(case.register), ballots
        )
    counted = tally(ballot_round, pack)
    return {**given, "round": audit_record(counted)}


def _refusal(row: RowRefusal) -> dict[str, Any]:
    """A refused row as stored: the outcomes and articles of the `voters` table, or, for a
    row lacking a fact or repeating a person, that reason (a message id and its values)."""
    stored: dict[str, Any] = {"line": row.line, "id": row.id, "outcomes": list(row.outcomes)}
    stored["cites"] = [str(c) for c in row.cites]
    if not row.outcomes and isinstance(row.reason, Message):
        stored["reason"] = {"id": row.reason.id, "values": dict(row.reason.values)}
    return stored


def _register(case: ElectionCase) -> Register:
    """The register as step 2 kept it (its rows were checked then)."""
    kept = tuple(
        Voter(v["id"], v["name"], date.fromisoformat(v["birth_date"])) for v in case.register
    )
    return Register(case.day, kept, ())


def _on_register(case: ElectionCase, ids: Sequence[str], name: str) -> None:
    voters = {v["id"] for v in case.register}
    for i, person in enumerate(ids, 1):
        if person not in voters:
            raise StepRefusedError(
                msg("{field}: {id} is not on the voter register", field=f"{name}[{i}]", id=person)
            )


def who_voted(case: ElectionCase) -> list[dict[str, Any]]:
    """Each voter on the register with the rounds they signed in for (an export)."""
    rounds = [set(s["voted"]) for s in case.steps if "voted" in s]
    return [
        {
            "id": v["id"],
            "name": v["name"],
            "voted": [i for i, r in enumerate(rounds, 1) if v["id"] in r],
        }
        for v in case.register
    ]
