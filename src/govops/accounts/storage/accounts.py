"""The accounts' ports on one SQLAlchemy connection, and their unit of work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from govops.accounts.model.events import AccessEvent, AccessEventKind
from govops.accounts.model.units import UnitVersion
from govops.accounts.model.users import User
from govops.accounts.ports import (
    AccessEventLog,
    GrantRepository,
    SessionRepository,
    TokenRepository,
    UnitRepository,
    UsernameTakenError,
    UserRepository,
)
from govops.accounts.storage.credentials import SqlSessions, SqlTokens
from govops.accounts.storage.tables import (
    access_events,
    unit_versions,
    user_grants,
    users,
)
from govops.platform.identity.actor import Grant
from govops.platform.identity.units import Unit
from govops.platform.storage.chain import append
from govops.platform.storage.transaction import ConnectionUnitOfWork, is_unique_violation


class SqlUsers:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, user: User) -> None:
        row = {
            "id": user.id,
            "username": user.username,
            "display_name": user.display_name,
            "password_hash": user.password_hash,
            "disabled": user.disabled,
            "created_at": user.created_at,
        }
        try:
            with self._c.begin_nested():
                self._c.execute(insert(users), [row])
        except IntegrityError as error:
            if is_unique_violation(error):
                raise UsernameTakenError(user.username) from error
            raise

    def by_username(self, username: str) -> User | None:
        return _user(self._c.execute(select(users).where(users.c.username == username)).first())

    def by_id(self, user_id: str) -> User | None:
        return _user(self._c.execute(select(users).where(users.c.id == user_id)).first())

    def all(self) -> list[User]:
        found = self._c.execute(select(users).order_by(users.c.username))
        return [u for u in (_user(r) for r in found) if u is not None]

    def count(self) -> int:
        return int(self._c.execute(select(func.count()).select_from(users)).scalar_one())

    def set_disabled(self, user_id: str, disabled: bool) -> None:
        self._c.execute(update(users).where(users.c.id == user_id).values(disabled=disabled))

    def set_password(self, user_id: str, password_hash: str) -> None:
        statement = update(users).where(users.c.id == user_id).values(password_hash=password_hash)
        self._c.execute(statement)


def _user(row: Row[Any] | None) -> User | None:
    if row is None:
        return None
    return User(
        row.id, row.username, row.display_name, row.password_hash, row.disabled, row.created_at
    )


class SqlGrants:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def of_user(self, user_id: str) -> list[Grant]:
        query = select(user_grants).where(user_grants.c.user_id == user_id)
        rows = self._c.execute(query.order_by(user_grants.c.unit, user_grants.c.role))
        return [Grant(r.role, r.unit) for r in rows]

    def add(self, user_id: str, grant: Grant, at: datetime, by: str) -> bool:
        if grant in self.of_user(user_id):
            return False
        row = {
            "user_id": user_id,
            "role": grant.role,
            "unit": grant.unit,
            "granted_at": at,
            "granted_by": by,
        }
        self._c.execute(insert(user_grants), [row])
        return True

    def remove(self, user_id: str, grant: Grant) -> bool:
        statement = delete(user_grants).where(
            user_grants.c.user_id == user_id,
            user_grants.c.role == grant.role,
            user_grants.c.unit == grant.unit,
        )
        return bool(self._c.execute(statement).rowcount)


class SqlUnits:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def versions(self) -> list[UnitVersion]:
        query = select(unit_versions).order_by(
            unit_versions.c.recorded_at, unit_versions.c.code, unit_versions.c.seq
        )
        return [
            UnitVersion(
                Unit(r.code, dict(r.names), r.kind, r.parent, tuple(r.packs)),
                r.seq,
                r.recorded_at,
                r.actor,
            )
            for r in self._c.execute(query)
        ]

    def append(self, versions: list[UnitVersion]) -> None:
        rows = [
            {
                "code": v.unit.code,
                "seq": v.seq,
                "names": dict(v.unit.names),
                "kind": v.unit.kind,
                "parent": v.unit.parent,
                "packs": list(v.unit.packs),
                "recorded_at": v.recorded_at,
                "actor": v.actor,
            }
            for v in versions
        ]
        if rows:
            append(self._c, unit_versions, rows)


class SqlAccessEvents:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def append(self, event: AccessEvent) -> None:
        row = {
            "kind": event.kind.value,
            "at": event.at,
            "subject": event.subject,
            "actor": event.actor,
            "unit": event.unit,
            "address": event.address,
            "data": event.data,
        }
        append(self._c, access_events, [row])

    def count(
        self,
        kind: AccessEventKind,
        since: datetime,
        subject: str | None = None,
        address: str | None = None,
    ) -> int:
        query = (
            select(func.count())
            .select_from(access_events)
            .where(access_events.c.kind == kind.value, access_events.c.at >= since)
        )
        if subject is not None:
            query = query.where(access_events.c.subject == subject)
        if address is not None:
            query = query.where(access_events.c.address == address)
        return int(self._c.execute(query).scalar_one())

    def recent(self, limit: int = 100) -> list[AccessEvent]:
        query = select(access_events).order_by(access_events.c.id.desc()).limit(limit)
        return [
            AccessEvent(
                AccessEventKind(r.kind), r.at, r.subject, r.actor, r.unit, r.address, dict(r.data)
            )
            for r in self._c.execute(query)
        ]


class SqlAccountsUnitOfWork(ConnectionUnitOfWork):
    users: UserRepository
    grants: GrantRepository
    sessions: SessionRepository
    tokens: TokenRepository
    units: UnitRepository
    events: AccessEventLog
    conflict = UsernameTakenError

    def _attach(self, connection: Connection) -> None:
        self.users = SqlUsers(connection)
        self.grants = SqlGrants(connection)
        self.sessions = SqlSessions(connection)
        self.tokens = SqlTokens(connection)
        self.units = SqlUnits(connection)
        self.events = SqlAccessEvents(connection)


def accounts_unit_of_work_factory(engine: Engine) -> Callable[[], SqlAccountsUnitOfWork]:
    def new_unit_of_work() -> SqlAccountsUnitOfWork:
        return SqlAccountsUnitOfWork(engine)

    return new_unit_of_work
