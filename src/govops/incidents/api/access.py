"""The incident routes' access checks, as the API answers them (the rules themselves are
`service.access`): an incident the actor may not see is answered exactly as an unknown one
(404, nothing about it confirmed); one they see but may not change at its unit, 403."""

from __future__ import annotations

from govops.incidents.model.incident import Incident
from govops.incidents.service import access
from govops.incidents.service.incident import IncidentNotFoundError
from govops.lawcode.texts.messages import Quote, msg
from govops.platform.api.auth import ForbiddenError
from govops.platform.identity.actor import Actor


def readable(actor: Actor, incident: Incident, pack_id: str) -> Incident:
    """The incident, if the actor may see it; else the answer to an unknown incident."""
    if not access.sees(actor, incident, pack_id):
        raise IncidentNotFoundError(incident.id)
    return incident


def acting_on(actor: Actor, incident: Incident, code: str, pack_id: str) -> str:
    """The unit the actor acts in to do `code` on a visible incident (404 if not visible,
    403 if visible but `code` is not theirs at its unit)."""
    readable(actor, incident, pack_id)
    unit = access.incident_unit(actor.tree, incident.township, pack_id)
    acting = access.acting_unit(actor, code, unit)
    if acting is None:
        raise ForbiddenError(
            msg("you do not hold the permission {permission} for this incident", permission=code)
        )
    return acting


def reporting_unit(actor: Actor, township: str, pack_id: str) -> str:
    """The unit the actor reports from for an incident in `township`: 403, naming the
    township, when it lies outside their units (the report is not filed)."""
    unit = access.incident_unit(actor.tree, township, pack_id)
    acting = access.acting_unit(actor, access.REPORT, unit)
    if acting is None:
        raise ForbiddenError(
            msg("you may not report incidents in {township}", township=Quote(township.strip()))
        )
    return acting
