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
- training_completed (6(5)); party_years: completed years since party_join_date, 0 for no
  date (6(7)).
- rank_jump: target rank index minus the rank promoted from: the highest rank of the posts
  held on as_of, else the rank of the post left last (after a demotion, the lower rank),
  else -1 for no post (7).
- exceptional, previous_promotion_exceptional, in_probation: some position's probation_end
  is after as_of (7, 35).
- recent_assessment_below_competent: an annual assessment of basically_competent or
  incompetent in one of the three years before as_of's year (17(3)).
- spouse_or_children_abroad (17(5)); discipline_in_effect: some sanction's effect_until
  (its last day of effect) is on or after as_of (17(6)).
- demoted, years_since_demotion: demoted_on given, completed years since (46).
- political_discipline_breach (17(1)), low_public_recognition (17(2)), canvassing (17(4)),
  otherwise_unsuitable (17(7)): judgements a person asserts in the record, passed as given
  (absent: false).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from govops.cadres.model.periods import completed_years, completed_years_of_union
from govops.cadres.model.record import RANKS, RESULTS, CadreRecord, current_rank, parse_record
from govops.lawcode.rules.adapters import Adapted

RECENT_ASSESSMENT_YEARS = 3  # 17(3) 近三年: the window is fixed here, not in the pack
_BELOW_COMPETENT = RESULTS.index("basically_competent")


def cadre_record(record: Mapping[str, object]) -> Adapted:
    """Pure: no I/O. Raises InputError naming the field of the record that is wrong."""
    cadre = parse_record(record)
    return Adapted(inputs=_inputs(cadre), as_of=cadre.as_of)


def _inputs(cadre: CadreRecord) -> dict[str, object]:
    as_of, target = cadre.as_of, cadre.target_rank
    lower = [p for p in cadre.positions if p.rank == target - 1]
    grassroots = [(p.start, p.end or as_of) for p in cadre.positions if p.grassroots]
    grassroots += [(start, end or as_of) for start, end in cadre.grassroots_periods]
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
        "recent_assessment_below_competent": any(
            result >= _BELOW_COMPETENT
            for year, result in cadre.assessments.items()
            if as_of.year - RECENT_ASSESSMENT_YEARS <= year
        ),
        "spouse_or_children_abroad": cadre.spouse_or_children_abroad,
        "discipline_in_effect": any(as_of <= until for until in cadre.discipline_until),
        "demoted": cadre.demoted_on is not None,
        "years_since_demotion": _years_since(cadre.demoted_on, as_of),
        "political_discipline_breach": cadre.political_discipline_breach,
        "low_public_recognition": cadre.low_public_recognition,
        "canvassing": cadre.canvassing,
        "otherwise_unsuitable": cadre.otherwise_unsuitable,
    }


def _years_since(start: date | None, as_of: date) -> int:
    return 0 if start is None else completed_years(start, as_of)
