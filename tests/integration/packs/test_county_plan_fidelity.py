"""cn-county-mass-incident says what the plan says and no more: the health bureau's medical
rescue is every case's (3.1.3 sets no condition); where the plan names no one to act
(6.1.2(3)'s last paragraph, 6.1.4(1)) the checklist names no one; 8.1(2) and 8.1(4) are
quoted whole."""

from __future__ import annotations

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
