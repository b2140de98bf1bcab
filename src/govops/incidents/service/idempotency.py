"""Idempotency keys: a key belongs to the user who sent it and to the report it came
with, so a retry returns the first incident, another user's key is theirs alone, and a
key sent again with another report is refused rather than answered with the wrong
incident."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from govops.incidents.model.incident import Incident, fold
from govops.incidents.model.intake import Intake
from govops.incidents.ports import UnitOfWork


class IdempotencyKeyReusedError(Exception):
    """The user sent this idempotency key before with another report."""


@dataclass(frozen=True, slots=True)
class IdempotencyKey:
    """An idempotency key as it is kept: its owner's, with the hash of its report."""

    owner: str
    key: str
    hash: str

    def used(self, uow: UnitOfWork) -> Incident | None:
        """The incident the key created, if it was used with this report; raises
        IdempotencyKeyReusedError if it was used with another."""
        known = uow.incidents.incident_for_key(self.owner, self.key)
        if known is None:
            return None
        if known.request_hash is not None and known.request_hash != self.hash:
            raise IdempotencyKeyReusedError(self.key)
        return fold(uow.incidents.events(known.incident_id))


def fingerprint(intake: Intake) -> str:
    """A hash of a report as filed (canonical JSON): what tells a retry from a new report
    sent with the same key."""
    shown = asdict(intake) | {"occurred_at": intake.occurred_at.isoformat()}
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
