"""Progress of a programme: what each area planned, did and spent on a budget line in a
year, set against the line's budget for that year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from govops.lawcode.plans.budget_words import printed
from govops.lawcode.plans.findings import Finding, FindingSeverity, article
from govops.lawcode.plans.programme import Programme
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, Quote, msg, quoted

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class ProgressRecord:
    """One area's report for one budget line and year. Quantities are in the line's own
    unit (talks held, leaflets printed); `spent` is in the budget's unit."""

    line_id: str
    area: str
    year: int
    planned: Decimal | None
    done: Decimal | None
    spent: Decimal


@dataclass(frozen=True, slots=True)
class LineProgress:
    line_id: str
    year: int
    budget: Decimal  # what the appendix sets for the line that year
    spent: Decimal
    planned: Decimal | None  # None when no area reported a planned quantity
    done: Decimal | None
    areas: tuple[str, ...]

    @property
    def spent_share(self) -> Decimal | None:
        return None if self.budget == 0 else self.spent / self.budget

    @property
    def done_share(self) -> Decimal | None:
        if self.planned is None or self.done is None or self.planned == 0:
            return None
        return self.done / self.planned


class ProgressError(ValueError):
    """A record that names a line the budget does not have or a year outside the plan;
    `.message` says which (str() is its English text)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return sum(known, ZERO) if known else None


def summarise(
    programme: Programme, records: Iterable[ProgressRecord]
) -> tuple[tuple[LineProgress, ...], tuple[Finding, ...]]:
    """Records summed per line and year, in budget order; with a warning for every line
    and year that spends more than its budget or spends where the budget sets nothing."""
    budget = programme.budget
    lines = {line.id: line for line in budget.all_lines()}
    grouped: dict[tuple[str, int], list[ProgressRecord]] = {}
    first, last = programme.period
    seen: set[tuple[str, str, int]] = set()
    for record in records:
        if record.line_id not in lines:
            raise ProgressError(msg("the budget has no line {line}", line=quoted(record.line_id)))
        if lines[record.line_id].children:  # its rows report; the group would count twice
            raise ProgressError(
                msg("line {line} is a group row: report on its rows", line=quoted(record.line_id))
            )
        key = (record.line_id, record.area, record.year)
        if key in seen:
            raise ProgressError(
                msg(
                    "{area} reports line {line} for {year} twice",
                    area=Quote(record.area),
                    line=quoted(record.line_id),
                    year=str(record.year),
                )
            )
        seen.add(key)
        if not first <= record.year <= last:
            raise ProgressError(
                msg(
                    "{year} is outside the plan's years {first}-{last}",
                    year=str(record.year),
                    first=str(first),
                    last=str(last),
                )
            )
        grouped.setdefault((record.line_id, record.year), []).append(record)
    order = {line_id: i for i, line_id in enumerate(lines)}
    summary = tuple(
        LineProgress(
            line_id,
            year,
            printed(lines[line_id], year),
            sum((r.spent for r in found), ZERO),
            _sum(r.planned for r in found),
            _sum(r.done for r in found),
            tuple(sorted({r.area for r in found})),
        )
        for (line_id, year), found in sorted(
            grouped.items(), key=lambda k: (order[k[0][0]], k[0][1])
        )
    )
    findings = tuple(
        _overspent(item, lines[item.line_id].cite) for item in summary if item.spent > item.budget
    )
    return summary, findings


def _overspent(item: LineProgress, cite: Citation) -> Finding:
    unbudgeted = item.budget == 0
    return Finding(
        "unbudgeted-spending" if unbudgeted else "overspent",
        FindingSeverity.WARNING,
        msg(
            "Row {row}, {year}: spent {spent} against a budget of {budget}",
            row=article(cite),
            year=str(item.year),
            spent=item.spent,
            budget=item.budget,
        ),
        (cite,),
        item.budget,
        item.spent,
    )
