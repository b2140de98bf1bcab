"""Who sees an incident and where they act on it: the unit found from the township named,
read at that unit, or read as routed to one's department."""

from __future__ import annotations

from dataclasses import replace

from govops.incidents.model.incident import Incident
from govops.incidents.service import access
from govops.platform.identity.actor import Actor
from govops.platform.identity.units import Unit, UnitTree
from tests.identity import CATALOGUE, TREE, actor
from tests.unit.incidents.service.test_incident import intake, service

PACK = "cn-county-mass-incident"


def _incident(township: str, causes: tuple[str, ...] = ("land",)) -> Incident:
    return service().report(replace(intake(), township=township, causes=causes), "甲")


def test_the_unit_is_the_township_named_below_the_county_else_the_county() -> None:
    assert access.home_unit(TREE, PACK) == "demo-county"
    assert access.incident_unit(TREE, "城关镇", PACK) == "chengguan"
    assert access.incident_unit(TREE, " Qingshi ", PACK) == "qingshi"  # its English name
    assert access.incident_unit(TREE, "开通镇", PACK) == "demo-county"  # not a unit
    assert access.incident_unit(TREE, "示范大学", PACK) == "demo-county"  # not below it


def test_reading_at_the_unit_or_as_routed_to_the_department() -> None:
    chengguan, hekou = _incident("城关镇"), _incident("河口乡", causes=("demolition_and_arrears",))
    officer = actor("li", ("duty_officer", "chengguan"))
    assert access.sees(officer, chengguan, PACK) and not access.sees(officer, hekou, PACK)
    land = actor("land", ("department_liaison", "land_resources"))
    assert access.visible(land, [chengguan, hekou], PACK) == [chengguan]
    building = actor("building", ("department_liaison", "construction"))
    assert access.visible(building, [chengguan, hekou], PACK) == [hekou]
    stranger = actor("cadres", ("organisation_staff", "demo-university"))
    assert access.visible(stranger, [chengguan, hekou], PACK) == []


def test_acting_is_at_the_nearest_grant_holding_the_permission() -> None:
    both = actor("wang", ("viewer", "demo-county"), ("duty_officer", "chengguan"))
    assert access.acting_unit(both, access.REPORT, "chengguan") == "chengguan"
    assert access.acting_unit(both, access.READ, "qingshi") == "demo-county"
    assert access.acting_unit(both, access.REPORT, "qingshi") is None
    assert access.acting_unit(both, access.CLOSE, "chengguan") is None


def test_without_a_unit_running_the_pack_only_the_single_root_reaches_the_record() -> None:
    tree = UnitTree.of([Unit("county", {"zh-Hans": "某县"}, "county")])
    head = Actor("h", "h", "h", (), CATALOGUE, tree)
    assert access.incident_unit(tree, "城关镇", PACK) is None
    assert access.acting_unit(head, access.READ, None) is None  # holds nothing
    granted = replace(head, grants=(*head.grants, *actor("h", ("viewer", "county")).grants))
    assert access.acting_unit(granted, access.READ, None) == "county"
