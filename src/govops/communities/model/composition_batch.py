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
_SHIFT = 1 << 32  # an organisation's code times this plus a person's: one integer key
# A person in a community, as one integer key (joins on it are faster than on two columns).
_seat_key = pl.col("community").cast(pl.UInt64) * _SHIFT + pl.col("person")


def committee_inputs(
    people: pl.DataFrame,
    organisations: pl.DataFrame,
    seats: pl.DataFrame,
    day: date,
    exceptions: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One row per committee (organisations of kind `committee`, in their order): its id
    (`organisation`), then the `committee` table's inputs."""
    _refuse_nulls(organisations, "organisations", ("id", "kind"))
    codes = _codes(organisations)
    on_body = _on_body(people, codes, seats, day)
    committees = codes.filter(pl.col("kind") == "committee").select(
        "id", organisation="org", community="comm"
    )
    party = _party_organisations(codes)
    on_party = on_body.filter(pl.col("kind").is_in(PARTY_KINDS)).select(
        "community", "person", "secretary", on_party=pl.lit(True), seat=_seat_key
    )
    members = (
        _with_facts(on_body.filter(pl.col("kind") == "committee"), people)
        .with_columns(seat=_seat_key)
        .join(on_party.select("seat", "on_party"), on="seat", how="left")
        .drop("seat")
    )
    made = _left(committees, _counts(members, day))
    made = _left(made, _secretaries(committees, members, on_party))
    has_party = pl.col("community").is_in(party.get_column("comm").implode())
    both, whole = pl.col("both_seats").fill_null(0), pl.col("party_members").fill_null(0)
    made = made.with_columns(
        pl.col("members", "directors", "part_time_members", "director_age").fill_null(0),
        pl.col("retired_share").fill_null(0.0),
        has_party.alias("has_party_organisation"),
        (has_party & pl.col("secretary_is_director").fill_null(False)).alias(
            "secretary_is_director"
        ),
        pl.when(~has_party)
        .then(0.0)
        .when(whole == 0)
        .then(100.0)
        .otherwise(100.0 * both / whole)
        .alias("cross_appointment_share"),
    ).drop("both_seats", "party_members")
    return (
        made.drop("community", "organisation")
        .rename({"id": "organisation"})
        .pipe(_left, _exceptions(exceptions))
        .with_columns(pl.col(EXCEPTIONS).fill_null(False))
        .select("organisation", pl.exclude("organisation"))
    )


def _left(frame: pl.DataFrame, other: pl.DataFrame) -> pl.DataFrame:
    """`frame` with `other`'s columns by organisation, in `frame`'s order."""
    return frame.join(other, on="organisation", how="left", maintain_order="left")


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


def _on_body(
    people: pl.DataFrame, codes: pl.DataFrame, seats: pl.DataFrame, day: date
) -> pl.DataFrame:
    """One row per person on a body on `day` (a person entered twice counts once): the
    organisation's and the person's integer codes (`_codes`, the people's row numbers), the
    organisation's kind and community code, whether the person directs it or is its
    secretary. Refused: an unknown role, a seat without its start, of an organisation not
    listed or of someone not among the people, a person without a birth date (none is
    dropped in silence). Text ids are hashed once each, into codes; everything after is
    grouped on one integer key, several times faster than on the texts."""
    _refuse_bad_cells(people, seats)
    found = (
        seats.lazy()
        .join(codes.lazy().select(organisation="id", org="org"), on="organisation", how="left")
        .join(
            people.lazy().select(person="id").with_row_index("person_code"), on="person", how="left"
        )
    )
    on_day = (pl.col("start") <= day) & (pl.col("end").is_null() | (pl.lit(day) < pl.col("end")))
    key = pl.col("org").cast(pl.UInt64) * _SHIFT + pl.col("person_code")
    grouped = (
        found.filter(on_day)
        .group_by(key.alias("key"))
        .agg(
            director=(pl.col("role") == Role.DIRECTOR.value).any(),
            secretary=(pl.col("role") == Role.SECRETARY.value).any(),
        )
    )
    not_found = found.select(pl.col("org", "person_code").null_count())
    grouped_frame, not_found_counts = pl.collect_all([grouped, not_found])
    if not_found_counts.row(0) != (0, 0):
        _refuse_unknown(found.collect())
    body = grouped_frame.select(
        (pl.col("key") // _SHIFT).cast(pl.UInt32).alias("organisation"),
        (pl.col("key") % _SHIFT).cast(pl.UInt32).alias("person"),
        "director",
        "secretary",
    )
    organisation = body.get_column("organisation")
    return body.with_columns(
        kind=codes.get_column("kind").gather(organisation),
        community=codes.get_column("comm").gather(organisation),
    )


def _refuse_bad_cells(people: pl.DataFrame, seats: pl.DataFrame) -> None:
    """Refuse an unknown role, or an empty cell where a fact is needed."""
    roles = [r.value for r in Role]
    unknown = seats.filter(~pl.col("role").is_in(roles))
    if unknown.height:
        raise BatchInputError(
            msg("seats: unknown role {role}", role=repr(unknown.get_column("role")[0]))
        )
    _refuse_nulls(seats, "seats", ("organisation", "person", "start"))
    _refuse_nulls(people, "people", ("id", "birth_date"))


def _refuse_unknown(found: pl.DataFrame) -> None:
    """Refuse the first seat of an organisation not listed, else of someone not listed."""
    lost = found.filter(pl.col("org").is_null())
    if lost.height:
        name = repr(lost.get_column("organisation")[0])
        raise BatchInputError(
            msg("seats: organisation {name} is not among the organisations", name=name)
        )
    strangers = found.filter(pl.col("person_code").is_null())
    name = repr(strangers.get_column("person")[0])
    raise BatchInputError(msg("seats: {name} is not among the people", name=name))


def _with_facts(on_body: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """`on_body`'s rows with their person's facts, gathered by row number."""
    facts = people.select(
        "birth_date",
        pl.col("retired").fill_null(False),
        pl.col("party_member").fill_null(False),
        pl.col("full_time").fill_null(True),
    )
    return pl.concat([on_body, facts[on_body.get_column("person")]], how="horizontal")


def _codes(organisations: pl.DataFrame) -> pl.DataFrame:
    """Each organisation with integer codes for itself (`org`) and its community (`comm`)."""
    return organisations.with_row_index("org").with_columns(comm=pl.col("community").rank("dense"))


def _counts(members: pl.DataFrame, day: date) -> pl.DataFrame:
    """Per committee, from one row per member: the counts, the director's age (when there
    is exactly one), the retired share, and the cross-appointment figures."""
    director = pl.col("director")
    counted = members.group_by("organisation").agg(
        members=pl.len().cast(pl.Int64),
        directors=director.sum().cast(pl.Int64),
        part_time_members=(~pl.col("full_time")).sum().cast(pl.Int64),
        retired_share=100.0 * pl.col("retired").sum() / pl.len(),
        director_born=pl.col("birth_date").filter(director).first(),
        party_members=pl.col("party_member").sum(),
        both_seats=(pl.col("party_member") & pl.col("on_party").fill_null(False)).sum(),
    )
    born = pl.col("director_born")  # the age is worked out once per committee, not member
    birthday = born.dt.month().cast(pl.Int32) * 100 + born.dt.day().cast(pl.Int32)
    later = birthday > day.month * 100 + day.day  # the birthday is still to come that year
    age = (day.year - born.dt.year() - later.cast(pl.Int32)).cast(pl.Int64)
    one_director = pl.col("directors") == 1
    return counted.with_columns(director_age=pl.when(one_director).then(age).otherwise(0)).drop(
        "director_born"
    )


def _refuse_nulls(frame: pl.DataFrame, name: str, columns: tuple[str, ...]) -> None:
    for column in columns:
        missing = frame.get_column(column).null_count() if column in frame.columns else 1
        if missing:
            raise BatchInputError(
                msg("{table}: column {column} has empty cells", table=name, column=column)
            )


def _party_organisations(codes: pl.DataFrame) -> pl.DataFrame:
    """The Party organisation of each community that has one (never two), with its codes."""
    party = codes.filter(pl.col("kind").is_in(PARTY_KINDS))
    twice = party.group_by("community").len().filter(pl.col("len") > 1)
    if twice.height:
        raise BatchInputError(
            msg(
                "community {community} has more than one Party organisation",
                community=repr(twice.get_column("community")[0]),
            )
        )
    return party


def _secretaries(
    committees: pl.DataFrame, members: pl.DataFrame, on_party: pl.DataFrame
) -> pl.DataFrame:
    """Per committee whose community's Party organisation has a secretary that day: whether
    every secretary directs the committee (一肩挑)."""
    secretaries = on_party.filter(pl.col("secretary")).select("community", "person")
    directing = members.filter(pl.col("director")).select(
        "organisation", "person", directs=pl.lit(True)
    )
    return (
        committees.join(secretaries, on="community", how="inner")
        .join(directing, on=["organisation", "person"], how="left")
        .group_by("organisation")
        .agg(secretary_is_director=pl.col("directs").fill_null(False).all())
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
