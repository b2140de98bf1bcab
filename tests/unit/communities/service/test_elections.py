"""The election's use cases over an in-memory registry: a step appended to the community's
stream as an `election` event with its actor and time; the register imported from a
sheet's rows, every bad cell named by its line and column and nothing stored; an unknown
election said as such."""

from __future__ import annotations

import pytest

from govops.communities.model.election_case import StepRefusedError
from govops.communities.model.registry import EventKind
from govops.communities.service.elections import (
    ElectionService,
    UnknownElectionError,
    voted_csv,
)
from govops.communities.service.members_import import ImportRefusedError
from govops.platform.i18n.translator import translator
from tests.unit.communities.service.test_registry import (
    ACTOR,
    COMMITTEE,
    MemoryCommunities,
    service,
)

EN = translator("en")
OPEN = {
    "election": "e1",
    "organisation": "committee",
    "seats": 5,
    "day": "2025-06-15",
    "members": ["a"],
}


@pytest.fixture
def elections() -> ElectionService:
    registry = service(MemoryCommunities())
    registry.record("c1", "organisation", COMMITTEE, ACTOR)
    return ElectionService(registry)


def test_a_step_is_an_election_event_of_the_community(elections: ElectionService) -> None:
    event = elections.record_step("c1", "election_committee", OPEN, ACTOR)
    assert (event.seq, event.kind, event.actor) == (2, EventKind.ELECTION, ACTOR)
    assert event.data == {"step": "election_committee", **OPEN}
    assert event.recorded_at.utcoffset() is not None
    assert elections.get("c1", "e1").next_step().value == "voter_registration"  # type: ignore[union-attr]
    with pytest.raises(StepRefusedError):
        elections.record_step("c1", "election_committee", OPEN, ACTOR)
    with pytest.raises(UnknownElectionError) as unknown:
        elections.get("c1", "e9")
    assert EN.say(unknown.value.message) == "no election e9 in c1"


def test_a_register_with_bad_cells_lists_each_and_stores_nothing(
    elections: ElectionService,
) -> None:
    elections.record_step("c1", "election_committee", OPEN, ACTOR)
    rows = [
        (2, {"id": "a", "name": "甲", "birth_date": "1990-01-01", "resident": "是"}),
        (3, {"id": "b", "name": "乙", "birth_date": "1990-02-30", "resident": "是"}),
        (4, {"id": "c", "name": "丙", "birth_date": "1990-01-01", "resident": "也许"}),
        (5, {"id": "d", "name": "丁", "birth_date": "1990-01-01", "ward": "3"}),
    ]
    with pytest.raises(ImportRefusedError) as refused:
        elections.import_voters("c1", "e1", rows, ACTOR)
    said = [(e.line, e.column, EN.say(e.message)) for e in refused.value.errors]
    assert said == [
        (3, "birth_date", "must be a date YYYY-MM-DD, got '1990-02-30'"),
        (4, "resident", "must be yes or no, got '也许'"),
        (5, "ward", "is not a column here (columns: id, name, birth_date, resident, deprived)"),
    ]
    assert elections.get("c1", "e1").register == ()
    event = elections.import_voters("c1", "e1", rows[:1], ACTOR)
    assert event.data["voters"] == [{"id": "a", "name": "甲", "birth_date": "1990-01-01"}]
    with pytest.raises(ImportRefusedError):
        elections.import_voters("c1", "e1", [], ACTOR)


def test_who_signed_in_is_csv_no_spreadsheet_runs(elections: ElectionService) -> None:
    elections.record_step("c1", "election_committee", OPEN, ACTOR)
    rows = [
        (2, {"id": "a", "name": "=HYPERLINK(1)", "birth_date": "1990-01-01", "resident": "是"}),
        (3, {"id": "b", "name": "乙", "birth_date": "1990-01-01", "resident": "是"}),
    ]
    elections.import_voters("c1", "e1", rows, ACTOR)
    assert voted_csv(elections.get("c1", "e1")) == "id,name,rounds\na,'=HYPERLINK(1),\nb,乙,\n"
