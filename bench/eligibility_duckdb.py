"""Hand-written DuckDB screening of the eligibility rules (the peer of govops.cadres.model.batch):
one SQL query over the three tables registered from arrow, thresholds from the pack's
parameters (eligibility_rules.thresholds), the verdict and the breach bitmask of
eligibility_rules.mask computed in SQL."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date

import duckdb
import numpy as np
import polars as pl

from eligibility_data import EDUCATION, RANKS, RESULTS
from eligibility_rules import BELOW_COMPETENT, OUTCOMES, RECENT_ASSESSMENT_YEARS, REFUSE, WARN


def _code(column: str, codes: tuple[str, ...]) -> str:
    """The code's index in `codes` (the column holds text)."""
    arms = " ".join(f"WHEN '{code}' THEN {i}" for i, code in enumerate(codes))
    return f"CASE {column} {arms} END"


def _years(start: str, end: str) -> str:
    """Completed years from start to end, by anniversary, never negative."""
    before = f"(month({end}) * 100 + day({end}) < month({start}) * 100 + day({start}))"
    return f"greatest(year({end}) - year({start}) - {before}::INT, 0)"


def _since(column: str, day: str) -> str:
    return _years(f"coalesce({column}, {day})", day)


def _elapsed(column: str, as_of: date) -> str:
    """Whole years of Civil Code periods (arts. 201, 202: the event's day not counted, each
    year ending on its corresponding day, 29 February on 28 February in a common year) run
    out before as_of; never negative; 0 for null."""
    md = f"(month({column}) * 100 + day({column}))"
    if not calendar.isleap(as_of.year):
        md = f"CASE WHEN {md} = 229 THEN 228 ELSE {md} END"
    years = f"{as_of.year} - year({column})"
    running = f"({years} > 0 AND {md} >= {as_of.month * 100 + as_of.day})"
    return f"coalesce(greatest({years} - {running}::INT, 0), 0)"


def _union(name: str, where: str, source: str = "p") -> str:
    """CTEs ending in `name` (cadre_id, years): the completed years of the union of the
    periods (start, stop) of `source` matching `where`, merged where they overlap or touch,
    plus one year per 365 leftover days of all the merged periods together."""
    return f"""
{name}_reach AS (
  SELECT cadre_id, start, stop, max(stop) OVER (PARTITION BY cadre_id ORDER BY start, stop
    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
  FROM {source} WHERE {where} AND start < stop),
{name}_runs AS (
  SELECT cadre_id, start, stop, sum((reach IS NULL OR start > reach)::INT) OVER (
    PARTITION BY cadre_id ORDER BY start, stop ROWS UNBOUNDED PRECEDING) AS run
  FROM {name}_reach),
{name}_merged AS (
  SELECT cadre_id, min(start) AS s, max(stop) AS e FROM {name}_runs GROUP BY cadre_id, run),
{name}_whole AS (
  SELECT cadre_id, s, e, {_years("s", "e")} AS whole FROM {name}_merged),
{name}_feb29 AS (
  SELECT cadre_id, s, e, whole, year(s) + whole AS y,
    month(s) = 2 AND day(s) = 29 AND NOT (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0))
      AS shifted
  FROM {name}_whole),
{name} AS (
  SELECT cadre_id, sum(whole) + sum(e - (make_date(y, month(s), CASE WHEN shifted THEN 28
    ELSE day(s) END) + shifted::INT)) // 365 AS years
  FROM {name}_feb29 GROUP BY cadre_id)"""


def _positions(day: str) -> str:
    return f"""
c AS (SELECT id, {_code("target_rank", RANKS)} AS target FROM cadres),
p AS (
  SELECT cadre_id, {_code("rank", RANKS)} AS rank, start, "end", coalesce("end", {day}) AS stop,
    grassroots, post, probation_end, c.target
  FROM positions JOIN c ON c.id = positions.cadre_id),
current AS (
  -- the rank left last: the highest rank among the posts that ended last, from one key
  SELECT cadre_id, max(rank) FILTER (WHERE "end" IS NULL) AS held,
    max(("end" - DATE '1900-01-01') * {len(RANKS)} + rank) % {len(RANKS)} AS left_rank,
    bool_or(probation_end IS NOT NULL AND start <= {day} AND {day} < probation_end)
      AS in_probation
  FROM p GROUP BY cadre_id),
lower AS (
  SELECT cadre_id, count(DISTINCT post) + count(*) FILTER (WHERE post IS NULL) AS posts
  FROM p WHERE rank = target - 1 GROUP BY cadre_id),"""


