"""Plain-text views of packs, analyses and explained decisions for the terminal, in the
reader's language (`t`). Pack texts are shown in it when the pack has them, else in the
document's own language, unmarked (a terminal has no `lang`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from govops.lawcode.dated.procedures import Deadline, SpanUnit, Stage
from govops.lawcode.dated.steps import ProcedureStep
from govops.lawcode.rules.conditions import Shortfall
from govops.lawcode.rules.decision import Decision, WhyNot
from govops.lawcode.rules.intervals import Side
from govops.lawcode.rules.tables import HitPolicy, OutcomeRule
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_
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
_FLAG_TEST = re.compile(r"^(\S+) is (true|false)$")
_MEMBER_TEST = re.compile(r"^(\S+) in (\S+)$")
_OPPOSITE = "the opposite of: "  # i18n: not shown (a key)


def text_of(t: Translator, texts: Mapping[str, str], fallback: str = "") -> str:
    """A pack text in the reader's language, else the document's; `fallback` if none."""
    return t.text(texts).text or fallback


def labelled(t: Translator, label: str, value: str) -> str:
    """'label: value', with the colon the language writes (：in Chinese)."""
    return t._("{label}: {value}", label=label, value=value)


def listed(t: Translator, items: list[str]) -> str:
    """Items joined as the language lists them (、 in Chinese)."""
    return t.pgettext("list separator", ", ").join(items)


def span(t: Translator, deadline: Deadline) -> str:
    """A deadline's span: at once, 24 hours, 5 working days."""
    amount = deadline.amount
    if deadline.unit is SpanUnit.IMMEDIATELY:
        return t._("at once")
    if deadline.unit is SpanUnit.HOURS:
        return t.ngettext("{count} hour", "{count} hours", amount)
    if deadline.unit is SpanUnit.CALENDAR_DAYS:
        return t.ngettext("{count} day", "{count} days", amount)
    return t.ngettext("{count} working day", "{count} working days", amount)


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


def outcome_label(t: Translator, outcome: OutcomeRule) -> str:
    return text_of(t, outcome.labels, outcome.value)


def _gap(t: Translator, shortfall: Shortfall) -> str:
    """What a failing test lacks: 'participants 1,200 < 5,000', 'armed_fight must be true'."""
    if shortfall.operator is not None and shortfall.bound is not None:
        negated = {">=": "<", ">": "<=", "<=": ">", "<": ">="}[shortfall.operator]
        value = shortfall.value
        seen = t.value(value) if isinstance(value, int | Decimal) else str(value)
        return f"{shortfall.input} {seen} {negated} {t.value(shortfall.bound)}"
    needs = shortfall.needs
    flag = _FLAG_TEST.match(needs)
    if flag:
        if flag.group(2) == "true":
            return t._("{input} must be true", input=flag.group(1))
        return t._("{input} must be false", input=flag.group(1))
    member = _MEMBER_TEST.match(needs)
    if member:
        return t._("{input} must contain {code}", input=member.group(2), code=member.group(1))
    if needs.startswith(_OPPOSITE):
        return t._("the opposite of: {tests}", tests=needs.removeprefix(_OPPOSITE))
    return needs


def why_not(t: Translator, why: WhyNot) -> str:
    """'participants 1,200 < 5,000 for level I, 4.1(1)', in the reader's language."""
    gaps = [_gap(t, s) for s in why.miss.shortfalls]
    joined = gaps[0] if gaps else ""
    for gap in gaps[1:]:
        joined = t._("{first} and {second}", first=joined, second=gap)
    return t._(
        "{gaps} for {outcome}, {articles}",
        gaps=joined,
        outcome=outcome_label(t, why.outcome),
        articles=listed(t, [c.cite.article for c in why.clauses]),
    )


def render_decision(
    decision: Decision, t: Translator, document_language: str | None = None
) -> list[str]:
    """The decision explained: the clauses that fired (their text in the document's
    language, `document_language`, or in the reader's script of it), why not each outcome
    above, and the figures given as approximate."""
    table = decision.table
    title = text_of(t, table.titles, table.title)
    if table.hit is HitPolicy.COLLECT:
        names = listed(t, [outcome_label(t, o) for o in decision.outcomes])
        return ["  " + labelled(t, title, names or "—")]
    outcome = decision.outcome if isinstance(decision.outcome, str) else "—"
    lines = ["  " + labelled(t, title, outcome)]
    for clause in decision.fired:
        text = clause.text
        if document_language is not None:
            text = text_of(t, {document_language: text}, text)
        lines.append(f"    ✓ {clause.id} [{clause.cite.article}] {text}")
    for why in decision.why_not:
        lines.append(
            "    ✗ "
            + t._(
                "not {outcome}: {why}",
                outcome=outcome_label(t, why.outcome),
                why=why_not(t, why),
            )
        )
    approximate = [n for n, v in decision.inputs.items() if v.approximate]
    if approximate:
        figures = listed(t, [f"{n} ({decision.inputs[n].raw})" for n in approximate])
        lines.append("    ~ " + t._("approximate figures: {figures}", figures=figures))
    return lines
