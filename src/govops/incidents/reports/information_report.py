"""The information report (信息报送) of an incident, as the county plan asks in 6.1.3(4).

Title, time of issue, then the six required contents in the plan's order, each with the
article it answers to; then the follow-ups (续报) so far and every change of grade with its
reason; and, once the incident is closed, the after-action record of 6.1.5.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from govops.incidents.model.incident import Incident, Report, Status
from govops.incidents.reports.contents import SECTIONS
from govops.incidents.reports.facts import Context, figures_line, report_kind
from govops.incidents.reports.labels import Words
from govops.lawcode.sources.pack import Pack
from govops.platform.reports.blocks import Block, Para, Span, Table, labelled, para
from govops.platform.reports.docx import render

CATALOGUE = "report_contents"
AFTER_ACTION_ARTICLE = "6.1.5"
CLOSURE_ITEMS = (
    ("loss_assessment", "loss_assessment"),
    ("causes", "closure_causes"),
    ("lessons", "lessons"),
    ("rectification", "rectification"),
)


def information_report_docx(
    incident: Incident,
    pack: Pack,
    language: str = "zh-Hans",
    issued_at: datetime | None = None,
) -> bytes:
    """The report as DOCX bytes. `issued_at` (timezone-aware) is the time of issue, against
    which deadlines are judged met or overdue; by default the time of the last event."""
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
    graded_with = incident.pack.split(" ")[0]
    if graded_with != pack.id:
        raise ValueError(f"incident {incident.id} was graded with {graded_with}, not {pack.id}")
    if CATALOGUE not in pack.catalogues:
        raise ValueError(f"pack {pack.id} has no catalogue {CATALOGUE!r} (6.1.3(4))")
    if issued_at is None:
        issued_at = incident.events[-1].at if incident.events else incident.reports[-1].at
    if issued_at.tzinfo is None:
        raise ValueError("issued_at needs a time zone")
    return Context(incident, pack, Words(language), ZoneInfo(pack.timezone), issued_at)


def _title(ctx: Context) -> str:
    incident, words = ctx.incident, ctx.words
    subject = words("subject", place=incident.place, summary=incident.summary)
    return words("title", subject=subject, kind=report_kind(ctx, incident.reports[-1]))


def _meta(ctx: Context) -> list[Block]:
    incident, words = ctx.incident, ctx.words
    status = words("closed" if incident.status is Status.CLOSED else "open")
    sep = words("colon")
    lines = [
        f"{words('issued')}{sep}{ctx.time(ctx.issued_at)}",
        f"{words('reporter')}{sep}{incident.reports[-1].actor}",
        f"{words('incident')}{sep}{incident.id}",
        f"{words('status')}{sep}{status}",
        f"{words('basis')}{sep}{incident.pack}",
    ]
    return [para(line, role="meta") for line in lines]


def _contents(ctx: Context) -> list[Block]:
    """The six contents of 6.1.3(4), in the catalogue's order, none left out."""
    blocks: list[Block] = []
    catalogue = ctx.pack.catalogues[CATALOGUE]
    for index, item in enumerate(catalogue.items, start=1):
        text = item.text.get(ctx.words.language) or next(iter(item.text.values()), item.id)
        heading = ctx.words.numbered(index, text)
        blocks.append(Para((Span(heading), ctx.cite(item.cite.article)), "heading"))
        build = SECTIONS.get(item.id)
        body = build(ctx) if build else []
        blocks += body or [Para((ctx.placeholder(),))]
    return blocks


def _follow_ups(ctx: Context) -> list[Block]:
    words = ctx.words
    headers = tuple(
        words(k)
        for k in ("col_number", "col_time", "col_reporter", "col_figures", "col_grade", "col_note")
    )
    rows = tuple(_row(ctx, r) for r in ctx.incident.reports)
    blocks: list[Block] = [para(words("follow_ups"), role="heading"), Table(headers, rows)]
    if len(ctx.incident.reports) == 1:
        blocks.append(para(words("no_follow_up")))
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


def _regrades(ctx: Context) -> list[Block]:
    words = ctx.words
    blocks: list[Block] = [para(words("regrades"), role="subheading")]
    for change in ctx.incident.regrades:
        line = words(
            "regrade",
            at=ctx.time(change.at),
            actor=change.actor,
            before=ctx.grade_name(change.before),
            after=ctx.grade_name(change.after),
            reason=change.reason,
        )
        blocks.append(para(line))
    if not ctx.incident.regrades:
        blocks.append(para(words("no_regrade")))
    return blocks


def _closure(ctx: Context) -> list[Block]:
    """The after-action record (6.1.5), once the incident is closed."""
    record = ctx.incident.closure
    if ctx.incident.status is not Status.CLOSED or record is None:
        return []
    heading = Para((Span(ctx.words("closure")), ctx.cite(AFTER_ACTION_ARTICLE)), "heading")
    blocks: list[Block] = [heading]
    for field, key in CLOSURE_ITEMS:
        value = str(record.get(field) or "").strip()
        shown = Span(value) if value else ctx.placeholder()
        blocks.append(labelled(ctx.words(key) + ctx.words("colon"), shown))
    return blocks
