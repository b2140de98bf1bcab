"""What the organisation department should look at on a given day, from the registry:

- rotation: a division-level cadre (副处, 正处) completes ten years in the same post (42(2));
- probation: a probation (35) ends within the horizon (30 days by default);
- avoidance: two relatives (43 para 2: spouses, lineal kin, collateral kin within three
  generations, close in-laws) hold, now, posts the text forbids them: in the same unit, both
  directly under the same leader; one the direct leader of the other; or, in a unit one of
  them leads, the other in personnel, discipline, supervision, audit or finance work; or one
  supervising the other's work (监督与被监督关系). Merely working in the same unit is not
  forbidden by the text and is not reported;
- bar: a bar still running on the day: demotion (no promotion for two years, 46),
  accountability (引咎辞职, 责令辞职, 因问责被免职: no equivalent post for one year, 46), the
  years counted from the day after as the Civil Code counts them (201, 202: the anniversary
  is still barred); discipline (its effect period, 17(6));
- training (6(5)), absence (45(6), 45(7)) and incompetent (47): see `duty_alerts`.

Dates follow the registry: an alert's `end` is the first day the situation no longer holds
(the day the ten years are completed, the first day after the probation or the bar).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import product

from govops.cadres.model.alert_types import (
    HORIZON,
    Alert,
    AlertKind,
    AlertRules,
    current,
)
from govops.cadres.model.duty_alerts import duty_alerts
from govops.cadres.model.people import (
    BAR_NAMES,
    FUNCTION_NAMES,
    KINSHIP_NAMES,
    BarKind,
    Position,
    Registry,
    years_after,
)
from govops.cadres.model.periods import period_last_day
from govops.cadres.model.record import DIVISION_RANKS
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, msg, msg_n

__all__ = ["DIVISION_RANKS", "HORIZON", "Alert", "AlertKind", "AlertRules", "alerts"]


def alerts(
    registry: Registry, today: date, rules: AlertRules, horizon: timedelta = HORIZON
) -> list[Alert]:
    """Every alert as of `today`, soonest first."""
    found = [
        *_rotations(registry, today, rules, horizon),
        *_probations(registry, today, horizon, rules.cite("35")),
        *_conflicts(registry, today, rules.cite("43")),
        *_bars(registry, today, rules),
        *duty_alerts(registry, today, rules, horizon),
    ]
    return sorted(found, key=lambda a: (a.end or a.start, a.kind, a.people))


def _rotations(
    registry: Registry, today: date, rules: AlertRules, horizon: timedelta
) -> Iterator[Alert]:
    years = rules.rotation_years
    for person in registry.people:
        for post in current(person, today):
            due = years_after(post.start, years.value)
            if post.rank in DIVISION_RANKS and due <= today + horizon:
                detail = msg_n(
                    "in post {post} ({unit}) since {start}: {count} year on {due}; rotation due",
                    "in post {post} ({unit}) since {start}: {count} years on {due}; rotation due",
                    years.value,
                    post=post.post,
                    unit=post.unit,
                    start=post.start,
                    due=due,
                )
                yield Alert(AlertKind.ROTATION, (person.id,), years.cite, post.start, due, detail)


def _probations(
    registry: Registry, today: date, horizon: timedelta, cite: Citation
) -> Iterator[Alert]:
    for person in registry.people:
        for post in current(person, today):
            ends = post.probation_end
            if ends is not None and today <= ends <= today + horizon:
                detail = msg(
                    "probation in post {post} ({unit}) completed on {day}",
                    post=post.post,
                    unit=post.unit,
                    day=ends,
                )
                yield Alert(AlertKind.PROBATION, (person.id,), cite, post.start, ends, detail)


def _conflicts(registry: Registry, today: date, cite: Citation) -> Iterator[Alert]:
    people = {person.id: person for person in registry.people}
    for relation in sorted(registry.relations(), key=lambda r: (r.a, r.b)):
        if relation.a not in people or relation.b not in people:
            continue
        mine, theirs = current(people[relation.a], today), current(people[relation.b], today)
        for one, other in product(mine, list(theirs)):
            reason = _forbidden(one, other)
            if reason is not None:
                detail = msg(
                    "{kinship}: {one} in {post}, {other} in {other_post}: {reason}",
                    kinship=Message(KINSHIP_NAMES[relation.kind]),
                    one=relation.a,
                    post=one.post,
                    other=relation.b,
                    other_post=other.post,
                    reason=reason,
                )
                since = max(one.start, other.start)
                yield Alert(
                    AlertKind.AVOIDANCE, (relation.a, relation.b), cite, since, None, detail
                )


def _forbidden(one: Position, other: Position) -> Message | None:
    """Why two relatives may not hold these two posts (43 para 2), or None."""
    if one.unit == other.unit and one.reports_to and one.reports_to == other.reports_to:
        return msg("both directly under {leader} in {unit}", leader=one.reports_to, unit=one.unit)
    if one.reports_to == other.post or other.reports_to == one.post:
        return msg("one is the direct leader of the other")
    if one.supervised_by == other.post or other.supervised_by == one.post:
        return msg("one supervises the other's work")
    for leader, staff in ((one, other), (other, one)):
        if leader.unit == staff.unit and leader.leading and staff.function is not None:
            return msg(
                "{function} work in {unit}, which the other leads",
                function=Message(FUNCTION_NAMES[staff.function]),
                unit=leader.unit,
            )
    return None


def _bars(registry: Registry, today: date, rules: AlertRules) -> Iterator[Alert]:
    demotion = rules.demotion_no_promotion_years
    accountability = rules.accountability_no_equivalent_post_years
    for person in registry.people:
        for bar in person.bars:
            if bar.kind is BarKind.DISCIPLINE:
                if bar.effect_until is None:
                    raise ValueError(
                        f"{person.id}: a discipline bar needs its effect_until"
                    )  # a bug
                cite, end = rules.cite("17(6)"), bar.effect_until + timedelta(days=1)
                what = msg("no promotion while the sanction has effect")
            else:
                rule = demotion if bar.kind is BarKind.DEMOTION else accountability
                cite, end = rule.cite, period_last_day(bar.on, rule.value) + timedelta(days=1)
                demoted = bar.kind is BarKind.DEMOTION
                what = msg("no promotion") if demoted else msg("no equivalent post")
            if bar.on <= today < end:
                detail = msg(
                    "{bar} on {day}: {what} until {until}",
                    bar=Message(BAR_NAMES[bar.kind]),
                    day=bar.on,
                    what=what,
                    until=end - timedelta(days=1),
                )
                yield Alert(AlertKind.BAR, (person.id,), cite, bar.on, end, detail)
