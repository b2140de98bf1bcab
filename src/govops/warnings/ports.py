"""What the warning use cases need from storage: an append-only log of warning events with
their CAP alerts, the publish log, webhook subscriptions and the delivery outbox; all
inside one unit of work. Also the JSON form of an event's trace, which storage keeps and
the API shows (Decimal as text, so 49.99 mm never becomes 49.989999...)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Protocol

from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, msg
from govops.platform.ports import Transaction
from govops.warnings.model.warning import AreaStep, StationReading, WarningEvent, rank


class WarningConflictError(Exception):
    """Another event already holds this place (warning, seq) under another identifier;
    which, as a message (translated where it is shown), or as the database said it (a
    unique violation at commit)."""

    def __init__(self, message: Message | str) -> None:
        super().__init__(str(message))
        self.message = message

    @classmethod
    def taken(cls, warning_id: str, seq: int) -> WarningConflictError:
        return cls(
            msg("warning {warning} seq {seq} is another alert's", warning=warning_id, seq=str(seq))
        )


class DeliveryStatus(Enum):
    PENDING = "pending"  # to be sent (again) at next_attempt_at
    DELIVERED = "delivered"  # the receiver answered 2xx: never sent again
    DEAD = "dead"  # attempts exhausted, or the subscription removed


@dataclass(frozen=True, slots=True)
class Publication:
    """One line of the publish log: an alert made public through a channel ("feed" for
    this platform's own alert feed, "webhook:<subscription id>" for a delivery)."""

    identifier: str
    channel: str
    published_at: datetime


@dataclass(frozen=True, slots=True)
class Subscription:
    id: str
    url: str
    areas: tuple[str, ...]  # area codes; empty: every area
    min_level: str  # blue ... red
    active: bool
    created_at: datetime
    # The signing secret (model.signing): on the subscription as subscribed only, to be
    # shown once; never read back (None), never in a repr, not part of the comparison.
    secret: str | None = field(default=None, repr=False, compare=False)
    # The unit it belongs to (its creator's acting unit) and who created it (`user@unit`);
    # None and "" for one made before subscriptions had units (warnings.service.access).
    unit: str | None = None
    created_by: str = ""

    def wants(self, event: WarningEvent) -> bool:
        """A change concerns the subscriber when the level before or after it reaches the
        subscriber's minimum: it hears of an orange warning's issue, its downgrade to
        yellow (so it knows the warning fell below its threshold), but not the later
        cancellation of that yellow warning."""
        reached = max(rank(event.level), rank(event.previous))
        in_area = not self.areas or event.area in self.areas
        return self.active and in_area and reached >= rank(self.min_level)


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    identifier: str
    subscription_id: str
    status: DeliveryStatus
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    lease_until: datetime | None
    last_error: str | None
    delivered_at: datetime | None


@dataclass(frozen=True, slots=True)
class Claim:
    """A due delivery leased to one worker, with what it sends."""

    delivery_id: int
    subscription_id: str
    url: str
    identifier: str
    cap: bytes
    attempts: int  # attempts made before this one
    token: str  # the lease: only its holder may record the outcome
    secret: str = field(default="", repr=False)  # the subscription's, to sign with


class WarningLog(Protocol):
    def add(self, event: WarningEvent, cap: bytes, recorded_at: datetime) -> bool:
        """Store the event and its alert; False (and nothing written) when its identifier
        is stored already. WarningConflictError when its (warning, seq) is taken."""

    def latest_per_area(self) -> list[WarningEvent]:
        """Each area's last event (a cancel when its warning has ended)."""

    def history(
        self, area: str | None, start: datetime | None, end: datetime | None
    ) -> list[WarningEvent]:
        """Events with start <= at < end (either side open when None), oldest first."""

    def alert(self, identifier: str) -> bytes | None: ...

    def publish(self, entries: list[Publication]) -> None: ...

    def publications(self, identifier: str | None = None) -> list[Publication]: ...

    def areas_of(self, identifiers: list[str]) -> dict[str, str]:
        """The area of each stored alert among `identifiers` (to show one only to those
        who may read its area)."""


class SubscriptionRepository(Protocol):
    def add(self, subscription: Subscription) -> None:
        """Store it with its secret (which it must carry), set by its creator."""

    def rotate(self, subscription_id: str, secret: str, at: datetime, by: str) -> None:
        """Replace its secret (`by`: who did): deliveries are signed with the new one from
        now on."""

    def get(self, subscription_id: str) -> Subscription | None: ...

    def listing(self, active_only: bool = True) -> list[Subscription]: ...

    def deactivate(self, subscription_id: str, at: datetime, by: str) -> None: ...


class DeliveryRepository(Protocol):
    def enqueue(self, identifier: str, subscription_ids: list[str], at: datetime) -> None:
        """One pending delivery per subscription, due at once."""

    def claim(self, now: datetime, lease_until: datetime, token: str, limit: int) -> list[Claim]:
        """Lease up to `limit` due pending deliveries (next_attempt_at <= now, no lease in
        force) of active subscriptions, earliest due first; none is leased twice."""

    def delivered(self, delivery_id: int, token: str, at: datetime) -> bool:
        """Mark delivered if the lease `token` still holds; False otherwise."""

    def failed(self, delivery_id: int, token: str, error: str, retry_at: datetime | None) -> bool:
        """Count an attempt and release the lease: due again at `retry_at`, or dead."""

    def postpone(self, delivery_id: int, token: str, retry_at: datetime) -> bool:
        """Release the lease without counting an attempt."""

    def hold_back(self, subscription_id: str, until: datetime) -> None:
        """Make the subscription's pending deliveries not in flight wait until `until`
        (after a failure: its other alerts wait for the failed one's retry)."""

    def abandon(self, subscription_id: str, reason: str) -> int:
        """Mark the subscription's pending deliveries dead; how many."""

    def listing(
        self, identifier: str | None = None, status: DeliveryStatus | None = None
    ) -> list[Delivery]: ...


class WarningUnitOfWork(Transaction, Protocol):
    warnings: WarningLog
    subscriptions: SubscriptionRepository
    deliveries: DeliveryRepository


def step_to_json(step: AreaStep) -> dict[str, Any]:
    """An AreaStep as JSON: times in ISO 8601 with their offset, millimetres as text."""
    cite = (
        None
        if step.cite is None
        else {"document": step.cite.document, "article": step.cite.article}
    )
    return {
        "area": step.area,
        "at": step.at.isoformat(),
        "level": step.level,
        "clause_id": step.clause_id,
        "cite": cite,
        "method": step.method,
        "reporting": step.reporting,
        "stations": step.stations,
        "mean": _mm_text(step.mean),
        "maximum": _mm_text(step.maximum),
        "deciding": [{"station": r.station, "rain": _mm_text(r.rain)} for r in step.deciding],
        "held_via": step.held_via,
    }


def step_from_json(data: dict[str, Any]) -> AreaStep:
    cite = data["cite"]
    return AreaStep(
        area=data["area"],
        at=datetime.fromisoformat(data["at"]),
        level=data["level"],
        clause_id=data["clause_id"],
        cite=None if cite is None else Citation(cite["document"], cite["article"]),
        method=data["method"],
        reporting=data["reporting"],
        stations=data["stations"],
        mean=_mm(data["mean"]),
        maximum=_mm(data["maximum"]),
        deciding=tuple(StationReading(r["station"], _mm(r["rain"])) for r in data["deciding"]),
        held_via=data.get("held_via"),  # absent in events stored before the field existed
    )


def _mm_text(values: dict[str, Decimal]) -> dict[str, str]:
    return {window: str(value) for window, value in values.items()}


def _mm(values: dict[str, str]) -> dict[str, Decimal]:
    return {window: Decimal(value) for window, value in values.items()}
