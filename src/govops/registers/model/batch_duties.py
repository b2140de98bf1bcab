"""The alerts of recurring duties, drills and rosters for every district at once, column-wise
(`batch.boards` lays out the tables): the same standings as `lawcode.registers.cadences.stand`
and `roster.gaps` give one subject or one centre, as rows (`batch.ALERT_COLUMNS`).

- windows: an occurrence counts in the window its day falls in (from the plan's start);
  overdue when the window before the current one has none and the current one none yet;
  otherwise every earlier window with none is counted (`missed`, the last one's end given);
  due when nothing is behind and the current window has none yet;
- since_last: the deadline runs the cadence's months from the last occurrence on or
  before the day (Civil Code arts. 201-202), from the plan's start before any;
- a drill held by the day with no assessment;
- a roster's gaps in the board's window, per centre (the district's and each street's)
  and role."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

import polars as pl

from govops.lawcode.registers.cadences import Cadence, Counted, add_months, windows
from govops.lawcode.registers.rules import OwedCadence

KEY = ["unit", "subject"]


def duties(
    cadences: Sequence[OwedCadence],
    occurrences: pl.LazyFrame,
    owners: pl.LazyFrame,
    enterprises: pl.LazyFrame,
    on: date,
) -> list[pl.LazyFrame]:
    """One frame of alerts per cadence in force on `on`. `owners`: district, unit, kind of
    every district and street; `enterprises`: district, unit, enterprise."""
    done = occurrences.filter(pl.col("on") <= on).with_columns(
        subject=pl.coalesce("subject", "unit")
    )
    found = []
    for owed in cadences:
        cadence = owed.cadence
        if on < cadence.start:
            continue  # not yet required
        owing = _owing(owed.owed_by, owners, enterprises)
        mine = done.filter(pl.col("cadence") == cadence.id).select(*KEY, "on")
        if cadence.counted is Counted.WINDOWS:
            said = _windowed(cadence, mine, owing, on)
        else:
            said = _since_last(cadence, mine, owing, on)
        found.append(said.with_columns(register=pl.lit(cadence.id)))
    return found


def _owing(owed_by: str, owners: pl.LazyFrame, enterprises: pl.LazyFrame) -> pl.LazyFrame:
    """district, unit, subject: who owes the duty on each district's board."""
    if owed_by == "enterprise":
        return enterprises.select("district", "unit", subject="enterprise").unique()
    kind = "district" if owed_by == "district" else "street"
    return owners.filter(pl.col("kind") == kind).select("district", "unit", subject="unit")


def _windowed(cadence: Cadence, done: pl.LazyFrame, owing: pl.LazyFrame, on: date) -> pl.LazyFrame:
    opened = windows(cadence, on)
    current = len(opened) - 1
    starts = pl.Series([w.start for w in opened], dtype=pl.Date)
    ends = pl.LazyFrame({"last_missed": range(len(opened)), "day": [w.end for w in opened]})
    held = (
        done.filter(pl.col("on") >= cadence.start)
        .select(
            *KEY, window=pl.lit(starts).search_sorted(pl.col("on"), side="right").cast(pl.Int64) - 1
        )
        .unique()
        .filter(pl.col("window") < current)
        .with_columns(rank=pl.col("window").rank("ordinal", descending=True).over(KEY) - 1)
        .group_by(KEY)
        .agg(
            before=pl.len(),
            # the run of windows held up to the one before the current: the last missed
            # window is the one before that run
            run=(pl.col("window") + pl.col("rank") == current - 1).sum(),
        )
    )
    kept = done.filter(pl.col("on") >= opened[-1].start).select(KEY).unique()
    facts = (
        owing.join(held, on=KEY, how="left")
        .join(kept.with_columns(kept=pl.lit(True)), on=KEY, how="left")
        .with_columns(
            pl.col("before", "run").fill_null(0).cast(pl.Int64),
            pl.col("kept").fill_null(False),
        )
        .with_columns(missed=current - pl.col("before"))
    )
    overdue = ~pl.col("kept") & (current >= 1) & (pl.col("run") == 0)
    due = ~pl.col("kept") & (pl.col("missed") == 0)
    kind = pl.when(overdue).then(pl.lit("overdue")).when(due).then(pl.lit("due"))
    kind = kind.when(pl.col("missed") > 0).then(pl.lit("missed"))
    said = facts.with_columns(kind=kind).filter(pl.col("kind").is_not_null())
    said = said.with_columns(last_missed=current - 1 - pl.col("run"))
    said = said.join(ends, on="last_missed", how="left")
    missed = pl.col("kind") == "missed"
    return said.select(
        "district",
        *KEY,
        overdue=pl.col("kind") != "due",
        kind="kind",
        day=pl.when(missed).then("day").otherwise(pl.lit(opened[-1].end)),
        count=pl.when(missed).then("missed"),
    )


