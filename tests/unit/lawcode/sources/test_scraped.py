"""A scraped page of slides read as data: the site's lines cut, pinyin reading aids
removed, slides numbered by their footers and their running header dropped, a question mark
kept, what the scrape damaged reported with its place and left as it is (the real page:
tests/packs/test_community_source.py)."""

from __future__ import annotations

from govops.lawcode.sources.scraped import Damage, Slide, normalise

HEADER = "第3章社區組織建設"


def page(*slides: str, tail: str = "溫馨提示\n- 1. 本站所有資源") -> str:
    body = "".join(f"{HEADER}{text}6/4/2023{i}" for i, text in enumerate(slides, 1))
    return f"版權說明:本文檔由用戶提供\n文檔簡介\n{body}第3章\n{tail}\n"


def test_slides_are_numbered_by_their_footers_without_header_or_site_lines() -> None:
    clean = normalise(page("社區組織建設", "居委會由5至9人組成。"))
    assert clean.slides == (Slide("1", "社區組織建設"), Slide("2", "居委會由5至9人組成。"))
    assert clean.damage == () and clean.missing == ()
    assert clean.slide("2").text == "居委會由5至9人組成。"


def test_pinyin_reading_aids_are_removed_and_counted() -> None:
    clean = normalise(page("社區(qū)組織建設(shè)(一)要點"))
    assert clean.slides[0].text == "社區組織建設(一)要點"  # a bracketed numeral stays
    assert clean.aids_removed == 2


def test_a_question_mark_is_kept_and_damage_is_reported_in_place() -> None:
    clean = normalise(
        page("指什么?1)有人管事", "德才兼?zhèn)?、群眾公認", "組織??居民", "或?qū)B汓h務干部")
    )
    assert clean.slides[0].text == "指什么?1)有人管事"
    assert clean.damage == (
        Damage("2", 3, "?zhèn)?"),
        Damage("3", 2, "??"),
        Damage("4", 1, "?qū)B汓h"),  # a few characters apart: one place
    )
    assert clean.slides[1].text == "德才兼?zhèn)?、群眾公認"  # left as it is, not guessed


def test_a_slide_the_footers_skip_is_reported() -> None:
    text = page("一", "二").replace("6/4/20232", "6/4/20233")
    assert normalise(text).missing == (2,)


def test_a_lone_question_mark_where_none_stands_is_damage() -> None:
    clean = normalise(page("德才兼?、群眾公認", "問:指什么?B.一化", "是嗎?"))
    assert clean.damage == (Damage("1", 3, "?"),)  # before 、: a lost character


def test_text_after_the_last_footer_and_a_number_given_twice_are_reported() -> None:
    text = page("一", "二").replace("第3章\n溫馨提示", f"{HEADER}最後一張沒有頁尾\n溫馨提示")
    assert normalise(text).trailing == "最後一張沒有頁尾"
    assert normalise(page("一", "二")).trailing == ""  # the cut header is no text
    twice = page("一", "二").replace("6/4/20232", "6/4/20231")
    assert normalise(twice).repeated == (1,)
