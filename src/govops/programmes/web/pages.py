"""The programme pages: the plans, one plan, its budget check. Read-only: the plans are
pack data, checked once when the router is built (the check is pure and the packs never
change while the server runs).

A plan is read holding `programme.read` at a unit running its pack (or above it): the
Thanh Hóa population office reads vn-thanhhoa-srb-2016, the Xicheng district office
cn-xicheng-em-14fyp. The list shows those plans only; another plan's pages answer as an
unknown plan's do (404), confirming nothing."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import Request
from fastapi.responses import Response

from govops.lawcode.plans.check import PlanCheck, check_plan
from govops.lawcode.plans.programme import Programme
from govops.lawcode.sources.pack import Pack
from govops.platform.api.auth import NotSignedInError, request_actor
from govops.platform.identity.actor import Actor
from govops.programmes.web.budget_page import budget_context
from govops.programmes.web.plan_page import plan_context
from govops.programmes.web.render import Visit, visit

STYLESHEET = "programme.css"
READ = "programme.read"


class ProgrammePages:
    def __init__(self, packs: Mapping[str, Pack], language: str) -> None:
        self.language = language  # the organisation's: for a reader who chose none
        self.packs = {pack_id: p for pack_id, p in packs.items() if p.programme is not None}
        self.checks: dict[str, PlanCheck] = {
            pack_id: check_plan(_programme(p)) for pack_id, p in self.packs.items()
        }
        self.documents = {p.document.id: p.document for p in self.packs.values()}

    def index(self, request: Request) -> Response:
        v, actor = visit(request, self.documents, self.language), _actor(request)
        packs = sorted((p for p in self.packs.values() if reads(actor, p.id)), key=lambda p: p.id)
        return v.render("programmes/list.html", f"{v.base}/programmes", {"packs": packs})

    def plan(self, request: Request, pack_id: str) -> Response:
        v = visit(request, self.documents, self.language)
        pack = self._readable(request, pack_id)
        if pack is None:
            return self._not_found(v, pack_id, f"{v.base}/programmes/{pack_id}")
        context = plan_context(_programme(pack)) | {"pack": pack, "current": "plan"}
        return v.render("programmes/plan.html", f"{v.base}/programmes/{pack_id}", context)

    def budget(self, request: Request, pack_id: str) -> Response:
        v = visit(request, self.documents, self.language)
        pack = self._readable(request, pack_id)
        url = f"{v.base}/programmes/{pack_id}/budget"
        if pack is None:
            return self._not_found(v, pack_id, url)
        context = budget_context(self.checks[pack_id])
        return v.render(
            "programmes/budget.html", url, context | {"pack": pack, "current": "budget"}
        )

    def _readable(self, request: Request, pack_id: str) -> Pack | None:
        """The plan, if there is one and the reader may read it."""
        pack = self.packs.get(pack_id)
        return pack if pack is not None and reads(_actor(request), pack_id) else None

    def _not_found(self, v: Visit, pack_id: str, url: str) -> Response:
        return v.render("programmes/error.html", url, {"pack_id": pack_id}, 404)


def reads(actor: Actor, pack_id: str) -> bool:
    """Whether the actor holds programme.read at a unit running the pack."""
    return any(actor.can(READ, unit) for unit in actor.tree.running(pack_id))


def _actor(request: Request) -> Actor:
    """The reader, whom the route's rule (programme.read) has admitted already."""
    found = request_actor(request)
    if found is None:  # only if a route were mounted without its rule
        raise NotSignedInError
    return found


def _programme(pack: Pack) -> Programme:
    if pack.programme is None:  # the constructor keeps only packs with a programme
        raise ValueError(f"the pack {pack.id} has no programme")  # i18n: not shown
    return pack.programme
