"""The pages and the forms they post. Every write is a form POST answered by a redirect
(303) to the page that shows the result; a refused form is shown again with its messages."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from govops.incidents.model.incident import Incident, Stage
from govops.incidents.model.intake import IncidentInputError
from govops.incidents.ports import ConcurrentUpdateError
from govops.incidents.service import access
from govops.incidents.service.idempotency import IdempotencyKeyReusedError
from govops.incidents.service.incident import (
    IncidentClosedError,
    IncidentNotFoundError,
    IncidentService,
)
from govops.incidents.web import forms
from govops.incidents.web.incident_page import fields, incident_context, stage_label
from govops.incidents.web.render import Visit, page, redirect, visit
from govops.incidents.web.views import row_view, status_label
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, Quote, msg
from govops.platform.web.stylesheets import COMMON_STYLESHEET, PLATFORM_WEB, Stylesheets

STYLESHEET = "style.css"  # what only the incident pages need, after common.css
GRADES = ("I", "II", "III")
STATUSES = ("open", "closed")
CLOSED = msg("This incident is closed and cannot change.")
KEY_REUSED = msg("This form was filed already, with other contents: check the list of incidents.")
FOLLOW_UP_KEY_REUSED = msg("This form was filed already, with other contents: check the timeline.")


Write = Callable[[], Incident]  # the change to make, once the form is accepted
Plan = Callable[[Visit, Incident, "forms.Fields", str], Write]  # the last: who, user@unit


# The form of the incident page each kind of change comes from (its errors shown there).
_FORMS = {access.REPORT: "follow_up", access.CLOSE: "close"}


class _RefusedError(Exception):
    def __init__(self, errors: forms.Errors) -> None:
        super().__init__(errors)
        self.errors = errors


async def _fields(request: Request) -> forms.Fields:
    form = await request.form()
    return {k: [v for v in form.getlist(k) if isinstance(v, str)] for k in form}


class WebPages:
    def __init__(
        self, service: IncidentService, pack: Pack, clock: Callable[[], datetime], language: str
    ) -> None:
        self.language = language  # the organisation's: for a reader who chose none
        self.service = service
        self.pack = pack
        self.clock = clock
        self.grades = pack.table("grade")
        self.causes = {e.code for e in pack.vocabularies.get("cause", ())}
        self.stylesheets = Stylesheets(
            {STYLESHEET: "govops.incidents.web", COMMON_STYLESHEET: PLATFORM_WEB}
        )

    async def incidents(self, request: Request) -> Response:
        v = visit(request, self.pack, self.language)
        query = request.query_params
        grade = query.get("grade") if query.get("grade") in GRADES else None
        status = query.get("status") if query.get("status") in STATUSES else None
        overdue = True if query.get("overdue") else None
        every = await run_in_threadpool(self.service.search, grade, status, overdue)
        found = access.visible(v.actor, every, self.pack.id)
        now = self.clock()
        rows = [row_view(i, now, v.reader) for i in found]
        filters = {"grade": grade or "", "status": status or "", "overdue": bool(overdue)}
        statuses = {s: status_label(v.reader, s) for s in STATUSES}
        return page(
            v,
            "incidents/list.html",
            str(request.url),
            rows=rows,
            filters=filters,
            grades=GRADES,
            statuses=statuses,
        )

    def new(self, request: Request) -> Response:
        v = visit(request, self.pack, self.language)
        now = self.clock().astimezone(ZoneInfo(self.pack.timezone))
        values = {"occurred_at": [now.strftime("%Y-%m-%dT%H:%M")]}
        return self._intake_page(v, values, {})

    async def create(self, request: Request) -> Response:
        v = visit(request, self.pack, self.language)
        fields = await _fields(request)
        result = forms.read_intake(
            fields, self.pack.timezone, self.grades, self.causes, self.clock()
        )
        if result.intake is None:
            return self._intake_page(v, fields, result.errors, 422)
        unit = access.incident_unit(v.actor.tree, result.intake.township, self.pack.id)
        acting = access.acting_unit(v.actor, access.REPORT, unit)
        if acting is None:  # a township outside the user's units: not filed
            township = result.intake.township.strip()
            refused = msg("you may not report incidents in {township}", township=Quote(township))
            return self._intake_page(v, fields, {"township": refused}, 403)
        key = forms.first(fields, "key") or None
        signed, owner = v.actor.signature(acting), v.actor.username
        try:
            incident = await run_in_threadpool(
                self.service.report, result.intake, signed, key, owner
            )
        except IncidentInputError as error:
            return self._intake_page(v, fields, forms.service_error(error, self.grades), 422)
        except IdempotencyKeyReusedError:
            fresh = {k: values for k, values in fields.items() if k != "key"}  # a new key
            return self._intake_page(v, fresh, {}, 422, KEY_REUSED)
        return redirect(v, f"{v.base}/incidents/{incident.id}")

    def _intake_page(
        self,
        v: Visit,
        values: forms.Fields,
        errors: forms.Errors,
        status: int = 200,
        message: Message | str = "",
    ) -> Response:
        values = dict(values)
        values.setdefault("key", [uuid.uuid4().hex])
        return page(
            v,
            "incidents/new.html",
            f"{v.base}/incidents/new",
            status,
            values=values,
            errors=errors,
            stages={s.value: stage_label(v.reader, s) for s in Stage},
            causes=self.pack.vocabularies.get("cause", ()),
            fields=fields({}, v.reader),
            timezone=self.pack.timezone,
            message=message,
        )

    async def show(self, request: Request, incident_id: str) -> Response:
        v = visit(request, self.pack, self.language)
        try:
            incident = await run_in_threadpool(self.service.get, incident_id)
        except IncidentNotFoundError:
            return self._not_found(v)
        if not access.sees(v.actor, incident, self.pack.id):
            return self._not_found(v)  # as an unknown incident: nothing of it confirmed
        return self._incident_page(v, incident)

    def _incident_page(
        self,
        v: Visit,
        incident: Incident,
        status: int = 200,
        form: str = "",
        errors: forms.Errors | None = None,
        values: forms.Fields | None = None,
        message: Message | str = "",
    ) -> Response:
        context = incident_context(incident, self.clock(), v.reader)
        unit = access.incident_unit(v.actor.tree, incident.township, self.pack.id)
        codes = {"report": access.REPORT, "act": access.ACT, "close": access.CLOSE}
        may = {k: access.acting_unit(v.actor, c, unit) is not None for k, c in codes.items()}
        return page(
            v,
            "incidents/incident.html",
            f"{v.base}/incidents/{incident.id}",
            status,
            form=form,
            errors=errors or {},
            values=values or {},
            message=message,
            may=may,  # the forms shown: what the reader may do at the incident's unit
            # the follow-up form's key: kept when the form comes back, else a new one
            form_key=forms.first(values or {}, "key") or uuid.uuid4().hex,
            **context,
        )

    def _not_found(self, v: Visit) -> Response:
        url = f"{v.base}/incidents"
        return page(v, "incidents/error.html", url, 404, message=msg("No such incident."))

    async def action_done(self, request: Request, incident_id: str, action_id: str) -> Response:
        def plan(v: Visit, incident: Incident, fields: forms.Fields, signed: str) -> Write:
            return lambda: self.service.action_done(incident.id, action_id, signed)

        return await self._write(request, incident_id, access.ACT, "checklist", plan)

    async def deadline_met(self, request: Request, incident_id: str, deadline_id: str) -> Response:
        def plan(v: Visit, incident: Incident, fields: forms.Fields, signed: str) -> Write:
            return lambda: self.service.deadline_met(incident.id, deadline_id, signed)

        return await self._write(request, incident_id, access.ACT, "deadlines", plan)

    async def follow_up(self, request: Request, incident_id: str) -> Response:
        def plan(v: Visit, incident: Incident, fields: forms.Fields, signed: str) -> Write:
            current = incident.reports[-1].inputs
            result = forms.read_follow_up(fields, self.grades, current)
            if result.errors:
                raise _RefusedError(result.errors)
            stage = Stage.INCIDENT if result.becomes_incident else None
            key = forms.first(fields, "key") or None  # sent twice: filed once
            return lambda: self.service.follow_up(
                incident.id, result.inputs, result.note, signed, stage, key, v.actor.username
            )

        return await self._write(request, incident_id, access.REPORT, "timeline", plan)

    async def close(self, request: Request, incident_id: str) -> Response:
        def plan(v: Visit, incident: Incident, fields: forms.Fields, signed: str) -> Write:
            errors: forms.Errors = {}
            record = forms.read_after_action(fields, errors)
            if record is None:
                raise _RefusedError(errors)
            return lambda: self.service.close(incident.id, record, signed)

        return await self._write(request, incident_id, access.CLOSE, "closure", plan)

    async def _write(
        self, request: Request, incident_id: str, code: str, anchor: str, plan: Plan
    ) -> Response:
        """Check the reader may (`code` at the incident's unit), then the form, then make
        the change; the page comes back with the messages (422), or the reason it cannot
        change (403, 409), or a redirect to the result. Not visible: not found (404)."""
        v = visit(request, self.pack, self.language)
        fields = await _fields(request)
        try:
            incident = await run_in_threadpool(self.service.get, incident_id)
        except IncidentNotFoundError:
            return self._not_found(v)
        if not access.sees(v.actor, incident, self.pack.id):
            return self._not_found(v)
        unit = access.incident_unit(v.actor.tree, incident.township, self.pack.id)
        acting = access.acting_unit(v.actor, code, unit)
        if acting is None:
            refused = msg(
                "you do not hold the permission {permission} for this incident", permission=code
            )
            return self._incident_page(v, incident, 403, message=refused)
        if incident.status.value == "closed":
            return self._incident_page(v, incident, 409, message=CLOSED)
        form = _FORMS.get(code, "")
        try:
            write = plan(v, incident, fields, v.actor.signature(acting))
        except _RefusedError as refused_form:
            return self._refused(v, incident, form, refused_form.errors, fields)
        failed = await self._make(v, incident, form, fields, write)
        return failed or redirect(v, f"{v.base}/incidents/{incident_id}#{anchor}")

    async def _make(
        self, v: Visit, incident: Incident, form: str, fields: forms.Fields, write: Write
    ) -> Response | None:
        """Make the change; None once made, else the page saying why it was not."""
        try:
            await run_in_threadpool(write)
        except IncidentClosedError:
            return self._incident_page(v, incident, 409, message=CLOSED)
        except ConcurrentUpdateError:
            busy = msg("Others are changing this incident; try again.")
            return self._incident_page(v, incident, 409, message=busy)
        except IdempotencyKeyReusedError:
            fresh = {k: values for k, values in fields.items() if k != "key"}  # a new key
            return self._incident_page(v, incident, 422, form, {}, fresh, FOLLOW_UP_KEY_REUSED)
        except IncidentInputError as error:
            if error.field in ("action", "deadline"):  # the item in the address is unknown
                no_item = msg("This incident has no such item.")
                return self._incident_page(v, incident, 404, message=no_item)
            refused = forms.service_error(error, self.grades)
            return self._refused(v, incident, form, refused, fields)
        return None

    def _refused(
        self,
        v: Visit,
        incident: Incident,
        form: str,
        errors: forms.Errors,
        fields: forms.Fields,
    ) -> Response:
        message = msg("Not saved: please correct the fields marked.")
        return self._incident_page(v, incident, 422, form, errors, fields, message)

    def static_file(self, name: str) -> Response:
        return self.stylesheets.response(name)
