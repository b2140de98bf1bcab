"""A recurring duty held against its cadence: windows cut from the plan's start, or a
deadline running from the last occurrence; missed windows stay listed."""

from __future__ import annotations

from datetime import date

import pytest

from govops.lawcode.registers.cadences import (
    Cadence,
    Counted,
    Standing,
    Window,
    add_months,
    stand,
    windows,
)
from govops.lawcode.sources.citations import Citation

CITE = Citation("plan", "三(七)1")
START = date(2021, 1, 1)
FIRST = Window(date(2021, 1, 1), date(2021, 6, 30))
SECOND = Window(date(2021, 7, 1), date(2021, 12, 31))
THIRD = Window(date(2022, 1, 1), date(2022, 6, 30))


def _cadence(months: int = 6, counted: Counted = Counted.WINDOWS, start: date = START) -> Cadence:
    return Cadence("meeting", {"en": "safety meeting"}, months, counted, start, CITE)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2021, 8, 31), 6, date(2022, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2021, 1, 31), 1, date(2021, 2, 28)),
        (date(2021, 3, 31), 1, date(2021, 4, 30)),
        (date(2021, 12, 15), 1, date(2022, 1, 15)),
        (date(2021, 7, 1), 6, date(2022, 1, 1)),
        (date(2021, 1, 1), 24, date(2023, 1, 1)),
        (date(2020, 2, 29), 12, date(2021, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_falls_back_to_the_months_last(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


def test_windows_are_cut_from_the_start_and_open_on_their_first_day() -> None:
    cadence = _cadence()
    assert windows(cadence, date(2021, 6, 30)) == [FIRST]
    assert windows(cadence, date(2021, 7, 1)) == [FIRST, SECOND]
    assert windows(cadence, date(2022, 1, 1)) == [FIRST, SECOND, THIRD]
    assert windows(cadence, date(2020, 12, 31)) == []


def test_windows_from_a_months_end_do_not_drift() -> None:
    monthly = _cadence(months=1, start=date(2021, 1, 31))
    assert windows(monthly, date(2021, 3, 31)) == [
        Window(date(2021, 1, 31), date(2021, 2, 27)),
        Window(date(2021, 2, 28), date(2021, 3, 30)),
        Window(date(2021, 3, 31), date(2021, 4, 29)),
    ]


def test_two_year_windows() -> None:
    biennial = _cadence(months=24)
    assert windows(biennial, date(2023, 1, 1)) == [
        Window(date(2021, 1, 1), date(2022, 12, 31)),
        Window(date(2023, 1, 1), date(2024, 12, 31)),
    ]


def test_a_meeting_on_the_windows_last_day_keeps_that_window() -> None:
    cadence = _cadence()
    kept = stand(cadence, "street-a", [date(2021, 6, 30)], date(2021, 6, 30))
    assert (kept.standing, kept.deadline, kept.missed, kept.last) == (
        Standing.KEPT,
        date(2021, 6, 30),
        (),
        date(2021, 6, 30),
    )
    assert (kept.cadence, kept.subject) == ("meeting", "street-a")
    assert kept.reason.id == "held on {day} in the window to {end}"
    assert kept.reason.values == {"day": date(2021, 6, 30), "end": date(2021, 6, 30)}
    # The next day opens the second window: nothing yet in it, nothing behind.
    later = stand(cadence, "street-a", [date(2021, 6, 30)], date(2021, 7, 1))
    assert (later.standing, later.deadline, later.missed) == (
        Standing.DUE,
        date(2021, 12, 31),
        (),
    )
    assert later.reason.id == "due by {end}"
    assert later.reason.values == {"end": date(2021, 12, 31)}


def test_a_meeting_on_the_next_windows_first_day_keeps_the_second_not_the_first() -> None:
    cadence = _cadence()
    standing = stand(cadence, "street-a", [date(2021, 7, 1)], date(2021, 7, 1))
    assert standing.standing is Standing.KEPT
    assert standing.deadline == date(2021, 12, 31)
    assert standing.missed == (FIRST,)


def test_overdue_when_the_previous_window_ended_with_none_and_this_has_none() -> None:
    cadence = _cadence()
    standing = stand(cadence, "street-a", [], date(2021, 7, 1))
    assert (standing.standing, standing.deadline, standing.missed, standing.last) == (
        Standing.OVERDUE,
        date(2021, 12, 31),
        (FIRST,),
        None,
    )
    assert standing.reason.id == (
        "none in the window {start} to {end}, none yet in this one (to {deadline})"
    )
    assert standing.reason.values == {
        "start": FIRST.start,
        "end": FIRST.end,
        "deadline": SECOND.end,
    }
    # The last day of the first window, with nothing held: due, not yet overdue.
    due = stand(cadence, "street-a", [], date(2021, 6, 30))
    assert (due.standing, due.deadline, due.missed) == (Standing.DUE, date(2021, 6, 30), ())


def test_a_missed_window_stays_listed_after_the_next_is_kept() -> None:
    cadence = _cadence()
    standing = stand(cadence, "street-a", [date(2021, 9, 1)], date(2021, 10, 1))
    assert standing.standing is Standing.KEPT
    assert standing.missed == (FIRST,)
    # In the third window, with the second kept: due, the first still missed.
    third = stand(cadence, "street-a", [date(2021, 9, 1)], date(2022, 1, 1))
    assert (third.standing, third.missed, third.last) == (
        Standing.DUE,
        (FIRST,),
        date(2021, 9, 1),
    )


def test_an_older_missed_window_alone_does_not_make_it_overdue() -> None:
    cadence = _cadence()
    days = [date(2021, 8, 1)]
    standing = stand(cadence, "street-a", days, date(2022, 3, 1))
    assert standing.standing is Standing.DUE
    assert standing.missed == (FIRST,)
    # Both earlier windows empty: overdue, both listed.
    overdue = stand(cadence, "street-a", [], date(2022, 3, 1))
    assert overdue.standing is Standing.OVERDUE
    assert overdue.missed == (FIRST, SECOND)


def test_days_after_the_day_read_and_before_the_start_are_not_counted() -> None:
    cadence = _cadence()
    standing = stand(cadence, "street-a", [date(2021, 7, 2), date(2020, 12, 31)], date(2021, 7, 1))
    assert standing.standing is Standing.OVERDUE
    assert standing.last is None
    assert standing.missed == (FIRST,)
    counted = stand(cadence, "street-a", [date(2021, 7, 2)], date(2021, 7, 2))
    assert (counted.standing, counted.last) == (Standing.KEPT, date(2021, 7, 2))


def test_the_last_occurrence_is_the_latest_whatever_the_order_given() -> None:
    cadence = _cadence()
    days = [date(2021, 8, 1), date(2021, 2, 1), date(2021, 7, 15)]
    standing = stand(cadence, "street-a", days, date(2021, 9, 1))
    assert (standing.standing, standing.last, standing.missed) == (
        Standing.KEPT,
        date(2021, 8, 1),
        (),
    )


@pytest.mark.parametrize("counted", list(Counted))
def test_before_the_start_nothing_is_yet_required(counted: Counted) -> None:
    standing = stand(_cadence(counted=counted), "street-a", [], date(2020, 12, 31))
    assert (standing.standing, standing.deadline, standing.missed, standing.last) == (
        Standing.KEPT,
        None,
        (),
        None,
    )
    assert standing.reason.id == "not yet required"
    started = stand(_cadence(counted=counted), "street-a", [], START)
    assert started.standing is Standing.DUE


def test_since_last_runs_from_the_start_before_the_first_occurrence() -> None:
    cadence = _cadence(counted=Counted.SINCE_LAST)
    due = stand(cadence, "firm-a", [], date(2021, 6, 30))
    assert (due.standing, due.deadline, due.missed, due.last) == (
        Standing.DUE,
        date(2021, 6, 30),
        (),
        None,
    )
    assert due.reason.id == "due by {deadline}"
    overdue = stand(cadence, "firm-a", [], date(2021, 7, 1))
    assert (overdue.standing, overdue.deadline) == (Standing.OVERDUE, date(2021, 6, 30))
    assert overdue.reason.id == "overdue since {deadline}"
    assert overdue.reason.values == {"deadline": date(2021, 7, 1)}


def test_since_last_deadline_is_the_same_day_of_the_month_the_length_later() -> None:
    """Civil Code arts. 201-202: the day done is not counted; the period ends on the same
    day of the month `months` later."""
    cadence = _cadence(counted=Counted.SINCE_LAST)
    held = [date(2021, 3, 15)]
    kept = stand(cadence, "firm-a", held, date(2021, 9, 15))
    assert (kept.standing, kept.deadline, kept.last) == (
        Standing.KEPT,
        date(2021, 9, 15),
        date(2021, 3, 15),
    )
    assert kept.reason.id == "held on {day}, next due by {deadline}"
    assert kept.reason.values == {"day": date(2021, 3, 15), "deadline": date(2021, 9, 15)}
    overdue = stand(cadence, "firm-a", held, date(2021, 9, 16))
    assert (overdue.standing, overdue.deadline, overdue.last) == (
        Standing.OVERDUE,
        date(2021, 9, 15),
        date(2021, 3, 15),
    )
    assert overdue.reason.values == {"deadline": date(2021, 9, 16)}


def test_since_last_from_a_months_end_ends_on_the_shorter_months_last_day() -> None:
    cadence = _cadence(counted=Counted.SINCE_LAST)
    held = [date(2021, 8, 31)]
    assert stand(cadence, "firm-a", held, date(2022, 2, 28)).standing is Standing.KEPT
    late = stand(cadence, "firm-a", held, date(2022, 3, 1))
    assert (late.standing, late.deadline) == (Standing.OVERDUE, date(2022, 2, 28))


def test_since_last_ignores_a_later_occurrence_not_yet_reached() -> None:
    cadence = _cadence(counted=Counted.SINCE_LAST)
    held = [date(2021, 3, 15), date(2021, 10, 1)]
    standing = stand(cadence, "firm-a", held, date(2021, 9, 30))
    assert (standing.standing, standing.last) == (Standing.OVERDUE, date(2021, 3, 15))
    caught_up = stand(cadence, "firm-a", held, date(2021, 10, 1))
    assert (caught_up.standing, caught_up.deadline) == (Standing.KEPT, date(2022, 4, 1))
