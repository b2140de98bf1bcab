"""Batch reads figures exactly and refuses what a single decision refuses."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest

from govops.lawcode.rules.batch import BatchInputError, compile_batch
from govops.lawcode.rules.tables import RuleTable
from tests.unit.lawcode.builders import (
    clause,
    count_input,
    outcome,
    parameters,
    quantity_input,
    range_,
    table,
)

HOURS = table(
    outcomes=[outcome("I", clause("I-4", range_("hours", 以上=8)))],
    inputs=[quantity_input("hours", default=Decimal(0))],
)
PEOPLE = table(
    outcomes=[outcome("I", clause("I-1", range_("participants", 以上=5000)))],
    inputs=[count_input("participants", default=0)],
)


def grade(rules: RuleTable, frame: pl.DataFrame) -> list[str | None]:
    result = compile_batch(rules, parameters()).evaluate(frame)
    return result["outcome"].cast(pl.String).to_list()


def test_text_hours_just_below_a_bound_stay_below_it() -> None:
    nines = "7." + "9" * 20
    assert grade(HOURS, pl.DataFrame({"hours": [nines, "8", "8.0"]})) == [None, "I", "I"]


def test_full_width_and_chinese_figures_in_text_are_read() -> None:
    assert grade(HOURS, pl.DataFrame({"hours": ["８", "7.5", "十"]})) == ["I", None, "I"]


def test_more_than_twenty_decimal_places_are_refused() -> None:
    with pytest.raises(BatchInputError, match=r"row 1: .* has more than 20 decimal places"):
        grade(HOURS, pl.DataFrame({"hours": ["约7." + "9" * 25]}))


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_nan_and_infinity_are_refused(value: float) -> None:
    with pytest.raises(BatchInputError, match=r"^column 'hours', row 2: .* is not a figure$"):
        grade(HOURS, pl.DataFrame({"hours": [1.0, value]}))


def test_decimal_columns_are_checked_like_any_other() -> None:
    negative = pl.DataFrame({"participants": pl.Series([Decimal("1"), Decimal("-5")])})
    fraction = pl.DataFrame({"participants": pl.Series([Decimal("4999.5")])})
    with pytest.raises(BatchInputError, match=r"row 2: -5(\.0*)? is negative"):
        grade(PEOPLE, negative)
    with pytest.raises(BatchInputError, match=r"row 1: 4999\.50* is not a whole number"):
        grade(PEOPLE, fraction)


def test_approximate_figures_are_named_per_row() -> None:
    result = compile_batch(PEOPLE, parameters()).evaluate(
        pl.DataFrame({"participants": ["约5000", "5000", "五千余人"]})
    )
    assert result["approximate"].to_list() == ["participants", None, "participants"]
    assert result["outcome"].cast(pl.String).to_list() == ["I", "I", "I"]


def test_a_text_column_of_a_count_refuses_a_fraction() -> None:
    with pytest.raises(
        BatchInputError, match=r"^column 'participants', row 2: 4999.5 is not a whole number$"
    ):
        grade(PEOPLE, pl.DataFrame({"participants": ["1", "4999.5"]}))


def test_a_refusal_names_the_earliest_row_however_often_texts_repeat() -> None:
    # mostly repeated texts, read once per distinct text: still the first bad row is named
    frame = pl.DataFrame({"participants": ["1"] * 20 + ["zzz", "1", "aaa", "zzz"]})
    with pytest.raises(BatchInputError, match=r"^column 'participants', row 21: .*'zzz'"):
        grade(PEOPLE, frame)
    frame = pl.DataFrame({"participants": ["1"] * 20 + ["aaa", "zzz"]})
    with pytest.raises(BatchInputError, match=r"row 21: .*'aaa'"):
        grade(PEOPLE, frame)
    fraction = pl.DataFrame({"participants": ["1"] * 20 + ["4999.5", "7.5"]})
    with pytest.raises(BatchInputError, match=r"row 21: 4999.5 is not a whole number$"):
        grade(PEOPLE, fraction)


def test_each_row_takes_the_reading_of_its_text() -> None:
    texts = ["约5000", "五千", "1", None, "约5000", "1"] * 5
    result = compile_batch(PEOPLE, parameters()).evaluate(pl.DataFrame({"participants": texts}))
    assert result["outcome"].cast(pl.String).to_list() == ["I", "I", None, None, "I", None] * 5
    marked = ["participants", None, None, None, "participants", None] * 5
    assert result["approximate"].to_list() == marked


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (["5", "+5"], r"row 2: cannot read '\+5' as a figure"),
        (["5", "-0"], r"row 2: a figure cannot be negative"),
        (["1" * 16], r"row 1: '1{16}' is too large to be a figure"),
    ],
    ids=["plus", "minus-zero", "too-long"],
)
def test_a_count_column_of_digits_refuses_what_a_decision_refuses(
    texts: list[str], message: str
) -> None:
    with pytest.raises(BatchInputError, match=message):
        grade(PEOPLE, pl.DataFrame({"participants": texts}))


def test_a_count_column_of_plain_digits_is_read_as_whole_numbers() -> None:
    frame = pl.DataFrame({"participants": ["0012", None, "5000", "4999"]})
    assert grade(PEOPLE, frame) == [None, None, "I", None]
