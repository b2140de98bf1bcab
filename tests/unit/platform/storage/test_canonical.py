"""The canonical encoding of a chained row (govops-chain/1): stable (the same bytes for the
same content, today and later: a fixed vector), and unambiguous (different content, or the
same text in another type, or another place in another stream, never shares a hash)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from govops.platform.storage.canonical import (
    GENESIS,
    EncodingError,
    canonical_json,
    link_hash,
    preimage,
    typed,
)

AT = datetime(2026, 6, 1, 9, 30, 0, 123456, tzinfo=timezone(timedelta(hours=8)))
ROW = {"incident_id": "甲-1", "seq": 2, "at": AT, "data": {"b": [1, "x"], "a": None}}


def test_the_preimage_is_exactly_as_documented() -> None:
    assert preimage("incident_events", 12, GENESIS, ROW).decode("utf-8") == (
        '{"chain_seq":"12","encoding":"govops-chain/1","prev_hash":"' + GENESIS + '",'
        '"row":{"at":["time","2026-06-01T01:30:00.123456Z"],'
        '"data":["map",{"a":null,"b":["list",[["int","1"],["str","x"]]]}],'
        '"incident_id":["str","甲-1"],"seq":["int","2"]},"stream":"incident_events"}'
    )


def test_the_hash_of_a_fixed_row_never_changes() -> None:
    """If this fails, the encoding changed: every chain stored so far would break. A new
    encoding is a new version, never an edit of this one. (The value is `sha256sum` of the
    preimage above, computed outside Python.)"""
    assert link_hash("incident_events", 12, GENESIS, ROW) == (
        "808c5be810c154f5917a817dcc34733f8ce2625cb29d0afdbd835fb9a84583b4"
    )


def test_the_same_content_gives_the_same_hash() -> None:
    reordered = {"data": {"a": None, "b": (1, "x")}, "at": AT.astimezone(UTC), "seq": 2}
    assert link_hash("s", 1, GENESIS, ROW) == link_hash(
        "s", 1, GENESIS, reordered | {"incident_id": "甲-1"}
    )
    assert typed(Decimal("1.50")) == typed(Decimal("1.5")) == ["dec", "1.5"]
    assert typed(Decimal("1E+2")) == ["dec", "100"] and typed(Decimal("-0.00")) == ["dec", "0"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("5", 5),
        (5, 5.0),
        (5, Decimal(5)),
        (1, True),
        ("true", True),
        ("", None),
        (b"ab", "ab"),
        (b"ab", "6162"),
        ([], {}),
        (["a", "b"], ["a,b"]),
        ({"a": "b"}, [["a", "b"]]),
        ({"a": None}, {}),
        (date(2026, 6, 1), "2026-06-01"),
        (AT, AT + timedelta(microseconds=1)),
        ("null", None),
    ],
)
def test_different_values_never_share_an_encoding(one: object, other: object) -> None:
    assert canonical_json(typed(one)) != canonical_json(typed(other))
    assert link_hash("s", 1, GENESIS, {"v": one}) != link_hash("s", 1, GENESIS, {"v": other})


def test_the_stream_the_place_and_the_link_are_hashed_too() -> None:
    base = link_hash("incident_events", 2, GENESIS, ROW)
    assert link_hash("cadre_entries", 2, GENESIS, ROW) != base
    assert link_hash("incident_events", 3, GENESIS, ROW) != base
    assert link_hash("incident_events", 2, "1" * 64, ROW) != base
    assert link_hash("incident_events", 2, GENESIS, ROW | {"extra": "x"}) != base


def test_a_null_column_is_left_out_so_a_new_nullable_column_keeps_old_links() -> None:
    assert link_hash("s", 1, GENESIS, ROW) == link_hash("s", 1, GENESIS, ROW | {"new": None})
    assert link_hash("s", 1, GENESIS, ROW) != link_hash("s", 1, GENESIS, ROW | {"new": 0})


def test_text_that_looks_like_json_cannot_forge_another_row() -> None:
    sneaky = {"a": 'x"],"b":["str","y'}
    plain = {"a": "x", "b": "y"}
    assert link_hash("s", 1, GENESIS, sneaky) != link_hash("s", 1, GENESIS, plain)


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 6, 1, 9, 30),  # naive: which instant?
        float("nan"),
        float("inf"),
        Decimal("NaN"),
        {1: "x"},
        {"a", "b"},
        object(),
    ],
)
def test_values_without_one_meaning_are_refused(value: object) -> None:
    with pytest.raises(EncodingError):
        link_hash("s", 1, GENESIS, {"v": value})
