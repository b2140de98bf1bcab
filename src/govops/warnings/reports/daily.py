"""The daily rainstorm warning report (暴雨预警日报) as DOCX, in any language of the catalogs:
per area the highest level of the day and when, the day's maximum 1/3/6/12/24-hour
accumulations and at which station, the fewest stations reporting; every warning event with
its time, level, the clause and its citation, the deciding stations and its CAP identifier;
and the ingestion reports of the observations behind the figures. Laid out as the incident
information report is (reports._docx); the areas' names are the pack's (in its own language
where it has none in the reader's)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from govops.lawcode.texts.messages import msg_n
from govops.platform.i18n.languages import LANGUAGES
from govops.platform.i18n.translator import DEFAULT_ZONE, Translator, translator
from govops.platform.reports.blocks import Block, Span, Table, para
from govops.platform.reports.docx import render
from govops.warnings.model.series import WINDOW_NAMES, IngestionRecord
from govops.warnings.model.warning import WarningEvent
from govops.warnings.model.weather.report import EXCLUSIONS, NOTES, reason
from govops.warnings.model.wording import DEFAULT_CLAUSE_WINDOWS, event_kind, level_name
from govops.warnings.service.daily import AreaDay, DayReport

NONE = "—"
_KINDS = ("issue", "upgrade", "downgrade", "cancel")


def daily_report_docx(
    report: DayReport, language: str = "zh-Hans", timezone: str = DEFAULT_ZONE
) -> bytes:
    """The report in `language` (zh-Hans, zh-Hant, vi, en), times in `timezone`."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")  # i18n: not shown
    t = translator(language, timezone)
    title = t._("Xicheng District rainstorm warning report, {day}", day=report.day)
    return render(report_blocks(report, title, t), title, language)


def report_blocks(report: DayReport, title: str, t: Translator) -> list[Block]:
    w = _Writer(t)
    return [
        para(title, role="title"),
        para(t._("Period: {day}, 00:00 to 23:59 Beijing time", day=report.day), role="meta"),
        para(t._("Generated: {at}", at=report.generated_at), role="meta"),
        *w.summary(report),
        para(t._("2. Highest level of each area"), role="heading"),
        w.levels(report.areas),
        para(t._("3. Highest accumulations (mm, station, time)"), role="heading"),
        w.peaks(report.areas),
        para(t._("4. Warning events"), role="heading"),
        *w.events(report.events, report.areas),
        para(t._("5. Observations received"), role="heading"),
        *w.ingestions(report.ingestions),
    ]


