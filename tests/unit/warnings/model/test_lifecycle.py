"""Each area's warning: issued, upgraded, downgraded, cancelled; one id from issue to
cancel; steps refused out of time order; the state survives a round trip through JSON."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from govops.warnings.model.lifecycle import WarningLifecycle, event_kind
from govops.warnings.model.state import LifecycleError, LifecycleState
from govops.warnings.model.warning import EventKind

from .steps import STREET, rain, step

OTHER = "110102007"  # 月坛街道


def test_a_storm_is_issued_upgraded_downgraded_and_cancelled() -> None:
    lifecycle = WarningLifecycle()
    levels = [None, "blue", "blue", "yellow", "red", "red", "orange", None, None]
    events = lifecycle.feed(step(minute, level) for minute, level in enumerate(levels))
    assert [(e.kind, e.previous, e.level, e.seq) for e in events] == [
        (EventKind.ISSUE, None, "blue", 1),
        (EventKind.UPGRADE, "blue", "yellow", 2),
        (EventKind.UPGRADE, "yellow", "red", 3),
        (EventKind.DOWNGRADE, "red", "orange", 4),
        (EventKind.CANCEL, "orange", None, 5),
    ]
    assert {e.warning_id for e in events} == {f"{STREET}-20240721140100"}
    assert [e.at.minute for e in events] == [1, 3, 4, 6, 7]
    assert [e.step.level for e in events] == [e.level for e in events]


def test_each_event_references_every_earlier_alert_of_its_warning() -> None:
    events = WarningLifecycle().feed([step(0, "blue"), step(1, "red"), step(2, None)])
    ids = [e.identifier for e in events]
    assert [e.references for e in events] == [(), (ids[0],), (ids[0], ids[1])]
    assert len(set(ids)) == 3
    assert all(len(i) == 31 and i.startswith("110102003000001") for i in ids)


def test_an_unchanged_level_is_no_event() -> None:
    lifecycle = WarningLifecycle()
    assert lifecycle.advance(step(0, None)) is None
    assert lifecycle.advance(step(1, "yellow")) is not None
    assert lifecycle.advance(step(2, "yellow")) is None
    state = lifecycle.state(STREET)
    assert state.last_at == step(2, "yellow").at
    assert state.warning is not None and (state.warning.level, state.warning.seq) == ("yellow", 1)


def test_a_warning_after_a_cancel_is_a_new_warning_with_a_new_id() -> None:
    lifecycle = WarningLifecycle()
    first = lifecycle.feed([step(0, "blue"), step(1, None)])
    second = lifecycle.feed([step(2, "blue"), step(3, "yellow")])
    assert second[0].kind is EventKind.ISSUE and second[0].seq == 1
    assert second[0].references == ()
    assert second[0].warning_id != first[0].warning_id
    assert second[1].references == (second[0].identifier,)


def test_areas_have_warnings_of_their_own() -> None:
    lifecycle = WarningLifecycle()
    events = lifecycle.feed([step(0, "blue"), step(0, "red", area=OTHER), step(1, None)])
    assert [(e.area, e.kind) for e in events] == [
        (STREET, EventKind.ISSUE),
        (OTHER, EventKind.ISSUE),
        (STREET, EventKind.CANCEL),
    ]
    assert lifecycle.state(OTHER).warning is not None


@pytest.mark.parametrize("minute", [4, 5])
def test_a_step_not_after_the_last_one_is_refused(minute: int) -> None:
    lifecycle = WarningLifecycle()
    lifecycle.advance(step(5, "blue"))
    with pytest.raises(LifecycleError, match="is not after the last step taken"):
        lifecycle.advance(step(minute, "red"))
    warning = lifecycle.state(STREET).warning
    assert warning is not None and warning.level == "blue"


def test_an_unknown_level_and_a_naive_time_are_refused() -> None:
    lifecycle = WarningLifecycle()
    with pytest.raises(LifecycleError, match="is not one of"):
        lifecycle.advance(replace(step(0, None), level="green"))
    with pytest.raises(LifecycleError, match="no time zone"):
        lifecycle.advance(replace(step(0, None), at=step(0, None).at.replace(tzinfo=None)))
    with pytest.raises(LifecycleError, match="administrative division code"):
        lifecycle.advance(step(0, "red", area="XC-north"))
    assert lifecycle.states() == ()


def test_alerts_in_one_second_under_a_shared_issuer_code_are_numbered_apart() -> None:
    lifecycle = WarningLifecycle(unit="001", issuer_code="110102")
    events = lifecycle.feed([step(0, "blue"), step(0, "blue", area=OTHER), step(1, "red")])
    assert [e.identifier for e in events] == [
        "1101020000000012024072114000001",
        "1101020000000012024072114000002",
        "1101020000000012024072114010001",
    ]


def test_a_hundredth_alert_in_one_second_is_refused() -> None:
    lifecycle = WarningLifecycle(issuer_code="110102")
    for number in range(99):
        lifecycle.advance(step(0, "blue", area=f"110102{number:03d}"))
    with pytest.raises(LifecycleError, match="too many alerts in one second"):
        lifecycle.advance(step(0, "blue", area="110102999"))


def test_with_a_shared_code_a_new_area_may_not_start_in_the_past() -> None:
    lifecycle = WarningLifecycle(issuer_code="110102")
    lifecycle.feed([step(0, "blue"), step(5, "red")])
    with pytest.raises(LifecycleError, match="feed steps in time order"):
        lifecycle.advance(step(3, "blue", area=OTHER))


def test_the_state_survives_a_json_round_trip_and_the_warning_goes_on() -> None:
    lifecycle = WarningLifecycle(issuer_code="110102")
    before = lifecycle.feed([step(0, "blue"), step(0, "yellow", area=OTHER), step(1, "red")])
    resumed = WarningLifecycle.from_dict(json.loads(json.dumps(lifecycle.to_dict())))
    assert resumed.states() == lifecycle.states()
    with pytest.raises(LifecycleError, match="not after the last step"):
        resumed.advance(step(1, "red"))
    after = resumed.feed([step(2, None), step(2, None, area=OTHER)])
    assert [e.warning_id for e in after] == [before[0].warning_id, before[1].warning_id]
    assert after[0].references == (before[0].identifier, before[2].identifier)
    assert [e.identifier[-2:] for e in after] == ["01", "02"]


def test_the_numbering_of_a_second_survives_a_restart_within_that_second() -> None:
    lifecycle = WarningLifecycle(issuer_code="110102")
    lifecycle.advance(step(0, "blue"))
    resumed = WarningLifecycle.from_dict(lifecycle.to_dict())
    event = resumed.advance(step(0, "blue", area=OTHER))
    assert event is not None and event.identifier.endswith("02")


def test_counts_of_seconds_that_cannot_recur_are_forgotten() -> None:
    lifecycle = WarningLifecycle()
    lifecycle.feed(step(minute, ("blue", "red")[minute % 2]) for minute in range(50))
    assert len(lifecycle.to_dict()["numbered"]) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"last_at": "2024-07-21T14:00:00"}, "no time zone"),
        ({"last_at": "yesterday"}, "not an ISO 8601 time"),
        (
            {"warning": {"warning_id": "w", "level": "green", "seq": 1, "identifiers": ["x"]}},
            "level",
        ),
        ({"warning": {"warning_id": "w", "level": "red", "seq": 2, "identifiers": ["x"]}}, "seq 2"),
    ],
)
def test_a_damaged_saved_state_is_refused(change: dict[str, object], message: str) -> None:
    saved = {**step_state(), **change}
    with pytest.raises(LifecycleError, match=message):
        LifecycleState.from_dict(saved)


def test_a_saved_lifecycle_with_missing_parts_is_refused() -> None:
    with pytest.raises(LifecycleError, match="not readable"):
        WarningLifecycle.from_dict({"unit": "001", "areas": []})
    with pytest.raises(LifecycleError, match="not readable"):
        WarningLifecycle.from_dict(
            {"unit": "001", "issuer_code": None, "areas": [], "numbered": {"12": 1}}
        )


def step_state() -> dict[str, object]:
    lifecycle = WarningLifecycle()
    lifecycle.advance(step(0, "red", reading=rain("100")))
    return lifecycle.state(STREET).to_dict()


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        (None, None, None),
        ("red", "red", None),
        (None, "red", EventKind.ISSUE),
        ("blue", "orange", EventKind.UPGRADE),
        ("orange", "blue", EventKind.DOWNGRADE),
        ("blue", None, EventKind.CANCEL),
    ],
)
def test_the_event_follows_from_the_two_levels(
    before: str | None, after: str | None, kind: EventKind | None
) -> None:
    assert event_kind(before, after) is kind
