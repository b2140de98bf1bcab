"""Births by area and year: checked from a table of text or integers, counted from
individual birth records, rolled up the area hierarchy.

A counts frame has the columns area (String), year (Int32), boys and girls (Int64), one row
per area and year. Parsed counts are bounded so that no sum can overflow: at most
MAX_BIRTHS boys (or girls) in one row, at most MAX_TOTAL births in the whole file, so every
roll-up, pooled window and district total stays exact in Int64 and in Float64 (2^53).
"""

from __future__ import annotations

import polars as pl

from govops.lawcode.texts.messages import Message, msg, msg_n
from govops.programmes.model.srb.areas import LEVELS, AreaHierarchy
from govops.programmes.model.srb.messages import IndicatorError, at_line

INPUT_COLUMNS = ("area_code", "year", "boys", "girls")
COUNT_SCHEMA = {"area": pl.String, "year": pl.Int32, "boys": pl.Int64, "girls": pl.Int64}
WHOLE = r"^[0-9]+$"
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_BIRTHS = 10**12  # in one row: no area has had that many births (the world has ~1.3e8 a year)
MAX_TOTAL = 2**53  # births in a file: every sum of them is then exact, even as a Float64


def parse_births(
    frame: pl.DataFrame, hierarchy: AreaHierarchy | None = None, first_line: int = 2
) -> pl.DataFrame:
    """Counts from `frame` (columns area_code, year, boys, girls as text or integers; row i
    is line first_line + i of the file). Refuses, naming the line: a missing or non-whole
    figure, a negative one, a year outside FIRST_YEAR..LAST_YEAR, a count above MAX_BIRTHS,
    births adding up past MAX_TOTAL, an area and year given twice, an area the hierarchy
    lacks, and areas of different levels (summing them would count births twice)."""
    missing = [name for name in INPUT_COLUMNS if name not in frame.columns]
    if missing:
        raise at_line(1, msg("column {column} is missing", column=repr(missing[0])))
    text = frame.select(pl.col(name).cast(pl.String).str.strip_chars() for name in INPUT_COLUMNS)
    text = text.with_row_index("line", offset=first_line)
    _refuse_empty_codes(text)
    for name in INPUT_COLUMNS[1:]:
        _refuse_non_whole(text, name)
        _refuse_out_of_range(text, name)
    counts = text.select(
        pl.col("area_code").alias("area"),
        *(pl.col(name).cast(COUNT_SCHEMA[name]) for name in ("year", "boys", "girls")),
        pl.col("line"),
    )
    _refuse_total_past_bound(counts)
    _refuse_repeats(counts)
    if hierarchy is not None:
        _refuse_unknown(counts, hierarchy)
    return counts.drop("line").sort("area", "year")


def _refuse_empty_codes(text: pl.DataFrame) -> None:
    empty = text.filter(pl.col("area_code").fill_null("") == "")
    if empty.height:
        raise at_line(empty["line"][0], msg("the area code is empty"))


def _refuse_non_whole(text: pl.DataFrame, name: str) -> None:
    bad = text.filter(~pl.col(name).fill_null("").str.contains(WHOLE))
    if not bad.height:
        return
    line, value = bad["line"][0], bad[name][0]
    if not value:
        raise at_line(line, msg("{column} is empty", column=name))
    if value.startswith("-") and value[1:].isdigit():
        raise at_line(line, msg("{column} is negative: {value}", column=name, value=value))
    raise at_line(
        line, msg("{column} must be a whole number, got {value}", column=name, value=repr(value))
    )


def _refuse_out_of_range(text: pl.DataFrame, name: str) -> None:
    """Whole figures too large to be true; compared as floats, which any string of digits
    casts to (inf beyond 1e308), so nothing overflows on the way."""
    value = pl.col(name).cast(pl.Float64)
    if name == "year":
        bad = text.filter((value < FIRST_YEAR) | (value > LAST_YEAR))
    else:
        bad = text.filter(value > MAX_BIRTHS)
    if not bad.height:
        return
    line, got = bad["line"][0], bad[name][0]
    if name == "year":
        raise at_line(
            line,
            msg(
                "year must be a 4-digit year from {first} to {last}, got {value}",
                first=str(FIRST_YEAR),
                last=str(LAST_YEAR),
                value=repr(got),
            ),
        )
    raise at_line(
        line,
        msg(
            "{column} is too large: {value} (no row can hold more than 10^12 births)",
            column=name,
            value=got,
        ),
    )


def _refuse_total_past_bound(counts: pl.DataFrame) -> None:
    running = (pl.col("boys").cast(pl.Float64) + pl.col("girls")).cum_sum()
    past = counts.filter(running > MAX_TOTAL)  # rows are in line order
    if past.height:
        raise at_line(
            past["line"][0],
            msg("the births up to this line add up to more than 2^53, too many to sum exactly"),
        )


