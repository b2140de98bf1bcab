"""The incident's facts worded for the report: times, figures as given, grade, duties, in
the report's language (`t`); pack texts in it when the pack has them, else in the pack's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from govops.incidents.model.incident import ActionState, DeadlineState, Incident, Report
from govops.incidents.model.rules import GRADE_TABLE
from govops.lawcode.rules.inputs import InputKind, InputSpec
from govops.lawcode.sources.pack import Pack
from govops.platform.i18n.languages import ZH_HANS, ZH_HANT
from govops.platform.i18n.translator import Translator
from govops.platform.reports.blocks import Span

CHINESE = (ZH_HANS, ZH_HANT)


@dataclass(frozen=True, slots=True)
class Context:
    incident: Incident
    pack: Pack
    t: Translator
    issued_at: datetime

    @property
    def chinese(self) -> bool:
        return self.t.language in CHINESE

    @property
    def inputs(self) -> dict[str, InputSpec]:
        table = self.pack.tables.get(GRADE_TABLE)
        return dict(table.inputs) if table else {}

    def colon(self) -> str:
        return self.t.pgettext("label", ": ")

    def join(self, items: list[str]) -> str:
        return self.t.pgettext("list separator", ", ").join(items)

    def time(self, moment: datetime) -> str:
        return self.t.when(moment)

    def text(self, texts: Mapping[str, str], fallback: str = "") -> str:
        """A pack text in the report's language, else in the pack's own."""
        return self.t.text(texts).text or fallback

    def document_text(self, text: str) -> str:
        """A text of the plan itself (a clause, an article's name), as the reader reads it."""
        return self.text({self.pack.document.language: text}, text)

    def cite(self, article: str) -> Span:
        return Span(self.t._(" (plan {article})", article=self.document_text(article)), "cite")

    def placeholder(self) -> Span:
        return Span(self.t._("(to be supplied)"), "placeholder")

    def article(self, citation: str) -> str:
        """'cn-county-mass-incident-plan 4.1(1)' as the article alone: '4.1(1)'."""
        prefix = f"{self.pack.document.id} "
        return citation.removeprefix(prefix)

    def label(self, name: str) -> str:
        """An input's label in the report's language where the pack gives one, else in
        the pack's own."""
        spec = self.inputs.get(name)
        if spec is not None and spec.label:
            return self.text(dict(spec.labels) or {self.pack.language: spec.label}, name)
        return name

    def grade_name(self, grade: str | None) -> str:
        if grade is None:
            return self.t._("no grading criterion met")
        table = self.pack.tables.get(GRADE_TABLE)
        try:
            outcome = table.outcome(grade) if table else None
        except KeyError:
            return grade
        return self.text(outcome.labels, grade) if outcome else grade


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
        return ctx.t.value(value)
    if isinstance(value, list):
        return ctx.join([str(v) for v in value])
    spec = ctx.inputs.get(name)
    unit = spec.unit if spec and ctx.chinese else None  # the pack's measure words are Chinese
    shown, normal = _with_unit(str(raw), unit), _with_unit(str(value), unit)
    if not as_read:
        return shown
    if entry.get("approximate"):
        return shown + ctx.t._(" (approximate, read as {value})", value=normal)
    if shown == normal:
        return shown
    return shown + ctx.t._(" (read as {value})", value=normal)


def _with_unit(text: str, unit: str | None) -> str:
    text = text.strip()
    return text if not unit or text.endswith(unit) else f"{text}{unit}"


def counts(ctx: Context) -> list[str]:
    """The count inputs (participants, deaths, injured): always reported under 6.1.3(4)②."""
    return [n for n, s in ctx.inputs.items() if s.kind is InputKind.COUNT]


def figures_line(ctx: Context, report: Report) -> str:
    sep = ctx.colon()
    return ctx.join([f"{ctx.label(n)}{sep}{figure(ctx, report, n)}" for n in given(report)])


def fired(ctx: Context, report: Report) -> list[tuple[str, str]]:
    """(text, article) of each clause that decided the report's grade."""
    ids = set(report.decision.get("fired", []))
    return [
        (
            ctx.t._(
                "meets {clause}: {text}",
                clause=step["clause"],
                text=ctx.document_text(step.get("text", "")),
            ),
            ctx.article(str(step.get("cite", ""))),
        )
        for step in report.decision.get("trace", [])
        if step.get("clause") in ids
    ]


def approximate_names(ctx: Context, report: Report) -> list[str]:
    return [ctx.label(n) for n in report.decision.get("approximate", [])]


def deadline(ctx: Context, item: DeadlineState) -> str:
    t = ctx.t
    title = ctx.text(item.title, item.id)
    due = t._("due {at}", at=ctx.time(item.due))
    text = f"{title}{ctx.colon()}{due}"
    if item.met_at is not None:
        at = ctx.time(item.met_at)
        late = item.late_by  # made after it was due: when, and how late
        met = t._(", met {at}", at=at)
        text += met if late is None else t._(", met {at}, {span} late", at=at, span=t.span(late))
    else:
        text += t._(", overdue") if item.overdue(ctx.issued_at) else t._(", not yet due")
    return text + (t._(" (provisional: holidays not confirmed)") if item.provisional else "")


def action(ctx: Context, item: ActionState) -> str:
    t = ctx.t
    text = ctx.text(item.text, item.id)
    actor = ctx.text(item.actor)
    if item.done_at is None:
        return text + (t._(" (responsible: {actor})", actor=actor) if actor else "")
    done_by = item.done_by or actor
    return text + t._(" (done by {by}, {at})", by=done_by, at=ctx.time(item.done_at))


def department_names(ctx: Context) -> list[str]:
    return [
        ctx.text({ZH_HANS: d.get("name", ""), "en": d.get("name_en", "")}, d["code"])
        for d in ctx.incident.departments
    ]


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
        return ctx.t._("first report")
    return ctx.t._("follow-up {n}", n=report.number)
