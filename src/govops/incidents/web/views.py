"""What the pages show, computed from an incident: plain values for the templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from govops.incidents.model.incident import DeadlineState, Event, EventKind, Incident, Report
from govops.incidents.web.labels import span
from govops.incidents.web.locales import Locale


@dataclass(frozen=True, slots=True)
class DeadlineView:
    id: str
    title: str
    cite: str
    due: str
    provisional: bool
    state: str  # "met", "overdue" or "open"
    status: str  # 剩余 1小时 / 已超时 20分 / 已于 ... 完成


@dataclass(frozen=True, slots=True)
class ClauseView:
    id: str
    article: str
    text: str
    tests: list[str]


@dataclass(frozen=True, slots=True)
class WhyNotView:
    outcome: str
    label: str
    summary: str
    details: list[str]


@dataclass(frozen=True, slots=True)
class Explanation:
    grade: str | None
    label: str
    fired: list[ClauseView]
    why_not: list[WhyNotView]
    approximate: str  # empty unless the grade rests on approximate figures
    as_of: str


@dataclass(frozen=True, slots=True)
class EntryView:
    kind: str
    at: str
    actor: str
    title: str
    lines: list[str]


@dataclass(frozen=True, slots=True)
class RowView:
    id: str
    reported: str
    township: str
    place: str
    summary: str
    grade: str | None
    grade_label: str
    status: str
    closed: bool
    deadlines: list[DeadlineView]
    overdue: bool


def deadline_view(deadline: DeadlineState, now: datetime, loc: Locale) -> DeadlineView:
    if deadline.met_at is not None:
        state, status = "met", loc.t("deadlines.met", at=loc.when(deadline.met_at))
    elif deadline.overdue(now):
        state = "overdue"
        status = loc.t("deadlines.overdue", span=_span(loc, now - deadline.due))
    elif deadline.due == now:
        state, status = "open", loc.t("deadlines.due_now")
    else:
        state = "open"
        status = loc.t("deadlines.left", span=_span(loc, deadline.due - now))
    return DeadlineView(
        deadline.id,
        loc.tx(deadline.title),
        deadline.cite,
        loc.when(deadline.due),
        deadline.provisional,
        state,
        status,
    )


def _span(loc: Locale, delta: timedelta) -> str:
    return span(loc.language, delta)


def row_view(incident: Incident, now: datetime, loc: Locale) -> RowView:
    deadlines = [deadline_view(d, now, loc) for d in incident.deadlines if d.met_at is None]
    closed = incident.status.value == "closed"
    return RowView(
        incident.id,
        loc.when(incident.reported_at),
        incident.township,
        incident.place,
        incident.summary,
        incident.grade,
        loc.grade(incident.grade),
        loc.t(f"status.{incident.status.value}"),
        closed,
        [] if closed else deadlines,
        not closed and bool(incident.overdue(now)),
    )


def explain(decision: dict[str, Any], loc: Locale, document_id: str) -> Explanation:
    """The stored decision, read for people: each clause that fired, its article and the
    tests it passed; for each grade above, why not; and whether figures were estimates."""
    grade = decision.get("outcome")
    trace = {t["clause"]: t for t in decision.get("trace", [])}
    fired = []
    for clause_id, cite in zip(decision["fired"], decision["citations"], strict=True):
        step = trace.get(clause_id, {})
        tests = [_test_line(test, loc) for test in step.get("tests", []) if test.get("holds")]
        fired.append(
            ClauseView(clause_id, _article(cite, document_id), step.get("text", ""), tests)
        )
    why_not = [
        WhyNotView(
            outcome,
            loc.grade(outcome),
            reason["summary"],
            [_shortfall(f, loc) for f in reason.get("failing", []) if f.get("input")],
        )
        for outcome, reason in decision.get("why_not", {}).items()
    ]
    approximate = ", ".join(loc.input_label(name) for name in decision.get("approximate", []))
    return Explanation(
        grade if isinstance(grade, str) else None,
        loc.grade(grade if isinstance(grade, str) else None),
        fired,
        why_not,
        loc.t("grade.approximate", names=approximate) if approximate else "",
        loc.t("grade.as_of", day=decision["as_of"]) if "as_of" in decision else "",
    )


def _article(cite: str, document_id: str) -> str:
    """'cn-county-mass-incident-plan 4.2(1)' -> '4.2(1)'."""
    prefix = f"{document_id} "
    return cite[len(prefix) :] if cite.startswith(prefix) else cite


def _test_line(test: dict[str, Any], loc: Locale) -> str:
    name = test.get("input", "")
    shown = test.get("raw", test.get("value"))
    if isinstance(shown, bool):
        shown = loc.t("yes" if shown else "no")
    return f"{loc.input_label(name)} = {shown}  ({test.get('test', '')})"


def _shortfall(failing: dict[str, Any], loc: Locale) -> str:
    return loc.t(
        "grade.short_by",
        input=loc.input_label(failing["input"]),
        value=failing.get("value"),
        needs=failing.get("needs"),
    )


def timeline(incident: Incident, loc: Locale) -> list[EntryView]:
    """Everything that happened, oldest first: reports, regrades with their reasons,
    actions done, deadlines met, closure."""
    reports = {r.number: r for r in incident.reports}
    actions = {a.id: loc.tx(a.text) for a in incident.actions}
    deadlines = {d.id: loc.tx(d.title) for d in incident.deadlines}
    entries = []
    for event in incident.events:
        title, lines = _describe(event, reports, actions, deadlines, loc)
        entries.append(EntryView(event.kind.value, loc.when(event.at), event.actor, title, lines))
    return entries


def _describe(
    event: Event,
    reports: dict[int, Report],
    actions: dict[str, str],
    deadlines: dict[str, str],
    loc: Locale,
) -> tuple[str, list[str]]:
    data = event.data
    if event.kind is EventKind.REPORTED:
        return loc.t("timeline.reported", grade=loc.grade(data["grade"])), _figures(
            {}, data["inputs"], loc
        )
    if event.kind is EventKind.FOLLOW_UP:
        number = data["number"]
        before = reports[number - 1].inputs if number - 1 in reports else {}
        lines = _figures(before, data["inputs"], loc)
        if data.get("note"):
            lines.append(f"{loc.t('field.note')}: {data['note']}")
        return loc.t("timeline.follow_up", n=number, grade=loc.grade(data["grade"])), lines
    if event.kind is EventKind.REGRADED:
        title = loc.t(
            "timeline.regraded", before=loc.grade(data["before"]), after=loc.grade(data["after"])
        )
        return title, [f"{loc.t('timeline.reason')}: {data['reason']}"]
    if event.kind is EventKind.ACTION_DONE:
        text = actions.get(data["action"], data["action"])
        return loc.t("timeline.action_done", text=text), []
    if event.kind is EventKind.DEADLINE_MET:
        text = deadlines.get(data["deadline"], data["deadline"])
        return loc.t("timeline.deadline_met", text=text), []
    return loc.t("timeline.closed"), []


def _figures(before: dict[str, Any], after: dict[str, Any], loc: Locale) -> list[str]:
    """The figures given, or for a follow-up those that changed: 参与人数: 约1200 → 6000."""
    changed = []
    for name, value in after.items():
        if name in before and before[name] == value:
            continue
        shown = f"{before[name]} → {value}" if name in before else f"{value}"
        changed.append(f"{loc.input_label(name)}: {shown}")
    return [f"{loc.t('timeline.figures')}: " + "; ".join(changed)] if changed else []
