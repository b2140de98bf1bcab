"""The six contents of an information report (6.1.3(4) ①–⑥), each from the incident's record.

Every content always appears; where the record holds nothing for it, a visible
placeholder asks for it to be supplied rather than leaving it out.
"""

from __future__ import annotations

from collections.abc import Callable

from govops.incidents.model.incident import Stage, Status
from govops.incidents.reports.facts import (
    Context,
    action,
    approximate_names,
    counts,
    deadline,
    department_articles,
    department_names,
    figure,
    fired,
    given,
    report_kind,
)
from govops.platform.reports.blocks import Block, Para, Span, labelled, para

CAUSE_VOCABULARY = "cause"


def _label(ctx: Context, label: str) -> str:
    return label + ctx.colon()


def _text_or_placeholder(ctx: Context, text: str | None) -> Span:
    return Span(text) if text and text.strip() else ctx.placeholder()


def time_place_scene(ctx: Context) -> list[Block]:
    incident, t = ctx.incident, ctx.t
    where = t._("{place}, {township}", place=incident.place, township=incident.township)
    if incident.stage is Stage.WARNING:
        stage = t._("warning-stage information")
    else:
        stage = t.pgettext("information report", "incident under way")
    return [
        labelled(_label(ctx, t._("Occurred")), ctx.time(incident.occurred_at)),
        labelled(_label(ctx, t.pgettext("information report", "Place")), where),
        labelled(_label(ctx, t.pgettext("information report", "Stage")), stage),
        labelled(
            _label(ctx, t._("Situation at the scene")),
            _text_or_placeholder(ctx, incident.summary),
        ),
    ]


def course_numbers_losses(ctx: Context) -> list[Block]:
    incident, t = ctx.incident, ctx.t
    latest = incident.reports[-1]
    blocks: list[Block] = [labelled(_label(ctx, t._("Course of events")))]
    for report in incident.reports:
        at, actor = ctx.time(report.at), report.actor
        if report.number == 0:
            line = t._("{at}: first report by {actor}.", at=at, actor=actor)
        elif report.note:
            line = t._(
                "{at}: follow-up {n} by {actor}: {note}",
                at=at,
                actor=actor,
                n=report.number,
                note=report.note,
            )
        else:
            line = t._("{at}: follow-up {n} by {actor}.", at=at, actor=actor, n=report.number)
        blocks.append(para(line, role="item"))
    blocks.append(labelled(_label(ctx, t._("Participants and casualties"))))
    shown = given(latest)
    names = counts(ctx) + [n for n in shown if n not in counts(ctx)]
    for name in names:
        value = Span(figure(ctx, latest, name)) if name in shown else ctx.placeholder()
        blocks.append(para(_label(ctx, ctx.label(name)), value, role="item"))
    closure = incident.closure or {}
    loss = closure.get("loss_assessment")
    blocks.append(labelled(_label(ctx, t._("Property losses")), _text_or_placeholder(ctx, loss)))
    grade = t.pgettext("information report", "Grade")
    blocks.append(labelled(_label(ctx, grade), ctx.grade_name(latest.grade)))
    blocks += [para(text, ctx.cite(article), role="item") for text, article in fired(ctx, latest)]
    return blocks


def causes(ctx: Context) -> list[Block]:
    incident, t = ctx.incident, ctx.t
    labels = {e.code: e.label for e in ctx.pack.vocabularies.get(CAUSE_VOCABULARY, ())}
    kinds = [ctx.text(labels.get(c, {}), c) for c in incident.causes]
    blocks: list[Block] = []
    if kinds:
        blocks.append(labelled(_label(ctx, t._("Kinds of cause")), ctx.join(kinds)))
    analysis = (incident.closure or {}).get("causes")
    label = _label(ctx, t._("Causes and responsibility"))
    blocks.append(labelled(label, _text_or_placeholder(ctx, analysis)))
    return blocks


def trend(ctx: Context) -> list[Block]:
    """The figures as they changed from report to report; the forecast itself is a person's."""
    names = dict.fromkeys(n for r in ctx.incident.reports for n in given(r))
    changes: list[Block] = []
    for name in names:
        steps = _steps(ctx, name)
        if len(steps) > 1:
            changes.append(para(_label(ctx, ctx.label(name)), " → ".join(steps)))
    t = ctx.t
    heading: list[Block] = [labelled(_label(ctx, t._("Change in figures")))] if changes else []
    analysis = labelled(_label(ctx, t._("Analysis and forecast")), ctx.placeholder())
    return [*heading, *changes, analysis]


def _steps(ctx: Context, name: str) -> list[str]:
    """Each new value of one figure, with the report that gave it."""
    steps: list[tuple[str, str]] = []
    for report in ctx.incident.reports:
        if name in given(report):
            shown = figure(ctx, report, name, as_read=False)
            if not steps or steps[-1][0] != shown:
                steps.append((shown, report_kind(ctx, report)))
    return [ctx.t._("{figure} ({kind})", figure=shown, kind=kind) for shown, kind in steps]


def measures(ctx: Context) -> list[Block]:
    incident, t = ctx.incident, ctx.t
    names = department_names(ctx)
    notified: list[Span | str] = [ctx.join(names) if names else t._("none")]
    if names:
        notified.append(ctx.cite(ctx.join(department_articles(ctx))))
    blocks: list[Block] = [labelled(_label(ctx, t._("Departments notified")), *notified)]
    for label, done in ((t._("Measures taken"), True), (t._("Next steps"), False)):
        items = [a for a in incident.actions if (a.done_at is not None) is done]
        blocks.append(labelled(_label(ctx, label), "" if items else t._("none")))
        blocks += [para(action(ctx, a), ctx.cite(a.cite), role="item") for a in items]
    closed = incident.status is Status.CLOSED
    effect = t._("The incident is closed; see Annex 2.") if closed else None
    blocks.append(labelled(_label(ctx, t._("Effect")), _text_or_placeholder(ctx, effect)))
    return blocks


def other(ctx: Context) -> list[Block]:
    blocks: list[Block] = []
    if ctx.incident.deadlines:
        blocks.append(labelled(_label(ctx, ctx.t._("Reporting deadlines"))))
        blocks += [
            para(deadline(ctx, d), ctx.cite(d.cite), role="item") for d in ctx.incident.deadlines
        ]
    approximate = approximate_names(ctx, ctx.incident.reports[-1])
    if approximate:
        note = ctx.t._(
            "{names}: approximate figures, graded on the figure stated.",
            names=ctx.join(approximate),
        )
        blocks.append(para(note))
    return blocks or [Para((ctx.placeholder(),))]


SECTIONS: dict[str, Callable[[Context], list[Block]]] = {
    "time-place-scene": time_place_scene,
    "course-numbers-losses": course_numbers_losses,
    "causes": causes,
    "trend": trend,
    "measures": measures,
    "other": other,
}
