"""Users and their grants. Only an administrator (users.manage at a unit) adds, disables or
resets users, and grants only at units within their own scope; the first administrator
is made by the command line on an empty system."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from argon2 import PasswordHasher

from govops.accounts.model.events import AccessEvent, AccessEventKind
from govops.accounts.model.roles import ADMINISTRATOR
from govops.accounts.model.units import current_tree
from govops.accounts.model.users import (
    AccountInputError,
    User,
    checked_display_name,
    checked_password,
    checked_username,
)
from govops.accounts.ports import AccountsUnitOfWork, UsernameTakenError
from govops.accounts.service.errors import NotAllowedError, UnknownUserError
from govops.lawcode.texts.messages import msg
from govops.platform.identity.actor import Actor, Grant
from govops.platform.identity.roles import RoleCatalogue

MANAGE = "users.manage"


class AccountsService:
    def __init__(
        self,
        unit_of_work: Callable[[], AccountsUnitOfWork],
        clock: Callable[[], datetime],
        catalogue: RoleCatalogue,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self._uow, self._clock, self.catalogue = unit_of_work, clock, catalogue
        self.hasher = hasher or PasswordHasher()

    def actor(self, user: User, via: str = "session", limit: frozenset[str] | None = None) -> Actor:
        """The actor `user` is, with their grants as they are now."""
        with self._uow() as uow:
            grants = tuple(uow.grants.of_user(user.id))
            tree = current_tree(uow.units.versions())
        return Actor(
            user.id, user.username, user.display_name, grants, self.catalogue, tree, via, limit
        )

    def local_actor(self, username: str) -> Actor:
        """The command line acting as the named local user (who must exist and be enabled)."""
        with self._uow() as uow:
            user = uow.users.by_username(username)
        if user is None or user.disabled:
            raise UnknownUserError(msg("no enabled user {name}", name=repr(username)))
        return self.actor(user, via="cli")

    def record_reading(self, actor: Actor, unit: str | None, subject: str, what: str) -> None:
        """A reading kept on record: who read `what` of `subject`, in which unit, when."""
        with self._uow() as uow:
            self._record(uow, AccessEventKind.READING, subject, actor, unit, {"read": what})
            uow.commit()

    def record_operation(
        self, actor: Actor, unit: str | None, subject: str, data: dict[str, str]
    ) -> None:
        """An operation run on demand on record: who ran `subject`, in which unit, when,
        and what came of it (`data`)."""
        with self._uow() as uow:
            self._record(uow, AccessEventKind.OPERATION, subject, actor, unit, data)
            uow.commit()

    def has_users(self) -> bool:
        with self._uow() as uow:
            return uow.users.count() > 0

    def add_user(
        self, actor: Actor | None, username: str, display_name: str, password: str
    ) -> User:
        """A new user, enabled, with no grant. `actor` None only on an empty system (the
        first administrator, made by the command line)."""
        name = checked_username(username)
        shown, secret = checked_display_name(display_name), checked_password(password)
        now = self._clock()
        user = User(uuid.uuid4().hex, name, shown, self.hasher.hash(secret), False, now)
        with self._uow() as uow:
            if actor is None and uow.users.count() > 0:
                raise NotAllowedError(msg("users exist already: an administrator adds users"))
            unit = self._managing_unit(actor)
            try:
                uow.users.add(user)
            except UsernameTakenError:
                raise AccountInputError("username", msg("is taken")) from None
            self._record(uow, AccessEventKind.USER_ADDED, name, actor, unit)
            uow.commit()
        return user

    def users(self, actor: Actor) -> list[User]:
        self._managing_unit(actor)
        with self._uow() as uow:
            return uow.users.all()

    def grants(self, actor: Actor, username: str) -> list[Grant]:
        self._managing_unit(actor)
        with self._uow() as uow:
            return uow.grants.of_user(self._user(uow, username).id)

    def disable(self, actor: Actor, username: str) -> None:
        """The user can no longer log in; their sessions end and their tokens stop working."""
        unit = self._managing_unit(actor)
        now = self._clock()
        with self._uow() as uow:
            user = self._user(uow, username)
            uow.users.set_disabled(user.id, True)
            uow.sessions.revoke_user(user.id, now)
            self._record(uow, AccessEventKind.USER_DISABLED, user.username, actor, unit)
            uow.commit()

    def reset_password(self, actor: Actor | None, username: str, password: str) -> None:
        """A new password; the user's sessions end. `actor` None: the command line as the
        machine's operator."""
        secret = checked_password(password)
        unit = self._managing_unit(actor) if actor is not None else None
        now = self._clock()
        with self._uow() as uow:
            user = self._user(uow, username)
            uow.users.set_password(user.id, self.hasher.hash(secret))
            uow.sessions.revoke_user(user.id, now)
            self._record(uow, AccessEventKind.PASSWORD_RESET, user.username, actor, unit)
            uow.commit()

    def grant(self, actor: Actor | None, username: str, role: str, unit: str) -> bool:
        """Grant `role` at `unit`; False if held already. An administrator grants only
        within their scope; `actor` None: the first administrator's own grant."""
        return self._change_grant(actor, username, Grant(role, unit), add=True)

    def revoke(self, actor: Actor, username: str, role: str, unit: str) -> bool:
        return self._change_grant(actor, username, Grant(role, unit), add=False)

    def _change_grant(self, actor: Actor | None, username: str, grant: Grant, add: bool) -> bool:
        if grant.role not in self.catalogue.roles:
            raise AccountInputError("role", msg("no role {role}", role=repr(grant.role)))
        now = self._clock()
        with self._uow() as uow:
            tree = current_tree(uow.units.versions())
            if grant.unit not in tree:
                raise AccountInputError("unit", msg("no unit {unit}", unit=repr(grant.unit)))
            user = self._user(uow, username)
            if actor is None:
                if not (add and grant.role == ADMINISTRATOR and uow.users.count() == 1):
                    raise NotAllowedError(msg("only an administrator grants roles"))
            elif not actor.can(MANAGE, grant.unit):
                raise NotAllowedError(
                    msg("you may not manage users at unit {unit}", unit=grant.unit)
                )
            by = actor.username if actor is not None else user.username
            done = (
                uow.grants.add(user.id, grant, now, by)
                if add
                else uow.grants.remove(user.id, grant)
            )
            if done:
                kind = AccessEventKind.GRANTED if add else AccessEventKind.REVOKED
                data = {"role": grant.role, "unit": grant.unit}
                self._record(uow, kind, user.username, actor, grant.unit, data)
                uow.commit()
            return done

    def _managing_unit(self, actor: Actor | None) -> str | None:
        if actor is None:
            return None
        unit = actor.acting_unit(MANAGE)
        if unit is None:
            raise NotAllowedError(msg("you may not manage users"))
        return unit

    @staticmethod
    def _user(uow: AccountsUnitOfWork, username: str) -> User:
        user = uow.users.by_username(username.strip())
        if user is None:
            raise UnknownUserError(msg("no user {name}", name=repr(username)))
        return user

    def _record(
        self,
        uow: AccountsUnitOfWork,
        kind: AccessEventKind,
        subject: str,
        actor: Actor | None,
        unit: str | None,
        data: dict[str, str] | None = None,
    ) -> None:
        by = actor.username if actor is not None else "cli"
        uow.events.append(AccessEvent(kind, self._clock(), subject, by, unit, None, data or {}))
