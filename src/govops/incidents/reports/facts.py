"""The incident's facts worded for the report: times, figures as given, grade, duties."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from govops.incidents.model.incident import ActionState, DeadlineState, Incident, Report
from govops.incidents.model.rules import GRADE_TABLE
from govops.incidents.reports.labels import Words
from govops.lawcode.rules.inputs import InputKind, InputSpec
from govops.lawcode.sources.pack import Pack
from govops.platform.reports.blocks import Span


@dataclass(frozen=True, slots=True)
class Context:
    incident: Incident
    pack: Pack
    words: Words
    timezone: ZoneInfo
    issued_at: datetime

    @property
    def inputs(self) -> dict[str, InputSpec]:
        table = self.pack.tables.get(GRADE_TABLE)
        return dict(table.inputs) if table else {}

    def time(self, moment: datetime) -> str:
        local = moment.astimezone(self.timezone)
        if self.words.zh:
            return f"{local.year}年{local.month}月{local.day}日{local.hour}时{local.minute:02d}分"
        return local.strftime("%Y-%m-%d %H:%M")

    def cite(self, article: str) -> Span:
        return Span(self.words("cite", article=article), "cite")

    def placeholder(self) -> Span:
        return Span(self.words("placeholder"), "placeholder")

    def article(self, citation: str) -> str:
        """'cn-county-mass-incident-plan 4.1(1)' as the article alone: '4.1(1)'."""
        prefix = f"{self.pack.document.id} "
        return citation.removeprefix(prefix)

    def label(self, name: str) -> str:
        spec = self.inputs.get(name)
        if self.words.zh and spec is not None and spec.label:
            return spec.label
        return name.replace("_", " ")

    def grade_name(self, grade: str | None) -> str:
        if grade is None:
            return self.words("ungraded")
        table = self.pack.tables.get(GRADE_TABLE)
        try:
            return table.outcome(grade).label(self.words.language) if table else grade
        except KeyError:
            return grade


def given(report: Report) -> dict[str, dict[str, Any]]:
    """The inputs of a report that someone gave (not defaulted), with their decided form."""
    decided: dict[str, dict[str, Any]] = report.decision.get("inputs", {})
    return {
        name: decided.get(name, {"value": raw})
        for name, raw in report.inputs.items()
        if not decided.get(name, {}).get("defaulted", False)
    }


def figure(ctx: Context, report: Report, name: str, *, as_read: bool = True) -> str:
    """A figure as given ('约5000人'), with the value it was read as when that differs
    (unless `as_read` is false)."""
    entry = given(report).get(name, {})
    value, raw = entry.get("value"), report.inputs.get(name)
    if isinstance(value, bool):
        return ctx.words("yes" if value else "no")
    if isinstance(value, list):
        return ctx.words.join([str(v) for v in value])
    spec = ctx.inputs.get(name)
    unit = spec.unit if spec and ctx.words.zh else None
    shown, normal = _with_unit(str(raw), unit), _with_unit(str(value), unit)
    if not as_read:
        return shown
    if entry.get("approximate"):
        return shown + ctx.words("approx_as", value=normal)
    return shown if shown == normal else shown + ctx.words("read_as", value=normal)


def _with_unit(text: str, unit: str | None) -> str:
    text = text.strip()
    return text if not unit or text.endswith(unit) else f"{text}{unit}"


def counts(ctx: Context) -> list[str]:
    """The count inputs (participants, deaths, injured): always reported under 6.1.3(4)②."""
    return [n for n, s in ctx.inputs.items() if s.kind is InputKind.COUNT]


def figures_line(ctx: Context, report: Report) -> str:
    sep = ctx.words("colon")
    return ctx.words.join([f"{ctx.label(n)}{sep}{figure(ctx, report, n)}" for n in given(report)])


def fired(ctx: Context, report: Report) -> list[tuple[str, str]]:
    """(text, article) of each clause that decided the report's grade."""
    ids = set(report.decision.get("fired", []))
    return [
        (
            ctx.words("meets", clause=step["clause"], text=step.get("text", "")),
            ctx.article(str(step.get("cite", ""))),
        )
        for step in report.decision.get("trace", [])
        if step.get("clause") in ids
    ]


def approximate_names(ctx: Context, report: Report) -> list[str]:
    return [ctx.label(n) for n in report.decision.get("approximate", [])]


def deadline(ctx: Context, item: DeadlineState) -> str:
    words = ctx.words
    title = item.title.get(words.language) or next(iter(item.title.values()), item.id)
    text = f"{title}{words('colon')}{words('due', at=ctx.time(item.due))}"
    if item.met_at is not None:
        late = item.met_at > item.due
        text += words("met_late" if late else "met", at=ctx.time(item.met_at))
    else:
        text += words("overdue" if item.overdue(ctx.issued_at) else "not_due")
    return text + (words("provisional") if item.provisional else "")


def action(ctx: Context, item: ActionState) -> str:
    words = ctx.words
    text = item.text.get(words.language) or next(iter(item.text.values()), item.id)
    actor = item.actor.get(words.language) or next(iter(item.actor.values()), "")
    if item.done_at is None:
        return text + (words("responsible", actor=actor) if actor else "")
    return text + words("done", by=item.done_by or actor, at=ctx.time(item.done_at))


def department_names(ctx: Context) -> list[str]:
    key = "name" if ctx.words.zh else "name_en"
    return [d.get(key) or d.get("name") or d["code"] for d in ctx.incident.departments]


def department_articles(ctx: Context) -> list[str]:
    """The articles that make each department responsible, e.g. 3.1.3 and 7.1(2)."""
    articles: list[str] = []
    for department in ctx.incident.departments:
        for cite in department.get("cite", "").split(";"):
            article = cite.strip().split(" ")[0]
            if article and article not in articles:
                articles.append(article)
    return articles


def report_kind(ctx: Context, report: Report) -> str:
    if report.number == 0:
        return ctx.words("first")
    return ctx.words("follow_up", n=report.number)
