"""The audit record of a round: rules with their articles and the pack's version, every
ballot by its serial, the result; a recount from it gives the same record, and an altered
ballot shows."""

from __future__ import annotations

import json
from datetime import date

from govops.communities.model.election_audit import audit_record, recount
from govops.communities.model.election_tally import Ballot, Round, tally
from govops.packs import load_builtin_pack

PACK = load_builtin_pack("cn-community-organizations")
DAY = date(2025, 6, 15)


def first_round(*marks: str) -> Round:
    ballots = tuple(Ballot(f"s{i:03}", tuple(m)) for i, m in enumerate(marks, 1))
    return Round(DAY, 1, 2, ("a", "b", "c", "d"), 9, ballots)


def test_the_audit_record_recounts_to_the_same_result_and_a_changed_ballot_shows() -> None:
    count = tally(first_round("ab", "ab", "ab", "bc", "", "abc"), PACK)
    record = json.loads(json.dumps(audit_record(count)))  # as an observer receives it
    assert record["rules"]["majority"] == {
        "more_than_percent": "50",
        "base": "ballots cast",
        "needed": 4,
        "cites": ["cn-urc-organic-law 9 para 3", "cn-urc-organic-law-2018 9 para 3"],
    }
    assert record["rules"]["pack"] == f"{PACK.id}@{PACK.version}"
    assert record["result"]["quorum_met"] is True
    assert audit_record(recount(record, PACK)) == record
    record["ballots"][3]["marks"] = ["a", "c"]  # one ballot altered after the count
    again = audit_record(recount(record, PACK))
    assert again["result"] != record["result"]
    assert (again["result"]["elected"], record["result"]["elected"]) == (["a"], ["b"])