def _promotion() -> str:
    """CTEs ending in pb (cadre_id, start, stop): the posts at the rank below the rank held,
    cut at the first day that rank was held (7: years in post when last promoted). Only the
    clauses of a second exceptional promotion in a row read them: those cadres only."""
    return """
twice AS (
  SELECT current.cadre_id, coalesce(current.held, current.left_rank) AS rank
  FROM current JOIN cadres k ON k.id = current.cadre_id
  WHERE k.exceptional AND k.previous_promotion_exceptional),
promoted AS (
  SELECT p.cadre_id, twice.rank, min(p.start) AS day
  FROM p JOIN twice ON twice.cadre_id = p.cadre_id AND p.rank = twice.rank
  GROUP BY p.cadre_id, twice.rank),
pb AS (
  SELECT p.cadre_id, p.start, least(p.stop, promoted.day) AS stop
  FROM p JOIN promoted ON promoted.cadre_id = p.cadre_id AND p.rank = promoted.rank - 1),"""


def _assessed(as_of: date) -> str:
    """The CTE assessed: per cadre, which of the latest years are recorded and whether a
    bad result falls in the window of 17(3) (the latest three, ending with the year just
    ended when it is recorded, else with the year before)."""
    ended, width = as_of.year - 1, RECENT_ASSESSMENT_YEARS
    bad = "result IN (" + ", ".join(f"'{r}'" for r in RESULTS[BELOW_COMPETENT:]) + ")"
    seen = ", ".join(f"bool_or(year = {ended - k}) AS r{k}" for k in range(width))
    return f"""
assessed AS (
  SELECT cadre_id, {seen},
    bool_or({bad} AND year > {ended - width}) AS bad_latest,
    bool_or({bad} AND year = {ended - width}) AS bad_before
  FROM assessments WHERE year BETWEEN {ended - width} AND {ended} GROUP BY cadre_id)"""


def _inputs(as_of: date) -> str:
    day = f"DATE '{as_of.isoformat()}'"
    recorded = " AND ".join(f"assessed.r{k}" for k in range(RECENT_ASSESSMENT_YEARS))
    return f"""
WITH {_positions(day)}
{_promotion()}
{_union("grass", "grassroots")},
{_union("at_lower", "rank = target - 1")},
{_union("below", "true", "pb")},
{_assessed(as_of)},
x AS (
  SELECT k.id, c.target AS target_rank, k.exceptional,
    {_since("k.work_start", day)} AS work_years,
    coalesce(grass.years, 0) AS grassroots_years,
    coalesce(at_lower.years, 0) AS years_at_next_lower_rank,
    coalesce(lower.posts, 0) AS posts_at_next_lower_rank,
    k.personnel_agency, {_since("k.establishment_date", day)} AS establishment_years,
    coalesce(k.on_establishment, false) AS on_establishment,
    coalesce(current.held, current.left_rank, -1) AS held_rank,
    c.target - held_rank AS rank_jump,
    coalesce(below.years, 0) AS years_below_when_promoted,
    coalesce(current.in_probation, false) AS in_probation,
    k.previous_promotion_exceptional, k.target_is_party_post,
    {_since("k.party_join_date", day)} AS party_years,
    coalesce(assessed.bad_latest OR (NOT assessed.r0 AND assessed.bad_before), false)
      AS recent_assessment_below_competent,
    NOT coalesce({recorded}, false) AS assessment_missing,
    k.spouse_or_children_abroad,
    coalesce({day} <= k.discipline_until, false) AS discipline_in_effect,
    k.demoted_on IS NOT NULL AS demoted,
    {_elapsed("k.demoted_on", as_of)} AS years_since_demotion,
    {_code("k.education", EDUCATION)} AS education_level, k.training_completed
  FROM cadres k JOIN c ON c.id = k.id
  LEFT JOIN current ON current.cadre_id = k.id LEFT JOIN lower ON lower.cadre_id = k.id
  LEFT JOIN grass ON grass.cadre_id = k.id LEFT JOIN at_lower ON at_lower.cadre_id = k.id
  LEFT JOIN below ON below.cadre_id = k.id LEFT JOIN assessed ON assessed.cadre_id = k.id)"""


