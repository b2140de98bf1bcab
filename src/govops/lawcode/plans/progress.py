"""Progress of a programme: what each area planned, did and spent on a budget line in a
year, set against the line's budget for that year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from govops.lawcode.plans.budget_words import printed
from govops.lawcode.plans.findings import Finding, FindingSeverity, figure
from govops.lawcode.plans.programme import Programme
from govops.lawcode.sources.citations import Citation

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
    """A record that names a line the budget does not have or a year outside the plan."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


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
            raise ProgressError(
                f"dự toán không có dòng {record.line_id!r}",
                f"the budget has no line {record.line_id!r}",
            )
        if lines[record.line_id].children:  # its rows report; the group would count twice
            raise ProgressError(
                f"dòng {record.line_id!r} là dòng tổng hợp: hãy báo cáo theo các dòng con",
                f"line {record.line_id!r} is a group row: report on its rows",
            )
        key = (record.line_id, record.area, record.year)
        if key in seen:
            raise ProgressError(
                f"{record.area} báo cáo dòng {record.line_id!r} năm {record.year} hai lần",
                f"{record.area} reports line {record.line_id!r} for {record.year} twice",
            )
        seen.add(key)
        if not first <= record.year <= last:
            raise ProgressError(
                f"năm {record.year} nằm ngoài giai đoạn {first}-{last} của kế hoạch",
                f"{record.year} is outside the plan's years {first}-{last}",
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
        {
            "vi": f"Dòng {cite.article}, năm {item.year}: đã chi {figure(item.spent, 'vi')}, "
            f"dự toán {figure(item.budget, 'vi')}",
            "en": f"Row {cite.article}, {item.year}: spent {figure(item.spent, 'en')} against "
            f"a budget of {figure(item.budget, 'en')}",
        },
        (cite,),
        item.budget,
        item.spent,
    )
