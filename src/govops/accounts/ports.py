"""What the accounts' use cases need from storage, inside one unit of work."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from govops.accounts.model.events import AccessEvent, AccessEventKind
from govops.accounts.model.sessions import ApiToken, Session
from govops.accounts.model.units import UnitVersion
from govops.accounts.model.users import User
from govops.platform.identity.actor import Grant
from govops.platform.ports import Transaction


class UsernameTakenError(Exception):
    """Another user has that name."""


class UserRepository(Protocol):
    def add(self, user: User) -> None:
        """UsernameTakenError if the name is taken."""

    def by_username(self, username: str) -> User | None: ...

    def by_id(self, user_id: str) -> User | None: ...

    def all(self) -> list[User]:
        """By user name."""

    def count(self) -> int: ...

    def set_disabled(self, user_id: str, disabled: bool) -> None: ...

    def set_password(self, user_id: str, password_hash: str) -> None: ...


class GrantRepository(Protocol):
    def of_user(self, user_id: str) -> list[Grant]: ...

    def add(self, user_id: str, grant: Grant, at: datetime, by: str) -> bool:
        """False when the user holds that grant already."""

    def remove(self, user_id: str, grant: Grant) -> bool:
        """False when the user does not hold it."""


class SessionRepository(Protocol):
    def add(self, session: Session) -> None: ...

    def get(self, id_hash: str) -> Session | None: ...

    def touch(self, id_hash: str, at: datetime) -> None: ...

    def revoke(self, id_hash: str, at: datetime) -> None: ...

    def revoke_user(self, user_id: str, at: datetime) -> int:
        """Revoke every live session of the user; how many."""


class TokenRepository(Protocol):
    def add(self, token: ApiToken) -> None: ...

    def by_hash(self, token_hash: str) -> ApiToken | None: ...

    def of_user(self, user_id: str) -> list[ApiToken]: ...

    def revoke(self, token_id: str, at: datetime) -> bool: ...


class UnitRepository(Protocol):
    def versions(self) -> list[UnitVersion]:
        """Every version of every unit, in the order recorded."""

    def append(self, versions: list[UnitVersion]) -> None: ...


class AccessEventLog(Protocol):
    def append(self, event: AccessEvent) -> None: ...

    def count(
        self,
        kind: AccessEventKind,
        since: datetime,
        subject: str | None = None,
        address: str | None = None,
    ) -> int:
        """Events of `kind` at or after `since`, about `subject` or from `address`."""

    def recent(self, limit: int = 100) -> list[AccessEvent]:
        """The latest events, newest first."""


class AccountsUnitOfWork(Transaction, Protocol):
    users: UserRepository
    grants: GrantRepository
    sessions: SessionRepository
    tokens: TokenRepository
    units: UnitRepository
    events: AccessEventLog
