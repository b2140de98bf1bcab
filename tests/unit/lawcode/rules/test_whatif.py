"""What-if: which records change outcome when one parameter changes."""

from __future__ import annotations

import random

import polars as pl
import pytest

from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.whatif import what_if
from tests.unit.lawcode.builders import LEVEL_I, grading_parameters, grading_table

GRADING = grading_table()
RECORDS = pl.DataFrame(
    {
        "participants": [100, 4999, 5000, 5500, 5999, 6000, 7000, 5500],
        "deaths": [0, 0, 0, 0, 0, 0, 0, 12],  # the last stays level I on deaths
    }
)


def test_raising_the_threshold_lists_exactly_the_records_it_moves() -> None:
    changed = what_if(GRADING, RECORDS, grading_parameters(5000), LEVEL_I, 6000)

    assert changed.columns == [
        "row",
        "outcome_before",
        "clause_before",
        "outcome_after",
        "clause_after",
    ]
    assert changed.rows() == [
        (3, "level_i", "i-participants", "level_ii", "ii-participants"),
        (4, "level_i", "i-participants", "level_ii", "ii-participants"),
        (5, "level_i", "i-participants", "level_ii", "ii-participants"),
    ]


def test_lowering_the_threshold_moves_records_the_other_way() -> None:
    changed = what_if(GRADING, RECORDS, grading_parameters(5000), LEVEL_I, 4999)

    assert changed.rows() == [(2, "level_ii", "ii-participants", "level_i", "i-participants")]


def test_the_same_value_changes_nothing() -> None:
    changed = what_if(GRADING, RECORDS, grading_parameters(5000), LEVEL_I, 5000)

    assert changed.height == 0
    assert changed.columns[0] == "row"


@pytest.mark.parametrize("seed", [11, 12])
def test_on_random_records_exactly_5000_to_5999_move(seed: int) -> None:
    rng = random.Random(seed)
    counts = [rng.randrange(4000, 7000) for _ in range(400)]
    records = pl.DataFrame({"participants": counts})

    changed = what_if(GRADING, records, grading_parameters(5000), LEVEL_I, 6000)

    expected = [row for row, count in enumerate(counts, start=1) if 5000 <= count < 6000]
    assert expected  # the sample reaches the band
    assert changed["row"].to_list() == expected
    assert set(changed["outcome_before"]) == {"level_i"}
    assert set(changed["outcome_after"]) == {"level_ii"}


def test_an_unknown_parameter_is_refused() -> None:
    with pytest.raises(ParameterError, match="'level_v_participants'"):
        what_if(GRADING, RECORDS, grading_parameters(), "level_v_participants", 1)
