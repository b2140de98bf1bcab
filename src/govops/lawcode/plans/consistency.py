"""Where a plan's text and its budget appendix disagree: the number of communes or districts
the costs are counted for, the outputs the text promises against the quantities costed,
and the years the text sets against the years the appendix funds. Each finding cites both
places."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from govops.lawcode.plans.findings import (
    Finding,
    FindingSeverity,
    article,
    level_name,
    listed,
    years_text,
)
from govops.lawcode.plans.programme import (
    Activity,
    BudgetLine,
    CostComponent,
    Factor,
    Level,
    Output,
    Programme,
    ScopeCount,
)
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, Quote, msg


@dataclass(frozen=True, slots=True)
class Funding:
    """A budget item that pays for an output: a cost component, or a whole line that
    gives no unit costs."""

    id: str
    line: BudgetLine
    component: CostComponent | None
    years: tuple[int, ...]
    level: Level | None


def fundings(programme: Programme) -> dict[str, Funding]:
    found: dict[str, Funding] = {}
    for line in programme.budget.all_lines():
        for c in line.components:
            found[c.id] = Funding(c.id, line, c, c.years, c.level)
        if not line.components and not line.children:
            years = tuple(sorted(y for y, f in line.stated.items() if f.value != 0))
            found[line.id] = Funding(line.id, line, None, years, line.level)
    return found


def check_consistency(programme: Programme) -> list[Finding]:
    funded = fundings(programme)
    findings = list(_scope_counts(programme))
    for activity in programme.activities:
        findings += _activity_findings(programme, activity, funded)
    used = {i for a in programme.activities for o in a.outputs for i in o.funded_by}
    for item in funded.values():
        if item.id not in used:
            findings.append(
                Finding(
                    "unlinked-budget-item",
                    FindingSeverity.NOTICE,
                    msg(
                        "The budget item of row {row} pays for no activity named in the "
                        "plan's text",
                        row=article(item.line.cite),
                    ),
                    (item.line.cite,),
                )
            )
    return findings


def _scope_counts(programme: Programme) -> Iterator[Finding]:
    """One finding per row and count: a row whose components all count 200 xã is one
    disagreement with the scope, not one per component."""
    by_unit = {s.unit: s for s in programme.scope.values()}
    for line in programme.budget.all_lines():
        reported: set[tuple[str, Decimal]] = set()
        for component in line.components:
            for factor in component.factors:
                scope = by_unit.get(factor.unit)
                key = (factor.unit, factor.value)
                differs = factor.per is None and scope and factor.value != scope.figure.value
                if differs and scope and key not in reported:
                    reported.add(key)
                    yield _scope_finding(scope, factor, line)


def _scope_finding(scope: ScopeCount, counted: Factor, line: BudgetLine) -> Finding:
    return Finding(
        "scope-count",
        FindingSeverity.WARNING,
        msg(
            "The plan covers {count} {unit} ({where}) but row {row} costs {counted} {unit}",
            count=scope.figure.value,
            unit=Quote(scope.unit),
            where=article(scope.figure.cite),
            row=article(line.cite),
            counted=counted.value,
        ),
        (scope.figure.cite, counted.figure.cite),
        scope.figure.value,
        counted.value,
    )


def _quantities(programme: Programme, output: Output, items: list[Funding]) -> Iterator[Finding]:
    quantity = output.quantity
    by_unit = {s.unit: s for s in programme.scope.values()}
    for item in items:
        component = item.component
        if component is None:
            continue
        if (
            output.frequency
            and component.frequency
            and (output.frequency.value != component.frequency.value)
        ):
            yield _disagree(
                "output-frequency",
                output,
                item,
                msg("{count} times a year", count=output.frequency.value),
                msg("{count} times a year", count=component.frequency.value),
            )
        if quantity is None:
            continue
        costed = next((f for f in component.factors if f.unit == quantity.unit), None)
        if costed is None:
            continue
        if costed.per == quantity.per:
            if costed.value != quantity.value:
                yield _disagree("output-rate", output, item, _rate(quantity), _rate(costed))
            continue
        scope = by_unit.get(quantity.per or "")
        count = component.count_of(costed.per or "")
        if scope is None or count is None:
            continue
        promised = quantity.value * scope.figure.value
        paid = costed.value * count.value
        if promised != paid:
            yield _disagree(
                "output-total",
                output,
                item,
                _product(quantity, scope.figure.value, scope.unit, promised),
                _product(costed, count.value, count.unit, paid),
                extra=(scope.figure.cite,),
            )


def _rate(factor: Factor) -> Message:
    """01 câu lạc bộ/xã: so many of a unit per another."""
    unit, per = Quote(factor.unit), Quote(factor.per or "")
    return msg("{count} {unit}/{per}", count=factor.value, unit=unit, per=per)


def _product(rate: Factor, count: Decimal, unit: str, total: Decimal) -> Message:
    """01 câu lạc bộ/xã x 300 xã = 300 câu lạc bộ."""
    return msg(
        "{rate} x {count} {unit} = {total} {what}",
        rate=_rate(rate),
        count=count,
        unit=Quote(unit),
        total=total,
        what=Quote(rate.unit),
    )


def _disagree(
    code: str,
    output: Output,
    item: Funding,
    text_says: Message,
    table_says: Message,
    extra: tuple[Citation, ...] = (),
) -> Finding:
    return Finding(
        code,
        FindingSeverity.WARNING,
        msg(
            "Section {section} states {text_says}; appendix row {row} costs {table_says}",
            section=article(output.cite),
            text_says=text_says,
            row=article(item.line.cite),
            table_says=table_says,
        ),
        (output.cite, *extra, item.line.cite),
    )


@dataclass
class _Gap:
    """Years of the text's timeframe in which no item pays for an output at some levels;
    outputs quoting the same place of the text are reported together."""

    output: Output
    levels: list[Level]
    items: dict[str, Funding]


def _activity_findings(
    programme: Programme, activity: Activity, funded: dict[str, Funding]
) -> list[Finding]:
    found: list[Finding] = []
    outside_seen: set[str] = set()
    gaps: dict[tuple[Citation, tuple[int, ...]], _Gap] = {}
    frame = activity.timeframe
    for output in activity.outputs:
        items = [funded[i] for i in output.funded_by if i in funded]
        found += _quantities(programme, output, items)
        if not output.funded_by:
            found.append(_no_budget_line(output))
            continue
        if frame is None:
            continue
        for item in items:
            outside = sorted(set(item.years) - set(frame.years))
            if outside and item.id not in outside_seen:
                outside_seen.add(item.id)
                found.append(_outside(item, outside, frame.years, frame.cite))
        for level in output.levels:
            paying = [i for i in items if i.level in (None, level)]
            gap = tuple(y for y in frame.years if not any(y in i.years for i in paying))
            if gap:
                entry = gaps.setdefault((output.cite, gap), _Gap(output, [], {}))
                entry.levels += [level] if level not in entry.levels else []
                entry.items |= {i.id: i for i in paying}
    for (_, gap), entry in gaps.items():
        assert frame is not None
        items_cited = list(entry.items.values())
        found.append(
            _unfunded(entry.output, gap, entry.levels, frame.years, frame.cite, items_cited)
        )
    return found


def _no_budget_line(output: Output) -> Finding:
    return Finding(
        "no-budget-line",
        FindingSeverity.NOTICE,
        msg(
            "The activity of section {section} has no row in the budget appendix",
            section=article(output.cite),
        ),
        (output.cite,),
    )


def _outside(item: Funding, outside: list[int], frame: tuple[int, ...], at: Citation) -> Finding:
    return Finding(
        "outside-timeframe",
        FindingSeverity.WARNING,
        msg(
            "Row {row} is funded in {years}, outside the years {frame} the text sets ({where})",
            row=article(item.line.cite),
            years=years_text(outside),
            frame=years_text(frame),
            where=article(at),
        ),
        (at, item.line.cite),
    )


def _unfunded(
    output: Output,
    gap: tuple[int, ...],
    levels: list[Level],
    frame: tuple[int, ...],
    at: Citation,
    items: list[Funding],
) -> Finding:
    rows = [article(c) for c in dict.fromkeys(i.line.cite for i in items)]
    return Finding(
        "unfunded-years",
        FindingSeverity.NOTICE,
        msg(
            "Section {section} ({levels}) runs {frame} ({where}) but the appendix ({rows}) "
            "funds nothing in {gap}",
            section=article(output.cite),
            levels=listed([level_name(x) for x in levels]),
            frame=years_text(frame),
            where=article(at),
            rows=listed(rows) if rows else "",
            gap=years_text(gap),
        ),
        (output.cite, at, *dict.fromkeys(i.line.cite for i in items)),
    )
