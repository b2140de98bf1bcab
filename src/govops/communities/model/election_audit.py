"""The audit record of a round an observer recounts from: the rules with their articles and
the pack's version, every ballot by its serial, and what the count found (JSON-ready);
`recount` counts it again from its ballots alone."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from govops.communities.model.election_tally import Ballot, Round, Tally, tally
from govops.lawcode.sources.pack import Pack


def audit_record(count: Tally) -> dict[str, Any]:
    """What an observer recounts from: the rules with their articles, every ballot by its
    serial, and the figures this count found (JSON-ready)."""
    r = count.round
    return {
        "day": r.day.isoformat(),
        "round": r.number,
        "seats": r.seats,
        "candidates": list(r.candidates),
        "electorate": r.electorate,
        "rules": {
            "pack": count.rules,
            "quorum": {
                "more_than_percent": count.shares[0],
                "of": "voters on the register",
                "needed": count.quorum_needed,
                "cites": [str(c) for c in count.quorum_cites],
            },
            "majority": {
                "more_than_percent": count.shares[1],
                "base": "ballots cast",
                "needed": count.majority_needed,
                "cites": [str(c) for c in count.majority_cites],
            },
            "ballot_cap": r.seats,
        },
        "ballots": [{"serial": b.serial, "marks": list(b.marks)} for b in r.ballots],
        "result": {
            "quorum_met": count.quorum_met,
            "cast": count.majority_base,
            "blank": count.blank,
            "void": list(count.void),
            "votes": dict(count.votes),
            "elected": list(count.elected),
            "tied": list(count.tied),
            "unfilled": count.unfilled,
        },
    }


def recount(record: Mapping[str, Any], pack: Pack) -> Tally:
    """The count again from an audit record's ballots (its own result is not read), by
    `pack` as of the record's day: an observer compares `audit_record(recount(...))` with
    the record, rules (the pack's version among them) and result alike."""
    again = Round(
        day=date.fromisoformat(str(record["day"])),
        number=int(record["round"]),
        seats=int(record["seats"]),
        candidates=tuple(str(c) for c in record["candidates"]),
        electorate=int(record["electorate"]),
        ballots=tuple(
            Ballot(str(b["serial"]), tuple(str(m) for m in b["marks"])) for b in record["ballots"]
        ),
    )
    return tally(again, pack)
