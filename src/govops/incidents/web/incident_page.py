"""Everything the incident page shows, read from the incident and the pack."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup, escape

from govops.incidents.model.incident import ActionState, Incident, Stage
from govops.incidents.web.explanation import explain
from govops.incidents.web.forms import CLOSE_FIELDS, FIGURE_KINDS, is_set
from govops.incidents.web.shown import Reader
from govops.incidents.web.views import deadline_view, status_label, timeline
from govops.lawcode.rules.inputs import InputKind
from govops.lawcode.texts.messages import msg


@dataclass(frozen=True, slots=True)
class ActionView:
    id: str
    text: Markup
    actor: Markup
    cite: Markup
    done: bool
    status: Markup


@dataclass(frozen=True, slots=True)
class FieldView:
    name: str
    label: Markup
    unit: str
    current: str  # the latest report's figure, or "" if none was given
    ticked: bool  # flags: asserted in the latest report
    hint: Markup  # the latest report's figure, said: "now 约1200"


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int


def stage_label(reader: Reader, stage: Stage) -> str:
    if stage is Stage.WARNING:
        return reader.t._("warning-stage information")
    return reader.t._("incident under way")


def close_labels(reader: Reader) -> dict[str, str]:
    """The fields of the after-action record (6.1.5), labelled."""
    t = reader.t
    return {
        "loss_assessment": t._("Loss assessment"),
        "causes": t._("Causes and responsibility"),
        "lessons": t._("Lessons learned"),
        "rectification": t._("Rectification"),
    }


def incident_context(incident: Incident, now: datetime, reader: Reader) -> dict[str, Any]:
    pack, t = reader.pack, reader.t
    latest = incident.reports[-1]
    causes = {e.code: reader.tx(e.label) for e in pack.vocabularies.get("cause", ())}
    actions = [_action(a, reader) for a in incident.actions]
    closure = incident.closure or {}
    labels = close_labels(reader)
    same_language = reader.records_language == t.language
    return {
        "incident": incident,
        # the browser's title: the summary when it is in the page's language
        "page_title": incident.summary
        if same_language
        else t._("Incident reported {when}", when=incident.reported_at),
        "summary": reader.quoted(incident.summary),
        "township": reader.quoted(incident.township),
        "place": reader.quoted(incident.place),
        "closed": incident.status.value == "closed",
        "status_label": status_label(reader, incident.status.value),
        "stage": stage_label(reader, incident.stage),
        "causes": [causes.get(c, escape(c)) for c in incident.causes],
        "explanation": explain(latest.decision, reader),
        "departments": [
            (
                reader.tx({"zh-Hans": d["name"], "en": d.get("name_en", "")}),
                reader.document(d["cite"]),
            )
            for d in incident.departments
        ],
        "deadlines": [deadline_view(d, now, reader) for d in incident.deadlines],
        "actions": actions,
        "progress": Progress(sum(a.done for a in actions), len(actions)),
        "timeline": timeline(incident, reader),
        "fields": fields(latest.inputs, reader),
        "close_labels": labels,
        "closure": [(labels[name], reader.quoted(closure.get(name, ""))) for name in CLOSE_FIELDS]
        if closure
        else [],
    }


def _action(action: ActionState, reader: Reader) -> ActionView:
    done = action.done_at is not None
    status = (
        reader.say(
            msg("done by {by} at {at}", by=reader.quoted(action.done_by or ""), at=action.done_at)
        )
        if done
        else Markup()
    )
    return ActionView(
        action.id,
        reader.tx(action.text),
        reader.tx(action.actor) if action.actor else Markup(),  # the plan may name no one
        reader.document(action.cite),
        done,
        status,
    )


def fields(current: dict[str, Any], reader: Reader) -> dict[str, list[FieldView]]:
    """The grading inputs as form fields: figures first, then the flags a person asserts."""
    figures, flags = [], []
    for name, spec in reader.grades.inputs.items():
        label = reader.input_label(name)
        value = current.get(name)
        if spec.kind in FIGURE_KINDS:
            shown = "" if value is None else str(value)
            hint = reader.say(msg("now {value}", value=reader.figure(value))) if shown else Markup()
            figures.append(FieldView(name, label, reader.unit(spec.unit), shown, False, hint))
        elif spec.kind is InputKind.FLAG:
            flags.append(FieldView(name, label, "", "", is_set(value), Markup()))
    return {"figures": figures, "flags": flags}