def _since_last(
    cadence: Cadence, done: pl.LazyFrame, owing: pl.LazyFrame, on: date
) -> pl.LazyFrame:
    last = done.group_by(KEY).agg(last=pl.col("on").max())
    first = add_months(cadence.start, cadence.months) - timedelta(days=1)
    deadline = (
        pl.when(pl.col("last").is_null())
        .then(pl.lit(first))
        .otherwise(pl.col("last").dt.offset_by(f"{cadence.months}mo"))
    )
    facts = owing.join(last, on=KEY, how="left").with_columns(deadline=deadline)
    facts = facts.with_columns(
        behind=pl.col("deadline") < cadence.start,
        deadline=pl.max_horizontal("deadline", pl.lit(cadence.start)),
    )
    overdue = pl.lit(on) > pl.col("deadline")
    due = pl.col("last").is_null() | pl.col("behind")
    kind = pl.when(overdue).then(pl.lit("overdue")).when(due).then(pl.lit("due"))
    said = facts.with_columns(kind=kind).filter(pl.col("kind").is_not_null())
    return said.select(
        "district",
        *KEY,
        overdue=pl.col("kind") == "overdue",
        kind="kind",
        # overdue since the day after the deadline, as its reason says
        day=pl.when(pl.col("kind") == "overdue")
        .then(pl.col("deadline") + timedelta(days=1))
        .otherwise("deadline"),
        count=pl.lit(None, pl.Int64),
    )


def drills(cadences: Sequence[OwedCadence], occurrences: pl.LazyFrame, on: date) -> pl.LazyFrame:
    assessed = [o.cadence.id for o in cadences if o.assessed]
    unassessed = pl.col("assessment").is_null() | (pl.col("assessment") == "")
    return occurrences.filter(
        pl.col("cadence").is_in(assessed) & unassessed & (pl.col("on") <= on)
    ).select(
        "district",
        "unit",
        subject="cadence",
        register=pl.lit("drill_assessment"),
        overdue=pl.lit(True),
        kind=pl.lit("unassessed"),
        day="on",
    )


def roster(
    roles: Sequence[str],
    shifts: pl.LazyFrame,
    owners: pl.LazyFrame,
    window: tuple[datetime, datetime],
) -> pl.LazyFrame:
    """The stretches of the window no shift covers, per centre and role."""
    start, end = (pl.lit(moment, pl.Datetime("us", "UTC")) for moment in window)
    group = ["unit", "role"]
    within = shifts.filter(
        pl.col("role").is_in(list(roles)) & (pl.col("end") > start) & (pl.col("start") < end)
    ).select("unit", "role", "start", "end")
    ordered = within.sort([*group, "start"]).with_columns(
        covered=pl.max_horizontal(pl.col("end").cum_max().shift(1).over(group), start)
    )
    inside = ordered.filter(pl.col("start") > pl.col("covered")).select(
        *group, gap_start="covered", gap_end="start"
    )
    tail = within.group_by(group).agg(covered=pl.col("end").max())
    centres = owners.select("district", "unit").join(
        pl.LazyFrame({"role": list(roles)}), how="cross"
    )
    ends = centres.join(tail, on=group, how="left").with_columns(
        gap_start=pl.max_horizontal(pl.col("covered").fill_null(start), start), gap_end=end
    )
    ends = ends.filter(pl.col("gap_start") < end).select(*group, "gap_start", "gap_end")
    gaps = pl.concat([inside, ends]).join(centres, on=group)
    return gaps.select(
        "district",
        "unit",
        subject="role",
        register=pl.lit("roster"),
        overdue=pl.lit(True),
        kind=pl.lit("gap"),
        start="gap_start",
        end="gap_end",
    )
