"""The demonstration storm: stations placed in the district, a deterministic day of minute
observations in the national service's format, faults the ingestion reports one by one,
never every station of a street missing at once, and, run through the streaming engine
and the warning lifecycle, the story the README tells: streets raised, upgraded,
downgraded and cancelled one by one, without a spurious change back and forth."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from govops.lawcode.sources.pack import Pack
from govops.packs import load_builtin_pack
from govops.warnings.model.lifecycle import WarningLifecycle
from govops.warnings.model.warning import EventKind, WarningEvent, rank
from govops.warnings.model.weather.demo import (
    DEMO_DAY,
    STREET_CENTRES,
    demo_observations,
    demo_rain,
    demo_stations,
    write_demo_files,
)
from govops.warnings.model.weather.ingest import Ingested, read_observations
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import SignalRules
from govops.warnings.model.weather.stations import read_stations
from govops.warnings.model.weather.stream import StreamState
from govops.warnings.model.weather.stream_files import minutes, read_table

BEIJING = ZoneInfo("Asia/Shanghai")
# The story: each street's highest level (the README tells it).
HIGHEST = {
    "110102": "red",
    "110102001": "red",  # 西长安街
    "110102003": "yellow",  # 新街口
    "110102007": "orange",  # 月坛
    "110102009": "blue",  # 展览路
    "110102010": "yellow",  # 德胜
    "110102011": "orange",  # 金融街
    "110102012": "blue",  # 什刹海
    "110102013": "red",  # 大栅栏
    "110102014": "orange",  # 天桥
    "110102015": "red",  # 椿树
    "110102016": "orange",  # 陶然亭
    "110102017": "red",  # 广安门内
    "110102018": "red",  # 牛街
    "110102019": None,  # 白纸坊
    "110102020": "red",  # 广安门外
}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_builtin_pack("cn-xicheng-em-14fyp")


@pytest.fixture(scope="module")
def stations(pack: Pack) -> pl.DataFrame:
    assert pack.areas is not None
    return demo_stations(pack.areas)


@pytest.fixture(scope="module")
def ingested(stations: pl.DataFrame) -> Ingested:
    observations, _ = demo_observations(stations)
    return read_observations(observations, read_stations(stations))


@pytest.fixture(scope="module")
def events(pack: Pack, ingested: Ingested) -> list[WarningEvent]:
    assert pack.areas is not None
    layout = StationLayout.from_areas(pack.areas)
    rules = SignalRules.from_table(pack.table("rainstorm_signal"), pack.rules_as_of(DEMO_DAY))
    state = StreamState(layout, rules, "max")
    lifecycle = WarningLifecycle(issuer_code="110102")
    found: list[WarningEvent] = []
    for minute, values in minutes(ingested.frame.sort("minute", "station"), layout):
        for stats in state.advance_to(minute, values):
            found += lifecycle.feed(stats.steps)
    return found


def test_sixty_stations_four_around_each_street_centre_inside_the_district(
    stations: pl.DataFrame, pack: Pack
) -> None:
    metadata = read_stations(stations)
    assert len(metadata) == 60 and pack.areas is not None
    for street in pack.areas.children("110102"):
        centre_lat, centre_lon = STREET_CENTRES[street.code]
        for station_id in street.stations:
            station = metadata[station_id]
            assert station.town == street.name["zh-Hans"] and station.county == "西城区"
            assert 39.86 <= float(station.lat) <= 39.96 and 116.32 <= float(station.lon) <= 116.41
            assert abs(float(station.lat) - centre_lat) < 0.008  # under a kilometre
            assert abs(float(station.lon) - centre_lon) < 0.01


def test_the_same_seed_gives_the_same_day_and_another_seed_another(stations: pl.DataFrame) -> None:
    first, faults = demo_observations(stations)
    again, _ = demo_observations(stations)
    other, _ = demo_observations(stations, seed=7)
    assert first.equals(again) and not first.equals(other)
    assert first.columns == ["Station_Id_C", "Datetime", "PRE"]
    assert first["Datetime"][0] == "2026-07-19 16:00:00"  # 00:00 Beijing time, in UTC
    assert faults.outage[2] - faults.outage[1] == 24


def test_realistic_intensities_peak_between_1_5_and_3_mm_a_minute(stations: pl.DataFrame) -> None:
    rain = demo_rain(stations)
    assert 150 <= rain.max() <= 300  # hundredths of a mm in one minute
    assert (rain % 10 == 0).all()  # the 0.1 mm bucket of a tipping-bucket gauge
    assert rain[: 2 * 60].sum() == 0 and rain[11 * 60 :].sum() == 0  # dry before 02:00, after 11:00


def test_every_fault_is_accounted_for_by_the_ingestion(ingested: Ingested) -> None:
    report = ingested.report
    assert report.accounted and report.rows_read == 60 * 1440 - 25 - 24 + 6
    excluded = {code: tally.rows for code, tally in report.excluded.items() if tally.rows}
    assert excluded == {
        "bad_time": 1,
        "unknown_station": 1,
        "missing": 12,
        "negative": 1,
        "implausible": 1,
        "duplicate": 1,
        "conflict": 1,
    }
    notes = {code: tally.rows for code, tally in report.notes.items() if tally.rows}
    assert notes == {"trace": 3, "out_of_order": 1}
    assert sum(span.missing for span in report.spans) == 25 + 24 + 12


def test_no_minute_loses_every_station_of_a_street(ingested: Ingested) -> None:
    per_street = ingested.frame.group_by(
        pl.col("station").str.slice(0, 4).alias("street"), "minute"
    ).len()
    assert per_street.height == 15 * 1440  # every street reports in every minute
    assert per_street["len"].min() == 3


def test_the_storm_raises_upgrades_downgrades_and_cancels_street_by_street(
    events: list[WarningEvent],
) -> None:
    highest: dict[str, str | None] = dict.fromkeys(HIGHEST)
    for event in events:
        if rank(event.level) > rank(highest[event.area]):
            highest[event.area] = event.level
    assert highest == HIGHEST
    kinds = {kind: sum(e.kind is kind for e in events) for kind in EventKind}
    assert kinds == {
        EventKind.ISSUE: 15,
        EventKind.UPGRADE: 11,
        EventKind.DOWNGRADE: 31,
        EventKind.CANCEL: 15,
    }
    assert all(e.at.date() == DEMO_DAY for e in events)  # every warning ends within the day


def test_each_warning_rises_then_falls_once_no_spurious_change_back(
    events: list[WarningEvent],
) -> None:
    """One warning per area, its level never going back the way it came: a gap in the
    data that flipped a level down and up again would show here."""
    for area in {e.area for e in events}:
        mine = [e for e in events if e.area == area]
        assert [e.kind for e in mine].count(EventKind.ISSUE) == 1
        ranks = [rank(e.level) for e in mine]
        peak = ranks.index(max(ranks))
        assert ranks[: peak + 1] == sorted(ranks[: peak + 1])
        assert ranks[peak:] == sorted(ranks[peak:], reverse=True)
        assert mine[-1].kind is EventKind.CANCEL


def test_the_demo_files_are_read_back_as_written(tmp_path: Path, pack: Pack) -> None:
    assert pack.areas is not None
    day = date(2026, 8, 1)
    stations_path, observations_path = write_demo_files(tmp_path / "demo", pack.areas, day)
    metadata = read_stations(read_table(stations_path))
    ingested = read_observations(read_table(observations_path), metadata)
    assert len(metadata) == 60 and ingested.report.accounted
    first, last = ingested.report.period or (None, None)
    midnight = datetime(2026, 8, 1, tzinfo=BEIJING)
    assert (first, last) == (midnight, midnight + timedelta(minutes=1439))
