"""Who files a request: the `actor` of the body or the `X-Actor` header, the two agreeing
when both are given. Every module's API reads it the same way."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import unquote

from fastapi import Depends, Header

from govops.lawcode.texts.messages import msg
from govops.platform.api.problems import FieldInputError

MAX_ACTOR = 100


def header_actor(
    x_actor: Annotated[
        str | None,
        Header(
            alias="X-Actor",
            description="Who files the request, if not in the body; non-ASCII names "
            "percent-encoded as UTF-8 (张三 is %E5%BC%A0%E4%B8%89).",
        ),
    ] = None,
) -> str | None:
    if x_actor is None:
        return None
    try:  # a header arrives as Latin-1: raw UTF-8 bytes are read back as UTF-8
        text = x_actor.encode("latin-1").decode("utf-8") if not x_actor.isascii() else x_actor
        return unquote(text, errors="strict").strip() or None
    except UnicodeError:
        raise FieldInputError("X-Actor", msg("is not UTF-8, nor percent-encoded UTF-8")) from None


def actor_of(body_actor: str | None, header: str | None) -> str:
    """The actor from the body or, failing that, from the X-Actor header."""
    if body_actor and header and body_actor != header:
        raise FieldInputError(
            "actor",
            msg(
                "is {body} in the body but {header} in X-Actor",
                body=repr(body_actor),
                header=repr(header),
            ),
        )
    actor = body_actor or header
    if not actor:
        raise FieldInputError("actor", msg("is required, in the body or in the X-Actor header"))
    if len(actor) > MAX_ACTOR:
        raise FieldInputError("actor", msg("is longer than {most} characters", most=MAX_ACTOR))
    return actor


HeaderActor = Annotated[str | None, Depends(header_actor)]
