"""Standard Webhooks signatures: the specification's own example, and the secret's form."""

from __future__ import annotations

import base64

import pytest

from govops.warnings.model.signing import new_secret, signature, signed_headers


def test_the_signature_of_the_specifications_example() -> None:
    """The example of the Standard Webhooks reference libraries."""
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    found = signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)
    assert found == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_the_signature_covers_the_id_the_timestamp_and_the_body() -> None:
    secret = new_secret(bytes(range(32)))
    base = signature(secret, "7", 1700000000, b"<alert/>")
    assert signature(secret, "8", 1700000000, b"<alert/>") != base
    assert signature(secret, "7", 1700000001, b"<alert/>") != base
    assert signature(secret, "7", 1700000000, b"<alert />") != base
    headers = signed_headers(secret, "7", 1700000000, b"<alert/>")
    assert headers == {
        "webhook-id": "7",
        "webhook-timestamp": "1700000000",
        "webhook-signature": base,
    }


def test_a_secret_is_whsec_and_the_base64_of_its_key() -> None:
    key = bytes(range(24, 56))
    secret = new_secret(key)
    assert secret.startswith("whsec_")
    assert base64.b64decode(secret.removeprefix("whsec_")) == key
    for size in (23, 65):
        with pytest.raises(ValueError, match="24 to 64"):
            new_secret(bytes(size))
