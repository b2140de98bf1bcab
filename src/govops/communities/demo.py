"""The demonstration street's community organisations, filed through the registry's use
cases as the street office would file them (as `street@110102001`): a settled community
whose residents' committee has a breach to show (three of seven members retired, 42.9%,
above the 30% of the textbook's worked example, slide 37; a people's-mediation
sub-committee of two, below the 3 of slide 26) and a recorded exception (the director's
age), whose term (five years from its election in July 2021, Art. 8 as amended in 2018)
has run; an election of that committee in progress (`ELECTION`: its committee, register,
representatives and congress recorded, its vote to come; dated December 2025, as the
election articles of the law's 2025 text are not at hand), with two candidates-to-be who
are brothers; and a new estate past 50% occupancy that has applied for a committee and has
yet to elect it (slide 27).

Loaded only into a community that has no record yet; the communities are units of the
demonstration tree (`accounts.demo`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from govops.communities.model.registry import Community, Event
from govops.communities.model.registry_fold import Folding
from govops.communities.service.elections import ElectionService
from govops.communities.service.registry import Change, RegistryService

SETTLED = "demo-community"
NEW_ESTATE = "demo-new-estate"
ACTOR = "street@110102001"
TERM_START = date(2021, 7, 1)  # the committee elected in 2021 (a reading of the demo)
ELECTION = "2025"


def load_community_demo(registry: RegistryService) -> list[Event]:
    """The demonstration records (none when either community has some already)."""
    if any(registry.get(code).events for code in (SETTLED, NEW_ESTATE)):
        return []
    elections = ElectionService(registry)

    def settled(current: Community, now: datetime) -> list[Event]:
        """The registry, then the election's first four steps: one transaction."""
        events = registry.decide(current, _settled(), ACTOR, now)
        folding = Folding(current)
        for event in events:
            folding.add(event)
        return events + elections.step_events(folding.community(), ELECTION_STEPS, ACTOR, now)

    loaded = registry.append_decided(SETTLED, settled)
    facts = {"households": 1200, "occupancy": "62", "as_of": "2026-11-30"}
    facts |= {"moving_in_since": "2026-03-01", "applied_on": "2026-04-10"}
    return loaded + registry.record_all(NEW_ESTATE, [("facts", facts)], ACTOR)


MEMBERS: list[dict[str, Any]] = [
    {"id": "m01", "name": "陳志明", "birth_date": "1968-05-12", "party_member": True},
    {"id": "m02", "name": "林秀英", "birth_date": "1979-09-03", "party_member": True},
    {"id": "m03", "name": "王建國", "birth_date": "1956-02-20", "retired": True},
    {"id": "m04", "name": "張麗華", "birth_date": "1958-11-08", "retired": True},
    {"id": "m05", "name": "李偉", "birth_date": "1985-04-17", "party_member": True},
    {"id": "m06", "name": "趙淑芬", "birth_date": "1957-07-30", "retired": True},
    {"id": "m07", "name": "劉洋", "birth_date": "1990-12-01"},
    {"id": "m08", "name": "黃建華", "birth_date": "1975-03-22", "party_member": True},
    {"id": "m09", "name": "劉海", "birth_date": "1988-06-09"},  # 劉洋's brother
]
# The register of the 2025 election: the members, eleven more residents, and one who is
# 17 on the election day, 18 the day after (refused, Art. 8 para 2).
VOTERS = [
    *(
        {"id": m["id"], "name": m["name"], "birth_date": m["birth_date"], "resident": True}
        for m in MEMBERS
    ),
    *(
        {"id": f"r{n}", "name": f"居民{n}", "birth_date": "1980-01-01", "resident": True}
        for n in range(10, 21)
    ),
    {"id": "r21", "name": "居民21", "birth_date": "2007-12-21", "resident": True},
]
# The committee's election, recorded up to its vote (steps 1 to 4 of slide 42).
ELECTION_STEPS: list[tuple[str, dict[str, Any]]] = [
    (step, data | {"election": ELECTION})
    for step, data in (
        (
            "election_committee",
            {"organisation": "committee", "seats": 7, "day": "2025-12-20"}
            | {"members": ["m01", "m08", "r10"]},
        ),
        ("voter_registration", {"voters": VOTERS}),
        ("representatives", {"held_on": "2025-12-01", "representatives": ["m01", "r10", "r11"]}),
        ("congress_and_council", {"held_on": "2025-12-10"}),
    )
]
# (member, organisation, role): the committee's seven, the Party committee's five.
POSTS = [
    ("m01", "committee", "director"),
    ("m02", "committee", "deputy"),
    ("m05", "committee", "deputy"),
    *((m, "committee", "member") for m in ("m03", "m04", "m06", "m07")),
    ("m01", "party", "secretary"),
    ("m02", "party", "deputy_secretary"),
    *((m, "party", "member") for m in ("m05", "m08", "m03")),
    ("m07", "mediation", "director"),
    ("m04", "mediation", "member"),
]


def _settled() -> list[Change]:
    formed = TERM_START.isoformat()
    organisations = [
        {"id": "party", "kind": "party_committee", "name": "示範社區黨委", "formed": formed},
        {"id": "committee", "kind": "committee", "name": "示範社區居民委員會", "formed": formed},
        {"id": "mediation", "kind": "subcommittee", "name": "人民調解委員會", "formed": formed}
        | {"parent": "committee", "subcommittee": "people_mediation"},
        {"id": "congress", "kind": "congress", "name": "社區居民代表大會", "formed": formed},
        {"id": "group-1", "kind": "resident_group", "name": "1號樓居民小組", "formed": formed}
        | {"building": "1號樓"},
    ]
    changes: list[Change] = [
        ("facts", {"households": 2800, "occupancy": "100", "as_of": "2026-11-30"}),
        *(("organisation", o) for o in organisations),
        *(("member", m) for m in MEMBERS),
    ]
    changes += [
        ("post", {"member": m, "organisation": o, "role": r, "start": formed}) for m, o, r in POSTS
    ]
    changes.append(("kinship", {"a": "m03", "b": "m04", "relation": "spouse"}))
    changes.append(("kinship", {"a": "m07", "b": "m09", "relation": "sibling"}))
    reason = "街道黨工委同意其連任主任, 以保持工作連續性"  # the demo's own words
    exception = {"organisation": "committee", "rule": "director_age_exception", "reason": reason}
    changes.append(("exception", exception | {"granted_on": "2021-06-15"}))
    changes.append(("meeting", {"organisation": "congress", "held_on": "2026-03-20"}))
    return changes
