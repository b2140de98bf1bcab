"""The alerts half of the hand-written DuckDB peer (registers_duckdb.py): one SQL query over
the views it creates, giving the columns of govops.registers.model.batch.ALERT_COLUMNS."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from govops.lawcode.registers.cadences import Counted, add_months, windows
from govops.lawcode.registers.stock import MANAGEMENT_LEVELS
from govops.lawcode.sources.pack import Pack

COLUMNS = 'district, register, unit, subject, overdue, kind, day, count, start, "end", held, needed'


def _values(rows: list[tuple[object, ...]]) -> str:
    def literal(value: object) -> str:
        if isinstance(value, date):
            return f"DATE '{value.isoformat()}'"
        if isinstance(value, str):
            return f"'{value}'"
        return str(value)

    return ", ".join("(" + ", ".join(literal(v) for v in row) + ")" for row in rows)


def alerts_sql(pack: Pack, on: date) -> str:
    rules = pack.registers
    assert rules is not None and rules.duty is not None and rules.reserves is not None
    day = f"DATE '{on.isoformat()}'"
    in_force = [o for o in rules.cadences if o.cadence.start <= on]
    wins, lasts = [], []
    for owed in in_force:
        c = owed.cadence
        if c.counted is Counted.WINDOWS:
            opened = windows(c, on)
            wins += [(c.id, k, w.start, w.end, len(opened) - 1) for k, w in enumerate(opened)]
        else:
            first = add_months(c.start, c.months) - timedelta(days=1)
            lasts.append((c.id, c.months, c.start, first))
    owners = _values([(o.cadence.id, o.owed_by) for o in in_force])
    midnight = datetime.combine(on, time(), ZoneInfo(pack.timezone))
    start, end = (
        f"TIMESTAMPTZ '{(midnight + timedelta(days=d)).astimezone(UTC).isoformat()}'"
        for d in (-7, 7)
    )
    roles = ", ".join(f"('{r}')" for r in rules.duty.roles)
    reserve = rules.reserves
    above, below = reserve.population_share.as_integer_ratio()
    needs = ", ".join(f"('{n.item}', {n.per_person}::DECIMAL(38, 6))" for n in reserve.needs)
    drills = ", ".join(f"'{o.cadence.id}'" for o in rules.cadences if o.assessed) or "''"
    levels = ", ".join(f"'{level}'" for level in MANAGEMENT_LEVELS)
    window_rows = _values(wins) or "('', 0, DATE '1970-01-01', DATE '1970-01-01', 0)"
    last_rows = _values(lasts) or "('', 0, DATE '1970-01-01', DATE '1970-01-01')"
    return f"""
WITH cadences(cadence, owed_by) AS (VALUES {owners}),
wins(cadence, idx, wstart, wend, cur) AS (VALUES {window_rows}),
since(cadence, months, cstart, first_deadline) AS (VALUES {last_rows}),
owners AS (SELECT unit, kind, district FROM homes WHERE kind IN ('district', 'street')),
owing AS (
  SELECT c.cadence, o.district, o.unit, o.unit AS subject
  FROM owners o JOIN cadences c ON c.owed_by = o.kind
  UNION ALL
  SELECT c.cadence, e.district, e.unit, e.enterprise
  FROM (SELECT DISTINCT district, unit, enterprise FROM enterprises) e
  JOIN cadences c ON c.owed_by = 'enterprise'),
done AS (SELECT district, unit, coalesce(subject, unit) AS subject, cadence, "on",
  assessment FROM occurrences WHERE "on" <= {day}),
kept_windows AS (SELECT DISTINCT d.cadence, d.unit, d.subject, w.idx, w.cur
  FROM done d JOIN wins w ON w.cadence = d.cadence AND d."on" BETWEEN w.wstart AND w.wend),
runs AS (SELECT cadence, unit, subject,
    count(*) FILTER (WHERE idx < cur) AS before,
    count(*) FILTER (WHERE idx < cur AND idx + r = cur - 1) AS run,
    bool_or(idx = cur) AS kept
  FROM (SELECT *, row_number() OVER (PARTITION BY cadence, unit, subject, idx < cur
    ORDER BY idx DESC) - 1 AS r FROM kept_windows) GROUP BY ALL),
windowed AS (
  SELECT o.district, o.cadence, o.unit, o.subject, w.cur,
    coalesce(r.before, 0) AS before, coalesce(r.run, 0) AS run,
    coalesce(r.kept, false) AS kept, w.wend AS current_end
  FROM owing o JOIN wins w ON w.cadence = o.cadence AND w.idx = w.cur
  LEFT JOIN runs r ON r.cadence = o.cadence AND r.unit = o.unit AND r.subject = o.subject),
windowed_kinds AS (
  SELECT *, cur - before AS missed, CASE
    WHEN NOT kept AND cur >= 1 AND run = 0 THEN 'overdue'
    WHEN NOT kept AND cur - before = 0 THEN 'due'
    WHEN cur - before > 0 THEN 'missed' END AS kind
  FROM windowed),
