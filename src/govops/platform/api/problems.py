"""Errors as RFC 9457 problem documents (application/problem+json), never a traceback.

Bad input is 422 with an `errors` list naming each bad field; anything unforeseen 500,
logged here. Each module's API adds the answers to its own errors (an unknown incident 404,
a closed incident or a concurrent change 409, ...) as a table of `Answer`s.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Protocol

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException

from govops.platform.api.schemas import FieldProblem, Problem

log = logging.getLogger("govops.api")
PROBLEM_JSON = "application/problem+json"
_SOURCES = ("body", "query", "path", "header", "cookie")


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_JSON


class FieldInputError(ValueError):
    """A field of a request that cannot be accepted: 422 naming it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class FieldError(Protocol):
    """What an error answered as 422 for one field names: the field and what is wrong."""

    field: str
    message: str


@dataclass(frozen=True, slots=True)
class Answer:
    """How a module's error is answered: its status, its code, and the detail it says."""

    status: int
    code: str
    detail: Callable[[Exception], str] = str


def problem(
    request: Request,
    status: int,
    detail: str,
    code: str | None = None,
    errors: Sequence[FieldProblem] | None = None,
) -> ProblemResponse:
    body = Problem(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        code=code,
        errors=list(errors) if errors is not None else None,
    )
    return ProblemResponse(body.model_dump(exclude_none=True), status_code=status)


def _field(loc: Sequence[int | str]) -> str:
    parts = list(loc[1:] if loc and loc[0] in _SOURCES else loc)
    if not parts or isinstance(parts[0], int):  # the body itself, or a JSON parse position
        return "body"
    name = str(parts[0])
    return name + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts[1:])


def _message(error: dict[str, Any], field: str, known: Iterable[str]) -> str:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "json_invalid":
        return f"is not valid JSON: {ctx.get('error', error.get('msg', ''))}"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(field, list(known), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"is not a field of this request{hint} (see /api/v1/openapi.json)"
    if kind == "missing":
        return "is required" if field != "body" else "is required: a JSON object"
    if kind in ("model_attributes_type", "dict_type", "model_type") and field == "body":
        return "must be a JSON object"
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    return str(error.get("msg", "is not valid"))


def field_problems(error: RequestValidationError, known: Iterable[str]) -> list[FieldProblem]:
    names = sorted(known)
    problems: list[FieldProblem] = []
    for item in error.errors():
        field = _field(item.get("loc", ()))
        found = FieldProblem(field=field, message=_message(item, field, names))
        if found not in problems:
            problems.append(found)
    return problems


class _Handlers:
    def __init__(self, api_prefix: str, known_fields: Iterable[str]) -> None:
        self.api_prefix = api_prefix
        self.known = frozenset(known_fields)

    def in_api(self, request: Request) -> bool:
        return request.url.path.startswith(self.api_prefix)

    async def invalid_request(self, request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        if not self.in_api(request):
            return await request_validation_exception_handler(request, error)
        errors = field_problems(error, self.known)
        fields = ", ".join(dict.fromkeys(e.field for e in errors))
        return problem(request, 422, f"invalid input: {fields}", "invalid-input", errors)

    async def invalid_input(self, request: Request, error: Exception) -> Response:
        field: FieldError = error  # type: ignore[assignment]  # registered for such errors only
        errors = [FieldProblem(field=field.field, message=field.message)]
        return problem(request, 422, f"invalid input: {field.field}", "invalid-input", errors)

    @staticmethod
    def answer(answer: Answer) -> Callable[[Request, Exception], Any]:
        async def answered(request: Request, error: Exception) -> Response:
            return problem(request, answer.status, answer.detail(error), answer.code)

        return answered

    async def http_error(self, request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        if not self.in_api(request):
            return await http_exception_handler(request, error)
        response = problem(request, error.status_code, str(error.detail))
        response.headers.update(error.headers or {})
        return response

    async def unexpected(self, request: Request, error: Exception) -> Response:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
        if not self.in_api(request):
            return PlainTextResponse("Internal Server Error", status_code=500)
        detail = "an unexpected error occurred; it has been logged"
        return problem(request, 500, detail, "internal-error")


def install(
    app: FastAPI,
    api_prefix: str,
    known_fields: Iterable[str] = (),
    field_errors: Iterable[type[Exception]] = (),
    answers: Mapping[type[Exception], Answer] | None = None,
) -> None:
    """Answer every error under `api_prefix` with a problem document (web pages elsewhere
    in the application keep FastAPI's plain answers). `known_fields` are suggested for a
    misspelt field; `field_errors` (each with `field` and `message`) are answered 422
    naming their field, as `FieldInputError` is; `answers` say how the modules' own errors
    are answered."""
    handlers = _Handlers(api_prefix, known_fields)
    app.add_exception_handler(RequestValidationError, handlers.invalid_request)
    field_kinds: list[type[Exception]] = [FieldInputError, *field_errors]
    for kind in field_kinds:
        app.add_exception_handler(kind, handlers.invalid_input)
    for kind, answer in (answers or {}).items():
        app.add_exception_handler(kind, handlers.answer(answer))
    app.add_exception_handler(HTTPException, handlers.http_error)
    app.add_exception_handler(Exception, handlers.unexpected)
    _document_problems(app)


def _document_problems(app: FastAPI) -> None:
    """Show error answers in the OpenAPI document as application/problem+json."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        schema = build()
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if status[0] in "45" and "application/json" in content:
                        answer["content"] = {PROBLEM_JSON: content["application/json"]}
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": HTTPStatus(status).phrase}
    for status in (404, 409, 422)
}
