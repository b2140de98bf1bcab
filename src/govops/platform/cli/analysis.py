"""The analysis of a rule table for the terminal (`govops pack analyse`): its overlaps and
holes, in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping

from govops.lawcode.rules.analysis import Analysis
from govops.lawcode.rules.inputs import InputScalar
from govops.lawcode.rules.tables import RuleTable
from govops.platform.cli.render import listed
from govops.platform.i18n.translator import Translator


def shown_context(context: Mapping[str, InputScalar], t: Translator) -> str:
    """Only the inputs that are set: a hole 'with important_site, radical_behaviour'."""
    unset: tuple[object, ...] = (False, 0, frozenset())
    shown = [k if v is True else f"{k}={v}" for k, v in context.items() if v not in unset]
    return listed(t, shown) if shown else t._("all other inputs at their defaults")


def render_analysis(table: RuleTable, analysis: Analysis, t: Translator) -> str:
    lines = [
        t._(
            "table {table}: {overlaps} on shared inputs, {independent} between independent "
            "criteria (resolved by priority), {holes}",
            table=table.id,
            overlaps=t.ngettext("{count} overlap", "{count} overlaps", len(analysis.overlaps)),
            independent=analysis.independent_overlaps,
            holes=t.ngettext("{count} hole", "{count} holes", len(analysis.holes)),
        )
    ]
    for overlap in analysis.overlaps:
        (first, a), (second, b) = overlap.first, overlap.second
        lines.append(
            "  "
            + t._(
                "overlap {clause} ({outcome}, {article}) and {other_clause} ({other_outcome}, "
                "{other_article}): e.g. {context}",
                clause=a.id,
                outcome=first,
                article=a.cite.article,
                other_clause=b.id,
                other_outcome=second,
                other_article=b.cite.article,
                context=shown_context(overlap.example, t),
            )
        )
    for hole in analysis.holes:
        lines.append(
            "  "
            + t._(
                "hole {input} in {range} matches no outcome, with {context} (below: {below}, "
                "above: {above}; {contexts})",
                input=hole.input,
                range=hole.notation(),
                context=shown_context(hole.context, t),
                below=hole.below,
                above=hole.above,
                contexts=t.ngettext("{count} context", "{count} contexts", hole.contexts_seen),
            )
        )
    if not analysis.complete:
        lines.append(
            "  " + t._("note: too many input combinations; holes were searched in part only")
        )
    return "\n".join(lines)
