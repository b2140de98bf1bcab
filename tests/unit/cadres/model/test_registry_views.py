"""The registry seen by the alerts and by screening: mapping of posts, relatives and bars,
each alert kind reached from entries filed through the registry service, and screening
for the rank above the one held."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from govops.cadres.model.people import Bar, BarKind, Kinship, Position, Relation
from govops.cadres.model.registry import Cadre, RegistryInputError
from govops.cadres.model.registry_views import (
    alert_rules,
    held_rank,
    next_rank,
    people_registry,
    registry_alerts,
    screen_registry,
)
from govops.cadres.service.registry import RegistryService
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator
from tests.fakes import Clock
from tests.unit.cadres.service.test_registry import NOW, MemoryRegistry, MemoryUnitOfWork

TODAY = date(2026, 6, 30)
PACK = load_builtin_pack("cn-cadre-selection")
RULES = alert_rules(PACK, TODAY)


@pytest.fixture
def registry() -> RegistryService:
    store = MemoryRegistry()
    return RegistryService(lambda: MemoryUnitOfWork(store), Clock(NOW), PACK)


def cadre(registry: RegistryService, name: str, *entries: tuple[str, dict[str, Any]]) -> str:
    person = registry.add_person(name, "组织部 王芳").person.id
    for kind, data in (
        ("work_start", {"date": "2005-07-01"}),
        ("education", {"level": "master"}),
        *entries,
    ):
        registry.add_entry(person, kind, data, "组织部")
    return person


def everyone(registry: RegistryService) -> list[Cadre]:
    return [registry.get(p.id) for p in registry.people()]


def post(rank: str, start: str, **more: Any) -> tuple[str, dict[str, Any]]:
    return "position", {"rank": rank, "unit": "教务处", "start": start} | more


def kinds(registry: RegistryService, today: date = TODAY) -> list[tuple[str, list[str]]]:
    lines, _ = registry_alerts(everyone(registry), today, RULES)
    return [(line["kind"], [p["name"] for p in line["people"]]) for line in lines]


def test_posts_relatives_and_bars_are_mapped(registry: RegistryService) -> None:
    spouse = cadre(registry, "李四")
    me = cadre(
        registry,
        "张三",
        post("section_chief", "2020-01-01", post="科长", end="2024-01-01"),
        post("deputy_division", "2024-01-01", probation_end="2025-01-01"),
        ("relative", {"relation": "spouse", "name": "李四", "cadre_id": spouse}),
        ("relative", {"relation": "parent", "name": "张父"}),  # not a cadre: nothing to link
        ("discipline", {"kind": "party", "decided_on": "2025-03-01", "effect_until": "2026-02-28"}),
        ("demotion", {"on": "2023-05-01"}),
    )
    view = people_registry(everyone(registry))
    person = next(p for p in view.registry.people if p.id == me)
    assert person.positions == (
        Position("教务处: 科长", "教务处", "section_chief", date(2020, 1, 1), date(2024, 1, 1)),
        Position(
            "教务处: deputy_division #4",
            "教务处",
            "deputy_division",
            date(2024, 1, 1),
            probation_end=date(2025, 1, 1),
        ),
    )
    assert person.relatives == ((spouse, Kinship.SPOUSE),)
    assert view.registry.relations() == {Relation(*sorted((me, spouse)), Kinship.SPOUSE)}
    assert person.bars == (
        Bar(BarKind.DISCIPLINE, date(2025, 3, 1), date(2026, 2, 28)),
        Bar(BarKind.DEMOTION, date(2023, 5, 1)),
    )
    assert view.issues == ()


def test_relatives_are_linked_by_id_only_and_what_is_not_linked_is_reported(
    registry: RegistryService,
) -> None:
    cadre(registry, "王五")
    me = cadre(
        registry,
        "张三",
        ("relative", {"relation": "other", "name": "赵六"}),
        ("relative", {"relation": "sibling", "name": "王五"}),  # a cadre of that name: no id
        ("relative", {"relation": "sibling", "name": "王七", "cadre_id": "nobody"}),
    )
    view = people_registry(everyone(registry))
    assert [(i.person, i.entry) for i in view.issues] == [(me, 3), (me, 4), (me, 5)]
    assert "names no kinship" in str(view.issues[0].message)
    assert "no cadre_id given: not linked" in str(view.issues[1].message)
    assert "no cadre 'nobody'" in str(view.issues[2].message)
    # Said in the reader's language, the relation named in it too.
    zh, vi = translator("zh-Hans"), translator("vi")
    assert zh.say(view.issues[1].message) == "兄弟姐妹王五：有干部同名，未提供 cadre_id：未关联"
    assert vi.say(view.issues[2].message) == (
        "anh chị em ruột 王七: không có cán bộ 'nobody'; không liên kết"
    )
    assert all(p.relatives == () for p in view.registry.people)


def test_rotation_after_ten_years_in_a_division_level_post(registry: RegistryService) -> None:
    trained = (
        "training",
        {"course": "党校", "completed_on": "2016-01-01", "meets_requirement": True},
    )
    cadre(registry, "张三", post("deputy_division", "2016-07-30", post="副处长"), trained)
    cadre(registry, "李四", post("division_chief", "2016-07-31", post="处长"), trained)
    cadre(registry, "王五", post("section_chief", "2010-01-01", post="科长"))  # not 处级
    assert kinds(registry) == [("rotation", ["张三"])]
    lines, _ = registry_alerts(everyone(registry), TODAY, RULES)
    assert lines[0]["article"] == "wuyi-cadre-regulation-2020 42(2)"
    assert (lines[0]["start"], lines[0]["end"]) == ("2016-07-30", "2026-07-30")


def test_probation_ending_within_thirty_days(registry: RegistryService) -> None:
    cadre(registry, "张三", post("section_chief", "2026-01-01", probation_end="2026-07-30"))
    cadre(registry, "李四", post("section_chief", "2026-01-01", probation_end="2026-07-31"))
    cadre(registry, "王五", post("section_chief", "2025-01-01", probation_end="2026-06-29"))
    assert kinds(registry) == [("probation", ["张三"])]
    lines, _ = registry_alerts(everyone(registry), TODAY, RULES, timedelta(days=31))
    assert [line["people"][0]["name"] for line in lines] == ["张三", "李四"]
    assert lines[0]["article"] == "wuyi-cadre-regulation-2020 35"


def test_bars_still_running(registry: RegistryService) -> None:
    cadre(
        registry,
        "张三",
        (
            "discipline",
            {"kind": "admonition", "decided_on": "2026-01-05", "effect_until": "2026-06-30"},
        ),
    )
    cadre(
        registry,
        "李四",
        (
            "discipline",
            {"kind": "admonition", "decided_on": "2026-01-05", "effect_until": "2026-06-29"},
        ),
    )
    cadre(registry, "王五", ("demotion", {"on": "2024-07-01"}))
    cadre(registry, "赵六", ("demotion", {"on": "2024-06-30"}))  # barred through 2026-06-30
    cadre(registry, "钱七", ("demotion", {"on": "2024-06-29"}))  # two years over (201, 202)
    lines, _ = registry_alerts(everyone(registry), TODAY, RULES)
    found = sorted((line["people"][0]["name"], line["article"], line["end"]) for line in lines)
    assert found == [
        ("张三", "wuyi-cadre-regulation-2020 17(6)", "2026-07-01"),
        ("王五", "wuyi-cadre-regulation-2020 46", "2026-07-02"),
        ("赵六", "wuyi-cadre-regulation-2020 46", "2026-07-01"),
    ]


def avoidances(registry: RegistryService) -> list[dict[str, Any]]:
    lines, _ = registry_alerts(everyone(registry), TODAY, RULES)
    return [line for line in lines if line["kind"] == "avoidance"]


def test_a_spouse_who_is_the_direct_leader_of_the_other_raises_an_avoidance(
    registry: RegistryService,
) -> None:
    chief = cadre(registry, "李四", post("division_chief", "2020-01-01", post="处长"))
    cadre(
        registry,
        "张三",
        post("section_chief", "2021-03-01", post="科长", reports_to=chief),
        ("relative", {"relation": "spouse", "name": "李四", "cadre_id": chief}),
    )
    (line,) = avoidances(registry)
    assert line["article"] == "wuyi-cadre-regulation-2020 43"
    assert sorted(p["name"] for p in line["people"]) == ["张三", "李四"]
    assert "direct leader" in str(line["detail"])
    assert (line["start"], line["end"]) == ("2021-03-01", None)
    # Before the posts were held, there was no conflict.
    assert avoidances_on(registry, date(2019, 12, 31)) == []


def avoidances_on(registry: RegistryService, today: date) -> list[str]:
    lines, _ = registry_alerts(everyone(registry), today, RULES)
    return [str(line["detail"]) for line in lines if line["kind"] == "avoidance"]


def test_two_relatives_under_the_same_leader_raise_an_avoidance(
    registry: RegistryService,
) -> None:
    chief = cadre(registry, "处长甲", post("division_chief", "2020-01-01", post="处长"))
    brother = cadre(
        registry, "王五", post("section_chief", "2020-01-01", post="教学科科长", reports_to=chief)
    )
    cadre(
        registry,
        "王六",
        post("section_chief", "2022-01-01", post="考务科科长", reports_to=chief),
        ("relative", {"relation": "sibling", "name": "王五", "cadre_id": brother}),
    )
    (line,) = avoidances(registry)
    assert line["article"] == "wuyi-cadre-regulation-2020 43"
    assert "both directly under 教务处: 处长" in str(line["detail"])
    assert line["start"] == "2022-01-01"


def test_a_leader_holding_no_post_still_joins_two_relatives_under_them(
    registry: RegistryService,
) -> None:
    chief = registry.add_person("处长甲", "组织部 王芳").person.id  # no post recorded
    brother = cadre(registry, "王五", post("section_chief", "2020-01-01", reports_to=chief))
    cadre(
        registry,
        "王六",
        post("section_chief", "2022-01-01", reports_to=chief),
        ("relative", {"relation": "sibling", "name": "王五", "cadre_id": brother}),
    )
    (line,) = avoidances(registry)
    assert f"both directly under cadre {chief}" in str(line["detail"])


def test_function_work_in_a_unit_the_relative_leads_raises_an_avoidance(
    registry: RegistryService,
) -> None:
    head = cadre(registry, "李四", post("division_chief", "2020-01-01", leads_unit=True))
    cadre(
        registry,
        "张三",
        post("section_chief", "2020-01-01", function="finance"),
        ("relative", {"relation": "spouse", "name": "李四", "cadre_id": head}),
    )
    (line,) = avoidances(registry)
    assert "finance work in 教务处" in str(line["detail"])


def test_relatives_in_one_unit_without_those_relations_raise_none(
    registry: RegistryService,
) -> None:
    """Merely working in the same unit is not forbidden by 43 para 2."""
    other_chief = cadre(registry, "处长乙", post("division_chief", "2020-01-01", post="副处长"))
    chief = cadre(registry, "处长甲", post("division_chief", "2020-01-01", post="处长"))
    spouse = cadre(
        registry,
        "李四",
        post("section_chief", "2020-01-01", post="科长", reports_to=other_chief, leads_unit=True),
    )
    cadre(
        registry,
        "张三",
        post("section_chief", "2020-01-01", post="副科长", reports_to=chief),
        ("relative", {"relation": "spouse", "name": "李四", "cadre_id": spouse}),
    )
    view = people_registry(everyone(registry), TODAY)
    assert len(view.registry.relations()) == 1 and view.issues == ()
    assert avoidances(registry) == []


def test_a_reports_to_naming_no_other_cadre_is_reported(registry: RegistryService) -> None:
    me = cadre(registry, "张三", post("section_chief", "2020-01-01", reports_to="nobody"))
    registry.add_entry(
        me,
        "position",
        {"rank": "section_chief", "unit": "x", "start": "2021-01-01", "reports_to": me},
        "组织部",
    )
    view = people_registry(everyone(registry), TODAY)
    assert [(i.person, i.entry) for i in view.issues] == [(me, 3), (me, 4)]
    assert "reports_to 'nobody'" in str(view.issues[0].message)
    assert all(p.reports_to is None for p in view.registry.people[0].positions)


def test_an_accountability_entry_bars_an_equivalent_post_for_one_year(
    registry: RegistryService,
) -> None:
    cadre(registry, "张三", ("accountability", {"kind": "ordered_to_resign", "on": "2025-07-01"}))
    cadre(registry, "李四", ("accountability", {"kind": "dismissed", "on": "2025-06-29"}))  # over
    view = people_registry(everyone(registry))
    assert view.registry.people[0].bars == (Bar(BarKind.ACCOUNTABILITY, date(2025, 7, 1)),)
    lines, _ = registry_alerts(everyone(registry), TODAY, RULES)
    assert [(line["kind"], line["people"][0]["name"]) for line in lines] == [("bar", "张三")]
    assert lines[0]["article"] == "wuyi-cadre-regulation-2020 46"
    # one year from the day after: 2026-07-01 is still barred (Civil Code 201, 202)
    assert (lines[0]["start"], lines[0]["end"]) == ("2025-07-01", "2026-07-02")
    assert kinds(registry, date(2026, 7, 1)) == [("bar", ["张三"])]
    assert kinds(registry, date(2026, 7, 2)) == []


@pytest.mark.parametrize(
    ("kind", "data", "field"),
    [
        ("position", {"function": "sales"}, "data.function"),
        ("position", {"leads_unit": "yes"}, "data.leads_unit"),
        ("position", {"reports_to": 12}, "data.reports_to"),
        ("position", {"reports_to": " "}, "data.reports_to"),
        ("accountability", {"kind": "resigned", "on": "2025-01-01"}, "data.kind"),
        ("accountability", {"kind": "dismissed"}, "data.on"),
        ("accountability", {"kind": "dismissed", "on": "2027-01-01"}, "data.on"),
    ],
)
def test_bad_avoidance_and_accountability_fields_are_refused(
    registry: RegistryService, kind: str, data: dict[str, Any], field: str
) -> None:
    me = registry.add_person("张三", "组织部 王芳").person.id
    if kind == "position":
        data = {"rank": "section_chief", "unit": "教务处", "start": "2020-01-01"} | data
    with pytest.raises(RegistryInputError) as refused:
        registry.add_entry(me, kind, data, "组织部")
    assert refused.value.field == field
    if field in ("data.function", "data.kind"):
        assert "unknown code" in str(refused.value.message)


def test_the_rank_above_the_one_held() -> None:
    assert [
        next_rank(r) for r in (None, "deputy_section", "deputy_division", "division_chief")
    ] == [
        "deputy_section",
        "section_chief",
        "division_chief",
        None,
    ]


def test_screening_decides_the_rank_above_through_the_service(registry: RegistryService) -> None:
    chief = cadre(registry, "处长甲", post("division_chief", "2020-01-01"))
    staff = cadre(registry, "科员乙", post("section_chief", "2010-01-01", end="2012-01-01"))
    deputy = cadre(registry, "副处丙", post("deputy_division", "2018-01-01", grassroots=True))
    # no work start: undecided, not a crash
    empty = registry.add_person("丁", "组织部 王芳").person.id
    cadres = everyone(registry)
    assert held_rank(registry.get(staff), TODAY) is None
    lines = {line["person"]: line for line in screen_registry(cadres, TODAY, registry.eligibility)}
    assert lines[chief]["verdict"] == "no_rank_above" and lines[chief]["target_rank"] is None
    assert lines[staff]["target_rank"] == "deputy_section"
    single = registry.eligibility(deputy, "division_chief", TODAY)
    assert lines[deputy]["target_rank"] == "division_chief"
    assert (lines[deputy]["verdict"], lines[deputy]["refusals"], lines[deputy]["warnings"]) == (
        single["verdict"],
        single["refusals"],
        single["warnings"],
    )
    assert lines[empty]["verdict"] == "undecided"
    assert lines[empty]["error"]["field"] == "work_start"


def test_close_in_laws_and_a_supervisor_are_recorded_and_raise_an_avoidance(
    registry: RegistryService,
) -> None:
    """43 para 2: 近姻亲 and 监督与被监督关系 are recorded in the registry and avoided."""
    auditor = cadre(
        registry, "审计", post("section_chief", "2020-01-01", unit="审计处", post="科长")
    )
    audited = cadre(
        registry,
        "财务",
        post("section_chief", "2021-01-01", unit="财务处", post="科长", supervised_by=auditor),
        ("relative", {"relation": "parent_in_law", "name": "审计", "cadre_id": auditor}),
    )
    view = people_registry(everyone(registry), TODAY)
    assert view.issues == ()
    assert view.registry.relations() == {
        Relation(min(auditor, audited), max(auditor, audited), Kinship.CLOSE_IN_LAW)
    }
    (found,) = avoidances(registry)
    assert found["article"] == "wuyi-cadre-regulation-2020 43"
    assert "one supervises the other's work" in str(found["detail"])


def test_a_supervised_by_naming_no_other_cadre_is_reported(registry: RegistryService) -> None:
    me = cadre(registry, "张三", post("section_chief", "2020-01-01", supervised_by="nobody"))
    view = people_registry(everyone(registry), TODAY)
    assert [(i.person, i.entry) for i in view.issues] == [(me, 3)]
    assert "supervised_by 'nobody'" in str(view.issues[0].message)


def test_trainings_absences_and_results_reach_the_alerts(registry: RegistryService) -> None:
    cadre(
        registry,
        "张三",
        post("deputy_division", "2025-07-15", post="副处长"),  # trained before: no alert
        ("training", {"course": "党校", "completed_on": "2025-01-01", "meets_requirement": True}),
        ("absence", {"reason": "health", "start": "2025-07-01"}),
        ("assessment", {"year": 2025, "result": "incompetent"}),
    )
    cadre(registry, "李四", post("deputy_division", "2025-07-15", post="副处长"))
    assert sorted(kinds(registry)) == [
        ("absence", ["张三"]),
        ("incompetent", ["张三"]),
        ("training", ["李四"]),
    ]
