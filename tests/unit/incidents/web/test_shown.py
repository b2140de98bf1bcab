"""Sentences built as markup: a quoted text keeps its `lang` mark inside a translated
sentence, what people typed is escaped, values are formatted as the language writes them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup

from govops.incidents.web.shown import Reader
from govops.lawcode.texts.messages import msg
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator
from govops.platform.web.markup import said

PACK = load_builtin_pack("cn-county-mass-incident")
AT = datetime(2026, 6, 1, 10, 5, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_a_sentence_keeps_the_marks_of_what_it_quotes_and_escapes_the_rest() -> None:
    t = translator("en")
    reader = Reader(t, PACK, "zh-Hans")
    shown = said(t, msg("done by {by} at {at}", by=reader.quoted("<b>张三</b>"), at=AT))
    assert shown == Markup(
        'done by <span lang="zh-Hans">&lt;b&gt;张三&lt;/b&gt;</span> at Jun 1, 2026 10:05'
    )
    assert said(t, msg("Note: {note}", note="<script>")) == Markup("Note: &lt;script&gt;")


def test_pack_texts_and_records_are_marked_only_in_another_language() -> None:
    chinese = Reader(translator("zh-Hans"), PACK, "zh-Hans")
    assert chinese.quoted("城关镇") == Markup("城关镇")
    assert chinese.grade("II") == Markup("重大群体性事件 (II级)")
    assert chinese.input_label("participants") == Markup("参与人数")
    traditional = Reader(translator("zh-Hant"), PACK, "zh-Hans")
    assert traditional.grade("II") == Markup("重大群體性事件 (II級)")
    assert traditional.quoted("城关镇") == Markup('<span lang="zh-Hans">城关镇</span>')
    vietnamese = Reader(translator("vi"), PACK, "zh-Hans")
    assert vietnamese.grade(None) == Markup("chưa đến mức phân cấp")
    assert vietnamese.input_label("participants") == Markup('<span lang="zh-Hans">参与人数</span>')
    assert vietnamese.unit("小时") == "giờ"
