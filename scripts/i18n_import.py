"""Imports translations delivered as JSON files into the catalogs (scripts/i18n.sh runs it
when GOVOPS_I18N_TRANSLATIONS names a folder of them). Each file holds a list of entries:

    {"id": "Incidents", "context": null, "plural": null,
     "zh-Hans": "事件列表", "vi": "Danh sách sự việc", "en": "Incidents"}

(a plural entry gives a list of forms per language). An entry whose id is not in a
catalog is reported and left out; a translation given replaces the catalog's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALES = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "vi": "vi", "en": "en"}


def _entries(folder: Path) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    for path in sorted(folder.glob("*.json")):
        found = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(found, list):
            raise SystemExit(f"{path}: a list of entries is expected")
        entries.extend(found)
    return entries


def _import(catalog: Catalog, language: str, entries: list[dict[str, object]]) -> int:
    unknown = 0
    for entry in entries:
        text = entry.get(language)
        if not text:
            continue
        key: object = entry["id"]
        if entry.get("plural"):
            key = (entry["id"], entry["plural"])
        message = catalog.get(key if isinstance(key, str) else key[0], entry.get("context"))
        if message is None:
            unknown += 1
            print(f"{language}: not in the catalog: {entry['id']!r}", file=sys.stderr)
            continue
        message.string = tuple(text) if isinstance(text, list) else str(text)
        if language == "zh-Hant":
            message.user_comments = []  # given by a person: reviewed
    return unknown


def main(locales: Path, folder: Path) -> int:
    entries = _entries(folder)
    for language, locale in LOCALES.items():
        path = locales / locale / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as file:
            catalog = read_po(file)
        _import(catalog, language, entries)
        with path.open("wb") as file:
            write_po(file, catalog, width=0, include_lineno=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
