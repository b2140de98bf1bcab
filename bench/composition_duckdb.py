"""The hand-written peer of bench_composition.py: the `committee` table's rules as one DuckDB
SQL query over the Parquet files (people, organisations, seats, exceptions), the pack's
thresholds written in as literals, the breaches as a list in the table's order."""

from __future__ import annotations

from datetime import date

from govops.lawcode.dated.parameters import ParameterSnapshot

# The table's outcomes in order, and their severities (refuse: 2, warn: 1).
OUTCOMES = (
    ("too_few_members", 2),
    ("too_many_members", 2),
    ("director_count", 2),
    ("part_time_members", 1),
    ("director_over_age", 1),
    ("retired_over_share", 1),
    ("not_one_shoulder", 1),
    ("cross_appointment_low", 2),
)


def composition_sql(folder: str, day: date, rules: ParameterSnapshot) -> str:
    """The query: one row per committee: organisation, verdict (0, 1, 2), breaches."""
    limit = {name: rules[name].value for name in rules}
    d = f"DATE '{day.isoformat()}'"
    tests = {
        "too_few_members": f"members < {limit['committee_min_members']}",
        "too_many_members": f"members > {limit['committee_max_members']}",
        "director_count": f"directors <> {limit['committee_directors']}",
        "part_time_members": "part_time > 0",
        "director_over_age": f"director_age > {limit['director_max_age']} AND NOT age_ex",
        "retired_over_share": (
            f"retired * 100.0 / members > {limit['retired_max_share']} AND NOT retired_ex"
        ),
        "not_one_shoulder": "has_party AND NOT secretary_directs AND NOT shoulder_ex",
        "cross_appointment_low": (
            "has_party AND (CASE WHEN party_members = 0 THEN 100.0"
            " ELSE both_seats * 100.0 / party_members END)"
            f" < {limit['cross_appointment_min_share']}"
        ),
    }
    listed = ", ".join(f"CASE WHEN {test} THEN '{name}' END" for name, test in tests.items())
    refuse = " OR ".join(f"({tests[n]})" for n, s in OUTCOMES if s == 2)
    warn = " OR ".join(f"({tests[n]})" for n, s in OUTCOMES if s == 1)
    return f"""
WITH people AS (SELECT * FROM read_parquet('{folder}/people.parquet')),
orgs AS (SELECT * FROM read_parquet('{folder}/organisations.parquet')),
seats AS (
  SELECT organisation, person, role FROM read_parquet('{folder}/seats.parquet')
  WHERE start <= {d} AND ("end" IS NULL OR {d} < "end")),
committees AS (SELECT id AS organisation, community FROM orgs WHERE kind = 'committee'),
party AS (SELECT DISTINCT community FROM orgs
  WHERE kind IN ('party_committee', 'party_branch')),
-- one row per person on a body that day (a person entered twice counts once)
on_body AS (
  SELECT organisation, person, bool_or(role = 'director') AS director,
         bool_or(role = 'secretary') AS secretary
  FROM seats GROUP BY organisation, person),
party_seat AS (
  SELECT o.community, b.person, b.secretary FROM on_body b
  JOIN orgs o ON o.id = b.organisation AND o.kind IN ('party_committee', 'party_branch')),
members AS (
  SELECT c.organisation, c.community, b.person, b.director, p.birth_date,
         coalesce(p.retired, false) AS retired, coalesce(p.party_member, false) AS party_member,
         coalesce(p.full_time, true) AS full_time, ps.person IS NOT NULL AS on_party
  FROM on_body b JOIN committees c USING (organisation) JOIN people p ON p.id = b.person
  LEFT JOIN party_seat ps ON ps.community = c.community AND ps.person = b.person),
counts AS (
  SELECT organisation, count(*) AS members, count_if(director) AS directors,
    count_if(NOT full_time) AS part_time, count_if(retired) AS retired,
    min(birth_date) FILTER (WHERE director) AS born,
    count_if(party_member) AS party_members, count_if(party_member AND on_party) AS both_seats
  FROM members GROUP BY organisation),
secretaries AS (
  SELECT c.organisation, count(*) AS secretaries,
    count_if(m.director IS NOT NULL AND m.director) AS directing
  FROM committees c JOIN party_seat ps ON ps.community = c.community AND ps.secretary
  LEFT JOIN members m ON m.organisation = c.organisation AND m.person = ps.person
  GROUP BY c.organisation),
ex AS (
  SELECT organisation,
    bool_or(exception = 'director_age_exception') AS age_ex,
    bool_or(exception = 'retired_exception') AS retired_ex,
    bool_or(exception = 'one_shoulder_exception') AS shoulder_ex
  FROM read_parquet('{folder}/exceptions.parquet') GROUP BY organisation),
facts AS (
  SELECT c.organisation,
    coalesce(k.members, 0) AS members, coalesce(k.directors, 0) AS directors,
    coalesce(k.part_time, 0) AS part_time, coalesce(k.retired, 0) AS retired,
    CASE WHEN coalesce(k.directors, 0) = 1 THEN year({d}) - year(k.born)
      - CASE WHEN month(k.born) * 100 + day(k.born) > {day.month * 100 + day.day} THEN 1 ELSE 0 END
      ELSE 0 END AS director_age,
    p.community IS NOT NULL AS has_party,
    coalesce(s.secretaries, 0) > 0
      AND coalesce(s.secretaries, 0) = coalesce(s.directing, 0) AS secretary_directs,
    coalesce(k.party_members, 0) AS party_members, coalesce(k.both_seats, 0) AS both_seats,
    coalesce(e.age_ex, false) AS age_ex, coalesce(e.retired_ex, false) AS retired_ex,
    coalesce(e.shoulder_ex, false) AS shoulder_ex
  FROM committees c LEFT JOIN counts k USING (organisation)
  LEFT JOIN party p ON p.community = c.community
  LEFT JOIN secretaries s USING (organisation) LEFT JOIN ex e USING (organisation))
SELECT organisation,
  CASE WHEN {refuse} THEN 2 WHEN {warn} THEN 1 ELSE 0 END AS verdict,
  list_filter([{listed}], lambda x: x IS NOT NULL) AS breaches
FROM facts
"""
