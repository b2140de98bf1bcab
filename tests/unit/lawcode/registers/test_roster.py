"""24-hour duty: every moment of a period needs a shift in each role at a centre; what no
shift covers is a gap."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from govops.lawcode.registers.roster import Gap, Shift, gaps

CST = timezone(timedelta(hours=8))
START = datetime(2024, 3, 1, 0, 0, tzinfo=CST)
END = datetime(2024, 3, 2, 0, 0, tzinfo=CST)
ROLES = ("duty_officer",)


def _at(hour: int, day: int = 1) -> datetime:
    return datetime(2024, 3, day, hour, 0, tzinfo=CST)


def _shift(
    start: datetime,
    end: datetime,
    role: str = "duty_officer",
    centre: str = "district",
    person: str = "p1",
) -> Shift:
    return Shift(centre, role, person, start, end)


def test_a_period_covered_end_to_end_has_no_gap() -> None:
    shifts = [_shift(_at(0), _at(8)), _shift(_at(8), _at(16)), _shift(_at(16), END)]
    assert gaps(shifts, "district", ROLES, START, END) == []


def test_shifts_reaching_beyond_the_period_cover_it() -> None:
    shifts = [_shift(START - timedelta(hours=4), _at(12)), _shift(_at(12), _at(8, day=2))]
    assert gaps(shifts, "district", ROLES, START, END) == []


def test_no_shift_at_all_is_one_gap_over_the_period() -> None:
    found = gaps([], "district", ROLES, START, END)
    assert found == [Gap("district", "duty_officer", START, END)]
    assert found[0].length == timedelta(hours=24)


def test_gaps_at_the_start_between_shifts_and_at_the_end() -> None:
    shifts = [_shift(_at(2), _at(10)), _shift(_at(11), _at(22))]
    found = gaps(shifts, "district", ROLES, START, END)
    assert found == [
        Gap("district", "duty_officer", START, _at(2)),
        Gap("district", "duty_officer", _at(10), _at(11)),
        Gap("district", "duty_officer", _at(22), END),
    ]
    assert [g.length for g in found] == [
        timedelta(hours=2),
        timedelta(hours=1),
        timedelta(hours=2),
    ]


def test_a_minute_short_is_a_gap_of_a_minute() -> None:
    minute = timedelta(minutes=1)
    shifts = [_shift(START + minute, _at(12)), _shift(_at(12), END - minute)]
    assert gaps(shifts, "district", ROLES, START, END) == [
        Gap("district", "duty_officer", START, START + minute),
        Gap("district", "duty_officer", END - minute, END),
    ]


def test_overlapping_and_nested_shifts_leave_no_false_gap() -> None:
    shifts = [
        _shift(_at(0), _at(12), person="p1"),
        _shift(_at(2), _at(6), person="p2"),  # inside the first
        _shift(_at(10), _at(18), person="p3"),  # overlaps the first
        _shift(_at(17), END, person="p4"),
    ]
    assert gaps(shifts, "district", ROLES, START, END) == []


def test_a_nested_shift_does_not_shorten_the_cover() -> None:
    shifts = [_shift(_at(0), _at(12)), _shift(_at(3), _at(5)), _shift(_at(14), END)]
    assert gaps(shifts, "district", ROLES, START, END) == [
        Gap("district", "duty_officer", _at(12), _at(14)),
    ]


def test_shifts_are_read_in_time_order_whatever_the_order_given() -> None:
    shifts = [_shift(_at(12), END), _shift(_at(0), _at(6))]
    assert gaps(shifts, "district", ROLES, START, END) == [
        Gap("district", "duty_officer", _at(6), _at(12)),
    ]


def test_shifts_of_other_centres_and_other_roles_are_ignored() -> None:
    shifts = [
        _shift(START, END, centre="street-a"),
        _shift(START, END, role="commander"),
        _shift(_at(0), _at(12)),
    ]
    assert gaps(shifts, "district", ROLES, START, END) == [
        Gap("district", "duty_officer", _at(12), END),
    ]


def test_shifts_outside_the_period_are_ignored() -> None:
    shifts = [_shift(START - timedelta(hours=6), START), _shift(END, END + timedelta(hours=6))]
    assert gaps(shifts, "district", ROLES, START, END) == [
        Gap("district", "duty_officer", START, END),
    ]


def test_each_role_is_read_in_the_order_given() -> None:
    shifts = [_shift(START, END), _shift(_at(8), _at(20), role="commander")]
    found = gaps(shifts, "district", ("commander", "duty_officer"), START, END)
    assert found == [
        Gap("district", "commander", START, _at(8)),
        Gap("district", "commander", _at(20), END),
    ]
    assert gaps(shifts, "district", (), START, END) == []


def test_aware_datetimes_in_another_zone_compare_by_instant() -> None:
    utc_end = datetime(2024, 3, 1, 4, 0, tzinfo=UTC)  # 12:00 at UTC+8
    shifts = [_shift(START, utc_end), _shift(_at(12), END)]
    assert gaps(shifts, "district", ROLES, START, END) == []


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime(2024, 3, 1), END),
        (START, datetime(2024, 3, 2)),
        (datetime(2024, 3, 1), datetime(2024, 3, 2)),
    ],
)
def test_a_naive_period_is_refused(start: datetime, end: datetime) -> None:
    with pytest.raises(ValueError, match="aware datetimes"):
        gaps([], "district", ROLES, start, end)
