"""YAML read with line numbers kept, so every error can point at the line to fix.

PyYAML's safe loader keeps the last of two equal keys without a word; a pack with a key
written twice is refused instead, since one of the two values would be lost silently.

Packs are plain data, so what only hostile or broken input needs is refused up front: files
over ``MAX_FILE_BYTES``, anchors and aliases (an alias bomb expands exponentially, so they are
found in the event stream before anything is composed), and nesting deeper than ``MAX_DEPTH``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from govops.lawcode.texts.messages import Message, Text, msg, msg_n
from govops.packs.errors import PackProblem

PathKey = str | int
# libyaml's parser, when PyYAML was built with it (its wheels are), reads a pack several
# times faster than the pure-Python one and gives nodes the same line marks.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 100  # lists and mappings inside each other; real packs need about ten
_MAX_REPORTED = 100  # anchors and aliases named before the rest are left unlisted


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

    def problem(self, where: Sequence[PathKey], message: Text) -> PackProblem:
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
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # never more, however large the file
        if len(raw) > MAX_FILE_BYTES:
            too_large = msg("file is larger than 5 MB; a pack file should be far smaller")
            return None, [PackProblem(path, None, "", too_large)]
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [PackProblem(path, None, "", msg("cannot read: {error}", error=str(error)))]
    try:
        refused = _refuse_anchors_and_deep_nesting(path, text)
        if refused:
            return None, refused
        root, data = _compose_and_construct(text)
        source = YamlFile(path, data, root)
        return source, _duplicate_keys(source, root)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        return None, [PackProblem(path, line, "", msg("not valid YAML: {error}", error=str(error)))]
    except RecursionError:  # a backstop: the depth check should stop this first
        return None, [PackProblem(path, None, "", msg("nested too deeply to read"))]


def _refuse_anchors_and_deep_nesting(path: Path, text: str) -> list[PackProblem]:
    """Anchors, aliases and excess depth, found from parser events: nothing is expanded yet.

    The parser keeps its own stack rather than recursing, so this is safe on any input.
    """
    problems: list[PackProblem] = []
    refused = depth = 0
    deep = msg(
        "nested too deeply: more than {levels} levels of lists and mappings", levels=MAX_DEPTH
    )
    try:
        events = list(yaml.parse(text, Loader=_BaseLoader))
    except yaml.YAMLError as error:
        # libyaml stops at its own limit (1,000 levels) while scanning ahead of the events
        if "maximum nesting depth" not in str(error):
            raise
        mark = getattr(error, "problem_mark", None)
        line = None if mark is None else mark.line + 1
        return [PackProblem(path, line, "", msg("nested too deeply to read"))]
    for event in events:
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        message = _anchor_or_alias(event)
        if message is not None:
            refused += 1
            if refused <= _MAX_REPORTED:
                problems.append(PackProblem(path, line, "", message))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return [*problems, PackProblem(path, line, "", deep)]
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    if refused > _MAX_REPORTED:
        more = msg_n(
            "{count} more YAML anchor or alias not listed",
            "{count} more YAML anchors and aliases not listed",
            refused - _MAX_REPORTED,
        )
        problems.append(PackProblem(path, None, "", more))
    return problems


def _anchor_or_alias(event: yaml.Event) -> Message | None:
    if isinstance(event, yaml.AliasEvent):
        alias = "*" + str(event.anchor)
        return msg(
            "YAML aliases (*name) are not allowed in packs; write the value out in full "
            "instead of {alias}",
            alias=alias,
        )
    if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
        anchor = "&" + event.anchor
        return msg("YAML anchors (&name) are not allowed in packs; remove {anchor}", anchor=anchor)
    return None


class _ExactLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe loader, with YAML floats read as exact Decimals from their text: a bound
    written 7.99999999999999999999 must not become the binary float 8.0."""


def _exact_float(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "").lower()  # type: ignore[arg-type]
    specials = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
    return Decimal(specials.get(text, text))


_ExactLoader.add_constructor("tag:yaml.org,2002:float", _exact_float)


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, object]:
    """The node tree (for line numbers) and the plain data, from one parse."""
    loader = _ExactLoader(text)
    try:
        root = loader.get_single_node()
        data = None if root is None else loader.construct_document(root)
    finally:
        loader.dispose()
    return root, data


def _duplicate_keys(source: YamlFile, node: yaml.Node | None) -> list[PackProblem]:
    problems: list[PackProblem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.value in seen:
                line = key_node.start_mark.line + 1
                problems.append(
                    PackProblem(
                        source.path,
                        line,
                        "",
                        msg("key {key} is written twice", key=repr(key_node.value)),
                    )
                )
            seen.add(key_node.value)
            problems += _duplicate_keys(source, value_node)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(source, item)
    return problems
