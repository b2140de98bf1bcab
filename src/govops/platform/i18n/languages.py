"""The languages govops speaks and how a reader's choice is found: ?lang=, then the cookie,
then the browser's Accept-Language (negotiated with Babel), then the organisation's
default. Tags are BCP 47 (`zh-Hans`, `zh-Hant`, `vi`, `en`); Babel's locales behind them
are `zh_Hans`, `zh_Hant`, `vi`, `en`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from babel import Locale, UnknownLocaleError
from babel.core import get_global

ZH_HANS: Final = "zh-Hans"
ZH_HANT: Final = "zh-Hant"
VI: Final = "vi"
EN: Final = "en"
LANGUAGES: Final = (ZH_HANS, ZH_HANT, VI, EN)
BABEL_LOCALES: Final = {ZH_HANS: "zh_Hans", ZH_HANT: "zh_Hant", VI: "vi", EN: "en"}
# Each language in its own words, for the language switch (proper names in any page).
OWN_NAMES: Final = {ZH_HANS: "简体中文", ZH_HANT: "繁體中文", VI: "Tiếng Việt", EN: "English"}
# Chinese regions whose likely script Babel's data does not give (Singapore, Malaysia).
_HANS_REGIONS = {"sg", "my"}
MAX_ACCEPTED = 20  # Accept-Language entries read; a longer header is cut, never refused


def language_of(tag: str | None) -> str | None:
    """The language of ours a tag names (`zh`, `zh-CN`, `zh-TW`, `zh-Hant-HK`, `vi-VN`,
    `en-GB`, `zh_Hans`...), else None. A Chinese tag without a script takes the script
    Babel's likely-subtags data gives its region (TW, HK, MO: Traditional)."""
    if not tag or len(tag) > 35:
        return None
    try:
        locale = Locale.parse(tag.strip().replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    if locale.language in (VI, EN):
        return str(locale.language)
    if locale.language != "zh":
        return None
    script = locale.script
    if script is None and locale.territory:
        if locale.territory.lower() in _HANS_REGIONS:
            script = "Hans"
        else:
            likely = get_global("likely_subtags").get(f"zh_{locale.territory}", "")
            script = "Hant" if "_Hant" in likely else "Hans"
    return ZH_HANT if script == "Hant" else ZH_HANS


def accepted(header: str | None) -> list[str]:
    """The languages of an Accept-Language header that are ours, the most wanted first
    (by q, then by order); `q=0` means "not this one"."""
    weighted: list[tuple[float, int, str]] = []
    for place, item in enumerate((header or "").split(",")[:MAX_ACCEPTED]):
        tag, _, params = item.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                continue
        language = language_of(tag)
        if language is not None and weight > 0:
            weighted.append((-weight, place, language))
    return list(dict.fromkeys(language for _, _, language in sorted(weighted)))


@dataclass(frozen=True, slots=True)
class Choice:
    """The language a reader gets, and whether they asked for it just now (?lang=)."""

    language: str
    asked: bool


def choose(
    asked: str | None, remembered: str | None, accept_language: str | None, default: str
) -> Choice:
    """?lang= (`asked`), then the cookie (`remembered`), then Accept-Language, then the
    organisation's `default`."""
    language = language_of(asked)
    if language is not None:
        return Choice(language, True)
    for candidate in (language_of(remembered), *accepted(accept_language)):
        if candidate is not None:
            return Choice(candidate, False)
    return Choice(language_of(default) or ZH_HANS, False)
