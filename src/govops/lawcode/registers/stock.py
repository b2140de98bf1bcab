"""Reserves as a stock card (三(七)5, 四(五)): depots at the plan's management levels,
items counted in their units, and movements (receipts, issues, transfers, stocktakes,
expiries) that are the only way a quantity changes; the stock of a depot on any day is
the card read to that day, never an editable total.

A stocktake records what was counted: the card's quantity becomes the count from that
movement on (the difference is the stocktake's adjustment). A movement that would leave a
quantity below zero, on its day or any later day of the card, is refused."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from govops.lawcode.texts.messages import Message, msg

# 四(五): 区、部门、街道、社区四级管理, 区、部门、街道、社区、家庭五级储备.
MANAGEMENT_LEVELS = ("district", "department", "street", "community")
RESERVE_LEVELS = (*MANAGEMENT_LEVELS, "household")


class MovementKind(Enum):
    RECEIPT = "receipt"
    ISSUE = "issue"
    TRANSFER = "transfer"  # out of `depot` into `to_depot`
    STOCKTAKE = "stocktake"  # `quantity` is what was counted
    EXPIRY = "expiry"  # written off: past its shelf life or spoiled


@dataclass(frozen=True, slots=True)
class Depot:
    id: str
    level: str  # one of RESERVE_LEVELS
    unit: str  # the unit of the organisation tree that keeps it


@dataclass(frozen=True, slots=True)
class Movement:
    kind: MovementKind
    depot: str
    item: str
    quantity: Decimal  # in the item's unit, never negative
    on: date
    to_depot: str | None = None  # a transfer's receiving depot


class StockError(ValueError):
    """A movement the card refuses; `message` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


Key = tuple[str, str]  # (depot, item)


def _effects(movement: Movement, book: dict[Key, Decimal]) -> list[tuple[Key, Decimal]]:
    """The changes `movement` makes to the quantities, given the book before it."""
    here = (movement.depot, movement.item)
    quantity = movement.quantity
    if movement.kind is MovementKind.RECEIPT:
        return [(here, quantity)]
    if movement.kind is MovementKind.STOCKTAKE:
        return [(here, quantity - book.get(here, Decimal(0)))]
    if movement.kind is MovementKind.TRANSFER:
        assert movement.to_depot is not None
        return [(here, -quantity), ((movement.to_depot, movement.item), quantity)]
    return [(here, -quantity)]


def check(movement: Movement) -> None:
    """Refuses a movement that is not one on its face."""
    if movement.quantity < 0:
        raise StockError(msg("a quantity is never negative"))
    if movement.kind is MovementKind.TRANSFER:
        if movement.to_depot is None:
            raise StockError(msg("a transfer names the depot it goes to"))
        if movement.to_depot == movement.depot:
            raise StockError(msg("a transfer goes to another depot"))
    elif movement.to_depot is not None:
        raise StockError(msg("only a transfer names a receiving depot"))


def post(card: Sequence[Movement], movement: Movement) -> None:
    """Refuses `movement` if the card with it would fall below zero anywhere. Only the
    quantities it moves can: the card alone never does (each movement was posted), so only
    the movements of those depots and items are read again."""
    check(movement)
    touched = _keys(movement)
    book: dict[Key, Decimal] = {}
    for each in _in_order([*(m for m in card if _keys(m) & touched), movement]):
        for key, change in _effects(each, book):
            book[key] = book.get(key, Decimal(0)) + change
            if key in touched and book[key] < 0:
                raise StockError(
                    msg(
                        "{depot} would hold {quantity} of {item} on {day}",
                        depot=key[0],
                        quantity=book[key],
                        item=key[1],
                        day=each.on,
                    )
                )


def _keys(movement: Movement) -> set[Key]:
    """The depots' items a movement changes."""
    found = {(movement.depot, movement.item)}
    if movement.to_depot is not None:
        found.add((movement.to_depot, movement.item))
    return found


def _in_order(card: Iterable[Movement]) -> list[Movement]:
    """By day, and in the order recorded within a day."""
    return sorted(card, key=lambda m: m.on)


def stock_on(card: Iterable[Movement], on: date) -> dict[Key, Decimal]:
    """Each depot's quantity of each item at the end of `on`."""
    book: dict[Key, Decimal] = {}
    for movement in _in_order(m for m in card if m.on <= on):
        for key, change in _effects(movement, book):
            book[key] = book.get(key, Decimal(0)) + change
    return book
