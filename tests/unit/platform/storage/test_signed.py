"""Signed checkpoints: the heads come back only under the key that signed them, unchanged."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from govops.platform.storage.signed import (
    FORMAT,
    CheckpointError,
    Refusal,
    audit_key,
    open_signed,
    sign,
)
from govops.platform.storage.verify import Head

KEY = b"an operator key kept off the database"
HEADS = {"incident_events": Head(3, "a" * 64), "audit_checkpoints": Head(2, "b" * 64)}
AT = datetime(2027, 3, 10, 8, 0, tzinfo=UTC)


def test_a_checkpoint_opens_with_its_key_after_a_trip_through_a_file() -> None:
    document = json.loads(json.dumps(sign(HEADS, AT, KEY)))
    assert document["format"] == FORMAT and document["at"] == "2027-03-10T08:00:00.000000+00:00"
    assert open_signed(document, KEY) == HEADS


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["heads"]["incident_events"].update(length=2),
        lambda d: d["heads"]["incident_events"].update(head="c" * 64),
        lambda d: d["heads"].pop("audit_checkpoints"),
        lambda d: d.update(at="2027-03-11T08:00:00.000000+00:00"),
    ],
)
def test_a_changed_checkpoint_is_refused(change: object) -> None:
    document = json.loads(json.dumps(sign(HEADS, AT, KEY)))
    change(document)  # type: ignore[operator]
    with pytest.raises(CheckpointError) as refused:
        open_signed(document, KEY)
    assert refused.value.refusal is Refusal.FORGED


def test_another_key_is_refused() -> None:
    with pytest.raises(CheckpointError) as refused:
        open_signed(sign(HEADS, AT, KEY), b"another key, just as long as it")
    assert refused.value.refusal is Refusal.FORGED


@pytest.mark.parametrize(
    "document",
    [
        [],
        {"format": FORMAT},
        {"format": "other/1", "at": "", "heads": {}, "mac": "0"},
        {"format": FORMAT, "at": "", "heads": {"s": {"length": -1, "head": "a" * 64}}, "mac": ""},
    ],
)
def test_what_is_not_a_checkpoint_is_refused(document: object) -> None:
    with pytest.raises(CheckpointError) as refused:
        open_signed(document, KEY)
    assert refused.value.refusal is Refusal.MALFORMED


def test_the_key_comes_from_the_environment_and_is_long_enough() -> None:
    assert audit_key({"GOVOPS_AUDIT_KEY": KEY.decode()}) == KEY
    for short in ({}, {"GOVOPS_AUDIT_KEY": "short"}):
        with pytest.raises(CheckpointError) as refused:
            audit_key(short)
        assert refused.value.refusal is Refusal.NO_KEY
