"""Synthetic residents' committees for bench_composition.py: people, organisations (a
committee and, in most communities, a Party committee or branch) and seats, drawn so that
every rule of the pack's `committee` table is both kept and breached."""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl


def generate(committees: int, as_of: date, seed: int) -> dict[str, pl.DataFrame]:
    rng = np.random.default_rng(seed)
    size = rng.integers(3, 12, committees)  # 3 to 11 members: too few, enough, too many
    community = np.repeat(np.arange(committees), size)
    people = len(community)
    index = np.arange(people)
    first = np.concatenate([[0], np.cumsum(size)[:-1]])
    position = index - first[community]  # 0 is the director (most of the time)
    directors = rng.choice([0, 1, 1, 1, 1, 1, 1, 2], committees)  # none, one, or two
    role = np.where(
        position < directors[community],
        "director",
        np.where(position == directors[community], "deputy", "member"),
    )
    born = np.datetime64("1958-01-01") + rng.integers(0, 15_000, people).astype("timedelta64[D]")
    ended = rng.random(people) < 0.03  # left the day before
    person_id = pl.Series(index).cast(pl.String)
    org = pl.Series(community).cast(pl.String)
    people_frame = pl.DataFrame(
        {
            "id": person_id,
            "birth_date": pl.Series(born).cast(pl.Date),
            "retired": rng.random(people) < 0.28,
            "party_member": rng.random(people) < 0.6,
            "full_time": rng.random(people) < 0.95,
        }
    )
    seats = pl.DataFrame(
        {
            "organisation": "c" + org,
            "person": person_id,
            "role": role,
            "start": pl.Series([date(2021, 7, 1)] * people),
            "end": pl.Series([as_of if e else None for e in ended], dtype=pl.Date),
        }
    )
    with_party = rng.random(committees) < 0.8
    party_seats = _party_seats(rng, with_party, size, first)
    outsiders = party_seats.filter(pl.col("person").str.starts_with("x")).get_column("person")
    people_frame = pl.concat(
        [
            people_frame,
            pl.DataFrame(
                {
                    "id": outsiders,
                    "birth_date": pl.Series([date(1970, 1, 1)] * len(outsiders)),
                    "retired": False,
                    "party_member": True,
                    "full_time": True,
                }
            ),
        ]
    )
    organisations = pl.DataFrame(
        {
            "id": [f"c{i}" for i in range(committees)]
            + [f"p{i}" for i in np.flatnonzero(with_party)],
            "kind": ["committee"] * committees
            + list(rng.choice(["party_committee", "party_branch"], int(with_party.sum()))),
            "community": [str(i) for i in range(committees)]
            + [str(i) for i in np.flatnonzero(with_party)],
        }
    )
    flagged = rng.random(committees) < 0.1
    exceptions = pl.DataFrame(
        {
            "organisation": [f"c{i}" for i in np.flatnonzero(flagged)],
            "exception": list(
                rng.choice(
                    ["retired_exception", "director_age_exception", "one_shoulder_exception"],
                    int(flagged.sum()),
                )
            ),
        }
    )
    return {
        "people": people_frame,
        "organisations": organisations,
        "seats": pl.concat([seats, party_seats]),
        "exceptions": exceptions,
    }


def _party_seats(
    rng: np.random.Generator, with_party: np.ndarray, size: np.ndarray, first: np.ndarray
) -> pl.DataFrame:
    """Each Party organisation: a secretary (the director, another member, or someone off
    the committee) and up to four of the committee's members."""
    rows_org, rows_person, rows_role = [], [], []
    for c in np.flatnonzero(with_party):
        members = first[c] + np.arange(size[c])
        pick = rng.choice(members, size=min(size[c], int(rng.integers(1, 6))), replace=False)
        chance = rng.random()
        secretary = str(members[0]) if chance < 0.7 else (str(pick[0]) if chance < 0.9 else f"x{c}")
        rows_org.append(f"p{c}")
        rows_person.append(secretary)
        rows_role.append("secretary")
        for p in pick:
            if str(p) != secretary:
                rows_org.append(f"p{c}")
                rows_person.append(str(p))
                rows_role.append("member")
    return pl.DataFrame(
        {
            "organisation": rows_org,
            "person": rows_person,
            "role": rows_role,
            "start": pl.Series([date(2021, 7, 1)] * len(rows_org)),
            "end": pl.Series([None] * len(rows_org), dtype=pl.Date),
        }
    )
