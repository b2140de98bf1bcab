"""What the pages show, computed from an incident: values for the templates, each already
in the reader's language (texts) or marked with the language it is in (markup)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from markupsafe import Markup, escape

from govops.incidents.model.incident import DeadlineState, Event, EventKind, Incident, Report
from govops.incidents.web.shown import Reader, joined
from govops.lawcode.texts.messages import msg

_NEGATION = {">=": "<", ">": "<=", "<=": ">", "<": ">="}
_RANGE_NEEDS = re.compile(r"^(>=|>|<=|<) (\S+)$")
_FLAG_TEST = re.compile(r"^(\S+) is (true|false)$")
_MEMBER_TEST = re.compile(r"^(\S+) in (\S+)$")
_OPPOSITE = "the opposite of: "  # i18n: not shown (the core trace's wording, read here)


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
class ClauseView:
    id: str
    article: Markup
    text: Markup
    tests: list[Markup]


@dataclass(frozen=True, slots=True)
class WhyNotView:
    outcome: str
    heading: Markup  # why not this grade
    summary: Markup  # what it lacks, and the articles
    details: list[Markup]


@dataclass(frozen=True, slots=True)
class Explanation:
    grade: str | None
    label: Markup
    heading: Markup
    fired: list[ClauseView]
    why_not: list[WhyNotView]
    approximate: Markup  # empty unless the grade rests on approximate figures
    as_of: str


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


def explain(decision: dict[str, Any], reader: Reader) -> Explanation:
    """The stored decision, read for people: each clause that fired, its article and the
    tests it passed; for each grade above, why not; and whether figures were estimates."""
    t = reader.t
    outcome = decision.get("outcome")
    grade = outcome if isinstance(outcome, str) else None
    trace = {step["clause"]: step for step in decision.get("trace", [])}
    fired = []
    for clause_id, cite in zip(decision["fired"], decision["citations"], strict=True):
        step = trace.get(clause_id, {})
        tests = [_test_line(test, reader) for test in step.get("tests", []) if test.get("holds")]
        article = reader.document(_article(cite, reader.pack.document.id))
        fired.append(ClauseView(clause_id, article, reader.document(step.get("text", "")), tests))
    why_not = [
        _why_not(outcome_value, reason, reader)
        for outcome_value, reason in decision.get("why_not", {}).items()
    ]
    names = [reader.input_label(name) for name in decision.get("approximate", [])]
    approximate = (
        reader.say(msg("Graded on approximate figures: {names}", names=joined(t, names)))
        if names
        else Markup()
    )
    as_of = decision.get("as_of")
    label = reader.grade(grade)
    return Explanation(
        grade,
        label,
        reader.say(msg("Grade: {grade}", grade=label)),
        fired,
        why_not,
        approximate,
        t._("rules in force on {day}", day=date.fromisoformat(as_of)) if as_of else "",
    )


def _article(cite: str, document_id: str) -> str:
    """'cn-county-mass-incident-plan 4.2(1)' -> '4.2(1)'."""
    prefix = f"{document_id} "
    return cite[len(prefix) :] if cite.startswith(prefix) else cite


def _test_line(test: dict[str, Any], reader: Reader) -> Markup:
    """'参与人数 = 约1200 (participants in [1000, 5000))': the test itself is the rule's
    notation, shown as code."""
    shown = test.get("raw", test.get("value"))
    return Markup("{} = {} <code>({})</code>").format(
        reader.input_label(test.get("input", "")), reader.figure(shown), test.get("test", "")
    )


def _number(value: object) -> object:
    """A figure from the stored decision as a number when it is one (for its format)."""
    if isinstance(value, str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return value
        return int(number) if number == number.to_integral_value() else number
    return value


def _why_not(outcome: str, reason: dict[str, Any], reader: Reader) -> WhyNotView:
    gaps, details = [], []
    for failing in reason.get("failing", []):
        gap, detail = _shortfall(failing, reader)
        gaps.append(gap)
        if detail is not None:
            details.append(detail)
    articles = [_article(c, reader.pack.document.id) for c in reason.get("cite", [])]
    summary = Markup("; ").join(gaps)
    if articles:
        cited = Markup(", ").join(reader.document(a) for a in articles)
        summary = Markup("{} ({})").format(summary, cited)
    heading = reader.say(msg("Why not {grade}", grade=reader.grade(outcome)))
    return WhyNotView(outcome, heading, summary, details)


def _shortfall(failing: dict[str, Any], reader: Reader) -> tuple[Markup, Markup | None]:
    """What one failing test lacks: briefly, and for a bound in words."""
    name, needs = str(failing.get("input") or ""), str(failing.get("needs", ""))
    label = reader.input_label(name)
    bound = _RANGE_NEEDS.match(needs)
    if name and bound:
        operator, limit = bound.groups()
        value = reader.figure(_number(failing.get("value")))
        shown = reader.figure(_number(limit))
        brief = Markup("{} {} {} {}").format(label, value, _NEGATION[operator], shown)
        needed = Markup("{} {}").format(operator, shown)
        detail = reader.say(
            msg("{input}: {value}, needs {needs}", input=label, value=value, needs=needed)
        )
        return brief, detail
    flag = _FLAG_TEST.match(needs)
    if name and flag:
        if flag.group(2) == "true":
            return reader.say(msg("{input}: not asserted", input=label)), None
        return reader.say(msg("{input}: asserted", input=label)), None
    member = _MEMBER_TEST.match(needs)
    if name and member:
        code = Markup("<code>{}</code>").format(member.group(1))
        return reader.say(msg("{input}: {code} is not among them", input=label, code=code)), None
    tests = needs.removeprefix(_OPPOSITE)
    code = Markup("<code>{}</code>").format(tests)
    return reader.say(msg("the opposite of: {tests}", tests=code)), None


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
        return title, [say(msg("Reason: {reason}", reason=reader.quoted(data["reason"])))]
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
