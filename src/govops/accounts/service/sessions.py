"""Log-in, sessions and API tokens. A log-in checks the password against its argon2 hash
(a missing user costs the same time as a wrong password), is refused after too many
failures for the account or from the address (counted from the recorded refusals), and
starts a server-side session; a session ends on log-out, after its idle time, after its
absolute time, when revoked, or when its user is disabled. An API token acts with its
owner's grants as they are at each use, limited to the token's permissions if it has
some, until it expires or is revoked."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from argon2.exceptions import InvalidHashError, VerificationError

from govops.accounts.model.events import AccessEvent, AccessEventKind
from govops.accounts.model.sessions import (
    TOKEN_PREFIX,
    ApiToken,
    Session,
    SessionPolicy,
    digest,
    new_secret,
)
from govops.accounts.model.users import MAX_PASSWORD, User
from govops.accounts.ports import AccountsUnitOfWork
from govops.accounts.service.accounts import AccountsService
from govops.accounts.service.errors import (
    LogInRefusedError,
    NotAllowedError,
    ThrottledError,
    UnknownUserError,
)
from govops.lawcode.texts.messages import msg
from govops.platform.identity.actor import Actor
from govops.platform.patience import patiently

MAX_TOKEN_DAYS = 366
_REFUSED = msg("wrong user name or password")


class SessionService:
    def __init__(
        self,
        accounts: AccountsService,
        unit_of_work: Callable[[], AccountsUnitOfWork],
        clock: Callable[[], datetime],
        policy: SessionPolicy | None = None,
    ) -> None:
        self._accounts, self._uow, self._clock = accounts, unit_of_work, clock
        self.policy = policy or SessionPolicy()
        # Verified against when the user is unknown, so that both take the same time.
        self._decoy = accounts.hasher.hash(new_secret())

    def log_in(self, username: str, password: str, address: str | None) -> tuple[str, User]:
        """A new session's secret (for the cookie) and its user; LogInRefusedError."""
        now = self._clock()
        name = username.strip()[:100]
        with self._uow() as uow:
            self._check_throttle(uow, name, address, now)
            user = uow.users.by_username(name)
            good = self._verify(user, password)
            if user is None or user.disabled or not good:
                kind = AccessEventKind.LOGIN_REFUSED
                uow.events.append(AccessEvent(kind, now, name, "-", None, address))
                uow.commit()
                raise LogInRefusedError(_REFUSED)
            secret = new_secret()
            uow.sessions.add(Session(digest(secret), user.id, now, now, address))
            uow.events.append(AccessEvent(AccessEventKind.LOGIN, now, name, name, None, address))
            uow.commit()
        return secret, user

    def _verify(self, user: User | None, password: str) -> bool:
        if len(password.encode("utf-8")) > MAX_PASSWORD:
            return False
        try:
            return (
                self._accounts.hasher.verify(user.password_hash if user else self._decoy, password)
                and user is not None
            )
        except (VerificationError, InvalidHashError):
            return False

    def _check_throttle(
        self, uow: AccountsUnitOfWork, name: str, address: str | None, now: datetime
    ) -> None:
        since = now - self.policy.window
        refused = AccessEventKind.LOGIN_REFUSED
        too_many = uow.events.count(refused, since, subject=name) >= self.policy.per_account
        if address is not None and not too_many:
            too_many = uow.events.count(refused, since, address=address) >= self.policy.per_address
        if too_many:
            minutes = int(self.policy.window.total_seconds() // 60)
            raise ThrottledError(
                msg("too many refused log-ins: try again in {count} minutes", count=minutes)
            )

    def session_actor(self, secret: str) -> Actor | None:
        """The actor of a live session; None for no such, ended or revoked session. A busy
        storage is waited for as the request's own writes would wait for it (another process
        holding SQLite's write lock: within this one, units of work take turns)."""
        return patiently(lambda: self._session_actor(secret))

    def _session_actor(self, secret: str) -> Actor | None:
        now = self._clock()
        with self._uow() as uow:
            session = uow.sessions.get(digest(secret))
            if session is None or not session.live(now, self.policy):
                return None
            user = uow.users.by_id(session.user_id)
            if user is None or user.disabled:
                return None
            if now - session.last_seen >= self.policy.touch_every:
                uow.sessions.touch(session.id_hash, now)
                uow.commit()
        return self._accounts.actor(user)

    def log_out(self, secret: str) -> None:
        now = self._clock()
        with self._uow() as uow:
            session = uow.sessions.get(digest(secret))
            if session is None or session.revoked_at is not None:
                return
            uow.sessions.revoke(session.id_hash, now)
            user = uow.users.by_id(session.user_id)
            name = user.username if user else session.user_id
            uow.events.append(AccessEvent(AccessEventKind.LOGOUT, now, name, name))
            uow.commit()

    def create_token(
        self, actor: Actor, name: str, days: int, permissions: frozenset[str] | None = None
    ) -> tuple[str, ApiToken]:
        """A token for the actor's own use: its secret (shown once) and what is kept."""
        unit = actor.acting_unit("token.create")
        if unit is None:
            raise NotAllowedError(msg("you may not create API tokens"))
        if not 1 <= days <= MAX_TOKEN_DAYS:
            raise NotAllowedError(msg("a token lasts 1 to {count} days", count=MAX_TOKEN_DAYS))
        unknown = sorted((permissions or frozenset()) - set(self._accounts.catalogue.permissions))
        if unknown:
            raise NotAllowedError(msg("unknown permissions {unknown}", unknown=", ".join(unknown)))
        now, secret = self._clock(), new_secret(TOKEN_PREFIX)
        label = name.strip()[:100] or "token"
        token = ApiToken(
            uuid.uuid4().hex,
            actor.user_id,
            label,
            digest(secret),
            now,
            now + timedelta(days=days),
            None,
            permissions,
        )
        with self._uow() as uow:
            uow.tokens.add(token)
            data = {"token": token.id, "name": label}
            kind = AccessEventKind.TOKEN_CREATED
            uow.events.append(
                AccessEvent(kind, now, actor.username, actor.username, unit, None, data)
            )
            uow.commit()
        return secret, token

    def tokens(self, actor: Actor) -> list[ApiToken]:
        with self._uow() as uow:
            return uow.tokens.of_user(actor.user_id)

    def revoke_token(self, actor: Actor, token_id: str) -> None:
        now = self._clock()
        with self._uow() as uow:
            mine = {t.id for t in uow.tokens.of_user(actor.user_id)}
            if token_id not in mine or not uow.tokens.revoke(token_id, now):
                raise UnknownUserError(msg("no token {token} of yours", token=repr(token_id)))
            data = {"token": token_id}
            kind = AccessEventKind.TOKEN_REVOKED
            uow.events.append(
                AccessEvent(kind, now, actor.username, actor.username, None, None, data)
            )
            uow.commit()

    def token_actor(self, secret: str) -> Actor | None:
        """The actor of a live API token; None otherwise (a busy storage waited for)."""
        return patiently(lambda: self._token_actor(secret))

    def _token_actor(self, secret: str) -> Actor | None:
        now = self._clock()
        with self._uow() as uow:
            token = uow.tokens.by_hash(digest(secret))
            if token is None or not token.live(now):
                return None
            user = uow.users.by_id(token.user_id)
        if user is None or user.disabled:
            return None
        return self._accounts.actor(user, via="token", limit=token.permissions)
