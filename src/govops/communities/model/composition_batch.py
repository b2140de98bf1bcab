"""The make-up of every residents' committee of a street at once: the inputs of
`committee_composition`, vectorised in polars over three tables, then the batch evaluator of
the pack's `committee` table (one row per committee: verdict and breaches), so that a
street's check and a single committee's cannot disagree.

Columnar schema (dates are pl.Date):
- people: id (text), birth_date; retired, party_member (flags, null = false), full_time
  (flag, null = true);
- organisations: id (text), kind (`committee`, `party_committee`, `party_branch`, or any
  other body, ignored here), community (text);
- seats: organisation, person (ids), role (a `Role`), start, end (null: still held).
Optional: exceptions: organisation, exception (an input name such as `retired_exception`).

A community has at most one Party organisation (a committee or a branch); shares are
Float64 percentages, which compare with the rules' whole-percent bounds exactly as the
ten-decimal Decimals of a single check do (a share that is not on a bound is at least
1/(10 * members) percent away from it)."""

from __future__ import annotations

from datetime import date

import polars as pl

from govops.communities.model.composition import Role
from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.batch import BatchEvaluator
from govops.lawcode.rules.batch_figures import BatchInputError
from govops.lawcode.rules.tables import RuleTable
from govops.lawcode.texts.messages import msg

PARTY_KINDS = ("party_committee", "party_branch")
EXCEPTIONS = ("director_age_exception", "retired_exception", "one_shoulder_exception")


