"""Batch evaluation agrees with single decisions, and refuses input it cannot grade."""

from __future__ import annotations

import random

import polars as pl
import pytest

from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.batch import BatchInputError, compile_batch, prepare_inputs
from govops.lawcode.rules.conditions import Always, Contains
from govops.lawcode.rules.decision import Decision, decide
from govops.lawcode.rules.tables import HitPolicy, Match, RuleTable
from govops.lawcode.texts.messages import Message
from tests.unit.lawcode.builders import (
    LEVEL_I,
    all_of,
    clause,
    count_input,
    flag,
    grading_inputs,
    grading_parameters,
    grading_table,
    outcome,
    parameters,
    range_,
    set_input,
    table,
)

GRADING = grading_table()

# The grading rules again, with an all-of outcome on top and a nested all-of clause.
ESCALATION = table(
    outcomes=[
        outcome(
            "joint",
            clause("joint-size", range_("participants", 超过=LEVEL_I), "5.1(1)"),
            clause("joint-foreign", flag("foreign"), "5.1(2)"),
            match=Match.ALL,
        ),
        *GRADING.outcomes[:2],
        outcome(
            "watch",
            clause(
                "watch-deaths",
                all_of(range_("deaths", 以上=1), flag("foreign", expected=False)),
                "5.3",
            ),
        ),
        *GRADING.outcomes[2:3],
    ],
    inputs=grading_inputs(),
    id="escalation",
)

EDGES = (0, 1, 199, 200, 201, 999, 1000, 1001, 4999, 5000, 5001, 5999, 6000, 6001)
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def participants(rng: random.Random) -> int:
    return rng.choice(EDGES) if rng.random() < 0.5 else rng.randrange(0, 8000)


def typed(rng: random.Random, number: int) -> str:
    """The figure as staff might type it."""
    return rng.choice(
        [
            str(number),
            str(number).translate(FULL_WIDTH),
            f"{number}人",
            f"约{number}",
            f"{number:,}",
        ]
    )


def random_records(seed: int, size: int, as_text: bool) -> list[dict[str, object]]:
    rng = random.Random(seed)
    records: list[dict[str, object]] = []
    for _ in range(size):
        count = participants(rng)
        records.append(
            {
                "participants": typed(rng, count) if as_text else count,
                "deaths": rng.choice([None, 0, 1, 2, 3, 8, 9, 10, 11, 40]),
                "foreign": rng.choice([None, True, False]),
            }
        )
    return records


def deciding_clause(decision: Decision) -> str | None:
    """What batch reports as the clause: the first fired, or all of an all-of outcome's."""
    if not decision.outcomes:
        return None
    ids = [c.id for c in decision.fired]
    return "+".join(ids) if decision.outcomes[0].match is Match.ALL else ids[0]


def evaluate(
    rules: RuleTable, records: list[dict[str, object]], snapshot: ParameterSnapshot
) -> pl.DataFrame:
    return compile_batch(rules, snapshot).evaluate(pl.DataFrame(records))


@pytest.mark.parametrize("rules", [GRADING, ESCALATION], ids=["grading", "escalation"])
@pytest.mark.parametrize("threshold", [5000, 6000])
@pytest.mark.parametrize(("seed", "as_text"), [(1, False), (2, False), (3, True), (4, True)])
def test_batch_agrees_with_single_decisions_on_random_records(
    rules: RuleTable, threshold: int, seed: int, as_text: bool
) -> None:
    snapshot = grading_parameters(threshold)
    records = random_records(seed, 300, as_text)

    result = evaluate(rules, records, snapshot)

    single = [decide(rules, record, snapshot) for record in records]
    assert result["outcome"].cast(pl.String).to_list() == [d.outcome for d in single]
    assert result["clause"].cast(pl.String).to_list() == [deciding_clause(d) for d in single]
    # the check can fail: the records reach every outcome of the table
    assert {o.value for o in rules.outcomes} <= set(result["outcome"].cast(pl.String))


