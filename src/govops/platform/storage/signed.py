"""Signed checkpoints: every stream's head at one moment, with an HMAC-SHA256 under a key
the operator keeps outside the database (GOVOPS_AUDIT_KEY). Whoever can write the database
can recompute every hash of an unkeyed chain, the register and the checkpoint log with it;
they cannot forge the MAC of a checkpoint kept elsewhere, so a chain rewritten (or cut
short) before that moment no longer matches it.

The file is a JSON object: {"format": "govops-audit-checkpoint/1", "at": "<UTC ISO>",
"heads": {<stream>: {"length": <int>, "head": "<64 hex>"}}, "mac": "<64 hex>"}, the MAC
taken over the canonical JSON (`canonical.canonical_json`) of the object without "mac".
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import UTC, datetime
from enum import StrEnum

from govops.platform.storage.canonical import canonical_json
from govops.platform.storage.verify import Head

FORMAT = "govops-audit-checkpoint/1"
KEY_VARIABLE = "GOVOPS_AUDIT_KEY"
MIN_KEY_BYTES = 16
_HEX = frozenset("0123456789abcdef")


class Refusal(StrEnum):
    NO_KEY = "no-key"  # GOVOPS_AUDIT_KEY unset, or shorter than MIN_KEY_BYTES
    MALFORMED = "malformed"  # not a checkpoint this version writes
    FORGED = "forged"  # the MAC does not match: the file was changed, or the key differs


class CheckpointError(ValueError):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


def audit_key(environ: Mapping[str, str]) -> bytes:
    """The operator's key from GOVOPS_AUDIT_KEY (UTF-8), at least MIN_KEY_BYTES long."""
    key = environ.get(KEY_VARIABLE, "").encode("utf-8")
    if len(key) < MIN_KEY_BYTES:
        raise CheckpointError(Refusal.NO_KEY)
    return key


def sign(heads: Mapping[str, Head], at: datetime, key: bytes) -> dict[str, object]:
    body: dict[str, object] = {
        "format": FORMAT,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "heads": {
            stream: {"length": head.length, "head": head.hash}
            for stream, head in sorted(heads.items())
        },
    }
    return body | {"mac": _mac(body, key)}


def open_signed(document: object, key: bytes) -> dict[str, Head]:
    """The heads of a signed checkpoint, once its MAC is checked."""
    if not isinstance(document, dict) or set(document) != {"format", "at", "heads", "mac"}:
        raise CheckpointError(Refusal.MALFORMED)
    body = {name: value for name, value in document.items() if name != "mac"}
    mac = document["mac"]
    if document["format"] != FORMAT or not isinstance(mac, str):
        raise CheckpointError(Refusal.MALFORMED)
    heads = _heads(document["heads"])
    if not hmac.compare_digest(mac, _mac(body, key)):
        raise CheckpointError(Refusal.FORGED)
    return heads


def _heads(heads: object) -> dict[str, Head]:
    if not isinstance(heads, dict):
        raise CheckpointError(Refusal.MALFORMED)
    found = {}
    for stream, head in heads.items():
        if not isinstance(head, dict) or set(head) != {"length", "head"}:
            raise CheckpointError(Refusal.MALFORMED)
        length, hashed = head["length"], head["head"]
        if not (isinstance(length, int) and not isinstance(length, bool) and length >= 0):
            raise CheckpointError(Refusal.MALFORMED)
        if not (isinstance(hashed, str) and len(hashed) == 64 and set(hashed) <= _HEX):
            raise CheckpointError(Refusal.MALFORMED)
        found[stream] = Head(length, hashed)
    return found


def _mac(body: Mapping[str, object], key: bytes) -> str:
    return hmac.new(key, canonical_json(body), hashlib.sha256).hexdigest()
