"""Small observation frames and layouts for the batch engine's tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import polars as pl

from govops.packs import load_builtin_pack
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import SignalRules

BEIJING = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 7, 20, 0, 1, tzinfo=BEIJING)  # the end of the day's first minute
PACK = load_builtin_pack("cn-xicheng-em-14fyp")
RULES = SignalRules.from_table(PACK.table("rainstorm_signal"), PACK.rules_as_of(date(2026, 7, 20)))


def at(index: int, step: int = 1) -> datetime:
    return START + timedelta(minutes=int(index) * step)


def observations(rows: Iterable[tuple[str, int, int]], step: int = 1) -> pl.DataFrame:
    """(station, step index, hundredths) -> the ingestion's frame, sorted."""
    listed = list(rows)
    return (
        pl.DataFrame(
            {
                "station": [r[0] for r in listed],
                "minute": [at(r[1], step) for r in listed],
                "rain": [r[2] for r in listed],
            },
            schema={"station": pl.String, "minute": pl.Datetime("ms", "UTC"), "rain": pl.Int32},
        )
        .with_columns(pl.col("minute").dt.convert_time_zone("Asia/Shanghai"))
        .sort("station", "minute")
    )


def layout(
    areas: Mapping[str, Sequence[str]],
    extra: Sequence[str] = (),
    children: Mapping[str, tuple[str, ...]] | None = None,
) -> StationLayout:
    """Areas (code -> stations) in order; the axis is the stations in order of first
    appearance, then `extra`; `children`: area -> its sub-areas."""
    axis: list[str] = []
    for stations in areas.values():
        axis += [s for s in stations if s not in axis]
    axis += [s for s in extra if s not in axis]
    position = {s: i for i, s in enumerate(axis)}
    members = {a: np.array([position[s] for s in ss], dtype=np.intp) for a, ss in areas.items()}
    return StationLayout(tuple(axis), tuple(areas), members, dict(children or {}))
