"""Texts, figures, money, dates and durations as each language writes them, and pack texts
chosen for the reader."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from govops.lawcode.texts.messages import msg, msg_n
from govops.platform.i18n.translator import Shown, Translator, translator

UTC = ZoneInfo("UTC")


def test_figures_keep_every_digit_with_the_languages_marks() -> None:
    value = Decimal("1266.125")
    assert translator("zh-Hans").number(value) == "1,266.125"
    assert translator("vi").number(value) == "1.266,125"
    assert translator("en").number(12) == "12"
    assert translator("vi").number(Decimal("4.34E+25")) == "43.400.000.000.000.000.000.000.000"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2.345", "2.35"),
        ("2.344", "2.34"),
        ("2.355", "2.36"),
        ("-2.345", "-2.35"),
        ("1234.5", "1,234.50"),
    ],
)
def test_rounding_is_half_up_as_accounts_round(value: str, shown: str) -> None:
    assert translator("en").fixed(Decimal(value), 2) == shown


def test_money_is_named_in_the_documents_unit() -> None:
    amount = Decimal("5444")
    assert translator("vi").money(amount, "million-dong") == "5.444 triệu đồng"
    assert translator("en").money(amount, "million-dong") == "VND 5,444 million"
    assert translator("zh-Hans").money(amount, "million-dong") == "5,444百万越南盾"
    assert translator("zh-Hans").money(Decimal("12.345"), "10k-yuan", 2) == "12.35万元"
    assert translator("zh-Hant").money(Decimal("3"), "10k-yuan") == "3萬元"


def test_times_are_shown_in_the_organisations_zone() -> None:
    moment = datetime(2026, 6, 1, 1, 30, tzinfo=UTC)  # 09:30 in Beijing
    assert translator("zh-Hans").when(moment) == "2026年6月1日 09:30"
    assert translator("vi").when(moment) == "1 thg 6, 2026 09:30"
    assert translator("en").when(moment) == "Jun 1, 2026 09:30"
    assert translator("en", "Asia/Ho_Chi_Minh").when(moment) == "Jun 1, 2026 08:30"
    assert translator("en").date(date(2026, 12, 31)) == "Dec 31, 2026"
    with pytest.raises(ValueError, match="timezone-aware"):
        translator("en").when(datetime(2026, 6, 1, 9, 30))


def test_durations_are_rounded_down_to_minutes() -> None:
    assert translator("zh-Hans").span(timedelta(days=1, hours=3, minutes=5)) == "1天3小时"
    assert translator("en").span(timedelta(hours=2, minutes=5, seconds=59)) == "2 h 5 min"
    assert translator("vi").span(timedelta(seconds=30)) == "0 phút"


def test_messages_are_translated_with_their_values_formatted() -> None:
    nested = msg("{amount} yuan", amount=Decimal("1200"))
    assert translator("zh-Hans").say(nested) == "1,200元"
    assert translator("vi").say(msg("{n} d", n=3)) == "3 ngày"
    assert translator("en").say("already in its language") == "already in its language"
    assert str(msg("{n} d", n=Decimal("1.5"))) == "1.5 d"  # English with plain values: logs


def test_plurals_take_the_form_their_count_needs() -> None:
    one, many = msg_n("{count} d", "{count} days", 1), msg_n("{count} d", "{count} days", 2)
    assert str(one) == "1 d" and str(many) == "2 days"


def test_pack_texts_in_the_readers_language_else_converted_else_the_documents() -> None:
    texts = {"zh-Hans": "县公安局", "en": "County Public Security Bureau"}
    assert translator("en").text(texts) == Shown("County Public Security Bureau", "en")
    assert translator("zh-Hant").text(texts) == Shown("縣公安局", "zh-Hant")
    assert translator("vi").text(texts) == Shown("县公安局", "zh-Hans")
    assert translator("zh-Hans").text({"vi": "xã"}) == Shown("xã", "vi")


def test_only_our_languages_are_spoken() -> None:
    with pytest.raises(ValueError, match="language must be one of"):
        Translator("fr")
