"""A synthetic national network for the streaming benchmark: stations grouped in counties
(about 27 stations each, sizes varying as counties do) and counties in 31 provinces, placed
on a 5,000 x 3,000 km plane; rain from storms crossing it (cells 15-80 km across, moving
at 20-70 km/h, up to 4 mm a minute at their core, lasting 1-8 hours), so that every level
is reached and left somewhere; 0.5 % of readings missing at random, some stations silent
for hours, and every 4,000 minutes (from minute 2,000) the county whose rain most exceeds
the rest of its province's silent for three hours, its level held (and taken by its
province when higher than the province's own: govops' gap policy). Every minute is drawn
from its own seed, so any minute can be drawn again (the DuckDB peer loads the last day
after the run)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from govops.warnings.model.weather.layout import StationLayout

PROVINCES = 31
STATIONS_PER_COUNTY = 27
WIDTH_KM, HEIGHT_KM = 5000.0, 3000.0
MISSING = 0.005


@dataclass(frozen=True)
class Network:
    layout: StationLayout  # provinces, each followed by its counties (its sub-areas)
    county_starts: npt.NDArray[np.intp]  # first station of each county
    province_starts: npt.NDArray[np.intp]  # first county of each province
    counties: list[str]  # area codes, in station order
    provinces: list[str]
    x: npt.NDArray[np.float64]  # km
    y: npt.NDArray[np.float64]

    @property
    def stations(self) -> int:
        return len(self.x)


def network(stations: int, seed: int) -> Network:
    rng = np.random.default_rng(seed)
    count = max(PROVINCES, round(stations / STATIONS_PER_COUNTY))
    weights = rng.lognormal(0.0, 0.5, count)
    sizes = 1 + rng.multinomial(stations - count, weights / weights.sum())
    county_starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
    province_starts = np.linspace(0, count, PROVINCES + 1).astype(np.intp)[:-1]
    # counties on a grid over the plane, stations scattered around their county's centre
    columns = int(np.ceil(np.sqrt(count * WIDTH_KM / HEIGHT_KM)))
    cx = (np.arange(count) % columns + 0.5) * WIDTH_KM / columns
    cy = (np.arange(count) // columns + 0.5) * HEIGHT_KM / (count / columns)
    spread = 0.5 * WIDTH_KM / columns
    x = np.repeat(cx, sizes) + rng.uniform(-spread, spread, stations)
    y = np.repeat(cy, sizes) + rng.uniform(-spread, spread, stations)
    counties = [f"C{k:04d}" for k in range(count)]
    provinces = [f"P{k:02d}" for k in range(PROVINCES)]
    return Network(
        _layout(stations, county_starts, province_starts, counties, provinces),
        county_starts,
        province_starts,
        counties,
        provinces,
        x,
        y,
    )


def _layout(
    stations: int,
    county_starts: npt.NDArray[np.intp],
    province_starts: npt.NDArray[np.intp],
    counties: list[str],
    provinces: list[str],
) -> StationLayout:
    county_ends = np.append(county_starts[1:], stations)
    province_ends = np.append(province_starts[1:], len(counties))
    areas: list[str] = []
    members = {}
    for p, code in enumerate(provinces):
        first, last = province_starts[p], province_ends[p]
        areas.append(code)
        members[code] = np.arange(county_starts[first], county_ends[last - 1], dtype=np.intp)
        for c in range(first, last):
            areas.append(counties[c])
            members[counties[c]] = np.arange(county_starts[c], county_ends[c], dtype=np.intp)
    names = tuple(f"S{k:05d}" for k in range(stations))
    children = {
        code: tuple(counties[province_starts[p] : province_ends[p]])
        for p, code in enumerate(provinces)
    }
    return StationLayout(names, tuple(areas), members, children)


@dataclass(frozen=True)
class Storms:
    start: npt.NDArray[np.int64]  # minute
    end: npt.NDArray[np.int64]
    x0: npt.NDArray[np.float64]
    y0: npt.NDArray[np.float64]
    vx: npt.NDArray[np.float64]  # km a minute
    vy: npt.NDArray[np.float64]
    radius: npt.NDArray[np.float64]  # km
    peak: npt.NDArray[np.float64]  # hundredths of a mm a minute


def storms(minutes: int, seed: int, per_hour: float = 6.0) -> Storms:
    rng = np.random.default_rng(seed + 1)
    count = int(per_hour * minutes / 60) + 1
    start = rng.integers(-480, minutes, count)
    speed, heading = rng.uniform(20, 70, count) / 60, rng.uniform(0, 2 * np.pi, count)
    return Storms(
        start=start,
        end=start + rng.integers(60, 480, count),
        x0=rng.uniform(0, WIDTH_KM, count),
        y0=rng.uniform(0, HEIGHT_KM, count),
        vx=speed * np.cos(heading),
        vy=speed * np.sin(heading),
        radius=rng.uniform(15, 80, count) / 2,
        peak=rng.uniform(30, 400, count),
    )


class Rain:
    """Minute `t`'s readings, hundredths of a mm per station, -1 where missing."""

    def __init__(self, net: Network, weather: Storms, seed: int) -> None:
        self.net, self.weather, self.seed = net, weather, seed
        self.order = np.argsort(net.x)
        self.sorted_x = net.x[self.order]
        rng = np.random.default_rng(seed + 2)
        self.silent = rng.choice(net.stations, max(1, net.stations // 100), replace=False)
        self.silent_from = rng.integers(0, 4000, len(self.silent))
        self._chosen: dict[int, int] = {}  # first minute of an outage -> its county

    def at(self, t: int) -> npt.NDArray[np.int32]:
        values = self._readings(t)
        start = t - (t - 2000) % 4000
        if start >= 0 and t - start < 180:
            values[self._county(self._wettest(start))] = -1
        return values

    def _wettest(self, t: int) -> int:
        """The county whose rain at minute t most exceeds the rest of its province's (a pure
        function of t)."""
        if t not in self._chosen:
            net = self.net
            county = np.maximum.reduceat(self._amount(t), net.county_starts)
            ends = np.append(net.province_starts[1:], len(county))
            beyond = np.full(len(county), -np.inf)
            for first, end in zip(net.province_starts, ends, strict=True):
                block = county[first:end]
                if len(block) > 1:
                    second = np.sort(block)[-2]
                    beyond[first:end] = block - np.where(block == block.max(), second, block.max())
            self._chosen[t] = int(np.argmax(beyond))
        return self._chosen[t]

    def _county(self, k: int) -> slice:
        starts = self.net.county_starts
        stop = int(starts[k + 1]) if k + 1 < len(starts) else self.net.stations
        return slice(int(starts[k]), stop)

    def _amount(self, t: int) -> npt.NDArray[np.float64]:
        net, w = self.net, self.weather
        amount = np.zeros(net.stations)
        for k in np.flatnonzero((w.start <= t) & (t < w.end)):
            cx, cy = w.x0[k] + w.vx[k] * (t - w.start[k]), w.y0[k] + w.vy[k] * (t - w.start[k])
            reach = 3 * w.radius[k]
            lo, hi = np.searchsorted(self.sorted_x, [cx - reach, cx + reach])
            near = self.order[lo:hi]
            d2 = (net.x[near] - cx) ** 2 + (net.y[near] - cy) ** 2
            amount[near] += w.peak[k] * np.exp(-d2 / (2 * w.radius[k] ** 2))
        return amount

    def _readings(self, t: int) -> npt.NDArray[np.int32]:
        net, amount = self.net, self._amount(t)
        rng = np.random.default_rng((self.seed, t))
        values = np.floor(amount * rng.uniform(0.6, 1.4, net.stations)).astype(np.int32)
        values[rng.random(net.stations) < MISSING] = -1
        out = (self.silent_from <= t % 4000) & (t % 4000 < self.silent_from + 180)
        values[self.silent[out]] = -1
        return values
