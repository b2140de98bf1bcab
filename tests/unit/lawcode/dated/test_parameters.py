"""Dated parameters: the value in force on a date, its citation, and what-if overrides."""

from __future__ import annotations

from datetime import date

import pytest

from govops.lawcode.dated.parameters import ParameterError, ParameterSet, ParameterVersion
from tests.unit.lawcode.builders import DOCUMENT, cite, dated, parameter, parameters

JAN_2020 = date(2020, 1, 1)
JUL_2023 = date(2023, 7, 1)

THRESHOLD = parameter(
    "level_i_participants",
    dated(3000, start=JAN_2020, end=JUL_2023, article="4.1(1)"),
    dated(5000, start=JUL_2023, article="4.1(1)②"),
)
SET = ParameterSet({"level_i_participants": THRESHOLD})


@pytest.mark.parametrize(
    ("day", "value", "article"),
    [
        (date(2020, 1, 1), 3000, "4.1(1)"),  # start is inclusive
        (date(2023, 6, 30), 3000, "4.1(1)"),
        (date(2023, 7, 1), 5000, "4.1(1)②"),  # end is exclusive: the next value takes over
        (date(2099, 1, 1), 5000, "4.1(1)②"),  # open end
    ],
)
def test_as_of_picks_the_value_in_force(day: date, value: int, article: str) -> None:
    snapshot = SET.as_of(day)

    version = snapshot["level_i_participants"]
    assert snapshot.as_of == day
    assert version.value == value
    assert version.cite == cite(article)
    assert version.overridden is False


@pytest.mark.parametrize(
    ("day", "in_force"),
    [
        (date(2019, 12, 31), False),
        (date(2020, 1, 1), True),
        (date(2023, 6, 30), True),
        (date(2023, 7, 1), False),
    ],
)
def test_a_period_runs_from_its_start_inclusive_to_its_end_exclusive(
    day: date, in_force: bool
) -> None:
    assert dated(1, start=JAN_2020, end=JUL_2023).in_force_on(day) is in_force


def test_a_value_that_has_ended_is_no_longer_in_force_on_its_end_date() -> None:
    ended = ParameterSet({"x": parameter("x", dated(1, start=JAN_2020, end=JUL_2023))})

    assert ended.as_of(date(2023, 6, 30))["x"].value == 1
    with pytest.raises(ParameterError, match="'x' has no value in force on 2023-07-01"):
        ended.as_of(JUL_2023)["x"]


def test_the_period_decides_not_the_order_the_values_are_listed_in() -> None:
    later_first = parameter(
        "x", dated(5000, start=JUL_2023), dated(3000, start=JAN_2020, end=JUL_2023)
    )
    listed = ParameterSet({"x": later_first})

    assert listed.as_of(date(2023, 7, 1))["x"].value == 5000
    assert listed.as_of(date(2023, 6, 30))["x"].value == 3000


def test_the_version_reports_its_period_and_citation() -> None:
    version = SET.as_of(date(2022, 1, 1))["level_i_participants"]

    assert version == ParameterVersion(
        "level_i_participants", 3000, JAN_2020, JUL_2023, cite("4.1(1)")
    )
    assert version.as_dict() == {
        "name": "level_i_participants",
        "value": 3000,
        "valid_from": "2020-01-01",
        "valid_to": "2023-07-01",
        "cite": f"{DOCUMENT} 4.1(1)",
        "what_if": False,
    }


def test_an_open_period_reports_no_dates() -> None:
    open_ended = ParameterSet({"x": parameter("x", dated(7))}).as_of(date(1900, 1, 1))

    assert open_ended["x"].as_dict()["valid_from"] is None
    assert open_ended["x"].as_dict()["valid_to"] is None


def test_a_date_before_any_value_is_an_error_naming_parameter_and_date_when_accessed() -> None:
    snapshot = SET.as_of(date(2019, 12, 31))  # building the snapshot is not an error

    assert len(snapshot) == 0
    with pytest.raises(ParameterError) as raised:
        snapshot["level_i_participants"]
    message = str(raised.value)
    assert "'level_i_participants'" in message
    assert "2019-12-31" in message
    # the message to translate where it is shown, its date a date (written as a reader writes it)
    assert raised.value.message.values == {
        "name": "'level_i_participants'",
        "day": date(2019, 12, 31),
    }


def test_an_unknown_parameter_is_a_parameter_error() -> None:
    with pytest.raises(ParameterError, match="'nope' has no value in force on 2024-06-01"):
        parameters(as_of=date(2024, 6, 1), x=1)["nope"]


def test_the_snapshot_is_a_mapping_of_the_parameters_in_force() -> None:
    snapshot = parameters(a=1, b=2)

    assert list(snapshot) == ["a", "b"]
    assert len(snapshot) == 2
    assert snapshot["b"].value == 2


def test_consecutive_periods_do_not_overlap() -> None:
    assert THRESHOLD.overlapping_periods() == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ((date(2020, 1, 1), date(2023, 7, 2)), (date(2023, 7, 1), None)),  # one day shared
        ((None, date(2021, 1, 1)), (date(2020, 12, 31), date(2022, 1, 1))),  # open start
        ((date(2020, 1, 1), None), (date(2030, 1, 1), date(2031, 1, 1))),  # open end
        ((None, None), (date(2020, 1, 1), date(2020, 1, 2))),  # always in force
    ],
)
def test_overlapping_periods_are_detected(
    first: tuple[date | None, date | None], second: tuple[date | None, date | None]
) -> None:
    earlier = dated(1, *first)
    later = dated(2, *second)

    assert parameter("x", earlier, later).overlapping_periods() == [(earlier, later)]
    assert later.overlaps(earlier)


def test_every_overlapping_pair_is_listed() -> None:
    a = dated(1, date(2020, 1, 1), date(2022, 1, 1))
    b = dated(2, date(2021, 1, 1), date(2023, 1, 1))
    c = dated(3, date(2021, 6, 1), None)

    assert parameter("x", a, b, c).overlapping_periods() == [(a, b), (a, c), (b, c)]


def test_with_override_marks_the_version_as_what_if_and_leaves_the_original() -> None:
    snapshot = SET.as_of(date(2024, 1, 1))

    changed = snapshot.with_override("level_i_participants", 6000)

    version = changed["level_i_participants"]
    assert version.value == 6000
    assert version.overridden is True
    assert version.as_dict()["what_if"] is True
    assert version.cite == cite("4.1(1)②")  # the citation of the version it replaces
    assert version.start == JUL_2023
    assert changed.as_of == snapshot.as_of
    assert snapshot["level_i_participants"].value == 5000
    assert snapshot["level_i_participants"].overridden is False


def test_overriding_a_parameter_not_in_force_is_an_error() -> None:
    with pytest.raises(ParameterError, match="'level_i_participants'"):
        SET.as_of(date(2019, 1, 1)).with_override("level_i_participants", 6000)


def test_membership_and_get_answer_for_a_parameter_not_in_force() -> None:
    """The snapshot is a Mapping: `in` and .get() answer rather than raise (the what-if
    command checks `name not in parameters` before overriding)."""
    snapshot = parameters(x=1)

    assert "x" in snapshot
    assert "nope" not in snapshot
    assert snapshot.get("nope") is None
