"""How complete a sum over areas is. A district's figure sums the communes that have a row
(a commune without one adds nothing, it is not taken as no births), so every figure above
the data's own level carries how many areas below reported, of how many are listed, and a
warning in words when some did not: a missing commune must never pass for a fall in births.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from govops.programmes.model.srb.areas import LEVEL_VI, AreaHierarchy
from govops.programmes.model.srb.counts import data_level, roll_up
from govops.programmes.model.srb.messages import Text, text

PLURAL_EN = {"commune": "communes", "district": "districts"}


def roll_up_with_coverage(
    counts: pl.DataFrame, hierarchy: AreaHierarchy, level: str
) -> pl.DataFrame:
    """roll_up's counts with areas_reporting (areas below with a row that year) and
    areas_listed (areas below in the hierarchy); at the data's own level, the counts alone."""
    below = data_level(counts, hierarchy)
    rolled = roll_up(counts, hierarchy, level)
    if level == below:
        return rolled.drop("areas")
    listed = hierarchy.links(below, level).group_by("parent").agg(areas_listed=pl.len())
    return rolled.rename({"areas": "areas_reporting"}).join(
        listed.select(pl.col("parent").alias("area"), pl.col("areas_listed").cast(pl.Int64)),
        on="area",
        how="left",
        maintain_order="left",
    )


def areas_listed(hierarchy: AreaHierarchy, below: str, area: str) -> int:
    """How many areas of level `below` lie within `area`."""
    links = hierarchy.links(below, hierarchy.level_of(area))
    return links.filter(pl.col("parent") == area).height


def incomplete_warning(row: Mapping[str, object], below: str) -> Text | None:
    """Words for a rolled-up row (a year, or a pooled window with area_years_missing) whose
    figures lack some area below; None when complete or when there are no figures."""
    reporting, listed = row.get("areas_reporting"), row.get("areas_listed")
    if not isinstance(reporting, int) or not isinstance(listed, int) or row["boys"] is None:
        return None
    vi, en = LEVEL_VI[below], PLURAL_EN[below]
    missing = row.get("area_years_missing")
    if isinstance(missing, int):
        if not missing:
            return None
        first, last = row["from_year"], row["year"]
        assert isinstance(first, int) and isinstance(last, int)
        cells = (last - first + 1) * listed
        return text(
            f"khoảng gộp {first}–{last} chưa đủ: thiếu {missing} trong {cells} số liệu {vi}-năm "
            f"(có năm chỉ {reporting}/{listed} {vi} báo cáo); số liệu chỉ cộng các {vi} đã "
            "báo cáo",
            f"the window {first}–{last} is incomplete: {missing} of its {cells} {below}-years "
            f"have no data (in some year only {reporting} of {listed} {en} reported); the "
            f"figures sum only the {en} that reported",
        )
    if reporting >= listed:
        return None
    return text(
        f"chỉ {reporting}/{listed} {vi} có số liệu năm {row['year']}; số liệu chỉ cộng các {vi} "
        "đã báo cáo",
        f"only {reporting} of {listed} {en} reported in {row['year']}; the figures sum only the "
        f"{en} that reported",
    )


def change_warning(
    years: tuple[int, int], reporting: tuple[int, int], listed: int, below: str
) -> Text | None:
    """Words for a change between two years when not every area below reported in both."""
    if min(reporting) >= listed:
        return None
    (y1, y2), (r1, r2), vi = years, reporting, LEVEL_VI[below]
    return text(
        f"{y1}–{y2}: không phải {vi} nào cũng báo cáo cả hai năm ({r1}/{listed} năm {y1}, "
        f"{r2}/{listed} năm {y2}); mức thay đổi có thể do thiếu số liệu",
        f"{y1}–{y2}: not every {below} reported in both years ({r1} of {listed} in {y1}, "
        f"{r2} of {listed} in {y2}); the change may reflect the missing figures",
    )
