"""A source document scraped from a web page of slides, read as data: the page's own text
cut from the site's boilerplate, the reading aids and slide furniture removed, and what the
scrape damaged reported with its place rather than guessed.

The shape it reads (the community-organisation textbook, `cn-community-textbook-ch3`):
- the page opens with site lines (copyright notice, "文檔簡介") and the slides run on one line
  after them; the site's boilerplate trails them from a marker line on ("溫馨提示");
- some characters carry their pinyin in brackets, `區(qū)`: a reading aid, removed;
- each slide ends with its footer, the date and its number (`6/4/2023` `12`), and the next
  begins with the running header (`第3章社區組織建設`): the footers give the slides their
  numbers, so a slide is cited by its number (`12`), the header is dropped;
- the scrape lost characters: an ASCII `?` standing for a character it could not encode,
  often beside the pinyin it kept (`兼?zhèn)?`), or a run of them (`??`); such places are
  reported (slide, offset in the clean slide, the damaged text) and left as they are.

Readings: an ASCII `?` before a digit, a Chinese character, a Latin capital or the end of
the slide is taken as a question mark (the page writes `指什么?1)`), and is kept; a `?`
anywhere else (`兼?、`), a pinyin syllable outside brackets, or a `?` touching one, is damage.
Text after the last footer is no slide (it has no number) and is reported, unless it is the
start of the running header (the page cut off); a number two footers give is reported. The
normaliser is pure (no file, no conversion table): a Simplified view is the caller's
(OpenCC)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_SYLLABLE = rf"[a-z{_TONED}]*[{_TONED}][a-z{_TONED}]*|[a-z]+"
# A reading aid: a bracketed pinyin syllable right after a Chinese character.
_AID = re.compile(rf"(?<=[\u3400-\u9fff])\((?:{_SYLLABLE})\)")
# What the scrape damaged: a `?` next to pinyin, a run of `?`, pinyin left outside brackets,
# Latin letters wedged between Chinese characters; places a few characters apart are one.
_DAMAGE = re.compile(
    rf"\?+(?:{_SYLLABLE})\)?\??|\?{{2,}}|(?<![A-Za-z])(?:[a-z]*[{_TONED}][a-z]*)\)?"
    r"|(?<=[\u3400-\u9fff])[A-Za-z]+(?=[\u3400-\u9fff])"
    r"|\?(?![0-9A-Z\u3400-\u9fff]|$)"  # a `?` where no question mark stands: a lost character
)
_NEAR = 2  # characters between two damaged places that make them one


@dataclass(frozen=True, slots=True)
class Profile:
    """Where a scraped page's own text starts and ends, and its slides' furniture."""

    footer: str  # a slide's footer, its number in the one group: r"6/4/2023(\d{1,2})"
    header: str  # the running header each slide opens with, removed
    tail: str  # the first line of the site's trailing boilerplate
    head_lines: int  # the site's lines before the text


TEXTBOOK = Profile(
    footer=r"6/4/2023(\d{1,2})(?=第|$)",
    header="第3章社區組織建設",
    tail="溫馨提示",
    head_lines=2,
)


@dataclass(frozen=True, slots=True)
class Damage:
    """A place the scrape damaged: the slide, the offset in its clean text, what is there."""

    slide: str
    offset: int
    text: str


@dataclass(frozen=True, slots=True)
class Slide:
    number: str  # as its footer gives it: the citation's article
    text: str


@dataclass(frozen=True, slots=True)
class CleanSource:
    slides: tuple[Slide, ...]
    damage: tuple[Damage, ...]
    aids_removed: int  # bracketed pinyin syllables removed
    missing: tuple[int, ...] = field(default=())  # slide numbers the footers skip
    repeated: tuple[int, ...] = field(default=())  # slide numbers two footers give
    trailing: str = ""  # text after the last footer (not a slide: it has no number)

    def slide(self, number: str) -> Slide:
        return next(s for s in self.slides if s.number == number)


def normalise(page: str, profile: Profile = TEXTBOOK) -> CleanSource:
    """The page's slides, clean, with what the scrape damaged and the slides missing."""
    lines = page.splitlines()
    body_lines = lines[profile.head_lines :]
    if profile.tail in body_lines:
        body_lines = body_lines[: body_lines.index(profile.tail)]
    body, aids = _AID.subn("", "".join(body_lines))
    slides, damage = [], []
    start = 0
    for found in re.finditer(profile.footer, body):
        text = body[start : found.start()].removeprefix(profile.header).strip()
        number = found.group(1)
        slides.append(Slide(number, text))
        damage += _damaged(number, text)
        start = found.end()
    numbers = [int(s.number) for s in slides]
    missing = tuple(n for n in range(1, max(numbers, default=0) + 1) if n not in numbers)
    repeated = tuple(sorted({n for n in numbers if numbers.count(n) > 1}))
    rest = body[start:].strip()
    trailing = "" if profile.header.startswith(rest) else rest.removeprefix(profile.header)
    return CleanSource(tuple(slides), tuple(damage), aids, missing, repeated, trailing)


def _damaged(number: str, text: str) -> list[Damage]:
    """The damaged places of a slide's text, those a few characters apart merged."""
    spans: list[tuple[int, int]] = []
    for found in _DAMAGE.finditer(text):
        start, end = found.span()
        if spans and start - spans[-1][1] <= _NEAR:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [Damage(number, start, text[start:end]) for start, end in spans]
