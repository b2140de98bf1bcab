"""Ranges written with the plan's boundary words, and whether the number itself belongs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govops.lawcode.rules.conditions import resolve_interval
from govops.lawcode.rules.intervals import Number, ResolvedBound, ResolvedInterval, Side, ValueRef
from tests.unit.lawcode.builders import cite, convention, parameters, range_, version

NONE = parameters()


@pytest.mark.parametrize(
    ("word", "side", "inclusive"),
    [
        ("以上", Side.LOWER, True),
        ("以下", Side.UPPER, False),
        ("超过", Side.LOWER, False),
        ("不超过", Side.UPPER, True),
    ],
)
def test_the_convention_declares_each_word_with_its_side_and_citation(
    word: str, side: Side, inclusive: bool
) -> None:
    declared = convention().word(word)

    assert (declared.word, declared.side, declared.inclusive) == (word, side, inclusive)
    assert declared.cite == cite("4 closing sentence")


def test_an_undeclared_word_is_refused_naming_the_declared_ones() -> None:
    with pytest.raises(ValueError, match=r"'不少于' is not declared .*以上, 以下, 超过, 不超过"):
        convention().word("不少于")


@pytest.mark.parametrize(
    ("words", "value", "inside"),
    [
        ({"以上": 5000}, 4999, False),
        ({"以上": 5000}, 5000, True),  # 以上 includes the number
        ({"以上": 5000}, 5001, True),
        ({"以下": 200}, 199, True),
        ({"以下": 200}, 200, False),  # 以下 excludes it
        ({"以下": 200}, 201, False),
        ({"超过": 5000}, 4999, False),
        ({"超过": 5000}, 5000, False),  # 超过 excludes it
        ({"超过": 5000}, 5001, True),
        ({"不超过": 5000}, 4999, True),
        ({"不超过": 5000}, 5000, True),  # 不超过 includes it
        ({"不超过": 5000}, 5001, False),
        ({"以上": Decimal("2.5")}, Decimal("2.49"), False),
        ({"以上": Decimal("2.5")}, Decimal("2.5"), True),
        ({"超过": Decimal("2.5")}, Decimal("2.5"), False),
        ({"超过": Decimal("2.5")}, Decimal("2.51"), True),
    ],
)
def test_each_word_on_both_sides_of_its_number(
    words: dict[str, Number], value: Number, inside: bool
) -> None:
    interval = resolve_interval(range_("participants", **words), NONE)

    assert interval.contains(value) is inside


@pytest.mark.parametrize(
    ("value", "inside"),
    [(999, False), (1000, True), (1001, True), (4999, True), (5000, False), (5001, False)],
)
def test_a_band_between_two_words(value: int, inside: bool) -> None:
    interval = resolve_interval(range_("participants", 以上=1000, 以下=5000), NONE)

    assert interval.contains(value) is inside


@pytest.mark.parametrize(
    ("words", "notation"),
    [
        ({"以上": 1000, "以下": 5000}, "[1000, 5000)"),
        ({"超过": 1000, "不超过": 5000}, "(1000, 5000]"),
        ({"以上": 200, "不超过": 1000}, "[200, 1000]"),
        ({"超过": 200, "以下": 1000}, "(200, 1000)"),
        ({"以上": 5000}, "[5000, +∞)"),
        ({"超过": 5000}, "(5000, +∞)"),
        ({"以下": 200}, "(-∞, 200)"),
        ({"不超过": 200}, "(-∞, 200]"),
        ({"以上": Decimal("0.5"), "以下": Decimal("2.5")}, "[0.5, 2.5)"),
    ],
)
def test_notation(words: dict[str, Number], notation: str) -> None:
    assert resolve_interval(range_("x", **words), NONE).notation() == notation


def test_an_unbounded_interval_contains_everything() -> None:
    interval = ResolvedInterval(None, None)

    assert interval.notation() == "(-∞, +∞)"
    assert interval.contains(0)
    assert interval.contains(10**12)


def test_a_parameter_bound_resolves_to_the_version_in_force() -> None:
    snapshot = parameters(threshold=5000)

    interval = resolve_interval(range_("participants", 以上="threshold"), snapshot)

    assert interval.lower == ResolvedBound(5000, True, "以上", version("threshold", 5000))
    assert interval.upper is None
    assert interval.contains(5000)
    assert not interval.contains(4999)


def test_a_literal_bound_carries_no_parameter() -> None:
    interval = resolve_interval(range_("participants", 超过=10), NONE)

    assert interval.lower == ResolvedBound(10, False, "超过", None)


@pytest.mark.parametrize("value", [True, "5000"])
def test_a_parameter_that_is_not_a_number_cannot_bound_a_range(value: bool | str) -> None:
    with pytest.raises(ValueError, match=r"parameter 'threshold' is not a number"):
        ValueRef(parameter="threshold").resolve(parameters(threshold=value))


def test_a_value_ref_prints_its_parameter_name_or_literal() -> None:
    assert str(ValueRef(parameter="threshold")) == "threshold"
    assert str(ValueRef(literal=Decimal("2.5"))) == "2.5"
