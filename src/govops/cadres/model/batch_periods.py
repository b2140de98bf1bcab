"""Career periods in polars, for batch screening: completed years by anniversary, years
elapsed after an event (Civil Code 201, 202) and the completed years of a union of periods,
per cadre (`govops.cadres.model.periods`, vectorised)."""

from __future__ import annotations

import polars as pl

_SPAN = 1 << 20  # days: more than any career; separates cadres in one running maximum


def completed_years(start: pl.Expr, end: pl.Expr) -> pl.Expr:
    """periods.completed_years: whole years by anniversary, never negative."""
    years = end.dt.year() - start.dt.year()
    before = _month_day(end) < _month_day(start)
    return (years - before.cast(pl.Int32)).clip(lower_bound=0)


def years_elapsed(event: pl.Expr, day: pl.Expr) -> pl.Expr:
    """periods.years_elapsed: whole periods of a year counted from the event (its day not
    counted, each ending on the corresponding day, 29 February on 28 February in a common
    year) run out before `day`; never negative."""
    years = day.dt.year() - event.dt.year()
    year = day.dt.year()
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    last = _month_day(event)
    last = pl.when((last == 229) & ~leap).then(228).otherwise(last)
    running = (years > 0) & (last >= _month_day(day))
    return (years - running.cast(pl.Int32)).clip(lower_bound=0)


def _month_day(day: pl.Expr) -> pl.Expr:
    return day.dt.month().cast(pl.Int32) * 100 + day.dt.day().cast(pl.Int32)


def _anniversary(start: pl.Expr, years: pl.Expr) -> pl.Expr:
    """start + years; 29 February falls on 1 March in a common year."""
    year = start.dt.year() + years
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    shifted = (start.dt.month() == 2) & (start.dt.day() == 29) & ~leap
    day = pl.when(shifted).then(28).otherwise(start.dt.day())
    return pl.date(year, start.dt.month(), day) + pl.duration(days=shifted.cast(pl.Int32))


def years_of_union(periods: pl.LazyFrame) -> pl.LazyFrame:
    """periods.completed_years_of_union per cadre_id over columns (cadre_id, start, end):
    periods merged where they overlap or touch, each merged period's completed years, plus
    one year per 365 leftover days of all of them together. Columns cadre_id, years."""
    day = pl.col("start").min()
    ordered = periods.filter(pl.col("start") < pl.col("end")).sort("cadre_id", "start", "end")
    group = (pl.col("cadre_id") != pl.col("cadre_id").shift(1)).fill_null(True).cum_sum()
    merged = (
        ordered.with_columns(
            group=group.cast(pl.Int64) * _SPAN,
            s=(pl.col("start") - day).dt.total_days(),
            e=(pl.col("end") - day).dt.total_days(),
        )
        .with_columns(reach=(pl.col("group") + pl.col("e")).cum_max().shift(1))
        .with_columns(
            run=((pl.col("group") + pl.col("s")) > pl.col("reach")).fill_null(True).cum_sum()
        )
        .group_by("run")
        .agg(pl.col("cadre_id").first(), pl.col("start").min(), pl.col("end").max())
    )
    whole = completed_years(pl.col("start"), pl.col("end"))
    leftover = (pl.col("end") - _anniversary(pl.col("start"), whole)).dt.total_days()
    return (
        merged.with_columns(whole=whole, leftover=leftover)
        .group_by("cadre_id")
        .agg((pl.col("whole").sum() + pl.col("leftover").sum() // 365).alias("years"))
    )
