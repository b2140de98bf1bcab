"""The ingestion report: every row read is either kept or excluded for one named reason, so
nothing is dropped silently; notes mark rows kept with a change (trace, rounding) or found out
of order. Messages in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from govops.lawcode.rules.jsonable import exact_number

Text = dict[str, str]
LANGUAGES = ("zh-Hans", "en")
FIRST_LINES = 5  # line numbers shown per reason, and duplicate examples shown


def text(zh: str, en: str) -> Text:
    return {"zh-Hans": zh, "en": en}


class WeatherInputError(ValueError):
    """Input refused as a whole (a missing column, a bad station file), with the reason in
    both languages; str() is English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.text = text(zh, en)

    def say(self, lang: str) -> str:
        return self.text.get(lang, self.text["en"])


# Why a row is excluded, in the order the checks are made: a row is counted under the first
# reason that applies to it.
EXCLUSIONS: dict[str, Text] = {
    "no_station": text("缺少站号（Station_Id_C 为空）", "no station id (Station_Id_C empty)"),
    "bad_time": text(
        "时间无法识别：须为世界时 YYYY-MM-DD HH:MM:SS、YYYY-MM-DDTHH:MM:SSZ 或 YYYYMMDDHHMMSS",
        "time not read: it must be UTC as YYYY-MM-DD HH:MM:SS, YYYY-MM-DDTHH:MM:SSZ or "
        "YYYYMMDDHHMMSS",
    ),
    "misaligned_time": text(
        "时间不在整分（小时降水量：整点）上", "time not on a whole minute (hourly amounts: hour)"
    ),
    "unknown_station": text("站号不在站点信息中", "station not in the station metadata"),
    "outside_period": text("时间在所选时段之外", "time outside the period asked for"),
    "bad_value": text("降水量不是十进制数", "precipitation is not a decimal number"),
    "missing": text(
        "缺测（空值，或 999999、999998 等不小于 999000 的缺测标记）",
        "missing (empty, or 999999, 999998 or another sentinel of 999000 or more)",
    ),
    "negative": text("降水量为负，不可能", "negative precipitation, impossible"),
    "implausible": text(
        "降水量超过可信上限（每分钟 50 毫米，每小时 300 毫米），不可能",
        "precipitation above the plausible bound (50 mm a minute, 300 mm an hour), impossible",
    ),
    "duplicate": text(
        "重复行：与保留的行（同站同时刻）完全相同",
        "repeated row: the same as the row kept for that station and time",
    ),
    "conflict": text(
        "同站同时刻的降水量不同：保留较大者（对预警更审慎）",
        "same station and time, different amount: the larger is kept (the cautious choice "
        "for warnings)",
    ),
}

# Rows kept but changed, or found out of order; these are not exclusions.
NOTES: dict[str, Text] = {
    "trace": text("微量降水（999990）记为 0 毫米", "trace (999990) kept as 0 mm"),
    "rounded": text(
        "精度高于 0.01 毫米：四舍五入到 0.01 毫米",
        "more precise than 0.01 mm: rounded half up to hundredths",
    ),
    "out_of_order": text(
        "时间早于同站此前的行（输出已按站号、时间排序）",
        "earlier than a preceding row of the same station (the output is sorted by station "
        "and time)",
    ),
}

STAMP = text(
    "每个量记在其时段的结束时刻（中国气象局惯例），北京时间",
    "each amount is stamped with the end of the minute or hour it covers (the CMA "
    "convention), Beijing time",
)


@dataclass(frozen=True, slots=True)
class Tally:
    rows: int
    lines: tuple[int, ...]  # the first few, as a spreadsheet numbers them (header = 1)


@dataclass(frozen=True, slots=True)
class Clash:
    """A row excluded as a duplicate or conflict, beside the row kept in its place."""

    reason: str  # "duplicate" or "conflict"
    station: str
    minute: datetime
    line: int
    rain: int  # hundredths of a mm
    kept_line: int
    kept_rain: int


