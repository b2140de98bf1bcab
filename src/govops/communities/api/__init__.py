"""The community module's API routes: /api/v1/communities (the registry of each community,
the import of its members, the composition checks of its organisations, the alerts)."""

from __future__ import annotations

from fastapi import APIRouter

from govops.communities.api.alerts import alert_routes
from govops.communities.api.composition import composition_routes
from govops.communities.api.elections import election_router
from govops.communities.api.registry import community_router, registry_routes


def communities_router() -> APIRouter:
    """The routes of /communities, the street's composition declared before the routes
    of one community (/communities/composition is no community's code)."""
    router = community_router()
    composition_routes(router)
    alert_routes(router)
    registry_routes(router)
    router.include_router(election_router())
    return router
