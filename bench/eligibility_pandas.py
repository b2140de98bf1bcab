"""Hand-written pandas screening of the eligibility rules (the peer of govops.cadres.model.batch):
the same inputs computed with pandas group-bys and numpy, then eligibility_rules."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from eligibility_data import EDUCATION, RANKS, RESULTS
from eligibility_rules import (
    BELOW_COMPETENT,
    RECENT_ASSESSMENT_YEARS,
    breaches,
    mask,
    verdict_codes,
)


def _md(d: pd.Series) -> pd.Series:
    return d.dt.month * 100 + d.dt.day


def years(start: pd.Series, end: pd.Series) -> pd.Series:
    y = end.dt.year - start.dt.year - (_md(end) < _md(start)).astype(int)
    return y.clip(lower=0)


def _anniversary(start: pd.Series, whole: pd.Series) -> pd.Series:
    year = start.dt.year + whole
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    feb29 = (start.dt.month == 2) & (start.dt.day == 29) & ~leap
    day = start.dt.day.where(~feb29, 28)
    base = pd.to_datetime(pd.DataFrame({"year": year, "month": start.dt.month, "day": day}))
    return base + pd.to_timedelta(feb29.astype(int), unit="D")


def codes(column: pd.Series, known: tuple[str, ...]) -> np.ndarray:
    """Each text's index in `known` (a categorical's codes: several times faster than map)."""
    return pd.Categorical(column, categories=known).codes.astype(np.int64)


def years_elapsed(event: pd.Series, day: pd.Timestamp) -> pd.Series:
    """Whole years of Civil Code periods (arts. 201, 202: the event's day not counted, each
    year ending on its corresponding day, 29 February on 28 February in a common year) run
    out before `day`; never negative. NaT gives 0."""
    last = _md(event)
    if not day.is_leap_year:
        last = last.where(last != 229, 228)
    y = day.year - event.dt.year
    y = y - ((y > 0) & (last >= day.month * 100 + day.day)).astype(int)
    return y.clip(lower=0).fillna(0).astype(int)


def union_years(frame: pd.DataFrame) -> pd.Series:
    f = frame[frame["start"] < frame["end"]].sort_values(["cadre_id", "start", "end"])
    new_cadre = f["cadre_id"].ne(f["cadre_id"].shift())
    reach = f.groupby("cadre_id")["end"].cummax().groupby(f["cadre_id"]).shift()
    run = (new_cadre | (f["start"] > reach)).cumsum()
    merged = f.groupby(run).agg(
        cadre_id=("cadre_id", "first"), start=("start", "min"), end=("end", "max")
    )
    whole = years(merged["start"], merged["end"])
    left = (merged["end"] - _anniversary(merged["start"], whole)).dt.days
    g = pd.DataFrame({"cadre_id": merged["cadre_id"], "w": whole, "l": left})
    s = g.groupby("cadre_id").sum()
    return s["w"] + s["l"] // 365


def screen_pandas(
    c: pd.DataFrame, p: pd.DataFrame, a: pd.DataFrame, as_of: date, params: dict[str, int]
) -> pd.DataFrame:
    day = pd.Timestamp(as_of)
    ids = c["id"].to_numpy()
    target = codes(c["target_rank"], RANKS)
    rank = codes(p["rank"], RANKS)
    tgt = pd.Series(target, index=ids)
    pos = p.assign(
        rank=rank,
        end=p["end"].fillna(day),
        open=p["end"].isna(),
        target=tgt.reindex(p["cadre_id"]).to_numpy(),
    )
    held = pos[pos["open"]].groupby("cadre_id")["rank"].max()
    ended = pos[~pos["open"]]
    last = ended[ended["end"] == ended.groupby("cadre_id")["end"].transform("max")]
    left = last.groupby("cadre_id")["rank"].max()
    current = held.reindex(ids).fillna(left.reindex(ids)).fillna(-1).astype(int)
    prob = pos["probation_end"].notna() & (pos["start"] <= day) & (day < pos["probation_end"])
    in_prob = prob.groupby(pos["cadre_id"]).any().reindex(ids, fill_value=False).to_numpy()
    lower = pos[pos["rank"] == pos["target"] - 1]
    named = lower.dropna(subset=["post"]).groupby("cadre_id")["post"].nunique()
    unnamed = lower["post"].isna().groupby(lower["cadre_id"]).sum()
    posts = named.reindex(ids, fill_value=0) + unnamed.reindex(ids, fill_value=0)
    grass = union_years(pos[pos["grassroots"]]).reindex(ids, fill_value=0)
    at_lower = union_years(lower).reindex(ids, fill_value=0)
    # 7: years at the rank below the rank held, up to its first post; read only by the
    # clauses of a second exceptional promotion in a row, so computed for those cadres only
    twice = c["exceptional"].to_numpy() & c["previous_promotion_exceptional"].to_numpy()
    cand = pos[np.isin(pos["cadre_id"].to_numpy(), ids[twice])]
    cur = current.reindex(cand["cadre_id"]).to_numpy()
    promoted = cand[cand["rank"].to_numpy() == cur].groupby("cadre_id")["start"].min()
    below = cand[cand["rank"].to_numpy() == cur - 1]
    cut = np.minimum(below["end"], promoted.reindex(below["cadre_id"]).to_numpy())
    before = union_years(below.assign(end=cut)).reindex(ids, fill_value=0)
    # 17(3): the latest three annual results, ending with the year just ended if recorded
    ended = as_of.year - 1
    back = ended - a["year"].to_numpy()
    bad = a["result"].isin(RESULTS[BELOW_COMPETENT:]).to_numpy()
    width = RECENT_ASSESSMENT_YEARS
    seen = pd.DataFrame({f"r{k}": back == k for k in range(width)})
    seen["bad_latest"] = bad & (back >= 0) & (back < width)
    seen["bad_before"] = bad & (back == width)
    seen = seen.groupby(a["cadre_id"].to_numpy()).any().reindex(ids, fill_value=False)
    recent = (seen["bad_latest"] | (~seen["r0"] & seen["bad_before"])).to_numpy()
    missing = ~np.logical_and.reduce([seen[f"r{k}"].to_numpy() for k in range(width)])

    def since(col: str) -> np.ndarray:
        d = c[col]
        return years(d.fillna(day), pd.Series(day, index=d.index)).to_numpy()

    x = {
        "target_rank": target,
        "exceptional": c["exceptional"].to_numpy(),
        "work_years": since("work_start"),
        "grassroots_years": grass.to_numpy(),
        "years_at_next_lower_rank": at_lower.to_numpy(),
        "posts_at_next_lower_rank": posts.to_numpy(),
        "personnel_agency": c["personnel_agency"].to_numpy(),
        "establishment_years": since("establishment_date"),
        "on_establishment": c["on_establishment"].fillna(False).to_numpy(bool),
        "rank_jump": target - current.to_numpy(),
        "held_rank": current.to_numpy(),
        "years_below_when_promoted": before.to_numpy(),
        "in_probation": in_prob,
        "previous_promotion_exceptional": c["previous_promotion_exceptional"].to_numpy(),
        "target_is_party_post": c["target_is_party_post"].to_numpy(),
        "party_years": since("party_join_date"),
        "recent_assessment_below_competent": recent,
        "assessment_missing": missing,
        "spouse_or_children_abroad": c["spouse_or_children_abroad"].to_numpy(),
        "discipline_in_effect": (c["discipline_until"] >= day).to_numpy(),
        "demoted": c["demoted_on"].notna().to_numpy(),
        "years_since_demotion": years_elapsed(c["demoted_on"], day).to_numpy(),
        "education_level": codes(c["education"], EDUCATION),
        "training_completed": c["training_completed"].to_numpy(),
    }
    found = breaches(x, params)
    return pd.DataFrame({"id": ids, "verdict": verdict_codes(found), "mask": mask(found)})
