"""The registry's pure model: entries checked field by field, the fold (corrections
supersede, nothing is lost), and the cadre record assembled as of a date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from govops.cadres.model.adapter import cadre_record
from govops.cadres.model.corrections import check_addition, check_correction
from govops.cadres.model.registry import (
    Entry,
    EntryKind,
    Person,
    RegistryInputError,
    check_entry,
    fold,
)
from govops.cadres.service.record import assemble

TODAY = date(2026, 6, 30)
AT = datetime(2026, 6, 1, tzinfo=UTC)
PERSON = Person("p1", "张三", AT)


def entries(*facts: tuple[str, dict[str, Any]] | tuple[str, dict[str, Any], int]) -> list[Entry]:
    made = []
    for seq, fact in enumerate(facts, start=1):
        kind, data = check_entry(fact[0], fact[1], TODAY)
        supersedes = fact[2] if len(fact) == 3 else None  # type: ignore[misc]
        made.append(Entry("p1", seq, kind, data, "组织部", AT, supersedes))
    return made


BASE: list[tuple[str, dict[str, Any]]] = [
    ("work_start", {"date": "2012-07-01"}),
    ("education", {"level": "bachelor"}),
    ("party", {"joined_on": "2014-06-01", "full_member_on": "2015-06-01"}),
    (
        "position",
        {"rank": "section_chief", "unit": "教务处", "start": "2021-01-01", "grassroots": True},
    ),
    ("assessment", {"year": 2025, "result": "competent"}),
    ("training", {"course": "党校中青班", "completed_on": "2024-05-01", "meets_requirement": True}),
]


def record(*more: Any, rank: str = "deputy_division", as_of: date = TODAY) -> dict[str, Any]:
    cadre = fold(PERSON, entries(*BASE, *more))
    assembled: dict[str, Any] = assemble(cadre, rank, as_of, False, False)
    return assembled


def test_an_entry_is_checked_and_normalised() -> None:
    kind, data = check_entry(
        "position", {"rank": "section_chief", "unit": " 教务处 ", "start": "2021-01-01"}, TODAY
    )
    assert kind is EntryKind.POSITION
    assert data == {
        "rank": "section_chief",
        "unit": "教务处",
        "start": "2021-01-01",
        "grassroots": False,
        "party_post": False,
        "exceptional": False,
        "leads_unit": False,
    }


@pytest.mark.parametrize(
    ("kind", "data", "field"),
    [
        ("promotion", {}, "kind"),
        ("position", [], "data"),
        ("position", {"rank": "chief", "unit": "x", "start": "2021-01-01"}, "data.rank"),
        ("position", {"rank": "section_chief", "start": "2021-01-01"}, "data.unit"),
        ("position", {"rank": "section_chief", "unit": "x", "start": "2021-13-01"}, "data.start"),
        ("position", {"rank": "section_chief", "unit": "x", "start": "2027-01-01"}, "data.start"),
        (
            "position",
            {"rank": "section_chief", "unit": "x", "start": "2021-01-01", "end": "2021-01-01"},
            "data.end",
        ),
        (
            "position",
            {"rank": "section_chief", "unit": "x", "start": "2021-01-01", "boss": 1},
            "data.boss",
        ),
        (
            "position",
            {"rank": "section_chief", "unit": "a\x00", "start": "2021-01-01"},
            "data.unit",
        ),
        ("assessment", {"year": True, "result": "competent"}, "data.year"),
        ("assessment", {"year": 2027, "result": "competent"}, "data.year"),
        ("assessment", {"year": 2025, "result": "good"}, "data.result"),
        (
            "discipline",
            {"kind": "party", "decided_on": "2025-01-01", "effect_until": "2024-12-31"},
            "data.effect_until",
        ),
        ("relative", {"relation": "spouse", "name": "李四", "abroad": "yes"}, "data.abroad"),
        ("establishment", {"on_establishment": False, "personnel_agency": True}, "data.date"),
    ],
)
def test_a_bad_entry_names_its_field(kind: str, data: Any, field: str) -> None:
    with pytest.raises(RegistryInputError) as refused:
        check_entry(kind, data, TODAY)
    assert refused.value.field == field


def test_corrections_supersede_and_everything_is_kept() -> None:
    history = entries(
        ("assessment", {"year": 2025, "result": "competent"}),
        ("assessment", {"year": 2025, "result": "basically_competent"}, 1),
        ("assessment", {"year": 2025, "result": "excellent"}, 2),
        ("relative", {"relation": "spouse", "name": "李四"}),
        ("retraction", {"reason": "录入错误"}, 4),
    )
    cadre = fold(PERSON, history)
    assert [e.seq for e in cadre.current] == [3]
    assert dict(cadre.superseded_by) == {1: 2, 2: 3, 4: 5}
    assert len(cadre.entries) == 5 and cadre.version == 5


def test_what_a_new_entry_or_a_correction_must_not_clash_with() -> None:
    cadre = fold(PERSON, entries(*BASE))
    kind, data = check_entry("work_start", {"date": "2012-08-01"}, TODAY)
    with pytest.raises(RegistryInputError, match="already recorded \\(entry 1\\)"):
        check_addition(cadre, kind, data)
    check_addition(cadre, kind, data, replacing=1)  # the correction of entry 1 is fine
    kind, data = check_entry("assessment", {"year": 2025, "result": "excellent"}, TODAY)
    with pytest.raises(RegistryInputError, match="already assessed") as refused:
        check_addition(cadre, kind, data)
    assert refused.value.field == "data.year"
    with pytest.raises(RegistryInputError, match="is a position"):
        check_correction(cadre, 4, EntryKind.EDUCATION)
    with pytest.raises(LookupError):
        check_correction(cadre, 99, EntryKind.EDUCATION)
    corrected = fold(PERSON, [*cadre.entries, Entry("p1", 7, kind, data, "x", AT, 5)])
    with pytest.raises(RegistryInputError, match="superseded by entry 7"):
        check_correction(corrected, 5, EntryKind.ASSESSMENT)
    assert check_correction(corrected, 7, EntryKind.RETRACTION).seq == 7


def test_the_record_as_of_a_date_is_what_the_adapter_reads() -> None:
    assembled = record()
    assert assembled["record"] == {
        "as_of": "2026-06-30",
        "target_rank": "deputy_division",
        "target_is_party_post": False,
        "work_start": "2012-07-01",
        "education": "bachelor",
        "party_join_date": "2015-06-01",
        "training_completed": True,
        "exceptional": False,
        "positions": [
            {"rank": "section_chief", "start": "2021-01-01", "end": None, "grassroots": True}
        ],
        "previous_promotion_exceptional": False,
        "assessments": [{"year": 2025, "result": "competent"}],
        "disciplinary": [],
        "spouse_or_children_abroad": False,
    }
    assert assembled["sources"] == {
        "work_start": 1,
        "education": 2,
        "party_join_date": 3,
        "positions[0]": 4,
        "assessments[0]": 5,
    }
    assert cadre_record(assembled["record"]).inputs["work_years"] == 13


def test_facts_after_as_of_are_left_out_and_a_post_ending_later_is_held() -> None:
    later = record(
        (
            "position",
            {
                "rank": "deputy_section",
                "unit": "教务处",
                "start": "2016-01-01",
                "end": "2021-01-01",
            },
        ),
        ("discipline", {"kind": "party", "decided_on": "2026-01-10", "effect_until": "2027-01-09"}),
        ("education", {"level": "master", "completed_on": "2026-06-01"}),
        as_of=date(2020, 12, 31),
    )["record"]
    assert later["positions"] == [
        {"rank": "deputy_section", "start": "2016-01-01", "end": None, "grassroots": False}
    ]
    assert later["disciplinary"] == [] and later["education"] == "bachelor"
    assert later["assessments"] == [] and later["training_completed"] is False
    now = record(
        ("discipline", {"kind": "party", "decided_on": "2026-01-10", "effect_until": "2027-01-09"}),
        ("education", {"level": "master", "completed_on": "2026-06-01"}),
    )["record"]
    assert now["disciplinary"] == [{"kind": "party", "effect_until": "2027-01-09"}]
    assert now["education"] == "master"


@pytest.mark.parametrize(
    ("relatives", "abroad"),
    [
        ([("spouse", True)], True),
        ([("spouse", False), ("child", True)], False),
        ([("child", True), ("child", True)], True),
        ([("child", True), ("child", False)], False),
        ([("parent", True)], False),
    ],
)
def test_family_abroad_reads_17_5(relatives: list[tuple[str, bool]], abroad: bool) -> None:
    facts = [
        ("relative", {"relation": r, "name": f"亲属{i}", "abroad": a})
        for i, (r, a) in enumerate(relatives)
    ]
    assert record(*facts)["record"]["spouse_or_children_abroad"] is abroad


def test_a_record_without_its_required_facts_says_which() -> None:
    cadre = fold(PERSON, entries(("education", {"level": "bachelor"})))
    with pytest.raises(RegistryInputError) as refused:
        assemble(cadre, "deputy_division", TODAY, False, False)
    assert refused.value.field == "work_start"
    with pytest.raises(RegistryInputError) as refused:
        record(as_of=date(2010, 1, 1))
    assert refused.value.field == "as_of"
    with pytest.raises(RegistryInputError) as refused:
        record(rank="general")
    assert refused.value.field == "target_rank"
