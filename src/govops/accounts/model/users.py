"""A user as the accounts keep them, and the rules for user names and passwords."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from govops.lawcode.texts.messages import Message, msg

USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,49}")
MIN_PASSWORD = 12
MAX_PASSWORD = 256  # bytes hashed are bounded: a longer text is refused before hashing
MAX_DISPLAY_NAME = 100


class AccountInputError(ValueError):
    """A user name, password or field that cannot be taken; `.message` says why."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class User:
    id: str
    username: str
    display_name: str
    password_hash: str
    disabled: bool
    created_at: datetime


def checked_username(username: str) -> str:
    name = username.strip()
    if not USERNAME.fullmatch(name):
        raise AccountInputError(
            "username",
            msg(
                "must be 2 to 50 lower-case letters, digits, dots, dashes or underscores, "
                "starting with a letter"
            ),
        )
    return name


def checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountInputError(
            "password", msg("must be at least {count} characters", count=MIN_PASSWORD)
        )
    if len(password.encode("utf-8")) > MAX_PASSWORD:
        raise AccountInputError("password", msg("is too long"))
    return password


def checked_display_name(name: str) -> str:
    shown = name.strip()
    if not shown or len(shown) > MAX_DISPLAY_NAME or any(ord(c) < 32 for c in shown):
        raise AccountInputError(
            "display_name",
            msg("must be 1 to {count} characters, no control characters", count=MAX_DISPLAY_NAME),
        )
    return shown