def test_batch_results_per_row() -> None:
    records = [
        {"participants": 5000, "deaths": 0, "foreign": False},
        {"participants": 4999, "deaths": 0, "foreign": False},
        {"participants": 10, "deaths": 10, "foreign": False},
        {"participants": 10, "deaths": 0, "foreign": True},
        {"participants": 199, "deaths": 0, "foreign": False},
    ]

    result = evaluate(GRADING, records, grading_parameters())

    assert result.columns == ["outcome", "clause", "approximate"]
    assert result.select("outcome", "clause").rows() == [
        ("level_i", "i-participants"),
        ("level_ii", "ii-participants"),
        ("level_i", "i-deaths"),
        ("level_ii", "ii-foreign"),
        ("level_iv", "iv-participants"),
    ]
    assert result["approximate"].to_list() == [None] * 5


def test_a_record_no_outcome_covers_is_null() -> None:
    rules = table(
        outcomes=[outcome("major", clause("major", range_("participants", 以上=5000)))],
        inputs=[count_input("participants")],
    )

    result = evaluate(rules, [{"participants": 5000}, {"participants": 10}], parameters())

    assert result.select("outcome", "clause").rows() == [("major", "major"), (None, None)]


def test_defaults_fill_missing_columns() -> None:
    frame = pl.DataFrame({"participants": [10, 10]})

    prepared = prepare_inputs(frame, GRADING.inputs)

    assert prepared.frame.to_dict(as_series=False) == {
        "participants": [10, 10],
        "deaths": [0, 0],
        "foreign": [False, False],
    }
    result = evaluate(GRADING, [{"participants": 10}], grading_parameters())
    assert result.select("outcome", "clause").rows() == [("level_iv", "iv-participants")]


def test_defaults_fill_nulls_and_empty_text() -> None:
    frame = pl.DataFrame(
        {"participants": [1, 2, 3], "deaths": ["", None, "十一"], "foreign": ["", None, " TRUE "]}
    )

    prepared = prepare_inputs(frame, GRADING.inputs)

    assert prepared.frame["deaths"].to_list() == [0, 0, 11]
    assert prepared.frame["foreign"].to_list() == [False, False, True]


def test_a_missing_column_without_default_is_refused() -> None:
    with pytest.raises(
        BatchInputError, match=r"^column 'participants' is missing and has no default$"
    ):
        evaluate(GRADING, [{"deaths": 1}], grading_parameters())


def test_a_null_without_default_is_refused_naming_the_row() -> None:
    frame = pl.DataFrame({"participants": [1, 2, None, None]})

    with pytest.raises(
        BatchInputError, match=r"^column 'participants' is empty at row 3 and has no default$"
    ) as raised:
        compile_batch(GRADING, grading_parameters()).evaluate(frame)
    message = raised.value.message  # a message, translated where it is shown; the row a number
    assert isinstance(message, Message) and message.values == {"column": "'participants'", "row": 3}


def test_chinese_and_full_width_figures_in_text_columns_are_normalised() -> None:
    frame = pl.DataFrame(
        {
            "participants": ["五千", "５０００", "4,999", "约一千人", "两百", "一百九十九"],
            "deaths": ["零", "0", "", "0", "0", "0"],
        }
    )

    prepared = prepare_inputs(frame, GRADING.inputs)
    result = compile_batch(GRADING, grading_parameters()).evaluate(frame)

    assert prepared.frame["participants"].to_list() == [5000, 5000, 4999, 1000, 200, 199]
    assert prepared.approximate.to_list() == [None, None, None, "participants", None, None]
    assert result["outcome"].cast(pl.String).to_list() == [
        "level_i",
        "level_i",
        "level_ii",
        "level_ii",
        "level_iii",
        "level_iv",
    ]


def test_a_bad_figure_is_refused_naming_column_and_row() -> None:
    frame = pl.DataFrame({"participants": ["5000", "将近5000"]})

    with pytest.raises(BatchInputError, match=r"^column 'participants', row 2: a figure given as"):
        compile_batch(GRADING, grading_parameters()).evaluate(frame)