lasts AS (SELECT d.cadence, d.unit, d.subject, max(d."on") AS last
  FROM done d JOIN since s USING (cadence) GROUP BY ALL),
since_last AS (
  SELECT o.district, o.cadence, o.unit, o.subject, l.last, s.cstart,
    CASE WHEN l.last IS NULL THEN s.first_deadline
      ELSE (l.last + to_months(s.months))::DATE END AS raw
  FROM owing o JOIN since s USING (cadence) LEFT JOIN lasts l USING (cadence, unit, subject)),
shifts_in AS (SELECT unit, role, start, "end" FROM shifts
  WHERE role IN (SELECT r FROM (VALUES {roles}) v(r)) AND "end" > {start} AND start < {end}),
covered AS (SELECT unit, role, start, greatest({start}, max("end") OVER (
  PARTITION BY unit, role ORDER BY start ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))
  AS covered FROM shifts_in),
centres AS (SELECT o.district, o.unit, v.r AS role FROM owners o, (VALUES {roles}) v(r)),
gaps AS (
  SELECT unit, role, covered AS gstart, start AS gend FROM covered WHERE start > covered
  UNION ALL
  SELECT c.unit, c.role, greatest(coalesce(max(s."end"), {start}), {start}), {end}
  FROM centres c LEFT JOIN shifts_in s USING (unit, role) GROUP BY c.unit, c.role
  HAVING greatest(coalesce(max(s."end"), {start}), {start}) < {end}),
{_hazards()},
standing AS (
  SELECT *, CASE WHEN rectified IS NULL AND {day} > deadline THEN 'overdue'
    WHEN rectified IS NOT NULL AND NOT coalesce(rectified <= verified AND verified <= {day},
      false) THEN 'awaiting_verification' END AS kind
  FROM (SELECT unit, hazard, deadline,
    CASE WHEN vseq > found THEN von END AS verified,
    CASE WHEN rseq > found AND ron <= {day} THEN ron END AS rectified FROM hz)),
{_stock(day)},
levels AS (SELECT district, depot, level FROM (SELECT *, row_number() OVER (
  PARTITION BY district, depot ORDER BY seq DESC) AS r FROM depots) WHERE r = 1),
held AS (SELECT s.district, s.item,
    sum(s.quantity) FILTER (WHERE l.level IN ({levels})) AS managed,
    sum(s.quantity) FILTER (WHERE l.level = 'district') AS own
  FROM stock s JOIN levels l USING (district, depot) GROUP BY ALL),
residents AS (SELECT district, arg_max(residents, year) AS residents FROM (
  SELECT *, row_number() OVER (PARTITION BY district, year ORDER BY seq DESC) AS r
  FROM populations WHERE unit = district AND year <= {on.year}) WHERE r = 1 GROUP BY ALL),
districts AS (SELECT unit AS district FROM homes WHERE kind = 'district'),
needs(item, per_person) AS (VALUES {needs}),
wanted AS (
  SELECT 'reserves_share' AS register, r.district,
    (r.residents * {above} + {below} - 1) // {below} AS people FROM residents r
  UNION ALL
  SELECT 'reserves_district', district, {reserve.district_people} FROM districts),
cover AS (
  SELECT w.register, w.district, n.item, w.people, n.per_person * w.people AS needed,
    coalesce(CASE WHEN w.register = 'reserves_share' THEN h.managed ELSE h.own END, 0)
      AS held
  FROM wanted w CROSS JOIN needs n LEFT JOIN held h ON h.district = w.district
    AND h.item = n.item),
shelter AS (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY district, shelter
  ORDER BY seq DESC) AS r FROM shelters) WHERE r = 1),
status AS (SELECT district, shelter, arg_max(status, ("on", seq)) AS status
  FROM shelter_statuses WHERE "on" <= {day} GROUP BY ALL),
served AS (SELECT DISTINCT s.district, unnest(s.streets) AS unit FROM shelter s
  JOIN status t USING (district, shelter) WHERE t.status = 'open')
