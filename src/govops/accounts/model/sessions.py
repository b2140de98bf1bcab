"""Sessions and API tokens: what a browser or a machine client holds is a random secret;
what is kept is its SHA-256 (a stolen database does not yield a working session), with its
owner, its times and, for a token, the permissions it is limited to."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

SECRET_BYTES = 32
TOKEN_PREFIX = "gvt_"  # tells a govops API token apart in logs and secret scanners


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(SECRET_BYTES)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class SessionPolicy:
    """A session ends after `idle` without a request, and `absolute` after log-in at most.
    Log-ins are refused for `window` after `per_account` failures for one user name, or
    `per_address` failures from one address."""

    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)
    touch_every: timedelta = timedelta(minutes=1)  # last_seen is written at most this often
    window: timedelta = timedelta(minutes=15)
    per_account: int = 5
    per_address: int = 20


@dataclass(frozen=True, slots=True)
class Session:
    id_hash: str
    user_id: str
    created_at: datetime
    last_seen: datetime
    address: str | None = None
    revoked_at: datetime | None = None

    def live(self, now: datetime, policy: SessionPolicy) -> bool:
        return (
            self.revoked_at is None
            and now - self.last_seen < policy.idle
            and now - self.created_at < policy.absolute
        )


@dataclass(frozen=True, slots=True)
class ApiToken:
    id: str
    user_id: str
    name: str
    token_hash: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None = None
    permissions: frozenset[str] | None = None  # None: the owner's, as they are at each use

    def live(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at
