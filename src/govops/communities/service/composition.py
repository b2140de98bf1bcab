"""The composition check of a community's organisations on a day, from the registry: a
residents' committee by the pack's `committee` table (its make-up from who holds which
post, `model.composition`), a sub-committee, the council and the Party organisation by the
`bodies` table. Each breach comes with its articles, its severity (an "in principle" rule
is a warning a recorded exception clears) and the figures behind it in words.

A whole street's committees are checked at once by the columnar batch
(`model.composition_batch`), whose verdicts agree with the single check's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from govops.communities.model.composition import Composition, Role, committee_composition
from govops.communities.model.registry import (
    Community,
    Organisation,
    OrganisationKind,
    RegistryInputError,
)
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.decision import Decider, Decision
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.rules.verdict import assess
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg, msg_n

COMMITTEE_TABLE = "committee"
BODIES_TABLE = "bodies"
# The `bodies` table's flag naming each kind of body it judges.
BODY_FLAGS = {
    OrganisationKind.SUBCOMMITTEE: "is_subcommittee",
    OrganisationKind.COUNCIL: "is_council",
    OrganisationKind.PARTY_COMMITTEE: "is_party_committee",
    OrganisationKind.PARTY_BRANCH: "is_party_branch",
}
CHECKED = frozenset({OrganisationKind.COMMITTEE, *BODY_FLAGS})


@dataclass(frozen=True)
class Check:
    """One organisation judged: the decision, and the figures behind its inputs."""

    community: str
    organisation: Organisation
    day: date
    decision: Decision
    figures: dict[str, Message]

    def as_dict(self) -> dict[str, Any]:
        """Verdict, refusals and warnings (each with the figures of the inputs its
        clauses test), the inputs judged; figures stay Messages for the adapter to say."""
        answer: dict[str, Any] = {
            "community": self.community,
            "organisation": self.organisation.id,
            "kind": self.organisation.kind.value,
            "as_of": self.day.isoformat(),
        }
        answer |= assess(self.decision).as_dict(self.decision)
        tested = {
            t.clause.id: [leaf.input for leaf in t.result.leaves] for t in self.decision.trace
        }
        for breach in (*answer["refusals"], *answer["warnings"]):
            inputs = dict.fromkeys(i for c in breach["clauses"] for i in tested.get(c, ()))
            breach["figures"] = [self.figures[i] for i in inputs if i in self.figures]
        answer["inputs"] = {name: value.value for name, value in self.decision.inputs.items()}
        return answer


def check_organisation(pack: Pack, community: Community, organisation: str, day: date) -> Check:
    """The organisation's make-up on `day`; RegistryInputError for an organisation the
    community does not have, or one no composition rule speaks of."""
    found = community.organisations.get(organisation)
    if found is None:
        raise RegistryInputError(
            "organisation", msg("no organisation {id} in this community", id=repr(organisation))
        )
    if found.kind not in CHECKED:
        raise RegistryInputError(
            "organisation",
            msg("no composition rule speaks of a {kind}", kind=found.kind.value),
        )
    if found.kind is OrganisationKind.COMMITTEE:
        made = _committee(community, found, day)
        table = COMMITTEE_TABLE
    else:
        made = _body(community, found, day)
        table = BODIES_TABLE
    try:  # a day no value is in force on (before the worked example's 2012) is refused
        decision = Decider(pack.table(table), pack.rules_as_of(day)).decide(made.inputs)
    except ParameterError as error:
        raise RegistryInputError("as_of", error.message) from None
    except InputError as error:  # a record the checks let through and the rules cannot read
        raise RegistryInputError("organisation", error.message) from None
    return Check(community.code, found, day, decision, made.figures)


def checked_organisations(community: Community, day: date) -> list[Organisation]:
    """The community's organisations that composition rules speak of, active on `day`."""
    return [o for o in community.organisations.values() if o.kind in CHECKED and o.active_on(day)]


def _committee(community: Community, committee: Organisation, day: date) -> Composition:
    party = community.party_organisation(day)
    return committee_composition(
        community.people(),
        community.seats(committee.id),
        community.seats(party.id) if party is not None else None,
        day,
        community.exceptions_of(committee.id, day),
    )


def _body(community: Community, body: Organisation, day: date) -> Composition:
    """The `bodies` table's inputs: members (people) on the body that day, directors,
    full-time members, and for a sub-committee whether its director sits on its committee
    (slide 26: 主任由社區居民委員會成員兼任)."""
    posts = [p for p in community.posts.values() if p.organisation == body.id]
    held = [p for p in posts if p.seat(body.dissolved).held_on(day)]
    holders = {p.member for p in held}
    directors = {p.member for p in held if p.role is Role.DIRECTOR}
    # Full-time is said of a post (slide 28: the council 實行兼職制); one not said is not.
    full_time = len({p.member for p in held if p.full_time})
    inputs: dict[str, Any] = {BODY_FLAGS[body.kind]: True, "members": len(holders)}
    inputs |= {"directors": len(directors), "full_time_members": full_time}
    if body.kind is OrganisationKind.SUBCOMMITTEE and body.parent is not None:
        # a chair not on the committee that day (no chair: nothing to say of one)
        on_committee = {s.person for s in community.seats(body.parent) if s.held_on(day)}
        inputs["chair_on_committee"] = directors <= on_committee
    figures = {"members": msg_n("{count} member", "{count} members", len(holders))}
    return Composition(inputs, figures)
