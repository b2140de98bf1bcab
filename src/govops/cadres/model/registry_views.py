"""The cadre registry seen by the alerts and by screening (pure: folded cadres in).

`people_registry` maps the registry's cadres to `people.Registry`, the organisation chart
the alerts read, and reports what it cannot map instead of guessing:

- posts: rank, unit, post, start, end and probation end are mapped, and what 43 para 2
  needs: `leads_unit` -> `leading`, `function` -> `function`, and `reports_to` (the registry
  id of the direct leader) -> the post that leader holds on the day the alerts are for
  (`as_of`; a leading post first, then the highest rank, the latest start), or `cadre ID`
  when the leader holds no post that day (or no day is given), so that two people under
  the same leader are still seen as such. A `reports_to` naming no cadre of the registry
  (or the person themself) is reported and not mapped;
- relatives: spouse -> spouse, child and parent -> lineal kin, sibling -> collateral kin
  within three generations; `other` names no kinship of 43 and is reported. A relative is
  linked to a cadre of the registry only by the `cadre_id` its entry gives (a relative
  recorded by name alone is not linked, and is reported when a cadre bears that name);
- bars: discipline (17(6), its effect period), demotion (46) and accountability (46:
  resigned taking the blame, ordered to resign, dismissed through accountability).

`screen_registry` decides each cadre's eligibility for the rank above the highest rank held
on the day (deputy_section for someone holding no post) through the registry service's own
`eligibility` (passed in), so screening and a single decision cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from govops.cadres.model import people
from govops.cadres.model.alerts import HORIZON, Alert, AlertRules, alerts
from govops.cadres.model.record import RANKS
from govops.cadres.model.registry import (
    RELATION_NAMES,
    Cadre,
    Entry,
    EntryKind,
    RegistryInputError,
)
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg

KINSHIP: Mapping[str, people.Kinship] = {
    "spouse": people.Kinship.SPOUSE,
    "child": people.Kinship.LINEAL,
    "parent": people.Kinship.LINEAL,
    "sibling": people.Kinship.COLLATERAL,
}
Eligibility = Callable[[str, str, date], Mapping[str, Any]]
"""(person id, target rank, as of) -> the answer of RegistryService.eligibility."""


@dataclass(frozen=True, slots=True)
class MappingIssue:
    """An entry the mapping could not carry over, and why."""

    person: str
    entry: int
    message: Message  # translated where shown

    def as_dict(self) -> dict[str, object]:
        """JSON-ready but for `message`, a Message the adapter translates."""
        return {"person": self.person, "entry": self.entry, "message": self.message}


@dataclass(frozen=True, slots=True)
class RegistryView:
    registry: people.Registry
    issues: tuple[MappingIssue, ...]


def people_registry(cadres: Iterable[Cadre], as_of: date | None = None) -> RegistryView:
    """The organisation chart of the cadres' facts in force, and the issues met; a
    `reports_to` is resolved to the post its leader holds on `as_of` (see above)."""
    everyone = list(cadres)
    names = Counter(c.person.name for c in everyone)
    by_id = {c.person.id: c.person.id for c in everyone}
    leaders = {c.person.id: _leader_post(c, as_of) for c in everyone}
    issues: list[MappingIssue] = []
    mapped = []
    for cadre in everyone:
        relatives = []
        for entry in cadre.facts(EntryKind.RELATIVE):
            linked = _relative(cadre, entry, names, by_id, issues)
            if linked is not None:
                relatives.append(linked)
        positions = []
        for entry in cadre.facts(EntryKind.POSITION):
            leader = entry.data.get("reports_to")
            if leader is not None and (leader not in leaders or leader == cadre.person.id):
                message = msg(
                    "reports_to {leader}: no other cadre of that id; not mapped",
                    leader=repr(leader),
                )
                issues.append(MappingIssue(cadre.person.id, entry.seq, message))
                leader = None
            positions.append(_position(entry, None if leader is None else leaders[leader]))
        mapped.append(
            people.Person(
                cadre.person.id,
                cadre.person.name,
                tuple(positions),
                tuple(relatives),
                _bars(cadre),
            )
        )
    return RegistryView(people.Registry(tuple(mapped)), tuple(issues))


def _leader_post(cadre: Cadre, as_of: date | None) -> str:
    """What `reports_to` the cadre maps to: the post held on `as_of` (a leading post first,
    then the highest rank, then the latest start), else `cadre ID`."""
    held = [
        p
        for p in map(_position, cadre.facts(EntryKind.POSITION))
        if as_of is not None and p.held_on(as_of)
    ]
    if not held:
        return f"cadre {cadre.person.id}"
    rank = {name: place for place, name in enumerate(RANKS)}
    best = max(held, key=lambda p: (p.leading, rank.get(p.rank or "", -1), p.start, p.post))
    return best.post


def _position(entry: Entry, reports_to: str | None = None) -> people.Position:
    data = entry.data
    post = data.get("post")
    ident = f"{data['unit']}: {post}" if post else f"{data['unit']}: {data['rank']} #{entry.seq}"
    function = data.get("function")
    return people.Position(
        post=ident,
        unit=data["unit"],
        rank=data["rank"],
        start=date.fromisoformat(data["start"]),
        end=_day(data.get("end")),
        probation_end=_day(data.get("probation_end")),
        reports_to=reports_to,
        leading=bool(data.get("leads_unit", False)),
        function=None if function is None else people.Function(function),
    )


def _relative(
    cadre: Cadre,
    entry: Entry,
    names: Counter[str],
    by_id: Mapping[str, str],
    issues: list[MappingIssue],
) -> tuple[str, people.Kinship] | None:
    me, relation, name = cadre.person.id, entry.data["relation"], entry.data["name"]
    kinship = KINSHIP.get(relation)
    if kinship is None:
        message = msg(
            "relation {relation} of {name} names no kinship of Art. {article}: not mapped",
            relation=repr(relation),
            name=name,
            article="43",
        )
        issues.append(MappingIssue(me, entry.seq, message))
        return None
    # Linked only by the id the entry gives: two people may share a name, and a wrong
    # link would raise (or hide) an avoidance conflict.
    other = entry.data.get("cadre_id")
    if other is None:
        if names[name] - (cadre.person.name == name) > 0:
            message = msg(
                "{relation} {name}: a cadre bears that name; no cadre_id given: not linked",
                relation=Message(RELATION_NAMES[relation]),
                name=name,
            )
            issues.append(MappingIssue(me, entry.seq, message))
        return None
    if other not in by_id or other == me:
        message = msg(
            "{relation} {name}: no cadre {other}; not linked",
            relation=Message(RELATION_NAMES[relation]),
            name=name,
            other=repr(other),
        )
        issues.append(MappingIssue(me, entry.seq, message))
        return None
    return str(other), kinship


def _bars(cadre: Cadre) -> tuple[people.Bar, ...]:
    bars = [
        people.Bar(
            people.BarKind.DISCIPLINE,
            date.fromisoformat(e.data["decided_on"]),
            date.fromisoformat(e.data["effect_until"]),
        )
        for e in cadre.facts(EntryKind.DISCIPLINE)
    ]
    bars += [
        people.Bar(people.BarKind.DEMOTION, date.fromisoformat(e.data["on"]))
        for e in cadre.facts(EntryKind.DEMOTION)
    ]
    bars += [
        people.Bar(people.BarKind.ACCOUNTABILITY, date.fromisoformat(e.data["on"]))
        for e in cadre.facts(EntryKind.ACCOUNTABILITY)
    ]
    return tuple(bars)


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def held_rank(cadre: Cadre, as_of: date) -> str | None:
    """The highest rank of the posts held on `as_of`, None when none is held."""
    held = [
        p.rank
        for p in map(_position, cadre.facts(EntryKind.POSITION))
        if p.held_on(as_of) and p.rank is not None
    ]
    return max(held, key=RANKS.index) if held else None


def next_rank(held: str | None) -> str | None:
    """The rank above `held` (deputy_section for no rank), None above division chief."""
    if held is None:
        return RANKS[0]
    place = RANKS.index(held) + 1
    return RANKS[place] if place < len(RANKS) else None


def screen_registry(
    cadres: Iterable[Cadre], as_of: date, eligibility: Eligibility
) -> list[dict[str, Any]]:
    """One line per cadre: held and target rank, verdict, refusals and warnings with their
    articles. `verdict` is `no_rank_above` for a division chief, `undecided` (with `error`:
    field, and message, a Message the adapter translates) when the registry lacks what the
    decision needs (work start, education, ...)."""
    lines = []
    for cadre in cadres:
        held = held_rank(cadre, as_of)
        target = next_rank(held)
        line: dict[str, Any] = {
            "person": cadre.person.id,
            "name": cadre.person.name,
            "held_rank": held,
            "target_rank": target,
        }
        if target is None:
            lines.append(line | {"verdict": "no_rank_above", "refusals": [], "warnings": []})
            continue
        try:
            answer = eligibility(cadre.person.id, target, as_of)
        except RegistryInputError as error:
            error_out = {"field": error.field, "message": error.message}
            lines.append(line | {"verdict": "undecided", "error": error_out})
            continue
        lines.append(
            line
            | {
                "verdict": answer["verdict"],
                "refusals": answer["refusals"],
                "warnings": answer["warnings"],
            }
        )
    return lines


def alert_rules(pack: Pack, as_of: date) -> AlertRules:
    """The alert rules in force on `as_of`, cited, from the pack (cn-cadre-selection);
    ParameterError when the pack has no rules in force that day."""
    return people.cited_rules(AlertRules, pack.rules_as_of(as_of))


def registry_alerts(
    cadres: Iterable[Cadre], as_of: date, rules: AlertRules, horizon: timedelta = HORIZON
) -> tuple[list[dict[str, Any]], tuple[MappingIssue, ...]]:
    """The alerts over the registry as of `as_of`, soonest first, as JSON lines (kind,
    people with id and name, article, start, end, detail: a Message the adapter
    translates), and the mapping issues."""
    view = people_registry(cadres, as_of)
    names = {p.id: p.name for p in view.registry.people}
    found = alerts(view.registry, as_of, rules, horizon)
    return [_alert_line(a, names) for a in found], view.issues


def _alert_line(alert: Alert, names: Mapping[str, str]) -> dict[str, Any]:
    return {
        "kind": alert.kind.value,
        "people": [{"id": p, "name": names.get(p, "")} for p in alert.people],
        "article": str(alert.cite),
        "start": alert.start.isoformat(),
        "end": alert.end.isoformat() if alert.end is not None else None,
        "detail": alert.detail,
    }
