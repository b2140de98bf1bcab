"""Webhook signatures as Standard Webhooks defines them (https://www.standardwebhooks.com/):
each request carries `webhook-id` (the message id: the delivery's, the same on every retry),
`webhook-timestamp` (unix seconds of the attempt) and `webhook-signature: v1,<base64 of the
HMAC-SHA256 of "{id}.{timestamp}.{body}">`, keyed with the subscription's secret
`whsec_<base64 of the key>`. A receiver recomputes it with the secret it was given once,
compares in constant time, and refuses a timestamp far from its own clock."""

from __future__ import annotations

import base64
import hashlib
import hmac

SECRET_PREFIX = "whsec_"
KEY_BYTES = 32  # the specification asks for 24 to 64
ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"


def new_secret(key: bytes) -> str:
    """The secret a subscriber is given, for `key` (random bytes, 24 to 64 of them)."""
    if not 24 <= len(key) <= 64:
        raise ValueError("a webhook key is 24 to 64 bytes")
    return SECRET_PREFIX + base64.b64encode(key).decode("ascii")


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """The value of `webhook-signature`: `v1,` and the base64 HMAC-SHA256."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def signed_headers(secret: str, message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        ID_HEADER: message_id,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature(secret, message_id, timestamp, body),
    }
