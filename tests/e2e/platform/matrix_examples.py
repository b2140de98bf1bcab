"""The examples of the permission matrix (test_access_matrix): for each route of the
application, how to call it (path, body, the record it touches, made by the tester in
`World`), the unit of that record and one whose grants do not reach it, and what one
holding the permission only there is answered. A route added to the application is added
here."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient

from govops.platform.identity.actor import Actor
from tests.e2e.cadres.api.test_selection import MOTION
from tests.e2e.cadres.people import CANDIDATE_ENTRIES
from tests.e2e.incidents.api.conftest import report
from tests.e2e.pages import GOOD_REPORT
from tests.e2e.warnings.warning_demo import OTHER_STREET, STREET
from tests.identity import CATALOGUE, EVERYTHING, actor, everything

API = "/api/v1"
TOWNSHIP, OTHER_TOWNSHIP = "chengguan", "qingshi"
DEPARTMENT, OTHER_DEPARTMENT = "land_resources", "education"  # a land dispute is routed to
OFFICE, THANH_HOA, XICHENG = "demo-organisation-department", "38", "110102"
SRB = "vn-thanhhoa-srb-2016"
COMMUNITY = "demo-community"  # under STREET
FACTS = {"kind": "facts", "data": {"households": 1000, "occupancy": "90", "as_of": "2026-07-01"}}
ROLES = tuple(CATALOGUE.roles)
AFTER_ACTION = {"loss_assessment": "无", "causes": "补偿", "lessons": "公开", "rectification": "x"}
# What a write answers in scope: the API its success (200, 201 or 204: each route its own),
# a form the redirect to the page it changed.
WRITTEN, SUBMITTED = frozenset({200, 201, 204}), frozenset({303})


def member(role: str, unit: str) -> str:
    """The user name of the matrix's actor holding `role` at `unit` (also its token)."""
    return f"{role}@{unit}"


class RoleAtUnit(Mapping[str, Actor]):
    """Actors known by a token `role@unit`: that role granted at that unit; and the tester."""

    def __getitem__(self, token: str) -> Actor:
        if token == EVERYTHING:
            return everything()
        role, _, unit = token.partition("@")
        if role not in CATALOGUE.roles or not unit:
            raise KeyError(token)
        return actor(token, (role, unit))

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


