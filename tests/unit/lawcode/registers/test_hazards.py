"""A hazard against its rectification deadline: open to the deadline day, overdue after,
then awaiting verification and closed; a late rectification stays flagged."""

from __future__ import annotations

from datetime import date

from govops.lawcode.registers.hazards import Hazard, HazardStanding, stand

FOUND = date(2024, 3, 1)
DEADLINE = date(2024, 3, 31)


def _hazard(rectified: date | None = None, verified: date | None = None) -> Hazard:
    return Hazard("h-1", "street-a", FOUND, DEADLINE, rectified, verified)


def test_open_up_to_and_on_the_deadline_day() -> None:
    for on in (FOUND, date(2024, 3, 30), DEADLINE):
        state = stand(_hazard(), on)
        assert (state.hazard, state.standing, state.late) == ("h-1", HazardStanding.OPEN, False)
        assert state.reason.id == "to be rectified by {deadline}"
        assert state.reason.values == {"deadline": DEADLINE}


def test_overdue_the_day_after_the_deadline() -> None:
    state = stand(_hazard(), date(2024, 4, 1))
    assert (state.standing, state.late) == (HazardStanding.OVERDUE, True)
    assert state.reason.id == "not rectified, the deadline was {deadline}"
    assert state.reason.values == {"deadline": DEADLINE}


def test_rectified_on_the_deadline_day_is_on_time() -> None:
    state = stand(_hazard(rectified=DEADLINE), DEADLINE)
    assert (state.standing, state.late) == (HazardStanding.AWAITING_VERIFICATION, False)
    assert state.reason.id == "rectified on {day}, not yet verified"
    assert state.reason.values == {"day": DEADLINE}
    # Still on time when read long after.
    assert stand(_hazard(rectified=DEADLINE), date(2024, 6, 1)).late is False


def test_rectified_the_day_after_the_deadline_is_late() -> None:
    rectified = date(2024, 4, 1)
    state = stand(_hazard(rectified=rectified), rectified)
    assert (state.standing, state.late) == (HazardStanding.AWAITING_VERIFICATION, True)
    closed = stand(_hazard(rectified, verified=date(2024, 4, 3)), date(2024, 4, 3))
    assert (closed.standing, closed.late) == (HazardStanding.CLOSED, True)


def test_closed_once_verified() -> None:
    hazard = _hazard(rectified=date(2024, 3, 20), verified=date(2024, 3, 25))
    state = stand(hazard, date(2024, 3, 25))
    assert (state.standing, state.late) == (HazardStanding.CLOSED, False)
    assert state.reason.id == "rectified on {day}, verified on {verified}"
    assert state.reason.values == {"day": date(2024, 3, 20), "verified": date(2024, 3, 25)}


def test_a_verification_dated_after_the_day_read_is_not_counted() -> None:
    hazard = _hazard(rectified=date(2024, 3, 20), verified=date(2024, 3, 25))
    state = stand(hazard, date(2024, 3, 24))
    assert state.standing is HazardStanding.AWAITING_VERIFICATION
    assert state.reason.values == {"day": date(2024, 3, 20)}


def test_a_rectification_dated_after_the_day_read_is_not_counted() -> None:
    hazard = _hazard(rectified=date(2024, 4, 5), verified=date(2024, 4, 6))
    before_deadline = stand(hazard, date(2024, 3, 20))
    assert (before_deadline.standing, before_deadline.late) == (HazardStanding.OPEN, False)
    after_deadline = stand(hazard, date(2024, 4, 4))
    assert (after_deadline.standing, after_deadline.late) == (HazardStanding.OVERDUE, True)
    rectified = stand(hazard, date(2024, 4, 5))
    assert (rectified.standing, rectified.late) == (HazardStanding.AWAITING_VERIFICATION, True)


def test_a_verification_without_a_rectification_is_not_counted() -> None:
    state = stand(_hazard(verified=date(2024, 3, 10)), date(2024, 3, 15))
    assert (state.standing, state.late) == (HazardStanding.OPEN, False)
    late = stand(_hazard(verified=date(2024, 3, 10)), date(2024, 4, 15))
    assert late.standing is HazardStanding.OVERDUE


def test_a_verification_before_the_rectification_does_not_close_it() -> None:
    hazard = _hazard(rectified=date(2024, 3, 20), verified=date(2024, 3, 19))
    state = stand(hazard, date(2024, 3, 25))
    assert state.standing is HazardStanding.AWAITING_VERIFICATION
    same_day = stand(
        _hazard(rectified=date(2024, 3, 20), verified=date(2024, 3, 20)), date(2024, 3, 20)
    )
    assert same_day.standing is HazardStanding.CLOSED
