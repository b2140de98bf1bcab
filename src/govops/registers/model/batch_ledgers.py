"""The alerts of the hazard lists, the key projects, the reserves and the shelters for every
district at once, column-wise (`batch.boards` lays out the tables), as
`lawcode.registers.hazards.stand`, `stock.stock_on`, `coverage.cover` and
`shelters.street_cover` give them for one district.

A later record of the same hazard, milestone, depot or shelter replaces the earlier (the
fold's reading): a rectification or verification counts only after the hazard's latest
record. A stock is the card read to the day in the order of days and, within a day, of
recording: a stocktake sets the quantity to its count, the movements after it add or take."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import polars as pl

from govops.lawcode.registers.rules import ReserveRule
from govops.lawcode.registers.stock import MANAGEMENT_LEVELS

PLACES = 6  # decimal places kept at least; more where the records have more (exact sums)


def decimal_places(frame: pl.LazyFrame, column: str, *more: Decimal) -> int:
    """The decimal places that keep `column` (and `more`) exact, at least PLACES."""
    kind = frame.collect_schema()[column]
    places = [kind.scale if isinstance(kind, pl.Decimal) else 0]
    places += [max(0, -int(value.as_tuple().exponent)) for value in more]
    return max(PLACES, *places)


def latest(frame: pl.LazyFrame, key: Sequence[str]) -> pl.LazyFrame:
    """The latest record of each key (the highest `seq`)."""
    return frame.filter(pl.col("seq") == pl.col("seq").max().over(key))


def hazards(
    found: pl.LazyFrame, rectified: pl.LazyFrame, verified: pl.LazyFrame, on: date
) -> pl.LazyFrame:
    """Hazards overdue or awaiting verification (unit, subject, ...: the district is
    joined by the caller). The three records stacked and read in one pass: each hazard's
    latest finding, and its latest rectification and verification if after it."""
    key = ["unit", "hazard"]
    stacked = pl.concat(
        [
            found.select(*key, found="seq", deadline="deadline"),
            rectified.select(*key, rectified_seq="seq", rectified_on="on"),
            verified.select(*key, verified_seq="seq", verified_on="on"),
        ],
        how="diagonal",
    )
    hazard = stacked.group_by(key).agg(
        pl.col("found").max(),
        pl.col("deadline").max_by("found"),
        *(pl.col(f"{step}_seq").max() for step in ("rectified", "verified")),
        *(pl.col(f"{step}_on").max_by(f"{step}_seq") for step in ("rectified", "verified")),
    )
    after = [
        pl.when(pl.col(f"{step}_seq") > pl.col("found")).then(f"{step}_on").alias(step)
        for step in ("rectified", "verified")
    ]
    hazard = hazard.filter(pl.col("found").is_not_null()).with_columns(after)
    rectified_by = pl.when(pl.col("rectified") <= on).then("rectified")
    standing = hazard.with_columns(rectified=rectified_by).with_columns(
        verified=pl.when(
            (pl.col("rectified") <= pl.col("verified")) & (pl.col("verified") <= on)
        ).then("verified")
    )
    overdue = pl.col("rectified").is_null() & (pl.lit(on) > pl.col("deadline"))
    waiting = pl.col("rectified").is_not_null() & pl.col("verified").is_null()
    kind = pl.when(overdue).then(pl.lit("overdue")).when(waiting)
    said = standing.with_columns(kind=kind.then(pl.lit("awaiting_verification")))
    return said.filter(pl.col("kind").is_not_null()).select(
        "unit",
        subject="hazard",
        register=pl.lit("hazard"),
        overdue=pl.col("kind") == "overdue",
        kind="kind",
        day=pl.when(pl.col("kind") == "overdue").then("deadline").otherwise("rectified"),
    )


def milestones(recorded: pl.LazyFrame, on: date) -> pl.LazyFrame:
    mine = latest(recorded, ["unit", "project", "milestone"])
    done = pl.col("done").is_not_null() & (pl.col("done") <= on)
    return mine.filter(~done & (pl.col("due") < on)).select(
        "unit",
        subject="milestone",
        register="project",
        overdue=pl.lit(True),
        kind=pl.lit("overdue"),
        day="due",
    )


def stock(movements: pl.LazyFrame, on: date, exact: pl.Decimal) -> pl.LazyFrame:
    """district, depot, item, quantity (in `exact` decimals): each card at the end of
    `on`."""
    dated = movements.filter(pl.col("on") <= on)
    # the card's order (by day, then as recorded) as one integer
    order = pl.col("on").cast(pl.Int64) * (1 << 40) + pl.col("seq")
    quantity = pl.col("quantity").cast(exact)
    adds = pl.col("movement").is_in(["receipt", "stocktake"])  # a stocktake: its count
    out = dated.select(
        "district", "depot", "item", order=order,
        counted=pl.col("movement") == "stocktake",
        change=pl.when(adds).then(quantity).otherwise(-quantity),
    )  # fmt: skip
    into = dated.filter(pl.col("movement") == "transfer").select(
        "district", depot="to_depot", item="item", order=order, counted=pl.lit(False),
        change=quantity,
    )  # fmt: skip
    key = ["district", "depot", "item"]
    card = pl.concat([out, into])
    counts = card.filter("counted").group_by(key).agg(since=pl.col("order").max())
    since = card.join(counts, on=key, how="left").filter(
        pl.col("since").is_null() | (pl.col("order") >= pl.col("since"))
    )
    return since.group_by(key).agg(quantity=pl.col("change").sum())


def reserves(
    rule: ReserveRule,
    movements: pl.LazyFrame,
    depots: pl.LazyFrame,
    populations: pl.LazyFrame,
    districts: pl.LazyFrame,
    on: date,
) -> pl.LazyFrame:
    """Living supplies short of 1.2 % of the residents in the depots of the four management
    levels (household reserves are on no card), and of 5,000 people in the district's own;
    a district with no population recorded."""
    per_person = [need.per_person for need in rule.needs]
    exact = pl.Decimal(38, decimal_places(movements, "quantity", *per_person))
    levels = latest(depots, ["district", "depot"]).select("district", "depot", "level")
    cards = stock(movements, on, exact).join(levels, on=["district", "depot"])
    zero = pl.lit(Decimal(0), exact)
    held = cards.group_by("district", "item").agg(
        reserves_share=pl.when(pl.col("level").is_in(MANAGEMENT_LEVELS))
        .then("quantity")
        .otherwise(zero)
        .sum(),
        reserves_district=pl.when(pl.col("level") == "district")
        .then("quantity")
        .otherwise(zero)
        .sum(),
    )
    residents = populations_of(populations, on)
    above, below = rule.population_share.as_integer_ratio()  # 1.2 %: 3/250
    wanted = pl.concat(
        [
            # whole people counted up
            residents.select(
                "district",
                register=pl.lit("reserves_share"),
                people=(pl.col("residents") * above + below - 1) // below,
            ),
            districts.select(
                "district",
                register=pl.lit("reserves_district"),
                people=pl.lit(rule.district_people, pl.Int64),
            ),
        ]
    )
    short = _short(rule, wanted, held, exact)
    return pl.concat([short, _unknown(districts, residents)], how="diagonal")


def _short(
    rule: ReserveRule, wanted: pl.LazyFrame, held: pl.LazyFrame, exact: pl.Decimal
) -> pl.LazyFrame:
    needs = pl.LazyFrame(
        {"item": [n.item for n in rule.needs], "per_person": [n.per_person for n in rule.needs]},
        schema={"item": pl.String, "per_person": exact},
    )
    found = (
        wanted.join(needs, how="cross")
        .with_columns(needed=pl.col("per_person") * pl.col("people"))
        .join(held, on=["district", "item"], how="left")
        .with_columns(
            held=pl.when(pl.col("register") == "reserves_share")
            .then("reserves_share")
            .otherwise("reserves_district")
            .fill_null(Decimal(0))
        )
    )
    return found.filter(pl.col("held") < pl.col("needed")).select(
        "district",
        unit="district",
        subject="item",
        register="register",
        overdue=pl.lit(True),
        kind=pl.lit("short"),
        count="people",
        held=pl.col("held").cast(pl.Float64),
        needed=pl.col("needed").cast(pl.Float64),
    )


def _unknown(districts: pl.LazyFrame, residents: pl.LazyFrame) -> pl.LazyFrame:
    return districts.join(residents, on="district", how="anti").select(
        "district",
        unit="district",
        subject="district",
        register=pl.lit("reserves_share"),
        overdue=pl.lit(False),
        kind=pl.lit("no_population"),
    )


def populations_of(populations: pl.LazyFrame, on: date) -> pl.LazyFrame:
    """district, residents: each district's own latest year up to `on`'s."""
    mine = populations.filter((pl.col("unit") == pl.col("district")) & (pl.col("year") <= on.year))
    mine = latest(mine, ["district", "year"])
    return mine.filter(pl.col("year") == pl.col("year").max().over("district")).select(
        "district", "residents"
    )


def shelters(
    recorded: pl.LazyFrame, statuses: pl.LazyFrame, streets: pl.LazyFrame, on: date
) -> pl.LazyFrame:
    """Streets no open shelter of their district serves on `on`."""
    key = ["district", "shelter"]
    dated = statuses.filter(pl.col("on") <= on)
    # the latest day's change, the last recorded where several fall on one day
    status = latest(dated.filter(pl.col("on") == pl.col("on").max().over(key)), key)
    is_open = status.filter(pl.col("status") == "open").select(key).unique()
    serving = latest(recorded, key).join(is_open, on=key).explode("streets")
    served = serving.select("district", unit="streets").unique()
    bare = streets.select("district", "unit").join(served, on=["district", "unit"], how="anti")
    return bare.select(
        "district",
        "unit",
        subject="unit",
        register=pl.lit("shelters"),
        overdue=pl.lit(True),
        kind=pl.lit("uncovered"),
    )