class World:
    """The records the examples touch, made by the tester (every role everywhere)."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.incident = self.new_incident()
        self.person = self._created(f"{API}/cadres", {"name": "李四"})  # not the candidate
        # What an eligibility needs, and a probation ending within the alerts' horizon
        # (the clock is 2026-07-21), so that the alerts list the person.
        post = {"rank": "section_chief", "unit": "教务处", "start": "2025-08-01"}
        for kind, data in (
            ("work_start", {"date": "2013-01-01"}),
            ("education", {"level": "master"}),
            ("position", post | {"probation_end": "2026-08-01"}),
        ):
            entry = {"kind": kind, "data": data}
            assert self.client.post(f"{API}/cadres/{self.person}/entries", json=entry).is_success
        self.candidate = self._candidate()  # eligible: a case may be opened for them
        self.case = self.new_case()
        self.subscription = self.new_subscription()
        published = self._get(f"{API}/warnings/publications")["publications"]
        self.alert = published[0]["identifier"]
        # A residents' committee in the community, which the composition checks judge.
        committee = {"id": "rc", "kind": "committee", "name": "居委会", "formed": "2024-01-01"}
        event = {"kind": "organisation", "data": committee}
        assert self.client.post(f"{API}/communities/{COMMUNITY}/events", json=event).is_success
        self.elections = 0
        self.election = self.new_election()  # opened: its reads answer 200

    def new_election(self) -> str:
        """An election of the community's committee, opened (its first step)."""
        self.elections += 1
        election = f"e{self.elections}"
        path = f"{API}/communities/{COMMUNITY}/elections/{election}/steps/election_committee"
        assert self.client.post(path, json=ELECTION_OPENED).is_success
        return election

    def _candidate(self) -> str:
        """The selection tests' candidate, 张三, filed in the registry (MOTION names them)."""
        person = self._created(f"{API}/cadres", {"name": "张三"})
        for kind, data in CANDIDATE_ENTRIES:
            entry = {"kind": kind, "data": data}
            assert self.client.post(f"{API}/cadres/{person}/entries", json=entry).is_success
        return person

    def _get(self, path: str) -> Any:
        answer = self.client.get(path)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def _created(self, path: str, body: Any) -> str:
        answer = self.client.post(path, json=body)
        assert answer.status_code == 201, answer.text
        found: str = answer.json()["id"]
        return found

    def new_incident(self) -> str:
        """A land dispute in 城关镇 (routed to the land resources bureau), of level I: its
        reports have deadlines."""
        body = report(causes=["land"], participants="约5500", injured=6)
        body["seriously_affects_stability"] = True  # 4.1(1)'s qualifier
        return self._created(f"{API}/incidents", body)

    def first_action(self, incident: str) -> str:
        return str(self._get(f"{API}/incidents/{incident}")["actions"][0]["id"])

    def first_deadline(self, incident: str) -> str:
        return str(self._get(f"{API}/incidents/{incident}")["deadlines"][0]["id"])

    def new_case(self) -> str:
        """A motion whose team and committee count the matrix's members of the office."""
        team = [*MOTION["team"], member("selection_team_member", OFFICE)]
        committee = [*MOTION["committee"], member("committee_member", OFFICE)]
        return self._created(f"{API}/selections", MOTION | {"team": team, "committee": committee})

    def new_entry(self) -> int:
        """An education entry of the person's, to correct."""
        body = {"kind": "education", "data": {"level": "bachelor"}}
        answer = self.client.post(f"{API}/cadres/{self.person}/entries", json=body)
        assert answer.status_code == 201, answer.text
        return int(answer.json()["seq"])

    def new_subscription(self) -> str:
        """A subscription of the district (the tester subscribes at Xicheng, a root)."""
        return self._created(f"{API}/warnings/subscriptions", {"url": "https://d.example/"})


Path_ = str | Callable[[World], str]


@dataclass(frozen=True)
class Example:
    """How the matrix calls one route: `path` (or a function making a fresh record and
    giving its path); `inside`, the unit of what it touches, `outside` one whose grants do
    not reach it (None: the route touches no unit's records, and answers the same); what
    one holding the permission only outside gets (`beyond`; for a list, 200 without
    `hidden` in it); `needs`, the permissions this call needs (default: the rule's)."""

    path: Path_
    inside: str = TOWNSHIP
    outside: str | None = OTHER_TOWNSHIP
    json: Any = None
    form: Mapping[str, Any] | None = None
    params: Mapping[str, str] = field(default_factory=dict)
    needs: tuple[str, ...] = ()
    beyond: int = 404
    hidden: Callable[[World], str] | None = None
    admitted: frozenset[int] = frozenset({200})
    # Where a role's grants reach the record other than by unit (a department liaison:
    # the incident is routed to the department): (inside, outside) for that role.
    placed: Mapping[str, tuple[str, str]] = field(default_factory=dict)


def _incident(world: World) -> str:
    return world.incident


def _fresh_action(world: World) -> str:
    incident = world.new_incident()
    return f"{incident}/actions/{world.first_action(incident)}"


def _fresh_deadline(world: World) -> str:
    incident = world.new_incident()
    return f"{incident}/deadlines/{world.first_deadline(incident)}"


LIAISON = {"department_liaison": (DEPARTMENT, OTHER_DEPARTMENT)}
LIST = {"beyond": 200}
CADRE = {"inside": OFFICE, "outside": THANH_HOA}
STREETS = {"inside": STREET, "outside": OTHER_STREET}
# An election of the community's committee opened (on a day the pack has its rules for).
ELECTION_OPENED = {"organisation": "rc", "seats": 5, "day": "2025-06-15", "members": ["a1"]}
SUBSCRIPTIONS = {"inside": XICHENG, "outside": OTHER_STREET}
UNSCOPED = {"outside": None}


