"""Sentences as page markup: a message translated for the reader, what it quotes (a
document's words, what someone typed: a `Quote`) kept as written and marked with its
`lang` when the page is in another language, everything else escaped. A quotation keeps
its mark inside the translated sentence, so a page holds no unmarked foreign words."""

from __future__ import annotations

from string import Formatter

from markupsafe import Markup, escape

from govops.lawcode.texts.messages import Message, Quote
from govops.platform.i18n.translator import Translator


def marked(text: str, language: str, page_language: str) -> Markup:
    """`text`, written in `language`, for a page in `page_language`: marked when they differ."""
    if language == page_language or not text:
        return escape(text)
    return Markup('<span lang="{}">{}</span>').format(language, text)


def said(t: Translator, message: Message | str, quoting: str | None = None) -> Markup:
    """A message as markup in `t`'s language: values that are markup stay as they are,
    messages are translated in turn, a `Quote` is marked as being in the `quoting`
    language (when given), the rest is formatted and escaped."""
    if isinstance(message, Markup):
        return message
    if isinstance(message, Quote):
        return marked(message, quoting, t.language) if quoting else escape(message)
    if isinstance(message, str):
        return escape(message)
    values = {name: _value(t, value, quoting) for name, value in message.values.items()}
    return escape(_template(t, message)).format(**values)


def joined(t: Translator, items: list[Markup]) -> Markup:
    """Items listed as the language lists them (、 in Chinese)."""
    return escape(t.pgettext("list separator", ", ")).join(items)


def _value(t: Translator, value: object, quoting: str | None) -> Markup:
    if isinstance(value, Markup):
        return value
    if isinstance(value, Message | Quote):
        return said(t, value, quoting)
    if isinstance(value, str):
        return escape(value)
    return escape(t.value(value))


def _placeholders(template: str | None) -> set[str]:
    if not template:
        return set()
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def _template(t: Translator, message: Message) -> str:
    """The message's text in `t`'s language with its placeholders left unfilled."""
    names = _placeholders(message.id) | _placeholders(message.plural)
    unfilled = {name: "{" + name + "}" for name in names}
    if message.plural is not None and message.count is not None:
        return t.ngettext(message.id, message.plural, message.count, **unfilled)
    return t._(message.id, **unfilled)
