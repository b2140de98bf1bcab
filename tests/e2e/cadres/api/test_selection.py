"""/api/v1/selections: a case from motion to probation end over HTTP, on an SQLite file in
tmp_path; every guard refused as a 422 problem naming the guard, its article and the
figures; the dossier for the team and the committee only. The client is the organisation
department's staff (`orgstaff`) and asks for English (Accept-Language), but where a test
says otherwise; the committee's decision is recorded by one of its members (`wang`, 王书记);
the refusals in every language last. Who may do what: test_access."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govops.bootstrap import build_cadre_registry, build_selections
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.platform.storage.database import make_engine, migrate
from govops.server import create_app
from tests.e2e.cadres.people import OFFICE, UNIVERSITY, Readings, authenticator, enrol
from tests.e2e.incidents.api.conftest import problem_fields
from tests.e2e.paging import assert_walks_whole
from tests.fakes import Clock
from tests.identity import bearer
from tests.selection_findings import CONCENTRATED, FINDINGS_JSON

API = "/api/v1/selections"
DOC = "wuyi-cadre-regulation-2020"
COMMITTEE = [
    "王书记",
    "李校长",
    "赵副书记",
    "钱副校长",
    "孙副校长",
    "周委员",
    "吴委员",
    "郑委员",
    "冯委员",
]
MOTION = {
    "candidate": "张三",
    "post": "教务处副处长",
    "committee": COMMITTEE,
    "team": ["陈干事", "林干事"],
    "relations": [{"a": "周委员", "b": "张三", "kind": "spouse"}],
    "at": "2025-09-01T09:00:00+08:00",
}
RECOMMENDATION = {"expected": 120, "attended": 100, "interviewed": 25}
INVESTIGATION = {
    "investigators": ["陈干事", "林干事"],
    "consulted": 22,
    "findings": FINDINGS_JSON,
    "concentrated": CONCENTRATED,
}
VOTES = dict.fromkeys(["王书记", "李校长", "赵副书记", "钱副校长", "吴委员"], "for") | {
    "孙副校长": "against",
    "郑委员": "defer",
    "周委员": "for",  # the candidate's spouse: withdraws, not counted
}
STEPS: list[tuple[str, dict[str, Any], str]] = [
    ("recommendation", RECOMMENDATION, "2025-09-05T15:00:00+08:00"),
    ("investigation", INVESTIGATION, "2025-09-15T10:00:00+08:00"),
    ("decision", {"votes": VOTES}, "2025-10-09T09:00:00+08:00"),
    ("public_notice", {}, "2025-10-10T09:00:00+08:00"),
    ("appointment", {"unit": "教务处"}, "2025-10-17T09:00:00+08:00"),
    ("probation_end", {"outcome": "confirmed"}, "2026-10-09T09:00:00+08:00"),
]


@pytest.fixture
def client(
    service: IncidentService, pack: Pack, clock: Clock, tmp_path: Path
) -> Iterator[TestClient]:
    clock.now = clock.now.replace(year=2026, month=11, day=20)
    engine = make_engine(f"sqlite:///{tmp_path / 'govops.db'}")
    migrate(engine)
    app = create_app(service, pack, clock=clock, authenticator=authenticator())
    app.state.selections = build_selections(engine, clock)
    app.state.cadres = build_cadre_registry(engine, clock)
    enrol(engine, clock)  # the candidate, 张三, in the registry
    app.state.reading_log = Readings()
    with TestClient(app, headers={"Accept-Language": "en"} | bearer("orgstaff")) as client:
        yield client
    engine.dispose()


def opened(client: TestClient, **changes: Any) -> str:
    answer = client.post(API, json=MOTION | changes)
    assert answer.status_code == 201, answer.text
    case: str = answer.json()["id"]
    assert answer.headers["Location"].endswith(f"{API}/{case}")
    return case


def step(client: TestClient, case: str, name: str, body: dict[str, Any], at: str) -> Any:
    """The step as its person does it: the decision by a member of the committee."""
    who = bearer("wang" if name == "decision" else "orgstaff")
    return client.post(f"{API}/{case}/{name}", json=body | {"at": at}, headers=who)


def until(client: TestClient, done: str, **changes: Any) -> str:
    """A case with every step up to and including `done`."""
    case = opened(client, **changes)
    for name, body, at in STEPS:
        answer = step(client, case, name, body, at)
        assert answer.status_code == 201, answer.text
        if name == done:
            return case
    return case


def refused(answer: Any, step_name: str, guard: str, article: str, *figures: str) -> None:
    assert problem_fields(answer).keys() == {guard}
    document = answer.json()
    assert document["code"] == "step-refused"
    assert (document["step"], document["guard"], document["article"]) == (
        step_name,
        guard,
        article,
    )
    assert document["cite"] == f"{DOC} {article}"
    for figure in figures:
        assert figure in document["detail"] and figure in document["errors"][0]["message"]


def test_a_case_from_motion_to_probation_end(client: TestClient) -> None:
    case = opened(client)
    for name, body, at in STEPS:
        answer = step(client, case, name, body, at)
        assert answer.status_code == 201, answer.text
        assert answer.json()["step"] == name and answer.json()["at"] == at
        signed = f"wang@{UNIVERSITY}" if name == "decision" else f"orgstaff@{OFFICE}"
        assert answer.json()["actor"] == signed
        assert answer.json()["recorded_at"] == "2026-11-20T10:00:00+08:00"  # the clock's
    shown = client.get(f"{API}/{case}").json()
    assert shown | {"committee": None, "eligibility": None} == {
        "id": case,
        "candidate": "张三",
        "post": "教务处副处长",
        "committee": None,
        "team": ["林干事", "陈干事"],
        "step": "probation_end",
        "next": None,
        "version": 7,
        "eligibility": None,  # orgstaff is on neither the team nor the committee
        "exceptional": None,  # not an exceptional promotion (7)
    }
    assert "events" not in shown
    listed = client.get(API).json()
    assert listed["count"] == 1 and listed["selections"][0]["id"] == case
    dossier = client.get(f"{API}/{case}/dossier", headers=bearer("wang"))
    assert dossier.status_code == 200, dossier.text
    events = dossier.json()["events"]
    assert dossier.json()["reader"] == f"wang@{UNIVERSITY}"
    assert [e["seq"] for e in events] == list(range(1, 8))
    assert events[0]["actor"] == f"orgstaff@{OFFICE}"
    assert events[3]["data"]["recused"] == ["周委员"] and events[3]["data"]["in_favour"] == 5
    assert events[4]["data"] == {"start": "2025-10-10", "end": "2025-10-16", "provisional": False}
    assert events[5]["data"]["probation_end"] == "2026-10-09"
    assert events[2]["data"]["findings"]["written_report"] == "考察材料〔2025〕7号"
    written = events[5]["data"]["registry"]  # the post, in the candidate's registry record
    cadre = client.get(f"/api/v1/cadres/{written['person']}", headers=bearer("orgstaff")).json()
    post = next(e for e in cadre["facts"]["position"] if e["seq"] == written["seq"])
    assert (post["kind"], post["data"]["unit"], post["data"]["start"]) == (
        "position",
        "教务处",
        "2025-10-09",
    )
    assert post["data"]["probation_end"] == "2026-10-09"


@pytest.mark.parametrize(
    ("done", "name", "body", "at", "refusal"),
    [
        ("motion", "recommendation", RECOMMENDATION | {"attended": 95},
         "2025-09-05T15:00:00+08:00", ("attendance", "13", ("95 of 120", "96 (at least 4/5"))),
        ("motion", "recommendation", RECOMMENDATION | {"interviewed": 19},
         "2025-09-05T15:00:00+08:00", ("interviewed", "13(1)", ("19", "at least 20"))),
        ("recommendation", "investigation", INVESTIGATION | {"investigators": ["陈干事", "周委员"]},
         "2025-09-15T10:00:00+08:00", ("investigators", "22(3)", ("1 withdrawn under 44",))),
        ("recommendation", "investigation",
         INVESTIGATION | {"findings": FINDINGS_JSON | {"written_report": ""}},
         "2025-09-15T10:00:00+08:00", ("findings", "25", ("written investigation material",))),
        ("recommendation", "investigation", INVESTIGATION | {"concentrated": ""},
         "2025-09-15T10:00:00+08:00", ("subjects", "18", ("1 investigation subject for 1 post",))),
        ("recommendation", "investigation", INVESTIGATION | {"consulted": 19},
         "2025-09-15T10:00:00+08:00", ("consulted", "23", ("19 consulted", "at least 20"))),
        ("investigation", "decision", {"votes": dict.fromkeys(COMMITTEE[:6], "for")},
         "2025-10-09T09:00:00+08:00", ("quorum", "30", ("5 of 9", "6 (at least 2/3 of 9)"))),
        ("investigation", "decision", {"votes": VOTES},
         "2026-09-06T09:00:00+08:00", ("recommendation validity", "11", ("through Sep 5, 2026",))),
        ("public_notice", "appointment", {"unit": "教务处"},
         "2025-10-16T09:00:00+08:00", ("public notice", "34", ("runs through Oct 16, 2025",))),
        ("public_notice", "appointment", {"unit": "教务处", "objection_upheld": True},
         "2025-10-17T09:00:00+08:00", ("notice result", "34", ("bars it",))),
        ("appointment", "probation_end", {"outcome": "confirmed"},
         "2026-10-08T09:00:00+08:00", ("probation", "35", ("until Oct 9, 2026",))),
        ("appointment", "probation_end", {"outcome": "ended_early"},
         "2026-01-08T09:00:00+08:00", ("reason", "35", ("none given",))),
        ("motion", "decision", {"votes": VOTES},
         "2025-10-09T09:00:00+08:00", ("order", "29", ("next is recommendation",))),
        ("recommendation", "investigation", INVESTIGATION,
         "2025-09-04T10:00:00+08:00", ("chronology", "19", ("before the last step",))),
    ],
)  # fmt: skip
def test_each_guard_is_refused_with_its_article_and_figures(
    client: TestClient,
    done: str,
    name: str,
    body: dict[str, Any],
    at: str,
    refusal: tuple[str, str, tuple[str, ...]],
) -> None:
    guard, article, figures = refusal
    case = opened(client) if done == "motion" else until(client, done)
    before = client.get(f"{API}/{case}").json()
    refused(step(client, case, name, body, at), name, guard, article, *figures)
    assert client.get(f"{API}/{case}").json() == before  # nothing recorded


def test_a_motion_without_committee_or_team_is_refused(client: TestClient) -> None:
    answer = client.post(API, json=MOTION | {"committee": []})
    refused(answer, "motion", "committee", "30", "no member named")
    answer = client.post(API, json=MOTION | {"team": []})
    refused(answer, "motion", "selection team", "9", "no member named")
    assert client.get(API).json()["count"] == 0


def test_bad_requests_are_problems(client: TestClient) -> None:
    case = opened(client)
    assert client.get(f"{API}/nope").status_code == 404
    assert client.post(f"{API}/nope/public_notice", json={}).json()["code"] == "not-found"
    fields = problem_fields(
        step(client, case, "recommendation", {"expected": -1, "atended": 1}, "x")
    )
    assert set(fields) == {"expected", "atended", "attended", "interviewed", "at"}
    assert fields["atended"].startswith("is not a field of this request")
    naive = step(client, case, "public_notice", {}, "2025-10-10T09:00:00")
    assert "UTC offset" in problem_fields(naive)["at"]
    ahead = step(client, case, "public_notice", {}, "2026-12-01T09:00:00+08:00")
    assert "ahead of the clock" in problem_fields(ahead)["at"]
    motion = client.post(f"{API}/{case}/motion", json={})
    assert problem_fields(motion) == {"step": "the motion opens a case: POST /selections"}
    assert client.post(f"{API}/{case}/nonsense", json={}).status_code == 422
    # Who did it is the signed-in user: a name in the body is refused, not taken.
    named = client.post(f"{API}/{case}/recommendation", json=RECOMMENDATION | {"actor": "王书记"})
    assert problem_fields(named)["actor"].startswith("is not a field of this request")
    assert "actor" in problem_fields(client.post(API, json=MOTION | {"actor": "组织部"}))
    for name, body, at in STEPS[:2]:
        assert step(client, case, name, body, at).status_code == 201
    outsider = step(
        client, case, "decision", {"votes": {"路人": "for"}}, "2025-10-09T09:00:00+08:00"
    )
    assert problem_fields(outsider) == {"votes": "not on the committee: ['路人']"}
    bad_vote = step(
        client, case, "decision", {"votes": {"王书记": "maybe"}}, "2025-10-09T09:00:00+08:00"
    )
    assert "votes.王书记" in problem_fields(bad_vote)
    bare = step(client, case, "investigation", {"investigators": ["陈干事"], "consulted": 22}, "x")
    assert "findings" in problem_fields(bare)
    appointment = step(client, until(client, "public_notice"), "appointment", {}, "x")
    assert "unit" in problem_fields(appointment)  # the registry needs the post's unit


def test_the_routes_are_in_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {API, f"{API}/{{case_id}}", f"{API}/{{case_id}}/dossier"} <= set(paths)
    record = paths[f"{API}/{{case_id}}/{{step}}"]["post"]
    assert "probation_end" in record["description"] and "`votes`" in record["description"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "zh-Hans",
            (
                "“讨论决定”环节不予办理",
                "到会人数",
                "全体成员9人，到会且未回避5人",
                "至少需要6人（不少于9人的2/3）",
            ),
        ),
        ("zh-Hant", ("“討論決定”環節不予辦理", "到會人數", "全體成員9人，到會且未迴避5人")),
        (
            "vi",
            ("không thực hiện được bước “quyết định”", "số thành viên có mặt", "5/9 thành viên"),
        ),
        ("en", ("decision refused: quorum", "5 of 9 members present")),
    ],
)
def test_a_refusal_is_said_in_the_readers_language_with_its_article(
    client: TestClient, lang: str, words: tuple[str, ...]
) -> None:
    case = until(client, "investigation")
    votes = {"votes": dict.fromkeys(COMMITTEE[:6], "for"), "at": "2025-10-09T09:00:00+08:00"}
    answer = client.post(f"{API}/{case}/decision?lang={lang}", json=votes, headers=bearer("wang"))
    document = answer.json()
    # The codes and the article are the same in every language ...
    assert (answer.status_code, document["code"], document["step"], document["guard"]) == (
        422,
        "step-refused",
        "decision",
        "quorum",
    )
    assert document["cite"] == f"{DOC} 30" and f"{DOC} 30" in document["detail"]
    assert [e["field"] for e in document["errors"]] == ["quorum"]
    # ... the words are the reader's.
    for word in words:
        assert word in document["detail"], document["detail"]
    assert words[-1] in document["errors"][0]["message"]


def test_a_field_refused_is_said_in_the_language_accepted(client: TestClient) -> None:
    case = opened(client)
    body = {"expected": 10, "attended": 1, "interviewed": 1, "at": "2026-12-01T09:00:00+08:00"}
    answer = client.post(
        f"{API}/{case}/recommendation",
        json=body,
        headers={"Accept-Language": "vi-VN,vi;q=0.9"},
    )
    assert answer.status_code == 422
    assert problem_fields(answer)["at"] == (
        "1 thg 12, 2026 09:00 muộn hơn thời điểm hiện tại (20 thg 11, 2026 10:00)"
    )
    missing = client.get(f"{API}/nope?lang=zh-Hans").json()
    assert (missing["code"], missing["detail"]) == ("not-found", "没有选拔事项 'nope'")


def test_a_candidate_not_in_the_registry_is_refused(client: TestClient) -> None:
    answer = client.post(API, json=MOTION | {"candidate": "李四"})
    refused(answer, "motion", "registry", "6", "李四 is not in the cadre registry")
    assert client.get(API).json()["count"] == 0


def test_the_committee_sees_the_screening_with_its_articles(client: TestClient) -> None:
    case = until(client, "decision")
    mine = client.get(f"{API}/{case}", headers=bearer("wang")).json()["eligibility"]
    assert mine["as_of"] == "2025-10-09" and mine["rank"] == "deputy_division"
    assert mine["verdict"] == "eligible_with_warnings"
    cited = {w["id"]: w["cite"] for w in mine["warnings"]}
    assert cited["posts_at_lower_rank"] == [f"{DOC} 6(2)"]
    assert client.get(f"{API}/{case}", headers=bearer("viewer")).json()["eligibility"] is None
    dossier = client.get(f"{API}/{case}/dossier", headers=bearer("wang")).json()
    assert dossier["events"][0]["data"]["eligibility"]["as_of"] == "2025-09-01"


def test_a_vote_not_carried_is_recorded_then_reconsidered_or_the_case_closed(
    client: TestClient,
) -> None:
    case = until(client, "investigation")
    lost = VOTES | {"吴委员": "against"}
    answer = step(client, case, "decision", {"votes": lost}, "2025-10-09T09:00:00+08:00")
    assert answer.status_code == 201, answer.text
    assert answer.json()["step"] == "decision_refused"
    assert answer.json()["data"]["in_favour"] == 4 and answer.json()["data"]["article"] == "31(3)"
    shown = client.get(f"{API}/{case}").json()
    assert (shown["step"], shown["next"]) == ("decision_refused", "reconsideration")
    again = step(client, case, "decision", {"votes": VOTES}, "2025-10-10T09:00:00+08:00")
    refused(again, "decision", "order", "29", "next is reconsideration")
    few = {"consents": COMMITTEE[:4], "reason": "新情况"}
    answer = client.post(f"{API}/{case}/reconsideration", json=few, headers=bearer("wang"))
    refused(answer, "reconsideration", "consent", "30", "4 of 9 members consent")
    staff = client.post(f"{API}/{case}/reconsideration", json=few | {"consents": COMMITTEE[:5]})
    assert staff.status_code == 403  # the committee's own (29, 30)
    closed = client.post(
        f"{API}/{case}/closed", json={"outcome": "not_appointed", "reason": "未获通过"}
    )
    assert closed.status_code == 201 and closed.json()["step"] == "closed"
    assert client.get(f"{API}/{case}").json()["next"] is None
    refused(step(client, case, "public_notice", {}, "2025-10-11T09:00:00+08:00"),
            "public_notice", "order", "34", "none (the case is closed)")  # fmt: skip
    recorded = client.post(f"{API}/{case}/decision_refused", json={})
    assert "decision" in problem_fields(recorded)["step"]


def test_a_decision_is_postponed_and_taken_later(client: TestClient) -> None:
    case = until(client, "investigation")
    body = {"votes": VOTES, "postpone": "意见分歧较大"}
    answer = step(client, case, "decision", body, "2025-10-09T09:00:00+08:00")
    assert answer.status_code == 201 and answer.json()["step"] == "decision_postponed"
    assert answer.json()["data"]["reason"] == "意见分歧较大"
    later = step(client, case, "decision", {"votes": VOTES}, "2025-10-16T09:00:00+08:00")
    assert later.status_code == 201 and later.json()["step"] == "decision"


EXCEPTIONAL = {"exceptional": True, "exceptional_reasons": "重大专项工作急需 (7 para 3)"}
CONSENT = {"department": "中共福建省委组织部", "reference": "闽委组〔2025〕12号"}


def test_an_exceptional_promotion_waits_for_the_superior_consent(client: TestClient) -> None:
    case = opened(client, **EXCEPTIONAL)
    for name, body, at in STEPS[:2]:
        assert step(client, case, name, body, at).status_code == 201
    name, body, at = STEPS[2]
    refused(step(client, case, name, body, at), "decision", "superior consent", "29", "29 para 2")
    shown = client.get(f"{API}/{case}").json()["exceptional"]
    reasons = EXCEPTIONAL["exceptional_reasons"]
    assert shown == {"reasons": reasons, "consent_required": True, "consent": None}
    given = step(client, case, "superior_consent", CONSENT, "2025-10-08T10:00:00+08:00")
    assert given.status_code == 201, given.text
    event = given.json()
    assert event["actor"].startswith("orgstaff@") and event["recorded_at"]
    assert event["data"] == CONSENT
    decision = step(client, case, name, body, at).json()
    assert decision["data"]["exceptional"]["reasons"] == EXCEPTIONAL["exceptional_reasons"]
    notice = step(client, case, *STEPS[3]).json()
    assert notice["data"]["exceptional"] == {"reasons": EXCEPTIONAL["exceptional_reasons"]}
    consent = client.get(f"{API}/{case}").json()["exceptional"]["consent"]
    assert consent["reference"] == CONSENT["reference"] and consent["seq"] == 4


def test_a_step_below_an_as_a_rule_threshold_records_its_departure(client: TestClient) -> None:
    case = opened(client)
    low = RECOMMENDATION | {"attended": 95}
    refused(step(client, case, "recommendation", low, STEPS[0][2]), "recommendation",
            "attendance", "13", "95 of 120 attended")  # fmt: skip
    departure = {"reason": "寒假期间部分教职工离校", "approved_by": "组织部部长 刘强"}
    answer = step(client, case, "recommendation", low | {"departure": departure}, STEPS[0][2])
    assert answer.status_code == 201, answer.text
    recorded = answer.json()["data"]["departure"]
    assert recorded == departure | {"from": [{"guard": "attendance", "article": "13"}]}
    bad = step(client, case, "investigation", INVESTIGATION | {"departure": {"reason": "x"}},
               STEPS[1][2])  # fmt: skip
    assert bad.status_code == 422 and "departure.approved_by" in bad.text


def test_the_cases_are_walked_page_by_page_the_latest_motion_first(client: TestClient) -> None:
    days = ["2025-09-01", "2025-09-03", "2025-09-02", "2025-09-03"]
    cases = [opened(client, at=f"{day}T09:00:00+08:00") for day in days]
    listed = assert_walks_whole(client, API, "selections")
    assert len(listed) == len(cases)
    assert [c["id"] for c in listed][2:] == [cases[2], cases[0]]  # the two of 09-03 first
    assert {c["id"] for c in listed[:2]} == {cases[1], cases[3]}
    assert assert_walks_whole(client, API, "selections", limit=3) == listed
