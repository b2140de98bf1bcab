"""The ingestion report accounts for every row read: kept, or excluded for one reason."""

from __future__ import annotations

import io
import json
import random
from datetime import datetime
from zoneinfo import ZoneInfo

import polars as pl

from govops.platform.i18n.translator import translator
from govops.warnings.model.weather.ingest import Ingested, read_observations
from govops.warnings.model.weather.report import EXCLUSIONS, NOTES
from tests.paths import DATA as TEST_DATA

DATA = TEST_DATA / "weather"
BEIJING = ZoneInfo("Asia/Shanghai")
STATIONS = ["XC0101", "XC0102", "XC0103"]


def _messy() -> Ingested:
    text = (DATA / "messy_minutes.csv").read_text(encoding="utf-8")
    return read_observations(pl.read_csv(io.StringIO(text), infer_schema=False), STATIONS)


def test_every_line_of_the_messy_file_is_kept_or_excluded_for_its_reason() -> None:
    report = _messy().report
    excluded = {code: list(t.lines) for code, t in report.excluded.items() if t.rows}
    assert excluded == {
        "no_station": [14],
        "bad_time": [15],
        "misaligned_time": [12],
        "unknown_station": [13],
        "bad_value": [16],
        "missing": [7, 8, 17, 18],
        "negative": [9],
        "implausible": [10],
        "duplicate": [5],
        "conflict": [2],
    }
    assert (report.rows_read, report.rows_kept) == (18, 5)
    assert report.accounted
    notes = {code: list(t.lines) for code, t in report.notes.items()}
    assert notes == {"trace": [6], "rounded": [11], "out_of_order": [3]}


def test_the_messy_file_normalised() -> None:
    frame = _messy().frame
    at = [datetime(2026, 7, 20, 0, m, tzinfo=BEIJING) for m in (29, 30, 31, 36, 45)]
    assert frame.rows() == [
        ("XC0101", at[0], 25),
        ("XC0101", at[1], 70),
        ("XC0102", at[2], 0),
        ("XC0102", at[3], 101),
        ("XC0102", at[4], 5_000),
    ]


def test_each_station_says_how_many_minutes_are_missing_between_first_and_last() -> None:
    report = _messy().report
    spans = {
        s.station: (s.first.minute, s.last.minute, s.observed, s.missing) for s in report.spans
    }
    assert spans == {"XC0101": (29, 30, 2, 0), "XC0102": (31, 45, 3, 12)}
    assert report.without_observations == ("XC0103",)
    assert report.period == (
        datetime(2026, 7, 20, 0, 29, tzinfo=BEIJING),
        datetime(2026, 7, 20, 0, 45, tzinfo=BEIJING),
    )


def test_the_json_report_in_the_readers_language() -> None:
    ingested = _messy()
    english = ingested.report.as_json(translator("en").say)
    assert json.loads(json.dumps(english)) == english  # plain JSON values only
    assert list(english["excluded"]) == list(EXCLUSIONS)
    assert list(english["notes"]) == list(NOTES)
    assert english["excluded"]["missing"]["message"].startswith("missing (empty, or 999999")
    assert english["duplicates"] == [
        {
            "reason": "conflict",
            "station": "XC0101",
            "time": "2026-07-20T00:30:00+08:00",
            "kept": {"line": 4, "mm": 0.7},
            "excluded": {"line": 2, "mm": 0.5},
        },
        {
            "reason": "duplicate",
            "station": "XC0101",
            "time": "2026-07-20T00:30:00+08:00",
            "kept": {"line": 4, "mm": 0.7},
            "excluded": {"line": 5, "mm": 0.7},
        },
    ]
    assert english["stations"] == {
        "with_observations": 2,
        "in_metadata": 3,
        "without_observations": {"count": 1, "first": ["XC0103"]},
    }
    assert english["period"] == {
        "first": "2026-07-20T00:29:00+08:00",
        "last": "2026-07-20T00:45:00+08:00",
    }
    assert (english["missing_minutes"], english["ignored_columns"]) == (12, ["TEM"])
    assert english["summary"] == "18 rows read, 5 kept, 13 excluded; 2 stations with observations"
    assert ingested.report.as_json() == english  # without a translator: English
    chinese = ingested.report.as_json(translator("zh-Hans").say)
    assert chinese["summary"] == "读取18行，保留5行，排除13行；2个站有观测"
    assert chinese["excluded"]["conflict"]["message"].startswith("同站同时刻")
    assert chinese["duplicates"] == english["duplicates"]  # the data is the same
    vietnamese = ingested.report.as_json(translator("vi").say)
    assert vietnamese["summary"] == "đọc 18 dòng, giữ 5, loại 13; 2 trạm có số liệu quan trắc"
    assert vietnamese["notes"]["trace"]["message"] == "mưa vết (999990) được ghi là 0 mm"


