"""Pydantic's refusals of a request, field by field, in the reader's language: each error
type a request body, query or header can meet said as a message (`is required`, `must be
a string`, `must be at most 200 characters long`...), with the field it names. A validator
that raises ValueError with a Message (platform.api.schemas) is said with that message."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from fastapi.exceptions import RequestValidationError

from govops.lawcode.texts.messages import N_, Message, Text, msg, msg_n
from govops.platform.api.schemas import FieldProblem
from govops.platform.i18n.languages import EN
from govops.platform.i18n.translator import Translator, translator

OPENAPI_DOCUMENT = "/api/v1/openapi.json"
_SOURCES = ("body", "query", "path", "header", "cookie")
_QUOTED = re.compile(r"'([^']*)'")


def _field(loc: Sequence[int | str]) -> str:
    parts = list(loc[1:] if loc and loc[0] in _SOURCES else loc)
    if not parts or isinstance(parts[0], int):  # the body itself, or a JSON parse position
        return "body"
    name = str(parts[0])
    return name + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts[1:])


def carried(error: object) -> Text:
    """What a validator's error says: the Message it was raised with, else its text."""
    if isinstance(error, Message):
        return error
    if isinstance(error, Exception) and error.args and isinstance(error.args[0], Message):
        return error.args[0]
    return str(error)


def _choices(t: Translator, expected: str) -> str:
    """Pydantic's "'a', 'b' or 'c'" as the reader's language lists the choices."""
    found = [f"'{choice}'" for choice in _QUOTED.findall(expected)]
    if len(found) < 2:
        return expected
    listed = t.pgettext("list separator", ", ").join(found[:-1])
    return t._("{choices} or {last}", choices=listed, last=found[-1])


def _message(t: Translator, error: Mapping[str, Any], field: str, known: Iterable[str]) -> Text:
    """A pydantic error as the reader's language says it."""
    kind, ctx = str(error.get("type", "")), error.get("ctx") or {}
    if kind == "json_invalid":
        return msg("is not valid JSON: {error}", error=carried(ctx.get("error", "")))
    if kind == "extra_forbidden":
        return _not_a_field(field, known)
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return carried(ctx["error"])
    if kind in ("enum", "literal_error") and "expected" in ctx:
        return msg("must be {choices}", choices=_choices(t, str(ctx["expected"])))
    return _whole(kind, field) or _bounded(kind, ctx) or _TYPED.get(kind) or msg("is not valid")


def _not_a_field(field: str, known: Iterable[str]) -> Message:
    close = difflib.get_close_matches(field, list(known), n=1)
    if close:
        return msg(
            "is not a field of this request; did you mean {name}? (see {document})",
            name=repr(close[0]),
            document=OPENAPI_DOCUMENT,
        )
    return msg("is not a field of this request (see {document})", document=OPENAPI_DOCUMENT)


def _whole(kind: str, field: str) -> Message | None:
    """What is missing or not an object, the body itself or one of its fields."""
    body = field == "body"
    if kind == "missing":
        return msg("is required: a JSON object") if body else msg("is required")
    if kind in ("model_attributes_type", "dict_type", "model_type"):
        return msg("must be a JSON object") if body else msg("must be an object")
    return None


_LENGTHS: dict[str, tuple[str, Callable[[int], Message]]] = {  # the limit, the message
    "string_too_short": (
        "min_length",
        lambda n: msg_n(
            "must be at least {count} character long", "must be at least {count} characters long", n
        ),
    ),
    "string_too_long": (
        "max_length",
        lambda n: msg_n(
            "must be at most {count} character long", "must be at most {count} characters long", n
        ),
    ),
    "too_short": (
        "min_length",
        lambda n: msg_n("must have at least {count} item", "must have at least {count} items", n),
    ),
    "too_long": (
        "max_length",
        lambda n: msg_n("must have at most {count} item", "must have at most {count} items", n),
    ),
}
_LIMITS = {  # error type -> the context's limit, and the message
    "greater_than": ("gt", N_("must be greater than {limit}")),
    "greater_than_equal": ("ge", N_("must be at least {limit}")),
    "less_than": ("lt", N_("must be less than {limit}")),
    "less_than_equal": ("le", N_("must be at most {limit}")),
    "multiple_of": ("multiple_of", N_("must be a multiple of {limit}")),
}


def _bounded(kind: str, ctx: Mapping[str, Any]) -> Message | None:
    """The errors of a length or a bound, with the limit."""
    if kind in _LENGTHS:
        name, said = _LENGTHS[kind]
        return said(int(ctx.get(name, 0)))
    if kind in _LIMITS:
        name, text = _LIMITS[kind]
        limit = ctx.get(name)
        return Message(text, {"limit": limit if isinstance(limit, int) else str(limit)})
    if kind == "string_pattern_mismatch":
        return msg("does not match the pattern {pattern}", pattern=str(ctx.get("pattern", "")))
    return None


_TYPED = {
    "string_type": msg("must be a string"),
    "int_type": msg("must be a whole number"),
    "int_parsing": msg("must be a whole number"),
    "int_from_float": msg("must be a whole number"),
    "float_type": msg("must be a number"),
    "float_parsing": msg("must be a number"),
    "decimal_type": msg("must be a number"),
    "decimal_parsing": msg("must be a number"),
    "finite_number": msg("must be a finite number"),
    "bool_type": msg("must be true or false"),
    "bool_parsing": msg("must be true or false"),
    "list_type": msg("must be a list"),
    "date_type": msg("must be a date as YYYY-MM-DD"),
    "date_parsing": msg("must be a date as YYYY-MM-DD"),
    "date_from_datetime_parsing": msg("must be a date as YYYY-MM-DD"),
    "date_from_datetime_inexact": msg("must be a date as YYYY-MM-DD"),
    "datetime_type": msg("must be a date and time in ISO 8601"),
    "datetime_parsing": msg("must be a date and time in ISO 8601"),
    "datetime_from_date_parsing": msg("must be a date and time in ISO 8601"),
    "time_type": msg("must be a time as HH:MM"),
    "time_parsing": msg("must be a time as HH:MM"),
    "uuid_type": msg("must be a UUID"),
    "uuid_parsing": msg("must be a UUID"),
    "url_type": msg("must be a URL"),
    "url_parsing": msg("must be a URL"),
    "url_scheme": msg("must be a URL"),
    "none_required": msg("must be null"),
}


def field_problems(
    error: RequestValidationError, known: Iterable[str], t: Translator | None = None
) -> list[FieldProblem]:
    """Each field a request's validation refused, with its message in `t`'s language
    (English when none is given)."""
    said = t or translator(EN)
    names = sorted(known)
    problems: list[FieldProblem] = []
    for item in error.errors():
        field = _field(item.get("loc", ()))
        found = FieldProblem(field=field, message=said.say(_message(said, item, field, names)))
        if found not in problems:
            problems.append(found)
    return problems
