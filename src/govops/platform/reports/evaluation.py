"""A plan's mid-term and final evaluation (六(四): 中期和终期评估) as DOCX, in any language of
the catalogs: for each unit and each evaluation year, every indicator with its target as
the plan writes it, the figure held against it, its status and the reason in words, and
its section; then the targets the plan states only in words (listed, not assessed), and
every yearly figure with the source it was reported from. Laid out as the other reports
are (`platform.reports`)."""

from __future__ import annotations

from collections.abc import Sequence

from govops.lawcode.plans.evaluation import ReportedFigure, evaluation_years, standings
from govops.lawcode.plans.indicators import STATUS_WORDS, Indicator, QualitativeTarget, Status
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message
from govops.platform.i18n.translator import Translator
from govops.platform.reports.blocks import Block, Span, Table, para
from govops.platform.reports.docx import render


def evaluation_docx(pack: Pack, figures: Sequence[ReportedFigure], t: Translator) -> bytes:
    """The evaluation of `pack`'s indicators from the reported `figures`, in `t`'s language."""
    title = t._("{plan}: mid-term and final evaluation", plan=t.text(pack.title).text)
    return render(evaluation_blocks(pack, figures, t, title), title, t.language)


def evaluation_blocks(
    pack: Pack, figures: Sequence[ReportedFigure], t: Translator, title: str
) -> list[Block]:
    indicators = pack.indicators
    middle, last = evaluation_years(indicators)
    blocks: list[Block] = [para(title, role="title")]
    blocks.append(
        para(
            t._(
                "Mid-term: as of the end of {middle} (the period's middle year, a reading: "
                "the plan names none); final: as of the end of {last}.",
                middle=str(middle),
                last=str(last),
            ),
            role="meta",
        )
    )
    for heading, year in ((t._("Mid-term evaluation"), middle), (t._("Final evaluation"), last)):
        blocks.append(para(f"{heading} ({year})", role="heading"))
        for standing in standings(indicators, figures, year):
            blocks.append(para(t._("Unit {unit}", unit=standing.unit), role="subheading"))
            rows = tuple(
                _row(t, indicator, got.status, got.reason)
                for indicator, got in zip(indicators, standing.assessments, strict=True)
            )
            blocks.append(Table(_headers(t), rows))
    blocks += _qualitative(t, pack.qualitative)
    blocks += _sources(t, figures)
    return blocks


def _headers(t: Translator) -> tuple[str, ...]:
    return (t._("Indicator"), t._("Target"), t._("Status"), t._("Why"), t._("Section"))


def _row(t: Translator, indicator: Indicator, status: Status, reason: Message) -> tuple[str, ...]:
    return (
        t.text(indicator.title).text,
        indicator.target.written,
        t._(STATUS_WORDS[status]),
        t.say(reason),
        str(indicator.cite),
    )


def _qualitative(t: Translator, targets: Sequence[QualitativeTarget]) -> list[Block]:
    if not targets:
        return []
    blocks: list[Block] = [para(t._("Targets stated only in words (not assessed)"), role="heading")]
    blocks += [
        para(t.text(q.text).text, " ", Span(str(q.cite), "cite"), role="item") for q in targets
    ]
    return blocks


def _sources(t: Translator, figures: Sequence[ReportedFigure]) -> list[Block]:
    headers = (t._("Unit"), t._("Indicator"), t._("Year"), t._("Figure"), t._("Source"))
    rows = tuple(
        (f.unit, f.indicator, str(f.year), format(f.value, "f"), t.say(f.source)) for f in figures
    )
    return [para(t._("The figures and their sources"), role="heading"), Table(headers, rows)]
