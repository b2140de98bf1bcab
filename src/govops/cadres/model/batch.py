"""Batch screening: the inputs of `cadre_record`, vectorised in polars over three tables,
then the batch evaluator of the eligibility table: one row per cadre, verdict and breaches.

Columnar schema (dates are pl.Date; codes are text from `govops.cadres.model.record`):
- cadres: id (integer, unique), target_rank, work_start, education (required);
  target_is_party_post, training_completed, exceptional, previous_promotion_exceptional,
  spouse_or_children_abroad, personnel_agency (flags, null = false), on_establishment
  (flag, null = not given), party_join_date (the day full membership began, 转正),
  establishment_date, demoted_on (dates, null =
  none) and discipline_until (the last day of effect of the cadre's latest-ending sanction,
  null = none: `any(as_of <= until)` depends only on the latest) - all optional columns.
- positions: cadre_id, rank, start, end (null: still held); grassroots (flag), post (text,
  null: unnamed, each entry counts), probation_end (date) optional.
- assessments: cadre_id, year, result.

Subset: the record field `grassroots_periods` (grassroots work outside the positions) has
no column yet; the batch agrees with `cadre_record` on records without it. The batch checks
codes, period ends, target above the rank held, on_establishment for a deputy section
target, establishment_date for personnel agency and assessment years, but not that posts at
different ranks never overlap (parse_record does): such records are screened as given.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from govops.cadres.model.adapter import RECENT_ASSESSMENT_YEARS
from govops.cadres.model.batch_columns import (
    assessment_columns,
    cadre_columns,
    position_columns,
    refuse,
)
from govops.cadres.model.batch_periods import completed_years, years_elapsed, years_of_union
from govops.cadres.model.record import JUDGED, RANKS, RESULTS
from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.batch import BatchEvaluator
from govops.lawcode.rules.tables import RuleTable
from govops.lawcode.texts.messages import msg


def screen_inputs(
    cadres: pl.DataFrame, positions: pl.DataFrame, assessments: pl.DataFrame, as_of: date
) -> pl.DataFrame:
    """The eligibility table's inputs, one row per cadre in the order of `cadres`, with the
    cadre's `id` first. Raises BatchInputError for what cadre_record refuses (see above)."""
    people = cadre_columns(cadres)
    posts = position_columns(positions, as_of)
    targets = people.select("id", "target_rank").rename({"id": "cadre_id"})
    posts = posts.join(targets, on="cadre_id", how="inner")
    lower = posts.filter(pl.col("rank") == pl.col("target_rank") - 1)
    # when/then inside the aggregation, not filter(): several times faster per group.
    by_cadre = (
        posts.with_columns(last_end=pl.col("end").max().over("cadre_id"))
        .group_by("cadre_id")
        .agg(
            held=pl.when(pl.col("end").is_null()).then(pl.col("rank")).max(),
            left=pl.when(pl.col("end") == pl.col("last_end")).then(pl.col("rank")).max(),
            in_probation=(
                pl.col("probation_end").is_not_null()
                & (pl.col("start") <= as_of)
                & (pl.lit(as_of) < pl.col("probation_end"))
            ).any(),
        )
    )
    counted = lower.group_by("cadre_id").agg(
        posts=pl.col("post").drop_nulls().n_unique() + pl.col("post").is_null().sum()
    )
    ended = pl.col("end").fill_null(as_of)
    grassroots = years_of_union(
        posts.filter("grassroots").select("cadre_id", "start", end=ended)
    ).rename({"years": "grassroots_years"})
    at_lower = years_of_union(lower.select("cadre_id", "start", end=ended))
    recent = _assessment_window(assessment_columns(assessments, as_of), as_of)
    joined = people
    for part in (by_cadre, counted, grassroots, at_lower, recent, _promotion(posts, by_cadre)):
        joined = joined.join(
            part, left_on="id", right_on="cadre_id", how="left", maintain_order="left"
        )
    frame = joined.select(_inputs(as_of)).collect()
    refuse(
        frame.select("id", bad=pl.col("rank_jump") <= 0),
        "target_rank",
        msg("is not above the rank now held: no promotion"),
    )
    return frame