def committee_inputs(
    people: pl.DataFrame,
    organisations: pl.DataFrame,
    seats: pl.DataFrame,
    day: date,
    exceptions: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One row per committee (organisations of kind `committee`, in their order): its id
    (`organisation`), then the `committee` table's inputs."""
    held = _held(people, seats, day)
    committees = organisations.filter(pl.col("kind") == "committee").select(
        pl.col("id").alias("organisation"), "community"
    )
    of_committee = held.join(committees, on="organisation", how="inner")
    made = committees.join(_counts(of_committee, day), on="organisation", how="left")
    made = made.join(_party(organisations, held, of_committee), on="organisation", how="left")
    made = made.with_columns(
        pl.col("members", "directors", "part_time_members", "director_age").fill_null(0),
        pl.col("retired_share").fill_null(0.0),
        pl.col("has_party_organisation").fill_null(False),
        pl.col("secretary_is_director").fill_null(False),
        pl.col("cross_appointment_share").fill_null(0.0),
    )
    return (
        made.drop("community")
        .join(_exceptions(exceptions), on="organisation", how="left")
        .with_columns(pl.col(EXCEPTIONS).fill_null(False))
    )


def check_committees(
    people: pl.DataFrame,
    organisations: pl.DataFrame,
    seats: pl.DataFrame,
    day: date,
    table: RuleTable,
    parameters: ParameterSnapshot,
    exceptions: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One row per committee: organisation, verdict (Enum), breaches (the outcomes
    breached, in table order), and the inputs they were judged on."""
    inputs = committee_inputs(people, organisations, seats, day, exceptions)
    result = BatchEvaluator(table, parameters).evaluate(inputs.drop("organisation"))
    return pl.concat(
        [
            inputs.select("organisation"),
            result.select("verdict", "breaches"),
            inputs.drop("organisation"),
        ],
        how="horizontal",
    )


def _held(people: pl.DataFrame, seats: pl.DataFrame, day: date) -> pl.DataFrame:
    roles = {r.value for r in Role}
    unknown = seats.filter(~pl.col("role").is_in(list(roles)))
    if unknown.height:
        raise BatchInputError(
            msg("seats: unknown role {role}", role=repr(unknown.get_column("role")[0]))
        )
    person = people.select(
        pl.col("id").alias("person"),
        "birth_date",
        pl.col("retired").fill_null(False),
        pl.col("party_member").fill_null(False),
        pl.col("full_time").fill_null(True),
    )
    strangers = seats.join(person, on="person", how="anti")
    if strangers.height:
        raise BatchInputError(
            msg(
                "seats: {person} is not among the people",
                person=repr(strangers.get_column("person")[0]),
            )
        )
    on_day = (pl.col("start") <= day) & (pl.col("end").is_null() | (pl.lit(day) < pl.col("end")))
    return seats.filter(on_day).join(person, on="person", how="inner")


def _counts(seats: pl.DataFrame, day: date) -> pl.DataFrame:
    director = pl.col("role") == Role.DIRECTOR.value
    born = pl.col("birth_date")
    birthday = born.dt.month().cast(pl.Int32) * 100 + born.dt.day().cast(pl.Int32)
    later = birthday > day.month * 100 + day.day  # the birthday is still to come that year
    age = (day.year - born.dt.year() - later.cast(pl.Int32)).cast(pl.Int64)
    return (
        seats.group_by("organisation")
        .agg(
            members=pl.col("person").n_unique().cast(pl.Int64),
            directors=pl.col("person").filter(director).n_unique().cast(pl.Int64),
            part_time_members=pl.col("person")
            .filter(~pl.col("full_time"))
            .n_unique()
            .cast(pl.Int64),
            retired=pl.col("person").filter(pl.col("retired")).n_unique(),
            director_age=pl.when(pl.col("person").filter(director).n_unique() == 1)
            .then(age.filter(director).first())
            .otherwise(0),
        )
        .with_columns(
            retired_share=(100.0 * pl.col("retired") / pl.col("members")),
        )
        .drop("retired")
    )


def _party(
    organisations: pl.DataFrame, held: pl.DataFrame, of_committee: pl.DataFrame
) -> pl.DataFrame:
    party = organisations.filter(pl.col("kind").is_in(PARTY_KINDS)).select(
        pl.col("id").alias("party"), "community"
    )
    twice = party.group_by("community").len().filter(pl.col("len") > 1)
    if twice.height:
        raise BatchInputError(
            msg(
                "community {community} has more than one Party organisation",
                community=repr(twice.get_column("community")[0]),
            )
        )
    on_party = held.join(party, left_on="organisation", right_on="party", how="inner")
    secretaries = (
        on_party.filter(pl.col("role") == Role.SECRETARY.value)
        .group_by("community")
        .agg(secretaries=pl.col("person").unique())
    )
    party_people = on_party.group_by("community").agg(on_party=pl.col("person").unique())
    committee = of_committee.group_by("organisation", "community").agg(
        directors_=pl.col("person").filter(pl.col("role") == Role.DIRECTOR.value).unique(),
        party_members=pl.col("person").filter(pl.col("party_member")).unique(),
    )
    joined = (
        committee.join(party.select("community").unique(), on="community", how="inner")
        .join(secretaries, on="community", how="left")
        .join(party_people, on="community", how="left")
    )
    both = (
        pl.col("party_members").list.set_intersection(pl.col("on_party").fill_null([])).list.len()
    )
    whole = pl.col("party_members").list.len()
    secretaries_ = pl.col("secretaries").fill_null([])
    return joined.select(
        "organisation",
        pl.lit(True).alias("has_party_organisation"),
        (
            (secretaries_.list.len() > 0)
            & (secretaries_.list.set_difference(pl.col("directors_")).list.len() == 0)
        ).alias("secretary_is_director"),
        pl.when(whole == 0)
        .then(100.0)
        .otherwise(100.0 * both / whole)
        .alias("cross_appointment_share"),
    )


def _exceptions(exceptions: pl.DataFrame | None) -> pl.DataFrame:
    if exceptions is None or exceptions.height == 0:
        return pl.DataFrame(
            {"organisation": [], **{name: [] for name in EXCEPTIONS}},
            schema={"organisation": pl.String, **dict.fromkeys(EXCEPTIONS, pl.Boolean)},
        )
    unknown = exceptions.filter(~pl.col("exception").is_in(EXCEPTIONS))
    if unknown.height:
        raise BatchInputError(
            msg(
                "exceptions: unknown exception {name}",
                name=repr(unknown.get_column("exception")[0]),
            )
        )
    return (
        exceptions.select(
            "organisation", *(pl.col("exception").eq(name).alias(name) for name in EXCEPTIONS)
        )
        .group_by("organisation")
        .agg(pl.col(EXCEPTIONS).any())
    )
