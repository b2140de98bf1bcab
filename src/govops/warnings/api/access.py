"""The warning routes' access checks, as the API answers them (the rules themselves are
`service.access`): an area, a subscription or a delivery outside the actor's units is
answered as an unknown one is (404, nothing about it confirmed); an area a subscription
names outside them, as an unknown area code (422)."""

from __future__ import annotations

from collections.abc import Sequence

from govops.lawcode.texts.messages import msg
from govops.platform.api.auth import ForbiddenError, OutOfScopeError
from govops.platform.identity.actor import Actor
from govops.warnings.ports import Subscription
from govops.warnings.service import access
from govops.warnings.service.warning import (
    WarningInputError,
    WarningNotFoundError,
    WarningService,
)


def readable_area(actor: Actor, area: str | None) -> None:
    """Nothing for an area the actor may read (or none asked); 404 otherwise."""
    if area is not None and not access.sees_area(actor, area):
        raise OutOfScopeError(msg("not found"))


def reached(actor: Actor, subscription: Subscription, code: str) -> str:
    """The unit the actor acts in to do `code` (subscribe, operate) on the subscription;
    when it belongs to a unit outside theirs, the very answer to an unknown one (404)."""
    acting = access.acting_unit(actor, code, subscription.unit)
    if acting is None:
        raise WarningNotFoundError(subscription.id)
    return acting


def reachable(actor: Actor, found: Sequence[Subscription], code: str) -> list[Subscription]:
    """The subscriptions of `found` the actor may do `code` on, in the order given."""
    return [s for s in found if access.acting_unit(actor, code, s.unit) is not None]


def subscribed_areas(actor: Actor, areas: Sequence[str], service: WarningService) -> list[str]:
    """The areas a new subscription of the actor hears of. Named areas they may not read
    are refused as unknown codes are (422, naming them). None named means every area, for
    one who reads them all; for another, every area they may read (what they may hear of,
    and nothing more)."""
    refused = [area for area in areas if not access.sees_area(actor, area)]
    if refused:
        raise WarningInputError(
            "areas", msg("unknown area codes: {codes}", codes=", ".join(refused))
        )
    if areas:
        return list(areas)
    every = service.area_codes()
    visible = access.visible_areas(actor, every)
    if every and not visible:  # an empty list would be every area
        raise ForbiddenError(
            msg("you do not hold the permission {permission}", permission=access.READ)
        )
    return [] if len(visible) == len(every) else visible
