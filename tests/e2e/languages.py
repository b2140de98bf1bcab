"""Which sentences of a page are in another language than the page's own: the check every
page family passes in every language. Codes, numbers and proper names may appear in any
page; a sentence may not. Text inside an element whose `lang` differs from the page's (a
pack text quoted in the document's own language, a language named in its own words),
inside an element marked `translate="no"` (a proper name, such as a user's), or inside
<code>, <kbd>, <samp> is left out, as is what <script> and <style> hold.

What counts as another language, per page language:
- zh-Hans / zh-Hant: two Latin words in a row (an English or Vietnamese phrase), a
  Vietnamese letter, or a character of the other Chinese script (OpenCC finds it);
- vi: a Chinese character, or an English phrase (Latin words without a Vietnamese letter,
  one of them an English function word);
- en: a Chinese character or a word with a Vietnamese letter."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser

from govops.platform.i18n.scripts import convert

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Letters only Vietnamese uses among the Latin ones (đ, ơ, ư, the tone marks...).
VIETNAMESE = re.compile(
    r"[đĐăĂâÂêÊôÔơƠưƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    r"ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]"
)
LATIN_PHRASE = re.compile(r"[A-Za-z]{2,}[ \u00a0]+[A-Za-z]{2,}")
WORD = re.compile(r"[^\W\d_]+")
ROMAN = re.compile(r"[IVXLC]+")  # the numbers of a document's parts (III.2.4), not words
ENGLISH_WORDS = frozenset(
    """
    the a an of to in on at by for from with and or not no is are was be been this that
    these those it its as all any each per than then there here which who what when where
    how has have had will would can could may must should do does did yet only more less
    none some your you we our new see back
    """.split()  # noqa: SIM905  (a word list reads better as words)
)
SKIPPED = {"script", "style", "code", "kbd", "samp"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
SHOWN_ATTRIBUTES = ("title", "placeholder", "alt", "aria-label")


class _Visible(HTMLParser):
    """The visible texts of a page in its own language, with the page's `lang`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.language = ""
        self.stack: list[tuple[str, bool]] = []  # tag, and whether its text is left out
        self.texts: list[str] = []

    def _left_out(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.language = found.get("lang") or ""
        other = found.get("lang") not in (None, self.language)
        name = found.get("translate") == "no"  # a proper name: a person's, say
        left_out = self._left_out() or other or name or tag in SKIPPED
        if not left_out:
            self.texts.extend(v for k, v in attrs if k in SHOWN_ATTRIBUTES and v)
            if tag == "input" and found.get("type") in ("submit", "button") and found.get("value"):
                self.texts.append(found["value"] or "")
        if tag not in VOID:
            self.stack.append((tag, left_out))

    def handle_endtag(self, tag: str) -> None:
        for place in range(len(self.stack) - 1, -1, -1):
            if self.stack[place][0] == tag:
                del self.stack[place:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._left_out():
            self.texts.append(data.strip())


def visible_texts(page: str) -> tuple[str, list[str]]:
    parser = _Visible()
    parser.feed(page)
    return parser.language, parser.texts


def foreign(text: str, language: str, names: Iterable[str] = ()) -> bool:
    """Whether `text`, shown in a page in `language`, holds a sentence of another one."""
    for name in names:
        text = text.replace(name, " ")
    if language in ("zh-Hans", "zh-Hant"):
        other = "zh-Hant" if language == "zh-Hans" else "zh-Hans"
        # A character of the other script: converting the text to this page's changes it.
        return bool(
            LATIN_PHRASE.search(text)
            or VIETNAMESE.search(text)
            or convert(text, other, language) != text
        )
    if language == "vi":
        if HAN.search(text):
            return True
        words = WORD.findall(text)
        english = [w for w in words if w.isascii() and not ROMAN.fullmatch(w)]
        return (
            len(english) >= 2
            and not VIETNAMESE.search(text)
            and any(w.lower() in ENGLISH_WORDS for w in english)
        )
    return bool(HAN.search(text) or VIETNAMESE.search(text))


def foreign_sentences(page: str, names: Iterable[str] = ()) -> list[str]:
    """The visible texts of `page` that hold a sentence in another language than the
    page's `lang`; `names` are proper names allowed anywhere (Thanh Hóa, say)."""
    language, texts = visible_texts(page)
    assert language, "the page says no lang on <html>"
    allowed = sorted(names, key=len, reverse=True)
    return [text for text in texts if foreign(text, language, allowed)]
