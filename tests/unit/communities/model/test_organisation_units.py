"""A community's committees and resident groups as units of the organisation tree."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from govops.communities.model.organisation_units import (
    organisation_units,
    recorded_by,
    unit_code,
    wanted_units,
)
from govops.communities.model.registry import Event, EventKind, RegistryInputError
from govops.communities.model.registry_fold import fold
from govops.communities.model.registry_references import check_event
from govops.platform.identity.units import Unit

AT = datetime(2026, 6, 30, 1, 0, tzinfo=UTC)


def event(seq: int, data: dict[str, Any], actor: str) -> Event:
    return Event("c1", seq, EventKind.ORGANISATION, data, actor, AT)


COMMITTEE = {"id": "jw", "kind": "committee", "name": "甲社區居委會", "formed": "2021-07-01"}
GROUP = {"id": "g1", "kind": "resident_group", "name": "1號樓居民小組", "formed": "2021-07-01"}
COUNCIL = {"id": "yw", "kind": "council", "name": "議事會", "formed": "2021-07-01"}


def test_committees_and_resident_groups_are_units_under_the_community_no_other_body() -> None:
    events = [
        event(1, COMMITTEE, "wang@s1"),
        event(2, COUNCIL, "wang@s1"),
        event(3, GROUP, "li@c1"),
    ]
    community = fold("c1", events)
    assert organisation_units(community, "zh-Hant") == [
        Unit("c1.jw", {"zh-Hant": "甲社區居委會"}, "committee", "c1"),
        Unit("c1.g1", {"zh-Hant": "1號樓居民小組"}, "resident_group", "c1"),
    ]
    assert recorded_by(community) == {"c1.jw": "wang@s1", "c1.yw": "wang@s1", "c1.g1": "li@c1"}


def test_the_units_asked_for_are_named_before_the_changes_are_checked() -> None:
    changes = [
        ("organisation", COMMITTEE),
        ("organisation", COUNCIL),
        ("member", {"id": "m1"}),
        ("organisation", {"id": 7, "kind": "committee"}),  # refused later, by its checks
    ]
    assert wanted_units("c1", changes) == [Unit("c1.jw", {}, "committee", "c1")]


def test_an_id_too_long_for_the_units_code_is_refused_for_a_committee_only() -> None:
    long_id = "x" * (64 - len(unit_code("c1", "")) + 1)
    community = fold("c1", [])
    with pytest.raises(RegistryInputError) as caught:
        check_event("organisation", {**COMMITTEE, "id": long_id}, community, date(2026, 6, 30))
    assert caught.value.field == "data.id" and "longer than 64 characters" in str(
        caught.value.message
    )
    found, _ = check_event("organisation", {**COUNCIL, "id": long_id}, community, date(2026, 6, 30))
    assert found.value == "organisation"
    _, checked = check_event(
        "organisation", {**GROUP, "id": long_id[:-1]}, community, date(2026, 6, 30)
    )
    assert len(unit_code("c1", checked["id"])) == 64


def test_an_organisation_recorded_before_keeps_its_long_id() -> None:
    long_id = "x" * 64
    community = fold("c1", [event(1, {**COMMITTEE, "id": long_id}, "wang@s1")])
    _, checked = check_event(
        "organisation", {**COMMITTEE, "id": long_id, "name": "改名"}, community, date(2026, 6, 30)
    )
    assert checked["name"] == "改名"
