"""YAML read with line numbers kept, so every error can point at the line to fix.

PyYAML's safe loader keeps the last of two equal keys without a word; a pack with a key
written twice is refused instead, since one of the two values would be lost silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from govops.packs.errors import PackProblem

PathKey = str | int


@dataclass
class YamlFile:
    path: Path
    data: object
    root: yaml.Node | None

    def line(self, where: Sequence[PathKey]) -> int | None:
        """1-based line of the deepest node on the path that exists."""
        node = self.root
        for key in where:
            child = _child(node, key)
            if child is None:
                break
            node = child
        return None if node is None else node.start_mark.line + 1

    def problem(self, where: Sequence[PathKey], message: str) -> PackProblem:
        return PackProblem(self.path, self.line(where), dotted(where), message)


def dotted(where: Sequence[PathKey]) -> str:
    text = ""
    for key in where:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def _child(node: yaml.Node | None, key: PathKey) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                return value_node  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]  # type: ignore[no-any-return]
    return None


def read_yaml(path: Path) -> tuple[YamlFile | None, list[PackProblem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [PackProblem(path, None, "", f"cannot read: {error}")]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        return None, [PackProblem(path, line, "", f"not valid YAML: {error}")]
    source = YamlFile(path, data, root)
    return source, _duplicate_keys(source, root)


def _duplicate_keys(source: YamlFile, node: yaml.Node | None) -> list[PackProblem]:
    problems: list[PackProblem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.value in seen:
                line = key_node.start_mark.line + 1
                problems.append(
                    PackProblem(source.path, line, "", f"key {key_node.value!r} is written twice")
                )
            seen.add(key_node.value)
            problems += _duplicate_keys(source, value_node)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(source, item)
    return problems
