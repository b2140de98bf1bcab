"""A stock card: quantities change only by movements, the stock on a day is the card read
to the end of that day, and a movement that would leave a quantity below zero on its day
or any later day is refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from govops.lawcode.registers.stock import (
    MANAGEMENT_LEVELS,
    RESERVE_LEVELS,
    Movement,
    MovementKind,
    StockError,
    check,
    post,
    stock_on,
)

D = Decimal
RECEIPT, ISSUE, TRANSFER = MovementKind.RECEIPT, MovementKind.ISSUE, MovementKind.TRANSFER
STOCKTAKE, EXPIRY = MovementKind.STOCKTAKE, MovementKind.EXPIRY
NEGATIVE = "{depot} would hold {quantity} of {item} on {day}"


def _day(day: int) -> date:
    return date(2024, 5, day)


def _move(
    kind: MovementKind,
    quantity: int | str,
    day: int,
    depot: str = "district",
    item: str = "tents",
    to_depot: str | None = None,
) -> Movement:
    return Movement(kind, depot, item, D(quantity), _day(day), to_depot)


def _posted(*movements: Movement) -> list[Movement]:
    """A card built as the register builds it: each movement posted in turn."""
    card: list[Movement] = []
    for movement in movements:
        post(card, movement)
        card.append(movement)
    return card


def test_the_levels_of_management_and_of_reserve() -> None:
    assert MANAGEMENT_LEVELS == ("district", "department", "street", "community")
    assert RESERVE_LEVELS == ("district", "department", "street", "community", "household")


def test_receipts_issues_and_expiries_add_and_take_away() -> None:
    card = _posted(
        _move(RECEIPT, 100, 1),
        _move(ISSUE, 30, 2),
        _move(EXPIRY, "12.5", 3),
        _move(RECEIPT, 5, 3, item="blankets"),
    )
    assert stock_on(card, _day(1)) == {("district", "tents"): D(100)}
    assert stock_on(card, _day(2)) == {("district", "tents"): D(70)}
    assert stock_on(card, _day(3)) == {
        ("district", "tents"): D("57.5"),
        ("district", "blankets"): D(5),
    }


def test_the_stock_on_a_day_counts_that_whole_day_and_nothing_after() -> None:
    card = _posted(_move(RECEIPT, 10, 5), _move(ISSUE, 4, 5), _move(RECEIPT, 1, 6))
    assert stock_on(card, _day(4)) == {}
    assert stock_on(card, _day(5)) == {("district", "tents"): D(6)}
    assert stock_on(card, _day(6)) == {("district", "tents"): D(7)}


def test_an_empty_card_holds_nothing() -> None:
    assert stock_on([], _day(1)) == {}


def test_a_transfer_moves_from_one_depot_to_another() -> None:
    card = _posted(
        _move(RECEIPT, 50, 1),
        _move(TRANSFER, 20, 2, to_depot="street-a"),
    )
    assert stock_on(card, _day(1)) == {("district", "tents"): D(50)}
    assert stock_on(card, _day(2)) == {
        ("district", "tents"): D(30),
        ("street-a", "tents"): D(20),
    }


def test_a_stocktake_sets_the_quantity_to_the_count() -> None:
    card = _posted(_move(RECEIPT, 100, 1), _move(STOCKTAKE, 97, 2), _move(ISSUE, 7, 3))
    assert stock_on(card, _day(2)) == {("district", "tents"): D(97)}
    assert stock_on(card, _day(3)) == {("district", "tents"): D(90)}
    # A count above the card raises it; a count of an item never received records it.
    more = _posted(_move(RECEIPT, 10, 1), _move(STOCKTAKE, 12, 2), _move(STOCKTAKE, 3, 2, "st"))
    assert stock_on(more, _day(2)) == {("district", "tents"): D(12), ("st", "tents"): D(3)}


def test_a_stocktake_counts_what_came_before_it_that_day() -> None:
    card = _posted(_move(RECEIPT, 10, 1), _move(RECEIPT, 5, 2), _move(STOCKTAKE, 14, 2))
    assert stock_on(card, _day(2)) == {("district", "tents"): D(14)}


def test_a_back_dated_movement_is_read_in_its_days_order() -> None:
    card = _posted(_move(RECEIPT, 10, 1), _move(STOCKTAKE, 10, 5), _move(ISSUE, 4, 3))
    assert stock_on(card, _day(3)) == {("district", "tents"): D(6)}
    # The later count stands: the card holds what was counted from then on.
    assert stock_on(card, _day(5)) == {("district", "tents"): D(10)}


def test_an_issue_down_to_zero_is_posted() -> None:
    card = _posted(_move(RECEIPT, 10, 1), _move(ISSUE, 10, 2))
    assert stock_on(card, _day(2)) == {("district", "tents"): D(0)}


def test_an_issue_beyond_the_stock_is_refused() -> None:
    card = _posted(_move(RECEIPT, 10, 1))
    with pytest.raises(StockError) as caught:
        post(card, _move(ISSUE, "10.01", 2))
    assert caught.value.message.id == NEGATIVE
    assert caught.value.message.values == {
        "depot": "district",
        "quantity": D("-0.01"),
        "item": "tents",
        "day": _day(2),
    }
    assert str(caught.value) == "district would hold -0.01 of tents on 2024-05-02"


def test_an_issue_before_the_receipt_is_refused() -> None:
    card = _posted(_move(RECEIPT, 10, 5))
    with pytest.raises(StockError) as caught:
        post(card, _move(ISSUE, 1, 4))
    assert caught.value.message.values["day"] == _day(4)
    # On the receipt's day the issue comes after it.
    post(card, _move(ISSUE, 10, 5))


def test_a_back_dated_issue_that_empties_a_later_day_is_refused() -> None:
    card = _posted(_move(RECEIPT, 10, 1), _move(ISSUE, 8, 5))
    post(card, _move(ISSUE, 2, 3))  # leaves 0 on day 5: posted
    with pytest.raises(StockError) as caught:
        post(card, _move(ISSUE, 3, 3))  # 7 on day 3, but -1 on day 5
    assert caught.value.message.id == NEGATIVE
    assert caught.value.message.values["day"] == _day(5)
    assert caught.value.message.values["quantity"] == D(-1)


def test_a_transfer_beyond_the_stock_is_refused_at_the_sending_depot() -> None:
    card = _posted(_move(RECEIPT, 5, 1))
    with pytest.raises(StockError) as caught:
        post(card, _move(TRANSFER, 6, 2, to_depot="street-a"))
    assert caught.value.message.values["depot"] == "district"
    assert caught.value.message.values["quantity"] == D(-1)


def test_a_back_dated_transfer_that_empties_a_later_issue_is_refused() -> None:
    card = _posted(_move(RECEIPT, 5, 1), _move(ISSUE, 5, 4))
    with pytest.raises(StockError) as caught:
        post(card, _move(TRANSFER, 1, 2, to_depot="street-a"))
    assert caught.value.message.values["day"] == _day(4)
    # The receiving depot's stock may then go out.
    card = _posted(_move(RECEIPT, 5, 1), _move(TRANSFER, 5, 2, to_depot="street-a"))
    post(card, _move(ISSUE, 5, 2, depot="street-a"))


def test_an_expiry_beyond_the_stock_is_refused() -> None:
    with pytest.raises(StockError) as caught:
        post(_posted(_move(RECEIPT, 1, 1)), _move(EXPIRY, 2, 1))
    assert caught.value.message.id == NEGATIVE


def test_a_stock_of_another_depot_or_item_does_not_cover_an_issue() -> None:
    card = _posted(_move(RECEIPT, 10, 1, depot="street-a"), _move(RECEIPT, 10, 1, item="water"))
    with pytest.raises(StockError) as caught:
        post(card, _move(ISSUE, 1, 2))
    assert caught.value.message.values["depot"] == "district"
    assert caught.value.message.values["item"] == "tents"


@pytest.mark.parametrize(
    ("movement", "said"),
    [
        (_move(RECEIPT, -1, 1), "a quantity is never negative"),
        (_move(STOCKTAKE, "-0.5", 1), "a quantity is never negative"),
        (_move(TRANSFER, 1, 1), "a transfer names the depot it goes to"),
        (_move(TRANSFER, 1, 1, to_depot="district"), "a transfer goes to another depot"),
        (_move(RECEIPT, 1, 1, to_depot="street-a"), "only a transfer names a receiving depot"),
        (_move(ISSUE, 1, 1, to_depot="street-a"), "only a transfer names a receiving depot"),
    ],
)
def test_a_movement_that_is_not_one_on_its_face_is_refused(movement: Movement, said: str) -> None:
    with pytest.raises(StockError) as caught:
        check(movement)
    assert caught.value.message.id == said
    with pytest.raises(StockError) as posted:
        post(_posted(_move(RECEIPT, 10, 1)), movement)
    assert posted.value.message.id == said
    assert isinstance(posted.value, ValueError)


def test_a_zero_quantity_and_a_good_transfer_pass_the_check() -> None:
    check(_move(RECEIPT, 0, 1))
    check(_move(TRANSFER, 1, 1, to_depot="street-a"))


def test_only_the_quantities_a_movement_moves_are_read_again() -> None:
    """The receiving depot's card is read through the transfers into it, whatever the
    sending depot held: an issue there within what was transferred is posted, one past it
    refused on the receiving depot, never on the sender read only in part."""
    card = _posted(
        _move(RECEIPT, 10, 1),
        _move(TRANSFER, 10, 2, to_depot="street"),
        _move(RECEIPT, 3, 2, item="water"),
    )
    post(card, _move(ISSUE, 10, 3, depot="street"))
    with pytest.raises(StockError) as caught:
        post(card, _move(ISSUE, 11, 3, depot="street"))
    assert caught.value.message.values["depot"] == "street"
    assert caught.value.message.values["quantity"] == D(-1)
