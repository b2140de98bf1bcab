"""A synthetic but realistic rainstorm over Xicheng District for the demonstration
(`govops serve --demo`) and the README: station metadata and one Beijing day of minute
observations in the national station data service's format (Station_Id_C, Datetime in UTC,
PRE in mm), with the faults real feeds have. Seeded: the same day and seed give the same
files, byte for byte.

The weather: light stratiform rain over the north of the district from about 02:30, then a
slow convective cell that crosses the district from west to east between about 06:00 and
09:30 Beijing time, a little south of the centre, at 1.5 to 2.3 mm a minute at its core
(about 80 mm in its wettest hour), weakening as it leaves; the rain ends about 10:30. Six
streets near the track pass 100 mm in 3 hours (red), four beside it orange, the north gets
yellow or blue from the long light rain, Baizhifang (白纸坊) stays below every signal. The
faults: a station down for 25 minutes in the storm, missing minutes (anywhere, the deciding
stations' included: a station missing a few minutes still counts), sentinels (999999,
999998), trace (999990), a duplicate and a conflicting row, a row out of order, an
impossible and a negative amount, an unknown station and an unreadable time. The station
down is one that does not decide its street's level meanwhile: silent for more than ten
minutes, a station stops counting, and its street's level would rightly fall with it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
import polars as pl

from govops.lawcode.sources.areas import AreaMap

BEIJING = ZoneInfo("Asia/Shanghai")
DEMO_DAY = date(2026, 7, 20)  # the default day of the files (a flood-season Monday)
SEED = 20260720
MINUTES = 1440
KM_PER_DEGREE_LAT = 111.0
KM_PER_DEGREE_LON = 111.0 * math.cos(math.radians(39.91))
STATIONS_FILE, OBSERVATIONS_FILE = "stations.csv", "observations.csv"

# Approximate centres of the 15 streets (decimal degrees), read off a map of the district's
# street boundaries; good enough to place demonstration stations, not for anything else.
STREET_CENTRES: dict[str, tuple[float, float]] = {
    "110102001": (39.9060, 116.3780),  # 西长安街
    "110102003": (39.9450, 116.3650),  # 新街口
    "110102007": (39.9150, 116.3460),  # 月坛
    "110102009": (39.9320, 116.3410),  # 展览路
    "110102010": (39.9510, 116.3820),  # 德胜
    "110102011": (39.9180, 116.3600),  # 金融街
    "110102012": (39.9390, 116.3900),  # 什刹海
    "110102013": (39.8950, 116.3930),  # 大栅栏
    "110102014": (39.8820, 116.4010),  # 天桥
    "110102015": (39.8930, 116.3780),  # 椿树
    "110102016": (39.8770, 116.3840),  # 陶然亭
    "110102017": (39.8930, 116.3550),  # 广安门内
    "110102018": (39.8850, 116.3630),  # 牛街
    "110102019": (39.8720, 116.3500),  # 白纸坊
    "110102020": (39.8880, 116.3360),  # 广安门外
}
# Where a street's four stations sit around its centre (km east, km north).
STATION_OFFSETS = ((-0.45, 0.35), (0.4, 0.4), (-0.35, -0.4), (0.45, -0.3))
NUMERALS = "一二三四五六七八九"


@dataclass(frozen=True, slots=True)
class Cell:
    """The convective cell: its core's path and intensity over time (minutes of the day)."""

    start: int = 6 * 60 - 20  # the core enters 3 km west of the district
    speed_km_per_min: float = 0.05  # 3 km/h: a slow, training cell
    west_lon: float = 116.300
    lat: float = 39.896  # the track, a little south of the centre
    drift_north_km_per_min: float = 0.004
    along_km: float = 2.2  # Gaussian widths of the core, along and across the track
    across_km: float = 1.55
    peak_mm: float = 1.45  # at the core, in mm a minute, at its strongest
    life_min: int = 230  # it grows, peaks half way, and decays over this


def demo_stations(areas: AreaMap, seed: int = SEED) -> pl.DataFrame:
    """Station metadata with the data service's fields (every cell text, as a CSV holds
    them), four stations around each street's centre, placed a little off a square."""
    rng = np.random.default_rng(seed)
    rows = []
    for area in areas:
        if area.level != "street":
            continue
        lat0, lon0 = STREET_CENTRES[area.code]
        short = area.name.get("zh-Hans", area.code).removesuffix("街道")
        county = areas.get(area.parent).name.get("zh-Hans", "") if area.parent else ""
        for number, station in enumerate(area.stations):
            east, north = STATION_OFFSETS[number % len(STATION_OFFSETS)]
            east, north = east + rng.normal(0, 0.08), north + rng.normal(0, 0.08)
            rows.append(
                {
                    "Station_Id_C": station,
                    "Station_Name": f"{short}{NUMERALS[number % 9]}号站",
                    "Lat": f"{lat0 + north / KM_PER_DEGREE_LAT:.4f}",
                    "Lon": f"{lon0 + east / KM_PER_DEGREE_LON:.4f}",
                    "Cnty": county,
                    "Town": area.name.get("zh-Hans", area.code),
                }
            )
    return pl.DataFrame(rows)


