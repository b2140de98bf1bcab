"""Plain-text views of packs, analyses and explained decisions for the terminal."""

from __future__ import annotations

from collections.abc import Mapping

from govops.lawcode.dated.procedures import SpanUnit
from govops.lawcode.rules.analysis import Analysis
from govops.lawcode.rules.decision import Decision
from govops.lawcode.rules.inputs import InputScalar
from govops.lawcode.rules.tables import HitPolicy, RuleTable
from govops.lawcode.sources.pack import Pack


def _inclusive(inclusive: bool) -> str:
    return "inclusive" if inclusive else "exclusive"


def render_pack(pack: Pack) -> str:
    in_force = pack.document.in_force_from or "the day of issue (no date given)"
    lines = [
        f"{pack.id} {pack.version} ({pack.jurisdiction}, {pack.language}, {pack.timezone})",
        f"  {pack.title.get(pack.language, '')} / {pack.title.get('en', '')}",
        f"  document: {pack.document.id}, in force from {in_force}",
        "  boundary convention:",
        *(
            f"    {w.word}: {w.side.value} bound, {_inclusive(w.inclusive)} [{w.cite.article}]"
            for w in pack.convention.words.values()
        ),
        "  parameters:",
    ]
    for name, parameter in pack.parameters.parameters.items():
        for dated in parameter.values:
            period = f"{dated.start or '…'} – {dated.end or '…'}"
            unit = parameter.unit or ""
            lines.append(f"    {name} = {dated.value} {unit} ({period}) [{dated.cite.article}]")
    lines.append("  rule tables:")
    for table in pack.tables.values():
        count = sum(1 for _ in table.clauses())
        lines.append(
            f"    {table.id}: {table.title}, hit {table.hit.value}, "
            f"{len(table.outcomes)} outcomes, {count} clauses [{table.cite.article}]"
        )
    lines.append("  deadlines:")
    for d in pack.deadlines:
        span = "immediately" if d.unit is SpanUnit.IMMEDIATELY else f"{d.amount} {d.unit.value}"
        lines.append(
            f"    {d.id} ({d.stage.value} stage, from {d.trigger}): {span} "
            f"for {'/'.join(d.applies_to)} [{d.cite.article}]"
        )
    lines.append(f"  checklist: {len(pack.checklist)} response actions")
    for catalogue in pack.catalogues.values():
        lines.append(f"  {catalogue.id}: {catalogue.title.get(pack.language, '')}")
        lines += [
            f"    [{i.cite.article}] {i.text.get(pack.language, i.id)}" for i in catalogue.items
        ]
    for name, entries in pack.vocabularies.items():
        lines.append(f"  vocabulary {name}:")
        lines += [f"    {e.code}: {e.label.get(pack.language, '')}" for e in entries]
    programme = pack.programme
    if programme is not None:
        first, last = programme.period
        rows = sum(1 for _ in programme.budget.all_lines())
        lines.append(
            f"  programme {programme.id} ({first}-{last}): {len(programme.activities)} "
            f"activities, {rows} budget rows, targets for "
            f"{', '.join(t.indicator for t in programme.trajectories) or 'nothing'} "
            "(govops programme check-budget)"
        )
    return "\n".join(lines)


def shown_context(context: Mapping[str, InputScalar]) -> str:
    """Only the inputs that are set: a hole 'with important_site, radical_behaviour'."""
    unset: tuple[object, ...] = (False, 0, frozenset())
    shown = [k if v is True else f"{k}={v}" for k, v in context.items() if v not in unset]
    return ", ".join(shown) or "all other inputs at their defaults"


def render_analysis(table: RuleTable, analysis: Analysis) -> str:
    lines = [
        f"table {table.id}: {len(analysis.overlaps)} overlaps on shared inputs, "
        f"{analysis.independent_overlaps} between independent criteria (resolved by priority), "
        f"{len(analysis.holes)} holes"
    ]
    for overlap in analysis.overlaps:
        (first, a), (second, b) = overlap.first, overlap.second
        lines.append(
            f"  overlap {a.id} ({first}, {a.cite.article}) and "
            f"{b.id} ({second}, {b.cite.article}): e.g. {shown_context(overlap.example)}"
        )
    for hole in analysis.holes:
        lines.append(
            f"  hole {hole.input} in {hole.notation()} matches no outcome, "
            f"with {shown_context(hole.context)} (below: {hole.below}, above: {hole.above}; "
            f"{hole.contexts_seen} context(s))"
        )
    if not analysis.complete:
        lines.append("  note: too many input combinations; holes were searched in part only")
    return "\n".join(lines)


def render_decision(decision: Decision, language: str) -> list[str]:
    table = decision.table
    title = table.title_in(language)
    if table.hit is HitPolicy.COLLECT:
        separator = "、" if language.startswith("zh") else ", "
        names = separator.join(o.label(language) for o in decision.outcomes)
        return [f"  {title}: {names or '—'}"]
    lines = [f"  {title}: {decision.outcome if decision.outcome is not None else '—'}"]
    for clause in decision.fired:
        lines.append(f"    ✓ {clause.id} [{clause.cite.article}] {clause.text}")
    for why in decision.why_not:
        lines.append(f"    ✗ not {why.outcome.display}: {why.summary()}")
    approximate = [n for n, v in decision.inputs.items() if v.approximate]
    if approximate:
        figures = ", ".join(f"{n} ({decision.inputs[n].raw})" for n in approximate)
        lines.append(f"    ~ approximate figures: {figures}")
    return lines
