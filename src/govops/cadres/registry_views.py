"""The cadre registry seen by the alerts and by screening (pure: folded cadres in).

`people_registry` maps the registry's cadres to `people.Registry`, the organisation chart
the alerts read, and reports what it cannot map instead of guessing:

- posts: rank, unit, post, start, end and probation end are mapped; the registry records
  no direct leader (`reports_to`), no leadership of the unit (`leading`) and no line of work
  (`function`), so of the avoidance checks of 43 para 2 none can fire from the registry:
  "both directly under the same leader", "one the direct leader of the other" and "in the
  unit one of them leads, the other in personnel, discipline, supervision, audit or finance
  work" all need those fields;
- relatives: spouse -> spouse, child and parent -> lineal kin, sibling -> collateral kin
  within three generations; `other` names no kinship of 43 and is reported. A relative is
  linked to a cadre of the registry only by the `cadre_id` its entry gives (a relative
  recorded by name alone is not linked, and is reported when a cadre bears that name);
- bars: discipline (17(6), its effect period) and demotion (46); the registry records no
  accountability resignation or dismissal, so that bar of 46 cannot fire.

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

from govops.cadres import people
from govops.cadres.alerts import HORIZON, Alert, AlertRules, alerts
from govops.cadres.record import RANKS
from govops.cadres.registry import Cadre, Entry, EntryKind, RegistryInputError
from govops.lawcode.pack import Pack

KINSHIP: Mapping[str, people.Kinship] = {
    "spouse": people.Kinship.SPOUSE,
    "child": people.Kinship.LINEAL,
    "parent": people.Kinship.LINEAL,
    "sibling": people.Kinship.COLLATERAL,
}
CANNOT_FIRE = (
    "avoidance: both directly under the same leader (no reports_to in the registry)",
    "avoidance: one the direct leader of the other (no reports_to in the registry)",
    "avoidance: function work in a unit the relative leads (no leading/function)",
    "bar: accountability resignation or dismissal (46) (no such entry kind)",
)
Eligibility = Callable[[str, str, date], Mapping[str, Any]]
"""(person id, target rank, as of) -> the answer of RegistryService.eligibility."""


@dataclass(frozen=True, slots=True)
class MappingIssue:
    """An entry the mapping could not carry over, and why."""

    person: str
    entry: int
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"person": self.person, "entry": self.entry, "message": self.message}


@dataclass(frozen=True, slots=True)
class RegistryView:
    registry: people.Registry
    issues: tuple[MappingIssue, ...]


def people_registry(cadres: Iterable[Cadre]) -> RegistryView:
    """The organisation chart of the cadres' facts in force, and the issues met."""
    everyone = list(cadres)
    names = Counter(c.person.name for c in everyone)
    by_id = {c.person.id: c.person.id for c in everyone}
    issues: list[MappingIssue] = []
    mapped = []
    for cadre in everyone:
        relatives = []
        for entry in cadre.facts(EntryKind.RELATIVE):
            linked = _relative(cadre, entry, names, by_id, issues)
            if linked is not None:
                relatives.append(linked)
        mapped.append(
            people.Person(
                cadre.person.id,
                cadre.person.name,
                tuple(_position(e) for e in cadre.facts(EntryKind.POSITION)),
                tuple(relatives),
                _bars(cadre),
            )
        )
    return RegistryView(people.Registry(tuple(mapped)), tuple(issues))


def _position(entry: Entry) -> people.Position:
    data = entry.data
    post = data.get("post")
    ident = f"{data['unit']}: {post}" if post else f"{data['unit']}: {data['rank']} #{entry.seq}"
    return people.Position(
        post=ident,
        unit=data["unit"],
        rank=data["rank"],
        start=date.fromisoformat(data["start"]),
        end=_day(data.get("end")),
        probation_end=_day(data.get("probation_end")),
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
        message = f"relation {relation!r} of {name} names no kinship of Art. 43: not mapped"
        issues.append(MappingIssue(me, entry.seq, message))
        return None
    # Linked only by the id the entry gives: two people may share a name, and a wrong
    # link would raise (or hide) an avoidance conflict.
    other = entry.data.get("cadre_id")
    if other is None:
        if names[name] - (cadre.person.name == name) > 0:
            message = f"{relation} {name}: a cadre bears that name; no cadre_id given: not linked"
            issues.append(MappingIssue(me, entry.seq, message))
        return None
    if other not in by_id or other == me:
        issues.append(
            MappingIssue(me, entry.seq, f"{relation} {name}: no cadre {other!r}; not linked")
        )
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
    articles. `verdict` is `no_rank_above` for a division chief, `undecided` (with `error`)
    when the registry lacks what the decision needs (work start, education, ...)."""
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
    people with id and name, article, start, end, detail), and the mapping issues."""
    view = people_registry(cadres)
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
