"""How complete a sum over areas is. A district's figure sums the communes that have a row
(a commune without one adds nothing, it is not taken as no births), so every figure above
the data's own level carries how many areas below reported, of how many are listed, and a
warning in words when some did not: a missing commune must never pass for a fall in births.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from govops.lawcode.texts.messages import N_, Message, msg, msg_n
from govops.programmes.model.srb.areas import AreaHierarchy
from govops.programmes.model.srb.counts import data_level, roll_up

# The warnings, by the level of the areas a sum lacks (the data's own level).
YEAR_INCOMPLETE = {
    "commune": N_(
        "only {reporting} of {listed} communes reported in {year}; the figures sum only the "
        "communes that reported"
    ),
    "district": N_(
        "only {reporting} of {listed} districts reported in {year}; the figures sum only the "
        "districts that reported"
    ),
}
CHANGE_INCOMPLETE = {
    "commune": N_(
        "{first}–{second}: not every commune reported in both years ({first_reporting} of "
        "{listed} in {first}, {second_reporting} of {listed} in {second}); the change may "
        "reflect the missing figures"
    ),
    "district": N_(
        "{first}–{second}: not every district reported in both years ({first_reporting} of "
        "{listed} in {first}, {second_reporting} of {listed} in {second}); the change may "
        "reflect the missing figures"
    ),
}


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


def incomplete_warning(row: Mapping[str, object], below: str) -> Message | None:
    """Words for a rolled-up row (a year, or a pooled window with area_years_missing) whose
    figures lack some area below; None when complete or when there are no figures."""
    reporting, listed = row.get("areas_reporting"), row.get("areas_listed")
    if not isinstance(reporting, int) or not isinstance(listed, int) or row["boys"] is None:
        return None
    missing = row.get("area_years_missing")
    if isinstance(missing, int):
        if not missing:
            return None
        first, last = row["from_year"], row["year"]
        assert isinstance(first, int) and isinstance(last, int)
        cells = (last - first + 1) * listed
        return _window_incomplete(below, missing, str(first), str(last), cells, reporting, listed)
    if reporting >= listed:
        return None
    year = str(row["year"])
    return msg(YEAR_INCOMPLETE[below], reporting=reporting, listed=listed, year=year)


def change_warning(
    years: tuple[int, int], reporting: tuple[int, int], listed: int, below: str
) -> Message | None:
    """Words for a change between two years when not every area below reported in both."""
    if min(reporting) >= listed:
        return None
    return msg(
        CHANGE_INCOMPLETE[below],
        first=str(years[0]),
        second=str(years[1]),
        first_reporting=reporting[0],
        second_reporting=reporting[1],
        listed=listed,
    )


def _window_incomplete(
    below: str, missing: int, first: str, last: str, cells: int, reporting: int, listed: int
) -> Message:
    """The warning of a pooled window some of whose area-years have no row."""
    values = {"first": first, "last": last, "cells": cells, "reporting": reporting}
    if below == "commune":
        return msg_n(
            "the window {first}–{last} is incomplete: {count} of its {cells} commune-years "
            "has no data (in some year only {reporting} of {listed} communes reported); the "
            "figures sum only the communes that reported",
            "the window {first}–{last} is incomplete: {count} of its {cells} commune-years "
            "have no data (in some year only {reporting} of {listed} communes reported); the "
            "figures sum only the communes that reported",
            missing,
            listed=listed,
            **values,
        )
    return msg_n(
        "the window {first}–{last} is incomplete: {count} of its {cells} district-years "
        "has no data (in some year only {reporting} of {listed} districts reported); the "
        "figures sum only the districts that reported",
        "the window {first}–{last} is incomplete: {count} of its {cells} district-years "
        "have no data (in some year only {reporting} of {listed} districts reported); the "
        "figures sum only the districts that reported",
        missing,
        listed=listed,
        **values,
    )
