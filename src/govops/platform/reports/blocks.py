"""A document as plain data (paragraphs of styled spans, tables), before it becomes DOCX."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SpanKind = Literal["text", "label", "cite", "placeholder"]
Role = Literal["title", "meta", "heading", "subheading", "body", "item"]


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    kind: SpanKind = "text"


@dataclass(frozen=True, slots=True)
class Para:
    spans: tuple[Span, ...]
    role: Role = "body"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Para | Table


def para(*spans: Span | str, role: Role = "body") -> Para:
    return Para(tuple(s if isinstance(s, Span) else Span(s) for s in spans), role)


def labelled(label: str, *value: Span | str) -> Para:
    """A line 'label：value' with the label set off in bold (a bare label when no value)."""
    return para(Span(label if value else label.rstrip(), "label"), *value)
