"""`govops pack show`: a pack as plain text in the reader's language (`t`): its document,
boundary convention, parameters, rule tables, deadlines, procedures, indicators and
vocabularies. Pack texts are shown in it when the pack has them, else in the document's
own language, unmarked (a terminal has no `lang`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from govops.lawcode.dated.procedures import Stage
from govops.lawcode.dated.steps import ProcedureStep
from govops.lawcode.plans.indicators import MEASURE_WORDS
from govops.lawcode.rules.intervals import Side
from govops.lawcode.rules.tables import HitPolicy
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_
from govops.platform.cli.pack_registers import register_lines
from govops.platform.cli.render import listed, span, text_of
from govops.platform.i18n.translator import Translator

_SIDES = {Side.LOWER: N_("lower bound"), Side.UPPER: N_("upper bound")}
_HITS = {HitPolicy.FIRST: N_("first hit"), HitPolicy.COLLECT: N_("collect every hit")}
_STAGES = {Stage.WARNING: N_("warning stage"), Stage.INCIDENT: N_("incident stage")}
# The measure words a pack's parameters carry (人, 小时, 元, 毫米, 年, 歲, 月, 戶, %).
_UNITS = {
    "人": N_("{value} people"),  # i18n: not shown (a key)
    "小时": N_("{value} hours"),  # i18n: not shown (a key)
    "元": N_("{value} yuan"),  # i18n: not shown (a key)
    "毫米": N_("{value} mm"),  # i18n: not shown (a key)
    "年": N_("{value} years"),  # i18n: not shown (a key)
    "歲": N_("{value} years of age"),  # i18n: not shown (a key)
    "月": N_("{value} months"),  # i18n: not shown (a key)
    "戶": N_("{value} households"),  # i18n: not shown (a key)
    "%": N_("{value}%"),  # i18n: not shown (a key)
}


def _value(t: Translator, value: object, unit: str | None) -> str:
    shown = t.value(value) if isinstance(value, int | Decimal | bool) else str(value)
    if unit in _UNITS and not isinstance(value, bool):
        return t._(_UNITS[unit], value=shown)
    return f"{shown} {unit}" if unit else shown


def _period(t: Translator, start: date | None, end: date | None) -> str:
    return f"{t.date(start) or '…'} – {t.date(end) or '…'}"


def render_pack(pack: Pack, t: Translator) -> str:
    in_force = pack.document.in_force_from
    lines = [
        f"{pack.id} {pack.version} ({pack.jurisdiction}, {pack.language}, {pack.timezone})",
        f"  {text_of(t, pack.title, pack.id)}",
        "  "
        + (
            t._(
                "document: {document}, in force from {day}", document=pack.document.id, day=in_force
            )
            if in_force is not None
            else t._(
                "document: {document}, in force from the day of issue (no date given)",
                document=pack.document.id,
            )
        ),
        "  " + t._("boundary convention:"),
        *(
            "    "
            + t._(
                "{word}: {side}, {inclusive} [{article}]",
                word=w.word,
                side=t._(_SIDES[w.side]),
                inclusive=t._("inclusive") if w.inclusive else t._("exclusive"),
                article=w.cite.article,
            )
            for w in pack.convention.words.values()
        ),
        "  " + t._("parameters:"),
    ]
    for name, parameter in pack.parameters.parameters.items():
        for dated in parameter.values:
            value = _value(t, dated.value, parameter.unit)
            period = _period(t, dated.start, dated.end)
            lines.append(f"    {name} = {value} ({period}) [{dated.cite.article}]")
    lines.append("  " + t._("rule tables:"))
    for table in pack.tables.values():
        count = sum(1 for _ in table.clauses())
        lines.append(
            "    "
            + t._(
                "{table}: {title}, {hit}, {outcomes}, {clauses} [{article}]",
                table=table.id,
                title=text_of(t, table.titles, table.title),
                hit=t._(_HITS[table.hit]),
                outcomes=t.ngettext("{count} outcome", "{count} outcomes", len(table.outcomes)),
                clauses=t.ngettext("{count} clause", "{count} clauses", count),
                article=table.cite.article,
            )
        )
    lines.append("  " + t._("deadlines:"))
    for d in pack.deadlines:
        lines.append(
            "    "
            + t._(
                "{deadline} ({stage}, from {trigger}): {span} for {outcomes} [{article}]",
                deadline=d.id,
                stage=t._(_STAGES[d.stage]),
                trigger=d.trigger,
                span=span(t, d),
                outcomes="/".join(d.applies_to),
                article=d.cite.article,
            )
        )
    checklist = len(pack.checklist)
    lines.append(
        "  "
        + t.ngettext(
            "checklist: {count} response action", "checklist: {count} response actions", checklist
        )
    )
    for catalogue in pack.catalogues.values():
        lines.append(f"  {catalogue.id}: {text_of(t, catalogue.title)}")
        lines += [f"    [{i.cite.article}] {text_of(t, i.text, i.id)}" for i in catalogue.items]
    for procedure in pack.procedures.values():
        lines.append(
            "  "
            + t._(
                "procedure {procedure}: {title} [{article}]",
                procedure=procedure.id,
                title=text_of(t, procedure.title),
                article=procedure.cite.article,
            )
        )
        lines += [_step_line(t, step) for step in procedure.steps]
    lines += _indicator_lines(t, pack)
    lines += register_lines(t, pack.registers)
    for name, entries in pack.vocabularies.items():
        lines.append("  " + t._("vocabulary {name}:", name=name))
        lines += [f"    {e.code}: {text_of(t, e.label)}" for e in entries]
    programme = pack.programme
    if programme is not None:
        first, last = programme.period
        rows = sum(1 for _ in programme.budget.all_lines())
        indicators = [p.indicator for p in programme.trajectories]
        lines.append(
            "  "
            + t._(
                "programme {programme} ({first}-{last}): {activities}, {rows}, targets for "
                "{indicators} (govops programme check-budget)",
                programme=programme.id,
                first=str(first),
                last=str(last),
                activities=t.ngettext(
                    "{count} activity", "{count} activities", len(programme.activities)
                ),
                rows=t.ngettext("{count} budget row", "{count} budget rows", rows),
                indicators=listed(t, indicators) if indicators else t._("nothing"),
            )
        )
    return "\n".join(lines)


def _indicator_lines(t: Translator, pack: Pack) -> list[str]:
    """The plan's indicators with their targets as written, and its targets in words."""
    if not pack.indicators:
        return []
    first = pack.indicators[0]
    lines = [
        "  "
        + t._(
            "indicators ({first}-{last}):",
            first=str(first.first_year),
            last=str(first.last_year),
        )
    ]
    for item in pack.indicators:
        said = {"title": text_of(t, item.title), "target": item.target.written}
        said |= {"measure": t._(MEASURE_WORDS[item.measure]), "article": item.cite.article}
        line = (
            t._("{title}: target {target} (a reading), {measure} [{article}]", **said)
            if item.reading
            else t._("{title}: target {target}, {measure} [{article}]", **said)
        )
        lines.append(f"    {item.id}: {line}")
    if pack.qualitative:
        lines.append("  " + t._("targets stated only in words:"))
        lines += [f"    {q.id}: {text_of(t, q.text)} [{q.cite.article}]" for q in pack.qualitative]
    return lines


def _step_line(t: Translator, step: ProcedureStep) -> str:
    if step.aside:
        said = t._("recorded aside, without moving the procedure on")
    elif len(step.follows) > 1:
        said = t._("right after one of {steps}", steps=listed(t, list(step.follows)))
    elif step.follows:
        said = t._("right after {step}", step=step.follows[0])
    else:
        said = t._("opens the procedure")
    return f"    {step.id}: {text_of(t, step.title)} ({said}) [{step.cite.article}]"
