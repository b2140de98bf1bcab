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


def _label(ctx: Context, key: str) -> str:
    return ctx.words(key) + ctx.words("colon")


def _text_or_placeholder(ctx: Context, text: str | None) -> Span:
    return Span(text) if text and text.strip() else ctx.placeholder()


def time_place_scene(ctx: Context) -> list[Block]:
    incident, words = ctx.incident, ctx.words
    where = (
        f"{incident.township}{incident.place}"
        if words.zh
        else f"{incident.place}, {incident.township}"
    )
    stage = words("warning" if incident.stage is Stage.WARNING else "incident_stage")
    return [
        labelled(_label(ctx, "occurred"), ctx.time(incident.occurred_at)),
        labelled(_label(ctx, "place"), where),
        labelled(_label(ctx, "stage"), stage),
        labelled(_label(ctx, "scene"), _text_or_placeholder(ctx, incident.summary)),
    ]


def course_numbers_losses(ctx: Context) -> list[Block]:
    incident, words = ctx.incident, ctx.words
    latest = incident.reports[-1]
    blocks: list[Block] = [labelled(_label(ctx, "course"))]
    for report in incident.reports:
        at, actor = ctx.time(report.at), report.actor
        if report.number == 0:
            line = words("course_first", at=at, actor=actor)
        elif report.note:
            line = words("course_follow", at=at, actor=actor, n=report.number, note=report.note)
        else:
            line = words("course_follow_bare", at=at, actor=actor, n=report.number)
        blocks.append(para(line, role="item"))
    blocks.append(labelled(_label(ctx, "figures")))
    shown = given(latest)
    names = counts(ctx) + [n for n in shown if n not in counts(ctx)]
    for name in names:
        value = Span(figure(ctx, latest, name)) if name in shown else ctx.placeholder()
        blocks.append(para(ctx.label(name) + words("colon"), value, role="item"))
    closure = incident.closure or {}
    loss = closure.get("loss_assessment")
    blocks.append(labelled(_label(ctx, "property"), _text_or_placeholder(ctx, loss)))
    blocks.append(labelled(_label(ctx, "grade"), ctx.grade_name(latest.grade)))
    blocks += [para(text, ctx.cite(article), role="item") for text, article in fired(ctx, latest)]
    return blocks


def causes(ctx: Context) -> list[Block]:
    incident, words = ctx.incident, ctx.words
    labels = {e.code: e.label for e in ctx.pack.vocabularies.get(CAUSE_VOCABULARY, ())}
    kinds = [labels.get(c, {}).get(words.language) or c for c in incident.causes]
    blocks: list[Block] = []
    if kinds:
        blocks.append(labelled(_label(ctx, "cause_kinds"), words.join(kinds)))
    analysis = (incident.closure or {}).get("causes")
    blocks.append(labelled(_label(ctx, "cause_analysis"), _text_or_placeholder(ctx, analysis)))
    return blocks


def trend(ctx: Context) -> list[Block]:
    """The figures as they changed from report to report; the forecast itself is a person's."""
    names = dict.fromkeys(n for r in ctx.incident.reports for n in given(r))
    changes: list[Block] = []
    for name in names:
        steps = _steps(ctx, name)
        if len(steps) > 1:
            changes.append(para(ctx.label(name) + ctx.words("colon"), " → ".join(steps)))
    heading: list[Block] = [labelled(_label(ctx, "trend_figures"))] if changes else []
    return [*heading, *changes, labelled(_label(ctx, "trend_analysis"), ctx.placeholder())]


def _steps(ctx: Context, name: str) -> list[str]:
    """Each new value of one figure, with the report that gave it."""
    steps: list[tuple[str, str]] = []
    for report in ctx.incident.reports:
        if name in given(report):
            shown = figure(ctx, report, name, as_read=False)
            if not steps or steps[-1][0] != shown:
                steps.append((shown, report_kind(ctx, report)))
    return [ctx.words("in_report", figure=shown, kind=kind) for shown, kind in steps]


def measures(ctx: Context) -> list[Block]:
    incident, words = ctx.incident, ctx.words
    names = department_names(ctx)
    notified: list[Span | str] = [words.join(names) if names else words("none")]
    if names:
        notified.append(ctx.cite(words.join(department_articles(ctx))))
    blocks: list[Block] = [labelled(_label(ctx, "departments"), *notified)]
    for key, done in (("measures_done", True), ("next_steps", False)):
        items = [a for a in incident.actions if (a.done_at is not None) is done]
        blocks.append(labelled(_label(ctx, key), "" if items else words("none")))
        blocks += [para(action(ctx, a), ctx.cite(a.cite), role="item") for a in items]
    effect = words("effect_closed") if incident.status is Status.CLOSED else None
    blocks.append(labelled(_label(ctx, "effect"), _text_or_placeholder(ctx, effect)))
    return blocks


def other(ctx: Context) -> list[Block]:
    blocks: list[Block] = []
    if ctx.incident.deadlines:
        blocks.append(labelled(_label(ctx, "deadlines")))
        blocks += [
            para(deadline(ctx, d), ctx.cite(d.cite), role="item") for d in ctx.incident.deadlines
        ]
    approximate = approximate_names(ctx, ctx.incident.reports[-1])
    if approximate:
        note = ctx.words("approximate_note", names=ctx.words.join(approximate))
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
