"""The refusals of the accounts' use cases, each with its message."""

from __future__ import annotations

from govops.lawcode.texts.messages import Message


class AccountsError(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class NotAllowedError(AccountsError):
    """The actor lacks the permission, at that unit."""


class UnknownUserError(AccountsError, LookupError):
    """No such user (or token)."""


class LogInRefusedError(AccountsError):
    """Wrong name or password, a disabled user, or too many attempts: one message for all,
    so that a refusal does not tell which names exist."""


class ThrottledError(LogInRefusedError):
    """Too many refused attempts for the account or from the address, lately."""
