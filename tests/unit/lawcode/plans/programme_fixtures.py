"""Small hand-built programmes for the unit tests of the plan checks."""

from __future__ import annotations

from decimal import Decimal

from govops.lawcode.plans.findings import Finding
from govops.lawcode.plans.programme import (
    Activity,
    Budget,
    BudgetLine,
    CostComponent,
    Factor,
    Figure,
    Level,
    Output,
    Programme,
    ScopeCount,
    Statement,
    Timeframe,
)
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message
from govops.platform.i18n.translator import translator

DOC = "plan"
YEARS = (2016, 2017)
MILLION = Decimal(1_000_000)


def cite(article: str) -> Citation:
    return Citation(DOC, article)


def fig(value: str, article: str = "PL") -> Figure:
    return Figure(Decimal(value), value, cite(article))


def talks(per_commune: str = "650000", communes: str = "200") -> CostComponent:
    return CostComponent(
        "talks",
        {"vi": "nói chuyện", "en": "talks"},
        fig(per_commune, "PL 1"),
        YEARS,
        (Factor(fig(communes, "PL 1"), "xã"),),
        level=Level.COMMUNE,
    )


def line(
    line_id: str,
    stated: dict[int, str],
    components: tuple[CostComponent, ...] = (),
    children: tuple[BudgetLine, ...] = (),
    total: str | None = None,
) -> BudgetLine:
    where = f"PL {line_id}"
    return BudgetLine(
        line_id,
        line_id,
        {"vi": line_id},
        cite(where),
        {y: fig(v, where) for y, v in stated.items()},
        None if total is None else fig(total, where),
        components,
        children,
    )


def budget(
    lines: tuple[BudgetLine, ...],
    year_totals: dict[int, str],
    grand: str,
    text_total: str | None = None,
    words: str | None = None,
) -> Budget:
    return Budget(
        {"vi": "triệu đồng"},
        MILLION,
        YEARS,
        lines,
        {y: fig(v, "PL Tổng") for y, v in year_totals.items()},
        fig(grand, "PL Tổng"),
        None if text_total is None else fig(text_total, "IV.3"),
        None if words is None else Statement(words, cite("IV.3")),
    )


def consistent_budget() -> Budget:
    """Talks 130 a year (650.000 x 200 xã) and a lump-sum line 20 a year: 150, 150, 300."""
    return budget(
        (
            line("1", {2016: "130", 2017: "130"}, (talks(),), total="260"),
            line("2", {2016: "20", 2017: "20"}, total="40"),
        ),
        {2016: "150", 2017: "150"},
        "300",
        "300",
        "Ba trăm triệu đồng",
    )


def programme(
    budget_: Budget,
    outputs: tuple[Output, ...],
    timeframe: tuple[int, ...] | None = YEARS,
    communes: str = "200",
) -> Programme:
    activity = Activity(
        "2.2",
        {"vi": "truyền thông"},
        cite("III.2.2"),
        outputs,
        (),
        None if timeframe is None else Timeframe(timeframe, cite("III.2.2 c")),
    )
    scope = {"communes": ScopeCount("communes", "xã", fig(communes, "II.1"), Level.COMMUNE)}
    return Programme("p", {"vi": "p"}, (2016, 2017), scope, (activity,), budget_)


def output(
    funded_by: tuple[str, ...] = ("talks",),
    levels: tuple[Level, ...] = (Level.COMMUNE,),
    quantity: Factor | None = None,
    frequency: Figure | None = None,
) -> Output:
    return Output(
        "talks", {"vi": "nói chuyện"}, cite("III.2.2 a"), levels, quantity, frequency, funded_by
    )


def said(what: Finding | Message, language: str) -> str:
    """A finding's message (or a message) as a reader of `language` reads it."""
    return translator(language).say(what.message if isinstance(what, Finding) else what)
