"""The dates the system keeps: 1900-01-01 to 2999-12-31, a time on its own date as given."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from govops.lawcode.dated.bounds import EARLIEST, LATEST, kept, out_of_range


@pytest.mark.parametrize(
    "value",
    [
        EARLIEST,
        LATEST,
        date(2026, 6, 1),
        datetime(1900, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=14))),
        datetime(2999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-12))),
    ],
)
def test_these_are_kept(value: date) -> None:
    assert kept(value) and out_of_range(value) is None


@pytest.mark.parametrize(
    "value",
    [
        date(1, 1, 1),
        date(1899, 12, 31),
        date(3000, 1, 1),
        date(9999, 12, 31),
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=8))),
        datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
    ],
)
def test_these_are_refused_naming_the_range(value: date) -> None:
    assert not kept(value)
    refused = out_of_range(value)
    assert refused is not None
    assert refused.id == "must be between {earliest} and {latest}"
    assert refused.values == {"earliest": EARLIEST, "latest": LATEST}


def test_every_kept_time_moves_to_utc_and_back_and_has_a_next_day() -> None:
    for offset in (-12, 14):
        zone = timezone(timedelta(hours=offset))
        for moment in (
            datetime(1900, 1, 1, tzinfo=zone),
            datetime(2999, 12, 31, 23, 59, tzinfo=zone),
        ):
            assert moment.astimezone(UTC).astimezone(zone) == moment
            assert moment.date() + timedelta(days=1)
