"""How the incident API answers the incident module's errors (RFC 9457 problems): a
field of a report that cannot be accepted 422, an unknown incident 404, a closed incident
or a concurrent change 409."""

from __future__ import annotations

from govops.incidents.model.intake import IncidentInputError
from govops.incidents.ports import ConcurrentUpdateError
from govops.incidents.service.incident import IncidentClosedError, IncidentNotFoundError
from govops.platform.api.problems import Answer

FIELD_ERRORS: tuple[type[Exception], ...] = (IncidentInputError,)


def _not_found(error: Exception) -> str:
    return f"no incident {error.args[0]!r}"


def _closed(error: Exception) -> str:
    return f"incident {error.args[0]!r} is closed; nothing more can be recorded on it"


ANSWERS: dict[type[Exception], Answer] = {
    IncidentNotFoundError: Answer(
        404, "incident-not-found", lambda e: f"no incident {e.args[0]!r}"
    ),
    IncidentClosedError: Answer(409, "incident-closed", _closed),
    ConcurrentUpdateError: Answer(409, "concurrent-update"),
}
