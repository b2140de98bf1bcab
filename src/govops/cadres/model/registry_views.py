"""The cadre registry seen by the alerts and by screening (pure: folded cadres in).

`people_registry` maps the registry's cadres to `people.Registry`, the organisation chart
the alerts read, and reports what it cannot map instead of guessing:

- posts: rank, unit, post, start, end and probation end are mapped, and what 43 para 2
  needs: `leads_unit` -> `leading`, `function` -> `function`, `reports_to` (the registry
  id of the direct leader) and `supervised_by` (the registry id of the cadre supervising
  the post's work, 监督与被监督关系) -> the post that cadre holds on the day the alerts are
  for (`as_of`; a leading post first, then the highest rank, the latest start), or `cadre
  ID` when they hold no post that day (or no day is given), so that two people under the
  same leader are still seen as such. A `reports_to` or `supervised_by` naming no other
  cadre of the registry is reported and not mapped;
- relatives: spouse -> spouse; parent, child, grandparent, grandchild -> lineal kin;
  sibling, uncle or aunt, nephew or niece, first cousin -> collateral kin within three
  generations; the spouse's parent, the spouse's sibling or sibling's spouse, the child's
  spouse -> close in-laws (近姻亲, a reading); `other` names no kinship of 43 and is
  reported. A relative is linked to a cadre of the registry only by the `cadre_id` its
  entry gives (a relative recorded by name alone is not linked, and is reported when a
  cadre bears that name);
- bars: discipline (17(6), its effect period), demotion (46) and accountability (46:
  resigned taking the blame, ordered to resign, dismissed through accountability);
- trainings meeting the requirement (6(5)), absences (45(6), 45(7)), annual results (47).

`screen_registry` (`govops.cadres.model.screening`) decides each cadre's eligibility for the
rank above the one held through the registry service's own `eligibility`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
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
)
from govops.cadres.model.registry_people import (
    KINSHIP,
    absences,
    assessments,
    bars,
    position,
    trainings,
)
from govops.cadres.model.screening import Eligibility, held_rank, next_rank, screen_registry
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg

__all__ = [
    "KINSHIP",
    "Eligibility",
    "MappingIssue",
    "RegistryView",
    "alert_rules",
    "held_rank",
    "next_rank",
    "people_registry",
    "registry_alerts",
    "screen_registry",
]


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
            leader = _post_of(cadre, entry, "reports_to", leaders, issues)
            supervisor = _post_of(cadre, entry, "supervised_by", leaders, issues)
            positions.append(position(entry, leader, supervisor))
        mapped.append(
            people.Person(
                cadre.person.id,
                cadre.person.name,
                tuple(positions),
                tuple(relatives),
                bars(cadre),
                trainings(cadre),
                absences(cadre),
                assessments(cadre),
            )
        )
    return RegistryView(people.Registry(tuple(mapped)), tuple(issues))


def _post_of(
    cadre: Cadre,
    entry: Entry,
    field: str,
    posts: Mapping[str, str],
    issues: list[MappingIssue],
) -> str | None:
    """The post of the cadre a position's `reports_to` or `supervised_by` names, or None
    (reported when it names no other cadre)."""
    other = entry.data.get(field)
    if other is None:
        return None
    if other not in posts or other == cadre.person.id:
        message = msg(
            "{field} {leader}: no other cadre of that id; not mapped",
            field=field,
            leader=repr(other),
        )
        issues.append(MappingIssue(cadre.person.id, entry.seq, message))
        return None
    return posts[other]


def _leader_post(cadre: Cadre, as_of: date | None) -> str:
    """What `reports_to` the cadre maps to: the post held on `as_of` (a leading post first,
    then the highest rank, then the latest start), else `cadre ID`."""
    held = [
        p
        for p in map(position, cadre.facts(EntryKind.POSITION))
        if as_of is not None and p.held_on(as_of)
    ]
    if not held:
        return f"cadre {cadre.person.id}"
    rank = {name: place for place, name in enumerate(RANKS)}
    best = max(held, key=lambda p: (p.leading, rank.get(p.rank or "", -1), p.start, p.post))
    return best.post


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
