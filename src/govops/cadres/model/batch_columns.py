"""The columns of batch screening checked as strictly as `parse_record` checks a record:
codes known, dates as dates, flags as flags (null = false), periods in order and before
as_of, what a deputy section target and a personnel agency need; each refusal a
BatchInputError naming the first cadre and the field (`govops.cadres.model.batch`)."""

from __future__ import annotations

from datetime import date

import polars as pl

from govops.cadres.model.record import EDUCATION, JUDGED, RANKS, RESULTS
from govops.lawcode.rules.batch_figures import BatchInputError
from govops.lawcode.texts.messages import Message, msg

FLAGS = (
    "target_is_party_post",
    "training_completed",
    "exceptional",
    "previous_promotion_exceptional",
    "spouse_or_children_abroad",
    "personnel_agency",
    *JUDGED,
)
DATES = ("party_join_date", "establishment_date", "demoted_on", "discipline_until")


def cadre_columns(frame: pl.DataFrame) -> pl.LazyFrame:
    present = set(frame.columns)
    flags = [
        (pl.col(n) if n in present else pl.lit(None)).cast(pl.Boolean).fill_null(False).alias(n)
        for n in FLAGS
    ]
    dates = [(pl.col(n) if n in present else pl.lit(None)).cast(pl.Date).alias(n) for n in DATES]
    on = pl.col("on_establishment") if "on_establishment" in present else pl.lit(None)
    checked = frame.select(
        "id",
        code("target_rank", RANKS, frame),
        pl.col("work_start").cast(pl.Date),
        code("education", EDUCATION, frame),
        on.cast(pl.Boolean).alias("on_establishment"),
        *flags,
        *dates,
    )
    refuse(
        checked.select(
            "id", bad=(pl.col("target_rank") == 0) & pl.col("on_establishment").is_null()
        ),
        "on_establishment",
        msg("is required for a deputy section post ({article})", article="6(3)"),
    )
    refuse(
        checked.select(
            "id", bad=pl.col("personnel_agency") & pl.col("establishment_date").is_null()
        ),
        "establishment_date",
        msg("is required when personnel_agency is true"),
    )
    return checked.lazy()


def position_columns(frame: pl.DataFrame, as_of: date) -> pl.LazyFrame:
    present = set(frame.columns)
    optional = {"grassroots": pl.Boolean, "post": pl.String, "probation_end": pl.Date}
    checked = frame.select(
        pl.col("cadre_id"),
        code("rank", RANKS, frame),
        pl.col("start").cast(pl.Date),
        pl.col("end").cast(pl.Date),
        *(
            (pl.col(n) if n in present else pl.lit(None)).cast(t).alias(n)
            for n, t in optional.items()
        ),
    ).with_columns(pl.col("grassroots").fill_null(False))
    bad = (pl.col("end") <= pl.col("start")) | (pl.col("end") > as_of) | (pl.col("start") > as_of)
    refuse(
        checked.select(id="cadre_id", bad=bad.fill_null(False)),
        "positions",
        msg("a period ends before it starts or lies after as_of {as_of}", as_of=as_of),
    )
    return checked.lazy()


def assessment_columns(frame: pl.DataFrame, as_of: date) -> pl.LazyFrame:
    checked = frame.select("cadre_id", "year", code("result", RESULTS, frame))
    refuse(
        checked.select(id="cadre_id", bad=pl.col("year") >= as_of.year),
        "assessments",
        msg("a year has not ended on as_of {as_of}", as_of=as_of),
    )
    return checked.lazy()


def code(name: str, codes: tuple[str, ...], frame: pl.DataFrame) -> pl.Expr:
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


def refuse(checked: pl.DataFrame, field: str, message: Message) -> None:
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
