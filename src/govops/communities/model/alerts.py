"""What needs doing in a community on a day, from its registry and the pack: the committee's
term ending within the months asked (or ended, or of unknown length), the congress and the
council overdue, a new estate that should apply for or elect its committee, the community's
households outside the law's range, sub-committees below their three members.

The cadences, the estate and the households are the pack's `community` table decided on
inputs taken from the registry; sub-committees, its `bodies` table; the term, its dated
`term_years`. Readings (the text does not force them):
- a committee serves the term of the law in force on the day it was elected: elected in
  2017, three years (Art. 8, 1989 text); in 2021, five (Art. 8 as amended in 2018); from
  2026 the revised law's term could not be read, so it is said unknown, never guessed;
- "more than 12 months" (a quarter: 3) since a meeting is a day past the same day 12 months
  later (held 15 March 2025: overdue from 16 March 2026); a body that has not met is
  counted from its election or its forming; with no congress recorded the congress is
  counted from the committee's election (the congress is the committee's to call); with no
  council recorded nothing is said of it (when it last met cannot be known);
- residents have started moving in unless the facts give a later day; a committee has
  been applied for when the facts give the day it was; the facts used are the latest as
  of the day asked, and the outcomes that read them are left out when none is (an outcome
  is never decided on a stand-in figure);
- a committee's term starts at its election in force on the day asked (the latest
  `elected` on or before it: the registry keeps every one), else the day it was formed."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from govops.communities.model.registry import Community, Facts, Organisation, OrganisationKind
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.decision import Decider, Decision
from govops.lawcode.rules.tables import OutcomeRule, inputs_of
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg, msg_n

COMMUNITY_TABLE, BODIES_TABLE, TERM_TABLE, TERM = "community", "bodies", "term", "term_years"
# Outcomes of the community table that are not about the registry (the candidates' kinship
# is checked with the candidates, at an election).
NOT_ALERTS = frozenset({"kin_among_candidates"})
# Inputs whose default the table gives and the alerts never need to know.
DEFAULTED = frozenset({"kin_among_candidates"})


@dataclass(frozen=True)
class Alert:
    community: str
    kind: str  # an outcome of the pack's tables, or term_ending / term_ended / term_unknown
    severity: str  # refuse or warn, as the pack says
    cite: tuple[str, ...]
    label: Mapping[str, str] | Message  # the pack's label, or the module's words
    figures: tuple[Message, ...] = ()
    organisation: str | None = None
    due: date | None = None


def completed_months(start: date, day: date) -> int:
    """Whole months from `start` to `day` (0 when `day` is before a month has passed)."""
    months = (day.year - start.year) * 12 + day.month - start.month
    return max(0, months - (day.day < start.day))


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has none."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def rules_in_force(pack: Pack, day: date) -> None:
    """ParameterError unless every value the alerts' tables read is in force on `day`
    (before the worked example of 2012 nothing can be said due, not even that nothing is)."""
    pack.rules_for(day, COMMUNITY_TABLE, BODIES_TABLE)


def community_alerts(pack: Pack, community: Community, day: date, within: int) -> list[Alert]:
    """Every alert of the community on `day`; terms ending within `within` months."""
    rules_in_force(pack, day)
    found: list[Alert] = []
    committee = _active(community, OrganisationKind.COMMITTEE, day)
    found += _table_alerts(pack, community, community.facts_on(day), committee, day)
    if committee is not None:
        found += _term_alerts(pack, community, committee, day, within)
    for body in community.organisations.values():
        if body.kind is OrganisationKind.SUBCOMMITTEE and body.active_on(day):
            found += _small_subcommittee(pack, community, body, day)
    return found


def _active(community: Community, kind: OrganisationKind, day: date) -> Organisation | None:
    return next(
        (o for o in community.organisations.values() if o.kind is kind and o.active_on(day)), None
    )


def _start(community: Community, body: Organisation, day: date) -> date:
    """The start of the body's term in force on `day` (`Community.term_start`)."""
    return community.term_start(body.id, day)


def _table_alerts(
    pack: Pack, community: Community, facts: Facts | None, committee: Organisation | None, day: date
) -> list[Alert]:
    """The `community` table's outcomes that the registry can say on `day`: those reading
    the facts only when facts as of then are recorded, the cadences only with a committee
    (an outcome reading an input not known is left out, never decided on a stand-in)."""
    inputs: dict[str, Any] = {"has_committee": committee is not None, "households": 0}
    figures: dict[str, Message] = {}
    if facts is not None:
        inputs |= {
            "households": facts.households,
            "occupancy_share": facts.occupancy,
            "residents_moved_in": facts.moving_in_since is None or facts.moving_in_since <= day,
            "applied": facts.applied_on is not None and facts.applied_on <= day,
        }
        figures["committee_election_due"] = msg("occupancy {share}%", share=facts.occupancy)
    if committee is not None:
        _cadences(community, committee, day, inputs, figures)
    known = set(inputs) - ({"households"} if facts is None else set())
    table = pack.table(COMMUNITY_TABLE)
    decision = Decider(table, pack.rules_as_of(day)).decide(inputs)
    return [
        _from_outcome(community.code, decision, outcome, figures.get(outcome.value))
        for outcome in decision.outcomes
        if outcome.value not in NOT_ALERTS and _reads_only(outcome, known | DEFAULTED)
    ]


