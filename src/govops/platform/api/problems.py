"""Errors as RFC 9457 problem documents (application/problem+json), never a traceback.

Bad input is 422 with an `errors` list naming each bad field (worded by `validation`);
anything unforeseen 500, logged here. Each module's API adds the answers to its own errors
(an unknown incident 404, a closed incident or a concurrent change 409, ...) as a table of
`Answer`s.

The title, the detail and the field messages are in the language of the request (?lang=,
Accept-Language, else the organisation's: `language.request_translator`); the status, the
codes and the field names are the same in every language.
"""

from __future__ import annotations

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

from govops.lawcode.texts.messages import Message, Text, msg, msg_n
from govops.platform.api.language import request_translator
from govops.platform.api.schemas import FieldProblem, Problem
from govops.platform.api.validation import carried, field_problems
from govops.platform.i18n.translator import Translator

log = logging.getLogger("govops.api")
PROBLEM_JSON = "application/problem+json"


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_JSON


class FieldInputError(ValueError):
    """A field of a request that cannot be accepted: 422 naming it. `message` says why
    (a Message, translated for each request)."""

    def __init__(self, field: str, message: Text) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class FieldError(Protocol):
    """What an error answered as 422 for one field names: the field and what is wrong
    (a Message, or a text already in the reader's language)."""

    @property
    def field(self) -> str: ...

    @property
    def message(self) -> Text: ...


def _said(error: Exception) -> Text:
    return str(error)


@dataclass(frozen=True, slots=True)
class Answer:
    """How a module's error is answered: its status, its code, and the detail it says
    (a Message, translated for the request, or a text)."""

    status: int
    code: str
    detail: Callable[[Exception], Text] = _said


def status_title(t: Translator, status: int) -> str:
    """The status's phrase (RFC 9110) in the reader's language."""
    titles = {
        400: t.pgettext("HTTP status", "Bad Request"),
        401: t.pgettext("HTTP status", "Unauthorized"),
        403: t.pgettext("HTTP status", "Forbidden"),
        404: t.pgettext("HTTP status", "Not Found"),
        405: t.pgettext("HTTP status", "Method Not Allowed"),
        406: t.pgettext("HTTP status", "Not Acceptable"),
        409: t.pgettext("HTTP status", "Conflict"),
        410: t.pgettext("HTTP status", "Gone"),
        413: t.pgettext("HTTP status", "Request Entity Too Large"),
        415: t.pgettext("HTTP status", "Unsupported Media Type"),
        422: t.pgettext("HTTP status", "Unprocessable Entity"),
        429: t.pgettext("HTTP status", "Too Many Requests"),
        500: t.pgettext("HTTP status", "Internal Server Error"),
        501: t.pgettext("HTTP status", "Not Implemented"),
        503: t.pgettext("HTTP status", "Service Unavailable"),
    }
    return titles.get(status) or HTTPStatus(status).phrase


def field_problem(request: Request, field: str, message: Text) -> FieldProblem:
    """One field's problem, its message in the request's language."""
    return FieldProblem(field=field, message=request_translator(request).say(message))


def problem(
    request: Request,
    status: int,
    detail: Text,
    code: str | None = None,
    errors: Sequence[FieldProblem] | None = None,
) -> ProblemResponse:
    """A problem document; `detail` (a Message, or a text already translated) and the
    title in the request's language."""
    t = request_translator(request)
    body = Problem(
        title=status_title(t, status),
        status=status,
        detail=t.say(detail),
        instance=request.url.path,
        code=code,
        errors=list(errors) if errors is not None else None,
    )
    return ProblemResponse(body.model_dump(exclude_none=True), status_code=status)


def rows_refused(request: Request, refused: Iterable[tuple[int, str, Text]]) -> ProblemResponse:
    """422 listing every refused row of an import (its line, its column as `field`, why),
    in the request's language: nothing was imported."""
    t = request_translator(request)
    rows = list(refused)
    lines = len({line for line, _, _ in rows})
    detail = msg_n(
        "{count} row refused; nothing was imported",
        "{count} rows refused; nothing was imported",
        lines,
    )
    body = Problem(
        title=status_title(t, 422),
        status=422,
        detail=t.say(detail),
        instance=request.url.path,
        code="import-refused",
    ).model_dump(exclude_none=True)
    body["errors"] = [
        {"line": line, "field": field, "message": t.say(message)} for line, field, message in rows
    ]
    return ProblemResponse(body, status_code=422)


def _invalid(fields: Iterable[str]) -> Message:
    return msg("invalid input: {fields}", fields=", ".join(dict.fromkeys(fields)))


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
        errors = field_problems(error, self.known, request_translator(request))
        detail = _invalid(e.field for e in errors)
        return problem(request, 422, detail, "invalid-input", errors)

    async def invalid_input(self, request: Request, error: Exception) -> Response:
        field: FieldError = error  # type: ignore[assignment]  # registered for such errors only
        errors = [field_problem(request, field.field, field.message)]
        return problem(request, 422, _invalid([field.field]), "invalid-input", errors)

    @staticmethod
    def answer(answer: Answer) -> Callable[[Request, Exception], Any]:
        async def answered(request: Request, error: Exception) -> Response:
            return problem(request, answer.status, answer.detail(error), answer.code)

        return answered

    async def http_error(self, request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        if not self.in_api(request):
            return await http_exception_handler(request, error)
        said: Text = carried(error.detail)
        if said == HTTPStatus(error.status_code).phrase:  # no detail of its own: the title
            said = status_title(request_translator(request), error.status_code)
        response = problem(request, error.status_code, said)
        response.headers.update(error.headers or {})
        return response

    async def unexpected(self, request: Request, error: Exception) -> Response:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
        if not self.in_api(request):
            return PlainTextResponse("Internal Server Error", status_code=500)
        detail = msg("an unexpected error occurred; it has been logged")
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


__all__ = [
    "PROBLEM_RESPONSES",
    "Answer",
    "FieldInputError",
    "field_problem",
    "field_problems",
    "install",
    "problem",
]
