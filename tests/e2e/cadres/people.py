"""The people of the cadre tests over HTTP, each known by a bearer token equal to their
user name (tests.identity.TokenAuthenticator), on the demonstration tree, where the
university's organisation department runs cn-cadre-selection; and the access record as a
list, for apps made by create_app (build_app records readings on its database)."""

from __future__ import annotations

from dataclasses import dataclass, field

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
