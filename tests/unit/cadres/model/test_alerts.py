"""Alerts over the registry: rotation, probation, avoidance and bars, each on both sides of
its boundary day, each with its article and dates. Training (6(5)), absence (45(6), 45(7))
and incompetence (47) are in test_duty_alerts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from govops.cadres.model.alerts import Alert, AlertKind, AlertRules, alerts
from govops.cadres.model.people import (
    Bar,
    BarKind,
    Function,
    Kinship,
    Person,
    Position,
    Registry,
    cited_rules,
)
from govops.lawcode.dated.parameters import ParameterVersion
from govops.lawcode.sources.citations import Citation
from govops.platform.i18n.translator import translator

DOC = "wuyi-cadre-regulation-2020"
TODAY = date(2026, 6, 30)
RULES = cited_rules(
    AlertRules,
    {
        name: ParameterVersion(name, value, date(2020, 7, 11), None, Citation(DOC, article))
        for name, value, article in [
            ("rotation_years", 10, "42(2)"),
            ("demotion_no_promotion_years", 2, "46"),
            ("accountability_no_equivalent_post_years", 1, "46"),
            ("training_after_promotion_years", 1, "6(5)"),
            ("study_leave_years", 1, "45(6)"),
            ("health_absence_years", 1, "45(7)"),
        ]
    },
)


def person(id: str, *positions: Position, **more: object) -> Person:
    return Person(id, id.upper(), positions, **more)  # type: ignore[arg-type]


def post(
    post: str = "p", unit: str = "u", rank: str | None = "section_chief", **more: object
) -> Position:
    return Position(post, unit, rank, **({"start": date(2020, 1, 1)} | more))  # type: ignore[arg-type]


def of(kind: AlertKind, *people: Person) -> list[Alert]:
    return [a for a in alerts(Registry(people), TODAY, RULES) if a.kind is kind]


def test_rules_are_cited_parameters() -> None:
    assert RULES.rotation_years.value == 10
    assert RULES.rotation_years.cite == Citation(DOC, "42(2)")


def test_a_division_level_cadre_in_the_same_post_ten_years_is_due_for_rotation() -> None:
    due_in_horizon = person("a", post(rank="deputy_division", start=date(2016, 7, 30)))
    later = person("b", post(rank="division_chief", start=date(2016, 7, 31)))
    overdue = person("c", post(rank="division_chief", start=date(2010, 1, 1)))
    section = person("d", post(rank="section_chief", start=date(2010, 1, 1)))
    left = person("e", post(rank="division_chief", start=date(2010, 1, 1), end=date(2026, 1, 1)))
    found = of(AlertKind.ROTATION, due_in_horizon, later, overdue, section, left)
    assert [(a.people, a.start, a.end) for a in found] == [
        (("c",), date(2010, 1, 1), date(2020, 1, 1)),
        (("a",), date(2016, 7, 30), date(2026, 7, 30)),
    ]
    assert found[0].cite == Citation(DOC, "42(2)") and "rotation due" in str(found[0].detail)
    # The detail is a message, said in the reader's language with its dates and figures.
    assert translator("en").say(found[0].detail) == (
        "in post p (u) since Jan 1, 2010: 10 years on Jan 1, 2020; rotation due"
    )
    assert translator("zh-Hans").say(found[0].detail) == (
        "自2010年1月1日起任p（u），至2020年1月1日满10年；应当交流"
    )
    assert "đến hạn luân chuyển" in translator("vi").say(found[0].detail)


def test_probations_ending_in_the_next_thirty_days() -> None:
    people = [
        person(name, post(post=name, probation_end=ends))
        for name, ends in [
            ("past", TODAY - timedelta(days=1)),
            ("today", TODAY),
            ("last", TODAY + timedelta(days=30)),
            ("later", TODAY + timedelta(days=31)),
            ("none", None),
        ]
    ]
    found = of(AlertKind.PROBATION, *people)
    assert [(a.people, a.end) for a in found] == [
        (("today",), TODAY),
        (("last",), TODAY + timedelta(days=30)),
    ]
    assert {a.cite for a in found} == {Citation(DOC, "35")}


def test_relatives_under_the_same_direct_leader_of_the_same_unit() -> None:
    wife = person("w", post("w1", "arts", reports_to="dean"), relatives=(("h", Kinship.SPOUSE),))
    husband = person("h", post("h1", "arts", reports_to="dean", start=date(2022, 3, 1)))
    (found,) = of(AlertKind.AVOIDANCE, wife, husband)
    assert (found.people, found.start, found.end) == (("h", "w"), date(2022, 3, 1), None)
    assert found.cite == Citation(DOC, "43") and "both directly under dean" in str(found.detail)
    assert (
        translator("zh-Hans").say(found.detail) == "夫妻关系：h任h1，w任w1：在arts同受dean直接领导"
    )


def test_relatives_in_the_same_unit_without_a_forbidden_link_are_not_a_conflict() -> None:
    sister = person(
        "s", post("s1", "arts", reports_to="dean"), relatives=(("t", Kinship.COLLATERAL),)
    )
    brother = person("t", post("t1", "arts", reports_to="vice-dean"))
    stranger = person("x", post("x1", "arts", reports_to="dean"))
    assert of(AlertKind.AVOIDANCE, sister, brother, stranger) == []


def test_a_relative_who_leads_the_other_directly() -> None:
    father = person("f", post("head", "lib", leading=True), relatives=(("g", Kinship.LINEAL),))
    son = person("g", post("clerk", "science", reports_to="head"))
    (found,) = of(AlertKind.AVOIDANCE, father, son)
    assert "direct leader" in str(found.detail)
    assert "một người là cấp trên trực tiếp của người kia" in translator("vi").say(found.detail)


def test_a_relative_who_supervises_the_other_s_work() -> None:
    """43 para 2: 监督与被监督关系, between close in-laws as between any relatives."""
    auditor = person("a", post("audit", "audit office"), relatives=(("b", Kinship.CLOSE_IN_LAW),))
    audited = person("b", post("head", "finance office", supervised_by="audit"))
    (found,) = of(AlertKind.AVOIDANCE, auditor, audited)
    assert found.people == ("a", "b") and found.cite == Citation(DOC, "43")
    assert "one supervises the other's work" in str(found.detail)
    assert translator("zh-Hans").say(found.detail).startswith("近姻亲关系：")
    stranger = person("c", post("head", "finance office", supervised_by="audit"))
    assert of(AlertKind.AVOIDANCE, auditor, stranger) == []


def test_a_relative_in_finance_work_in_a_unit_the_other_leads() -> None:
    leader = person("l", post("head", "arts", leading=True))
    in_law = person(
        "n",
        post("acct", "arts", rank=None, function=Function.FINANCE),
        relatives=(("l", Kinship.CLOSE_IN_LAW),),
    )
    (found,) = of(AlertKind.AVOIDANCE, leader, in_law)
    assert "finance work in arts" in str(found.detail)
    assert "在对方领导的arts从事财务工作" in translator("zh-Hans").say(found.detail)
    gone = person("n", post("acct", "arts", rank=None, function=Function.FINANCE, end=TODAY))
    assert of(AlertKind.AVOIDANCE, leader, gone) == []  # the relation alone, no post now


@pytest.mark.parametrize(
    ("bar", "end"),
    [
        # 46: the day of the demotion or resignation not counted, the anniversary still
        # barred (Civil Code 201, 202), as the eligibility table reads it
        (Bar(BarKind.DEMOTION, date(2024, 7, 1)), date(2026, 7, 2)),
        (Bar(BarKind.DEMOTION, date(2024, 6, 30)), date(2026, 7, 1)),
        (Bar(BarKind.DEMOTION, date(2024, 6, 29)), None),
        (Bar(BarKind.ACCOUNTABILITY, date(2025, 7, 1)), date(2026, 7, 2)),
        (Bar(BarKind.ACCOUNTABILITY, date(2025, 6, 30)), date(2026, 7, 1)),
        (Bar(BarKind.ACCOUNTABILITY, date(2025, 6, 29)), None),
        (Bar(BarKind.DISCIPLINE, date(2025, 1, 1), TODAY), date(2026, 7, 1)),
        (Bar(BarKind.DISCIPLINE, date(2025, 1, 1), TODAY - timedelta(days=1)), None),
    ],
)
def test_bars_still_running(bar: Bar, end: date | None) -> None:
    found = of(AlertKind.BAR, person("z", bars=(bar,)))
    if end is None:
        assert found == []
        return
    (alert,) = found
    assert (alert.start, alert.end) == (bar.on, end)
    article = "17(6)" if bar.kind is BarKind.DISCIPLINE else "46"
    assert alert.cite == Citation(DOC, article)


def test_a_discipline_bar_needs_its_effect_period() -> None:
    with pytest.raises(ValueError, match="effect_until"):
        alerts(Registry((person("z", bars=(Bar(BarKind.DISCIPLINE, TODAY),)),)), TODAY, RULES)


def test_alerts_come_soonest_first() -> None:
    cadre = person(
        "a",
        post(rank="division_chief", start=date(2016, 7, 20), probation_end=date(2026, 7, 10)),
        bars=(Bar(BarKind.DEMOTION, date(2025, 1, 1)),),
        trainings=(date(2016, 9, 1),),
    )
    kinds = [a.kind for a in alerts(Registry((cadre,)), TODAY, RULES)]
    assert kinds == [AlertKind.PROBATION, AlertKind.ROTATION, AlertKind.BAR]
