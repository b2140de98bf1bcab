"""Who a request comes from, and whether they may: the actor of the session cookie (pages,
and the API from those pages) or of `Authorization: Bearer <token>` (machine clients),
read once per request; and the rule every route declares, as a dependency:

- `public`: anyone, signed in or not (the log-in page, static files, /health, the CAP
  alerts published on purpose);
- `signed_in`: any signed-in user (the home page, log-out, one's own tokens);
- `permission("incident.report")`: a signed-in user who holds that permission (or, given
  several, one of them) at some unit; the route then checks the unit of what it touches
  (`at_unit`), answering 404 for what lies outside the actor's units, so that nothing
  outside them is even confirmed.

Without an actor the API answers 401 (with `WWW-Authenticate: Bearer`); pages send the
reader to the log-in page instead (platform.web.auth). The permission matrix test reads
these rules from every route."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Depends, HTTPException, Request

from govops.lawcode.texts.messages import Message, msg
from govops.platform.identity.actor import Actor
from govops.platform.identity.authenticator import Authenticator

SESSION_COOKIE = "govops_session"
_RESOLVED = "govops_actor"


class NotSignedInError(Exception):
    """No live session or token came with the request."""


class ForbiddenError(Exception):
    """A signed-in actor without the permission (where it may be said: 403)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class OutOfScopeError(LookupError):
    """What the actor asked for lies outside their units: answered as not found (404)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _authenticator(request: Request) -> Authenticator | None:
    found: Authenticator | None = getattr(request.app.state, "authenticator", None)
    return found


def request_actor(request: Request) -> Actor | None:
    """The request's actor, resolved once: a bearer token first, then the session cookie."""
    if _RESOLVED in request.scope.get("state", {}):
        found: Actor | None = request.scope["state"][_RESOLVED]
        return found
    actor = None
    authenticator = _authenticator(request)
    if authenticator is not None:
        scheme, _, secret = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and secret.strip():
            actor = authenticator.token_actor(secret.strip()[:200])
        elif cookie := request.cookies.get(SESSION_COOKIE):
            actor = authenticator.session_actor(cookie[:200])
    request.state.govops_actor = actor
    return actor


class Rule:
    """A route's access rule (a FastAPI dependency), readable by the matrix test."""

    def __init__(self, kind: str, permissions: tuple[str, ...] = ()) -> None:
        self.kind, self.permissions = kind, permissions

    def __call__(self, request: Request) -> Actor | None:
        actor = request_actor(request)
        if self.kind == "public":
            return actor
        if actor is None:
            raise NotSignedInError
        if self.permissions and not any(actor.can(code) for code in self.permissions):
            raise ForbiddenError(
                msg(
                    "you do not hold the permission {permission}",
                    permission=" | ".join(self.permissions),
                )
            )
        return actor

    def __repr__(self) -> str:
        return f"Rule({self.kind!r}, {self.permissions!r})"


public = Rule("public")
signed_in = Rule("signed_in")


def permission(*codes: str) -> Rule:
    """Holding `codes[0]`, or any other of `codes`, at some unit."""
    return Rule("permission", codes)


def at_unit(actor: Actor, code: str, unit: str | None) -> str:
    """The unit the actor acts in to do `code` at `unit`; OutOfScopeError when `unit` is
    outside the units where they hold it (None: a record without a unit, which only a
    grant at a root reaches)."""
    place = unit if unit is not None else _root_of(actor)
    acting = actor.acting_unit(code, place) if place is not None else None
    if acting is None:
        raise OutOfScopeError(msg("not found"))
    return acting


def _root_of(actor: Actor) -> str | None:
    roots = actor.tree.roots()
    return roots[0] if len(roots) == 1 else None


def actor_of(rule: Rule) -> Callable[..., Actor]:
    """A dependency giving the actor a rule admits (never None for a non-public rule)."""

    # Depends as a default, not in Annotated: with postponed annotations FastAPI could not
    # see `rule`, a name of this function's closure.
    def signed(actor: Actor | None = Depends(rule)) -> Actor:  # noqa: B008
        assert actor is not None  # the rule refused an anonymous request already
        return actor

    signed.rule = rule  # type: ignore[attr-defined]
    return signed


def rules_of(dependencies: list[Any]) -> list[Rule]:
    """The rules among a route's dependencies (for the matrix test)."""
    found = []
    for dependency in dependencies:
        call = getattr(dependency, "call", None)
        if isinstance(call, Rule):
            found.append(call)
        elif isinstance(getattr(call, "rule", None), Rule):
            # an actor_of(...) dependency carries its rule and also depends on it: count
            # the rule once, and do not look inside.
            found.append(call.rule)  # type: ignore[union-attr]
            continue
        found.extend(rules_of(getattr(dependency, "dependencies", [])))
    return found


def unauthorised() -> HTTPException:
    return HTTPException(401, headers={"WWW-Authenticate": "Bearer"})
