"""Synthetic cadres for the eligibility benchmark: three polars tables (cadres, positions,
assessments) in the columnar schema of govops.cadres.model.batch, seeded numpy, vectorised.

Each cadre has 1..9 positions (about 5 on average), laid back to back backwards from as_of
at non-decreasing ranks; a post at the same rank sometimes overlaps the next (two posts at
once); the last post is usually still held; the target is the next rank up, for 2% of those
below deputy division a rank higher (a skip; from deputy section a quarter of them skip two),
half of these promotions exceptional. 5% of cadres hold no post yet (their positions are
dropped): they seek the lowest rank, deputy section. 4% are fast-tracked: posts 40% as long,
30% of them promoted exceptionally; a previous exceptional promotion is likelier before an
exceptional one, most of all when fast-tracked (7: 在任职年限上连续破格). Annual results
cover the four years before as_of's, each recorded with 90% chance (17(3): the window moves
back a year when the year just ended is missing); a third of the demotions fall on an
anniversary of as_of, or a day either side (46: 两年内, Civil Code 201, 202)."""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

RANKS = ("deputy_section", "section_chief", "deputy_division", "division_chief")
EDUCATION = ("none", "college", "bachelor", "master", "doctorate")
RESULTS = ("excellent", "competent", "basically_competent", "incompetent")
POSTS = 12  # distinct post names per rank
ASSESSED_YEARS = 4  # annual results of the years before as_of's


def _days(as_of: date) -> int:
    return (as_of - date(1970, 1, 1)).days


def _dates(days: np.ndarray) -> pl.Series:
    return pl.Series(days.astype("int32")).cast(pl.Date)


def _maybe(rng: np.random.Generator, days: np.ndarray, share: float) -> pl.Series:
    series = _dates(days)
    return series.scatter(np.flatnonzero(rng.random(len(days)) >= share), None)


def _years_back(as_of: date, years: int) -> int:
    """The day number of as_of's anniversary `years` back (29 February on 28 February)."""
    try:
        return _days(as_of.replace(year=as_of.year - years))
    except ValueError:
        return _days(date(as_of.year - years, 2, 28))


