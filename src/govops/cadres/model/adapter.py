"""The `cadre-record` adapter: a cadre's record -> the inputs of the eligibility table of
the pack cn-cadre-selection (武夷学院处科级干部选拔任用工作规定).

Inputs computed (all counts are whole numbers >= 0, years are completed years):
- target_is_division, target_is_division_chief, target_is_deputy_division,
  target_is_section_chief, target_is_deputy_section, target_is_party_post: the post sought.
- work_years: completed years from work_start to as_of, by anniversary (6(1)).
- grassroots_years: completed years of the union of grassroots periods (positions with
  grassroots: true, and grassroots_periods), laid end to end from the earliest start (6(1)).
- posts_at_next_lower_rank: positions held at the rank just below the target, distinct by
  `post` when it is given, else each entry counts (6(2)).
- years_at_next_lower_rank: completed years of the union of those positions (6(3)).
- on_establishment, personnel_agency, establishment_years: 在编在岗, 人事代理 and the
  completed years since formal entry into the establishment (6(3), deputy section posts).
- education_level: none 0, college 1, bachelor 2, master 3, doctorate 4 (6(4)).
- training_completed (6(5)); party_years: completed years since party_join_date, the day
  full membership began (转正; Party standing counts from it), 0 for no date (6(7)).
- rank_jump: target rank index minus the rank promoted from: the highest rank of the posts
  held on as_of, else the rank of the post left last (after a demotion, the lower rank),
  else -1 for no post (7).
- exceptional, previous_promotion_exceptional, in_probation: some position's probation_end
  is after as_of (7, 35).
- held_is_section_chief, held_is_deputy_division: the rank promoted from (as rank_jump);
  years_below_when_promoted: completed years at the rank below it up to the day it was
  first held (the previous promotion), so that the table can tell whether that promotion
  was exceptional on years in post (7: 不得在任职年限上连续破格).
- recent_assessment_below_competent: basically_competent or incompetent in the latest three
  annual assessments (17(3)): the years ending with the year before as_of's when its result
  is recorded, else with the year before that (reading: the result of the year just ended
  may not be made yet); assessment_missing: a result of those years, or of the year just
  ended, is not recorded (assessment_window names the years).
- spouse_or_children_abroad (17(5)); discipline_in_effect: some sanction's effect_until
  (its last day of effect) is on or after as_of (17(6)).
- demoted, years_since_demotion: demoted_on given, and the years elapsed since, counted as
  the Civil Code counts periods in years (arts. 201, 202: the day of the demotion not
  counted, each year ending on its corresponding day): "两年内不得提升职务" (46) still bars
  on the second anniversary and no longer the day after (periods.years_elapsed).
- political_discipline_breach (17(1)), low_public_recognition (17(2)), canvassing (17(4)),
  otherwise_unsuitable (17(7)): judgements a person asserts in the record, passed as given
  (absent: false).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from govops.cadres.model.periods import completed_years, completed_years_of_union, years_elapsed
from govops.cadres.model.record import RANKS, RESULTS, CadreRecord, current_rank, parse_record
from govops.lawcode.rules.adapters import Adapted

RECENT_ASSESSMENT_YEARS = 3  # 17(3) 近三年: the window is fixed here, not in the pack
_BELOW_COMPETENT = RESULTS.index("basically_competent")


@dataclass(frozen=True, slots=True)
class AssessmentWindow:
    years: tuple[int, ...]  # the latest three annual assessments (17(3)), oldest first
    missing: tuple[int, ...]  # years of the window, or the year just ended, not recorded


def assessment_window(assessed: Collection[int], as_of: date) -> AssessmentWindow:
    """The years whose annual results 17(3) reads on as_of, and those not recorded."""
    ended = as_of.year - 1
    latest = ended if ended in assessed else ended - 1
    years = tuple(range(latest - RECENT_ASSESSMENT_YEARS + 1, latest + 1))
    missing = sorted({y for y in (*years, ended) if y not in assessed})
    return AssessmentWindow(years, tuple(missing))


def cadre_record(record: Mapping[str, object]) -> Adapted:
    """Pure: no I/O. Raises InputError naming the field of the record that is wrong."""
    cadre = parse_record(record)
    return Adapted(inputs=_inputs(cadre), as_of=cadre.as_of)


def _inputs(cadre: CadreRecord) -> dict[str, object]:
    as_of, target = cadre.as_of, cadre.target_rank
    lower = [p for p in cadre.positions if p.rank == target - 1]
    grassroots = [(p.start, p.end or as_of) for p in cadre.positions if p.grassroots]
    grassroots += [(start, end or as_of) for start, end in cadre.grassroots_periods]
    window = assessment_window(cadre.assessments, as_of)
    return {
        "target_is_division": target >= RANKS.index("deputy_division"),
        "target_is_division_chief": target == RANKS.index("division_chief"),
        "target_is_deputy_division": target == RANKS.index("deputy_division"),
        "target_is_section_chief": target == RANKS.index("section_chief"),
        "target_is_deputy_section": target == RANKS.index("deputy_section"),
        "target_is_party_post": cadre.target_is_party_post,
        "work_years": completed_years(cadre.work_start, as_of),
        "grassroots_years": completed_years_of_union(grassroots),
        "posts_at_next_lower_rank": len(
            {p.post if p.post is not None else f"#{i}" for i, p in enumerate(lower)}
        ),
        "years_at_next_lower_rank": completed_years_of_union(
            (p.start, p.end or as_of) for p in lower
        ),
        "on_establishment": bool(cadre.on_establishment),
        "personnel_agency": cadre.personnel_agency,
        "establishment_years": _years_since(cadre.establishment_date, as_of),
        "education_level": cadre.education,
        "training_completed": cadre.training_completed,
        "party_years": _years_since(cadre.party_join_date, as_of),
        "rank_jump": target - current_rank(cadre),
        "exceptional": cadre.exceptional,
        "previous_promotion_exceptional": cadre.previous_promotion_exceptional,
        "in_probation": any(
            p.probation_end is not None and p.start <= as_of < p.probation_end
            for p in cadre.positions
        ),
        "held_is_section_chief": current_rank(cadre) == RANKS.index("section_chief"),
        "held_is_deputy_division": current_rank(cadre) == RANKS.index("deputy_division"),
        "years_below_when_promoted": _years_below_when_promoted(cadre),
        "recent_assessment_below_competent": any(
            cadre.assessments.get(year, 0) >= _BELOW_COMPETENT for year in window.years
        ),
        "assessment_missing": bool(window.missing),
        "spouse_or_children_abroad": cadre.spouse_or_children_abroad,
        "discipline_in_effect": any(as_of <= until for until in cadre.discipline_until),
        "demoted": cadre.demoted_on is not None,
        "years_since_demotion": (
            0 if cadre.demoted_on is None else years_elapsed(cadre.demoted_on, as_of)
        ),
        "political_discipline_breach": cadre.political_discipline_breach,
        "low_public_recognition": cadre.low_public_recognition,
        "canvassing": cadre.canvassing,
        "otherwise_unsuitable": cadre.otherwise_unsuitable,
    }


def _years_below_when_promoted(cadre: CadreRecord) -> int:
    """Completed years at the rank below the rank promoted from, up to the day that rank was
    first held (its earliest post); 0 without such a rank or posts below it."""
    held = current_rank(cadre)
    starts = [p.start for p in cadre.positions if p.rank == held]
    if held < 1 or not starts:
        return 0
    promoted = min(starts)
    below = [p for p in cadre.positions if p.rank == held - 1]
    return completed_years_of_union((p.start, min(p.end or cadre.as_of, promoted)) for p in below)


def _years_since(start: date | None, as_of: date) -> int:
    return 0 if start is None else completed_years(start, as_of)
