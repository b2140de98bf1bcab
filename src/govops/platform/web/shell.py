"""The platform's shell around every page family: who is signed in and in which unit, the
modules they may open (each module's web room names its entry; the composition root lists
them on the application), and log-out. One header for every page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fastapi import Request
from markupsafe import Markup

from govops.platform.api.auth import request_actor
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.web.markup import marked

_ENTRIES = "govops_modules"


@dataclass(frozen=True, slots=True)
class Attention:
    """Something in a module that needs the user now (an overdue deadline, an active
    warning, a selection step waiting), in the reader's language, and where to see it.
    `text` is escaped on the page unless it is Markup (whose parts are escaped already)."""

    text: Markup | str
    path: str


# What needs the actor's attention in a module, within their units, told in `t`'s language.
AttentionOf = Callable[[Request, Actor, Translator], Sequence[Attention]]


@dataclass(frozen=True, slots=True)
class ModuleEntry:
    """A module as the shell lists it: where its pages start, its name (a catalog id, N_),
    the permissions that open it (any one of them) and, for the home page, what needs
    attention in it."""

    path: str
    name: str
    permissions: tuple[str, ...]
    attention: AttentionOf | None = None


@dataclass(frozen=True, slots=True)
class Shell:
    user: str  # the signed-in user's name; "" when no one is
    unit: str  # the unit they act in, as markup (marked when not in the reader's language)
    modules: tuple[ModuleEntry, ...]


NO_ONE = Shell("", "", ())


def set_module_entries(app: object, entries: Sequence[ModuleEntry]) -> None:
    setattr(app.state, _ENTRIES, tuple(entries))  # type: ignore[attr-defined]


def shell_of(request: Request, t: Translator) -> Shell:
    actor = request_actor(request)
    if actor is None:
        return NO_ONE
    entries: tuple[ModuleEntry, ...] = getattr(request.app.state, _ENTRIES, ())
    return Shell(
        actor.display_name,
        _unit_name(actor, t),
        tuple(e for e in entries if any(actor.can(p) for p in e.permissions)),
    )


def _unit_name(actor: Actor, t: Translator) -> str:
    """The unit of the actor's first grant, marked with its language when it is not the
    reader's (markup)."""
    if not actor.grants or actor.grants[0].unit not in actor.tree:
        return ""
    found = t.text(actor.tree.get(actor.grants[0].unit).names)
    return marked(found.text, found.language, t.language)


# The items a module lists on the home page before "and N more" (its own list has them all).
ATTENTION_SHOWN = 5


def at_most_shown(items: Sequence[Attention], t: Translator, rest: str) -> list[Attention]:
    """The first ATTENTION_SHOWN items, then one saying how many more there are, leading to
    `rest` (the module's page listing them all)."""
    if len(items) <= ATTENTION_SHOWN:
        return list(items)
    more = t._("and {count} more", count=len(items) - ATTENTION_SHOWN)
    return [*items[:ATTENTION_SHOWN], Attention(more, rest)]


def attention_of(
    request: Request, actor: Actor, t: Translator, entries: Sequence[ModuleEntry]
) -> dict[str, Sequence[Attention]]:
    """For the home page: what needs attention in each module open to the actor."""
    return {
        entry.path: entry.attention(request, actor, t)
        for entry in entries
        if entry.attention is not None
    }
