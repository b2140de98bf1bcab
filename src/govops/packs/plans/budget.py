"""Build the budget of a programme.yaml: lines with the figures each year, their cost
components, and the totals as the table prints them."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from govops.lawcode.plans.programme import (
    Budget,
    BudgetLine,
    CostComponent,
    Figure,
    Level,
    Statement,
)
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, msg
from govops.packs.plans.schema import BudgetModel, ComponentModel, LineModel

if TYPE_CHECKING:
    from govops.packs.plans.build import FigureReader, Where

APPENDIX = "PL"


class BudgetBuilder:
    def __init__(self, reader: FigureReader) -> None:
        self.reader = reader
        self.years: tuple[int, ...] = ()
        self.line_ids: set[str] = set()
        self.component_ids: set[str] = set()

    def build(self, model: BudgetModel) -> Budget:
        where: Where = ["budget"]
        reader = self.reader
        self.years = tuple(model.years)
        table = reader.cite(model.cite, [*where, "cite"])
        totals = reader.cite(model.totals_cite, [*where, "totals_cite"])
        lines = tuple(self._line(m, [*where, "lines", i], table) for i, m in enumerate(model.lines))
        year_totals = self._stated(model.year_totals, totals, [*where, "year_totals"])
        text_total = (
            None
            if model.text_total is None
            else reader.figure(model.text_total, [*where, "text_total"])
        )
        words = None
        if model.total_in_words is not None:
            words_cite = reader.cite(model.total_in_words.cite, [*where, "total_in_words"])
            words = Statement(model.total_in_words.text, words_cite)
        unit_dong = reader.number(model.unit_dong, table, [*where, "unit_dong"]).value
        if unit_dong <= 0:
            reader.report([*where, "unit_dong"], msg("unit_dong must be a positive number of dong"))
            unit_dong = Decimal(1)
        return Budget(
            dict(model.unit),
            unit_dong,
            self.years,
            lines,
            year_totals,
            reader.number(model.grand_total, totals, [*where, "grand_total"]),
            text_total,
            words,
        )

    def _stated(self, figures: dict[int, str], cite: Citation, where: Where) -> dict[int, Figure]:
        stated: dict[int, Figure] = {}
        for year, text in figures.items():
            if year not in self.years:
                self.reader.report([*where, year], _not_a_year(year))
            stated[year] = self.reader.number(text, cite, [*where, year])
        return stated

    def _line(self, model: LineModel, where: Where, table: Citation) -> BudgetLine:
        reader = self.reader
        if model.id in self.line_ids:
            reader.report([*where, "id"], msg("budget line {line} twice", line=repr(model.id)))
        if model.id in self.component_ids:
            reader.report(
                [*where, "id"],
                msg("budget line {line} has the id of a component", line=repr(model.id)),
            )
        self.line_ids.add(model.id)
        printed = model.id if model.printed is None else model.printed
        if model.cite is not None:
            cite = reader.cite(model.cite, [*where, "cite"])
        elif printed:
            cite = Citation(table.document, f"{APPENDIX} {printed}")
        else:
            reader.report([*where], msg("a row without a printed number needs a 'cite'"))
            cite = table
        components = tuple(
            self._component(m, [*where, "components", i], cite)
            for i, m in enumerate(model.components)
        )
        children = tuple(
            self._line(m, [*where, "children", i], table) for i, m in enumerate(model.children)
        )
        total = None if model.total is None else reader.number(model.total, cite, [*where, "total"])
        return BudgetLine(
            model.id,
            printed,
            dict(model.title),
            cite,
            self._stated(model.stated, cite, [*where, "stated"]),
            total,
            components,
            children,
            dict(model.note),
            None if model.level is None else Level(model.level),
        )

    def _component(self, model: ComponentModel, where: Where, row: Citation) -> CostComponent:
        reader = self.reader
        if model.id in self.component_ids:
            reader.report(
                [*where, "id"], msg("cost component {component} twice", component=repr(model.id))
            )
        if model.id in self.line_ids:
            reader.report(
                [*where, "id"],
                msg(
                    "cost component {component} has the id of a budget line",
                    component=repr(model.id),
                ),
            )
        self.component_ids.add(model.id)
        for index, year in enumerate(model.years):
            if year not in self.years:
                reader.report([*where, "years", index], _not_a_year(year))
        cost = model.unit_cost
        cost_cite = row if cost.cite is None else reader.cite(cost.cite, [*where, "unit_cost"])
        frequency = None
        if model.frequency is not None:
            f_cite = (
                row
                if model.frequency.cite is None
                else reader.cite(model.frequency.cite, [*where, "frequency", "cite"])
            )
            frequency = reader.number(model.frequency.text, f_cite, [*where, "frequency"])
        return CostComponent(
            model.id,
            dict(model.text),
            reader.amount(cost.text, cost_cite, [*where, "unit_cost", "text"]),
            tuple(model.years),
            tuple(
                reader.factor(f, row, [*where, "factors", i]) for i, f in enumerate(model.factors)
            ),
            frequency,
            None if model.level is None else Level(model.level),
            cost.per,
        )


def _not_a_year(year: int) -> Message:
    return msg("{year} is not a year of the budget", year=str(year))
