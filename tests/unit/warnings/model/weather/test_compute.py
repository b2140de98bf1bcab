"""The batch engine's policies, each on a small case worked by hand: windows by time,
statistics over the reporting stations, exact thresholds, max against mean, hourly data."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest

from govops.warnings.model.weather.compute import accumulate, compute, kernels_cached
from tests.unit.warnings.model.weather.test_compute_support import RULES, at, layout, observations

ONE = layout({"D": ["A", "B"], "S1": ["A"], "S2": ["B"]})


def row(frame: pl.DataFrame, area: str, index: int, step: int = 1) -> dict[str, object]:
    found = frame.filter((pl.col("area") == area) & (pl.col("minute") == at(index, step)))
    assert found.height == 1
    return found.row(0, named=True)


def test_a_window_is_by_time_so_missing_minutes_never_stretch_it() -> None:
    # A: 1 mm every minute 0..150, except minutes 30..89 (an hour silent).
    rows = [("A", t, 100) for t in range(151) if not 30 <= t < 90]
    table = compute(observations(rows), ONE, RULES)
    # At minute 120 the last hour is minutes 61..120, of which 90..120 were observed: 31 mm.
    # The last 60 ROWS would reach back to minute 1 and give 60 mm.
    assert row(table, "S1", 120)["rain_1h_max"] == 31.0
    assert row(table, "S1", 120)["rain_3h_max"] == 61.0  # 0..29 and 90..120 observed


def test_the_red_bound_is_met_at_exactly_100_mm_in_3_hours() -> None:
    # 10000 hundredths in 3 h: 99.99 mm in minute 0, 0.01 mm in minute 179; red at 179,
    # and the next minute, when minute 0 has left the 3 h window, 0.01 mm in 3 h; 100 mm
    # in 6 h still makes it yellow.
    rows = [("A", 0, 9999), *(("A", t, 0) for t in range(1, 179)), ("A", 179, 1), ("A", 180, 0)]
    table = compute(observations(rows), ONE, RULES)
    assert row(table, "S1", 178)["level"] == "orange"  # 99.99 mm
    red = row(table, "S1", 179)
    assert (red["level"], red["clause"], red["station"], red["rain_3h_max"]) == (
        "red",
        "red-3h",
        "A",
        100.0,
    )
    after = row(table, "S1", 180)
    assert (after["level"], after["clause"], after["rain_3h_max"]) == ("yellow", "yellow-6h", 0.01)


def test_area_statistics_are_over_the_stations_counting_only() -> None:
    # B rains 80 mm in the hour up to minute 59, then falls silent: it counts for the ten
    # minutes after its last reading (to 68, its sums those of its observed minutes), then
    # in nothing.
    rows = [("A", t, 10) for t in range(71)] + [("B", t, 80 * 100 // 60) for t in range(60)]
    table = compute(observations(rows), ONE, RULES)
    both = row(table, "D", 59)
    assert both["reporting"] == 2
    assert both["rain_1h_mean"] == 42.9  # (6.00 + 79.80) / 2: 60 minutes at 0.1 and 1.33 mm
    late = row(table, "S2", 68)
    assert (late["reporting"], late["held"], late["rain_1h_max"]) == (1, False, 67.83)  # 9..59
    district = row(table, "D", 70)
    assert (district["reporting"], district["stations"]) == (1, 2)
    assert district["rain_1h_max"] == 6.0  # A's 60 minutes (11..70) of 0.1 mm
    assert district["rain_1h_mean"] == 6.0
    silent = row(table, "S2", 69)
    assert silent["reporting"] == 0
    assert (silent["rain_1h_mean"], silent["rain_1h_max"], silent["station"]) == (None,) * 3
    # ... and its level is the one of its last minute with data, held (B's 79.8 mm in 3 h)
    assert (silent["level"], silent["clause"], silent["held"]) == ("orange", "orange-3h", True)


def test_a_gap_holds_the_level_until_a_station_of_the_area_reports_again() -> None:
    # A: 1 mm a minute 0..99 (red at 99), silent 100..159 (counting to 108), dry from 160;
    # B: dry from 5.
    rows = [("A", t, 100 if t < 100 else 0) for t in range(200) if not 100 <= t < 160]
    table = compute(observations(rows + [("B", t, 0) for t in range(5, 200)]), ONE, RULES)
    street = table.filter(pl.col("area") == "S1")
    gap = street.filter(pl.col("held"))
    assert gap["minute"].to_list() == [at(t) for t in range(109, 160)]
    assert set(gap.select("level", "clause", "reporting").rows()) == {("red", "red-3h", 0)}
    assert gap["station"].null_count() == gap["rain_3h_max"].null_count() == 51
    alive = row(table, "S1", 108)  # nine minutes without a reading: A still counts
    assert (alive["level"], alive["held"], alive["reporting"], alive["station"]) == (
        "red",
        False,
        1,
        "A",
    )
    back = row(table, "S1", 160)  # minutes 0..99 are still in the 3 h window: red, unchanged
    assert (back["level"], back["held"], back["station"]) == ("red", False, "A")
    assert row(table, "S1", 180)["level"] == "orange"  # minute 0 has left the 3 h window
    before = table.filter((pl.col("area") == "S2") & (pl.col("minute") < at(5)))
    assert before.select("level", "held").unique().rows() == [(None, False)]  # no data yet


def test_a_gap_without_a_level_holds_nothing() -> None:
    rows = [("A", t, 0) for t in range(30) if t < 5] + [("B", t, 0) for t in range(30)]
    gap = row(compute(observations(rows), ONE, RULES), "S1", 20)
    assert (gap["reporting"], gap["level"], gap["held"]) == (0, None, False)


def test_a_held_minute_has_no_step() -> None:
    rows = [("A", t, 100) for t in range(100)] + [("B", t, 0) for t in range(130)]
    statistics = accumulate(observations(rows), ONE, RULES)  # A counts until 108
    assert [s.area for s in statistics.steps(at(120))] == ["D", "S2"]
    assert statistics.step("S1", at(99)).level == "red"
    with pytest.raises(ValueError, match="'S1' is held"):
        statistics.step("S1", at(120))


def test_max_takes_the_wettest_station_and_mean_the_areal_mean_exactly() -> None:
    rows = [("A", 0, 10_000), ("B", 0, 0)]
    frame = observations(rows)
    assert row(compute(frame, ONE, RULES, "max"), "D", 0)["level"] == "red"
    mean = row(compute(frame, ONE, RULES, "mean"), "D", 0)
    assert (mean["level"], mean["clause"], mean["rain_3h_mean"]) == ("orange", "orange-3h", 50.0)
    # 99.99 mm between two stations is 49.995 mm: no level (every bound is 50 mm), unrounded.
    short = observations([("A", 0, 9_999), ("B", 0, 0)])
    assert row(compute(short, ONE, RULES, "mean"), "D", 0)["level"] is None


def test_mean_bounds_are_compared_without_rounding_for_any_number_of_stations() -> None:
    three = layout({"D": ["A", "B", "C"]})
    # 150.00 mm among 3 stations is exactly 50 mm: orange; 149.99 mm is 49.99666... mm.
    for total, level in ((15_000, "orange"), (14_999, None)):
        frame = observations([("A", 0, total - 2), ("B", 0, 1), ("C", 0, 1)])
        assert row(compute(frame, three, RULES, "mean"), "D", 0)["level"] == level


def test_the_deciding_station_is_the_first_on_the_axis_among_equals() -> None:
    frame = observations([("A", 0, 6_000), ("B", 0, 6_000)])
    assert row(compute(frame, ONE, RULES), "D", 0)["station"] == "A"
    frame = observations([("A", 0, 5_000), ("B", 0, 6_000)])
    assert row(compute(frame, ONE, RULES), "D", 0)["station"] == "B"


def test_hourly_amounts_sit_at_the_hour_they_end_and_windows_count_hours() -> None:
    rows = [("A", h, 4_000) for h in range(4)] + [("B", h, 100) for h in (0, 2, 3)]
    table = compute(observations(rows, step=60), ONE, RULES, step=60)
    assert table["minute"].to_list()[:2] == [at(0, 60), at(1, 60)]
    third = row(table, "S1", 2, step=60)
    assert (third["rain_1h_max"], third["rain_3h_max"], third["level"]) == (40.0, 120.0, "red")
    silent = row(table, "S2", 1, step=60)
    assert silent["reporting"] == 0
    assert row(table, "S2", 3, step=60)["rain_3h_max"] == 2.0  # hours 2 and 3; hour 1 missing


def test_the_output_schema() -> None:
    table = compute(observations([("A", 0, 1)]), ONE, RULES)
    assert table.schema["minute"] == pl.Datetime("ms", "Asia/Shanghai")
    assert [table.schema[c] for c in ("area", "level", "clause", "station")] == [pl.String] * 4
    assert [table.schema[c] for c in ("reporting", "stations")] == [pl.Int32] * 2
    assert table.schema["held"] == pl.Boolean
    assert table.schema["held_via"] == pl.String
    assert table.columns[:9] == [
        "area", "minute", "level", "clause", "station", "held", "held_via", "reporting",
        "stations",
    ]  # fmt: skip
    assert table.columns[9:11] == ["rain_1h_mean", "rain_1h_max"]
    assert table["area"].to_list() == ["D", "S1", "S2"]


def test_an_area_step_for_the_warning_module_carries_exact_figures() -> None:
    frame = observations([("A", 0, 10_001), ("B", 0, 1)])
    statistics = accumulate(frame, ONE, RULES)
    step = statistics.step("D", at(0))
    assert (step.level, step.clause_id, step.reporting, step.stations) == ("red", "red-3h", 2, 2)
    assert step.maximum["rain_3h"] == Decimal("100.01")
    assert step.mean["rain_3h"] == Decimal("50.0100")
    assert [reading.station for reading in step.deciding] == ["A"]
    assert step.cite is not None and "暴雨红色预警信号" in str(step.cite)
    with pytest.raises(KeyError):
        statistics.step("nowhere", at(0))
    with pytest.raises(ValueError, match="not a step"):
        statistics.step("D", at(5))


def test_an_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="max or mean"):
        compute(observations([("A", 0, 1)]), ONE, RULES, "median")


def test_after_a_run_the_compiled_kernels_are_in_the_cache() -> None:
    compute(observations([("A", 0, 1)]), ONE, RULES)
    assert kernels_cached() is True  # the next process loads them: no compiling
