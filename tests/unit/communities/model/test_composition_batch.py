"""A street's committees checked at once agree with each committee checked alone: the same
inputs (shares to within rounding) and the same verdict and breaches, on a street drawn at
random with every rule both kept and breached; bad tables are refused with a reason."""

from __future__ import annotations

import random
from datetime import date, timedelta

import polars as pl
import pytest

from govops.communities.model.composition import Person, Role, Seat, committee_composition
from govops.communities.model.composition_batch import check_committees, committee_inputs
from govops.lawcode.rules.batch_figures import BatchInputError
from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.verdict import assess
from govops.packs import load_builtin_pack

DAY = date(2026, 6, 30)
PACK = load_builtin_pack("cn-community-organizations")
TABLE, RULES = PACK.table("committee"), PACK.rules_as_of(DAY)


def street(
    seed: int, communities: int = 60
) -> tuple[
    dict[str, Person], list[tuple[str, str, str]], list[tuple[str, Seat]], list[tuple[str, str]]
]:
    """People, organisations (id, kind, community), seats (organisation, seat), exceptions."""
    draw = random.Random(seed)
    people: dict[str, Person] = {}
    organisations, seats, exceptions = [], [], []
    for c in range(communities):
        community, committee = f"c{c}", f"c{c}-committee"
        organisations.append((committee, "committee", community))
        size = draw.randint(3, 11)
        members = []
        for m in range(size):
            pid = f"c{c}p{m}"
            born = date(1960, 1, 1) + timedelta(days=draw.randint(0, 12000))
            people[pid] = Person(
                pid, pid, born, draw.random() < 0.3, draw.random() < 0.6, draw.random() < 0.9
            )
            members.append(pid)
        roles = [Role.DIRECTOR] * draw.choice((0, 1, 1, 1, 2)) + [Role.DEPUTY]
        vacant = draw.random() < 0.05  # between terms: every seat has ended
        for i, pid in enumerate(members):
            role = roles[i] if i < len(roles) else Role.MEMBER
            end = DAY - timedelta(days=1) if vacant or draw.random() < 0.05 else None
            seats.append((committee, Seat(pid, role, date(2021, 7, 1), end)))
        if draw.random() < 0.8:
            party = f"c{c}-party"
            organisations.append(
                (party, draw.choice(("party_committee", "party_branch")), community)
            )
            chosen = draw.sample(members, k=min(len(members), draw.randint(1, 5)))
            secretary = chosen[0] if draw.random() < 0.7 else f"c{c}-outsider"
            people.setdefault(
                f"c{c}-outsider", Person(f"c{c}-outsider", "x", date(1970, 1, 1), party_member=True)
            )
            seats.append((party, Seat(secretary, Role.SECRETARY, date(2021, 7, 1))))
            seats += [(party, Seat(pid, Role.MEMBER, date(2021, 7, 1))) for pid in chosen[1:]]
        if draw.random() < 0.2:
            exceptions.append(
                (
                    committee,
                    draw.choice(
                        ("retired_exception", "director_age_exception", "one_shoulder_exception")
                    ),
                )
            )
    return people, organisations, seats, exceptions