def test_a_bad_flag_is_refused_naming_column_and_row() -> None:
    frame = pl.DataFrame({"participants": [1, 2, 3], "foreign": ["true", "false", "yes"]})

    with pytest.raises(
        BatchInputError, match=r"^column 'foreign', row 3: 'yes' is not true/false$"
    ):
        compile_batch(GRADING, grading_parameters()).evaluate(frame)


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        ({"participants": [1, None]}, r"^column 'participants' is empty at row 102 "),
        ({"participants": ["1", "lots"]}, r"^column 'participants', row 102: cannot read 'lots'"),
        ({"participants": [1, 2], "foreign": ["no", "true"]}, r"^column 'foreign', row 101: 'no'"),
    ],
)
def test_first_row_offsets_row_numbers_in_messages(
    frame: dict[str, list[object]], message: str
) -> None:
    evaluator = compile_batch(GRADING, grading_parameters())

    with pytest.raises(BatchInputError, match=message):
        evaluator.evaluate(pl.DataFrame(frame), first_row=101)


def test_a_collect_table_gives_a_column_per_outcome_and_the_list_reached() -> None:
    rules = table(
        outcomes=[outcome("police", clause("police", Always()))], hit=HitPolicy.COLLECT, id="notify"
    )

    result = compile_batch(rules, parameters()).evaluate(pl.DataFrame({"n": [1, 2]}))
    assert result["police"].to_list() == [True, True]
    assert result["breaches"].to_list() == [["police"], ["police"]]


@pytest.mark.parametrize(
    ("column", "message"),
    [
        (["1", "4999.5"], r"^column 'participants', row 2: 4999.5 is not a whole number$"),
        ([1.0, 4999.5], r"^column 'participants', row 2: 4999.5 is not a whole number$"),
        ([1, -3], r"^column 'participants', row 2: -3 is negative$"),
    ],
    ids=["fraction-as-text", "fraction", "negative"],
)
def test_a_count_decide_refuses_is_refused_in_batch(column: list[object], message: str) -> None:
    """The same refusals as a single decision, which raises InputError for these."""
    with pytest.raises(BatchInputError, match=message):
        evaluate(GRADING, [{"participants": value} for value in column], grading_parameters())


def test_a_flag_column_of_integers_is_refused_naming_the_column() -> None:
    frame = pl.DataFrame({"participants": [1, 2], "foreign": [1, 0]})

    with pytest.raises(BatchInputError, match="'foreign'"):
        compile_batch(GRADING, grading_parameters()).evaluate(frame)


CAUSED = table(
    outcomes=[
        outcome("fire", clause("fire", Contains("causes", "fire"), "6.2(1)")),
        outcome("other", clause("other", Always(), "6.2(2)")),
    ],
    inputs=[set_input("causes", vocabulary={"fire", "flood"}, default=frozenset())],
    id="caused",
)


def test_a_set_column_of_code_lists_is_evaluated() -> None:
    frame = pl.DataFrame({"causes": [["fire"], ["flood"], [], ["flood", "fire"]]})

    result = compile_batch(CAUSED, parameters()).evaluate(frame)

    assert result["outcome"].cast(pl.String).to_list() == ["fire", "other", "other", "fire"]


def test_a_missing_set_column_takes_its_default() -> None:
    result = compile_batch(CAUSED, parameters()).evaluate(pl.DataFrame({"other": [1, 2]}))

    assert result["outcome"].cast(pl.String).to_list() == ["other", "other"]


def test_a_null_in_a_set_column_takes_its_default() -> None:
    frame = pl.DataFrame({"causes": [["fire"], None]})

    result = compile_batch(CAUSED, parameters()).evaluate(frame)

    assert result["outcome"].cast(pl.String).to_list() == ["fire", "other"]


def test_a_code_outside_the_vocabulary_is_refused_in_batch() -> None:
    frame = pl.DataFrame({"causes": [["fire"], ["quake"]]})

    with pytest.raises(BatchInputError, match="'causes', row 2"):
        compile_batch(CAUSED, parameters()).evaluate(frame)
