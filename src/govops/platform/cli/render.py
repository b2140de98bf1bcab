"""Plain-text views of packs, analyses and explained decisions for the terminal, in the
reader's language (`t`). Pack texts are shown in it when the pack has them, else in the
document's own language, unmarked (a terminal has no `lang`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from govops.lawcode.dated.procedures import Deadline, SpanUnit
from govops.lawcode.rules.conditions import Shortfall
from govops.lawcode.rules.decision import Decision, WhyNot
from govops.lawcode.rules.tables import HitPolicy, OutcomeRule
from govops.platform.i18n.translator import Translator

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