def generate(n: int, as_of: date, seed: int) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    rng = np.random.default_rng(seed)
    today = _days(as_of)
    k = rng.binomial(8, 0.5, n) + 1
    total = int(k.sum())
    owner = np.repeat(np.arange(n), k)
    first = np.repeat(np.cumsum(k) - k, k)
    back = np.repeat(k, k) - 1 - (np.arange(total) - first)  # 0 = the last (newest) post
    duration = rng.integers(120, 1600, total)
    duration[back == 0] = rng.integers(30, 2200, int(n))  # the post held now
    fast = rng.random(n) < 0.04  # fast-tracked: posts 40% as long, often exceptional
    duration = np.where(fast[owner], np.maximum(duration * 2 // 5, 30), duration)
    # starts: as_of minus the durations of this post and every newer one of the cadre
    rev = np.cumsum(duration[::-1])[::-1]  # suffix sums over all rows
    last_row = np.cumsum(k) - 1
    after = rev - np.repeat(rev[last_row], k) + duration[np.repeat(last_row, k)]
    start = today - after
    end = start + duration
    held = back == 0
    left = held & (rng.random(total) < 0.08)
    end[left] = today - rng.integers(1, 60, int(left.sum()))
    end = np.where(end <= start, start + 1, end)
    # ranks: non-decreasing towards the newest post, the newest at 0..2
    top = rng.integers(0, 3, n)
    steps = (rng.random(total) < 0.35) & ~held
    down = np.cumsum(steps[::-1])[::-1]
    down = down - np.repeat(down[last_row], k)
    rank = np.maximum(np.repeat(top, k) - down, 0)
    same_next = np.zeros(total, bool)
    same_next[:-1] = (rank[:-1] == rank[1:]) & (owner[:-1] == owner[1:]) & ~held[:-1]
    overlap = same_next & (rng.random(total) < 0.15)
    nxt_len = np.zeros(total, int)
    nxt_len[:-1] = duration[1:]
    end[overlap] += rng.integers(1, 200, int(overlap.sum())) % np.maximum(nxt_len[overlap], 2)
    current = rank[last_row]
    earliest = start[first[last_row]]
    work_start = earliest - rng.integers(0, 2000, n)
    post = rng.integers(0, POSTS, total)
    positions = pl.DataFrame(
        {
            "cadre_id": owner,
            "rank": pl.Series(rank.astype("uint32"))
            .cast(pl.UInt32)
            .replace_strict(list(range(4)), list(RANKS), return_dtype=pl.String),
            "start": _dates(start),
            "end": _dates(end).scatter(np.flatnonzero(held & ~left), None),
            "grassroots": rng.random(total) < 0.45,
            "post": pl.Series(rank * 100 + post).cast(pl.String),
            "probation_end": _maybe(rng, start + 365, 0.3).scatter(np.flatnonzero(~held), None),
        }
    )
    positions = positions.with_columns(
        pl.when(pl.Series(rng.random(total) < 0.2))
        .then(None)
        .otherwise(pl.col("post"))
        .alias("post")
    )
    fresh = rng.random(n) < 0.05  # in no post yet: their next rank up is the lowest
    positions = positions.filter(pl.Series(~fresh[owner]))
    target, exceptional, previous = _promotion(rng, current, fresh, fast)
    agency = rng.random(n) < 0.05
    cadres = pl.DataFrame(
        {
            "id": np.arange(n),
            "target_rank": pl.Series(target).replace_strict(
                list(range(4)), list(RANKS), return_dtype=pl.String
            ),
            "target_is_party_post": rng.random(n) < 0.2,
            "work_start": _dates(work_start),
            "education": pl.Series(rng.choice(5, n, p=[0.02, 0.1, 0.6, 0.23, 0.05])).replace_strict(
                list(range(5)), list(EDUCATION), return_dtype=pl.String
            ),
            "party_join_date": _maybe(rng, today - rng.integers(0, 9000, n), 0.8),
            "training_completed": rng.random(n) < 0.9,
            "exceptional": exceptional,
            "previous_promotion_exceptional": previous,
            "spouse_or_children_abroad": rng.random(n) < 0.005,
            "on_establishment": rng.random(n) < 0.95,
            "personnel_agency": agency,
            "establishment_date": _dates(today - rng.integers(0, 1500, n)).scatter(
                np.flatnonzero(~agency), None
            ),
            "demoted_on": _maybe(rng, _demotions(rng, as_of, n), 0.02),
            "discipline_until": _maybe(rng, today + rng.integers(-1000, 400, n), 0.03),
        }
    )
    return cadres, positions, _assessments(rng, as_of, n)


def _promotion(
    rng: np.random.Generator, current: np.ndarray, fresh: np.ndarray, fast: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """target rank, exceptional, previous_promotion_exceptional per cadre."""
    n = len(current)
    skip = ~fresh & (current <= 1) & (rng.random(n) < 0.02)
    jump = np.where(skip, np.where((current == 0) & (rng.random(n) < 0.25), 3, 2), 1)
    target = np.where(fresh, 0, current + jump)
    exceptional = rng.random(n) < np.where(skip, 0.5, np.where(fast, 0.3, 0.03))
    previous = rng.random(n) < np.where(exceptional, np.where(fast, 0.6, 0.25), 0.05)
    return target, exceptional, previous


def _demotions(rng: np.random.Generator, as_of: date, n: int) -> np.ndarray:
    """Day numbers within five years before as_of, a third on an anniversary of as_of 1..3
    years back or a day either side (the edges of 46's 两年内)."""
    demoted = _days(as_of) - rng.integers(0, 1800, n)
    on_day = np.flatnonzero(rng.random(n) < 1 / 3)
    anniversaries = np.array([_years_back(as_of, k) for k in (1, 2, 3)])
    demoted[on_day] = anniversaries[rng.integers(0, 3, len(on_day))] + rng.integers(
        -1, 2, len(on_day)
    )
    return demoted


def _assessments(rng: np.random.Generator, as_of: date, n: int) -> pl.DataFrame:
    years = np.repeat(np.arange(as_of.year - ASSESSED_YEARS, as_of.year), n)
    who = np.tile(np.arange(n), ASSESSED_YEARS)
    kept = rng.random(ASSESSED_YEARS * n) < 0.9
    return pl.DataFrame(
        {
            "cadre_id": who[kept],
            "year": years[kept],
            "result": pl.Series(
                rng.choice(4, int(kept.sum()), p=[0.2, 0.76, 0.03, 0.01])
            ).replace_strict(list(range(4)), list(RESULTS), return_dtype=pl.String),
        }
    ).sort("cadre_id", "year")