def _refuse_repeats(counts: pl.DataFrame) -> None:
    repeats = (
        counts.group_by("area", "year")
        .agg(pl.col("line").sort())
        .filter(pl.col("line").list.len() > 1)
        .sort(pl.col("line").list.get(1))
    )
    if repeats.height:
        area, year, lines = repeats.row(0)
        raise IndicatorError(
            msg(
                "lines {first} and {second}: area {area} year {year} is given twice",
                first=str(lines[0]),
                second=str(lines[1]),
                area=repr(area),
                year=str(year),
            )
        )


def _refuse_unknown(counts: pl.DataFrame, hierarchy: AreaHierarchy) -> None:
    """Codes the hierarchy lacks, and codes of different levels; `line` is optional (birth
    records have no line worth naming)."""
    if "line" not in counts.columns:
        counts = counts.with_columns(line=pl.lit(None, pl.Int64))
    # One join, not a lookup per code: a national file has some 10,000 communes.
    firsts = (
        counts.select("area", "line")
        .unique("area", keep="first")
        .join(hierarchy.levels(), on="area", how="left")
        .sort("line", "area")
    )
    unknown = firsts.filter(pl.col("level").is_null())
    if unknown.height:
        area, line, _ = unknown.row(0)
        raise _at(line, msg("area code {area} is not in the list of areas", area=repr(area)))
    if not firsts.height:
        return
    first = firsts.select("level", "area").row(0)
    others = firsts.filter(pl.col("level") != first[0])
    if others.height:
        other_area, line, other_level = others.row(0)
        other = (other_level, other_area)
        raise _at(
            line,
            msg(
                "{area} is at level {level} but {first} is at level {first_level}: the counts "
                "must all be at one level",
                area=repr(other[1]),
                level=repr(other[0]),
                first=repr(first[1]),
                first_level=repr(first[0]),
            ),
        )


def _at(line: int | None, problem: Message) -> IndicatorError:
    return IndicatorError(problem) if line is None else at_line(line, problem)


def count_records(
    records: pl.LazyFrame | pl.DataFrame, hierarchy: AreaHierarchy | None = None
) -> pl.DataFrame:
    """Counts from individual birth records (columns area_code, year, and `boy`, a Boolean:
    true for a boy, false for a girl). A record whose `boy` is missing is refused."""
    lazy = records.lazy().select("area_code", "year", "boy")
    # A cheap reduction first, as elsewhere in govops, rather than a null count per group.
    unknown = lazy.select(pl.col("boy").null_count()).collect().item()
    if unknown:
        raise IndicatorError(
            msg_n(
                "{count} record has no sex (column boy is empty)",
                "{count} records have no sex (column boy is empty)",
                unknown,
            )
        )
    grouped = lazy.group_by("area_code", "year").agg(boys=pl.col("boy").sum(), records=pl.len())
    counts = grouped.collect().select(
        pl.col("area_code").cast(pl.String).alias("area"),
        pl.col("year").cast(pl.Int32),
        pl.col("boys").cast(pl.Int64),
        (pl.col("records") - pl.col("boys")).cast(pl.Int64).alias("girls"),
    )
    if hierarchy is not None:
        _refuse_unknown(counts, hierarchy)
    return counts.sort("area", "year")


def data_level(counts: pl.DataFrame, hierarchy: AreaHierarchy) -> str:
    """The level of the counted areas (checked to be one by parse_births)."""
    if not counts.height:
        return "commune"
    return hierarchy.level_of(counts["area"][0])


def roll_up(counts: pl.DataFrame, hierarchy: AreaHierarchy, level: str) -> pl.DataFrame:
    """Counts summed to the areas of `level` (district or province) by year, with `areas`:
    how many areas of the data's level have a row that year (an area without a row adds
    nothing, so a short count shows where figures are missing, not zero)."""
    below = data_level(counts, hierarchy)
    if LEVELS.index(level) < LEVELS.index(below):
        raise IndicatorError(
            msg(
                "the counts are at level {below}, they cannot be split down to level {level}",
                below=repr(below),
                level=repr(level),
            )
        )
    if level == below:  # nothing to sum: each area is its own
        return counts.select("area", "year", "boys", "girls", areas=pl.lit(1, pl.Int64)).sort(
            "area", "year"
        )
    links = hierarchy.links(below, level)
    return (
        counts.join(links, on="area", how="left")
        .group_by("parent", "year")
        .agg(pl.col("boys").sum(), pl.col("girls").sum(), pl.len().cast(pl.Int64).alias("areas"))
        .rename({"parent": "area"})
        .sort("area", "year")
    )
