"""What the selection use cases accept from a caller: names and texts (trimmed, of a
bounded length, without control characters) and declared kinships (Art. 43); each refusal
is a SelectionInputError naming the field."""

from __future__ import annotations

import re
from collections.abc import Iterable

from govops.cadres.model.people import Kinship, Relation
from govops.lawcode.texts.messages import Text, msg

MAX_NAME, MAX_TEXT = 200, 10_000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class SelectionInputError(ValueError):
    """A field that cannot be accepted; the API answers 422 naming it. `message` says why
    (a Message, translated where shown; plain text only from the core's own errors)."""

    def __init__(self, field: str, message: Text) -> None:
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


def checked_relation(index: int, relation: Relation) -> tuple[str, str, str]:
    a = checked_text(f"relations[{index}].a", relation.a)
    b = checked_text(f"relations[{index}].b", relation.b)
    if a == b:
        raise SelectionInputError(
            f"relations[{index}]", msg("{name} cannot be their own relative", name=repr(a))
        )
    try:
        kind = Kinship(relation.kind)
    except ValueError:
        kinds = ", ".join(Kinship)
        raise SelectionInputError(
            f"relations[{index}].kind", msg("is not one of {kinds}", kinds=kinds)
        ) from None
    return min(a, b), max(a, b), kind.value


def checked_names(field: str, names: Iterable[str]) -> frozenset[str]:
    return frozenset(checked_text(f"{field}[{i}]", name) for i, name in enumerate(names))


def checked_text(field: str, value: object, limit: int = MAX_NAME, required: bool = True) -> str:
    if not isinstance(value, str):
        raise SelectionInputError(field, msg("must be text, got {raw}", raw=repr(value)))
    text = value.strip()
    if required and not text:
        raise SelectionInputError(field, msg("is required"))
    if len(text) > limit:
        raise SelectionInputError(field, msg("is longer than {limit} characters", limit=limit))
    if _CONTROL.search(text):
        raise SelectionInputError(field, msg("contains a control character; remove it"))
    return text