def _assessment_window(assessments: pl.LazyFrame, as_of: date) -> pl.LazyFrame:
    """adapter.assessment_window per cadre: the latest three years (ending with the year
    just ended when it is recorded, else the year before), a bad result among them, how
    many of them are recorded and whether the year just ended is. Both possible windows
    are aggregated and one is chosen per cadre afterwards: a window function inside the
    aggregation would cost three times the whole screen."""
    ended = as_of.year - 1
    below = RESULTS.index("basically_competent")
    year, bad = pl.col("year"), pl.col("result") >= below

    def window(last: int) -> tuple[pl.Expr, pl.Expr]:
        inside = (year <= last) & (year > last - RECENT_ASSESSMENT_YEARS)
        return (inside & bad).any(), year.filter(inside).n_unique()

    (bad_ended, years_ended), (bad_before, years_before) = window(ended), window(ended - 1)
    has_ended = pl.col("has_ended")
    return (
        assessments.group_by("cadre_id")
        .agg(
            has_ended=(year == ended).any(),
            bad_ended=bad_ended,
            years_ended=years_ended,
            bad_before=bad_before,
            years_before=years_before,
        )
        .select(
            "cadre_id",
            "has_ended",
            recent_assessment_below_competent=pl.when(has_ended)
            .then("bad_ended")
            .otherwise("bad_before"),
            window_years=pl.when(has_ended).then("years_ended").otherwise("years_before"),
        )
    )


def _promotion(posts: pl.LazyFrame, by_cadre: pl.LazyFrame) -> pl.LazyFrame:
    """adapter._years_below_when_promoted per cadre: years at the rank below the rank
    promoted from, up to the first day that rank was held."""
    current = by_cadre.select("cadre_id", current=pl.coalesce("held", "left"))
    ranked = posts.join(current, on="cadre_id", how="inner")
    promoted = (
        ranked.filter(pl.col("rank") == pl.col("current"))
        .group_by("cadre_id")
        .agg(promoted=pl.col("start").min())
    )
    before = (
        ranked.join(promoted, on="cadre_id", how="inner")
        .filter(pl.col("rank") == pl.col("current") - 1)
        .select("cadre_id", "start", end=pl.min_horizontal(pl.col("end"), pl.col("promoted")))
    )
    return years_of_union(before).rename({"years": "years_below_when_promoted"})


def _inputs(as_of: date) -> list[pl.Expr]:
    target = pl.col("target_rank")
    day = pl.lit(as_of)

    def since(name: str) -> pl.Expr:
        return completed_years(pl.col(name), day).fill_null(0)

    current = pl.coalesce("held", "left", pl.lit(-1))
    return [
        pl.col("id"),
        (target >= RANKS.index("deputy_division")).alias("target_is_division"),
        *(
            (target == RANKS.index(rank)).alias(f"target_is_{rank}")
            for rank in ("division_chief", "deputy_division", "section_chief", "deputy_section")
        ),
        pl.col("target_is_party_post"),
        since("work_start").alias("work_years"),
        pl.col("grassroots_years").fill_null(0),
        pl.col("posts").fill_null(0).cast(pl.Int64).alias("posts_at_next_lower_rank"),
        pl.col("years").fill_null(0).alias("years_at_next_lower_rank"),
        pl.col("on_establishment").fill_null(False),
        pl.col("personnel_agency"),
        since("establishment_date").alias("establishment_years"),
        pl.col("education").alias("education_level"),
        pl.col("training_completed"),
        since("party_join_date").alias("party_years"),
        (target - current).alias("rank_jump"),
        pl.col("exceptional"),
        pl.col("previous_promotion_exceptional"),
        (current == RANKS.index("section_chief")).alias("held_is_section_chief"),
        (current == RANKS.index("deputy_division")).alias("held_is_deputy_division"),
        pl.col("years_below_when_promoted").fill_null(0),
        pl.col("in_probation").fill_null(False),
        pl.col("recent_assessment_below_competent").fill_null(False),
        (
            (pl.col("window_years").fill_null(0) < RECENT_ASSESSMENT_YEARS)
            | ~pl.col("has_ended").fill_null(False)
        ).alias("assessment_missing"),
        pl.col("spouse_or_children_abroad"),
        (day <= pl.col("discipline_until")).fill_null(False).alias("discipline_in_effect"),
        pl.col("demoted_on").is_not_null().alias("demoted"),
        years_elapsed(pl.col("demoted_on"), day).fill_null(0).alias("years_since_demotion"),
        *(pl.col(name) for name in JUDGED),
    ]


def screen(
    cadres: pl.DataFrame,
    positions: pl.DataFrame,
    assessments: pl.DataFrame,
    as_of: date,
    table: RuleTable,
    parameters: ParameterSnapshot,
) -> pl.DataFrame:
    """One row per cadre (in the order of `cadres`): id, verdict (Enum) and breaches
    (List[str], the outcomes breached in table order)."""
    inputs = screen_inputs(cadres, positions, assessments, as_of)
    evaluator = BatchEvaluator(table, parameters)
    if not evaluator.has_verdict:
        raise ValueError(f"table {table.id!r} is no table of breaches (no severities)")  # a bug
    result = evaluator.evaluate(inputs.drop("id"))
    return result.select(inputs["id"], "verdict", "breaches")


__all__ = ["completed_years", "screen", "screen_inputs", "years_of_union"]
