"""What the pages show, computed from an incident: values for the templates, each already
in the reader's language (texts) or marked with the language it is in (markup)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup, escape

from govops.incidents.model.incident import (
    DeadlineState,
    Event,
    EventKind,
    Incident,
    Report,
    regrade_of,
    regrade_reason,
)
from govops.incidents.web.shown import Reader
from govops.lawcode.texts.messages import msg


@dataclass(frozen=True, slots=True)
class DeadlineView:
    id: str
    title: Markup
    cite: Markup
    due: str
    provisional: bool
    state: str  # "met", "overdue" or "open"
    status: str  # 剩余 1小时 / 已超时 20分 / 已于 ... 完成


@dataclass(frozen=True, slots=True)
class EntryView:
    kind: str
    at: str
    actor: Markup
    title: Markup
    lines: list[Markup]


@dataclass(frozen=True, slots=True)
class RowView:
    id: str
    reported: str
    township: Markup
    place: Markup
    summary: Markup
    grade: str | None
    grade_label: Markup
    status: str
    closed: bool
    deadlines: list[DeadlineView]
    overdue: bool


def status_label(reader: Reader, status: str) -> str:
    if status == "closed":
        return reader.t.pgettext("incident status", "closed")
    return reader.t.pgettext("incident status", "open")


def deadline_view(deadline: DeadlineState, now: datetime, reader: Reader) -> DeadlineView:
    t = reader.t
    if deadline.late_by is not None:  # made, but after it was due: late, not met
        late = t.span(deadline.late_by)
        state, status = "late", t._("met at {at}, {span} late", at=deadline.met_at, span=late)
    elif deadline.met_at is not None:
        state, status = "met", t._("met at {at}", at=deadline.met_at)
    elif deadline.overdue(now):
        state, status = "overdue", t._("overdue by {span}", span=t.span(now - deadline.due))
    elif deadline.due == now:
        state, status = "open", t._("due now")
    else:
        state, status = "open", t._("{span} left", span=t.span(deadline.due - now))
    return DeadlineView(
        deadline.id,
        reader.tx(deadline.title),
        reader.document(deadline.cite),
        t.when(deadline.due),
        deadline.provisional,
        state,
        status,
    )


def row_view(incident: Incident, now: datetime, reader: Reader) -> RowView:
    deadlines = [deadline_view(d, now, reader) for d in incident.deadlines if d.met_at is None]
    closed = incident.status.value == "closed"
    return RowView(
        incident.id,
        reader.t.when(incident.reported_at),
        reader.quoted(incident.township),
        reader.quoted(incident.place),
        reader.quoted(incident.summary),
        incident.grade,
        reader.grade(incident.grade),
        status_label(reader, incident.status.value),
        closed,
        [] if closed else deadlines,
        not closed and bool(incident.overdue(now)),
    )


def timeline(incident: Incident, reader: Reader) -> list[EntryView]:
    """Everything that happened, oldest first: reports, regrades with their reasons,
    actions done, deadlines met, closure."""
    reports = {r.number: r for r in incident.reports}
    actions = {a.id: reader.tx(a.text) for a in incident.actions}
    deadlines = {d.id: reader.tx(d.title) for d in incident.deadlines}
    entries = []
    for event in incident.events:
        title, lines = _describe(event, reports, actions, deadlines, reader)
        at = reader.t.when(event.at)
        entries.append(EntryView(event.kind.value, at, reader.quoted(event.actor), title, lines))
    return entries


def _describe(
    event: Event,
    reports: dict[int, Report],
    actions: dict[str, Markup],
    deadlines: dict[str, Markup],
    reader: Reader,
) -> tuple[Markup, list[Markup]]:
    data, say = event.data, reader.say
    if event.kind is EventKind.REPORTED:
        title = say(msg("First report, graded {grade}", grade=reader.grade(data["grade"])))
        return title, _figures({}, data["inputs"], reader)
    if event.kind is EventKind.FOLLOW_UP:
        number = data["number"]
        before = reports[number - 1].inputs if number - 1 in reports else {}
        lines = _figures(before, data["inputs"], reader)
        if data.get("note"):
            lines.append(say(msg("Note: {note}", note=reader.quoted(data["note"]))))
        grade = reader.grade(data["grade"])
        return say(msg("Follow-up {n}, graded {grade}", n=number, grade=grade)), lines
    if event.kind is EventKind.REGRADED:
        was, now = reader.grade(data["before"]), reader.grade(data["after"])
        title = say(msg("Regraded {before} → {after}", before=was, after=now))
        change = regrade_of(event)
        told = regrade_reason(change, reader.quoted(change.note))
        reason = told if told is not None else reader.quoted(change.reason)
        return title, [say(msg("Reason: {reason}", reason=reason))]
    if event.kind is EventKind.ACTION_DONE:
        text = actions.get(data["action"], escape(data["action"]))
        return say(msg("Done: {text}", text=text)), []
    if event.kind is EventKind.DEADLINE_MET:
        text = deadlines.get(data["deadline"], escape(data["deadline"]))
        return say(msg("Deadline met: {text}", text=text)), []
    return escape(reader.t._("Closed")), []


def _figures(before: dict[str, Any], after: dict[str, Any], reader: Reader) -> list[Markup]:
    """The figures given, or for a follow-up those that changed: 参与人数: 约1200 → 6000."""
    changed = []
    for name, value in after.items():
        if name in before and before[name] == value:
            continue
        shown = reader.figure(value)
        if name in before:
            shown = Markup("{} → {}").format(reader.figure(before[name]), shown)
        changed.append(Markup("{}: {}").format(reader.input_label(name), shown))
    if not changed:
        return []
    return [reader.say(msg("Figures: {changes}", changes=Markup("; ").join(changed)))]
