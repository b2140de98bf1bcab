"""Synthetic birth records for the SRB benchmark, seeded, written once to a Parquet file.

The hierarchy is shaped like Viet Nam's before the 2025 reform: 63 provinces (tỉnh), 700
districts (huyện), 10,000 communes (xã), codes of 2, 3 and 5 digits as in the national
list; every province has at least one district and every district at least one commune.
Commune sizes are log-normal (a few large towns, many small communes), so births per
commune-year range from a handful to thousands. Each province has its own SRB (about 105
to 118), communes scatter around it (beta-binomial, prior strength 1,500) and one commune
in ten adds sex selection (+6 to +15 points). Each record is one birth: area_code (text),
year (Int16), boy (Boolean), in random order.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import polars as pl

PROVINCES, DISTRICTS, COMMUNES = 63, 700, 10_000
FIRST_YEAR, YEARS = 2016, 5
COMMUNE_KAPPA = 1_500.0


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or tempfile.gettempdir()
    folder = Path(base) / "govops-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _parents(rng: np.random.Generator, children: int, parents: int) -> np.ndarray:
    """A parent index for each child, every parent getting at least one child."""
    extra = rng.integers(0, parents, children - parents)
    return np.sort(np.concatenate([np.arange(parents), extra]))


def hierarchy(rng: np.random.Generator) -> pl.DataFrame:
    """code, name, level, parent for provinces, districts, communes."""
    province_of = _parents(rng, DISTRICTS, PROVINCES)
    district_of = _parents(rng, COMMUNES, DISTRICTS)
    provinces = [f"{i + 1:02d}" for i in range(PROVINCES)]
    districts = [f"{i + 1:03d}" for i in range(DISTRICTS)]
    communes = [f"{i + 1:05d}" for i in range(COMMUNES)]
    return pl.DataFrame(
        {
            "code": provinces + districts + communes,
            "name": [f"Tỉnh {c}" for c in provinces]
            + [f"Huyện {c}" for c in districts]
            + [f"Xã {c}" for c in communes],
            "level": ["province"] * PROVINCES + ["district"] * DISTRICTS + ["commune"] * COMMUNES,
            "parent": [None] * PROVINCES
            + [provinces[p] for p in province_of]
            + [districts[d] for d in district_of],
        }
    )


def _shares(rng: np.random.Generator, areas: pl.DataFrame) -> np.ndarray:
    """Each commune's share of boys: its province's, scattered, with sex selection in some."""
    communes = areas.filter(pl.col("level") == "commune")
    districts = areas.filter(pl.col("level") == "district")
    province_of_district = dict(districts.select("code", "parent").iter_rows())
    province = np.array([int(province_of_district[d]) - 1 for d in communes["parent"]])
    srb = rng.uniform(105, 118, PROVINCES)[province]
    srb = srb + np.where(rng.random(COMMUNES) < 0.1, rng.uniform(6, 15, COMMUNES), 0.0)
    mean = srb / (100 + srb)
    return rng.beta(mean * COMMUNE_KAPPA, (1 - mean) * COMMUNE_KAPPA)


def records(rng: np.random.Generator, areas: pl.DataFrame, total: int) -> pl.DataFrame:
    shares = _shares(rng, areas)
    size = rng.lognormal(0.0, 0.8, COMMUNES)
    trend = 1 + 0.02 * np.arange(YEARS)  # births grow a little each year
    weight = (size[:, None] * trend[None, :]).ravel()
    births = rng.multinomial(total, weight / weight.sum())
    boys = rng.binomial(births, np.repeat(shares, YEARS))
    cell = np.repeat(np.arange(COMMUNES * YEARS), births)
    first = np.repeat(np.cumsum(births) - births, births)
    boy = (np.arange(total) - first) < np.repeat(boys, births)
    order = rng.permutation(total)
    cell, boy = cell[order], boy[order]
    codes = pl.Series([f"{i + 1:05d}" for i in range(COMMUNES)], dtype=pl.String)
    return pl.DataFrame(
        {
            "area_code": codes.gather(cell // YEARS),
            "year": (FIRST_YEAR + cell % YEARS).astype(np.int16),
            "boy": boy,
        }
    )


def prepare(total: int, seed: int) -> tuple[Path, pl.DataFrame]:
    """The Parquet file of `total` records (written on the first run only) and the areas."""
    rng = np.random.default_rng(seed)
    areas = hierarchy(rng)
    path = cache_dir() / f"srb-births-{total}-{seed}.parquet"
    if not path.exists():
        partial = path.with_suffix(".partial")
        records(rng, areas, total).write_parquet(partial)
        partial.replace(path)
    return path, areas


def areas_csv(areas: pl.DataFrame) -> str:
    return areas.write_csv()
