"""The eligibility rules written by hand for the peers: thresholds read from the pack's
parameters (never hard-coded), the breach order of the table, numpy for the pandas peer."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import numpy as np

from eligibility_data import RESULTS
from govops.cadres.model.record import JUDGED
from govops.lawcode.rules.tables import RuleTable, Severity, inputs_of, parameters_of
from govops.lawcode.sources.pack import Pack

REFUSE = (
    "work_years",
    "grassroots_years",
    "years_at_lower_rank",
    "establishment",
    "rank_skipped",
    "two_ranks_skipped",
    "exceptional_in_probation",
    "exceptional_twice",
    "party_years",
    "recent_assessment",
    "family_abroad",
    "discipline",
    "demotion",
)
WARN = (
    "relaxed_by_exceptional_promotion",
    "posts_at_lower_rank",
    "education",
    "training",
    "assessment_missing",
)
OUTCOMES = REFUSE + WARN
RECENT_ASSESSMENT_YEARS = 3  # 17(3) 近三年: fixed by the adapter, not a pack parameter
BELOW_COMPETENT = RESULTS.index("basically_competent")  # it and the results after it


def thresholds(pack: Pack, as_of: date) -> dict[str, int]:
    """The parameters the eligibility table's clauses use (the pack also holds those of
    the selection procedure, such as quorum shares)."""
    snapshot = pack.rules_as_of(as_of)
    table = pack.table("eligibility")
    used = set().union(*(parameters_of(c.condition) for _, c in table.clauses()))
    return {name: int(snapshot[name].value) for name in used}  # type: ignore[arg-type]


def check_outcomes(table: RuleTable) -> None:
    """Fails when REFUSE and WARN are no longer the table's outcomes, in its order and with
    its severities, less those read only from asserted judgements (17(1), (2), (4), (7)):
    the data never asserts them, and the peers leave them out."""
    kept = [o for o in table.outcomes if o.value in OUTCOMES]
    uncovered = [
        o.value
        for o in table.outcomes
        if o.value not in OUTCOMES
        and not all(inputs_of(c.condition) <= set(JUDGED) for c in o.clauses)
    ]
    order = tuple(o.value for o in kept)
    severities = tuple(o.severity for o in kept)
    expected = tuple(Severity.REFUSE if n in REFUSE else Severity.WARN for n in OUTCOMES)
    if order != OUTCOMES or severities != expected or uncovered:
        raise SystemExit(
            f"eligibility_rules.py is out of date with the table: its outcomes {order}, "
            f"severities {[s.value for s in severities]}, not covered {uncovered}"
        )


def breaches(x: Mapping[str, np.ndarray], p: Mapping[str, int]) -> dict[str, np.ndarray]:
    """x: the table's inputs as arrays (target_rank and held_rank 0..3, -1 for no post,
    instead of the target and held flags)."""
    t, exc = x["target_rank"], x["exceptional"]
    div, dc, dd, sc, ds = t >= 2, t == 3, t == 2, t == 1, t == 0
    wy = div & (x["work_years"] < p["division_work_years"])
    gy = div & (x["grassroots_years"] < p["division_grassroots_years"])
    yl = x["years_at_next_lower_rank"]
    short_dc = dc & (yl < p["division_chief_years_as_deputy_division"])
    short_dd = dd & (yl < p["deputy_division_years_as_section_chief"])
    lower = short_dc | short_dd | (sc & (yl < p["section_chief_years_as_deputy_section"]))
    # 7: 不得在任职年限上连续破格: this promotion relaxes 6(3) and so did the last one
    held, before = x["held_rank"], x["years_below_when_promoted"]
    last_short = ((held == 1) & (before < p["section_chief_years_as_deputy_section"])) | (
        (held == 2) & dc & (before < p["deputy_division_years_as_section_chief"])
    )
    twice = exc & x["previous_promotion_exceptional"] & (short_dc | short_dd) & last_short
    agency = x["personnel_agency"] & (x["establishment_years"] < p["agency_establishment_years"])
    est = ds & (~x["on_establishment"] | agency)
    skip = x["rank_jump"] > p["rank_step"]
    return {
        "work_years": wy & ~exc,
        "grassroots_years": gy & ~exc,
        "years_at_lower_rank": lower & ~exc,
        "establishment": est & ~exc,
        "rank_skipped": skip & ~exc,
        "two_ranks_skipped": x["rank_jump"] >= p["rank_jump_two_levels"],
        "exceptional_in_probation": exc & x["in_probation"],
        "exceptional_twice": twice,
        "party_years": x["target_is_party_post"]
        & div
        & (x["party_years"] < p["party_post_party_years"]),
        "recent_assessment": x["recent_assessment_below_competent"],
        "family_abroad": x["spouse_or_children_abroad"],
        "discipline": x["discipline_in_effect"],
        "demotion": x["demoted"] & (x["years_since_demotion"] < p["demotion_no_promotion_years"]),
        "relaxed_by_exceptional_promotion": exc & (wy | gy | lower | est | skip),
        "posts_at_lower_rank": div & (x["posts_at_next_lower_rank"] < p["division_lower_posts"]),
        "education": div & (x["education_level"] < p["division_education_level"]),
        "training": div & ~x["training_completed"],
        "assessment_missing": x["assessment_missing"],
    }


def verdict_codes(found: Mapping[str, np.ndarray]) -> np.ndarray:
    """0 eligible, 1 eligible_with_warnings, 2 ineligible."""
    refused = np.logical_or.reduce([found[o] for o in REFUSE])
    warned = np.logical_or.reduce([found[o] for o in WARN])
    return np.where(refused, 2, np.where(warned, 1, 0))


def mask(found: Mapping[str, np.ndarray]) -> np.ndarray:
    """The breach set as bits, in table order."""
    bits = np.zeros(len(next(iter(found.values()))), np.int64)
    for i, name in enumerate(OUTCOMES):
        bits |= np.asarray(found[name], bool).astype(np.int64) << i
    return bits