SELECT {COLUMNS} FROM (
  SELECT district, cadence AS register, unit, subject, kind <> 'due' AS overdue, kind,
    CASE WHEN kind = 'missed' THEN (SELECT w.wend FROM wins w WHERE w.cadence = k.cadence
      AND w.idx = k.cur - 1 - k.run) ELSE current_end END AS day,
    CASE WHEN kind = 'missed' THEN missed END AS count,
    NULL::TIMESTAMPTZ AS start, NULL::TIMESTAMPTZ AS "end", NULL::DOUBLE AS held,
    NULL::DOUBLE AS needed
  FROM windowed_kinds k WHERE kind IS NOT NULL
  UNION ALL
  SELECT district, cadence, unit, subject, {day} > deadline,
    CASE WHEN {day} > deadline THEN 'overdue' ELSE 'due' END,
    CASE WHEN {day} > deadline THEN deadline + 1 ELSE deadline END, NULL, NULL, NULL, NULL,
    NULL
  FROM (SELECT *, greatest(raw, cstart) AS deadline, raw < cstart AS behind FROM since_last)
  WHERE {day} > deadline OR last IS NULL OR behind
  UNION ALL
  SELECT district, 'drill_assessment', unit, cadence, true, 'unassessed', "on", NULL, NULL,
    NULL, NULL, NULL
  FROM done WHERE cadence IN ({drills}) AND coalesce(assessment, '') = ''
  UNION ALL
  SELECT c.district, 'roster', g.unit, g.role, true, 'gap', NULL, NULL, g.gstart, g.gend,
    NULL, NULL
  FROM gaps g JOIN centres c USING (unit, role)
  UNION ALL
  SELECT h.district, 'hazard', s.unit, s.hazard, s.kind = 'overdue', s.kind,
    CASE WHEN s.kind = 'overdue' THEN s.deadline ELSE s.rectified END, NULL, NULL, NULL, NULL,
    NULL
  FROM standing s JOIN homes h USING (unit) WHERE s.kind IS NOT NULL
  UNION ALL
  SELECT district, project, unit, milestone, true, 'overdue', due, NULL, NULL, NULL, NULL,
    NULL
  FROM (SELECT *, row_number() OVER (PARTITION BY unit, project, milestone
    ORDER BY seq DESC) AS r FROM milestones)
  WHERE r = 1 AND NOT coalesce(done <= {day}, false) AND due < {day}
  UNION ALL
  SELECT district, register, district, item, true, 'short', NULL, people, NULL, NULL,
    held::DOUBLE, needed::DOUBLE
  FROM cover WHERE held < needed
  UNION ALL
  SELECT district, 'reserves_share', district, district, false, 'no_population', NULL, NULL,
    NULL, NULL, NULL, NULL
  FROM districts WHERE district NOT IN (SELECT district FROM residents)
  UNION ALL
  SELECT h.district, 'shelters', h.unit, h.unit, true, 'uncovered', NULL, NULL, NULL, NULL,
    NULL, NULL
  FROM owners h WHERE h.kind = 'street'
    AND NOT EXISTS (SELECT 1 FROM served s WHERE s.district = h.district AND s.unit = h.unit)
)"""


# A record's seq and one of its days packed into one BIGINT (seq above 2^20 days from
# 0001-01-01): max() of it is the day of the latest record, one plain aggregate where
# max(seq) and arg_max(day, seq) take two (the days are required fields, never NULL).
_DAYS = 1 << 20


def _packed(day: str) -> str:
    return f"seq * {_DAYS} + ({day} - DATE '0001-01-01')"


def _unpacked(packed: str, seq: str, day: str) -> str:
    return (
        f"{packed} // {_DAYS} AS {seq}, DATE '0001-01-01' + ({packed} % {_DAYS})::INTEGER AS {day}"
    )


def _hazards() -> str:
    """hz: each hazard's latest finding (its seq and deadline) and its latest rectification
    and verification (seq and day), the three tables stacked and grouped once by unit (the
    district is joined to the few that alert)."""
    return f"""hz_packed AS (SELECT unit, hazard, max(f) AS f, max(r) AS r, max(v) AS v FROM (
    SELECT unit, hazard, {_packed("deadline")} AS f, NULL::BIGINT AS r, NULL::BIGINT AS v
    FROM raw_hazards
    UNION ALL SELECT unit, hazard, NULL, {_packed('"on"')}, NULL FROM raw_rectified
    UNION ALL SELECT unit, hazard, NULL, NULL, {_packed('"on"')} FROM raw_verified)
  GROUP BY unit, hazard HAVING max(f) IS NOT NULL),
hz AS (SELECT unit, hazard, {_unpacked("f", "found", "deadline")},
  {_unpacked("r", "rseq", "ron")}, {_unpacked("v", "vseq", "von")} FROM hz_packed)"""


def _stock(day: str) -> str:
    """stock: each card (district, depot, item) at the end of `day`: its legs (a transfer's
    two) from the latest stocktake on, ordered by day then seq packed into one BIGINT. The
    movements are read once; the stocktakes alone give each card's start; the sum is taken
    in the table's own decimal and widened after (exact either way)."""
    return f"""moves AS MATERIALIZED (SELECT district, depot, to_depot, item, movement, quantity,
    ("on" - DATE '1970-01-01')::BIGINT * 10000000000 + seq AS ord
  FROM movements WHERE "on" <= {day}),
legs AS (
  SELECT district, depot, item, ord,
    CASE WHEN movement IN ('receipt', 'stocktake') THEN quantity ELSE -quantity END AS change
  FROM moves
  UNION ALL
  SELECT district, to_depot, item, ord, quantity FROM moves WHERE movement = 'transfer'),
counts AS (SELECT district, depot, item, max(ord) AS from_ord FROM moves
  WHERE movement = 'stocktake' GROUP BY ALL),
stock AS (SELECT l.district, l.depot, l.item, sum(l.change)::DECIMAL(38, 6) AS quantity
  FROM legs l LEFT JOIN counts c USING (district, depot, item)
  WHERE c.from_ord IS NULL OR l.ord >= c.from_ord GROUP BY ALL)"""
