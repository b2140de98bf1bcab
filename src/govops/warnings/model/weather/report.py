"""The ingestion report: every row read is either kept or excluded for one named reason, so
nothing is dropped silently; notes mark rows kept with a change (trace, rounding) or found out
of order. Its reasons and notes are messages, said in the reader's language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from govops.lawcode.rules.jsonable import exact_number
from govops.lawcode.texts.messages import N_, Message, msg, msg_n

FIRST_LINES = 5  # line numbers shown per reason, and duplicate examples shown
Say = Callable[[Message], str]  # a message in the reader's language


class WeatherInputError(ValueError):
    """Input refused as a whole (a missing column, a bad station file), with the reason
    as a message (translated where it is shown); str() is English."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


# Why a row is excluded, in the order the checks are made: a row is counted under the first
# reason that applies to it.
EXCLUSIONS: dict[str, str] = {
    "no_station": N_("no station id (Station_Id_C empty)"),
    "bad_time": N_(
        "time not read: it must be UTC as YYYY-MM-DD HH:MM:SS, YYYY-MM-DDTHH:MM:SSZ or "
        "YYYYMMDDHHMMSS"
    ),
    "misaligned_time": N_("time not on a whole minute (hourly amounts: hour)"),
    "unknown_station": N_("station not in the station metadata"),
    "outside_period": N_("time outside the period asked for"),
    "bad_value": N_("precipitation is not a decimal number"),
    "missing": N_("missing (empty, or 999999, 999998 or another sentinel of 999000 or more)"),
    "negative": N_("negative precipitation, impossible"),
    "implausible": N_(
        "precipitation above the plausible bound (50 mm a minute, 300 mm an hour), impossible"
    ),
    "duplicate": N_("repeated row: the same as the row kept for that station and time"),
    "conflict": N_(
        "same station and time, different amount: the larger is kept (the cautious choice "
        "for warnings)"
    ),
}

# Rows kept but changed, or found out of order; these are not exclusions.
NOTES: dict[str, str] = {
    "trace": N_("trace (999990) kept as 0 mm"),
    "rounded": N_("more precise than 0.01 mm: rounded half up to hundredths"),
    "out_of_order": N_(
        "earlier than a preceding row of the same station (the output is sorted by station "
        "and time)"
    ),
}

STAMP = N_(
    "each amount is stamped with the end of the minute or hour it covers (the CMA "
    "convention), Beijing time"
)


def reason(code: str) -> Message:
    """Why rows were excluded, or what was noted of them: the reason or note `code`."""
    return msg(EXCLUSIONS.get(code) or NOTES[code])


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

    def as_json(self, say: Say = str) -> dict[str, Any]:
        """Plain JSON values; the messages said by `say` (a translator's), English by
        default."""

        def tallies(found: dict[str, Tally]) -> dict[str, Any]:
            return {
                code: {"rows": t.rows, "lines": list(t.lines), "message": say(reason(code))}
                for code, t in found.items()
            }

        period = self.period
        return {
            "field": self.field,
            "resolution_minutes": self.resolution_minutes,
            "stamp": say(msg(STAMP)),
            "rows_read": self.rows_read,
            "rows_kept": self.rows_kept,
            "rows_excluded": self.rows_read - self.rows_kept,
            "accounted": self.accounted,
            "summary": say(self.summary()),
            "excluded": tallies(self.excluded),
            "notes": tallies(self.notes),
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

    def summary(self) -> Message:
        rows = msg_n(
            "{count} row read, {kept} kept, {excluded} excluded",
            "{count} rows read, {kept} kept, {excluded} excluded",
            self.rows_read,
            kept=self.rows_kept,
            excluded=self.rows_read - self.rows_kept,
        )
        stations = msg_n(
            "{count} station with observations",
            "{count} stations with observations",
            len(self.spans),
        )
        return msg("{rows}; {stations}", rows=rows, stations=stations)


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
