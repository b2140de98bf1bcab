"""The information report (信息报送) of an incident, as the county plan asks in 6.1.3(4).

Title, time of issue, then the six required contents in the plan's order, each with the
article it answers to; then the follow-ups (续报) so far and every change of grade with its
reason; and, once the incident is closed, the after-action record of 6.1.5.
"""

from __future__ import annotations

from datetime import datetime

from govops.incidents.model.incident import Incident, Regrade, Report, Status, regrade_reason
from govops.incidents.reports.contents import SECTIONS
from govops.incidents.reports.facts import CHINESE, Context, figures_line, report_kind
from govops.lawcode.figures.zh_numerals import numeral
from govops.lawcode.sources.pack import Pack
from govops.platform.i18n.languages import LANGUAGES, ZH_HANS
from govops.platform.i18n.translator import Translator, translator
from govops.platform.reports.blocks import Block, Para, Span, Table, labelled, para
from govops.platform.reports.docx import render

CATALOGUE = "report_contents"
AFTER_ACTION_ARTICLE = "6.1.5"


def information_report_docx(
    incident: Incident,
    pack: Pack,
    language: str = ZH_HANS,
    issued_at: datetime | None = None,
) -> bytes:
    """The report as DOCX bytes, in `language` (zh-Hans, zh-Hant, vi or en); times in the
    pack's time zone. `issued_at` (timezone-aware) is the time of issue, against which
    deadlines are judged met or overdue; by default the time of the last event."""
    ctx = _context(incident, pack, language, issued_at)
    title = _title(ctx)
    return render(report_blocks(ctx, title), title, language)


def report_blocks(ctx: Context, title: str) -> list[Block]:
    return [
        para(title, role="title"),
        *_meta(ctx),
        *_contents(ctx),
        *_follow_ups(ctx),
        *_regrades(ctx),
        *_closure(ctx),
    ]


def _context(incident: Incident, pack: Pack, language: str, issued_at: datetime | None) -> Context:
    """The report's context; the arguments checked (a caller's mistake, never a reader's)."""
    graded_with = incident.pack.split(" ")[0]
    problem = None
    if language not in LANGUAGES:
        problem = f"language {language!r}: use one of {', '.join(LANGUAGES)}"  # i18n: not shown
    elif graded_with != pack.id:
        problem = f"incident {incident.id} was graded with {graded_with}"  # i18n: not shown
    elif CATALOGUE not in pack.catalogues:
        problem = f"pack {pack.id} has no catalogue {CATALOGUE!r}"  # i18n: not shown
    if problem:
        raise ValueError(problem)
    if issued_at is None:
        issued_at = incident.events[-1].at if incident.events else incident.reports[-1].at
    if issued_at.tzinfo is None:
        raise ValueError("issued_at needs a time zone")  # i18n: not shown
    return Context(incident, pack, translator(language, pack.timezone), issued_at)


def _title(ctx: Context) -> str:
    incident, t = ctx.incident, ctx.t
    subject = t._("{summary} at {place}", place=incident.place, summary=incident.summary)
    kind = report_kind(ctx, incident.reports[-1])
    return t._("Information report on {subject} ({kind})", subject=subject, kind=kind)


def _meta(ctx: Context) -> list[Block]:
    incident, t = ctx.incident, ctx.t
    if incident.status is Status.CLOSED:
        status = t.pgettext("information report", "closed")
    else:
        status = t._("being handled")
    sep = ctx.colon()
    lines = [
        (t._("Issued"), ctx.time(ctx.issued_at)),
        (t._("Reported by"), incident.reports[-1].actor),
        (t._("Incident number"), incident.id),
        (t.pgettext("information report", "Status"), status),
        (t._("Graded with"), incident.pack),
    ]
    return [para(f"{label}{sep}{value}", role="meta") for label, value in lines]


def _numbered(ctx: Context, index: int, text: str) -> str:
    """The n-th section heading: '一、…' in Chinese, '1. …' otherwise."""
    if ctx.t.language in CHINESE:
        return f"{numeral(index)}、{text}"
    return f"{index}. {text[:1].upper()}{text[1:]}"


def _contents(ctx: Context) -> list[Block]:
    """The six contents of 6.1.3(4), in the catalogue's order, none left out."""
    blocks: list[Block] = []
    catalogue = ctx.pack.catalogues[CATALOGUE]
    for index, item in enumerate(catalogue.items, start=1):
        heading = _numbered(ctx, index, ctx.text(item.text, item.id))
        blocks.append(Para((Span(heading), ctx.cite(item.cite.article)), "heading"))
        build = SECTIONS.get(item.id)
        body = build(ctx) if build else []
        blocks += body or [Para((ctx.placeholder(),))]
    return blocks


def _follow_ups(ctx: Context) -> list[Block]:
    t = ctx.t
    headers = (
        t._("No."),
        t.pgettext("information report", "Time"),
        t._("Reported by"),
        t._("Figures (as given)"),
        t.pgettext("report column", "Grade"),
        t._("Note"),
    )
    rows = tuple(_row(ctx, r) for r in ctx.incident.reports)
    annex = t._("Annex 1: follow-up reports and changes of grade")
    blocks: list[Block] = [para(annex, role="heading"), Table(headers, rows)]
    if len(ctx.incident.reports) == 1:
        blocks.append(para(t._("No follow-up report yet.")))
    return blocks


def _row(ctx: Context, report: Report) -> tuple[str, ...]:
    return (
        report_kind(ctx, report),
        ctx.time(report.at),
        report.actor,
        figures_line(ctx, report) or "—",
        ctx.grade_name(report.grade),
        report.note or "—",
    )


def _reason(t: Translator, change: Regrade) -> str:
    """Why the grade changed, in the report's language (as recorded, for older changes)."""
    told = regrade_reason(change, change.note)
    return change.reason if told is None else t.say(told)


def _regrades(ctx: Context) -> list[Block]:
    t = ctx.t
    blocks: list[Block] = [para(t._("Changes of grade"), role="subheading")]
    for change in ctx.incident.regrades:
        line = t._(
            "{at}, {actor}: {before} → {after}. Reason: {reason}",
            at=ctx.time(change.at),
            actor=change.actor,
            before=ctx.grade_name(change.before),
            after=ctx.grade_name(change.after),
            reason=_reason(t, change),
        )
        blocks.append(para(line))
    if not ctx.incident.regrades:
        blocks.append(para(t._("The grade has not changed.")))
    return blocks


def _closure(ctx: Context) -> list[Block]:
    """The after-action record (6.1.5), once the incident is closed."""
    record = ctx.incident.closure
    if ctx.incident.status is not Status.CLOSED or record is None:
        return []
    t = ctx.t
    heading = Para(
        (Span(t._("Annex 2: after-action record")), ctx.cite(AFTER_ACTION_ARTICLE)), "heading"
    )
    blocks: list[Block] = [heading]
    items = (
        ("loss_assessment", t._("Loss assessment")),
        ("causes", t._("Causes and responsibility")),
        ("lessons", t._("Lessons learned")),
        ("rectification", t._("Rectification")),
    )
    for field, label in items:
        value = str(record.get(field) or "").strip()
        shown = Span(value) if value else ctx.placeholder()
        blocks.append(labelled(label + ctx.colon(), shown))
    return blocks
