"""The catalogs against the source: every text marked for translation, in Python and in
the templates, is in every catalog and translated, with the same placeholders; the
compiled catalogs shipped are those of the .po files; zh-Hant entries still marked as
converted are exactly the OpenCC conversion of zh-Hans."""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from govops.platform.i18n.catalogs import LOCALE_DIR
from govops.platform.i18n.scripts import convert
from tests.paths import REPOSITORY

LOCALES = ("zh_Hans", "zh_Hant", "vi", "en")
KEYWORDS = {**DEFAULT_KEYWORDS, "msg": None, "msg_n": (1, 2)}
METHODS = [("**.py", "python"), ("**/templates/*.html", "jinja2")]
CONVERTED = "converted from zh-Hans by OpenCC (s2tw); delete this line once reviewed"
PLACEHOLDER = re.compile(r"(?<!\{)\{(\w*)[^{}]*\}")


@cache
def extracted() -> frozenset[tuple[str | tuple[str, str], str | None]]:
    """(id, or (singular, plural); context) of every marked text in the source."""
    found = set()
    for _, _, message, _, context in extract_from_dir(
        str(REPOSITORY / "src" / "govops"), METHODS, keywords=KEYWORDS
    ):
        key = message if isinstance(message, str) else (message[0], message[1])
        found.add((key, context))
    return frozenset(found)


@cache
def catalog(locale: str) -> Catalog:
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file)


def _forms(message: Message) -> list[str]:
    string = message.string
    return list(string) if isinstance(string, tuple) else [string]


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def test_the_source_has_texts_to_translate() -> None:
    assert len(extracted()) > 5


@pytest.mark.parametrize("locale", LOCALES)
def test_every_text_of_the_source_is_translated_in_the_catalog(locale: str) -> None:
    missing, empty = [], []
    for key, context in sorted(extracted(), key=str):
        message_id = key if isinstance(key, str) else key[0]
        message = catalog(locale).get(message_id, context)
        if message is None:
            missing.append(message_id)
        elif message.fuzzy or not all(_forms(message)):
            empty.append(message_id)
    assert (missing, empty) == ([], []), "run scripts/i18n.sh, then translate what it lists"


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_the_placeholders(locale: str) -> None:
    wrong = []
    for message in catalog(locale):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        expected = set().union(*(_placeholders(i) for i in ids))
        for form in _forms(message):
            # a plural's forms may leave out {count}; any other form keeps every one
            singular = not isinstance(message.id, tuple)
            found = _placeholders(form)
            if form and (found - expected or (singular and found != expected)):
                wrong.append((message.id, form))
    assert wrong == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalog_is_the_po_file_compiled(locale: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, catalog(locale))
    shipped = (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.mo").read_bytes()
    assert shipped == compiled.getvalue(), "run scripts/i18n.sh to compile the catalogs"


def test_converted_traditional_entries_are_the_conversion_of_simplified() -> None:
    stale = []
    for message in catalog("zh_Hant"):
        if CONVERTED not in message.user_comments:
            continue
        source = catalog("zh_Hans").get(message.id, message.context)
        assert source is not None
        expected = [convert(form, "zh-Hans", "zh-Hant") for form in _forms(source)]
        if _forms(message) != expected:
            stale.append(message.id)
    assert stale == []
