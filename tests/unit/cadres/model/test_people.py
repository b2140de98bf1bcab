"""One reading of "N年内" (Civil Code 201, 202) for Art. 11 (a recommendation valid 一年内)
and Art. 46 (两年内不得提升职务, 一年内不得重新担任相当职务): the day of the event is not
counted, the period ends on its anniversary (29 February: 28 February in a common year),
and that last day is within it, for both articles alike."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from govops.cadres.model.adapter import cadre_record
from govops.cadres.model.alerts import AlertKind, alerts
from govops.cadres.model.people import Bar, BarKind, Person, Registry
from govops.cadres.model.periods import period_last_day
from govops.cadres.model.selection_case import Case, Event
from govops.cadres.model.selection_outcomes import still_valid
from govops.cadres.model.steps import Step, StepRefusedError
from tests.unit.cadres.model.test_alerts import RULES as ALERT_RULES
from tests.unit.cadres.model.test_selection import ORDER
from tests.unit.cadres.model.test_selection import RULES as PROCEDURE_RULES

DAY = timedelta(days=1)
EVENTS = [date(2024, 6, 30), date(2024, 2, 29), date(2023, 3, 1)]


def recommended_on(day: date) -> Case:
    at = datetime(day.year, day.month, day.day, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
    event = Event("c", 2, Step.RECOMMENDATION, at, "org", {})
    return Case("c", "cand", "post", frozenset(), frozenset(), (event,), ORDER)


def recommendation_valid(recommended: date, day: date) -> bool:
    try:
        still_valid(PROCEDURE_RULES, recommended_on(recommended), day)
    except StepRefusedError:
        return False
    return True


def promotion_barred(demoted: date, day: date) -> bool:
    record = {
        "as_of": day.isoformat(),
        "target_rank": "deputy_division",
        "work_start": "2012-07-01",
        "education": "bachelor",
        "positions": [{"rank": "section_chief", "start": "2015-01-01", "end": None}],
        "demoted_on": demoted.isoformat(),
    }
    return int(cadre_record(record).inputs["years_since_demotion"]) < 2  # type: ignore[call-overload]


def bar_alerted(on: date, kind: BarKind, day: date) -> bool:
    person = Person("a", "A", bars=(Bar(kind, on),))
    return any(a.kind is AlertKind.BAR for a in alerts(Registry((person,)), day, ALERT_RULES))


@pytest.mark.parametrize("event", EVENTS)
def test_article_11_runs_through_the_last_day_of_the_year(event: date) -> None:
    last = period_last_day(event, 1)
    assert recommendation_valid(event, last)
    assert not recommendation_valid(event, last + DAY)


@pytest.mark.parametrize("event", EVENTS)
def test_article_46_bars_through_the_last_day_of_its_years(event: date) -> None:
    last = period_last_day(event, 2)
    assert promotion_barred(event, last) and bar_alerted(event, BarKind.DEMOTION, last)
    assert not promotion_barred(event, last + DAY)
    assert not bar_alerted(event, BarKind.DEMOTION, last + DAY)
    one = period_last_day(event, 1)
    assert bar_alerted(event, BarKind.ACCOUNTABILITY, one)
    assert not bar_alerted(event, BarKind.ACCOUNTABILITY, one + DAY)


def test_both_read_a_period_from_29_february_to_end_on_28_february() -> None:
    assert period_last_day(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert not recommendation_valid(date(2024, 2, 29), date(2025, 3, 1))
    assert not promotion_barred(date(2024, 2, 29), date(2026, 3, 1))
