"""The compiled catalogs shipped in the package (`locale/<locale>/LC_MESSAGES/messages.mo`,
compiled from the `.po` files beside them by scripts/i18n.sh), one per language, read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.support import NullTranslations, Translations

from govops.platform.i18n.languages import BABEL_LOCALES

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


class MissingCatalogError(RuntimeError):
    """A language without its compiled catalog: the package was built without it."""


@cache
def catalog(language: str) -> Translations:
    """The translations of `language` (a tag of LANGUAGES)."""
    locale = BABEL_LOCALES[language]
    found = Translations.load(str(LOCALE_DIR), [locale], DOMAIN)
    if not isinstance(found, Translations) or type(found) is NullTranslations:
        raise MissingCatalogError(f"no compiled catalog for {language} in {LOCALE_DIR}")
    return found
