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


def repeated_follow_up(incident: Incident, owner: str, key: str, hash_: str) -> bool:
    """Whether the incident has a follow-up the owner sent with `key` and the same content
    (a retry: nothing more to file); IdempotencyKeyReusedError if they sent it with other
    content. A key is the owner's, within the incident."""
    for report in incident.reports:
        sent = report.sent_with
        if sent is not None and (sent["owner"], sent["key"]) == (owner, key):
            if sent["hash"] != hash_:
                raise IdempotencyKeyReusedError(key)
            return True
    return False


def follow_up_fingerprint(inputs: dict[str, object], note: str, stage: str | None) -> str:
    """A hash of a follow-up as sent (canonical JSON)."""
    shown = {"inputs": inputs, "note": note, "stage": stage}
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(intake: Intake) -> str:
    """A hash of a report as filed (canonical JSON): what tells a retry from a new report
    sent with the same key."""
    shown = asdict(intake) | {"occurred_at": intake.occurred_at.isoformat()}
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
