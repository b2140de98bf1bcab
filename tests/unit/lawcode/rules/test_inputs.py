"""Raw values become typed inputs: figures as staff type them, flags, and coded sets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govops.lawcode.rules.inputs import InputError, InputValue, coerce_inputs, coerce_one
from govops.lawcode.texts.messages import msg
from tests.unit.lawcode.builders import count_input, flag_input, quantity_input, set_input

PARTICIPANTS = count_input("participants")
CAUSES = set_input("causes", vocabulary={"fire", "flood", "crowd"})


@pytest.mark.parametrize(
    ("raw", "value", "approximate"),
    [
        (5000, 5000, False),
        (5000.0, 5000, False),
        ("5000", 5000, False),
        ("五千", 5000, False),
        ("５０００", 5000, False),
        ("5,000人", 5000, False),
        ("约5000", 5000, True),
        ("五千余人", 5000, True),
        ("5000人左右", 5000, True),
    ],
)
def test_counts_are_read_as_typed_keeping_raw_text_and_approximation(
    raw: object, value: int, approximate: bool
) -> None:
    seen = coerce_one(PARTICIPANTS, raw)

    assert seen == InputValue(value, raw, approximate=approximate, defaulted=False)
    assert type(seen.value) is int


def test_an_approximate_figure_shows_raw_text_and_flag_in_its_dict() -> None:
    assert coerce_one(PARTICIPANTS, "约5000").as_dict() == {
        "value": 5000,
        "raw": "约5000",
        "approximate": True,
    }


def test_an_exact_figure_given_as_a_number_shows_only_its_value() -> None:
    assert coerce_one(PARTICIPANTS, 5000).as_dict() == {"value": 5000}


@pytest.mark.parametrize("raw", ["10.5", 10.5, "十点五"])
def test_a_count_refuses_a_fraction(raw: object) -> None:
    with pytest.raises(InputError) as raised:
        coerce_one(PARTICIPANTS, raw)

    assert raised.value.field == "participants"


def test_a_count_refuses_a_fraction_with_a_message_quoting_it() -> None:
    with pytest.raises(InputError, match=r"^participants: must be a whole number, got '10.5'$"):
        coerce_one(PARTICIPANTS, "10.5")


@pytest.mark.parametrize("raw", ["将近5000", "4000-5000", "-3", "many", True, None, [5000]])
def test_unreadable_or_ungradable_figures_are_input_errors_on_their_field(raw: object) -> None:
    with pytest.raises(InputError) as raised:
        coerce_one(PARTICIPANTS, raw)

    assert raised.value.field == "participants"


@pytest.mark.parametrize(
    ("raw", "value"), [("2.5小时", Decimal("2.5")), ("３．５", Decimal("3.5")), (12, 12)]
)
def test_quantities_keep_fractions(raw: object, value: Decimal) -> None:
    assert coerce_one(quantity_input("hours"), raw).value == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (True, True),
        (False, False),
        ("true", True),
        ("false", False),
        (" TRUE ", True),
        ("False", False),
    ],
)
def test_flags_accept_booleans_and_true_false_text(raw: object, value: bool) -> None:
    seen = coerce_one(flag_input("foreign"), raw)

    assert seen.value is value
    assert seen.raw == raw


@pytest.mark.parametrize("raw", ["yes", "no", "1", "0", 1, 0, "", "是", None])
def test_flags_refuse_anything_else(raw: object) -> None:
    with pytest.raises(InputError, match=r"^foreign: must be true or false, got ") as raised:
        coerce_one(flag_input("foreign"), raw)

    assert raised.value.field == "foreign"


@pytest.mark.parametrize(
    ("raw", "codes"),
    [
        ("fire", {"fire"}),
        (["fire", "flood"], {"fire", "flood"}),
        (("crowd",), {"crowd"}),
        ([], set()),
        (["fire", "fire"], {"fire"}),
    ],
)
def test_sets_take_one_code_or_a_list_of_codes(raw: object, codes: set[str]) -> None:
    assert coerce_one(CAUSES, raw).value == frozenset(codes)


def test_a_set_shows_its_codes_sorted() -> None:
    assert coerce_one(CAUSES, ["flood", "fire"]).as_dict() == {
        "value": ["fire", "flood"],
        "raw": ["flood", "fire"],
    }


def test_a_set_refuses_a_code_outside_its_vocabulary() -> None:
    with pytest.raises(InputError) as raised:
        coerce_one(CAUSES, ["fire", "quake"])

    assert raised.value.field == "causes"
    assert raised.value.message == msg(
        "unknown code {code} (known: {known})", code="'quake'", known="crowd, fire, flood"
    )  # a message, translated where it is shown
    assert str(raised.value.message) == "unknown code 'quake' (known: crowd, fire, flood)"


@pytest.mark.parametrize("raw", [5, ["fire", 5], {"fire"}])
def test_a_set_refuses_what_is_not_a_list_of_codes(raw: object) -> None:
    with pytest.raises(InputError, match="must be a list of codes"):
        coerce_one(CAUSES, raw)


SPECS = {
    "participants": PARTICIPANTS,
    "deaths": count_input("deaths", default=0),
    "foreign": flag_input("foreign", default=False),
}


def test_missing_inputs_with_a_default_are_marked_defaulted() -> None:
    values = coerce_inputs(SPECS, {"participants": "五千"})

    assert values == {
        "participants": InputValue(5000, "五千"),
        "deaths": InputValue(0, None, defaulted=True),
        "foreign": InputValue(False, None, defaulted=True),
    }
    assert values["deaths"].as_dict() == {"value": 0, "defaulted": True}


def test_a_null_is_treated_as_missing() -> None:
    values = coerce_inputs(SPECS, {"participants": 1, "deaths": None})

    assert values["deaths"] == InputValue(0, None, defaulted=True)


def test_given_inputs_are_not_defaulted() -> None:
    values = coerce_inputs(SPECS, {"participants": 1, "deaths": 0, "foreign": "false"})

    assert values["deaths"] == InputValue(0, 0)
    assert values["foreign"] == InputValue(False, "false")


@pytest.mark.parametrize("record", [{}, {"deaths": 3}, {"participants": None}])
def test_a_missing_required_input_is_an_error_on_that_field(record: dict[str, object]) -> None:
    with pytest.raises(InputError) as raised:
        coerce_inputs(SPECS, record)

    assert raised.value.field == "participants"
    assert raised.value.message == msg("is required")
    assert str(raised.value) == "participants: is required"


def test_an_unknown_field_is_an_error_naming_it_and_the_inputs() -> None:
    with pytest.raises(InputError) as raised:
        coerce_inputs(SPECS, {"participants": 1, "victims": 2, "injured": 3})

    assert raised.value.field == "injured"  # the first unknown field, alphabetically
    assert str(raised.value.message) == (
        "is not an input of this table (inputs: participants, deaths, foreign)"
    )


@pytest.mark.parametrize("blank", [None, "", "  ", "\u3000"])
def test_a_blank_field_takes_the_default_as_an_empty_cell_does_in_batch(blank: object) -> None:
    values = coerce_inputs(
        {"participants": count_input("participants", default=0)}, {"participants": blank}
    )
    assert values["participants"] == InputValue(0, None, defaulted=True)
