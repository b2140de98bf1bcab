"""Observation rows to the normalised frame: UTC to Beijing time, exact hundredths, and each
kind of bad row excluded under its own reason."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from govops.warnings.model.weather.ingest import (
    MAX_HOURLY_AMOUNT,
    MAX_MINUTE_AMOUNT,
    SCHEMA,
    Ingested,
    read_observations,
)
from govops.warnings.model.weather.report import WeatherInputError

BEIJING = ZoneInfo("Asia/Shanghai")


def _ingest(text: str, **options: object) -> Ingested:
    frame = pl.read_csv(io.StringIO(text), infer_schema=False)
    return read_observations(frame, **options)  # type: ignore[arg-type]


def _minutes(values: list[str], field: str = "PRE", time: str = "2026-07-20 06:01:00") -> str:
    return f"Station_Id_C,Datetime,{field}\n" + "".join(f"A,{time},{v}\n" for v in values)


def _excluded(ingested: Ingested) -> dict[str, list[int]]:
    return {k: list(t.lines) for k, t in ingested.report.excluded.items() if t.rows}


def test_utc_becomes_beijing_time_across_the_date_line_in_every_accepted_form() -> None:
    text = (
        "Station_Id_C,Datetime,PRE\n"
        "A,2026-07-19 16:30:00,0.1\nB,2026-07-19T16:30:00Z,0.1\nC,20260719163000,0.1\n"
    )
    ingested = _ingest(text)
    assert ingested.frame["minute"].to_list() == [datetime(2026, 7, 20, 0, 30, tzinfo=BEIJING)] * 3
    assert dict(ingested.frame.schema) == SCHEMA
    assert ingested.resolution_minutes == 1


@pytest.mark.parametrize(
    "stamp",
    [
        "2026-07-20 06:01",
        "2026-07-20T06:01:00+08:00",
        "2026/07/20 06:01:00",
        "2026-07-20 6:01:00",
        "20260230060100",
        "2026-07-20T06:01:00",
    ],
)
def test_other_time_forms_are_refused_row_by_row(stamp: str) -> None:
    ingested = _ingest(f"Station_Id_C,Datetime,PRE\nA,{stamp},0.1\nA,2026-07-20 06:02:00,0.2\n")
    assert _excluded(ingested) == {"bad_time": [2]}
    assert ingested.frame.height == 1


def test_a_stamp_off_the_minute_is_excluded() -> None:
    assert _excluded(_ingest(_minutes(["0.1"], time="2026-07-20 06:01:30"))) == {
        "misaligned_time": [2]
    }


def test_amounts_are_exact_hundredths_rounded_half_up_and_noted() -> None:
    values = ["0.29", "0.125", "0.1249", "1.005", "0.100", "5", ".5", "+0.3"]
    text = "Station_Id_C,Datetime,PRE\n" + "".join(
        f"A,2026-07-20 06:{i:02d}:00,{v}\n" for i, v in enumerate(values)
    )
    ingested = _ingest(text)
    assert ingested.frame["rain"].to_list() == [29, 13, 12, 101, 10, 500, 50, 30]
    assert list(ingested.report.notes["rounded"].lines) == [3, 4, 5]


@pytest.mark.parametrize("sentinel", ["999999", "999998", "999000", "999500.5", "999999.0", ""])
def test_missing_value_sentinels_and_empty_cells_are_excluded_as_missing(sentinel: str) -> None:
    assert _excluded(_ingest(_minutes([sentinel]))) == {"missing": [2]}


def test_999990_is_trace_kept_as_zero_and_noted() -> None:
    ingested = _ingest(_minutes(["999990"]))
    assert ingested.frame["rain"].to_list() == [0]
    assert ingested.report.notes["trace"].rows == 1
    assert _excluded(ingested) == {}


def test_just_below_the_sentinels_is_an_impossible_amount_not_a_missing_one() -> None:
    assert _excluded(_ingest(_minutes(["998999.99"]))) == {"implausible": [2]}


@pytest.mark.parametrize("value", ["-0.1", "-5"])
def test_negative_amounts_are_impossible(value: str) -> None:
    assert _excluded(_ingest(_minutes([value]))) == {"negative": [2]}


@pytest.mark.parametrize("value", ["abc", "1e2", "1,5", "5mm", "NaN", "."])
def test_text_that_is_not_a_plain_decimal_is_a_bad_value(value: str) -> None:
    assert _excluded(_ingest(_minutes([f'"{value}"']))) == {"bad_value": [2]}


def test_a_minute_amount_above_50_mm_is_impossible_50_itself_is_kept() -> None:
    assert MAX_MINUTE_AMOUNT == 5_000
    text = _minutes(["50"]) + "A,2026-07-20 06:02:00,50.01\n"
    ingested = _ingest(text)
    assert ingested.frame["rain"].to_list() == [5_000]
    assert _excluded(ingested) == {"implausible": [3]}


def test_hourly_amounts_are_stamped_on_the_hour_and_bounded_at_300_mm() -> None:
    assert MAX_HOURLY_AMOUNT == 30_000
    text = (
        "Station_Id_C,Datetime,PRE_1h\n"
        "A,2026-07-20 06:00:00,300\nA,2026-07-20 07:00:00,300.01\nA,2026-07-20 07:30:00,1\n"
        "A,2026-07-20 09:00:00,60\n"
    )
    ingested = _ingest(text)
    assert ingested.resolution_minutes == 60
    assert ingested.report.field == "PRE_1h"
    assert ingested.frame["rain"].to_list() == [30_000, 6_000]
    assert _excluded(ingested) == {"implausible": [3], "misaligned_time": [4]}
    (span,) = ingested.report.spans
    assert (span.observed, span.missing) == (2, 2)  # 15:00 and 16:00 Beijing have no amount


def test_identical_rows_are_kept_once() -> None:
    ingested = _ingest(_minutes(["0.4", "0.4", "0.40"]))
    assert ingested.frame["rain"].to_list() == [40]
    assert _excluded(ingested) == {"duplicate": [3, 4]}


def test_conflicting_rows_keep_the_larger_amount_naming_both_lines() -> None:
    ingested = _ingest(_minutes(["0.4", "1.2", "0.8"]))
    assert ingested.frame["rain"].to_list() == [120]
    assert _excluded(ingested) == {"conflict": [2, 4]}
    clashes = [
        (c.reason, c.line, c.rain, c.kept_line, c.kept_rain) for c in ingested.report.clashes
    ]
    assert clashes == [("conflict", 2, 40, 3, 120), ("conflict", 4, 80, 3, 120)]


def test_out_of_order_rows_are_counted_and_the_output_sorted() -> None:
    text = (
        "Station_Id_C,Datetime,PRE\n"
        "B,2026-07-20 06:02:00,0.1\nA,2026-07-20 06:03:00,0.1\nB,2026-07-20 06:01:00,0.1\n"
        "A,2026-07-20 06:01:00,0.1\nA,2026-07-20 06:04:00,0.1\n"
    )
    ingested = _ingest(text)
    assert list(ingested.report.notes["out_of_order"].lines) == [4, 5]
    assert ingested.frame["station"].to_list() == ["A", "A", "A", "B", "B"]
    assert ingested.frame["minute"].is_sorted() is False  # sorted per station, not overall
    assert ingested.frame.filter(pl.col("station") == "A")["minute"].is_sorted()


def test_unknown_stations_are_excluded_only_when_metadata_is_given() -> None:
    text = "Station_Id_C,Datetime,PRE\nA,2026-07-20 06:01:00,0.1\nZ,2026-07-20 06:01:00,0.1\n"
    assert _ingest(text).frame.height == 2
    known = _ingest(text, stations=["A", "B"])
    assert _excluded(known) == {"unknown_station": [3]}
    assert known.report.without_observations == ("B",)


def test_the_period_is_half_open_in_beijing_time() -> None:
    text = "Station_Id_C,Datetime,PRE\n" + "".join(
        f"A,2026-07-19 {hour}:00:00,0.1\n" for hour in (15, 16, 17)
    )  # 23:00, 00:00 and 01:00 Beijing
    start = datetime(2026, 7, 20, 0, 0, tzinfo=BEIJING)
    end = datetime(2026, 7, 19, 17, 0, tzinfo=UTC)  # 01:00 Beijing, excluded
    ingested = _ingest(text, start=start, end=end)
    assert ingested.frame["minute"].to_list() == [start]
    assert _excluded(ingested) == {"outside_period": [2, 4]}


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (datetime(2026, 7, 20), None, "must carry a time zone"),
        (
            datetime(2026, 7, 20, 1, tzinfo=BEIJING),
            datetime(2026, 7, 20, 1, tzinfo=BEIJING),
            "must start before it ends",
        ),
    ],
)
def test_a_bad_period_is_refused(start: datetime, end: datetime | None, message: str) -> None:
    with pytest.raises(WeatherInputError, match=message):
        _ingest(_minutes(["0.1"]), start=start, end=end)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Station_Id_C,Datetime,TEM", "no precipitation column: PRE (minute) or PRE_1h"),
        ("Datetime,PRE", "no column 'Station_Id_C'"),
        ("Station_Id_C,Time,PRE", "no column 'Datetime'"),
    ],
)
def test_a_table_without_the_needed_columns_is_refused(header: str, message: str) -> None:
    row = ",".join(["A", "2026-07-20 06:01:00", "1"][: header.count(",") + 1])
    with pytest.raises(WeatherInputError, match=re.escape(message)):
        _ingest(f"{header}\n{row}\n")


def test_with_both_fields_minute_amounts_are_used_and_the_other_named_as_ignored() -> None:
    ingested = _ingest("Station_Id_C,Datetime,PRE_1h,PRE,TEM\nA,2026-07-20 06:00:00,9,0.1,25\n")
    assert ingested.report.field == "PRE"
    assert ingested.report.ignored_columns == ("PRE_1h", "TEM")
    assert ingested.frame["rain"].to_list() == [10]


def test_parquet_types_are_read_exactly_naive_times_as_utc() -> None:
    frame = pl.DataFrame(
        {
            "Station_Id_C": [54511, 54511, 54511],
            "Datetime": [datetime(2026, 7, 19, 16, 30), datetime(2026, 7, 19, 16, 31), None],
            "PRE": [0.1, 1.005, 0.2],
        }
    )
    ingested = read_observations(frame)
    assert ingested.frame["station"].to_list() == ["54511", "54511"]
    assert ingested.frame["minute"][0] == datetime(2026, 7, 20, 0, 30, tzinfo=BEIJING)
    assert ingested.frame["rain"].to_list() == [10, 101]
    assert _excluded(ingested) == {"bad_time": [4]}


def test_aware_parquet_times_are_converted() -> None:
    stamp = datetime(2026, 7, 20, 0, 30, tzinfo=BEIJING)
    frame = pl.DataFrame({"Station_Id_C": ["A"], "Datetime": [stamp], "PRE": ["0.1"]})
    assert read_observations(frame).frame["minute"].to_list() == [stamp]


def test_a_file_with_no_rows_gives_an_empty_frame_and_report() -> None:
    ingested = _ingest("Station_Id_C,Datetime,PRE\n", stations=["A"])
    assert ingested.frame.height == 0
    assert dict(ingested.frame.schema) == SCHEMA
    report = ingested.report
    assert (report.rows_read, report.rows_kept, report.period) == (0, 0, None)
    assert report.without_observations == ("A",)
