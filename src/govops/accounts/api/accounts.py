"""Routes of /api/v1/me and /api/v1/units."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from govops.platform.api.auth import actor_of, permission, signed_in
from govops.platform.api.paging import Page
from govops.platform.api.problems import PROBLEM_RESPONSES
from govops.platform.identity.actor import Actor
from govops.platform.identity.units import UnitTree

Me = Annotated[Actor, Depends(actor_of(signed_in))]
UnitReader = Annotated[Actor, Depends(actor_of(permission("units.read")))]


class GrantOut(BaseModel):
    role: str
    unit: str


class MeOut(BaseModel):
    username: str
    display_name: str
    via: str
    grants: list[GrantOut]
    permissions: list[str]


class UnitOut(BaseModel):
    code: str
    parent: str | None
    kind: str
    names: dict[str, str]
    packs: list[str]


def path(tree: UnitTree, code: str) -> str:
    """The codes from the root down to the unit's, as one sort key: each unit after its
    parent, its siblings by code (NUL, below every character, between the codes)."""
    return "\0".join(reversed(tree.ancestors(code)))


def accounts_router() -> APIRouter:
    router = APIRouter(tags=["accounts"])

    @router.get("/me", summary="Who the request comes from, with their roles at units")
    def me(actor: Me) -> MeOut:
        held = {
            p for g in actor.grants for p in actor.permissions_at(g.unit) if g.unit in actor.tree
        }
        return MeOut(
            username=actor.username,
            display_name=actor.display_name,
            via=actor.via,
            grants=[GrantOut(role=g.role, unit=g.unit) for g in actor.grants],
            permissions=sorted(held),
        )

    @router.get(
        "/units",
        summary="The units the caller may read, each under its parent",
        responses={422: PROBLEM_RESPONSES[422]},  # a bad limit or cursor
    )
    def units(actor: UnitReader, page: Page) -> list[UnitOut]:
        scope = actor.scope("units.read")
        tree = actor.tree
        shown = page.page([u for u in tree if u.code in scope], lambda u: (path(tree, u.code),))
        return [
            UnitOut(
                code=u.code, parent=u.parent, kind=u.kind, names=dict(u.names), packs=list(u.packs)
            )
            for u in shown
        ]

    return router
