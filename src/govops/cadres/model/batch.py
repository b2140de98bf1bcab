"""Batch screening: the inputs of `cadre_record`, vectorised in polars over three tables,
then the batch evaluator of the eligibility table: one row per cadre, verdict and breaches.

Columnar schema (dates are pl.Date; codes are text from `govops.cadres.model.record`):
- cadres: id (integer, unique), target_rank, work_start, education (required);
  target_is_party_post, training_completed, exceptional, previous_promotion_exceptional,
  spouse_or_children_abroad, personnel_agency (flags, null = false), on_establishment
  (flag, null = not given), party_join_date, establishment_date, demoted_on (dates, null =
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
from govops.cadres.model.batch_periods import completed_years, years_of_union
from govops.cadres.model.record import EDUCATION, JUDGED, RANKS, RESULTS
from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.batch import BatchEvaluator
from govops.lawcode.rules.batch_figures import BatchInputError
from govops.lawcode.rules.tables import RuleTable
from govops.lawcode.texts.messages import Message, msg

_FLAGS = (
    "target_is_party_post",
    "training_completed",
    "exceptional",
    "previous_promotion_exceptional",
    "spouse_or_children_abroad",
    "personnel_agency",
    *JUDGED,
)
_DATES = ("party_join_date", "establishment_date", "demoted_on", "discipline_until")


def screen_inputs(
    cadres: pl.DataFrame, positions: pl.DataFrame, assessments: pl.DataFrame, as_of: date
) -> pl.DataFrame:
    """The eligibility table's inputs, one row per cadre in the order of `cadres`, with the
    cadre's `id` first. Raises BatchInputError for what cadre_record refuses (see above)."""
    people = _cadres(cadres)
    posts = _positions(positions, as_of)
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
    below = RESULTS.index("basically_competent")
    recent = (
        _assessments(assessments, as_of)
        .filter(pl.col("year") >= as_of.year - RECENT_ASSESSMENT_YEARS)
        .group_by("cadre_id")
        .agg(recent_assessment_below_competent=(pl.col("result") >= below).any())
    )
    joined = people
    for part in (by_cadre, counted, grassroots, at_lower, recent):
        joined = joined.join(
            part, left_on="id", right_on="cadre_id", how="left", maintain_order="left"
        )
    frame = joined.select(_inputs(as_of)).collect()
    _refuse(
        frame.select("id", bad=pl.col("rank_jump") <= 0),
        "target_rank",
        msg("is not above the rank now held: no promotion"),
    )
    return frame


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
        pl.col("in_probation").fill_null(False),
        pl.col("recent_assessment_below_competent").fill_null(False),
        pl.col("spouse_or_children_abroad"),
        (day <= pl.col("discipline_until")).fill_null(False).alias("discipline_in_effect"),
        pl.col("demoted_on").is_not_null().alias("demoted"),
        since("demoted_on").alias("years_since_demotion"),
        *(pl.col(name) for name in JUDGED),
    ]


def _cadres(frame: pl.DataFrame) -> pl.LazyFrame:
    present = set(frame.columns)
    flags = [
        (pl.col(n) if n in present else pl.lit(None)).cast(pl.Boolean).fill_null(False).alias(n)
        for n in _FLAGS
    ]
    dates = [(pl.col(n) if n in present else pl.lit(None)).cast(pl.Date).alias(n) for n in _DATES]
    on = pl.col("on_establishment") if "on_establishment" in present else pl.lit(None)
    checked = frame.select(
        "id",
        _code("target_rank", RANKS, frame),
        pl.col("work_start").cast(pl.Date),
        _code("education", EDUCATION, frame),
        on.cast(pl.Boolean).alias("on_establishment"),
        *flags,
        *dates,
    )
    _refuse(
        checked.select(
            "id", bad=(pl.col("target_rank") == 0) & pl.col("on_establishment").is_null()
        ),
        "on_establishment",
        msg("is required for a deputy section post ({article})", article="6(3)"),
    )
    _refuse(
        checked.select(
            "id", bad=pl.col("personnel_agency") & pl.col("establishment_date").is_null()
        ),
        "establishment_date",
        msg("is required when personnel_agency is true"),
    )
    return checked.lazy()


def _positions(frame: pl.DataFrame, as_of: date) -> pl.LazyFrame:
    present = set(frame.columns)
    optional = {"grassroots": pl.Boolean, "post": pl.String, "probation_end": pl.Date}
    checked = frame.select(
        pl.col("cadre_id"),
        _code("rank", RANKS, frame),
        pl.col("start").cast(pl.Date),
        pl.col("end").cast(pl.Date),
        *(
            (pl.col(n) if n in present else pl.lit(None)).cast(t).alias(n)
            for n, t in optional.items()
        ),
    ).with_columns(pl.col("grassroots").fill_null(False))
    bad = (pl.col("end") <= pl.col("start")) | (pl.col("end") > as_of) | (pl.col("start") > as_of)
    _refuse(
        checked.select(id="cadre_id", bad=bad.fill_null(False)),
        "positions",
        msg("a period ends before it starts or lies after as_of {as_of}", as_of=as_of),
    )
    return checked.lazy()


def _assessments(frame: pl.DataFrame, as_of: date) -> pl.LazyFrame:
    checked = frame.select("cadre_id", "year", _code("result", RESULTS, frame))
    _refuse(
        checked.select(id="cadre_id", bad=pl.col("year") >= as_of.year),
        "assessments",
        msg("a year has not ended on as_of {as_of}", as_of=as_of),
    )
    return checked.lazy()


def _code(name: str, codes: tuple[str, ...], frame: pl.DataFrame) -> pl.Expr:
    """The code's index in `codes`; BatchInputError naming an unknown code."""
    unknown = frame.get_column(name).cast(pl.String).unique().drop_nulls()
    wrong = sorted(set(unknown.to_list()) - set(codes))
    if wrong or frame.get_column(name).null_count():
        raise BatchInputError(
            msg(
                "column {column}: unknown code {code} (known: {known})",
                column=repr(name),
                code=str(wrong[:1] or [None]),
                known=", ".join(codes),
            )
        )
    return (
        pl.col(name).cast(pl.String).cast(pl.Enum(codes)).to_physical().cast(pl.Int64).alias(name)
    )


def _refuse(checked: pl.DataFrame, field: str, message: Message) -> None:
    """checked: columns (id, a Boolean): the first id where it holds is refused."""
    flag = checked.columns[1]
    hits = checked.filter(pl.col(flag))
    if hits.height:
        raise BatchInputError(
            msg(
                "cadre {cadre}: {field} {problem}",
                cadre=repr(hits.item(0, 0)),
                field=field,
                problem=message,
            )
        )


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
