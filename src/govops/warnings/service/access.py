"""Who may see which warnings and touch which subscriptions, in one place for the API and
the pages.

Warnings are per area, and the areas of cn-xicheng-em-14fyp are units of the tree (the
district 110102 and its streets 110102001...). An area is visible to an actor holding
`warning.read` at that area's unit or above it (the district office sees every street),
or at a unit below it: a street office sees the district-wide warning that covers its
street, a community the warnings of its street and district; never a neighbouring
street's. An area the tree does not know is seen by those who may read at the unit
running the warnings' pack (the district) or above; a subscription made before
subscriptions had a unit belongs to that unit.

A subscription belongs to the unit its creator acted in; it is reached (shown, rotated,
removed) by an actor holding `warning.subscribe` at that unit or above, and its
deliveries are seen by one holding `warning.operate` there."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from govops.platform.identity.actor import Actor
from govops.platform.identity.units import UnitTree

PACK = "cn-xicheng-em-14fyp"  # the pack whose areas the warnings are of (bootstrap's)
READ = "warning.read"
SUBSCRIBE = "warning.subscribe"
OPERATE = "warning.operate"
ROUND = "warning-delivery-round"  # how a delivery round run on demand is put on record


def home_unit(tree: UnitTree) -> str | None:
    """The unit running the warnings' pack (the topmost one), if any."""
    running = tree.running(PACK)
    return running[0] if running else None


def sees_area(actor: Actor, area: str) -> bool:
    """Whether the actor may read the warnings of `area` (see the module's docstring).
    An area the tree does not know covers no unit below the district: only those who may
    read at the district itself see it."""
    if area not in actor.tree:
        home = home_unit(actor.tree)
        return home is not None and actor.can(READ, home)
    if actor.can(READ, area):
        return True
    return any(actor.tree.within(top, area) for top in actor.scope(READ).tops)


def visible_areas(actor: Actor, areas: Iterable[str]) -> list[str]:
    """The areas of `areas` the actor may read, in the order given."""
    return [area for area in areas if sees_area(actor, area)]


def acting_unit(actor: Actor, code: str, unit: str | None) -> str | None:
    """Where the actor acts to do `code` at `unit` (None: the home unit); None when they
    may not."""
    place = unit if unit is not None else home_unit(actor.tree)
    return actor.acting_unit(code, place) if place is not None else None


class OperationLog(Protocol):
    """Where an operation run on demand is put on record (the accounts' access record)."""

    def record_operation(
        self, actor: Actor, unit: str | None, subject: str, data: dict[str, str]
    ) -> None: ...


def subscribing_unit(actor: Actor) -> str | None:
    """The unit a new subscription of the actor belongs to: where they hold
    `warning.subscribe` for the district (an administrator of several roots subscribes
    for the district, not the first root), else that of their first grant holding it
    (a street office); None where they hold it nowhere."""
    home = home_unit(actor.tree)
    at_home = actor.acting_unit(SUBSCRIBE, home) if home is not None else None
    return at_home or actor.acting_unit(SUBSCRIBE)
