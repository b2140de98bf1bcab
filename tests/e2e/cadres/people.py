"""The people of the cadre tests over HTTP, each known by a bearer token equal to their
user name (tests.identity.TokenAuthenticator), on the demonstration tree, where the
university's organisation department runs cn-cadre-selection; and the access record as a
list, for apps made by create_app (build_app records readings on its database)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine

from govops.bootstrap import build_cadre_registry
from govops.cadres.service.registry import RegistryService
from govops.platform.identity.actor import Actor
from tests.identity import TokenAuthenticator, actor, everything

OFFICE, UNIVERSITY, THANH_HOA = "demo-organisation-department", "demo-university", "38"
PEOPLE = {
    person.username: person
    for person in (
        everything(),
        actor("orgstaff", ("organisation_staff", OFFICE), display_name="组织部 周洁"),
        actor("chen", ("selection_team_member", OFFICE), display_name="陈干事"),
        actor("wang", ("committee_member", UNIVERSITY), display_name="王书记"),
        actor("feng", ("committee_member", UNIVERSITY), display_name="冯委员"),
        actor("lu", ("committee_member", UNIVERSITY), display_name="路委员"),
        actor("viewer", ("viewer", UNIVERSITY), display_name="只读 冯涛"),
        # Thanh Hóa: the same roles, one named as a member of the committee, elsewhere.
        actor("lan", ("committee_member", THANH_HOA), display_name="王书记"),
        actor("thanh", ("organisation_staff", THANH_HOA), display_name="Nguyễn Văn Thanh"),
    )
}


def authenticator() -> TokenAuthenticator:
    return TokenAuthenticator(PEOPLE)


@dataclass
class Readings:
    """The access record, as a list of (user, unit, subject, what)."""

    kept: list[tuple[str, str | None, str, str]] = field(default_factory=list)

    def record_reading(self, actor: Actor, unit: str | None, subject: str, what: str) -> None:
        self.kept.append((actor.username, unit, subject, what))


# The candidate of the selection tests in the registry: a section chief since 2021,
# eligible (with points to justify) for a deputy division post in 2025.
CANDIDATE_ENTRIES: tuple[tuple[str, dict[str, object]], ...] = (
    ("work_start", {"date": "2012-07-01"}),
    ("education", {"level": "bachelor"}),
    ("party", {"joined_on": "2015-06-01"}),
    ("position", {"rank": "section_chief", "unit": "教务处", "start": "2021-01-01",
                  "grassroots": True}),
    ("assessment", {"year": 2023, "result": "competent"}),
    ("assessment", {"year": 2024, "result": "competent"}),
    ("training", {"course": "党校中青班", "completed_on": "2024-05-01",
                  "meets_requirement": True}),
)  # fmt: skip


def enrol(engine: Engine, clock: Callable[[], datetime], name: str = "张三") -> str:
    """File the selection tests' candidate in the registry on `engine`; their id."""
    return enrolled(build_cadre_registry(engine, clock), name)


def enrolled(registry: RegistryService, name: str = "张三") -> str:
    """File the selection tests' candidate in `registry` (an app's `state.cadres`)."""
    person = registry.add_person(name, f"orgstaff@{OFFICE}").person.id
    for kind, data in CANDIDATE_ENTRIES:
        registry.add_entry(person, kind, data, f"orgstaff@{OFFICE}")
    return person