@dataclass(frozen=True, slots=True)
class StationSpan:
    """One station's observations kept: first and last stamp, how many, how many missing
    between them (steps of the file's resolution with no amount)."""

    station: str
    first: datetime
    last: datetime
    observed: int
    missing: int


@dataclass(frozen=True)
class IngestReport:
    field: str  # "PRE" (minute amounts) or "PRE_1h" (hourly amounts)
    resolution_minutes: int
    rows_read: int
    rows_kept: int
    excluded: dict[str, Tally]  # every reason of EXCLUSIONS, in order
    notes: dict[str, Tally]  # every note of NOTES
    clashes: tuple[Clash, ...]  # the first few duplicates and conflicts
    ignored_columns: tuple[str, ...]
    spans: tuple[StationSpan, ...]  # by station
    without_observations: tuple[str, ...]  # stations of the metadata with no row kept
    stations_in_metadata: int | None  # None when no metadata was given

    @property
    def accounted(self) -> bool:
        """Every row read is kept or excluded for exactly one reason."""
        return self.rows_read == self.rows_kept + sum(t.rows for t in self.excluded.values())

    @property
    def period(self) -> tuple[datetime, datetime] | None:
        if not self.spans:
            return None
        return min(s.first for s in self.spans), max(s.last for s in self.spans)

    def as_json(self, lang: str | None = None) -> dict[str, Any]:
        """Plain JSON values; messages in `lang`, or both languages when it is None."""

        def say(message: Text) -> str | Text:
            return message if lang is None else message[lang]

        def tallies(found: dict[str, Tally], words: dict[str, Text]) -> dict[str, Any]:
            return {
                code: {"rows": t.rows, "lines": list(t.lines), "message": say(words[code])}
                for code, t in found.items()
            }

        period = self.period
        return {
            "field": self.field,
            "resolution_minutes": self.resolution_minutes,
            "stamp": say(STAMP),
            "rows_read": self.rows_read,
            "rows_kept": self.rows_kept,
            "rows_excluded": self.rows_read - self.rows_kept,
            "accounted": self.accounted,
            "summary": say(self.summary()),
            "excluded": tallies(self.excluded, EXCLUSIONS),
            "notes": tallies(self.notes, NOTES),
            "duplicates": [_clash_json(c) for c in self.clashes],
            "ignored_columns": list(self.ignored_columns),
            "stations": {
                "with_observations": len(self.spans),
                "in_metadata": self.stations_in_metadata,
                "without_observations": {
                    "count": len(self.without_observations),
                    "first": list(self.without_observations[:FIRST_LINES]),
                },
            },
            "period": None
            if period is None
            else {"first": period[0].isoformat(), "last": period[1].isoformat()},
            "missing_minutes": sum(s.missing * self.resolution_minutes for s in self.spans),
            "per_station": [_span_json(s, self.resolution_minutes) for s in self.spans],
        }

    def summary(self) -> Text:
        excluded = self.rows_read - self.rows_kept
        return text(
            f"读取 {self.rows_read} 行，保留 {self.rows_kept} 行，排除 {excluded} 行；"
            f"{len(self.spans)} 个站有观测",
            f"{self.rows_read} rows read, {self.rows_kept} kept, {excluded} excluded; "
            f"{len(self.spans)} stations with observations",
        )


def millimetres(hundredths: int) -> int | float | str:
    return exact_number(Decimal(hundredths) / 100)


def _clash_json(clash: Clash) -> dict[str, Any]:
    return {
        "reason": clash.reason,
        "station": clash.station,
        "time": clash.minute.isoformat(),
        "kept": {"line": clash.kept_line, "mm": millimetres(clash.kept_rain)},
        "excluded": {"line": clash.line, "mm": millimetres(clash.rain)},
    }


def _span_json(span: StationSpan, resolution: int) -> dict[str, Any]:
    return {
        "station": span.station,
        "first": span.first.isoformat(),
        "last": span.last.isoformat(),
        "observed": span.observed,
        "missing": span.missing,
        "missing_minutes": span.missing * resolution,
    }