def demo_rain(
    stations: pl.DataFrame, seed: int = SEED, cell: Cell = Cell()
) -> npt.NDArray[np.int32]:
    """Rain of each minute of the day at each station (minutes x stations), in hundredths
    of a millimetre on the 0.1 mm grid of a tipping-bucket gauge, before any fault."""
    rng = np.random.default_rng(seed + 1)
    lat = stations["Lat"].cast(pl.Float64).to_numpy()
    lon = stations["Lon"].cast(pl.Float64).to_numpy()
    minute = np.arange(MINUTES, dtype=np.float64)[:, None]
    core = _convective(lat, lon, minute, cell)
    shield = _stratiform(lat, minute)
    gusts = np.clip(rng.lognormal(0.0, 0.25, core.shape), 0.6, 1.5)  # minute to minute
    millimetres = (core + shield) * gusts
    tenths = np.floor(millimetres * 10 + rng.random(core.shape))  # to the 0.1 mm bucket
    return (np.clip(tenths, 0, None) * 10).astype(np.int32)


def _convective(
    lat: npt.NDArray[np.float64],
    lon: npt.NDArray[np.float64],
    minute: npt.NDArray[np.float64],
    cell: Cell,
) -> npt.NDArray[np.float64]:
    age = minute - cell.start
    alive = (age >= 0) & (age <= cell.life_min)
    growth = np.where(alive, np.sin(np.pi * np.clip(age, 0, cell.life_min) / cell.life_min), 0)
    east_km = (lon[None, :] - cell.west_lon) * KM_PER_DEGREE_LON - cell.speed_km_per_min * age
    north_km = (lat[None, :] - cell.lat) * KM_PER_DEGREE_LAT - cell.drift_north_km_per_min * age
    shape = np.exp(-0.5 * ((east_km / cell.along_km) ** 2 + (north_km / cell.across_km) ** 2))
    return cell.peak_mm * growth**0.7 * shape


