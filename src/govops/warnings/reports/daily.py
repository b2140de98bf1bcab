"""The daily rainstorm warning report (暴雨预警日报) as DOCX, in Chinese or English: per area
the highest level of the day and when, the day's maximum 1/3/6/12/24-hour accumulations and
at which station, the fewest stations reporting; every warning event with its time, level,
the clause and its citation, the deciding stations and its CAP identifier; and the
ingestion reports of the observations behind the figures. Laid out as the incident
information report is (reports._docx)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from govops.platform.reports.blocks import Block, Span, Table, para
from govops.platform.reports.docx import render
from govops.warnings.model.series import WINDOW_NAMES, IngestionRecord
from govops.warnings.model.warning import WarningEvent
from govops.warnings.model.wording import COLOURS, DEFAULT_CLAUSE_WINDOWS, millimetres
from govops.warnings.service.daily import AreaDay, DayReport

BEIJING = ZoneInfo("Asia/Shanghai")
LANGUAGES = ("zh-Hans", "en")
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("西城区暴雨预警日报（{day}）", "Xicheng District rainstorm warning report, {day}"),
    "period": (
        "统计时段：{day} 00:00至23:59（北京时间）",
        "Period: {day}, 00:00 to 23:59 Beijing time",
    ),
    "generated": ("生成时间：{at}", "Generated: {at}"),
    "summary": ("一、概况", "1. Summary"),
    "count": ("{name}：{n}个区域", "{name}: {n} areas"),
    "events_count": (
        "全天预警事件{n}次（发布{issue}、升级{upgrade}、降级{downgrade}、解除{cancel}）。",
        "{n} warning events in the day ({issue} issued, {upgrade} upgraded, "
        "{downgrade} downgraded, {cancel} cancelled).",
    ),
    "no_data": ("当日无统计数据。", "No statistics for the day."),
    "levels": ("二、各区域最高预警等级", "2. Highest level of each area"),
    "peaks": (
        "三、最大累计雨量（毫米，站点，时间）",
        "3. Highest accumulations (mm, station, time)",
    ),
    "events": ("四、预警事件", "4. Warning events"),
    "no_events": ("当日无预警事件。", "No warning event in the day."),
    "ingestion": ("五、数据接收情况", "5. Observations received"),
    "no_ingestion": ("无数据接收记录。", "No ingestion report recorded."),
    "col_area": ("区域", "Area"),
    "col_highest": ("最高等级", "Highest level"),
    "col_first": ("首次达到", "First reached"),
    "col_reporting": ("上报站数（最少/共）", "Stations reporting (fewest/placed)"),
    "col_time": ("时间", "Time"),
    "col_event": ("事件", "Event"),
    "col_level": ("等级", "Level"),
    "col_basis": ("依据", "Basis"),
    "col_stations": ("决定站点及雨量", "Deciding stations and rain"),
    "col_identifier": ("预警标识", "Identifier"),
    "none": ("未达预警标准", "no signal reached"),
    "window": ("{h}小时", "{h} h"),
    "issue": ("发布", "issued"),
    "upgrade": ("升级", "upgraded"),
    "downgrade": ("降级", "downgraded"),
    "cancel": ("解除", "cancelled"),
    "cancelled": ("解除", "lifted"),
    "rows": (
        "{source}：读取{read}行，保留{kept}行，排除{excluded}行；缺测{missing}分钟。",
        "{source}: {read} rows read, {kept} kept, {excluded} excluded; {missing} minutes missing.",
    ),
    "reason": ("{message}：{n}行", "{message}: {n} rows"),
}


def words(language: str, key: str, **values: object) -> str:
    zh, en = _WORDS[key]
    template = en if language == "en" else zh
    return template.format(**values) if values else template


def daily_report_docx(report: DayReport, language: str = "zh-Hans") -> bytes:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    title = words(language, "title", day=report.day.isoformat())
    return render(report_blocks(report, title, language), title, language)


def report_blocks(report: DayReport, title: str, language: str) -> list[Block]:
    w = _Writer(language)
    day = report.day.isoformat()
    return [
        para(title, role="title"),
        para(words(language, "period", day=day), role="meta"),
        para(
            words(language, "generated", at=w.time(report.generated_at, seconds=True)), role="meta"
        ),
        *w.summary(report),
        para(words(language, "levels"), role="heading"),
        w.levels(report.areas),
        para(words(language, "peaks"), role="heading"),
        w.peaks(report.areas),
        para(words(language, "events"), role="heading"),
        *w.events(report.events, report.areas),
        para(words(language, "ingestion"), role="heading"),
        *w.ingestions(report.ingestions),
    ]


class _Writer:
    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, key: str, **values: object) -> str:
        return words(self.language, key, **values)

    def time(self, moment: datetime | None, seconds: bool = False) -> str:
        if moment is None:
            return "—"
        return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%H:%M")

    def level(self, level: str | None) -> str:
        if level is None:
            return self("none")
        colour = COLOURS[level][self.language]
        return f"{colour}预警" if self.language == "zh-Hans" else colour

    def area(self, area: AreaDay) -> str:
        return area.name.get(self.language) or area.name.get("zh-Hans") or area.area

    def summary(self, report: DayReport) -> list[Block]:
        blocks: list[Block] = [para(self("summary"), role="heading")]
        if not any(a.minutes for a in report.areas):
            return [*blocks, para(self("no_data"))]
        counts: dict[str | None, int] = {}
        for area in report.areas:
            counts[area.highest] = counts.get(area.highest, 0) + 1
        for level in ("red", "orange", "yellow", "blue", None):
            if counts.get(level):
                blocks.append(
                    para(self("count", name=self.level(level), n=counts[level]), role="item")
                )
        kinds = {k: sum(e.kind.value == k for e in report.events) for k in _KINDS}
        blocks.append(para(self("events_count", n=len(report.events), **kinds)))
        return blocks

    def levels(self, areas: Sequence[AreaDay]) -> Table:
        headers = tuple(self(k) for k in ("col_area", "col_highest", "col_first", "col_reporting"))
        rows = tuple(
            (
                self.area(a),
                self.level(a.highest),
                self.time(a.highest_at),
                "—" if a.fewest_reporting is None else f"{a.fewest_reporting}/{a.stations}",
            )
            for a in areas
        )
        return Table(headers, rows)

    def peaks(self, areas: Sequence[AreaDay]) -> Table:
        hours = [name.removeprefix("rain_").removesuffix("h") for name in WINDOW_NAMES]
        headers = (self("col_area"), *(self("window", h=h) for h in hours))
        rows = []
        for area in areas:
            found = {p.window: p for p in area.peaks}
            cells = [
                f"{millimetres(p.mm)}\n{p.station} {self.time(p.at)}"
                if (p := found.get(w))
                else "—"
                for w in WINDOW_NAMES
            ]
            rows.append((self.area(area), *cells))
        return Table(headers, tuple(rows))

    def events(self, events: Sequence[WarningEvent], areas: Sequence[AreaDay]) -> list[Block]:
        if not events:
            return [para(self("no_events"))]
        names = {a.area: self.area(a) for a in areas}
        keys = (
            "col_time",
            "col_area",
            "col_event",
            "col_level",
            "col_basis",
            "col_stations",
            "col_identifier",
        )
        rows = tuple(
            (
                self.time(e.at),
                names.get(e.area, e.area),
                self(e.kind.value),
                f"{self.level(e.previous) if e.previous else '—'} → "
                f"{self.level(e.level) if e.level else self('cancelled')}",
                " ".join(x for x in (e.step.clause_id, str(e.step.cite or "")) if x) or "—",
                _deciding(e) or "—",
                e.identifier,
            )
            for e in events
        )
        return [Table(tuple(self(k) for k in keys), rows)]

    def ingestions(self, records: Sequence[IngestionRecord]) -> list[Block]:
        if not records:
            return [para(self("no_ingestion"))]
        blocks: list[Block] = []
        for record in records:
            report: dict[str, Any] = record.report
            blocks.append(
                para(
                    self(
                        "rows",
                        source=record.source,
                        read=report["rows_read"],
                        kept=report["rows_kept"],
                        excluded=report["rows_excluded"],
                        missing=report["missing_minutes"],
                    )
                )
            )
            for tallies in (report["excluded"], report["notes"]):
                for tally in tallies.values():
                    if tally["rows"]:
                        message = tally["message"]
                        text = message.get(self.language) if isinstance(message, dict) else message
                        line = self("reason", message=text, n=tally["rows"])
                        blocks.append(para(Span(line), role="item"))
        return blocks


_KINDS = ("issue", "upgrade", "downgrade", "cancel")


def _deciding(event: WarningEvent) -> str:
    """The deciding stations with the accumulation of the deciding clause's window."""
    window = DEFAULT_CLAUSE_WINDOWS.get(event.step.clause_id or "", "")
    return "; ".join(
        f"{r.station} {millimetres(r.rain[window])}"
        for r in event.step.deciding
        if window in r.rain
    )
