"""Station metadata: CMA field names, exact decimal degrees, bad files refused by line."""

from __future__ import annotations

import io
from decimal import Decimal

import polars as pl
import pytest

from govops.platform.i18n.translator import translator
from govops.warnings.model.weather.report import WeatherInputError
from govops.warnings.model.weather.stations import Station, read_stations
from tests.paths import DATA as TEST_DATA

DATA = TEST_DATA / "weather"


def _csv(text: str) -> pl.DataFrame:
    return pl.read_csv(io.StringIO(text), infer_schema=False)


def test_the_fixture_gives_each_station_its_place_and_town() -> None:
    stations = read_stations(_csv((DATA / "stations.csv").read_text(encoding="utf-8")))
    assert list(stations) == ["XC0101", "XC0102", "XC0103"]
    assert stations["XC0102"] == Station(
        id="XC0102",
        lat=Decimal("39.9031"),
        lon=Decimal("116.3650"),
        town="西长安街街道",
        county="西城区",
        name="西长安街二号站",
        line=3,
    )


def test_optional_fields_may_be_absent_and_cells_are_trimmed() -> None:
    stations = read_stations(_csv("Station_Id_C,Lat,Lon,Town\n 54511 ,39.8,116.47,\n"))
    station = stations["54511"]
    assert (station.town, station.county, station.name) == (None, None, None)
    assert len(stations) == 1


def test_parquet_floats_are_read_as_their_decimal_text() -> None:
    frame = pl.DataFrame(
        {"Station_Id_C": [54511], "Lat": [39.8], "Lon": [116.47], "Town": ["大兴"]}
    )
    station = read_stations(frame)["54511"]
    assert (station.lat, station.lon) == (Decimal("39.8"), Decimal("116.47"))


def test_a_station_on_two_lines_is_refused_naming_both() -> None:
    text = "Station_Id_C,Lat,Lon,Town\nA,39,116,x\nB,39,116,y\nA,39.1,116,z\n"
    with pytest.raises(WeatherInputError, match="station A appears on lines 2 and 4") as caught:
        read_stations(_csv(text))
    assert translator("zh-Hans").say(caught.value.message) == "站号 A 出现在第 2 行和第 4 行"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("A,90.0001,116,x", "line 2: Lat 90.0001 is outside ±90 degrees"),
        ("A,-91,116,x", "line 2: Lat -91 is outside ±90 degrees"),
        ("A,39,180.5,x", "line 2: Lon 180.5 is outside ±180 degrees"),
        ("A,3954,11622,x", "line 2: Lat 3954 is outside ±90 degrees"),
        ("A,39°54',116,x", 'line 2: Lat must be decimal degrees, got "39°54\'"'),
        ("A,,116,x", "line 2: Lat must be decimal degrees, got None"),
        ("A,39,1e2,x", "line 2: Lon must be decimal degrees, got '1e2'"),
        (",39,116,x", "line 2: empty Station_Id_C"),
    ],
    ids=["lat-high", "lat-low", "lon-high", "degree-minutes", "dms", "empty", "exponent", "no-id"],
)
def test_a_bad_row_refuses_the_file_naming_its_line(row: str, message: str) -> None:
    with pytest.raises(WeatherInputError) as caught:
        read_stations(_csv(f"Station_Id_C,Lat,Lon,Town\n{row}\n"))
    assert str(caught.value) == message


def test_the_bounds_themselves_are_places() -> None:
    stations = read_stations(_csv("Station_Id_C,Lat,Lon,Town\nP,-90,180,x\nQ,90,-180,y\n"))
    assert stations["P"].lat == Decimal(-90)
    assert stations["Q"].lon == Decimal(-180)


def test_a_missing_required_column_is_named() -> None:
    with pytest.raises(WeatherInputError, match="no column 'Town'"):
        read_stations(_csv("Station_Id_C,Lat,Lon\nA,39,116\n"))


def test_a_file_without_stations_is_refused() -> None:
    with pytest.raises(WeatherInputError, match="lists no station"):
        read_stations(_csv("Station_Id_C,Lat,Lon,Town\n"))
