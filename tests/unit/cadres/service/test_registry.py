"""The registry use cases over an in-memory store: people, entries, corrections,
concurrent writers, and eligibility decided by the pack cn-cadre-selection."""

from __future__ import annotations

import threading
from datetime import datetime
from types import TracebackType
from typing import Any, Self
from zoneinfo import ZoneInfo

import pytest

from govops.cadres.model.registry import Entry, Person, RegistryInputError
from govops.cadres.ports import RegistryConflictError
from govops.cadres.service.registry import CadreNotFoundError, RegistryService
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator
from tests.fakes import Clock

NOW = datetime(2026, 6, 30, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


class MemoryRegistry:
    """The same contract as the SQL repository: (person, seq) is taken once, commits atomic."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.people: dict[str, Person] = {}
        self.entries: dict[str, list[Entry]] = {}
        self.collide = 0  # the next appends find their seq taken by "another writer"


class MemoryCadres:
    def __init__(self, store: MemoryRegistry, people: list[Person], pending: list[Entry]) -> None:
        self._store, self._people, self._pending = store, people, pending

    def add_person(self, person: Person) -> None:
        self._people.append(person)

    def person(self, person_id: str) -> Person | None:
        return self._store.people.get(person_id)

    def people(self) -> list[Person]:
        return sorted(self._store.people.values(), key=lambda p: (p.name, p.id))

    def append(self, entries: list[Entry]) -> None:
        if self._store.collide:
            self._store.collide -= 1
            raise RegistryConflictError("taken")
        self._pending.extend(entries)

    def entries(self, person_id: str) -> list[Entry]:
        return list(self._store.entries.get(person_id, []))


class MemoryUnitOfWork:
    def __init__(self, store: MemoryRegistry) -> None:
        self._store = store
        self._people: list[Person] = []
        self._pending: list[Entry] = []
        self.cadres = MemoryCadres(store, self._people, self._pending)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._people.clear()
        self._pending.clear()

    def commit(self) -> None:
        with self._store.lock:
            for entry in self._pending:
                if any(e.seq == entry.seq for e in self._store.entries.get(entry.person_id, [])):
                    raise RegistryConflictError(f"{entry.person_id} seq {entry.seq}")
            for person in self._people:
                self._store.people[person.id] = person
            for entry in self._pending:
                self._store.entries.setdefault(entry.person_id, []).append(entry)
            self._people.clear()
            self._pending.clear()


@pytest.fixture
def store() -> MemoryRegistry:
    return MemoryRegistry()


@pytest.fixture
def registry(store: MemoryRegistry) -> RegistryService:
    pack = load_builtin_pack("cn-cadre-selection")
    return RegistryService(lambda: MemoryUnitOfWork(store), Clock(NOW), pack)


def file_cadre(
    registry: RegistryService, *more: tuple[str, dict[str, Any]], name: str = "张三"
) -> str:
    """The README's example cadre (or another of that record, `name`), plus `more` entries."""
    person = registry.add_person(name, "组织部 王芳").person.id
    for kind, data in (
        ("work_start", {"date": "2012-07-01"}),
        ("education", {"level": "bachelor"}),
        ("party", {"joined_on": "2014-06-01", "full_member_on": "2015-06-01"}),
        (
            "position",
            {"rank": "section_chief", "unit": "教务处", "start": "2021-01-01", "grassroots": True},
        ),
        ("assessment", {"year": 2025, "result": "competent"}),
        (
            "training",
            {"course": "党校中青班", "completed_on": "2024-05-01", "meets_requirement": True},
        ),
        *more,
    ):
        registry.add_entry(person, kind, data, "组织部 王芳")
    return person


def test_people_and_their_numbered_entries(registry: RegistryService) -> None:
    person = file_cadre(registry)
    registry.add_person("李四", "组织部 王芳")
    assert [p.name for p in registry.people()] == ["张三", "李四"]
    cadre = registry.get(person)
    assert [e.seq for e in cadre.entries] == [1, 2, 3, 4, 5, 6]
    assert cadre.entries[0].actor == "组织部 王芳" and cadre.entries[0].recorded_at == NOW
    with pytest.raises(CadreNotFoundError):
        registry.get("nobody")
    with pytest.raises(CadreNotFoundError):
        registry.add_entry("nobody", "work_start", {"date": "2012-07-01"}, "x")


def test_refusals_name_the_field(registry: RegistryService) -> None:
    person = file_cadre(registry)
    for call, field in (
        (lambda: registry.add_person("  ", "组织部 王芳"), "name"),
        (lambda: registry.add_entry(person, "work_start", {"date": "2013-01-01"}, "x"), "kind"),
        (lambda: registry.add_entry(person, "education", {"level": "phd"}, "x"), "data.level"),
        (lambda: registry.add_entry(person, "education", {"level": "master"}, ""), "actor"),
        (lambda: registry.correct(person, 4, "education", {"level": "master"}, "x"), "kind"),
    ):
        with pytest.raises(RegistryInputError) as refused:
            call()
        assert refused.value.field == field
    with pytest.raises(CadreNotFoundError, match="no entry 42"):
        registry.correct(person, 42, None, {"level": "master"}, "x")


def test_a_correction_supersedes_and_changes_the_verdict(registry: RegistryService) -> None:
    person = file_cadre(registry)
    before = registry.eligibility(person, "deputy_division", "2026-06-30")
    assert before["verdict"] == "eligible_with_warnings"
    assert [w["id"] for w in before["warnings"]] == ["posts_at_lower_rank", "assessment_missing"]
    assert before["warnings"][0]["cite"] == ["wuyi-cadre-regulation-2020 6(2)"]
    # 17(3): the results of 2023 and 2024 are not recorded: a warning naming them
    assert before["warnings"][1]["cite"] == ["wuyi-cadre-regulation-2020 17(3)"]
    assert before["warnings"][1]["years"] == [2023, 2024]
    corrected = registry.correct(
        person, 5, None, {"year": 2025, "result": "basically_competent"}, "组织部 王芳"
    )
    assert corrected.seq == 7 and corrected.supersedes == 5
    after = registry.eligibility(person, "deputy_division", "2026-06-30")
    assert after["verdict"] == "ineligible"
    assert [r["id"] for r in after["refusals"]] == ["recent_assessment"]
    assert after["sources"]["assessments[0]"] == 7
    cadre = registry.get(person)
    assert len(cadre.entries) == 7 and cadre.superseded_by == {5: 7}  # nothing lost


def test_discipline_in_effect_and_its_end(registry: RegistryService) -> None:
    sanction = {"kind": "party", "decided_on": "2025-07-01", "effect_until": "2026-06-30"}
    person = file_cadre(registry, ("discipline", sanction))
    during = registry.eligibility(person, "deputy_division", "2026-06-30")
    assert "discipline" in [r["id"] for r in during["refusals"]]
    after = registry.eligibility(person, "deputy_division", "2026-07-01")
    assert "discipline" not in [r["id"] for r in after["refusals"]]


def test_a_withdrawn_entry_no_longer_counts(registry: RegistryService) -> None:
    person = file_cadre(
        registry, ("relative", {"relation": "spouse", "name": "李四", "abroad": True})
    )
    assert registry.eligibility(person, "deputy_division", "2026-06-30")["verdict"] == "ineligible"
    registry.correct(person, 7, "retraction", {"reason": "录入错误:非配偶"}, "组织部 王芳")
    answer = registry.eligibility(person, "deputy_division", "2026-06-30")
    assert answer["verdict"] == "eligible_with_warnings"
    assert answer["record"]["spouse_or_children_abroad"] is False


def test_a_record_the_adapter_refuses_points_at_the_entry(registry: RegistryService) -> None:
    person = file_cadre(
        registry,
        (
            "position",
            {"rank": "deputy_section", "unit": "学院", "start": "2020-01-01", "end": "2022-01-01"},
        ),
    )
    with pytest.raises(RegistryInputError) as refused:
        registry.eligibility(person, "deputy_division", "2026-06-30")
    assert refused.value.field == "record.positions[1]"
    assert "(entry 4)" in str(refused.value.message)  # positions are sorted by start
    assert translator("zh-Hans").say(refused.value.message) == (
        "与另一职级的 positions[0] 时间重叠：干部同一时间只能担任一个职级（第4条记录）"
    )
    with pytest.raises(RegistryInputError) as refused:
        registry.eligibility(person, "deputy_division", "2026-02-30")
    assert refused.value.field == "as_of"


def test_a_concurrent_writer_is_read_again_and_the_entry_lands(
    registry: RegistryService, store: MemoryRegistry
) -> None:
    person = file_cadre(registry)
    store.collide = 2
    entry = registry.add_entry(person, "education", {"level": "master"}, "x")
    assert entry.seq == 7
    store.collide = 10
    with pytest.raises(RegistryConflictError, match="try again"):
        registry.add_entry(person, "education", {"level": "doctorate"}, "x")


def test_party_standing_counts_from_full_membership(registry: RegistryService) -> None:
    """party_join_date is the day full membership began (转正); 6(7) counts 党龄 from it."""
    person = registry.add_person("李四", "组织部 王芳").person.id
    for kind, data in (
        ("work_start", {"date": "2012-07-01"}),
        ("education", {"level": "bachelor"}),
        ("party", {"joined_on": "2022-07-01"}),  # admitted: a probationary member
        ("position", {"rank": "section_chief", "unit": "教务处", "start": "2020-01-01"}),
    ):
        registry.add_entry(person, kind, data, "组织部 王芳")
    with pytest.raises(RegistryInputError) as refused:
        registry.eligibility(person, "deputy_division", "2026-06-30", is_party_post=True)
    assert refused.value.field == "full_member_on"
    assert (
        registry.record_for(person, "deputy_division", "2026-06-30")["record"]["party_join_date"]
        is None
    )
    full = {"joined_on": "2022-07-01", "full_member_on": "2023-07-01"}
    registry.correct(person, 3, None, full, "组织部 王芳")
    answer = registry.eligibility(person, "deputy_division", "2026-06-30", is_party_post=True)
    assert answer["record"]["party_join_date"] == "2023-07-01"
    assert "party_years" in [r["id"] for r in answer["refusals"]]  # 2 years from 转正, not 3
    assert answer["sources"]["party_join_date"] == 5
    later = registry.eligibility(person, "deputy_division", "2026-07-01", is_party_post=True)
    assert "party_years" not in [r["id"] for r in later["refusals"]]


def test_the_previous_promotion_is_the_one_into_the_rank_held(registry: RegistryService) -> None:
    """7: a later move at the same rank is no promotion; the flag is the promotion's."""
    first = {"rank": "section_chief", "unit": "教务处", "start": "2020-01-01", "exceptional": True}
    moved = {"rank": "section_chief", "unit": "学生处", "start": "2023-01-01"}
    person = file_cadre(registry, ("position", first | {"end": "2021-01-01"}), ("position", moved))
    record = registry.record_for(person, "deputy_division", "2026-06-30")["record"]
    assert record["previous_promotion_exceptional"] is True
