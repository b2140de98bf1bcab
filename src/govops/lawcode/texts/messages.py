"""Texts the core says, kept as gettext messages: an id (the English text, with `{name}`
placeholders) and the values its placeholders take. They are translated, and their values
formatted, where they are shown (`govops.platform.i18n`), in the reader's language and
number style; the core never chooses a language, nor writes a figure as text.

`msg` and `N_` mark the English texts for the catalogs (`pybabel extract`, see
scripts/i18n.sh): every id a module passes through them is a catalog entry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


def N_(text: str) -> str:  # noqa: N802  (gettext's name for "translate later")
    """Marks `text` for the catalogs; translated later, where it is shown."""
    return text


@dataclass(frozen=True, slots=True)
class Message:
    """A text to translate when shown. `values` fill the placeholders: numbers, dates and
    times are formatted as the reader writes them, messages are translated in turn.
    With `plural`, `count` chooses between `id` (one) and `plural` (other)."""

    id: str
    values: Mapping[str, object] = field(default_factory=dict)
    plural: str | None = None
    count: int | None = None

    def __str__(self) -> str:
        """The English text with plain values: for logs and exceptions, never a page."""
        text = self.plural if self.plural is not None and self.count != 1 else self.id
        return text.format(**{name: str(value) for name, value in self.values.items()})


def msg(text: str, /, **values: object) -> Message:
    """The message `text` (English, with `{name}` placeholders) with its values."""
    return Message(text, values)


def msg_n(singular: str, plural: str, count: int, /, **values: object) -> Message:
    """The message in the form `count` needs; `{count}` is among its values."""
    return Message(singular, {"count": count, **values}, plural, count)


class Quote(str):
    """A text of the document (or of the reader's input) quoted as written: a figure as
    printed, a unit word, an article. A message shows it unchanged in every language; a
    page in another language than the document's marks it with the document's `lang`."""

    __slots__ = ()


def quoted(text: str) -> Quote:
    """`text` in quotes, as Python writes it ('5 USD'), to be shown as written."""
    return Quote(repr(text))


Text = Message | str  # what a caller may show: a message, or a text already in its language
