"""Routes of /api/v1/warnings for webhooks: subscriptions (the signing secret given once,
when subscribing or rotating it) and the delivery outbox (with a route to run one delivery
round on demand). A subscriber's URL the policy refuses is a 422 problem naming why.

Each delivery carries `Govops-Delivery` (the delivery's id, the same on a retry),
`Govops-Alert` (the CAP identifier) and the Standard Webhooks headers `webhook-id`,
`webhook-timestamp`, `webhook-signature`; a receiver checks the signature with its secret
and drops a request it has already taken. A failure shows as a short category only.

Access (`service.access`): subscriptions need `warning.subscribe`; each belongs to the
unit its creator acted in and is shown, rotated and removed only within the units where
the actor holds that permission (404 elsewhere). Deliveries need `warning.operate`, and
are listed for the subscriptions of the actor's units. Who subscribed, rotated a secret
or removed a subscription is recorded as the signed-in user at their unit."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from govops.lawcode.texts.messages import msg
from govops.platform.api.auth import ForbiddenError, actor_of, permission
from govops.platform.api.paging import Page, at
from govops.platform.api.schemas import RequestBody
from govops.platform.identity.actor import Actor
from govops.platform.patience import patiently
from govops.warnings.api.access import reachable, reached, subscribed_areas
from govops.warnings.api.warning import Level, Operations, Send, Warnings
from govops.warnings.ports import Delivery, DeliveryStatus, Subscription
from govops.warnings.service.access import (
    OPERATE,
    ROUND,
    SUBSCRIBE,
    acting_unit,
    subscribing_unit,
)
from govops.warnings.service.warning import RoundReport

Subscriber = Annotated[Actor, Depends(actor_of(permission(SUBSCRIBE)))]
Operator = Annotated[Actor, Depends(actor_of(permission(OPERATE)))]


class SubscriptionBody(RequestBody):
    url: str = Field(
        max_length=2000,
        description="https URL the CAP alerts are POSTed to (http where the organisation "
        "allows it); its host must resolve to public addresses only, unless allow-listed",
    )
    areas: list[Annotated[str, Field(min_length=1, max_length=32)]] = Field(
        default_factory=list, max_length=100, description="Area codes; empty: every area"
    )
    min_level: Level = Field("blue", description="The lowest level the subscriber hears of")


class SubscriptionOut(BaseModel):
    id: str
    url: str
    areas: list[str] = Field(
        description="Area codes; empty: every area (one who may not read every area "
        "subscribes to those they may read)"
    )
    min_level: Level
    created_at: datetime
    unit: str | None = Field(description="The unit it belongs to; none if made before units")
    created_by: str = Field(description="Who subscribed: user@unit")


class SubscriptionCreated(SubscriptionOut):
    secret: str = Field(
        description="The signing secret (whsec_...), shown this once: keep it to verify "
        "each delivery's webhook-signature (Standard Webhooks)"
    )


class SecretOut(BaseModel):
    id: str
    secret: str = Field(description="The new signing secret, shown this once")


class SubscriptionList(BaseModel):
    count: int
    subscriptions: list[SubscriptionOut]


class DeliveryOut(BaseModel):
    id: int
    identifier: str
    subscription_id: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str | None = Field(
        description="How the last attempt failed, as a category: timeout, refused, reset, "
        "unreachable, tls, dns, policy, protocol, http-<status>, error"
    )
    delivered_at: datetime | None


class DeliveryList(BaseModel):
    count: int
    deliveries: list[DeliveryOut]


class RoundOut(BaseModel):
    claimed: int
    delivered: int
    failed: int = Field(description="Failed this time, to be tried again later")
    dead: int = Field(description="Failed for the last time")
    postponed: int = Field(description="Not tried: an earlier alert to the subscriber failed")
    lost_lease: int


def subscription_out(found: Subscription) -> SubscriptionOut:
    return SubscriptionOut(
        id=found.id,
        url=found.url,
        areas=list(found.areas),
        min_level=found.min_level,  # type: ignore[arg-type]
        created_at=found.created_at,
        unit=found.unit,
        created_by=found.created_by,
    )


def delivery_out(found: Delivery) -> DeliveryOut:
    return DeliveryOut(**{name: getattr(found, name) for name in DeliveryOut.model_fields})


def subscription_routes(router: APIRouter) -> None:
    @router.get("/subscriptions", summary="The active webhook subscriptions of one's units")
    def subscriptions(service: Warnings, actor: Subscriber, page: Page) -> SubscriptionList:
        mine = reachable(actor, service.subscriptions(), SUBSCRIBE)
        found = [subscription_out(s) for s in page.page(mine, lambda s: (at(s.created_at), s.id))]
        return SubscriptionList(count=len(found), subscriptions=found)

    @router.post("/subscriptions", status_code=201, summary="Subscribe a webhook to alerts")
    def subscribe(
        body: SubscriptionBody, service: Warnings, actor: Subscriber
    ) -> SubscriptionCreated:
        unit = subscribing_unit(actor)
        areas = subscribed_areas(actor, body.areas, service)
        found = service.subscribe(
            body.url, areas, body.min_level, unit=unit, by=actor.signature(unit)
        )
        assert found.secret is not None  # a new subscription carries its secret
        return SubscriptionCreated(**subscription_out(found).model_dump(), secret=found.secret)

    @router.get("/subscriptions/{subscription_id}", summary="An active webhook subscription")
    def subscription(subscription_id: str, service: Warnings, actor: Subscriber) -> SubscriptionOut:
        found = service.subscription(subscription_id)
        reached(actor, found, SUBSCRIBE)
        return subscription_out(found)

    @router.post(
        "/subscriptions/{subscription_id}/secret",
        summary="Rotate a subscription's signing secret (the new one is shown once)",
    )
    def rotate(subscription_id: str, service: Warnings, actor: Subscriber) -> SecretOut:
        unit = reached(actor, service.subscription(subscription_id), SUBSCRIBE)
        secret = service.rotate_secret(subscription_id, actor.signature(unit))
        return SecretOut(id=subscription_id, secret=secret)

    @router.delete(
        "/subscriptions/{subscription_id}",
        status_code=204,
        summary="Stop a subscription; its pending deliveries are dropped",
    )
    def unsubscribe(subscription_id: str, service: Warnings, actor: Subscriber) -> Response:
        unit = reached(actor, service.subscription(subscription_id), SUBSCRIBE)
        service.unsubscribe(subscription_id, actor.signature(unit))
        return Response(status_code=204)


def delivery_routes(router: APIRouter) -> None:
    @router.get("/deliveries", summary="Webhook deliveries of one's units' subscriptions")
    def deliveries(
        service: Warnings,
        actor: Operator,
        page: Page,
        identifier: Annotated[str | None, Query(max_length=200)] = None,
        status: DeliveryStatus | None = None,
    ) -> DeliveryList:
        every = service.subscriptions(active_only=False)
        mine = {s.id for s in reachable(actor, every, OPERATE)}
        ours = [d for d in service.deliveries(identifier, status) if d.subscription_id in mine]
        found = [delivery_out(d) for d in page.page(ours, lambda d: (d.id,))]
        return DeliveryList(count=len(found), deliveries=found)

    @router.post(
        "/deliveries/run",
        summary="Run one delivery round now (operators of every subscription's unit, tests)",
    )
    def run(
        service: Warnings,
        send: Send,
        actor: Operator,
        record: Operations,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> RoundOut:
        """The round is put on the access record: who ran it, in which unit, what came of it."""
        every = service.subscriptions()
        if len(reachable(actor, every, OPERATE)) < len(every):
            # A round sends every due alert, whoever subscribed: only one who operates
            # the delivery for all of them may start it.
            raise ForbiddenError(
                msg("you do not hold the permission {permission}", permission=OPERATE)
            )
        report: RoundReport = service.deliver_due(service.now(), send, limit)
        out = RoundOut(**{name: getattr(report, name) for name in RoundOut.model_fields})
        counts = {name: str(value) for name, value in out.model_dump().items()}
        unit = acting_unit(actor, OPERATE, None) or actor.acting_unit(OPERATE)
        patiently(lambda: record.record_operation(actor, unit, ROUND, counts))
        return out
