"""Routes of /api/v1/warnings for webhooks: subscriptions (the signing secret given once,
when subscribing or rotating it) and the delivery outbox (with a route to run one delivery
round on demand). A subscriber's URL the policy refuses is a 422 problem naming why.

Each delivery carries `Govops-Delivery` (the delivery's id, the same on a retry),
`Govops-Alert` (the CAP identifier) and the Standard Webhooks headers `webhook-id`,
`webhook-timestamp`, `webhook-signature`; a receiver checks the signature with its secret
and drops a request it has already taken. A failure shows as a short category only."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from govops.platform.api.schemas import RequestBody
from govops.warnings.api.warning import Level, Send, Warnings
from govops.warnings.ports import Delivery, DeliveryStatus, Subscription
from govops.warnings.service.warning import RoundReport


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
    areas: list[str]
    min_level: Level
    created_at: datetime


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
    )


def delivery_out(found: Delivery) -> DeliveryOut:
    return DeliveryOut(**{name: getattr(found, name) for name in DeliveryOut.model_fields})


def subscription_routes(router: APIRouter) -> None:
    @router.get("/subscriptions", summary="The active webhook subscriptions")
    def subscriptions(service: Warnings) -> SubscriptionList:
        found = [subscription_out(s) for s in service.subscriptions()]
        return SubscriptionList(count=len(found), subscriptions=found)

    @router.post("/subscriptions", status_code=201, summary="Subscribe a webhook to alerts")
    def subscribe(body: SubscriptionBody, service: Warnings) -> SubscriptionCreated:
        found = service.subscribe(body.url, body.areas, body.min_level)
        assert found.secret is not None  # a new subscription carries its secret
        return SubscriptionCreated(**subscription_out(found).model_dump(), secret=found.secret)

    @router.get("/subscriptions/{subscription_id}", summary="An active webhook subscription")
    def subscription(subscription_id: str, service: Warnings) -> SubscriptionOut:
        return subscription_out(service.subscription(subscription_id))

    @router.post(
        "/subscriptions/{subscription_id}/secret",
        summary="Rotate a subscription's signing secret (the new one is shown once)",
    )
    def rotate(subscription_id: str, service: Warnings) -> SecretOut:
        return SecretOut(id=subscription_id, secret=service.rotate_secret(subscription_id))

    @router.delete(
        "/subscriptions/{subscription_id}",
        status_code=204,
        summary="Stop a subscription; its pending deliveries are dropped",
    )
    def unsubscribe(subscription_id: str, service: Warnings) -> Response:
        service.unsubscribe(subscription_id)
        return Response(status_code=204)


def delivery_routes(router: APIRouter) -> None:
    @router.get("/deliveries", summary="Webhook deliveries, oldest first")
    def deliveries(
        service: Warnings,
        identifier: Annotated[str | None, Query(max_length=200)] = None,
        status: DeliveryStatus | None = None,
    ) -> DeliveryList:
        found = [delivery_out(d) for d in service.deliveries(identifier, status)]
        return DeliveryList(count=len(found), deliveries=found)

    @router.post("/deliveries/run", summary="Run one delivery round now (operators, tests)")
    def run(
        service: Warnings, send: Send, limit: Annotated[int, Query(ge=1, le=500)] = 50
    ) -> RoundOut:
        report: RoundReport = service.deliver_due(service.now(), send, limit)
        return RoundOut(**{name: getattr(report, name) for name in RoundOut.model_fields})
