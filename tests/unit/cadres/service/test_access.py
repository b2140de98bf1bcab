"""Who may see, run, decide and read the dossier of a selection case, over the in-memory
store of test_selection and the demonstration tree (the organisation department of the
university runs cn-cadre-selection): the committee decides (29), the dossier is for the
team and the committee (48(4)) and each reading is recorded, nothing outside one's units
is confirmed."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest

from govops.cadres.model.selection import AccessDeniedError
from govops.cadres.model.steps import Step
from govops.cadres.service import access
from govops.cadres.service.access import NotAllowedError
from govops.cadres.service.registry import RegistryService
from govops.cadres.service.selection import SelectionNotFoundError, SelectionService
from govops.packs import load_builtin_pack
from govops.platform.identity.actor import Actor
from govops.platform.identity.units import Unit, UnitTree
from tests.fakes import Clock
from tests.identity import CATALOGUE, actor
from tests.unit.cadres.service.test_registry import MemoryUnitOfWork as RegistryUnitOfWork
from tests.unit.cadres.service.test_registry import file_cadre
from tests.unit.cadres.service.test_selection import NOW, MemoryStore, decided, selections

OFFICE, UNIVERSITY = "demo-organisation-department", "demo-university"
TEAM_MEMBER = actor("chen", ("selection_team_member", OFFICE), display_name="陈干事")
SECRETARY = actor("wang", ("committee_member", UNIVERSITY), display_name="王书记")
NOT_ON_IT = actor("lu", ("committee_member", UNIVERSITY), display_name="路委员")
STAFF = actor("orgstaff", ("organisation_staff", OFFICE), display_name="组织部 周洁")
VIEWER = actor("viewer", ("viewer", UNIVERSITY))
THANH_HOA = actor("lan", ("committee_member", "38"), display_name="王书记")


@dataclass
class Readings:
    """The access record, as a list."""

    kept: list[tuple[str, str | None, str, str]] = field(default_factory=list)

    def record_reading(self, actor: Actor, unit: str | None, subject: str, what: str) -> None:
        self.kept.append((actor.username, unit, subject, what))


@pytest.fixture
def service() -> SelectionService:
    pack, clock, store = load_builtin_pack("cn-cadre-selection"), Clock(NOW), MemoryStore()
    registry = RegistryService(lambda: RegistryUnitOfWork(store.people), clock, pack)
    file_cadre(registry)  # the candidate, 张三
    return selections(store, clock, registry)


def test_the_cases_belong_to_the_unit_running_the_pack() -> None:
    assert access.office(TEAM_MEMBER.tree) == OFFICE
    alone = UnitTree.of([Unit("u", {"en": "U"}, "university", None)])
    assert access.office(alone) == "u"  # no unit runs it: the one root
    two = UnitTree.of([*alone, Unit("v", {"en": "V"}, "university", None)])
    assert access.office(two) is None  # nobody's
    assert access.acting_unit(SECRETARY, access.SELECTION_READ) == UNIVERSITY
    assert access.acting_unit(THANH_HOA, access.SELECTION_READ) is None
    assert access.scoped(THANH_HOA, access.SELECTION_READ, [1, 2]) == []
    assert access.scoped(VIEWER, access.SELECTION_READ, [1, 2]) == [1, 2]


def test_cases_outside_ones_units_are_not_confirmed(service: SelectionService) -> None:
    case = decided(service)
    assert [c.id for c in access.visible_cases(service, VIEWER)] == [case]
    assert access.visible_cases(service, THANH_HOA) == []
    assert access.visible_case(service, case, VIEWER).id == case
    with pytest.raises(SelectionNotFoundError) as outside:
        access.visible_case(service, case, THANH_HOA)
    with pytest.raises(SelectionNotFoundError) as unknown:
        access.visible_case(service, "nope", VIEWER)
    assert str(outside.value.message).replace(case, "nope") == str(unknown.value.message)


def test_steps_are_signed_by_the_user_at_the_unit_they_act_in(service: SelectionService) -> None:
    case = decided(service)
    assert access.step_signature(service, STAFF, Step.MOTION) == f"orgstaff@{OFFICE}"
    assert access.step_signature(service, STAFF, Step.PUBLIC_NOTICE, case) == f"orgstaff@{OFFICE}"
    with pytest.raises(NotAllowedError, match=r"selection\.run"):
        access.step_signature(service, SECRETARY, Step.PUBLIC_NOTICE, case)
    with pytest.raises(NotAllowedError, match=r"selection\.run"):
        access.step_signature(service, THANH_HOA, Step.MOTION)


def test_the_steps_writing_the_registry_need_its_permission_too(
    service: SelectionService,
) -> None:
    case = decided(service)
    limited = replace(STAFF, permissions_limit=frozenset({"selection.read", "selection.run"}))
    assert access.step_signature(service, limited, Step.PUBLIC_NOTICE, case) == f"orgstaff@{OFFICE}"
    for step in (Step.APPOINTMENT, Step.PROBATION_END):  # they write the post (35, 37)
        with pytest.raises(NotAllowedError, match=r"cadre\.record"):
            access.step_signature(service, limited, step, case)
        assert access.step_signature(service, STAFF, step, case) == f"orgstaff@{OFFICE}"


def test_only_a_member_of_the_committee_records_its_decision(service: SelectionService) -> None:
    case = decided(service)
    signed = access.step_signature(service, SECRETARY, Step.DECISION, case)
    assert signed == f"wang@{UNIVERSITY}"  # named 王书记 on the committee
    with pytest.raises(NotAllowedError, match=r"selection\.decide"):
        access.step_signature(service, STAFF, Step.DECISION, case)
    with pytest.raises(NotAllowedError) as error:
        access.step_signature(service, NOT_ON_IT, Step.DECISION, case)
    assert str(error.value.message) == (
        f"only the committee of case {case} decides (wuyi-cadre-regulation-2020 29); "
        "'路委员' is not a member"
    )
    with pytest.raises(NotAllowedError):  # a committee member elsewhere, of the same name
        access.step_signature(service, THANH_HOA, Step.DECISION, case)


def test_the_dossier_is_for_the_team_and_the_committee_and_each_reading_is_kept(
    service: SelectionService,
) -> None:
    case = decided(service)
    readings = Readings()
    for reader in (TEAM_MEMBER, SECRETARY):
        read = access.read_dossier(service, case, reader, readings)
        assert read.case.id == case and [e.seq for e in read.events] == [1, 2, 3, 4]
        assert read.reader == f"{reader.username}@{OFFICE if reader is TEAM_MEMBER else UNIVERSITY}"
    assert readings.kept == [
        ("chen", OFFICE, case, "dossier"),
        ("wang", UNIVERSITY, case, "dossier"),
    ]
    with pytest.raises(AccessDeniedError) as error:
        access.read_dossier(service, case, NOT_ON_IT, readings)
    assert "(wuyi-cadre-regulation-2020 48(4))" in str(error.value.message)
    with pytest.raises(NotAllowedError, match=r"dossier\.read"):  # sees the case, not this
        access.read_dossier(service, case, VIEWER, readings)
    with pytest.raises(SelectionNotFoundError):
        access.read_dossier(service, case, THANH_HOA, readings)
    assert len(readings.kept) == 2  # refusals read nothing


def test_a_member_is_known_by_user_name_or_by_the_name_shown() -> None:
    by_name = Actor("1", "王书记", "Wang", (), CATALOGUE, TEAM_MEMBER.tree)
    assert access.member_name(by_name, {"王书记"}) == "王书记"
    assert access.member_name(SECRETARY, {"王书记", "wang"}) == "wang"
    assert access.member_name(SECRETARY, {"李校长"}) is None
