"""`govops communities election|voters|elections`: a committee election run step by step
from the command line, as a street office would: the election committee, the register from
a CSV (bad rows refused by line, nothing stored; a minor recorded as refused), the
representatives and the congress, a slate refused for two siblings, a round leaving a seat,
the re-election, the audit record an observer recounts and who signed in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from govops.communities.model.election_audit import audit_record, recount
from govops.packs import load_builtin_pack
from tests.e2e.communities.cli import test_registry as shared
from tests.e2e.communities.cli.test_registry import COMMUNITY, committee, ok

# The fixtures of test_registry: the demo database, its copy, the command.
demo_database, database, communities = shared.demo_database, shared.database, shared.communities
OPEN = {
    "election": "e2025",
    "organisation": "rc",
    "seats": 5,
    "day": "2025-06-15",
    "members": ["m1", "m2"],
}
HEADER = "id,name,birth_date,resident\n"
PEOPLE = "".join(f"m{i},成员{i},1975-0{i}-01,是\n" for i in range(1, 8))
GOOD = HEADER + PEOPLE + "v8,居民8,1980-01-01,是\nv9,居民9,1980-01-01,是\ny1,少年,2008-01-01,是\n"
BAD = HEADER + "m1,成员1,1975-13-01,是\nm2,成员2,1975-02-01,也许\n"


def step(communities: Any, name: str, **data: Any) -> Any:
    return communities("election", COMMUNITY, name, "--data", json.dumps(data), "--lang", "en")


def ballots(marks: list[str], count: int) -> list[dict[str, Any]]:
    return [{"serial": f"{i:04}", "marks": marks} for i in range(1, count + 1)]


def test_an_election_runs_from_the_command_line_to_its_audit(
    communities: Any, tmp_path: Path
) -> None:
    committee(communities, tmp_path)
    kin = {"a": "m1", "b": "m2", "relation": "sibling"}
    ok(communities("record", COMMUNITY, "kinship", "--data", json.dumps(kin)))
    opened = ok(step(communities, "election_committee", **OPEN))
    assert (opened["kind"], opened["data"]["step"]) == ("election", "election_committee")
    assert opened["actor"] == f"community@{COMMUNITY}"

    sheet = tmp_path / "voters.csv"
    sheet.write_text(BAD, encoding="utf-8")
    refused = communities("voters", COMMUNITY, "e2025", str(sheet), "--lang", "en")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr == (
        "govops: line 2, birth_date: must be a date YYYY-MM-DD, got '1975-13-01'\n"
        "govops: line 3, resident: must be yes or no, got '也许'\n"
        "govops: nothing imported: 2 rows refused\n"
    )
    sheet.write_text(GOOD, encoding="utf-8")
    done = communities("voters", COMMUNITY, "e2025", str(sheet), "--lang", "en")
    assert done.stdout == (
        "e2025: 9 voters registered, 1 rows refused\n"
        "  line 11  y1  under the voting age [cn-urc-organic-law 8 para 2]\n"
    ), done.stderr

    ok(
        step(
            communities,
            "representatives",
            election="e2025",
            held_on="2025-06-01",
            representatives=["m1", "v8"],
        )
    )
    ok(step(communities, "congress_and_council", election="e2025", held_on="2025-06-10"))
    signed = [f"m{i}" for i in range(1, 8)] + ["v8"]
    barred = step(
        communities,
        "committee",
        election="e2025",
        candidates=[f"m{i}" for i in range(1, 7)],
        voted=signed,
        ballots=[],
    )
    assert barred.returncode == 3
    assert barred.stderr == (
        "govops: m1 and m2 are kin (sibling) [cn-community-textbook-ch3 38]\n"
        "govops: the slate cannot go to the ballot\n"
    )
    first = ok(
        step(
            communities,
            "committee",
            election="e2025",
            candidates=[f"m{i}" for i in range(2, 8)],
            voted=signed,
            ballots=ballots(["m2", "m3", "m4", "m5"], 8),
        )
    )
    assert first["data"]["round"]["result"]["elected"] == ["m2", "m3", "m4", "m5"]
    listed = communities("elections", COMMUNITY, "--lang", "en")
    assert (
        listed.stdout
        == "e2025\trc\tJun 15, 2025\t5\tre-election for the seats left\tm2, m3, m4, m5\n"
    )
    ok(
        step(
            communities,
            "reelection",
            election="e2025",
            voted=signed[:6],
            ballots=ballots(["m6"], 6),
        )
    )
    shown = ok(communities("elections", COMMUNITY, "e2025", "--json"))
    assert (shown[0]["next"], shown[0]["elected"]) == (None, ["m2", "m3", "m4", "m5", "m6"])

    records = ok(communities("elections", COMMUNITY, "e2025", "--audit"))
    assert [r["round"] for r in records] == [1, 2]
    pack = load_builtin_pack("cn-community-organizations")
    assert [audit_record(recount(r, pack)) for r in records] == records  # an observer's recount
    voted = communities("elections", COMMUNITY, "e2025", "--voted").stdout.splitlines()
    assert voted[0] == "id,name,rounds" and "m1,成员1,1 2" in voted and "v9,居民9," in voted


def test_an_election_step_needs_the_right_and_a_known_step(
    communities: Any, tmp_path: Path
) -> None:
    committee(communities, tmp_path)
    viewer = step_as(communities, "viewer")
    assert viewer.returncode == 4 and "community.record" in viewer.stderr
    unknown = step(communities, "ballot", election="e2025")
    assert unknown.returncode == 2 and unknown.stderr.startswith(
        "govops: step: unknown step 'ballot'"
    )
    early = step(
        communities, "committee", election="e2025", candidates=["m1"], voted=["m1"], ballots=[]
    )
    assert (early.returncode, early.stderr) == (3, "govops: no election e2025 is open\n")
    generic = communities("record", COMMUNITY, "election", "--data", "{}", "--lang", "en")
    assert generic.returncode == 2 and "govops communities election" in generic.stderr
    missing = communities("elections", COMMUNITY, "e9", "--lang", "en")
    assert (missing.returncode, missing.stderr) == (2, f"govops: no election e9 in {COMMUNITY}\n")


def step_as(communities: Any, user: str) -> Any:
    data = json.dumps(OPEN)
    return communities("election", COMMUNITY, "election_committee", "--data", data, user=user)
