"""What the accounts record, append-only: each log-in (and each refused one), log-out,
session revoked, user added, disabled or given a new password, role granted or revoked,
token created or revoked, unit changed, each reading kept on record (a selection
dossier read) and each operation a user runs on demand (a webhook delivery round). Each
event names the user it is about, who caused it, the unit they acted in and, for log-ins,
the address."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class AccessEventKind(StrEnum):
    LOGIN = "login"
    LOGIN_REFUSED = "login_refused"
    LOGOUT = "logout"
    SESSION_REVOKED = "session_revoked"
    USER_ADDED = "user_added"
    USER_DISABLED = "user_disabled"
    PASSWORD_RESET = "password_reset"
    GRANTED = "granted"
    REVOKED = "revoked"
    TOKEN_CREATED = "token_created"
    TOKEN_REVOKED = "token_revoked"
    UNIT_CHANGED = "unit_changed"
    READING = "reading"  # a reading kept on record, as of a selection dossier (Art. 48)
    OPERATION = "operation"  # an operation a user ran on demand, as a webhook delivery round


@dataclass(frozen=True, slots=True)
class AccessEvent:
    kind: AccessEventKind
    at: datetime  # the server's clock
    subject: str  # what it is about: a user, a unit, a case read, an operation run
    actor: str  # who caused it: a user name, or "-" for an anonymous log-in attempt
    unit: str | None = None  # the unit the actor acted in
    address: str | None = None  # the client's address, for log-ins
    data: dict[str, Any] = field(default_factory=dict)