def _rules(p: Mapping[str, int]) -> dict[str, str]:
    """The breach condition of every outcome, in SQL over the columns of `x`."""
    div, exc = "target_rank >= 2", "exceptional"
    wy = f"({div} AND work_years < {p['division_work_years']})"
    gy = f"({div} AND grassroots_years < {p['division_grassroots_years']})"
    yl = "years_at_next_lower_rank"
    short_dc = f"(target_rank = 3 AND {yl} < {p['division_chief_years_as_deputy_division']})"
    short_dd = f"(target_rank = 2 AND {yl} < {p['deputy_division_years_as_section_chief']})"
    lower = (
        f"({short_dc} OR {short_dd}"
        f" OR (target_rank = 1 AND {yl} < {p['section_chief_years_as_deputy_section']}))"
    )
    # 7: 不得在任职年限上连续破格: this promotion relaxes 6(3) and so did the last one
    before = "years_below_when_promoted"
    last_short = (
        f"((held_rank = 1 AND {before} < {p['section_chief_years_as_deputy_section']})"
        f" OR (held_rank = 2 AND target_rank = 3"
        f" AND {before} < {p['deputy_division_years_as_section_chief']}))"
    )
    agency = f"(personnel_agency AND establishment_years < {p['agency_establishment_years']})"
    est = f"(target_rank = 0 AND (NOT on_establishment OR {agency}))"
    skip = f"(rank_jump > {p['rank_step']})"
    return {
        "work_years": f"{wy} AND NOT {exc}",
        "grassroots_years": f"{gy} AND NOT {exc}",
        "years_at_lower_rank": f"{lower} AND NOT {exc}",
        "establishment": f"{est} AND NOT {exc}",
        "rank_skipped": f"{skip} AND NOT {exc}",
        "two_ranks_skipped": f"rank_jump >= {p['rank_jump_two_levels']}",
        "exceptional_in_probation": f"{exc} AND in_probation",
        "exceptional_twice": f"{exc} AND previous_promotion_exceptional"
        f" AND ({short_dc} OR {short_dd}) AND {last_short}",
        "party_years": f"target_is_party_post AND {div}"
        f" AND party_years < {p['party_post_party_years']}",
        "recent_assessment": "recent_assessment_below_competent",
        "family_abroad": "spouse_or_children_abroad",
        "discipline": "discipline_in_effect",
        "demotion": f"demoted AND years_since_demotion < {p['demotion_no_promotion_years']}",
        "relaxed_by_exceptional_promotion": f"{exc} AND ({wy} OR {gy} OR {lower} OR {est}"
        f" OR {skip})",
        "posts_at_lower_rank": f"{div} AND posts_at_next_lower_rank < {p['division_lower_posts']}",
        "education": f"{div} AND education_level < {p['division_education_level']}",
        "training": f"{div} AND NOT training_completed",
        "assessment_missing": "assessment_missing",
    }


def screening_sql(as_of: date, params: Mapping[str, int]) -> str:
    rules = _rules(params)
    flags = ",\n  ".join(f"({rules[name]}) AS b{i}" for i, name in enumerate(OUTCOMES))
    bits = " + ".join(f"b{i}::BIGINT * {1 << i}" for i in range(len(OUTCOMES)))
    refused = " OR ".join(f"b{OUTCOMES.index(name)}" for name in REFUSE)
    warned = " OR ".join(f"b{OUTCOMES.index(name)}" for name in WARN)
    return f"""{_inputs(as_of)},
b AS (SELECT id,
  {flags}
  FROM x)
SELECT id, CASE WHEN {refused} THEN 2 WHEN {warned} THEN 1 ELSE 0 END AS verdict,
  {bits} AS mask
FROM b ORDER BY id"""


def connect(cadres: pl.DataFrame, positions: pl.DataFrame, assessments: pl.DataFrame):
    """An in-memory DuckDB with the three tables registered from their arrow form."""
    con = duckdb.connect()
    for name, frame in (("cadres", cadres), ("positions", positions), ("assessments", assessments)):
        con.register(name, frame.to_arrow())
    return con


def screen_duckdb(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, np.ndarray]:
    """id, verdict (0 eligible, 1 with warnings, 2 ineligible), mask: numpy arrays."""
    return con.execute(sql).fetchnumpy()
