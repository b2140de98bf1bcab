"""The hand-written peer of bench_registers.py: every district's indicators and alerts as
DuckDB SQL over the Parquet files of register events (registers_data.py), the pack's
values (targets, cadences and their windows, duty roles, reserve needs) written in as
literals, as someone would write it by hand from the plan.

Three queries, one COPY each: figures (district, indicator, year, value), indicators
(district, indicator, status, figure), alerts (the columns of
govops.registers.model.batch.ALERT_COLUMNS). Every comparison with a target or a course is
exact (decimals cross-multiplied), as the plan's bounds require."""

from __future__ import annotations

from datetime import date

import duckdb

from govops.lawcode.plans.indicators import Indicator
from govops.lawcode.rules.intervals import Side
from govops.lawcode.sources.pack import Pack
from registers_duckdb_alerts import alerts_sql


def run(folder: str, pack: Pack, on: date, out: str) -> None:
    """Writes figures.parquet, indicators.parquet and alerts.parquet into `out`."""
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(_views(folder))
    year = on.year if (on.month, on.day) == (12, 31) else on.year - 1
    con.execute(f"CREATE TEMP TABLE yearly AS {_figures(pack, year)}")
    con.execute(f"COPY yearly TO '{out}/figures.parquet' (FORMAT parquet)")
    con.execute(f"COPY ({_indicators(pack, year)}) TO '{out}/indicators.parquet' (FORMAT parquet)")
    con.execute(f"COPY ({alerts_sql(pack, on)}) TO '{out}/alerts.parquet' (FORMAT parquet)")
    con.close()


def _views(folder: str) -> str:
    tables = (
        "figures", "populations", "depots", "movements", "shelters", "shelter_statuses",
        "enterprises", "occurrences", "shifts", "trainings", "hazards", "rectified",
        "verified", "milestones",
    )  # fmt: skip
    views = [
        f"CREATE VIEW units AS SELECT * FROM read_parquet('{folder}/units.parquet');",
        # the district of every unit: itself, its parent or its grandparent
        """CREATE TEMP TABLE homes AS SELECT u.unit, u.kind, CASE WHEN u.kind = 'district'
          THEN u.unit WHEN p.kind = 'district' THEN p.unit ELSE g.unit END AS district
          FROM units u LEFT JOIN units p ON p.unit = u.parent
          LEFT JOIN units g ON g.unit = p.parent;""",
    ]
    views += [
        f"CREATE VIEW {t} AS SELECT t.*, h.district FROM read_parquet('{folder}/{t}.parquet') t"
        f" JOIN homes h USING (unit);"
        f" CREATE VIEW raw_{t} AS SELECT * FROM read_parquet('{folder}/{t}.parquet');"
        for t in tables
    ]
    return "\n".join(views)


def _figures(pack: Pack, year: int) -> str:
    computed = pack.registers.computed if pack.registers else {}
    skip = ", ".join(f"'{i}'" for i in computed) or "''"
    parts = [
        f"""SELECT district, indicator, year, value::DECIMAL(38, 6) AS value FROM (
          SELECT *, row_number() OVER (PARTITION BY district, indicator, year
            ORDER BY seq DESC) AS r FROM figures
          WHERE unit = district AND year <= {year} AND indicator NOT IN ({skip}))
        WHERE r = 1"""
    ]
    counts = {
        "officers_trained": (
            'SELECT district, year("on") AS year, sum(people) AS value FROM trainings GROUP BY ALL',
            'SELECT district, min(year("on")) AS since FROM trainings GROUP BY ALL',
        ),
        "shelters_built": (
            """SELECT s.district, year(o.opened) AS year, count(*) AS value FROM (
                 SELECT *, row_number() OVER (PARTITION BY district, shelter ORDER BY seq DESC)
                 AS r FROM shelters) s
               JOIN (SELECT district, shelter, min("on") AS opened FROM shelter_statuses
                     WHERE status = 'open' GROUP BY ALL) o USING (district, shelter)
               WHERE s.r = 1 AND s.kind = 'earthquake_shelter' AND s.national_standard
               GROUP BY ALL""",
            'SELECT district, min(year("on")) AS since FROM shelter_statuses GROUP BY ALL',
        ),
    }
    for indicator in pack.indicators:
        if indicator.id not in computed:
            continue
        counted, since = counts[computed[indicator.id]]
        first = indicator.baseline_year or indicator.first_year
        parts.append(
            f"""SELECT s.district, '{indicator.id}' AS indicator, y.year::INTEGER AS year,
              coalesce(c.value, 0)::DECIMAL(38, 6) AS value
            FROM ({since}) s CROSS JOIN range({first}, {year + 1}) y(year)
            LEFT JOIN ({counted}) c ON c.district = s.district AND c.year = y.year
            WHERE y.year >= greatest(s.since, {indicator.first_year})"""
        )
    return " UNION ALL ".join(parts)


