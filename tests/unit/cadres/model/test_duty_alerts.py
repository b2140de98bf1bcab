"""Alerts on what a cadre in post owes: training within a year of a division-level
promotion (6(5)), absence over a year (45(6), 45(7)), an incompetent annual result (47);
each on both sides of its boundary day, with its article."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from govops.cadres.model.alerts import Alert, AlertKind, alerts
from govops.cadres.model.people import (
    Absence,
    AbsenceKind,
    Bar,
    BarKind,
    Person,
    Position,
    Registry,
)
from govops.lawcode.sources.citations import Citation
from govops.platform.i18n.translator import translator
from tests.unit.cadres.model.test_alerts import DOC, RULES, TODAY

DAY = timedelta(days=1)


def cadre(*positions: Position, **more: object) -> Person:
    posts = positions or (Position("p", "u", "section_chief", date(2015, 1, 1)),)
    return Person("a", "A", posts, **more)  # type: ignore[arg-type]


def of(kind: AlertKind, person: Person, today: date = TODAY) -> list[Alert]:
    return [a for a in alerts(Registry((person,)), today, RULES) if a.kind is kind]


def division(start: date, rank: str = "deputy_division") -> Position:
    return Position("dean", "arts", rank, start)


def test_training_is_due_within_a_year_of_a_division_level_promotion() -> None:
    """6(5): 提任后一年内完成培训; the year ends on the anniversary (Civil Code 201, 202),
    alerted from 30 days before it, overdue after it."""
    promoted = date(2025, 7, 30)  # the year runs through 2026-07-30, 30 days after TODAY
    (soon,) = of(AlertKind.TRAINING, cadre(division(promoted)))
    assert (soon.start, soon.end, soon.cite) == (promoted, date(2026, 7, 31), Citation(DOC, "6(5)"))
    assert translator("en").say(soon.detail) == (
        "division-level post since Jul 30, 2025: no training meeting the requirement is "
        "recorded; due by Jul 30, 2026"
    )
    assert of(AlertKind.TRAINING, cadre(division(promoted + DAY))) == []
    (overdue,) = of(AlertKind.TRAINING, cadre(division(date(2025, 6, 29))))
    assert overdue.end is None and "was recorded by" in str(overdue.detail)
    (last_day,) = of(AlertKind.TRAINING, cadre(division(date(2025, 6, 30))))
    assert last_day.end == TODAY + DAY  # 2026-06-30 is still within the year


def test_training_recorded_before_or_after_the_promotion_clears_it() -> None:
    promoted = division(date(2025, 1, 1))
    assert of(AlertKind.TRAINING, cadre(promoted, trainings=(date(2024, 5, 1),))) == []
    assert of(AlertKind.TRAINING, cadre(promoted, trainings=(date(2026, 6, 1),))) == []


def test_training_is_owed_for_division_level_posts_only() -> None:
    assert (
        of(AlertKind.TRAINING, cadre(Position("p", "u", "section_chief", date(2025, 6, 1)))) == []
    )
    chief = cadre(division(date(2020, 1, 1)), division(date(2025, 7, 1), "division_chief"))
    (found,) = of(AlertKind.TRAINING, chief)  # the year after the promotion to the rank held
    assert found.start == date(2025, 7, 1)


@pytest.mark.parametrize(
    ("kind", "start", "end", "due"),
    [
        # 45(7): ill a year or more (以上 includes the year): reached on the anniversary
        (AbsenceKind.HEALTH, date(2025, 7, 30), None, date(2026, 7, 30)),
        (AbsenceKind.HEALTH, date(2025, 7, 31), None, None),
        (AbsenceKind.HEALTH, date(2025, 1, 1), date(2026, 1, 1), None),  # back after a year
        (AbsenceKind.HEALTH, date(2025, 7, 1), date(2026, 7, 1), date(2026, 7, 1)),
        (AbsenceKind.HEALTH, date(2025, 7, 1), date(2026, 6, 30), None),  # back on TODAY
        # 45(6): study leave of more than a year (超过 excludes it): the day after
        (AbsenceKind.STUDY, date(2025, 7, 29), None, date(2026, 7, 30)),
        (AbsenceKind.STUDY, date(2025, 7, 30), None, None),
        (AbsenceKind.STUDY, date(2025, 7, 1), date(2026, 7, 1), None),  # planned: one year
        (AbsenceKind.STUDY, date(2025, 7, 1), date(2026, 7, 2), date(2026, 7, 2)),
    ],
)
def test_an_absence_over_a_year(
    kind: AbsenceKind, start: date, end: date | None, due: date | None
) -> None:
    found = of(AlertKind.ABSENCE, cadre(absences=(Absence(kind, start, end),)))
    if due is None:
        assert found == []
        return
    (alert,) = found
    article = "45(7)" if kind is AbsenceKind.HEALTH else "45(6)"
    assert (alert.start, alert.end, alert.cite) == (start, end, Citation(DOC, article))
    assert translator("en").date(due) in translator("en").say(alert.detail)


def test_study_leave_the_organisation_sent_and_absence_out_of_post_raise_nothing() -> None:
    sent = Absence(AbsenceKind.STUDY, date(2024, 1, 1), None, organisation_sent=True)
    assert of(AlertKind.ABSENCE, cadre(absences=(sent,))) == []
    ill = Absence(AbsenceKind.HEALTH, date(2024, 1, 1))
    gone = Position("p", "u", "section_chief", date(2015, 1, 1), end=date(2026, 1, 1))
    assert of(AlertKind.ABSENCE, cadre(gone, absences=(ill,))) == []


def test_an_incompetent_latest_result_calls_for_demotion() -> None:
    """47: 在干部年度考核中被确定为不称职的 ... 应当降职使用."""
    results = ((2024, "competent"), (2025, "incompetent"))
    (found,) = of(AlertKind.INCOMPETENT, cadre(assessments=results))
    assert (found.start, found.end, found.cite) == (date(2025, 1, 1), None, Citation(DOC, "47"))
    assert translator("en").say(found.detail) == "assessed incompetent for 2025: as a rule demoted"
    later = ((2024, "incompetent"), (2025, "competent"))
    assert of(AlertKind.INCOMPETENT, cadre(assessments=later)) == []
    demoted = (Bar(BarKind.DEMOTION, date(2026, 3, 1)),)
    assert of(AlertKind.INCOMPETENT, cadre(assessments=results, bars=demoted)) == []
