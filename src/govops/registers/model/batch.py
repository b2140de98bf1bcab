"""Every district's board at once (`boards`): the indicators and alerts `board.board` gives
each district on a day (its streets and their communities below it), computed column-wise in
polars over the register events laid out as tables, so a province's districts are read in
one pass rather than folded and judged one by one. The alerts' rules are in
`batch_duties` and `batch_ledgers`; each indicator's status is decided by the core's
`assess`, the one place a status is decided.

The tables (`TABLES`), each row an event of `unit` in its recorded order `seq` (a later
record of the same thing replaces the earlier, as the fold reads them):
- units: unit, parent (null: a district), kind (district, street, community) (no seq);
- figures: indicator, year, value;  populations: year, residents;
- depots: depot, level;  movements: depot, item, movement, quantity, on, to_depot;
- shelters: shelter, kind, capacity, streets (a list), national_standard;
- shelter_statuses: shelter, status, on;  enterprises: enterprise;
- occurrences: cadence, on, subject (null: the unit), assessment;
- shifts: role, start, end (aware, UTC);  trainings: on, people;
- hazards: hazard, found, deadline;  rectified, verified: hazard, on;
- milestones: project, milestone, due, done.

What comes out (`Boards`), the boards' facts without their words:
- indicators: district, indicator, status, figure (what was held against the target);
- figures: district, indicator, year, value (yearly, reported or counted);
- alerts (`ALERT_COLUMNS`): district, register, unit, subject, overdue, kind (due,
  overdue, missed, unassessed, gap, awaiting_verification, short, no_population,
  uncovered), and what the alert's reason names: day, count (windows missed, or the
  people a reserve is for), start and end (a roster gap), held and needed (a reserve)."""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal

import polars as pl

from govops.lawcode.plans.assessment import assess
from govops.lawcode.registers.rules import RegisterRules
from govops.lawcode.sources.pack import Pack
from govops.registers.model.batch_duties import drills, duties, roster
from govops.registers.model.batch_ledgers import (
    decimal_places,
    hazards,
    latest,
    milestones,
    reserves,
    shelters,
)
from govops.registers.model.board import ROSTER_DAYS, last_year

TABLES = (
    "units", "figures", "populations", "depots", "movements", "shelters", "shelter_statuses",
    "enterprises", "occurrences", "shifts", "trainings", "hazards", "rectified", "verified",
    "milestones",
)  # fmt: skip
HOMES = {"unit": pl.String, "kind": pl.String, "parent": pl.String, "district": pl.String}
# Tables whose records are judged by their own unit: their alerts are placed in a
# district after (fewer rows to join).
UNIT_KEYED = ("hazards", "rectified", "verified", "milestones")
MOMENT = pl.Datetime("us", "UTC")
ALERT_COLUMNS: dict[str, pl.DataType] = {
    "district": pl.String(), "register": pl.String(), "unit": pl.String(),
    "subject": pl.String(), "overdue": pl.Boolean(), "kind": pl.String(), "day": pl.Date(),
    "count": pl.Int64(), "start": MOMENT, "end": MOMENT, "held": pl.Float64(),
    "needed": pl.Float64(),
}  # fmt: skip


@dataclass(frozen=True)
class Boards:
    indicators: pl.DataFrame
    figures: pl.DataFrame
    alerts: pl.DataFrame


def boards(pack: Pack, tables: Mapping[str, pl.LazyFrame], on: date, zone: tzinfo) -> Boards:
    """Every district's board on `on` (`zone`: the pack's time zone, for the roster's
    window)."""
    rules = pack.registers
    if rules is None:
        raise ValueError(f"the pack {pack.id} keeps no registers")
    homes = districts_of(tables["units"].collect())
    placed = {
        name: tables[name] if name in UNIT_KEYED else tables[name].join(homes, on="unit")
        for name in TABLES
        if name != "units"
    }
    said = _alerts(rules, placed, homes, on, zone)
    year = last_year(on)
    districts = homes.filter(pl.col("kind") == "district").select("district")
    figures, listed = pl.collect_all([_figures(pack, rules, placed, year), districts])
    with ThreadPoolExecutor(max_workers=1) as pool:
        # polars works the alerts out (without the interpreter's lock) while Python
        # assesses the indicators
        alerts = pool.submit(said.collect)
        indicators = _assessed(pack, figures, listed.get_column("district").to_list(), year)
        return Boards(indicators, figures, alerts.result())


def districts_of(units: pl.DataFrame) -> pl.LazyFrame:
    """unit, kind, parent, district: the district each unit is in (units in none are left
    out), found by climbing the tree a level at a time, all units at once."""
    parents = units.select(above="unit", next_above="parent", above_kind="kind")
    climbing = units.select("unit", "kind", "parent", above="unit")
    found = []
    for _ in range(units.height):  # no deeper than its units (a loop in the table ends)
        if not climbing.height:
            break
        climbing = climbing.join(parents, on="above")
        done = pl.col("above_kind") == "district"
        found.append(climbing.filter(done).select("unit", "kind", "parent", district="above"))
        climbing = climbing.filter(~done).select("unit", "kind", "parent", above="next_above")
        climbing = climbing.drop_nulls("above")
    return pl.concat(found).lazy() if found else pl.LazyFrame(schema=HOMES)


