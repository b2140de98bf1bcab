"""How the incident API answers the incident module's errors (RFC 9457 problems): a
field of a report that cannot be accepted, or an idempotency key already used for another
report, 422; an unknown incident (or one the actor may not see) 404; a closed incident or
a concurrent change 409. The details are messages, said in the request's language."""

from __future__ import annotations

from govops.incidents.model.intake import IncidentInputError
from govops.incidents.ports import ConcurrentUpdateError
from govops.incidents.service.idempotency import IdempotencyKeyReusedError
from govops.incidents.service.incident import IncidentClosedError, IncidentNotFoundError
from govops.lawcode.texts.messages import Message, msg
from govops.platform.api.problems import Answer

FIELD_ERRORS: tuple[type[Exception], ...] = (IncidentInputError,)


def _not_found(error: Exception) -> Message:
    return msg("no incident {incident}", incident=repr(error.args[0]))


def _closed(error: Exception) -> Message:
    return msg(
        "incident {incident} is closed; nothing more can be recorded on it",
        incident=repr(error.args[0]),
    )


def _busy(error: Exception) -> Message:
    return msg("others are changing this incident at the same time; try again")


def _key_reused(error: Exception) -> Message:
    return msg(
        "the Idempotency-Key {key} was used for another report; send a new key with a new report",
        key=repr(error.args[0]),
    )


ANSWERS: dict[type[Exception], Answer] = {
    IncidentNotFoundError: Answer(404, "incident-not-found", _not_found),
    IncidentClosedError: Answer(409, "incident-closed", _closed),
    ConcurrentUpdateError: Answer(409, "concurrent-update", _busy),
    # 422, as the IETF draft on the Idempotency-Key header answers a key reused with
    # another body (409 is for a request still in progress with the key)
    IdempotencyKeyReusedError: Answer(422, "idempotency-key-reused", _key_reused),
}
