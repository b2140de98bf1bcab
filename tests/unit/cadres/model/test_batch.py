"""Batch screening agrees with the single path (cadre_record + decide + assess), input for
input and verdict for verdict, on random synthetic cadres."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import polars as pl
import pytest

from govops.cadres.model.adapter import cadre_record
from govops.cadres.model.batch import screen, screen_inputs
from govops.cadres.model.record import EDUCATION, RANKS, RESULTS
from govops.lawcode.rules.batch_figures import BatchInputError
from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.rules.verdict import assess
from govops.packs.registry import load_builtin_pack

PACK = load_builtin_pack("cn-cadre-selection")
TABLE = PACK.tables["eligibility"]


def shifted(day: date, years: int, days: int = 0) -> date:
    try:
        moved = day.replace(year=day.year - years)
    except ValueError:  # 29 February
        moved = date(day.year - years, 3, 1)
    return moved + timedelta(days=days)


def near(as_of: date, rng: random.Random, most: int = 8) -> date:
    """A day some years before as_of, often on an anniversary or a day either side."""
    if rng.random() < 0.1:
        return date(rng.choice([2012, 2016, 2020]), 2, 29)
    return shifted(as_of, rng.randint(0, most), rng.choice([-1, 0, 1, rng.randint(-300, 300)]))


def positions(as_of: date, work_start: date, rng: random.Random) -> list[dict[str, Any]]:
    rank = rng.randint(0, 2)
    result: list[dict[str, Any]] = []
    cursor, held = as_of, True
    for _ in range(rng.randint(0, 6)):
        start = max(
            near(as_of, rng, 3) if held else cursor - timedelta(rng.randint(30, 1500)), work_start
        )
        end = None if held else cursor
        if end is not None and result and result[-1]["rank"] == RANKS[rank] and rng.random() < 0.3:
            end = min(end + timedelta(rng.randint(1, 400)), as_of)  # two posts at once
        if end is not None and rng.random() < 0.2:
            end -= timedelta(rng.randint(1, 20))  # a gap
        if start >= (end or as_of + timedelta(1)):
            break
        result.append(
            {
                "rank": RANKS[rank],
                "start": start,
                "end": end,
                "grassroots": rng.random() < 0.5,
                "post": rng.choice(["dean", "office", "lab", None]),
                "probation_end": rng.choice([None, as_of + timedelta(rng.randint(-30, 300))]),
            }
        )
        cursor, held = start, False
        rank = max(rank - (rng.random() < 0.5), 0)
    if result and rng.random() < 0.15:  # left the last post
        result[0]["end"] = as_of - timedelta(rng.randint(0, 60))
        if result[0]["end"] <= result[0]["start"]:
            result[0]["end"] = None
    return result


def random_record(as_of: date, rng: random.Random) -> dict[str, Any]:
    work_start = near(as_of, rng, 25)
    posts = positions(as_of, min(work_start, as_of), rng)
    held = [RANKS.index(p["rank"]) for p in posts if p["end"] is None]
    ended = sorted((p["end"], RANKS.index(p["rank"])) for p in posts if p["end"] is not None)
    current = max(held) if held else (ended[-1][1] if ended else -1)
    target = min(current + rng.choice([1, 1, 1, 2, 3]), 3)
    agency = rng.random() < 0.2
    return {
        "as_of": as_of,
        "target_rank": RANKS[target],
        "work_start": min(work_start, as_of),
        "target_is_party_post": rng.random() < 0.3,
        "education": rng.choice(EDUCATION),
        "party_join_date": rng.choice([None, min(near(as_of, rng, 6), as_of)]),
        "training_completed": rng.random() < 0.8,
        "exceptional": rng.random() < 0.2,
        "previous_promotion_exceptional": rng.random() < 0.2,
        "positions": posts,
        "assessments": [
            {"year": year, "result": rng.choice(RESULTS)}
            for year in range(as_of.year - 5, as_of.year)
            if rng.random() < 0.7
        ],
        "disciplinary": [
            {"kind": "admonition", "effect_until": as_of + timedelta(rng.randint(-400, 100))}
            for _ in range(rng.choice([0, 0, 0, 1, 2]))
        ],
        "spouse_or_children_abroad": rng.random() < 0.05,
        "on_establishment": rng.choice([True, True, False])
        if target == 0
        else rng.choice([None, True, False]),
        "personnel_agency": agency,
        "establishment_date": min(near(as_of, rng, 2), as_of) if agency else None,
        "demoted_on": rng.choice([None, None, None, min(near(as_of, rng, 3), as_of)]),
    }


def frames(records: list[dict[str, Any]]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    people, posts, marks = [], [], []
    for i, r in enumerate(records):
        until = [d["effect_until"] for d in r["disciplinary"]]
        skip = ("as_of", "positions", "assessments", "disciplinary")
        people.append(
            {
                "id": i,
                **{k: v for k, v in r.items() if k not in skip},
                "discipline_until": max(until, default=None),
            }
        )
        posts += [{"cadre_id": i, **p} for p in r["positions"]]
        marks += [{"cadre_id": i, **a} for a in r["assessments"]]
    return pl.DataFrame(people), pl.DataFrame(posts), pl.DataFrame(marks)


@pytest.mark.parametrize("as_of", [date(2026, 6, 30), date(2028, 2, 29)])
def test_every_row_equals_the_single_path(as_of: date) -> None:
    rng = random.Random(as_of.toordinal())
    records = []
    while len(records) < 300:
        record = random_record(as_of, rng)
        try:
            cadre_record(record)
        except InputError:
            continue
        records.append(record)
    cadres, posts, marks = frames(records)
    inputs = screen_inputs(cadres, posts, marks, as_of)
    snapshot = PACK.rules_as_of(as_of)
    screened = screen(cadres, posts, marks, as_of, TABLE, snapshot)
    decider = Decider(TABLE, snapshot)
    verdicts = set()
    for record, row, result in zip(
        records, inputs.iter_rows(named=True), screened.iter_rows(named=True), strict=True
    ):
        adapted = cadre_record(record).inputs
        assert {k: row[k] for k in adapted} == adapted, record
        decision = decider.decide(adapted)
        assert result["breaches"] == [o.value for o in decision.outcomes]
        assert result["verdict"] == assess(decision).verdict.value
        verdicts.add(result["verdict"])
    assert verdicts == {"eligible", "eligible_with_warnings", "ineligible"}
    assert screened["id"].to_list() == list(range(300))


def test_refusals_name_the_cadre_and_field() -> None:
    as_of = date(2026, 6, 30)
    record = random_record(as_of, random.Random(1))
    cadres, posts, marks = frames([record])
    with pytest.raises(BatchInputError, match="column 'education': unknown code"):
        screen_inputs(cadres.with_columns(education=pl.lit("phd")), posts, marks, as_of)
    high = cadres.with_columns(target_rank=pl.lit("deputy_section"))
    held = pl.DataFrame(
        {"cadre_id": [0], "rank": ["section_chief"], "start": [date(2020, 1, 1)], "end": [None]},
        schema_overrides={"end": pl.Date},
    )
    with pytest.raises(BatchInputError, match="cadre 0: target_rank is not above"):
        screen_inputs(high.with_columns(on_establishment=pl.lit(True)), held, marks, as_of)
