"""The languages of the Chinese page families (incidents and rainstorm warnings): Chinese
by default, English on request, and the tags that name them."""

from __future__ import annotations

from collections.abc import Mapping

ZH = "zh-Hans"
EN = "en"
DEFAULT_LANGUAGE = ZH
LANGUAGES = (DEFAULT_LANGUAGE, EN)  # the default first

_ALIASES = {"zh": ZH, "zh-hans": ZH, "zh-cn": ZH, "cn": ZH, "en": EN, "en-us": EN, "en-gb": EN}


def language_of(value: str | None) -> str | None:
    """The supported language a tag names (`en`, `zh`, `zh-Hans`, ...), else None."""
    if not value:
        return None
    return _ALIASES.get(value.strip().lower())


def text(mapping: Mapping[str, str], language: str) -> str:
    """A pack text in the language, else in Chinese, else whatever it has."""
    return mapping.get(language) or mapping.get(ZH) or next(iter(mapping.values()), "")
