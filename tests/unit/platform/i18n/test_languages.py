"""Which of our languages a tag names, an Accept-Language header asks for, and a request
gets: ?lang=, then the cookie, then Accept-Language, then the organisation's default."""

from __future__ import annotations

import pytest

from govops.platform.i18n.languages import Choice, accepted, choose, language_of


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh-SG", "zh-Hans"),
        ("zh-Hans", "zh-Hans"),
        ("zh_Hans", "zh-Hans"),
        ("zh-TW", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("zh-MO", "zh-Hant"),
        ("zh-Hant", "zh-Hant"),
        ("zh-Hant-TW", "zh-Hant"),
        ("vi", "vi"),
        ("vi-VN", "vi"),
        ("en-GB", "en"),
        ("EN-us", "en"),
        ("fr", None),
        ("", None),
        (None, None),
        ("not a tag", None),
        ("x" * 100, None),
    ],
)
def test_a_tag_names_one_of_our_languages(tag: str | None, language: str | None) -> None:
    assert language_of(tag) == language


def test_accept_language_is_read_by_weight_then_by_order() -> None:
    assert accepted("fr-FR,zh-TW;q=0.8,en;q=0.9") == ["en", "zh-Hant"]
    assert accepted("vi;q=0, en") == ["en"]  # q=0: not this one
    assert accepted("vi;q=abc, en;q=0.5") == ["en"]  # a weight that is no number: skipped
    assert accepted("zh-CN, zh;q=0.9, en;q=0.8") == ["zh-Hans", "en"]
    assert accepted(None) == [] and accepted("") == []


def test_a_request_gets_what_it_asks_then_what_it_remembers_then_its_browser() -> None:
    assert choose("vi", "en", "zh-TW", "zh-Hans") == Choice("vi", True)
    assert choose(None, "en", "zh-TW", "zh-Hans") == Choice("en", False)
    assert choose(None, None, "zh-TW,en", "zh-Hans") == Choice("zh-Hant", False)
    assert choose(None, None, "fr", "vi") == Choice("vi", False)
    assert choose("fr", "klingon", None, "zh-Hans") == Choice("zh-Hans", False)
