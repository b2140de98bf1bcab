"""The selection cases' pages: every case, one case's steps (done, and the one expected
next) without its dossier, and the dossier itself (every step with who did it, when, and
its figures) for the case's selection team and committee only, each reading put on record
(Art. 48(4)). Read-only: steps are recorded through the API and the commands.

Cases belong to the unit running cn-cadre-selection (`service.access`): a reader whose
grants do not reach it sees an empty list and is answered 404 for a case; a reader of the
dossier who holds the permission but is on neither the team nor the committee, 403."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import Response

from govops.cadres.model.selection import AccessDeniedError, Case, Event
from govops.cadres.model.selection_case import expected
from govops.cadres.model.selection_exceptional import stated
from govops.cadres.model.selection_gate import latest
from govops.cadres.model.steps import Step
from govops.cadres.service import access
from govops.cadres.service.selection import SelectionNotFoundError, SelectionService
from govops.cadres.web.registry_page import not_found, reading_unit
from govops.cadres.web.render import Visit, visit
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import msg
from govops.platform.api.auth import ForbiddenError, actor_of, permission
from govops.platform.identity.actor import Actor

CaseReader = Annotated[Actor, Depends(actor_of(permission(access.SELECTION_READ)))]
DossierReader = Annotated[Actor, Depends(actor_of(permission(access.DOSSIER_READ)))]


def next_step(case: Case) -> Step | None:
    """The step the case expects next; None once it has ended (closed, or probation ended)."""
    return expected(case)


def steps(case: Case) -> list[tuple[Step, str]]:
    """Each step of the procedure's main line with where the case stands: done, next or
    to come."""
    done, following = {e.step for e in case.events}, expected(case)
    return [
        (step, "done" if step in done else "next" if step is following else "later")
        for step in (Step(s.id) for s in case.order.main_line())
    ]


def outcomes(case: Case) -> list[Event]:
    """What the case recorded besides the procedure's steps: votes not carried, decisions
    postponed, consents to reconsider, its closing (30, 31); the superior consent is shown
    with the exceptional promotion."""
    line = {s.id for s in case.order.main_line()}
    return [
        e for e in case.events if e.step.value not in line and e.step is not Step.SUPERIOR_CONSENT
    ]


def departures(case: Case) -> list[tuple[Step, dict[str, Any]]]:
    """The steps recorded below an "as a rule" threshold, with the departure (13, 23)."""
    return [(e.step, e.data["departure"]) for e in case.events if "departure" in e.data]


class SelectionPages:
    def __init__(self, selections: SelectionService, pack: Pack, language: str) -> None:
        self.selections, self.pack, self.language = selections, pack, language

    def index(self, request: Request, actor: CaseReader) -> Response:
        v = self._visit(request, actor)  # outside the office's units, an empty list
        visible = access.visible_cases(self.selections, actor)
        cases = [(case, next_step(case)) for case in visible]
        return v.render("cadres/selections.html", f"{v.base}/selections", {"cases": cases})

    def case(self, request: Request, case_id: str, actor: CaseReader) -> Response:
        v = self._visit(request, actor)
        url = f"{v.base}/selections/{case_id}"
        try:
            case = access.visible_case(self.selections, case_id, actor)
        except SelectionNotFoundError as error:
            return not_found(v, url, error.message, "/selections")
        member = access.member_name(actor, case.team | case.committee) is not None
        values = {
            "case": case,
            "steps": steps(case),
            "next": next_step(case),
            "outcomes": outcomes(case),
            "eligibility": latest([e.data for e in case.events]) if member else None,
            "exceptional": stated(case),  # its reasons are public in the notice (34)
            "departures": departures(case) if member else [],
            "dossier_open": member and access.acting_unit(actor, access.DOSSIER_READ) is not None,
        }
        return v.render("cadres/selection.html", url, values)

    def dossier(self, request: Request, case_id: str, actor: DossierReader) -> Response:
        unit = reading_unit(actor, access.DOSSIER_READ)
        v = self._visit(request, actor)
        url = f"{v.base}/selections/{case_id}/dossier"
        try:
            case = self.selections.get(case_id)
        except SelectionNotFoundError as error:
            return not_found(v, url, error.message, "/selections")
        try:
            events = access.dossier_events(actor, case)
        except AccessDeniedError as error:
            raise ForbiddenError(error.message) from None
        log: access.ReadingLog | None = getattr(request.app.state, "reading_log", None)
        if log is None:  # a reading that cannot be put on record is not given
            raise ForbiddenError(msg("readings cannot be put on record on this server"))
        log.record_reading(actor, unit, case.id, access.DOSSIER_READING)
        return v.render("cadres/dossier.html", url, {"case": case, "events": events})

    def _visit(self, request: Request, actor: Actor) -> Visit:
        return visit(request, actor, self.language, self.pack.timezone, self.pack.language)