class _Writer:
    def __init__(self, t: Translator) -> None:
        self.t = t

    def time(self, moment: datetime | None) -> str:
        return NONE if moment is None else self.t.time(moment)

    def level(self, level: str | None) -> str:
        if level is None:
            return self.t._("no signal reached")
        return self.t.say(level_name(level))

    def area(self, area: AreaDay) -> str:
        return self.t.text(area.name).text or area.area

    def summary(self, report: DayReport) -> list[Block]:
        t = self.t
        blocks: list[Block] = [para(t._("1. Summary"), role="heading")]
        if not any(a.minutes for a in report.areas):
            return [*blocks, para(t._("No statistics for this day."))]
        counts: dict[str | None, int] = {}
        for area in report.areas:
            counts[area.highest] = counts.get(area.highest, 0) + 1
        for level in ("red", "orange", "yellow", "blue", None):
            if counts.get(level):
                line = t.ngettext(
                    "{name}: {count} area",
                    "{name}: {count} areas",
                    counts[level],
                    name=self.level(level),
                )
                blocks.append(para(line, role="item"))
        kinds = {k: sum(e.kind.value == k for e in report.events) for k in _KINDS}
        line = t.ngettext(
            "{count} warning event in the day ({issue} issued, {upgrade} upgraded, "
            "{downgrade} downgraded, {cancel} cancelled).",
            "{count} warning events in the day ({issue} issued, {upgrade} upgraded, "
            "{downgrade} downgraded, {cancel} cancelled).",
            len(report.events),
            **kinds,
        )
        blocks.append(para(line))
        return blocks

    def levels(self, areas: Sequence[AreaDay]) -> Table:
        t = self.t
        headers = (
            t._("Area"),
            t._("Highest level"),
            t._("First reached"),
            t._("Stations reporting (fewest/placed)"),
        )
        rows = tuple(
            (
                self.area(a),
                self.level(a.highest),
                self.time(a.highest_at),
                NONE
                if a.fewest_reporting is None
                else f"{t.number(a.fewest_reporting)}/{t.number(a.stations)}",
            )
            for a in areas
        )
        return Table(headers, rows)

    def peaks(self, areas: Sequence[AreaDay]) -> Table:
        t = self.t
        hours = [int(name.removeprefix("rain_").removesuffix("h")) for name in WINDOW_NAMES]
        headers = (t._("Area"), *(t._("{n} h", n=h) for h in hours))
        rows = []
        for area in areas:
            found = {p.window: p for p in area.peaks}
            cells = [
                f"{t.number(p.mm)}\n{p.station} {self.time(p.at)}" if (p := found.get(w)) else NONE
                for w in WINDOW_NAMES
            ]
            rows.append((self.area(area), *cells))
        return Table(headers, tuple(rows))

    def events(self, events: Sequence[WarningEvent], areas: Sequence[AreaDay]) -> list[Block]:
        t = self.t
        if not events:
            return [para(t._("No warning event on this day."))]
        names = {a.area: self.area(a) for a in areas}
        lifted = t._("lifted")
        rows = tuple(
            (
                self.time(e.at),
                names.get(e.area, e.area),
                t.say(event_kind(e.kind)),
                f"{self.level(e.previous) if e.previous else NONE} → "
                f"{self.level(e.level) if e.level else lifted}",
                " ".join(x for x in (e.step.clause_id, str(e.step.cite or "")) if x) or NONE,
                self.deciding(e) or NONE,
                e.identifier,
            )
            for e in events
        )
        headers = (
            t._("Time"),
            t._("Area"),
            t._("Event"),
            t.pgettext("warning", "Level"),
            t._("Basis"),
            t._("Deciding stations and rain"),
            t._("Identifier"),
        )
        return [Table(headers, rows)]

    def deciding(self, event: WarningEvent) -> str:
        """The deciding stations with the accumulation of the deciding clause's window."""
        window = DEFAULT_CLAUSE_WINDOWS.get(event.step.clause_id or "", "")
        return "; ".join(
            f"{r.station} {self.t.number(r.rain[window])}"
            for r in event.step.deciding
            if window in r.rain
        )

    def ingestions(self, records: Sequence[IngestionRecord]) -> list[Block]:
        t = self.t
        if not records:
            return [para(t._("No ingestion report recorded."))]
        blocks: list[Block] = []
        for record in records:
            report: dict[str, Any] = record.report
            read = report["rows_read"]
            rows = msg_n(
                "{count} row read, {kept} kept, {excluded} excluded",
                "{count} rows read, {kept} kept, {excluded} excluded",
                read,
                kept=report["rows_kept"],
                excluded=report["rows_excluded"],
            )
            missing = msg_n(
                "{count} minute missing", "{count} minutes missing", report["missing_minutes"]
            )
            line = t._(
                "{source}: {rows}; {missing}.", source=record.source, rows=rows, missing=missing
            )
            blocks.append(para(line))
            for tallies in (report["excluded"], report["notes"]):
                for code, tally in tallies.items():
                    if tally["rows"]:
                        said = _reason(t, code, tally)
                        line = t.ngettext(
                            "{reason}: {count} row",
                            "{reason}: {count} rows",
                            tally["rows"],
                            reason=said,
                        )
                        blocks.append(para(Span(line), role="item"))
        return blocks


def _reason(t: Translator, code: str, tally: dict[str, Any]) -> str:
    """A reason or note by its code, in the reader's language; one this govops does not
    know (a report recorded by another version) as it was recorded."""
    if code in EXCLUSIONS or code in NOTES:
        return t.say(reason(code))
    recorded = tally.get("message")
    if isinstance(recorded, dict):  # recorded with its texts by language
        return str(t.text(recorded).text)
    return str(recorded or code)
