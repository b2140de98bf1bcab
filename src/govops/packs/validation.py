"""Structure checks: a YAML file against its schema model, problems placed on their lines
and said as messages (pydantic's own English is kept only for what is not listed here)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from govops.lawcode.texts.messages import N_, Message, Text, msg
from govops.packs.errors import PackProblem
from govops.packs.yamlsource import PathKey, YamlFile

Model = TypeVar("Model", bound=BaseModel)

# What a value of the wrong type should have been, by pydantic's error type.
_KINDS = {
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "float_type": N_("a number"),
    "float_parsing": N_("a number"),
    "decimal_type": N_("a number"),
    "decimal_parsing": N_("a number"),
    "string_type": N_("text"),
    "list_type": N_("a list"),
    "dict_type": N_("a mapping"),
    "model_type": N_("a mapping"),
    "model_attributes_type": N_("a mapping"),
    "date_type": N_("a date as YYYY-MM-DD"),
    "date_parsing": N_("a date as YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("a date as YYYY-MM-DD"),
    "date_from_datetime_inexact": N_("a date as YYYY-MM-DD"),
}
_LIMITS = {
    "greater_than_equal": ("ge", N_("must be at least {limit}")),
    "greater_than": ("gt", N_("must be more than {limit}")),
    "less_than_equal": ("le", N_("must be at most {limit}")),
    "less_than": ("lt", N_("must be less than {limit}")),
}
_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|True|False|None")


def validate_file(source: YamlFile, model: type[Model]) -> tuple[Model | None, list[PackProblem]]:
    try:
        return model.model_validate(source.data), []
    except ValidationError as error:
        return None, _problems(source, error)


def _problems(source: YamlFile, error: ValidationError) -> list[PackProblem]:
    """One problem per place. A value that fits none of a union's types gets one message
    naming what would fit ("must be true or false or a whole number or text")."""
    kinds: dict[tuple[PathKey, ...], list[str]] = {}
    others: dict[tuple[PathKey, ...], list[Text]] = {}
    for detail in error.errors():
        where = tuple(_existing_path(source.data, detail["loc"]))
        kinds.setdefault(where, [])
        found = others.setdefault(where, [])
        kind = _KINDS.get(detail["type"])
        if kind is not None:
            if kind not in kinds[where]:
                kinds[where].append(kind)
            continue
        said = _said(detail)
        if said not in found:
            found.append(said)
    return [source.problem(list(where), _joined(others[where], kinds[where])) for where in kinds]


def _said(detail: Mapping[str, Any]) -> Text:
    kind, loc, ctx = detail["type"], detail["loc"], detail.get("ctx") or {}
    if kind == "missing":
        return msg("missing required key {key}", key=repr(loc[-1]))
    if kind == "extra_forbidden":
        return msg("unknown key {key}", key=repr(loc[-1]))
    if kind == "literal_error":
        values = _LITERAL.findall(str(ctx.get("expected", "")))
        return msg("must be one of {values}", values=", ".join(values))
    return _limit(kind, ctx) or str(detail["msg"])  # pydantic's own words, for the rarer cases


def _limit(kind: str, ctx: Mapping[str, Any]) -> Message | None:
    """A bound, an empty value, or what a validator of the schema says."""
    if kind in _LIMITS:
        name, template = _LIMITS[kind]
        return Message(template, {"limit": ctx.get(name)})
    if kind in ("too_short", "string_too_short") and ctx.get("min_length") == 1:
        return msg("must not be empty")
    message = getattr(ctx.get("error"), "message", None) if kind == "value_error" else None
    return message if isinstance(message, Message) else None


def _joined(messages: list[Text], kinds: list[str]) -> Text:
    if _KINDS["float_type"] in kinds:  # a number covers a whole one
        kinds = [k for k in kinds if k != _KINDS["int_type"]]
    if kinds:
        fits: Message = Message(kinds[0])
        for kind in kinds[1:]:
            fits = msg("{first} or {second}", first=fits, second=Message(kind))
        messages = [*messages, msg("must be {kind}", kind=fits)]
    said = messages[0]
    for message in messages[1:]:
        said = msg("{first}; {second}", first=said, second=message)
    return said


def _existing_path(data: object, loc: Sequence[int | str]) -> list[PathKey]:
    """The part of a pydantic location that names real keys (it adds union branch names)."""
    path: list[PathKey] = []
    node = data
    for key in loc:
        in_mapping = isinstance(node, dict) and key in node
        in_list = isinstance(node, list) and isinstance(key, int) and key < len(node)
        if not (in_mapping or in_list):
            continue
        node = node[key]  # type: ignore[index]
        path.append(key)
    return path