def _holds(value: str, side: Side, inclusive: bool, target: str) -> str:
    sign = (">=" if inclusive else ">") if side is Side.LOWER else ("<=" if inclusive else "<")
    return f"({value} {sign} {target})"


def _indicators(pack: Pack, year: int) -> str:
    """Each district's status of each indicator, by its measure (the pack writes no pace
    of its own for these, so a year's bound is the target)."""
    cases = []
    for i in pack.indicators:
        status, figure = MEASURES[i.measure.value](i, year)
        cases.append(
            f"SELECT district, '{i.id}' AS indicator, {status} AS status,"
            f" ({figure})::DOUBLE AS figure FROM {_facts(i, year)}"
        )
    districts = "districts AS (SELECT unit AS district FROM homes WHERE kind = 'district')"
    return f"WITH {districts} " + " UNION ALL ".join(cases)


def _facts(i: Indicator, year: int) -> str:
    """Per district: the figures of the period up to `year` (count, total, first, latest,
    the last failing one) and the baseline year's. (The baseline is joined after the
    aggregate: aggregated beside a second outer join, DuckDB 2.0.1 compared a decimal sum
    with a constant wrongly.)"""
    t, side, inc = _target(i), i.target.side, i.target.inclusive
    fails = f"NOT {_holds('value', side, inc, t)}"
    return f"""(SELECT d.district, coalesce(a.n, 0) AS n, a.total, a.latest, a.latest_year,
        a.first_value, a.first_year, a.failing_year, a.failing, b.value AS base
      FROM districts d
      LEFT JOIN (SELECT district, count(*) AS n, sum(value) AS total,
          arg_max(value, year) AS latest, max(year) AS latest_year,
          arg_min(value, year) AS first_value, min(year) AS first_year,
          max(year) FILTER (WHERE {fails}) AS failing_year,
          arg_max(value, year) FILTER (WHERE {fails}) AS failing
        FROM yearly WHERE indicator = '{i.id}'
          AND year BETWEEN {i.first_year} AND {min(year, i.last_year)}
        GROUP BY district) a ON a.district = d.district
      LEFT JOIN (SELECT district, value FROM yearly WHERE indicator = '{i.id}'
        AND year = {i.baseline_year or 0}) b ON b.district = d.district)"""


def _target(i: Indicator) -> str:
    return f"{i.target.value}::DECIMAL(38, 6)"


def _settle(i: Indicator, year: int) -> tuple[str, str, bool, int]:
    """The words for held and not held (met/missed once the period is over), whether it
    is, and the years of the period so far."""
    final = year >= i.last_year
    held = ("'met'", "'missed'") if final else ("'on_track'", "'at_risk'")
    return held[0], held[1], final, min(year, i.last_year) - i.first_year + 1


def _each_year(i: Indicator, year: int) -> tuple[str, str]:
    good, _, final, years = _settle(i, year)
    failed = "'missed'" if final else "'at_risk'"
    status = f"""CASE WHEN n = 0 THEN 'no_figure' WHEN failing_year IS NOT NULL THEN {failed}
      WHEN n < {years} THEN {"'no_figure'" if final else "'on_track'"} ELSE {good} END"""
    figure = "CASE WHEN failing_year IS NOT NULL THEN failing ELSE latest END"
    return status, figure


