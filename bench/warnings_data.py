"""Synthetic minute rain for the early-warning benchmark, seeded, written once to Parquet.

A city shaped like Beijing: 16 districts of 21 streets each (336 streets; Beijing has 16
districts and about 340 streets and towns), 20,000 automatic weather stations spread over
the streets (52 to 68 a street), and one day of minute rain (1,440 minutes). Station ids
are five-digit numbers in no particular order of street, as real station ids are, so the
frame's order (by station id) is not the order of the station axis (by street).

The weather: light showers everywhere (a few hundredths of a mm a minute, now and then)
and a storm cell (Gaussian, 9 km across, up to 2.4 mm a minute at its core) crossing the
city from west to east between 12:00 and 20:00 Beijing time, which raises red warnings
under its track and orange, yellow and blue ones beside it. About 1 % of station-minutes
are missing at random, and one street's stations are all silent for an hour (an outage):
the street the storm has soaked most by then beyond the other streets of its district, so
its level is held and its district takes it (govops' gap policy) while its other streets
report less.

The frame is the ingestion's: station (String), minute (Datetime ms, Asia/Shanghai, the
end of the minute), rain (Int32 hundredths of a mm), sorted by station then minute.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from srb_data import cache_dir

DISTRICTS, STREETS_PER_DISTRICT, STATIONS, MINUTES = 16, 21, 20_000, 1_440
CITY = "110000"
DAY_START_UTC_MS = 1_784_476_800_000  # 2026-07-19 16:00 UTC = 2026-07-20 00:00 Beijing


def areas() -> tuple[list[str], dict[str, np.ndarray], dict[str, list[str]]]:
    """Area codes (city, then each district followed by its streets), each area's slice of
    the station axis (stations grouped by street), and each district's streets."""
    streets = DISTRICTS * STREETS_PER_DISTRICT
    sizes = np.full(streets, STATIONS // streets)
    sizes[: STATIONS - sizes.sum()] += 1
    edges = np.append(0, np.cumsum(sizes))
    codes, members = [CITY], {CITY: np.arange(STATIONS)}
    children: dict[str, list[str]] = {}
    for d in range(DISTRICTS):
        district = f"1101{d + 1:02d}"
        first, last = d * STREETS_PER_DISTRICT, (d + 1) * STREETS_PER_DISTRICT
        codes.append(district)
        members[district] = np.arange(edges[first], edges[last])
        children[district] = []
        for s in range(first, last):
            street = f"{district}{s - first + 1:03d}"
            codes.append(street)
            members[street] = np.arange(edges[s], edges[s + 1])
            children[district].append(street)
    return codes, members, children


def station_ids(rng: np.random.Generator) -> list[str]:
    """Station ids on the axis (by street): distinct five-digit numbers, shuffled."""
    return [f"{n:05d}" for n in rng.choice(np.arange(10_000, 100_000), STATIONS, replace=False)]


def rain_grid(rng: np.random.Generator) -> np.ndarray:
    """stations x minutes, hundredths of a mm; stations placed street by street on a map."""
    streets = DISTRICTS * STREETS_PER_DISTRICT
    _, members, _ = areas()
    centre = rng.uniform(0, 60, size=(streets, 2))  # km, a 60 x 60 km city
    street_of = np.repeat(np.arange(streets), [len(members[c]) for c in _street_codes()])
    where = centre[street_of] + rng.normal(0, 1.2, size=(STATIONS, 2))
    minutes = np.arange(MINUTES)
    track_x = -15 + 90 * np.clip((minutes - 720) / 480, 0, 1)  # west to east, 12:00-20:00
    track_y = 30 + 8 * np.sin(minutes / 200)
    rain = np.empty((STATIONS, MINUTES), dtype=np.int32)
    for a in range(0, STATIONS, 2_000):
        dx = where[a : a + 2_000, :1] - track_x[None, :]
        dy = where[a : a + 2_000, 1:] - track_y[None, :]
        storm = 240 * np.exp(-(dx**2 + dy**2) / (2 * 4.5**2))
        storm *= (minutes >= 700) & (minutes <= 1_220)
        showers = 3 * (rng.random((len(dx), MINUTES)) < 0.05)
        rain[a : a + 2_000] = rng.poisson(storm + showers)
    return rain


def _street_codes() -> list[str]:
    _, _, children = areas()
    return [street for district in children for street in children[district]]


def reported(rng: np.random.Generator, rain: np.ndarray) -> np.ndarray:
    """stations x minutes: True where a row exists."""
    present = rng.random((STATIONS, MINUTES)) >= 0.01
    _, members, children = areas()
    soaked = {code: rain[members[code], 720:900].sum(axis=1).max() for code in _street_codes()}
    beyond = {
        street: soaked[street] - max(soaked[s] for s in streets if s != street)
        for streets in children.values()
        for street in streets
    }
    street = max(beyond, key=beyond.__getitem__)
    present[members[street], 900:960] = False  # the street silent an hour
    return present


def frame_of(ids: list[str], rain: np.ndarray, present: np.ndarray) -> pl.DataFrame:
    order = np.argsort(np.array(ids))  # rows by station id, then minute
    rows = present[order]
    station, minute = np.nonzero(rows)
    names = pl.Series("station", np.array(ids)[order])
    stamps = DAY_START_UTC_MS + (minute.astype(np.int64) + 1) * 60_000  # end of the minute
    return pl.DataFrame(
        {
            "station": names.gather(pl.Series(station.astype(np.uint32))),
            "minute": pl.Series(stamps).cast(pl.Datetime("ms", "UTC")),
            "rain": rain[order][rows],
        }
    ).with_columns(pl.col("minute").dt.convert_time_zone("Asia/Shanghai"))


def prepare(seed: int) -> tuple[Path, list[str]]:
    """The Parquet file (cached by seed) and the station ids on the axis."""
    rng = np.random.default_rng(seed)
    ids = station_ids(rng)
    path = cache_dir() / f"warnings-v3-{seed}.parquet"  # v3: the outage on the wettest street
    if not path.exists():
        rain = rain_grid(rng)
        frame = frame_of(ids, rain, reported(rng, rain))
        frame.write_parquet(path.with_suffix(".tmp"))
        path.with_suffix(".tmp").rename(path)
    return path, ids
