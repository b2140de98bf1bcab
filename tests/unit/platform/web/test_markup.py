"""Sentences as page markup: what a message quotes keeps its `lang` mark inside the
translated sentence, messages within messages and plurals are translated, the rest escaped."""

from __future__ import annotations

from markupsafe import Markup

from govops.lawcode.texts.messages import Quote, msg, msg_n
from govops.platform.i18n.translator import translator
from govops.platform.web.markup import joined, marked, said


def test_what_a_message_quotes_as_typed_is_marked_in_another_language() -> None:
    typed = msg("cannot read {raw} as a figure", raw=Quote("'近5000'"))
    assert said(translator("en"), typed, "zh-Hans") == Markup(
        'cannot read <span lang="zh-Hans">&#39;近5000&#39;</span> as a figure'
    )
    assert said(translator("zh-Hans"), typed, "zh-Hans") == Markup(
        "无法将 &#39;近5000&#39; 读作数字"
    )


def test_messages_within_messages_and_plurals_are_translated() -> None:
    t = translator("zh-Hans")
    nested = msg("line {line}: {problem}", line="3", problem=msg("required"))
    assert said(t, nested) == Markup("第 3 行：必填")
    assert said(t, msg_n("at most {count} character", "at most {count} characters", 2000)) == (
        Markup("不能超过2,000个字")
    )
    assert said(
        translator("en"), msg_n("at most {count} character", "at most {count} characters", 1)
    ) == (Markup("at most 1 character"))


def test_a_text_is_marked_only_in_a_page_of_another_language() -> None:
    assert marked("Kế hoạch", "vi", "en") == Markup('<span lang="vi">Kế hoạch</span>')
    assert marked("Kế hoạch", "vi", "vi") == Markup("Kế hoạch")
    assert said(translator("en"), Quote("II.1 gạch 2"), "vi") == Markup(
        '<span lang="vi">II.1 gạch 2</span>'
    )


def test_lists_are_joined_as_the_language_joins_them() -> None:
    items = [Markup("甲"), Markup("乙")]
    assert joined(translator("zh-Hans"), items) == Markup("甲、乙")
    assert joined(translator("en"), items) == Markup("甲, 乙")