def _average(i: Indicator, year: int) -> tuple[str, str]:
    good, bad, final, years = _settle(i, year)
    holds = _holds("total", i.target.side, i.target.inclusive, f"{_target(i)} * n")
    gap = f"(n = 0 OR ({str(final).lower()} AND n < {years}))"
    status = f"CASE WHEN {gap} THEN 'no_figure' WHEN {holds} THEN {good} ELSE {bad} END"
    return status, f"CASE WHEN {gap} THEN NULL ELSE total::DOUBLE / n END"


def _total(i: Indicator, year: int) -> tuple[str, str]:
    good, _, final, years = _settle(i, year)
    holds = _holds("total", i.target.side, i.target.inclusive, _target(i))
    period = i.last_year - i.first_year + 1
    if i.target.side is Side.UPPER:  # past its ceiling, a total cannot come back under
        judged = f"CASE WHEN {holds} THEN {good} ELSE 'missed' END"
    elif final:
        judged = f"CASE WHEN {holds} THEN 'met' ELSE 'missed' END"
    else:  # reached early, or on a steady course to the target
        ahead = f"total * {period} >= {_target(i)} * {years}"
        judged = f"CASE WHEN {holds} THEN 'met' WHEN {ahead} THEN 'on_track' ELSE 'at_risk' END"
    gap = f"(n = 0 OR ({str(final).lower()} AND n < {years} AND NOT {holds}))"
    return (
        f"CASE WHEN {gap} THEN 'no_figure' ELSE {judged} END",
        f"CASE WHEN {gap} THEN NULL ELSE total END",
    )


def _at_end(i: Indicator, year: int) -> tuple[str, str]:
    good, bad, final, _ = _settle(i, year)
    holds = _holds("latest", i.target.side, i.target.inclusive, _target(i))
    sign = ">=" if i.target.side is Side.LOWER else "<="
    ahead = (
        f"(latest - first_value) * ({i.last_year} - first_year) {sign}"
        f" ({_target(i)} - first_value) * (latest_year - first_year)"
    )
    gap = f"(n = 0 OR ({str(final).lower()} AND latest_year IS DISTINCT FROM {i.last_year}))"
    course = "" if final else f"WHEN n > 1 THEN CASE WHEN {ahead} THEN {good} ELSE {bad} END"
    status = f"CASE WHEN {gap} THEN 'no_figure' WHEN {holds} THEN {good} {course} ELSE {bad} END"
    return status, f"CASE WHEN {gap} THEN NULL ELSE latest END"


def _fall(i: Indicator, year: int) -> tuple[str, str]:
    good, bad, final, _ = _settle(i, year)
    by = i.baseline_year or 0
    fall = "(base - latest) * 100"  # over the base: kept multiplied out (figures >= 0)
    holds = _holds(fall, i.target.side, i.target.inclusive, f"{_target(i)} * base")
    sign = ">=" if i.target.side is Side.LOWER else "<="
    ahead = f"{fall} * {i.last_year - by} {sign} {_target(i)} * (latest_year - {by}) * base"
    ended = f"({str(final).lower()} AND latest_year IS DISTINCT FROM {i.last_year})"
    gap = f"(n = 0 OR base IS NULL OR base = 0 OR {ended})"
    course = "" if final else f"WHEN {ahead} THEN {good}"
    status = f"CASE WHEN {gap} THEN 'no_figure' WHEN {holds} THEN {good} {course} ELSE {bad} END"
    return status, f"CASE WHEN {gap} THEN NULL ELSE {fall}::DOUBLE / base::DOUBLE END"


MEASURES = {
    "each_year": _each_year,
    "average": _average,
    "total": _total,
    "at_end": _at_end,
    "fall": _fall,
}