def _alerts(
    rules: RegisterRules,
    placed: dict[str, pl.LazyFrame],
    homes: pl.LazyFrame,
    on: date,
    zone: tzinfo,
) -> pl.LazyFrame:
    # the districts, and their streets (a street under another unit of the district is
    # counted in its records, but owes no street's duty on this board: service.access)
    street = (pl.col("kind") == "street") & (pl.col("parent") == pl.col("district"))
    owners = homes.filter((pl.col("kind") == "district") | street)
    districts = homes.filter(pl.col("kind") == "district").select("district")
    occurrences = placed["occurrences"]
    found = duties(rules.cadences, occurrences, owners, placed["enterprises"], on)
    found += [drills(rules.cadences, occurrences, on)]
    if rules.duty is not None:
        found.append(roster(rules.duty.roles, placed["shifts"], owners, _window(on, zone)))
    ledgers = hazards(placed["hazards"], placed["rectified"], placed["verified"], on)
    ledgers = pl.concat([ledgers, milestones(placed["milestones"], on)])
    found.append(ledgers.join(homes.select("unit", "district"), on="unit"))
    if rules.reserves is not None:
        found.append(
            reserves(
                rules.reserves,
                placed["movements"],
                placed["depots"],
                placed["populations"],
                districts,
                on,
            )
        )
    streets = owners.filter(pl.col("kind") == "street")
    found.append(shelters(placed["shelters"], placed["shelter_statuses"], streets, on))
    columns = [pl.col(name).cast(kind) for name, kind in ALERT_COLUMNS.items()]
    return pl.concat(found, how="diagonal_relaxed").select(columns)


def _window(on: date, zone: tzinfo) -> tuple[datetime, datetime]:
    midnight = datetime.combine(on, time(), zone)
    days = timedelta(days=ROSTER_DAYS)
    return (midnight - days).astimezone(UTC), (midnight + days).astimezone(UTC)


def _figures(
    pack: Pack, rules: RegisterRules, placed: dict[str, pl.LazyFrame], year: int
) -> pl.LazyFrame:
    """district, indicator, year, value: reported by the district itself, or counted by
    the registers from the year of their first record (`board.counted_from`)."""
    computed = rules.computed
    reported = placed["figures"].filter(
        (pl.col("unit") == pl.col("district"))
        & (pl.col("year") <= year)
        & ~pl.col("indicator").is_in(list(computed))
    )
    reported = latest(reported, ["district", "indicator", "year"])
    exact = pl.Decimal(38, max(6, decimal_places(placed["figures"], "value")))
    found = [reported.select("district", "indicator", "year", value=pl.col("value").cast(exact))]
    counts = {
        "shelters_built": _shelters_built(placed["shelters"], placed["shelter_statuses"]),
        "officers_trained": _trained(placed["trainings"]),
    }
    for indicator in pack.indicators:
        if indicator.id not in computed:
            continue
        years = range(indicator.baseline_year or indicator.first_year, year + 1)
        counted, since = counts[computed[indicator.id]]
        each = pl.LazyFrame({"year": list(years)}, schema={"year": pl.Int32})
        grid = since.join(each, how="cross").filter(
            pl.col("year") >= pl.max_horizontal("since", pl.lit(indicator.first_year))
        )
        yearly = grid.join(counted, on=["district", "year"], how="left")
        found.append(
            yearly.select(
                "district",
                indicator=pl.lit(indicator.id),
                year="year",
                value=pl.col("value").fill_null(0).cast(exact),
            )
        )
    return pl.concat(found, how="vertical_relaxed")


def _shelters_built(
    recorded: pl.LazyFrame, statuses: pl.LazyFrame
) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """Earthquake shelters to the national standard first opened in each year; the year of
    the first status recorded."""
    key = ["district", "shelter"]
    kept = latest(recorded, key).filter(
        (pl.col("kind") == "earthquake_shelter") & pl.col("national_standard")
    )
    opened = statuses.filter(pl.col("status") == "open").group_by(key).agg(pl.col("on").min())
    built = kept.select(key).join(opened, on=key).group_by("district", year=pl.col("on").dt.year())
    since = statuses.group_by("district").agg(since=pl.col("on").min().dt.year())
    return built.agg(value=pl.len()), since


def _trained(trainings: pl.LazyFrame) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    yearly = trainings.group_by("district", year=pl.col("on").dt.year())
    since = trainings.group_by("district").agg(since=pl.col("on").min().dt.year())
    return yearly.agg(value=pl.col("people").sum()), since


def _assessed(pack: Pack, figures: pl.DataFrame, districts: list[str], year: int) -> pl.DataFrame:
    """Each district's indicators as of `year`, by the core's `assess`."""
    yearly: dict[tuple[str, str], dict[int, Decimal]] = {}
    for district, indicator, y, value in figures.iter_rows():
        yearly.setdefault((district, indicator), {})[y] = value
    rows = []
    for district in sorted(districts):
        for indicator in pack.indicators:
            said = assess(indicator, yearly.get((district, indicator.id), {}), year)
            figure = float(said.figure) if said.figure is not None else None
            rows.append((district, indicator.id, said.status.value, figure))
    schema = {"district": pl.String, "indicator": pl.String, "status": pl.String}
    return pl.DataFrame(rows, schema={**schema, "figure": pl.Float64}, orient="row")
