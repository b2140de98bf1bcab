"""Reading the cells of an observation file, column at a time: UTC stamps in the data
service's three forms to Beijing time, and precipitation text to exact hundredths of a
millimetre (never through a binary float: 0.29 mm stays 29 hundredths)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import polars as pl

BEIJING = "Asia/Shanghai"  # Beijing time, UTC+8 all year
TIME_UNIT: Final = "ms"

# The stamps the national station data service writes, all UTC.
TIME_FORMS = (
    r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$",  # 2026-07-20 06:01:00
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$",  # 2026-07-20T06:01:00Z
    r"^\d{14}$",  # 20260720060100
)

# A plain decimal: optional sign, digits, optional fraction. No exponent, no thousands
# separator, no unit: anything else is refused rather than guessed at.
DECIMAL = r"^(?P<sign>[+-]?)(?P<whole>\d{0,12})(?:\.(?P<fraction>\d*))?$"

# Sentinels of the data service (hundredths): 999999 missing, 999998 not observed, and
# any value from 999000 up marks a missing reading, except 999990, trace (微量): rain too
# little to measure, i.e. 0 mm with a mark.
SENTINEL_FROM = 999_000 * 100
TRACE = 999_990 * 100
SENTINEL = pl.Enum(["missing", "trace"])


def beijing_minutes(column: pl.Series) -> pl.Series:
    """Aware Beijing datetimes (ms) from UTC stamps; null where the cell is not one of the
    accepted forms or not a real date and time. A Parquet datetime column is taken as it
    is: converted if it carries a time zone, read as UTC if it does not."""
    if isinstance(column.dtype, pl.Datetime):
        utc = column.cast(pl.Datetime(TIME_UNIT, column.dtype.time_zone))
        if column.dtype.time_zone is None:
            utc = utc.dt.replace_time_zone("UTC")
        return utc.dt.convert_time_zone(BEIJING)
    return per_distinct(column, _parse_stamps).to_series().alias(column.name)


def _parse_stamps(cells: pl.Series) -> pl.DataFrame:
    accepted = pl.any_horizontal(*(pl.col("t").str.contains(form) for form in TIME_FORMS))
    return pl.DataFrame({"t": cells.str.strip_chars()}).select(
        pl.when(accepted)
        .then(pl.col("t").str.replace_all(r"\D", ""))
        .str.strptime(pl.Datetime(TIME_UNIT), "%Y%m%d%H%M%S", strict=False)
        .dt.replace_time_zone("UTC")
        .dt.convert_time_zone(BEIJING)
    )


def distinct_cells(column: pl.Series) -> tuple[pl.Series, pl.Series]:
    """(the distinct cells as text, each row's index among them); an empty cell and a null
    are the same cell "" (both parsers read them alike). A column read as Categorical (the
    commands read these columns so: 4 bytes a row, not the text) is indexed through its
    categories' ids without touching the text again; any other, as text through an Enum's
    codes (never a join on the text)."""
    if column.dtype == pl.Categorical:
        present = column.unique().drop_nulls()
        text = pl.concat([present.cast(pl.String), pl.Series([""])]).unique(maintain_order=True)
        ids = present.to_physical()
        largest = ids.max()
        size = (largest if isinstance(largest, int) else 0) + 1
        lookup = pl.repeat(None, size, dtype=pl.UInt32, eager=True)
        lookup = lookup.scatter(ids, pl.int_range(len(ids), eager=True, dtype=pl.UInt32))
        index = lookup.gather(column.to_physical()).fill_null(text.index_of(""))
        return text, index.cast(pl.UInt32)
    cells = column.cast(pl.String).fill_null("")
    text = cells.unique()
    return text, cells.cast(pl.Enum(text)).to_physical().cast(pl.UInt32)


def per_distinct(column: pl.Series, parse: Callable[[pl.Series], pl.DataFrame]) -> pl.DataFrame:
    """`parse` applied to each distinct cell once, then spread back in the column's order:
    a day of minutes repeats each stamp at every station and each amount many times."""
    text, index = distinct_cells(column)
    parsed = parse(text)
    return pl.DataFrame([values.gather(index) for values in parsed.iter_columns()])


def station_codes(column: pl.Series) -> tuple[pl.Series, pl.Series]:
    """(ids, code per row): `ids` the distinct station ids without surrounding spaces,
    sorted; a row's code is its id's index in `ids` (null for an empty cell), so that
    ordering by code is ordering by id, a station and a time make one integer key, and no
    row carries its id's text."""
    text, index = distinct_cells(column)
    stripped = text.str.strip_chars()
    ids = stripped.filter(stripped != "").unique().sort()
    rank = stripped.replace_strict(
        ids, pl.int_range(len(ids), eager=True, dtype=pl.UInt32), default=None
    )
    return ids, rank.cast(pl.UInt32).gather(index).alias("code")


def on_grid(minute: pl.Expr, resolution_minutes: int) -> pl.Expr:
    """The stamp falls on a whole minute (a whole hour for hourly amounts). Beijing is a
    whole number of hours from UTC, so the test on the UTC epoch is the same."""
    return minute.dt.epoch("ms") % (resolution_minutes * 60_000) == 0


def amounts(column: pl.Series) -> pl.DataFrame:
    """Per cell: `hundredths` (Int64, rounded half up; null if not a decimal), `rounded`
    (it had more precision than 0.01 mm), `sentinel` ("missing" for a sentinel or an empty
    cell, "trace", or null). A
    numeric Parquet column is read through its shortest decimal text (0.1, not
    0.1000000000000000055511151231257827)."""
    return per_distinct(column, _parse_amounts)


def _parse_amounts(column: pl.Series) -> pl.DataFrame:
    cells = pl.DataFrame({"cell": column.str.strip_chars()})
    parts = cells.with_columns(parts=pl.col("cell").str.extract_groups(DECIMAL)).unnest("parts")
    whole = pl.col("whole").fill_null("")
    fraction = pl.col("fraction").fill_null("")
    readable = (whole.str.len_chars() + fraction.str.len_chars()) > 0
    cents = (fraction + "00").str.slice(0, 2).cast(pl.Int64)
    rounds_up = fraction.str.slice(2, 1).str.contains("[5-9]")
    magnitude = (
        pl.when(whole == "").then(0).otherwise(whole.cast(pl.Int64, strict=False)) * 100
        + cents
        + rounds_up.cast(pl.Int64)
    )
    beyond = fraction.str.slice(2).str.contains("[1-9]")
    blank = pl.col("cell").fill_null("") == ""
    exact_trace = (magnitude == TRACE) & ~beyond & (pl.col("sign") != "-")
    return parts.select(
        hundredths=pl.when(readable)
        .then(pl.when(pl.col("sign") == "-").then(-magnitude).otherwise(magnitude))
        .otherwise(None),
        rounded=readable & beyond,
        sentinel=pl.when(~readable)
        .then(pl.when(blank).then(pl.lit("missing", SENTINEL)).otherwise(None))
        .when(exact_trace)
        .then(pl.lit("trace", SENTINEL))
        .when((magnitude >= SENTINEL_FROM) & (pl.col("sign") != "-"))
        .then(pl.lit("missing", SENTINEL))
        .otherwise(None),
    )
