"""The message catalogue: every label in both languages, with the same placeholders."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from govops.incidents.web import labels as i18n

TEMPLATES = Path(i18n.__file__).parent / "templates"
SOURCES = Path(i18n.__file__).parent


def test_every_label_has_both_languages_with_the_same_placeholders() -> None:
    for key, (zh, en) in i18n.MESSAGES.items():
        assert zh.strip() and en.strip(), key
        assert sorted(re.findall(r"{(\w+)}", zh)) == sorted(re.findall(r"{(\w+)}", en)), key


def test_every_key_used_by_the_pages_exists() -> None:
    used = set()
    for path in [*TEMPLATES.glob("*.html"), *SOURCES.glob("*.py")]:
        used |= set(re.findall(r"""\bt\(\s*["']([\w.]*\w)["']""", path.read_text("utf-8")))
    assert used, "no label found"
    assert used - set(i18n.MESSAGES) == set()


@pytest.mark.parametrize(
    ("tag", "language"),
    [("en", "en"), ("EN-us", "en"), ("zh", "zh-Hans"), ("zh-Hans", "zh-Hans"), ("fr", None)],
)
def test_language_tags(tag: str, language: str | None) -> None:
    assert i18n.language_of(tag) == language


@pytest.mark.parametrize(
    ("minutes", "zh", "en"),
    [
        (0, "0分", "0 min"),
        (45, "45分", "45 min"),
        (125, "2小时5分", "2 h 5 min"),
        (60 * 27 + 5, "1天3小时", "1 d 3 h"),
        (60 * 24, "1天", "1 d"),
    ],
)
def test_spans(minutes: int, zh: str, en: str) -> None:
    assert i18n.span("zh-Hans", timedelta(minutes=minutes)) == zh
    assert i18n.span("en", timedelta(minutes=-minutes)) == en


def test_pack_texts_fall_back_to_chinese() -> None:
    assert i18n.text({"zh-Hans": "县公安局"}, "en") == "县公安局"
    assert i18n.text({"zh-Hans": "县公安局", "en": "police"}, "en") == "police"
