"""Sessions and API tokens on one SQLAlchemy connection: rows keyed by the SHA-256 of the
secret the client holds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from govops.accounts.model.sessions import ApiToken, Session
from govops.accounts.storage.tables import api_tokens, user_sessions


class SqlSessions:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, session: Session) -> None:
        row = {
            "id_hash": session.id_hash,
            "user_id": session.user_id,
            "created_at": session.created_at,
            "last_seen": session.last_seen,
            "address": session.address,
            "revoked_at": session.revoked_at,
        }
        self._c.execute(insert(user_sessions), [row])

    def get(self, id_hash: str) -> Session | None:
        row = self._c.execute(
            select(user_sessions).where(user_sessions.c.id_hash == id_hash)
        ).first()
        if row is None:
            return None
        return Session(
            row.id_hash, row.user_id, row.created_at, row.last_seen, row.address, row.revoked_at
        )

    def touch(self, id_hash: str, at: datetime) -> None:
        statement = update(user_sessions).where(user_sessions.c.id_hash == id_hash)
        self._c.execute(statement.values(last_seen=at))

    def revoke(self, id_hash: str, at: datetime) -> None:
        statement = update(user_sessions).where(user_sessions.c.id_hash == id_hash)
        self._c.execute(statement.values(revoked_at=at))

    def revoke_user(self, user_id: str, at: datetime) -> int:
        statement = update(user_sessions).where(
            user_sessions.c.user_id == user_id, user_sessions.c.revoked_at.is_(None)
        )
        return int(self._c.execute(statement.values(revoked_at=at)).rowcount)


class SqlTokens:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, token: ApiToken) -> None:
        row = {
            "id": token.id,
            "user_id": token.user_id,
            "name": token.name,
            "token_hash": token.token_hash,
            "created_at": token.created_at,
            "expires_at": token.expires_at,
            "revoked_at": token.revoked_at,
            "permissions": None if token.permissions is None else sorted(token.permissions),
        }
        self._c.execute(insert(api_tokens), [row])

    def by_hash(self, token_hash: str) -> ApiToken | None:
        row = self._c.execute(
            select(api_tokens).where(api_tokens.c.token_hash == token_hash)
        ).first()
        return None if row is None else _token(row)

    def of_user(self, user_id: str) -> list[ApiToken]:
        query = select(api_tokens).where(api_tokens.c.user_id == user_id)
        return [_token(r) for r in self._c.execute(query.order_by(api_tokens.c.created_at))]

    def revoke(self, token_id: str, at: datetime) -> bool:
        statement = update(api_tokens).where(
            api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None)
        )
        return bool(self._c.execute(statement.values(revoked_at=at)).rowcount)


def _token(row: Row[Any]) -> ApiToken:
    limit = None if row.permissions is None else frozenset(row.permissions)
    return ApiToken(
        row.id,
        row.user_id,
        row.name,
        row.token_hash,
        row.created_at,
        row.expires_at,
        row.revoked_at,
        limit,
    )
