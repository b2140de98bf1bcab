"""Who may see and touch an incident, in one place for the API and the pages.

An incident belongs to the unit of its township: the unit below the one running the
incident pack (the county) whose name, in some language, is the township the report
gives; a township the tree does not know leaves the incident at the county itself. The
unit is found when the incident is read, from the township recorded, so incidents filed
before units existed need no migration. An actor sees an incident holding `incident.read`
at its unit, or `incident.read_routed` at one of the departments it is routed to (a
department's unit code is the pack's department code)."""

from __future__ import annotations

from collections.abc import Iterable

from govops.incidents.model.incident import Incident
from govops.platform.identity.actor import Actor
from govops.platform.identity.units import UnitTree

READ = "incident.read"
READ_ROUTED = "incident.read_routed"
REPORT = "incident.report"
ACT = "incident.act"
CLOSE = "incident.close"


def home_unit(tree: UnitTree, pack_id: str) -> str | None:
    """The unit running the incident pack (the topmost one), if any."""
    running = tree.running(pack_id)
    return running[0] if running else None


def incident_unit(tree: UnitTree, township: str, pack_id: str) -> str | None:
    """The unit an incident in `township` belongs to (None: no unit runs the pack and no
    unit has that name)."""
    home = home_unit(tree, pack_id)
    return tree.named(township, under=home) or home


def acting_unit(actor: Actor, code: str, unit: str | None) -> str | None:
    """Where the actor acts to do `code` at `unit`; None when they may not. A record with
    no unit is reached only from the one root of a single-rooted tree (as `at_unit`)."""
    roots = actor.tree.roots()
    place = unit if unit is not None else (roots[0] if len(roots) == 1 else None)
    return actor.acting_unit(code, place) if place is not None else None


def sees(actor: Actor, incident: Incident, pack_id: str) -> bool:
    """Whether the actor may read the incident (see the module's docstring)."""
    unit = incident_unit(actor.tree, incident.township, pack_id)
    if acting_unit(actor, READ, unit) is not None:
        return True
    routed = {d.get("code", "") for d in incident.departments}
    return any(actor.can(READ_ROUTED, code) for code in routed if code)


def visible(actor: Actor, incidents: Iterable[Incident], pack_id: str) -> list[Incident]:
    """The incidents the actor may read, in the order given."""
    return [incident for incident in incidents if sees(actor, incident, pack_id)]
