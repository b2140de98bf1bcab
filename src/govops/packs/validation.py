"""Structure checks: a YAML file against its schema model, problems placed on their lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from govops.packs.errors import PackProblem
from govops.packs.yamlsource import PathKey, YamlFile

Model = TypeVar("Model", bound=BaseModel)


def validate_file(source: YamlFile, model: type[Model]) -> tuple[Model | None, list[PackProblem]]:
    try:
        return model.model_validate(source.data), []
    except ValidationError as error:
        return None, _problems(source, error)


def _problems(source: YamlFile, error: ValidationError) -> list[PackProblem]:
    """One problem per place. A value that fits none of a union's types gets one message
    naming what would fit ("Input should be a valid integer; ... a valid string")."""
    messages: dict[tuple[PathKey, ...], list[str]] = {}
    for detail in error.errors():
        where = tuple(_existing_path(source.data, detail["loc"]))
        if detail["type"] == "missing":
            message = f"missing required key {detail['loc'][-1]!r}"
        elif detail["type"] == "extra_forbidden":
            message = f"unknown key {detail['loc'][-1]!r}"
        else:
            message = detail["msg"]
        if message not in messages.setdefault(where, []):
            messages[where].append(message)
    return [source.problem(list(where), _joined(found)) for where, found in messages.items()]


def _joined(messages: list[str]) -> str:
    if len(messages) == 1:
        return messages[0]
    fits = [m.removeprefix("Input should be ") for m in messages if m.startswith("Input should be")]
    others = [m for m in messages if not m.startswith("Input should be")]
    parts = [*others, *(["it should be " + " or ".join(fits)] if fits else [])]
    return "; ".join(parts)


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
