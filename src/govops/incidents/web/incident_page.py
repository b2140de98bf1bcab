"""Everything the incident page shows, read from the incident and the pack."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from govops.incidents.model.incident import ActionState, Incident
from govops.incidents.web.forms import CLOSE_FIELDS, FIGURE_KINDS, is_set
from govops.incidents.web.locales import Locale
from govops.incidents.web.views import deadline_view, explain, timeline
from govops.lawcode.rules.inputs import InputKind
from govops.lawcode.sources.pack import Pack


@dataclass(frozen=True, slots=True)
class ActionView:
    id: str
    text: str
    actor: str
    cite: str
    done: bool
    status: str


@dataclass(frozen=True, slots=True)
class FieldView:
    name: str
    label: str
    unit: str
    current: str  # the latest report's figure, or "" if none was given
    ticked: bool  # flags: asserted in the latest report


def incident_context(incident: Incident, pack: Pack, now: datetime, loc: Locale) -> dict[str, Any]:
    latest = incident.reports[-1]
    causes = {e.code: loc.tx(e.label) for e in pack.vocabularies.get("cause", ())}
    actions = [_action(a, loc) for a in incident.actions]
    done = sum(a.done for a in actions)
    closure = incident.closure or {}
    return {
        "incident": incident,
        "closed": incident.status.value == "closed",
        "status_label": loc.t(f"status.{incident.status.value}"),
        "stage": loc.t(f"stage.{incident.stage.value}"),
        "causes": [causes.get(c, c) for c in incident.causes],
        "explanation": explain(latest.decision, loc, pack.document.id),
        "departments": [
            (d.get("name_en") or d["name"] if loc.language == "en" else d["name"], d["cite"])
            for d in incident.departments
        ],
        "deadlines": [deadline_view(d, now, loc) for d in incident.deadlines],
        "actions": actions,
        "progress": loc.t("checklist.progress", done=done, total=len(actions)),
        "timeline": timeline(incident, loc),
        "fields": fields(latest.inputs, pack, loc),
        "closure": [(loc.t(f"close.{name}"), closure.get(name, "")) for name in CLOSE_FIELDS]
        if closure
        else [],
    }


def _action(action: ActionState, loc: Locale) -> ActionView:
    done = action.done_at is not None
    status = (
        loc.t("checklist.done", by=action.done_by or "", at=loc.when(action.done_at))
        if done
        else ""
    )
    return ActionView(
        action.id, loc.tx(action.text), loc.tx(action.actor), action.cite, done, status
    )


def fields(current: dict[str, Any], pack: Pack, loc: Locale) -> dict[str, list[FieldView]]:
    """The grading inputs as form fields: figures first, then the flags a person asserts."""
    figures, flags = [], []
    for name, spec in pack.table("grade").inputs.items():
        label = loc.input_label(name)
        value = current.get(name)
        if spec.kind in FIGURE_KINDS:
            shown = "" if value is None else str(value)
            figures.append(FieldView(name, label, spec.unit or "", shown, False))
        elif spec.kind is InputKind.FLAG:
            flags.append(FieldView(name, label, "", "", is_set(value)))
    return {"figures": figures, "flags": flags}