def _examples() -> dict[tuple[str, str], Example]:
    i = API + "/incidents"
    w = API + "/warnings"
    c, s = API + "/cadres", API + "/selections"
    m = API + "/communities"
    r = API + "/registers"
    written, submitted = {"admitted": WRITTEN}, {"admitted": SUBMITTED}
    return {
        ("GET", "/health"): Example("/health", **UNSCOPED),
        ("GET", "/ready"): Example("/ready", **UNSCOPED),
        ("GET", "/metrics"): Example("/metrics", **UNSCOPED),
        ("GET", f"{API}/openapi.json"): Example(f"{API}/openapi.json", **UNSCOPED),
        ("GET", f"{API}/me"): Example(f"{API}/me", **UNSCOPED),
        ("GET", f"{API}/units"): Example(f"{API}/units", **UNSCOPED),
        # incidents: the unit of the township reported; a liaison's, the departments routed to
        ("POST", i): Example(i, json=report(), beyond=403, **written),
        ("GET", i): Example(i, placed=LIAISON, hidden=_incident, **LIST),
        ("GET", i + "/{incident_id}"): Example(lambda w_: f"{i}/{w_.incident}", placed=LIAISON),
        ("GET", i + "/{incident_id}/report.docx"): Example(
            lambda w_: f"{i}/{w_.incident}/report.docx", placed=LIAISON
        ),
        ("POST", i + "/{incident_id}/follow-ups"): Example(
            lambda w_: f"{i}/{w_.incident}/follow-ups", json={"note": "x"}, **written
        ),
        ("POST", i + "/{incident_id}/close"): Example(
            lambda w_: f"{i}/{w_.new_incident()}/close", json=AFTER_ACTION, **written
        ),
        ("POST", i + "/{incident_id}/actions/{action_id}/done"): Example(
            lambda w_: f"{i}/{_fresh_action(w_)}/done", **written
        ),
        ("POST", i + "/{incident_id}/deadlines/{deadline_id}/met"): Example(
            lambda w_: f"{i}/{_fresh_deadline(w_)}/met", **written
        ),
        ("GET", "/incidents"): Example("/incidents", placed=LIAISON, hidden=_incident, **LIST),
        ("GET", "/incidents/new"): Example("/incidents/new", **UNSCOPED),
        ("POST", "/incidents"): Example("/incidents", form=GOOD_REPORT, beyond=403, **submitted),
        ("GET", "/incidents/{incident_id}"): Example(
            lambda w_: f"/incidents/{w_.incident}", placed=LIAISON
        ),
        ("POST", "/incidents/{incident_id}/follow-ups"): Example(
            lambda w_: f"/incidents/{w_.incident}/follow-ups", form={"note": "x"}, **submitted
        ),
        ("POST", "/incidents/{incident_id}/close"): Example(
            lambda w_: f"/incidents/{w_.new_incident()}/close", form=AFTER_ACTION, **submitted
        ),
        ("POST", "/incidents/{incident_id}/actions/{action_id}"): Example(
            lambda w_: f"/incidents/{_fresh_action(w_)}", **submitted
        ),
        ("POST", "/incidents/{incident_id}/deadlines/{deadline_id}"): Example(
            lambda w_: f"/incidents/{_fresh_deadline(w_)}", **submitted
        ),
        # cadres and selection cases: the organisation department running the pack
        ("POST", c): Example(c, json={"name": "李四"}, beyond=403, **CADRE, **written),
        ("GET", c): Example(c, hidden=lambda w_: w_.person, **CADRE, **LIST),
        ("GET", c + "/{person_id}"): Example(lambda w_: f"{c}/{w_.person}", **CADRE),
        ("GET", c + "/{person_id}/eligibility"): Example(
            lambda w_: f"{c}/{w_.person}/eligibility",
            params={"target_rank": "deputy_division"},
            **CADRE,
        ),
        ("POST", c + "/{person_id}/entries"): Example(
            lambda w_: f"{c}/{w_.person}/entries",
            json={"kind": "education", "data": {"level": "master"}},
            beyond=403,
            **CADRE,
            **written,
        ),
        ("POST", c + "/{person_id}/entries/{seq}/corrections"): Example(
            lambda w_: f"{c}/{w_.person}/entries/{w_.new_entry()}/corrections",
            json={"data": {"level": "master"}},
            beyond=403,
            **CADRE,
            **written,
        ),
        ("GET", API + "/cadre-reports/alerts"): Example(
            API + "/cadre-reports/alerts", hidden=lambda w_: w_.person, **CADRE, **LIST
        ),
        ("GET", API + "/cadre-reports/screening"): Example(
            API + "/cadre-reports/screening",
            params={"target_rank": "deputy_division"},
            hidden=lambda w_: w_.person,
            **CADRE,
            **LIST,
        ),
        ("POST", s): Example(s, json=MOTION, beyond=403, **CADRE, **written),
        ("GET", s): Example(s, hidden=lambda w_: w_.case, **CADRE, **LIST),
        ("GET", s + "/{case_id}"): Example(lambda w_: f"{s}/{w_.case}", **CADRE),
        ("GET", s + "/{case_id}/dossier"): Example(lambda w_: f"{s}/{w_.case}/dossier", **CADRE),
        ("POST", s + "/{case_id}/{step}"): Example(
            lambda w_: f"{s}/{w_.new_case()}/recommendation",
            json={"expected": 120, "attended": 100, "interviewed": 25},
            needs=("selection.run",),  # the recommendation; the decision is selection.decide
            beyond=403,
            **CADRE,
            **written,
        ),
        ("GET", "/cadres"): Example("/cadres", hidden=lambda w_: w_.person, **CADRE, **LIST),
        ("GET", "/cadres/{person_id}"): Example(lambda w_: f"/cadres/{w_.person}", **CADRE),
        ("GET", "/selections"): Example("/selections", hidden=lambda w_: w_.case, **CADRE, **LIST),
        ("GET", "/selections/{case_id}"): Example(lambda w_: f"/selections/{w_.case}", **CADRE),
        ("GET", "/selections/{case_id}/dossier"): Example(
            lambda w_: f"/selections/{w_.case}/dossier", **CADRE
        ),
        # warnings: the areas read; subscriptions and deliveries belong to the district
        ("GET", w): Example(w, hidden=lambda w_: f'"{STREET}"', **STREETS, **LIST),
        ("GET", w + "/history"): Example(w + "/history", params={"area": STREET}, **STREETS),
        ("GET", w + "/series"): Example(w + "/series", params={"area": STREET}, **STREETS),
        ("GET", w + "/publications"): Example(w + "/publications", **STREETS, **LIST),
        ("GET", w + "/report"): Example(w + "/report", **STREETS, **LIST),
        ("GET", w + "/alerts/{identifier}.xml"): Example(
            lambda w_: f"{w}/alerts/{w_.alert}.xml", **UNSCOPED
        ),
        ("GET", w + "/subscriptions"): Example(
            w + "/subscriptions", hidden=lambda w_: w_.subscription, **SUBSCRIPTIONS, **LIST
        ),
        ("POST", w + "/subscriptions"): Example(
            w + "/subscriptions",
            json={"url": "https://d.example/"},
            inside=XICHENG,
            outside=TOWNSHIP,  # the county's office head subscribes, but reads no area
            beyond=403,
            **written,
        ),
        ("GET", w + "/subscriptions/{subscription_id}"): Example(
            lambda w_: f"{w}/subscriptions/{w_.subscription}", **SUBSCRIPTIONS
        ),
        ("POST", w + "/subscriptions/{subscription_id}/secret"): Example(
            lambda w_: f"{w}/subscriptions/{w_.subscription}/secret", **SUBSCRIPTIONS, **written
        ),
        ("DELETE", w + "/subscriptions/{subscription_id}"): Example(
            lambda w_: f"{w}/subscriptions/{w_.new_subscription()}", **SUBSCRIPTIONS, **written
        ),
        ("GET", w + "/deliveries"): Example(w + "/deliveries", **SUBSCRIPTIONS, **LIST),
        ("POST", w + "/deliveries/run"): Example(
            w + "/deliveries/run", beyond=403, **SUBSCRIPTIONS, **written
        ),
        ("GET", "/warnings"): Example("/warnings", **STREETS, **LIST),
        ("GET", "/warnings/report"): Example("/warnings/report", **STREETS, **LIST),
        ("GET", "/warnings/areas/{code}"): Example(f"/warnings/areas/{STREET}", **STREETS),
        # communities: the unit of the community, under its street
        ("GET", m): Example(m, hidden=lambda w_: COMMUNITY, **STREETS, **LIST),
        ("GET", m + "/composition"): Example(
            m + "/composition", hidden=lambda w_: COMMUNITY, **STREETS, **LIST
        ),
        ("GET", m + "/{code}"): Example(f"{m}/{COMMUNITY}", **STREETS),
        ("GET", m + "/{code}/events"): Example(f"{m}/{COMMUNITY}/events", **STREETS),
        ("POST", m + "/{code}/events"): Example(
            f"{m}/{COMMUNITY}/events", json=FACTS, **STREETS, **written
        ),
        ("POST", m + "/{code}/members/import"): Example(
            f"{m}/{COMMUNITY}/members/import",
            form={"encoding": "utf-8"},
            # The matrix sends no file: past the access checks (made before the upload is
            # checked), the upload missing is refused.
            admitted=frozenset({422}),
            **STREETS,
        ),
        ("GET", m + "/{code}/elections"): Example(f"{m}/{COMMUNITY}/elections", **STREETS),
        ("GET", m + "/{code}/elections/{election}"): Example(
            lambda w_: f"{m}/{COMMUNITY}/elections/{w_.election}", **STREETS
        ),
        ("GET", m + "/{code}/elections/{election}/audit"): Example(
            lambda w_: f"{m}/{COMMUNITY}/elections/{w_.election}/audit", **STREETS
        ),
        ("GET", m + "/{code}/elections/{election}/voted"): Example(
            lambda w_: f"{m}/{COMMUNITY}/elections/{w_.election}/voted", **STREETS
        ),
        # Each call opens a new election (a step recorded twice is refused).
        ("POST", m + "/{code}/elections/{election}/steps/{step}"): Example(
            lambda w_: f"{m}/{COMMUNITY}/elections/n{w_.new_election()}/steps/election_committee",
            json=ELECTION_OPENED,
            **STREETS,
            **written,
        ),
        ("POST", m + "/{code}/elections/{election}/voters"): Example(
            lambda w_: f"{m}/{COMMUNITY}/elections/{w_.election}/voters",
            form={"encoding": "utf-8"},
            admitted=frozenset({422}),  # no file sent: refused past the access checks
            **STREETS,
        ),
        # The committee's term (five years from 2024) ends within 120 months: an alert.
        ("GET", m + "/alerts"): Example(
            m + "/alerts",
            params={"within": "120"},
            hidden=lambda w_: COMMUNITY,
            **STREETS,
            **LIST,
        ),
        ("GET", m + "/{code}/alerts"): Example(f"{m}/{COMMUNITY}/alerts", **STREETS),
        ("GET", m + "/{code}/composition"): Example(f"{m}/{COMMUNITY}/composition", **STREETS),
        ("GET", m + "/{code}/organisations/{organisation}/composition"): Example(
            f"{m}/{COMMUNITY}/organisations/rc/composition", **STREETS
        ),
        ("GET", "/communities"): Example(
            "/communities", hidden=lambda w_: COMMUNITY, **STREETS, **LIST
        ),
        ("GET", "/communities/{code}"): Example(f"/communities/{COMMUNITY}", **STREETS),
        ("GET", "/communities/{code}/elections/{election}"): Example(
            lambda w_: f"/communities/{COMMUNITY}/elections/{w_.election}", **STREETS
        ),
        ("GET", "/communities/{code}/elections/{election}/audit.json"): Example(
            lambda w_: f"/communities/{COMMUNITY}/elections/{w_.election}/audit.json", **STREETS
        ),
        ("GET", "/communities/{code}/elections/{election}/voted.csv"): Example(
            lambda w_: f"/communities/{COMMUNITY}/elections/{w_.election}/voted.csv", **STREETS
        ),
        # The form names its election: the first call in scope opens it (303, to its page),
        # the later ones are refused as already open (422); past the access checks either way.
        ("POST", "/communities/{code}/elections"): Example(
            f"/communities/{COMMUNITY}/elections",
            form={"election": "form1", "organisation": "rc", "seats": "5"}
            | {"day": "2025-06-15", "members": "a1"},
            admitted=frozenset({303, 422}),
            **STREETS,
        ),
        # Each call opens a new election (then back to its page: 303).
        ("POST", "/communities/{code}/elections/{election}/steps/{step}"): Example(
            lambda w_: (
                f"/communities/{COMMUNITY}/elections/p{w_.new_election()}/steps/election_committee"
            ),
            form={"organisation": "rc", "seats": "5", "day": "2025-06-15", "members": "a1"},
            **STREETS,
            **submitted,
        ),
        # registers: the unit whose registers they are (a street, under the district)
        ("GET", r): Example(r, hidden=lambda w_: STREET, **STREETS, **LIST),
        ("GET", r + "/{unit}/board"): Example(f"{r}/{STREET}/board", **STREETS),
        ("GET", r + "/{unit}/evaluation.docx"): Example(f"{r}/{STREET}/evaluation.docx", **STREETS),
        ("GET", r + "/{unit}/records/{kind}"): Example(f"{r}/{STREET}/records/hazard", **STREETS),
        ("POST", r + "/{unit}/records/{kind}/import"): Example(
            f"{r}/{STREET}/records/hazard/import",
            form={"encoding": "utf-8"},
            admitted=frozenset({422}),  # no file sent: refused past the access checks
            **STREETS,
        ),
        ("GET", "/registers"): Example("/registers", hidden=lambda w_: STREET, **STREETS, **LIST),
        ("GET", "/registers/{unit}"): Example(f"/registers/{STREET}", **STREETS),
        ("GET", "/registers/{unit}/records/{name}"): Example(
            f"/registers/{STREET}/records/hazard.csv", **STREETS
        ),
        # No file sent: past the access checks, the board again with why (422).
        ("POST", "/registers/{unit}/records"): Example(
            f"/registers/{STREET}/records",
            form={"kind": "hazard"},
            admitted=frozenset({422}),
            **STREETS,
        ),
        # programmes: the unit running the plan's pack
        ("GET", "/programmes"): Example(
            "/programmes", inside=THANH_HOA, outside=XICHENG, hidden=lambda w_: SRB, **LIST
        ),
        ("GET", "/programmes/{pack_id}"): Example(
            f"/programmes/{SRB}", inside=THANH_HOA, outside=XICHENG
        ),
        ("GET", "/programmes/{pack_id}/budget"): Example(
            f"/programmes/{SRB}/budget", inside=THANH_HOA, outside=XICHENG
        ),
        # the shell, log-in and static files
        ("GET", "/"): Example("/", **UNSCOPED),
        ("GET", "/login"): Example("/login", **UNSCOPED),
        ("POST", "/login"): Example(
            "/login",
            form={"username": "nobody", "password": "wrong"},
            admitted=frozenset({401, 429}),  # the log-in page again; throttled after a few
            **UNSCOPED,
        ),
        ("POST", "/logout"): Example("/logout", **UNSCOPED, **submitted),
        ("GET", "/static/{name}"): Example("/static/style.css", **UNSCOPED),
        ("GET", "/static/common.css"): Example("/static/common.css", **UNSCOPED),
        ("GET", "/programmes/static/programme.css"): Example(
            "/programmes/static/programme.css", **UNSCOPED
        ),
        ("GET", "/cadres/static/cadres.css"): Example("/cadres/static/cadres.css", **UNSCOPED),
        ("GET", "/communities/static/communities.css"): Example(
            "/communities/static/communities.css", **UNSCOPED
        ),
        ("GET", "/registers/static/registers.css"): Example(
            "/registers/static/registers.css", **UNSCOPED
        ),
        ("GET", "/warnings/static/warnings.css"): Example(
            "/warnings/static/warnings.css", **UNSCOPED
        ),
    }


EXAMPLES = _examples()