def _random_cell(rng: random.Random) -> tuple[str, str, str]:
    station = rng.choice(["A", "B", "C", "Z", ""])
    minute = rng.randrange(0, 30)
    time = rng.choice(
        [
            f"2026-07-19 23:{minute:02d}:00",
            f"2026-07-19T23:{minute:02d}:00Z",
            f"202607192{3}{minute:02d}00",
            f"2026-07-19 23:{minute:02d}:30",
            "yesterday",
        ]
    )
    value = rng.choice(
        ["0", "0.1", "0.25", "1.005", "999999", "999990", "999998", "-1", "60", "x", "", "12.3"]
    )
    return station, time, value


def test_the_invariant_holds_on_random_messy_data() -> None:
    rng = random.Random(20260720)
    for _ in range(20):
        rows = [_random_cell(rng) for _ in range(rng.randrange(0, 300))]
        frame = pl.DataFrame(rows, schema=["Station_Id_C", "Datetime", "PRE"], orient="row")
        start = datetime(2026, 7, 20, 7, 5, tzinfo=BEIJING)
        ingested = read_observations(frame, ["A", "B", "C"], start=start)
        report = ingested.report
        assert report.rows_read == len(rows)
        assert report.accounted
        assert report.rows_kept == ingested.frame.height
        assert not ingested.frame.select("station", "minute").is_duplicated().any()
        assert ingested.frame.equals(ingested.frame.sort("station", "minute"))


def _random_frame(rng: random.Random) -> pl.DataFrame:
    rows = [_random_cell(rng) for _ in range(rng.randrange(0, 300))]
    return pl.DataFrame(rows, schema=["Station_Id_C", "Datetime", "PRE"], orient="row")


def test_a_table_read_by_its_values_codes_is_ingested_alike() -> None:
    # the commands read these columns as Categorical (4 bytes a row, not the text)
    text = (DATA / "messy_minutes.csv").read_text(encoding="utf-8")
    frame = pl.read_csv(io.StringIO(text), infer_schema=False)
    as_text = read_observations(frame, STATIONS)
    coded = read_observations(frame.with_columns(pl.all().cast(pl.Categorical)), STATIONS)
    assert coded.frame.equals(as_text.frame)
    assert coded.report == as_text.report
    rng = random.Random(8)
    for _ in range(20):
        frame = _random_frame(rng)
        coded = read_observations(frame.with_columns(pl.all().cast(pl.Categorical)), ["A", "B"])
        assert coded.report == read_observations(frame, ["A", "B"]).report


def test_the_same_rows_in_another_order_keep_the_same_observations() -> None:
    rng = random.Random(9)
    for seed in range(20):
        frame = _random_frame(rng)
        shuffled = frame.sample(fraction=1.0, shuffle=True, seed=seed)
        ingested, again = read_observations(frame), read_observations(shuffled)
        assert again.frame.equals(ingested.frame)
        counted = {code: t.rows for code, t in ingested.report.excluded.items()}
        assert {code: t.rows for code, t in again.report.excluded.items()} == counted
