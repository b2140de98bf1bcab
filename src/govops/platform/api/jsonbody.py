"""Request bodies read as exact JSON: numbers with a fraction become Decimal, never a
binary float (7.99999999999999999999 hours must stay below the 8-hour bound), and what
JSON allows but cannot mean here (NaN, Infinity, a key given twice) is refused."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from decimal import Decimal
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from govops.lawcode.texts.messages import Message, msg


def loads_exact(data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _refused(msg("the body is not UTF-8 text"), "", error.start) from None

    def refuse_constant(name: str) -> Any:
        raise _refused(msg("{name} is not a number", name=name), text, text.find(name))

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                raise _refused(msg("key {key} is given twice", key=repr(key)), text, 0)
            result[key] = value
        return result

    return json.loads(
        text, parse_float=Decimal, parse_constant=refuse_constant, object_pairs_hook=pairs
    )


def _refused(message: Message, text: str, position: int) -> json.JSONDecodeError:
    """A parse error whose `msg` is a Message (FastAPI hands it to the problem answer,
    which translates it); json's own errors keep the parser's English."""
    return json.JSONDecodeError(message, text, position)  # type: ignore[arg-type]


class ExactJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = loads_exact(await self.body())
        return self._json


class ExactJSONRoute(APIRoute):
    """An API route whose JSON body is read by `loads_exact`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def exact(request: Request) -> Response:
            return await handler(ExactJSONRequest(request.scope, request.receive))

        return exact
