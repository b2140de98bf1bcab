"""Fills the catalog entries that need no translator (run by scripts/i18n.sh):
- en: each empty entry gets its English id;
- zh_Hant: each entry not reviewed by a person is the zh_Hans text converted with OpenCC
  (s2tw), marked with a translator comment saying so; removing the comment marks the
  entry as reviewed, and it is then left alone.
Then lists the entries still untranslated in zh_Hans and vi (the tests fail on them)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from govops.platform.i18n.scripts import convert

CONVERTED = "converted from zh-Hans by OpenCC (s2tw); delete this line once reviewed"
TRANSLATED_BY_PEOPLE = ("zh_Hans", "vi")


def _path(locales: Path, locale: str) -> Path:
    return locales / locale / "LC_MESSAGES" / "messages.po"


def _read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def _write(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as file:
        write_po(file, catalog, width=0, include_lineno=False)


def _empty(string: object) -> bool:
    return not string or (isinstance(string, tuple) and not all(string))


def fill_english(catalog: Catalog) -> None:
    for message in catalog:
        if message.id and _empty(message.string):
            message.string = message.id  # (singular, plural) for a plural entry


def fill_traditional(traditional: Catalog, simplified: Catalog) -> None:
    for message in traditional:
        if not message.id:
            continue
        reviewed = not _empty(message.string) and CONVERTED not in message.user_comments
        source = simplified.get(message.id, message.context)
        if reviewed or source is None or _empty(source.string):
            continue
        if isinstance(source.string, tuple):
            message.string = tuple(convert(s, "zh-Hans", "zh-Hant") for s in source.string)
        else:
            message.string = convert(source.string, "zh-Hans", "zh-Hant")
        message.user_comments = [CONVERTED]


def main(locales: Path) -> int:
    catalogs = {locale: _read(_path(locales, locale)) for locale in ("zh_Hans", "zh_Hant", "en")}
    fill_english(catalogs["en"])
    fill_traditional(catalogs["zh_Hant"], catalogs["zh_Hans"])
    for locale in ("zh_Hant", "en"):
        _write(_path(locales, locale), catalogs[locale])
    missing = 0
    for locale in TRANSLATED_BY_PEOPLE:
        for message in _read(_path(locales, locale)):
            if message.id and (_empty(message.string) or message.fuzzy):
                missing += 1
                print(f"{locale}: untranslated: {message.id!r}", file=sys.stderr)
    if missing:
        print(f"{missing} entries to translate (the tests fail until they are)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