def _reads_only(outcome: OutcomeRule, known: set[str]) -> bool:
    return all(inputs_of(clause.condition) <= known for clause in outcome.clauses)


def _cadences(
    community: Community,
    committee: Organisation,
    day: date,
    inputs: dict[str, Any],
    figures: dict[str, Message],
) -> None:
    """Months since the congress and the council last met (see the readings above)."""
    for kind, name in (
        (OrganisationKind.CONGRESS, "congress"),
        (OrganisationKind.COUNCIL, "council"),
    ):
        body = _active(community, kind, day)
        if body is None and kind is OrganisationKind.COUNCIL:
            continue  # no council recorded: when it last met is not known
        met = community.last_meeting(body.id, day) if body is not None else None
        since = met or _start(community, body if body is not None else committee, day)
        # Months begun since then: more than 12 (3) of them is a day past 12 (3) months.
        months = completed_months(since, day)
        inputs[f"months_since_{name}"] = months + (add_months(since, months) < day)
        figures[f"{name}_overdue"] = (
            msg("last met on {day}", day=met)
            if met is not None
            else msg("no meeting recorded since {day}", day=since)
        )


def _from_outcome(
    community: str,
    decision: Decision,
    outcome: Any,
    figure: Message | None,
    organisation: str | None = None,
) -> Alert:
    fired = [c for c in decision.fired if any(c is own for own in outcome.clauses)]
    return Alert(
        community,
        outcome.value,
        outcome.severity.value,
        tuple(str(c.cite) for c in fired),
        dict(outcome.labels),
        (figure,) if figure is not None else (),
        organisation,
    )


def _term_alerts(
    pack: Pack, community: Community, committee: Organisation, day: date, within: int
) -> list[Alert]:
    code, elected = community.code, _start(community, committee, day)
    try:  # the law in force at the election (see the readings above)
        version, rules = pack.rules_as_of(elected)[TERM], pack.rules_as_of(elected)
    except ParameterError:
        said = msg("elected on {day}: the term of the law in force then is not known", day=elected)
        return [
            Alert(
                code,
                "term_unknown",
                "warn",
                (),
                msg("term of office unknown"),
                (said,),
                committee.id,
            )
        ]
    years = int(version.value)
    ends = _years_after(elected, years)
    said = msg_n(
        "{count} year from {day}, ending on {end}",
        "{count} years from {day}, ending on {end}",
        years,
        day=elected,
        end=ends,
    )
    served = {"years_since_election": _completed_years(elected, day)}
    decision = Decider(pack.table(TERM_TABLE), rules).decide(served)
    if decision.outcomes:  # the pack's `term` table: the term has run, re-election is due
        ended = _from_outcome(code, decision, decision.outcomes[0], said, committee.id)
        return [replace(ended, due=ends, cite=(*ended.cite, str(version.cite)))]
    cite = (str(version.cite),)
    if ends <= add_months(day, within):
        soon = msg("the term ends soon; prepare the re-election")
        return [Alert(code, "term_ending", "warn", cite, soon, (said,), committee.id, ends)]
    return []


def _completed_years(start: date, day: date) -> int:
    """Whole years from `start` to `day` (anniversaries, as `_years_after` counts them)."""
    years = day.year - start.year
    return years - (day < _years_after(start, years)) if years > 0 else 0


def _years_after(day: date, years: int) -> date:
    """The anniversary `years` later (of 29 February, 1 March when the year has none)."""
    if (day.month, day.day) == (2, 29) and monthrange(day.year + years, 2)[1] == 28:
        return date(day.year + years, 3, 1)
    return day.replace(year=day.year + years)


def _small_subcommittee(
    pack: Pack, community: Community, body: Organisation, day: date
) -> list[Alert]:
    members = len({s.person for s in community.seats(body.id) if s.held_on(day)})
    inputs = {"is_subcommittee": True, "members": members}
    decision = Decider(pack.table(BODIES_TABLE), pack.rules_as_of(day)).decide(inputs)
    figure = msg_n("{count} member", "{count} members", members)
    return [
        _from_outcome(community.code, decision, o, figure, body.id)
        for o in decision.outcomes
        if o.value == "subcommittee_too_small"
    ]
