"""The one object every page, API answer, report and command translates with: the catalog
of the reader's language, the formats of that language in the organisation's time zone,
and the pack texts (written in the document's languages) chosen for the reader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale

from govops.lawcode.texts.messages import N_, Message
from govops.platform.i18n.catalogs import catalog
from govops.platform.i18n.formatting import Formats
from govops.platform.i18n.languages import BABEL_LOCALES, EN, LANGUAGES, ZH_HANS, ZH_HANT
from govops.platform.i18n.scripts import convert, convertible

DEFAULT_ZONE = "Asia/Shanghai"
# Money as the documents count it: the amount's unit named in the reader's language.
MONEY_UNITS = {
    "yuan": N_("{amount} yuan"),
    "10k-yuan": N_("{amount} ten thousand yuan"),
    "dong": N_("{amount} dong"),
    "million-dong": N_("{amount} million dong"),
}


@dataclass(frozen=True, slots=True)
class Shown:
    """A pack text as shown: the text, and the language it is in (the reader's, or the
    document's own when the pack has no text in the reader's language)."""

    text: str
    language: str


class Translator:
    """Texts and figures in `language` (a tag of LANGUAGES), times in `timezone`."""

    def __init__(self, language: str, timezone: str = DEFAULT_ZONE) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)} (got {language!r})")
        self.language = language
        self.timezone = timezone
        self.locale = Locale.parse(BABEL_LOCALES[language])
        self.formats = Formats(self.locale, ZoneInfo(timezone))
        self._catalog = catalog(language)

    # Catalog texts; `{name}` placeholders are filled with the values, formatted.
    def _(self, text: str, /, **values: object) -> str:
        return self._fill(self._catalog.gettext(text), values)

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        template = self._catalog.ngettext(singular, plural, count)
        return self._fill(template, {"count": count, **values})

    def pgettext(self, context: str, text: str, /, **values: object) -> str:
        return self._fill(str(self._catalog.pgettext(context, text)), values)

    def say(self, message: Message | str) -> str:
        """A message in this language (a plain string is already in it)."""
        if isinstance(message, str):
            return message
        if message.plural is not None and message.count is not None:
            return self.ngettext(message.id, message.plural, message.count, **message.values)
        return self._(message.id, **message.values)

    def value(self, value: object) -> str:
        """A value as this language writes it inside a sentence."""
        if isinstance(value, Message):
            return self.say(value)
        if isinstance(value, bool):
            return self._("yes") if value else self._("no")
        if isinstance(value, int | Decimal):
            return self.formats.number(value)
        return self._moment(value)

    def _moment(self, value: object) -> str:
        if isinstance(value, datetime):
            return self.formats.when(value)
        if isinstance(value, date):
            return self.formats.date(value)
        if isinstance(value, timedelta):
            return self.span(value)
        return str(value)

    def _fill(self, template: str, values: Mapping[str, object]) -> str:
        if not values:
            return template
        return template.format_map({name: self.value(v) for name, v in values.items()})

    # Figures.
    def number(self, value: int | Decimal | None) -> str:
        return "" if value is None else self.formats.number(value)

    def fixed(self, value: int | Decimal, places: int) -> str:
        return self.formats.fixed(value, places)

    def money(self, amount: Decimal, unit: str, places: int | None = None) -> str:
        """An amount in `unit` (yuan, 10k-yuan, dong, million-dong), rounded half up to
        `places` decimals when given, exact otherwise."""
        figure = self.number(amount) if places is None else self.fixed(amount, places)
        return self._(MONEY_UNITS[unit], amount=figure)

    def date(self, value: date | None) -> str:
        return "" if value is None else self.formats.date(value)

    def when(self, value: datetime | None) -> str:
        return "" if value is None else self.formats.when(value)

    def time(self, value: datetime | None) -> str:
        return "" if value is None else self.formats.time(value)

    def span(self, delta: timedelta) -> str:
        """A duration rounded down to minutes: 1天3小时, 1 d 3 h; 2小时5分, 2 h 5 min."""
        minutes = int(abs(delta).total_seconds() // 60)
        days, rest = divmod(minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        parts = []
        if days:
            parts.append(self._("{n} d", n=days))
        if hours:
            parts.append(self._("{n} h", n=hours))
        if (minutes and not days) or not parts:
            parts.append(self._("{n} min", n=minutes))
        return ("" if self.language in (ZH_HANS, ZH_HANT) else " ").join(parts)

    # Pack texts, written in the document's languages.
    def text(self, texts: Mapping[str, str]) -> Shown:
        """The pack's text in this language; Chinese in the other script converted
        (OpenCC); else the document's own, first, language, saying which it is."""
        found = texts.get(self.language)
        if found:
            return Shown(found, self.language)
        for source, written in texts.items():
            if written and convertible(source, self.language):
                return Shown(convert(written, source, self.language), self.language)
        for source, written in texts.items():
            if written:
                return Shown(written, source)
        return Shown("", self.language)


@cache
def translator(language: str, timezone: str = DEFAULT_ZONE) -> Translator:
    """The translator of `language` and `timezone`, made once."""
    return Translator(language, timezone)


__all__ = ["EN", "MONEY_UNITS", "Shown", "Translator", "translator"]