def _stratiform(
    lat: npt.NDArray[np.float64], minute: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Light rain from 02:30 to 10:30, heavier to the north (0 south of 39.90 N, about
    0.14 mm a minute at 39.95 N), fading in and out over an hour."""
    northness = np.clip((lat[None, :] - 39.90) / 0.05, 0, 1.2)
    ramp = np.clip(np.minimum(minute - 150, 630 - minute) / 60, 0, 1)
    return 0.14 * northness * ramp


@dataclass(frozen=True, slots=True)
class Faults:
    """What the feed got wrong, for the tests and the README: rows by fault."""

    outage: tuple[str, int, int]  # station, first and last minute of the day down
    missing: tuple[tuple[str, int], ...]  # (station, minute) with no row
    sentinels: tuple[tuple[str, int, str], ...]  # (station, minute, the sentinel written)


def demo_observations(
    stations: pl.DataFrame, day: date = DEMO_DAY, seed: int = SEED
) -> tuple[pl.DataFrame, Faults]:
    """The day's minute observations (Station_Id_C, Datetime in UTC, PRE in mm, as text),
    one row per station and minute, with the faults of `Faults` and a few bad rows."""
    ids = stations["Station_Id_C"].to_list()
    rain = demo_rain(stations, seed)
    faults = _faults(ids, rain, seed)
    values = np.char.mod("%.1f", rain / 100).astype(object)
    present = np.ones(rain.shape, dtype=bool)
    first, last = faults.outage[1], faults.outage[2]
    present[first : last + 1, ids.index(faults.outage[0])] = False
    for station, minute in faults.missing:
        present[minute, ids.index(station)] = False
    for station, minute, sentinel in faults.sentinels:
        values[minute, ids.index(station)] = sentinel
    stamps = _utc_stamps(day)
    minute_index, station_index = np.nonzero(present)
    frame = pl.DataFrame(
        {
            "Station_Id_C": np.array(ids, dtype=object)[station_index].tolist(),
            "Datetime": np.array(stamps, dtype=object)[minute_index].tolist(),
            "PRE": values[minute_index, station_index].tolist(),
        },
        schema={"Station_Id_C": pl.String, "Datetime": pl.String, "PRE": pl.String},
    )
    return _with_bad_rows(frame, ids, stamps, rain), faults


def day_minutes(day: date) -> list[datetime]:
    """The stamps of the day's minutes, Beijing time: 00:00 (the minute ending then) to
    23:59, as the national service stamps an amount with the end of its minute."""
    midnight = datetime.combine(day, time(0), BEIJING)
    return [midnight + timedelta(minutes=m) for m in range(MINUTES)]


def _utc_stamps(day: date) -> list[str]:
    return [m.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") for m in day_minutes(day)]


def _windows(rain: npt.NDArray[np.int32], minutes: int) -> npt.NDArray[np.int64]:
    """Each station's accumulation over the `minutes` ending at each minute (by time)."""
    total = np.vstack([np.zeros((1, rain.shape[1]), np.int64), np.cumsum(rain, 0, np.int64)])
    return total[1:] - total[np.maximum(np.arange(1, len(total)) - minutes, 0)]


def _not_deciding(
    rain: npt.NDArray[np.int32], street_of: npt.NDArray[np.intp]
) -> npt.NDArray[np.bool_]:
    """(minute, station): another station of its street has at least its accumulation in
    every window, so the street's (and the district's) maxima, and so its level, are the same
    without it (where the 25-minute outage may fall)."""
    safe = np.ones(rain.shape, dtype=bool)
    for minutes in (60, 180, 360, 720, 1440):
        windows = _windows(rain, minutes)
        for street in np.unique(street_of):
            members = np.flatnonzero(street_of == street)
            block = windows[:, members]
            for k, station in enumerate(members):
                others = np.delete(block, k, axis=1).max(axis=1)
                safe[:, station] &= block[:, k] <= others
    return safe


def _faults(ids: list[str], rain: npt.NDArray[np.int32], seed: int) -> Faults:
    rng = np.random.default_rng(seed + 2)
    street_of = np.array([int(s[2:4]) for s in ids], dtype=np.intp)
    safe = _not_deciding(rain, street_of)
    taken: set[tuple[int, int]] = set()  # (street, minute) with a reading gone already
    outage_station = _outage_station(ids, safe, 7 * 60 + 35, 7 * 60 + 59)
    outage = (ids[outage_station], 7 * 60 + 35, 7 * 60 + 59)
    taken |= {(int(street_of[outage_station]), m) for m in range(outage[1], outage[2] + 1)}
    picked: list[tuple[int, int]] = []
    for _ in range(5000):
        if len(picked) == 36:
            break
        minute, station = int(rng.integers(MINUTES)), int(rng.integers(len(ids)))
        key = (int(street_of[station]), minute)
        if key in taken or rain[minute, station] > 50:
            continue
        taken.add(key)
        picked.append((station, minute))
    missing = tuple((ids[s], m) for s, m in picked[:24])
    marks = ("999999", "999998", "999999.0", "999999")
    sentinels = [(ids[s], m, marks[k % len(marks)]) for k, (s, m) in enumerate(picked[24:])]
    drizzle = ids.index("XC0502")  # 德胜: trace in the gaps of the light rain
    dry = [int(m) + 150 for m in np.flatnonzero(rain[150:630, drizzle] == 0)]
    dry = [m for m in dry if (5, m) not in taken]
    sentinels += [(ids[drizzle], int(m), "999990") for m in dry[:3]]
    return Faults(outage, missing, tuple(sentinels))


def _outage_station(ids: list[str], safe: npt.NDArray[np.bool_], first: int, last: int) -> int:
    """A station out for the whole span without deciding its street meanwhile."""
    for station in range(len(ids) - 1, -1, -1):
        if safe[first : last + 1, station].all():
            return station
    raise ValueError("no station can be taken out in the storm without changing a level")


def _with_bad_rows(
    frame: pl.DataFrame, ids: list[str], stamps: list[str], rain: npt.NDArray[np.int32]
) -> pl.DataFrame:
    """Rows a real feed carries besides the good ones, placed where they would arrive: each
    excluded by the ingestion for its reason, never in place of a good reading."""
    wettest = int(np.argmax(rain.sum(axis=0)))
    peak = int(np.argmax(rain[:, wettest]))
    station, at = ids[wettest], stamps[peak]
    lower = f"{max(rain[peak, wettest] - 40, 0) / 100:.1f}"
    extra = pl.DataFrame(
        {
            "Station_Id_C": [station, station, station, station, "XC9901", ids[3]],
            "Datetime": [at, at, at, at, stamps[peak], "2026-13-40 25:00:00"],
            "PRE": [f"{rain[peak, wettest] / 100:.1f}", lower, "9999.9", "-0.3", "0.4", "0.0"],
        }
    )
    body = frame.with_row_index("row")
    cut = int(body.filter(pl.col("Datetime") == at)["row"].to_numpy().max()) + 1
    rows = pl.concat([body.head(cut).drop("row"), extra, body.slice(cut).drop("row")])
    return _one_out_of_order(rows, ids[0], stamps[100], stamps[101])


def _one_out_of_order(frame: pl.DataFrame, station: str, early: str, late: str) -> pl.DataFrame:
    """Swap a station's rows of two successive minutes: the later arrives first."""
    key = pl.col("Station_Id_C") == station
    first = frame.with_row_index("row").filter(key & (pl.col("Datetime") == early))["row"][0]
    second = frame.with_row_index("row").filter(key & (pl.col("Datetime") == late))["row"][0]
    order = list(range(frame.height))
    order[first], order[second] = order[second], order[first]
    return frame[order]


def write_demo_files(folder: Path, areas: AreaMap, day: date = DEMO_DAY) -> tuple[Path, Path]:
    """Write stations.csv and observations.csv (UTF-8) into `folder`, made if needed."""
    folder.mkdir(parents=True, exist_ok=True)
    stations = demo_stations(areas)
    observations, _ = demo_observations(stations, day)
    paths = folder / STATIONS_FILE, folder / OBSERVATIONS_FILE
    stations.write_csv(paths[0])
    observations.write_csv(paths[1])
    return paths
