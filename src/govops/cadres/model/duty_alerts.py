"""Alerts about what a cadre in post owes or is owed by the rules, from the registry:

- training: a division-level cadre (副处, 正处) with no training meeting the requirement
  recorded, whose year after the promotion to the rank held ends within the horizon or has
  ended (6(5): 确因特殊情况在提任前未达到培训要求的, 应当在提任后一年内完成培训; the year
  counted as the Civil Code counts it, 201, 202: through the first anniversary). A training
  recorded before the promotion or within the year meets it; one recorded after the year,
  too late, leaves nothing to do and no alert;
- absence: a cadre in post away on study leave not sent by the organisation for more than a
  year (45(6): 离职学习期限超过一年), or unable to work for health reasons for a year or more
  (45(7): 一年以上), by the recorded or planned end, the year counted by anniversary as the
  registry counts periods (以上 includes the year, 超过 does not: Civil Code 1259); both are
  reasons to remove the cadre from the post as a rule (一般应当免去现职);
- incompetent: a cadre in post whose latest annual result is 不称职, with no demotion
  recorded since the start of the year assessed (47: 应当降职使用).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from govops.cadres.model.alert_types import (
    Alert,
    AlertKind,
    AlertRules,
    current,
)
from govops.cadres.model.people import Absence, AbsenceKind, BarKind, Person, Registry, years_after
from govops.cadres.model.periods import period_last_day
from govops.cadres.model.record import DIVISION_RANKS, RANKS
from govops.lawcode.texts.messages import msg, msg_n

_DAY = timedelta(days=1)


def duty_alerts(
    registry: Registry, today: date, rules: AlertRules, horizon: timedelta
) -> Iterator[Alert]:
    for person in registry.people:
        if next(current(person, today), None) is None:
            continue  # not in post: nothing of these is due
        yield from _training(person, today, rules, horizon)
        for absence in person.absences:
            yield from _absence(person, absence, today, rules, horizon)
        yield from _incompetent(person, rules)


def _training(
    person: Person, today: date, rules: AlertRules, horizon: timedelta
) -> Iterator[Alert]:
    held = [p.rank for p in current(person, today) if p.rank in DIVISION_RANKS]
    if not held or any(day <= today for day in person.trainings):
        return
    rank = max(held, key=RANKS.index)
    promoted = min(p.start for p in person.positions if p.rank == rank)
    rule = rules.training_after_promotion_years
    due = period_last_day(promoted, rule.value)
    if due > today + horizon:
        return
    if today <= due:
        detail = msg(
            "division-level post since {start}: no training meeting the requirement is "
            "recorded; due by {due}",
            start=promoted,
            due=due,
        )
    else:
        detail = msg(
            "division-level post since {start}: no training meeting the requirement was "
            "recorded by {due}",
            start=promoted,
            due=due,
        )
    end = due + _DAY if today <= due else None
    yield Alert(AlertKind.TRAINING, (person.id,), rule.cite, promoted, end, detail)


def _absence(
    person: Person, absence: Absence, today: date, rules: AlertRules, horizon: timedelta
) -> Iterator[Alert]:
    """The day the absence has lasted the rule (a year when ill, on the anniversary of its
    start; more than a year on study leave, the day after), if it reaches it by its recorded
    end (the first day back), within the horizon, the cadre still away."""
    study = absence.kind is AbsenceKind.STUDY
    if study and absence.organisation_sent:
        return
    rule = rules.study_leave_years if study else rules.health_absence_years
    due = years_after(absence.start, rule.value) + (_DAY if study else timedelta(0))
    back = absence.end
    if (back is not None and (back <= today or back < due)) or due > today + horizon:
        return
    if study:
        detail = msg_n(
            "away on study leave since {start}: more than {count} year on {due}; "
            "as a rule removed from the post",
            "away on study leave since {start}: more than {count} years on {due}; "
            "as a rule removed from the post",
            rule.value,
            start=absence.start,
            due=due,
        )
    else:
        detail = msg_n(
            "unable to work for health reasons since {start}: {count} year on {due}; "
            "as a rule removed from the post",
            "unable to work for health reasons since {start}: {count} years on {due}; "
            "as a rule removed from the post",
            rule.value,
            start=absence.start,
            due=due,
        )
    yield Alert(AlertKind.ABSENCE, (person.id,), rule.cite, absence.start, back, detail)


def _incompetent(person: Person, rules: AlertRules) -> Iterator[Alert]:
    if not person.assessments:
        return
    year, result = max(person.assessments)
    since = date(year, 1, 1)
    demoted = any(b.kind is BarKind.DEMOTION and b.on >= since for b in person.bars)
    if result != "incompetent" or demoted:
        return
    detail = msg("assessed incompetent for {year}: as a rule demoted", year=str(year))
    yield Alert(AlertKind.INCOMPETENT, (person.id,), rules.cite("47"), since, None, detail)