def frames(people, organisations, seats, exceptions):  # type: ignore[no-untyped-def]
    return (
        pl.DataFrame(
            [(p.id, p.birth_date, p.retired, p.party_member, p.full_time) for p in people.values()],
            schema=["id", "birth_date", "retired", "party_member", "full_time"],
            orient="row",
        ),
        pl.DataFrame(organisations, schema=["id", "kind", "community"], orient="row"),
        pl.DataFrame(
            [(o, s.person, s.role.value, s.start, s.end) for o, s in seats],
            schema={
                "organisation": pl.String,
                "person": pl.String,
                "role": pl.String,
                "start": pl.Date,
                "end": pl.Date,
            },
            orient="row",
        ),
        pl.DataFrame(exceptions, schema=["organisation", "exception"], orient="row"),
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_street_checked_at_once_agrees_with_each_committee_checked_alone(seed: int) -> None:
    people, organisations, seats, exceptions = street(seed)
    batch = check_committees(
        *frames(people, organisations, seats, exceptions)[:3],
        DAY,
        TABLE,
        RULES,
        frames(people, organisations, seats, exceptions)[3],
    )
    rows = {r["organisation"]: r for r in batch.iter_rows(named=True)}
    order = [o for o, kind, _ in organisations if kind == "committee"]
    assert batch.get_column("organisation").to_list() == order  # the committees' own order
    seen = set()
    for committee, kind, community in organisations:
        if kind != "committee":
            continue
        party = next((o for o, k, c in organisations if c == community and k != "committee"), None)
        mine = [s for o, s in seats if o == committee]
        theirs = [s for o, s in seats if o == party] if party else None
        made = committee_composition(
            people, mine, theirs, DAY, [e for o, e in exceptions if o == committee]
        )
        decision = Decider(TABLE, RULES).decide(made.inputs)
        verdict = assess(decision)
        row = rows[committee]
        assert row["breaches"] == [o.value for o in decision.outcomes], committee
        assert row["verdict"] == verdict.verdict.value, committee
        assert (
            row["members"] == made.inputs["members"]
            and row["director_age"] == made.inputs["director_age"]
        )
        assert row["retired_share"] == pytest.approx(float(made.inputs["retired_share"]), abs=1e-9)
        seen |= set(row["breaches"])
    assert {
        "too_few_members",
        "too_many_members",
        "director_count",
        "retired_over_share",
        "not_one_shoulder",
        "cross_appointment_low",
    } <= seen


def test_unknown_roles_exceptions_and_two_party_organisations_are_refused() -> None:
    people, organisations, seats, exceptions = street(4, communities=2)
    p, o, s, _ = frames(people, organisations, seats, exceptions)
    with pytest.raises(BatchInputError, match="unknown role 'chair'"):
        committee_inputs(p, o, s.with_columns(role=pl.lit("chair")), DAY)
    with pytest.raises(BatchInputError, match="unknown exception 'age'"):
        committee_inputs(
            p, o, s, DAY, pl.DataFrame({"organisation": ["c0-committee"], "exception": ["age"]})
        )
    two = pl.concat([o, pl.DataFrame({"id": ["x"], "kind": ["party_branch"], "community": ["c0"]})])
    two = pl.concat(
        [two, pl.DataFrame({"id": ["y"], "kind": ["party_branch"], "community": ["c0"]})]
    )
    with pytest.raises(
        BatchInputError, match="community 'c0' has more than one Party organisation"
    ):
        committee_inputs(p, two, s, DAY)


def test_a_seat_of_someone_not_among_the_people_is_refused_not_dropped() -> None:
    people, organisations, seats, exceptions = street(5, communities=2)
    p, o, s, _ = frames(people, organisations, seats, exceptions)
    with pytest.raises(BatchInputError, match="seats: 'c0p0' is not among the people"):
        committee_inputs(p.filter(pl.col("id") != "c0p0"), o, s, DAY)


def test_a_vacant_committee_and_a_person_in_two_director_seats_agree_alone_and_at_once() -> None:
    people = {
        "a": Person("a", "甲", date(1970, 1, 1), party_member=True),
        "b": Person("b", "乙", date(1980, 1, 1)),
    }
    seats = [
        ("k", Seat("a", Role.DIRECTOR, date(2021, 7, 1))),
        ("k", Seat("a", Role.DIRECTOR, date(2022, 7, 1))),  # entered twice: one director
        ("k", Seat("b", Role.MEMBER, date(2021, 7, 1))),
        ("v", Seat("b", Role.MEMBER, date(2018, 7, 1), end=date(2021, 7, 1))),  # vacant now
        ("kp", Seat("b", Role.SECRETARY, date(2021, 7, 1))),
        ("vp", Seat("a", Role.SECRETARY, date(2021, 7, 1))),
    ]
    organisations = [
        ("k", "committee", "ck"),
        ("kp", "party_branch", "ck"),
        ("v", "committee", "cv"),
        ("vp", "party_branch", "cv"),
    ]
    batch = check_committees(*frames(people, organisations, seats, [])[:3], DAY, TABLE, RULES)
    rows = {r["organisation"]: r for r in batch.iter_rows(named=True)}
    for committee, party in (("k", "kp"), ("v", "vp")):
        mine = [s for o, s in seats if o == committee]
        theirs = [s for o, s in seats if o == party]
        made = committee_composition(people, mine, theirs, DAY)
        decision = Decider(TABLE, RULES).decide(made.inputs)
        assert rows[committee]["breaches"] == [o.value for o in decision.outcomes]
    assert rows["k"]["directors"] == 1 and rows["k"]["director_age"] == 56
    assert "not_one_shoulder" in rows["v"]["breaches"]  # the secretary directs no one


def test_empty_cells_and_seats_of_unlisted_organisations_are_refused() -> None:
    people, organisations, seats, exceptions = street(6, communities=2)
    p, o, s, _ = frames(people, organisations, seats, exceptions)
    blank = p.with_columns(
        pl.when(pl.col("id") == "c0p0")
        .then(None)
        .otherwise(pl.col("birth_date"))
        .alias("birth_date")
    )
    with pytest.raises(BatchInputError, match="people: column birth_date has empty cells"):
        committee_inputs(blank, o, s, DAY)
    with pytest.raises(BatchInputError, match="organisation 'c0-committee' is not among"):
        committee_inputs(p, o.filter(pl.col("id") != "c0-committee"), s, DAY)
    kindless = o.with_columns(
        pl.when(pl.col("id") == "c0-committee").then(None).otherwise(pl.col("kind")).alias("kind")
    )
    with pytest.raises(BatchInputError, match="organisations: column kind has empty cells"):
        committee_inputs(p, kindless, s, DAY)  # never its seats dropped in silence
