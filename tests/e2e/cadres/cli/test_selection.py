"""`govops selections`: a case from motion to probation end from the command line, on a
temporary SQLite database named by GOVOPS_DATABASE_URL, each command in a child process
as a user would run it (the README's run), in a shell whose locale is English (LANG);
--lang chooses another language. The commands act as local users made by the operator's
commands (tests.e2e.cadres.local_users): the organisation department's staff runs the
case, a member of the committee (王书记) records its decision."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select

from govops.accounts.storage.tables import access_events
from tests.e2e.cadres.local_users import OFFICE, UNIVERSITY, govops
from tests.e2e.cadres.people import enrol
from tests.selection_findings import CONCENTRATED, FINDINGS_JSON

DOC = "wuyi-cadre-regulation-2020"
MOTION = {
    "candidate": "张三",
    "post": "教务处副处长",
    "committee": [
        "王书记",
        "李校长",
        "赵副书记",
        "钱副校长",
        "孙副校长",
        "周委员",
        "吴委员",
        "郑委员",
        "冯委员",
    ],
    "team": ["陈干事", "林干事"],
    "plan": "教务处副处长一名",
    "relations": [{"a": "周委员", "b": "张三", "kind": "spouse"}],
    "at": "2025-09-01T09:00:00+08:00",
}
VOTES = dict.fromkeys(["王书记", "李校长", "赵副书记", "钱副校长", "周委员", "吴委员"], "for")
STEPS: list[tuple[str, str, dict[str, Any]]] = [
    ("recommendation", "orgstaff", {"expected": 120, "attended": 100, "interviewed": 25,
                                  "at": "2025-09-05T15:00:00+08:00"}),
    ("investigation", "orgstaff", {"investigators": ["陈干事", "林干事"], "consulted": 22,
                                 "findings": FINDINGS_JSON, "concentrated": CONCENTRATED,
                                 "at": "2025-09-15T10:00:00+08:00"}),
    ("decision", "wang", {"votes": VOTES | {"孙副校长": "against", "郑委员": "defer"},
                            "at": "2025-10-09T09:00:00+08:00"}),
    ("public_notice", "orgstaff", {"at": "2025-10-10T09:00:00+08:00"}),
    ("appointment", "orgstaff", {"unit": "教务处", "at": "2025-10-17T09:00:00+08:00"}),
    ("probation_end", "orgstaff", {"outcome": "confirmed", "at": "2026-10-09T09:00:00+08:00"}),
]  # fmt: skip


@pytest.fixture
def selections(database: Path) -> Any:
    engine = create_engine(f"sqlite:///{database}")
    enrol(engine, lambda: datetime.now(UTC))  # the candidate, 张三, in the registry
    engine.dispose()

    def run(*args: str, user: str = "orgstaff") -> subprocess.CompletedProcess[str]:
        return govops(database, "selections", *args, "--as", user, lang="en_US.UTF-8")

    return run


def signed(user: str) -> str:
    return f"{user}@{UNIVERSITY if user == 'wang' else OFFICE}"


def ok(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_case_from_motion_to_probation_end(selections: Any) -> None:
    case = ok(selections("open", "--json", json.dumps(MOTION)))
    assert (case["step"], case["next"], case["version"]) == ("motion", "recommendation", 1)
    early = selections("step", case["id"], "appointment", "--json", '{"unit": "教务处"}')
    assert early.returncode == 3 and early.stdout == ""
    assert "order (wuyi-cadre-regulation-2020 34): the case is at motion" in early.stderr
    for name, actor, body in STEPS:
        if name == "appointment":  # on the last day of the notice: refused, then the next day
            during = body | {"at": "2025-10-16T09:00:00+08:00"}
            refused = selections("step", case["id"], name, "--json", json.dumps(during))
            assert refused.returncode == 3 and refused.stderr == (
                "govops: appointment refused: public notice (wuyi-cadre-regulation-2020 34): "
                "the notice from Oct 10, 2025 runs through Oct 16, 2025, not over on "
                "Oct 16, 2025\n"
            )
        event = ok(selections("step", case["id"], name, "--json", json.dumps(body), user=actor))
        assert (event["step"], event["actor"], event["at"]) == (name, signed(actor), body["at"])
        assert event["recorded_at"] > body["at"]  # the server's time, kept beside
    shown = ok(selections("show", case["id"]))
    assert (shown["step"], shown["next"], shown["version"]) == ("probation_end", None, 7)
    assert "events" not in shown and shown["eligibility"] is None  # orgstaff: not on the case
    screened = ok(selections("show", case["id"], user="wang"))["eligibility"]  # the committee's
    assert screened["as_of"] == "2025-10-09" and screened["verdict"] == "eligible_with_warnings"
    assert {"id": "posts_at_lower_rank", "cite": [f"{DOC} 6(2)"]} in [
        {"id": w["id"], "cite": w["cite"]} for w in screened["warnings"]
    ]
    listed = selections("list")
    assert listed.stdout == f"{case['id']}\tprobation_end\t张三\t教务处副处长\n"
    dossier = ok(selections("dossier", case["id"], user="feng"))
    assert dossier["reader"] == f"feng@{UNIVERSITY}"
    events = dossier["events"]
    assert [e["step"] for e in events][-1] == "probation_end" and len(events) == 7
    assert events[3]["data"]["recused"] == ["周委员"] and events[3]["data"]["in_favour"] == 5
    assert events[4]["data"]["end"] == "2025-10-16"  # 11 October 2025 was a working day
    denied = selections("dossier", case["id"], user="lu")
    assert denied.returncode == 4 and denied.stdout == ""
    assert "for its selection team and committee only" in denied.stderr


def test_refusals_and_bad_input_are_reported_without_a_traceback(selections: Any) -> None:
    case = ok(selections("open", "--json", json.dumps(MOTION)))["id"]
    low = STEPS[0][2] | {"attended": 95}
    refused = selections("step", case, "recommendation", "--json", json.dumps(low))
    assert refused.returncode == 3
    assert refused.stderr == (
        "govops: recommendation refused: attendance (wuyi-cadre-regulation-2020 13): "
        "95 of 120 attended; 96 (at least 4/5 of 120) needed\n"
    )
    for args, message in [
        (("step", case, "recommendation", "--json", '{"expected": 1.5}'), "expected: "),
        (("step", case, "recommendation", "--json", "[]"), "--json must be a JSON object"),
        (("step", case, "vote", "--json", "{}"), "unknown step 'vote'"),
        (("step", "nope", "public_notice"), "no selection 'nope'"),
        (("show", "nope"), "no selection 'nope'"),
        (("open", "--json", json.dumps(MOTION | {"committee": []})), "committee (wuyi"),
        (("open", "--json", json.dumps(MOTION | {"actor": "a"})), "actor: is not a field"),
    ]:
        result = selections(*args)
        assert result.returncode in (2, 3) and message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh-Hans",
            "govops: “民主推荐”环节不予办理：到会人数（wuyi-cadre-regulation-2020 13）："
            "应到120人，实到95人；至少需要96人（不少于120人的4/5）\n",
        ),
        (
            "zh-Hant",
            "govops: “民主推薦”環節不予辦理：到會人數（wuyi-cadre-regulation-2020 13）："
            "應到120人，實到95人；至少需要96人（不少於120人的4/5）\n",
        ),
        (
            "vi",
            "govops: không thực hiện được bước “giới thiệu nhân sự”: số người dự họp "
            "(wuyi-cadre-regulation-2020 13): 95/120 người dự họp; cần 96 người "
            "(ít nhất 4/5 của 120)\n",
        ),
    ],
)
def test_a_refused_step_keeps_its_article_in_every_language(
    selections: Any, lang: str, said: str
) -> None:
    case = ok(selections("open", "--json", json.dumps(MOTION)))["id"]
    low = json.dumps(STEPS[0][2] | {"attended": 95})
    refused = selections("step", case, "recommendation", "--json", low, "--lang", lang)
    assert (refused.returncode, refused.stdout, refused.stderr) == (3, "", said)


def test_the_commands_check_what_the_api_checks_and_record_the_readings(
    selections: Any, database: Path
) -> None:
    case = ok(selections("open", "--json", json.dumps(MOTION)))["id"]
    for name, _, body in STEPS[:2]:
        ok(selections("step", case, name, "--json", json.dumps(body)))
    decision = json.dumps(STEPS[2][2])
    for user, words in (
        ("orgstaff", "selection.decide"),  # runs the case, does not decide it
        ("lu", "only the committee of case"),  # a committee member, not on this one
        ("librarian", "selection.decide at demo-organisation-department"),  # named 王书记
    ):
        refused = selections("step", case, "decision", "--json", decision, user=user)
        assert refused.returncode == 4 and words in refused.stderr, refused.stderr
    assert ok(selections("show", case))["step"] == "investigation"
    assert selections("show", case, user="librarian").returncode == 2  # not even confirmed
    assert selections("list", user="librarian").stdout == ""
    assert selections("dossier", case, user="viewer").returncode == 4  # sees the case only
    read = ok(selections("dossier", case, user="chen"))  # on the team
    assert read["reader"] == f"chen@{OFFICE}" and len(read["events"]) == 3
    assert readings(database) == [("chen", OFFICE, case, {"read": "dossier"})]


def readings(database: Path) -> list[tuple[str, str, str, dict[str, str]]]:
    """The readings on the access record of `database`."""
    engine = create_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(access_events).where(access_events.c.kind == "reading")
            ).all()
    finally:
        engine.dispose()
    return [(row.actor, row.unit, row.subject, row.data) for row in rows]


def test_an_exceptional_promotion_and_its_superior_consent(selections: Any) -> None:
    reasons = "重大专项工作急需 (7 para 3)"
    motion = MOTION | {"exceptional": True, "exceptional_reasons": reasons}
    case = ok(selections("open", "--json", json.dumps(motion)))["id"]
    for name, user, body in STEPS[:2]:
        ok(selections("step", case, name, "--json", json.dumps(body), user=user))
    name, user, body = STEPS[2]
    refused = selections("step", case, name, "--json", json.dumps(body), user=user)
    assert refused.returncode == 3 and "29 para 2" in refused.stderr
    consent = {"department": "省委组织部", "reference": "闽委组〔2025〕12号",
               "at": "2025-10-08T10:00:00+08:00"}  # fmt: skip
    event = ok(selections("step", case, "superior_consent", "--json", json.dumps(consent)))
    assert event["actor"] == signed("orgstaff")
    assert event["data"]["reference"] == "闽委组〔2025〕12号"
    shown = ok(selections("show", case))["exceptional"]
    assert shown["reasons"] == reasons and shown["consent"]["department"] == "省委组织部"
    decision = ok(selections("step", case, name, "--json", json.dumps(body), user=user))
    assert decision["data"]["exceptional"]["reasons"] == reasons


def test_a_departure_from_an_as_a_rule_threshold(selections: Any) -> None:
    case = ok(selections("open", "--json", json.dumps(MOTION)))["id"]
    body = STEPS[0][2] | {"interviewed": 15}
    refused = selections("step", case, "recommendation", "--json", json.dumps(body))
    assert refused.returncode == 3 and "13(1)" in refused.stderr
    body |= {"departure": {"reason": "单位人数不足20人", "approved_by": "组织部部长 刘强"}}
    event = ok(selections("step", case, "recommendation", "--json", json.dumps(body)))
    assert event["data"]["departure"]["from"] == [{"guard": "interviewed", "article": "13(1)"}]
    assert event["data"]["departure"]["approved_by"] == "组织部部长 刘强"
