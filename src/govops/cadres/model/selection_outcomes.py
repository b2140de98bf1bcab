"""The committee's decision on a case and what may follow a decision that was not taken:
the vote (28-31), a vote not carried and recorded as such (31(3)), a decision postponed
(30), the consent to reconsider (30 para 2), and the closing of a case (withdrawn, or not
appointed). Readings are those of `govops.cadres.model.selection_case`; the quorum (30)
and the majorities (31(3), 30 para 2) count ALL members (应到会成员, 校党委会成员), and
those who withdraw (43, 44) count as neither present nor consenting."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from govops.cadres.model import selection_exceptional as exceptional
from govops.cadres.model.people import Relation, withdrawing
from govops.cadres.model.periods import period_last_day
from govops.cadres.model.selection_case import Case, Event, begin, new_event
from govops.cadres.model.selection_gate import Screening, gate
from govops.cadres.model.steps import (
    Closing,
    ProcedureRules,
    Step,
    Vote,
    needed,
    refuse_unless,
)
from govops.lawcode.texts.messages import msg


@dataclass(frozen=True, slots=True)
class Ballot:
    """What the meeting gave: each member's opinion, and the reason to postpone, if it
    postponed its decision."""

    votes: Mapping[str, Vote]
    postpone: str = ""


def decide(
    rules: ProcedureRules,
    relations: Iterable[Relation],
    case: Case,
    at: datetime,
    actor: str,
    ballot: Ballot,
    screening: Screening,
) -> Event:
    """DECISION: the opinion of each member present (同意, 不同意, 缓议; 30), once the
    recommendation is still valid (11), the candidate still eligible (6, 7, 17, 46) and
    two-thirds of ALL members present (30). More than half of ALL members in favour
    (31(3)) decides; fewer is recorded as a vote not carried (DECISION_REFUSED), not
    dropped. With a reason to `postpone` (divergent opinions, questions unclear: 30) the
    decision is recorded as postponed, whatever the votes."""
    votes, postpone = ballot.votes, ballot.postpone
    if not votes.keys() <= case.committee:  # the service checks it first
        strangers = sorted(votes.keys() - case.committee)
        raise ValueError(f"not on the committee: {strangers}")  # i18n: not shown
    if screening.day != at.date():
        raise ValueError("the screening is not of the decision's day")  # a bug
    step = Step.DECISION
    begin(case, step, at, actor)
    still_valid(rules, case, at.date())
    stated = exceptional.before_decision(rules, case)  # the superior consent (29 para 2)
    checked = gate(step, rules.document, case.candidate, screening)
    quorum, majority = rules.committee_quorum_share, rules.committee_majority_share
    recused = withdrawing(case.candidate, frozenset(votes), relations)
    counted, members = votes.keys() - recused, len(case.committee)
    detail = msg(
        "{present} of {members} members present and not withdrawn; {needed}",
        present=len(counted),
        members=members,
        needed=needed(quorum.value, members),
    )
    refuse_unless(len(counted) >= quorum.value * members, step, "quorum", quorum.cite, detail)
    yes = sum(votes[m] is Vote.FOR for m in counted)
    data: dict[str, Any] = {"votes": {m: str(votes[m]) for m in sorted(counted)}}
    data |= {"recused": sorted(recused), "in_favour": yes, "members": members}
    data |= {"eligibility": checked} | stated  # the reasons stated to the committee (31(1))
    if postpone:
        postponed = data | {"reason": postpone, "article": "30"}
        return new_event(case, Step.DECISION_POSTPONED, at, actor, postponed)
    if yes > majority.value * members:
        return new_event(case, step, at, actor, data)
    short = {"guard": "majority", "article": majority.cite.article}
    return new_event(case, Step.DECISION_REFUSED, at, actor, data | short)


def still_valid(rules: ProcedureRules, case: Case, day: date) -> None:
    """The recommendation is valid one year, through its anniversary (11; Civil Code 201,
    202: from 29 February, through 28 February)."""
    recommended, rule = case.day(Step.RECOMMENDATION), rules.recommendation_valid_years
    last = period_last_day(recommended, rule.value)
    detail = msg(
        "the recommendation of {recommended} was valid through {last}, not on {day}",
        recommended=recommended,
        last=last,
        day=day,
    )
    refuse_unless(day <= last, Step.DECISION, "recommendation validity", rule.cite, detail)


def reconsider(
    rules: ProcedureRules,
    relations: Iterable[Relation],
    case: Case,
    at: datetime,
    actor: str,
    *,
    consents: frozenset[str],
    reason: str,
) -> Event:
    """RECONSIDERATION after a vote not carried: the members who consent to reconsider
    (复议), more than half of ALL members (30 para 2), those who withdraw (44) not
    counted; then the decision may be voted again."""
    if not consents <= case.committee:  # the service checks it first
        raise ValueError(f"not on the committee: {sorted(consents - case.committee)}")
    step, share = Step.RECONSIDERATION, rules.reconsideration_consent_share
    begin(case, step, at, actor)
    recused = withdrawing(case.candidate, consents, relations)
    counted, members = consents - recused, len(case.committee)
    detail = msg(
        "{count} of {members} members consent; {needed}",
        count=len(counted),
        members=members,
        needed=needed(share.value, members, True),
    )
    refuse_unless(len(counted) > share.value * members, step, "consent", share.cite, detail)
    data = {"consents": sorted(counted), "recused": sorted(recused), "members": members}
    return new_event(case, step, at, actor, data | {"reason": reason})


def close(
    rules: ProcedureRules, case: Case, at: datetime, actor: str, outcome: Closing, reason: str
) -> Event:
    """CLOSED: the case ends, withdrawn or not appointed, with the reason; nothing follows.
    Not after the appointment (the probation's end closes it then)."""
    step = Step.CLOSED
    begin(case, step, at, actor)
    where = rules.cite("29")
    refuse_unless(bool(reason.strip()), step, "reason", where, msg("none given"))
    return new_event(case, step, at, actor, {"outcome": str(outcome), "reason": reason})
