"""The canonical encoding of a chained row, and its hash (version 1, `govops-chain/1`).

A row's link is the SHA-256 (lower-case hex) of the UTF-8 bytes of one JSON document:

    {"chain_seq": "<decimal>", "encoding": "govops-chain/1", "prev_hash": "<64 hex>",
     "row": {<column>: <value>, ...}, "stream": "<table name>"}

written with the keys of every object sorted by code point, no spaces (`,` and `:` as
separators), non-ASCII characters as themselves (UTF-8), `"` and `\\` escaped, control
characters below U+0020 as `\\n`, `\\r`, `\\t`, `\\b`, `\\f` or `\\u00xx` (Python's
`json.dumps(..., sort_keys=True, ensure_ascii=False, separators=(",", ":"))`).

`row` holds the row's content columns; a column whose value is NULL is left out (so adding a
nullable column to a chained table leaves the earlier links valid). Each value is typed, so
that no two different values share an encoding (the text "5" is not the number 5):

    ["str", text]            ["int", "<decimal digits>"]      ["bool", true|false]
    ["dec", "<exact>"]       ["float", "<shortest repr>"]     ["bytes", "<lower hex>"]
    ["time", "YYYY-MM-DDTHH:MM:SS.ffffffZ"] (an aware time, in UTC, with microseconds)
    ["date", "YYYY-MM-DD"]   ["list", [value, ...]]           ["map", {key: value, ...}]

and `null` inside a list or map. A Decimal is written exactly, without exponent or trailing
zeros (1.50 as "1.5"): the value, not the scale a database gives back. A map's keys are text.
Any other type is refused rather than encoded ambiguously.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from types import UnionType
from typing import Any

ENCODING = "govops-chain/1"
GENESIS = "0" * 64  # the prev_hash of a stream's first row


class EncodingError(TypeError):
    """A value the canonical encoding does not take (a naive time, a set, a float NaN)."""


def typed(value: object) -> object:
    """The value as the canonical encoding writes it (see the module's docstring)."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ["list", [typed(item) for item in value]]
    if isinstance(value, Mapping):
        return ["map", {_key(key): typed(item) for key, item in value.items()}]
    for kind, tag, write in _SCALARS:
        if isinstance(value, kind):
            return [tag, write(value)]
    raise EncodingError(f"no canonical encoding for {type(value).__name__}")


def preimage(stream: str, chain_seq: int, prev_hash: str, content: Mapping[str, object]) -> bytes:
    """The bytes a link's hash is taken over."""
    document = {
        "encoding": ENCODING,
        "stream": stream,
        "chain_seq": str(chain_seq),
        "prev_hash": prev_hash,
        "row": {_key(name): typed(value) for name, value in content.items() if value is not None},
    }
    return canonical_json(document)


def link_hash(stream: str, chain_seq: int, prev_hash: str, content: Mapping[str, object]) -> str:
    """SHA-256, as 64 lower-case hex digits, of the row's canonical encoding."""
    return hashlib.sha256(preimage(stream, chain_seq, prev_hash, content)).hexdigest()


def canonical_json(document: object) -> bytes:
    """JSON with sorted keys and no spaces, as UTF-8 (what the hashes and MACs are over)."""
    text = json.dumps(
        document, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )
    return text.encode("utf-8")


def _same(value: Any) -> Any:
    return value


def _float(value: float) -> str:
    if not math.isfinite(value):
        raise EncodingError(f"not a finite number: {value!r}")
    return repr(value)


def _exact(value: Decimal) -> str:
    if not value.is_finite():
        raise EncodingError(f"not a finite number: {value!r}")
    if value.is_zero():
        return "0"
    return format(value.normalize(), "f")


def _utc(value: datetime) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise EncodingError(f"a chained time must be timezone-aware, got {value!r}")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _hex(value: bytes | bytearray | memoryview) -> str:
    return bytes(value).hex()


# In this order: a bool is an int, a datetime is a date.
_SCALARS: tuple[tuple[type | UnionType, str, Callable[[Any], object]], ...] = (
    (bool, "bool", _same),
    (int, "int", str),
    (str, "str", _same),
    (Decimal, "dec", _exact),
    (float, "float", _float),
    (bytes | bytearray | memoryview, "bytes", _hex),
    (datetime, "time", _utc),
    (date, "date", date.isoformat),
)


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise EncodingError(f"a key must be text, got {type(key).__name__}")
    return key
