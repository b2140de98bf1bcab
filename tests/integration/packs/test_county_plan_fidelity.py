"""cn-county-mass-incident says what the plan says and no more: the health bureau's medical
rescue is every case's (3.1.3 sets no condition); where the plan names no one to act
(6.1.2(3)'s last paragraph, 6.1.4(1)) the checklist names no one; 8.1(2) and 8.1(4) are
quoted whole; section 4's criteria that the officer judges (the kinds of way and the
national key project of 4.1(4), the qualifiers of 4.1(1), 4.1(5), 4.2(1) and 4.3(1)) are
flags its clauses require."""

from __future__ import annotations

from datetime import date

import pytest

from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.inputs import InputKind
from govops.packs import load_builtin_pack

PACK = load_builtin_pack("cn-county-mass-incident")


def test_the_health_bureaus_rescue_duty_has_no_condition() -> None:
    route = PACK.table("route")
    [health] = [o for o in route.outcomes if o.value == "health"]
    rescue = next(c for c in health.clauses if c.id == "health-all")
    assert "医疗卫生救援工作,并根据需要提供医疗卫生技术支持" in rescue.text
    assert set(route.inputs) == {"causes"}  # no casualty figure decides any routing


def test_the_checklist_names_no_one_where_the_plan_names_no_one() -> None:
    items = {item.id: item for item in PACK.checklist}
    assert items["I-armed-police"].actor == {} and items["I-news-rules"].actor == {}
    assert items["I-police-evidence"].actor["zh-Hans"] == "公安机关"  # 6.1.2(3)④ names them


def test_the_grounds_of_8_1_are_quoted_whole() -> None:
    items = {item.id: item for item in PACK.catalogues["accountability_triggers"].items}
    assert items["neglected-disputes"].text["zh-Hans"].startswith("对本部门、本单位存在的")
    assert items["late-report"].text["zh-Hans"].startswith("大规模群体性事件发生后不及时报告")


# Section 4's grading, as the plan words it. What the duty officer judges (the kind of way
# blocked, a *national* key project, 严重影响社会稳定 ...) is a flag asserted or not; a
# clause whose words require it does not fire without it.
GRADE = Decider(PACK.table("grade"), PACK.rules_as_of(date(2026, 6, 1)))
ROADS = ("blocked_railway_trunk_line", "blocked_national_road", "blocked_expressway")
KINDS_OF_WAY = (*ROADS, "blocked_transport_hub")
QUALIFIERS = {  # flag: (the clause it qualifies, the plan's words)
    "seriously_affects_stability": ("I-1", "严重影响社会稳定"),
    "seriously_harms_stability": ("I-5", "严重危害社会稳定"),
    "major_impact_protest": (
        "II-1",
        "影响较大的非法集会游行示威、上访请愿、聚众闹事、罢工(市、课)等",
    ),
    "affects_stability": ("III-1", "影响社会稳定"),
}
NEW_FLAGS = (*KINDS_OF_WAY, "national_key_project", *QUALIFIERS)


def _graded(record: dict[str, object]) -> tuple[object, list[str]]:
    decision = GRADE.decide(record)
    return decision.outcome, [clause.id for clause in decision.fired]


@pytest.mark.parametrize("name", NEW_FLAGS)
def test_each_criterion_the_officer_judges_is_a_flag_not_asserted_by_default(name: str) -> None:
    spec = PACK.table("grade").inputs[name]
    assert spec.kind is InputKind.FLAG and spec.default is False
    assert {language for language, _ in spec.labels} == {"zh-Hans", "zh-Hant", "vi", "en"}


@pytest.mark.parametrize("kind", KINDS_OF_WAY)
def test_a_blockade_of_8_hours_is_level_i_only_on_a_way_4_1_4_names(kind: str) -> None:
    assert _graded({"traffic_stopped_hours": 8, kind: True}) == ("I", ["I-4"])
    assert _graded({"traffic_stopped_hours": "7.5", kind: True})[0] is None
    assert _graded({"traffic_stopped_hours": 30})[0] is None  # no kind of way asserted


def test_an_obstructed_project_is_level_i_only_when_it_is_a_national_key_project() -> None:
    assert _graded({"key_project_stopped_hours": 24, "national_key_project": True}) == (
        "I",
        ["I-4"],
    )
    assert _graded({"key_project_stopped_hours": "23.9", "national_key_project": True})[0] is None
    # 4.2 and 4.3 grade no obstructed project: a key project not asserted national, stopped
    # for two days, is no level by 4.1(4)
    assert _graded({"key_project_stopped_hours": 48})[0] is None
    assert _graded({"key_project_stopped_hours": 48, "blocked_national_road": True})[0] is None


def test_the_figures_of_4_1_1_4_1_5_4_2_1_and_4_3_1_grade_only_with_their_qualifier() -> None:
    records = {
        "I-1": {"participants": 5000},
        "I-5": {"deaths": 10},
        "II-1": {"participants": 1000},
        "III-1": {"participants": 200},
    }
    for flag, (clause, _) in QUALIFIERS.items():
        record = records[clause]
        assert clause not in _graded(record)[1], f"{clause} fired without {flag}"
        assert clause in _graded({**record, flag: True})[1], f"{clause} with {flag}"
    assert _graded({"injured": 30, "seriously_harms_stability": True}) == ("I", ["I-5"])
    # 4.2(1)'s other branch (人数不多但涉及面广和有可能进京) needs no figure and no qualifier
    assert _graded({"participants": 30, "petition_wide_reach": True}) == ("II", ["II-1"])


@pytest.mark.parametrize("flag", QUALIFIERS)
def test_each_qualifier_is_labelled_in_the_plans_words(flag: str) -> None:
    _, words = QUALIFIERS[flag]
    assert dict(PACK.table("grade").inputs[flag].labels)["zh-Hans"] == words


def test_not_asserting_a_qualifier_is_said_as_its_label_not_asserted() -> None:
    decision = GRADE.decide({"participants": 6000})
    [why_not_i] = [w for w in decision.why_not if w.outcome.value == "I"]
    assert decision.outcome is None
    assert [c.id for c in why_not_i.clauses] == ["I-1"]
    assert [s.input for s in why_not_i.miss.shortfalls] == ["seriously_affects_stability"]
