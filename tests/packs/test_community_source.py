"""The real page the community-organisation pack is read from (examples/readme, as the
README's example uses it): 46 slides in order, the three places the scrape damaged, the
slides the pack cites as they read once clean, and the command that prints them."""

from __future__ import annotations

from tests.paths import REPOSITORY

from govops.lawcode.sources.scraped import normalise

TEXTBOOK = REPOSITORY / "examples" / "readme"
TEXTBOOK /= "cn-community-organization-building-textbook-ch3.zh-Hant-annotated.txt"


def test_the_real_page_gives_46_slides_and_three_damaged_places() -> None:
    clean = normalise(TEXTBOOK.read_text(encoding="utf-8"))
    assert [s.number for s in clean.slides] == [str(n) for n in range(1, 47)]
    assert clean.missing == ()
    assert [(d.slide, d.text) for d in clean.damage] == [
        ("3", "??"),
        ("10", "?zhèn)?"),
        ("35", "?qū)B汓h"),
    ]
    assert clean.aids_removed > 600
    assert clean.slide("26").text.startswith("設主任1人,副主任1名,成員若干名,均實行專職制")
    assert "3至9人組成" in clean.slide("26").text
    assert clean.slide("27").text == (
        "新建住宅區居民開始入住時,應及時申請設立社區居民委員會;"
        "入住居民超過50%的,應及時組織社區居民委員會選舉。"
    )
    assert not any("(" in s.text and "ū)" in s.text for s in clean.slides[:2])
    assert "溫馨提示" not in "".join(s.text for s in clean.slides)  # the site's tail is cut
