"""Vietnamese numbers in words, as the "Bằng chữ" line under a budget total spells them.

Pure: standard library only, no I/O; the value is exact. The text is NFC-normalised
(Vietnamese may arrive decomposed, NFD) and read case-insensitively. Read:

- digits không 0, một 1, hai 2, ba 3, bốn 4, năm 5, sáu 6, bảy/bẩy 7, tám 8, chín 9;
  after mươi also mốt (1), tư (4) and lăm (5); after mười also tư and lăm; after linh/lẻ
  also tư ("một trăm linh tư" = 104);
- a group of 0-999: [digit trăm] then mười [unit] (10-19), digit mươi [unit] (20-99),
  linh/lẻ digit (01-09, after trăm or at the head of a group that follows a scale
  word: "một nghìn linh năm" = 1005, as in the year "hai nghìn linh năm"), or a single
  digit; "không trăm" only after a scale word; "không" or "không trăm" alone only before a
  smaller scale word, holding an empty group's place ("một triệu không nghìn hai trăm");
- scale words nghìn/ngàn (10**3), triệu (10**6), tỷ/tỉ (10**9). A scale word multiplies
  everything since the last larger scale, so scales compound: "năm nghìn tỷ" = 5 * 10**12,
  "năm nghìn bốn trăm tỷ" = 5.4 * 10**12. Parts must not overlap: "hai trăm tỷ" may
  follow "năm nghìn tỷ" but not "năm nghìn bốn trăm tỷ";
- at the end, "đồng" (an amount in đồng) and "chẵn" (exactly: no smaller units follow;
  it does not change the value); around the words, "(Bằng chữ:" and ")", "./." or ".";
  commas between the words.

Irregular but unambiguous forms are read and noted (`irregularities`, Messages): the
spoken two-digit form without mươi ("bốn bốn" = 44, "hai mốt" = 21, "ba lăm" = 35), and a
comma inside one group ("bốn trăm, bốn bốn triệu" is one group of 444 triệu). Ambiguous
forms are refused, both readings spelled out: "bốn trăm bốn" is 404 ("bốn trăm linh bốn")
to some readers and 440 ("bốn trăm bốn mươi") to others. One scale up, so is a group after
a scale word, with no scale word of its own (or a larger one, compounding), that does not
pin its place: a lone digit or spoken pair ("một nghìn năm": 1005, or 1500 with trăm
dropped), or after triệu/tỷ a group not opened by "không trăm" or linh/lẻ ("một triệu hai
trăm": 1000200, or 1200000 with nghìn dropped). ViNumberError names the word at fault.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from govops.lawcode.figures.vi import ViNumberError
from govops.lawcode.texts.messages import Message, Quote, msg, quoted

_NAMES = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_DIGITS = {word: digit for digit, word in enumerate(_NAMES)} | {"bẩy": 7}
_NONZERO = {word: digit for word, digit in _DIGITS.items() if digit}
_AFTER_LINH = _NONZERO | {"tư": 4}
_AFTER_MUOI_10 = _AFTER_LINH | {"lăm": 5}  # mười một, mười tư, mười lăm
_AFTER_MUOI = _AFTER_MUOI_10 | {"mốt": 1}  # hai mươi mốt; mốt after mười is not Vietnamese
_TENS = {word: digit for word, digit in _NONZERO.items() if digit >= 2}  # hai mươi .. chín mươi
_SCALES = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
_SCALE_NAMES = {3: "nghìn", 6: "triệu"}
_PLACE_WORDS = frozenset({"trăm", "mươi", "mười", "linh", "lẻ"})  # words that pin a digit
_OTHER_WORDS = frozenset({"mười", "mươi", "trăm", "linh", "lẻ", "đồng", "chẵn"})
_KNOWN = _AFTER_MUOI.keys() | _SCALES.keys() | _DIGITS.keys() | _OTHER_WORDS
_LEAD = re.compile(r"^[\s(]*(?:bằng chữ\s*:?)?")
_TAIL = re.compile(r"[\s./;)]*$")  # "./." closes a Vietnamese document or line
_TOKEN = re.compile(r",|[^\W\d_]+|\S")  # a comma, a word, or any other single character


@dataclass(frozen=True, slots=True)
class WordsReading:
    value: Decimal  # the number the words give: 5444000000 for "năm tỷ ... triệu đồng"
    unit_dong: Decimal | None  # the same amount in đồng if the words end in "đồng", else None
    irregularities: tuple[Message, ...] = ()  # forms read but not standard written Vietnamese


@dataclass(frozen=True, slots=True)
class _Part:
    """A part of the number read so far: its value spans the powers of ten from floor up to
    (not including) ceiling; "năm nghìn bốn trăm tỷ" spans 10**9 to 10**15."""

    value: int
    floor: int
    ceiling: int


def parse_vi_number_words(text: str) -> WordsReading:
    """Read a number written in Vietnamese words; the rules are in the module docstring."""
    normal = unicodedata.normalize("NFC", text).strip().lower()
    body = _TAIL.sub("", _LEAD.sub("", normal, count=1), count=1)
    words, comma_before = _tokens(body, normal)
    if words[-1:] == ["chẵn"]:  # "triệu đồng chẵn": exactly so many, no smaller units
        words.pop()
    if in_dong := words[-1:] == ["đồng"]:
        words.pop()
    if not words:
        raise ViNumberError(msg("no number in words (got {text})", text=quoted(text)))
    reader = _Reader(normal, words, comma_before)
    value = Decimal(reader.read())
    return WordsReading(value, value if in_dong else None, tuple(reader.notes))


def _tokens(body: str, normal: str) -> tuple[list[str], set[int]]:
    """The words, and the positions of the words that have a comma before them."""
    words: list[str] = []
    comma_before: set[int] = set()
    for token in _TOKEN.findall(body):
        if token == ",":
            comma_before.add(len(words))
        elif token in _KNOWN:
            words.append(token)
        else:
            raise _unknown(token, normal)
    return words, comma_before


def _unknown(token: str, normal: str) -> ViNumberError:
    values = {"token": quoted(token), "text": quoted(normal)}
    if token.isalpha():
        return ViNumberError(msg("{token} is not a Vietnamese number word (in {text})", **values))
    return ViNumberError(  # a digit or a sign: figures and words are read apart
        msg("unexpected character {token} in a number in words ({text})", **values)
    )


class _Reader:
    """Reads the words left to right: a group of 0-999, then its scale words, and again."""

    def __init__(self, text: str, words: list[str], comma_before: set[int]) -> None:
        self.text = text
        self.words = words
        self.comma_before = comma_before
        self.at = 0
        self.parts: list[_Part] = []  # decreasing: each below the floor of the one before
        self.notes: list[Message] = []

    def read(self) -> int:
        if self.words == ["không"]:
            return 0
        while self.at < len(self.words):
            start = self.at
            group = self._group(first=not self.parts)
            end, after = self.at, 10 ** _SCALES.get(self._word() or "", 0)
            placed = not self.parts or 1 < after < self.parts[-1].ceiling  # by its own scale
            if group == 0 and not (placed and self._word(1)):
                raise self._misplaced(start)  # an empty group only holds a place
            self._scale(0, group, start)
            while self._word() in _SCALES:
                self._scale(_SCALES[self.words[self.at]], None, self.at)
                self.at += 1
            if not placed:
                self._pin(start, end, group)
            self._note_stray_commas(start, group)
        return sum(part.value for part in self.parts)

    def _word(self, ahead: int = 0) -> str | None:
        at = self.at + ahead
        return self.words[at] if at < len(self.words) else None

    def _group(self, first: bool) -> int:
        hundreds = None
        if self._word() in _DIGITS and self._word(1) == "trăm":
            hundreds = _DIGITS[self.words[self.at]]
            if hundreds == 0 and first:  # "không trăm" only fills a group after a scale
                raise self._misplaced(self.at)
            self.at += 2
        elif self._word() == "không" and self._word(1) in _SCALES and not first:
            self.at += 1  # "một triệu không nghìn hai trăm"
            return 0
        below = self._tens_and_units(hundreds is not None, may_begin_with_linh=not first)
        if hundreds is None and below is None:
            raise self._misplaced(self.at)
        return (hundreds or 0) * 100 + (below or 0)

    def _tens_and_units(self, after_hundreds: bool, may_begin_with_linh: bool) -> int | None:
        word, following = self._word(), self._word(1)
        if word in ("linh", "lẻ") and (after_hundreds or may_begin_with_linh):
            return self._take(2, _AFTER_LINH.get(following or ""))
        if word == "mười":
            unit = _AFTER_MUOI_10.get(following or "")
            return 10 + (self._take(2, unit) if unit else self._take(1, 0))
        if word in _TENS and following == "mươi":
            unit = _AFTER_MUOI.get(self._word(2) or "")
            return _TENS[word] * 10 + (self._take(3, unit) if unit else self._take(2, 0))
        if word in _TENS and following in _AFTER_MUOI and self._word(2) not in ("trăm", "mươi"):
            return self._spoken_tens(word, following)
        if word in _NONZERO:
            if after_hundreds:  # "bốn trăm bốn": 404 or 440
                hund, unit = self.words[self.at - 2 : self.at], _NONZERO[word]
                linh = [*hund, "linh", word], _DIGITS[hund[0]] * 100 + unit
                tens = [*hund, word, "mươi"], linh[1] + 9 * unit
                raise self._ambiguous([*hund, word], linh, tens)
            return self._take(1, _NONZERO[word])
        return None

    def _take(self, count: int, value: int | None) -> int:
        """Consume count words worth value; None: the last of them cannot stand there."""
        if value is None:
            raise self._misplaced(self.at + count - 1)
        self.at += count
        return value

    def _spoken_tens(self, tens: str, unit: str) -> int:
        """ "bốn bốn" for bốn mươi bốn: the spoken form, unambiguous but not written style."""
        value = _TENS[tens] * 10 + _AFTER_MUOI[unit]
        self.notes.append(
            msg(
                "{spoken} read as {value} (spoken form without {word})",
                spoken=Quote(f"'{tens} {unit}'"),
                value=value,
                word=Quote("'mươi'"),
            )
        )
        return self._take(2, value)

    def _scale(self, exponent: int, group: int | None, word_at: int) -> None:
        """Apply 10**exponent to the group just read, or (compound: nghìn tỷ) to the parts
        below it; the result must lie wholly below the part before it. The word at word_at
        (the scale word, or the head of a group standing alone) is blamed if not."""
        scale = 10**exponent
        inner: list[_Part] = []
        while self.parts and self.parts[-1].ceiling <= scale:
            inner.append(self.parts.pop())
        if group is not None:
            inner.append(_Part(group, 1, 1000))
        if not inner:  # "triệu nghìn", "tỷ tỷ": a scale word with nothing to multiply
            raise self._misplaced(word_at)
        part = _Part(
            sum(p.value for p in inner) * scale,
            min(p.floor for p in inner) * scale,
            max(p.ceiling for p in inner) * scale,
        )
        if self.parts and part.ceiling > self.parts[-1].floor:
            raise self._misplaced(word_at)
        self.parts.append(part)

    def _note_stray_commas(self, start: int, group: int) -> None:
        inside = [at for at in range(start + 1, self.at) if at in self.comma_before]
        if not inside:
            return
        written = self.words[start] + "".join(
            (", " if at in inside else " ") + self.words[at] for at in range(start + 1, self.at)
        )
        scale = " ".join(word for word in self.words[start : self.at] if word in _SCALES)
        read = f"{group} {scale}".strip()
        self.notes.append(
            msg(
                "stray comma in {written} (one group, read as {read})",
                written=Quote(f"'{written}'"),
                read=Quote(read),
            )
        )

    def _misplaced(self, at: int) -> ViNumberError:
        before, text = Quote(f"'{' '.join(self.words[:at])}'"), quoted(self.text)
        if at >= len(self.words):
            return ViNumberError(
                msg("the number stops short after {before} in {text}", before=before, text=text)
            )
        word = Quote(f"'{self.words[at]}'")
        if at == 0:
            return ViNumberError(
                msg("cannot read {word} at the start in {text}", word=word, text=text)
            )
        return ViNumberError(
            msg("cannot read {word} after {before} in {text}", word=word, before=before, text=text)
        )

    def _pin(self, start: int, end: int, group: int) -> None:
        """Refuse a group read as units after a scale word if it does not pin its place."""
        written, scale = self.words[start:end], _SCALES[self.words[start - 1]]
        bare = not _PLACE_WORDS.intersection(written)
        skips = scale > 3 and written[0] not in ("linh", "lẻ") and written[:2] != ["không", "trăm"]
        if not (bare or skips):
            return
        head, tail = self.words[:start], self.words[end : self.at]
        fill = [w for e in range(scale - 3, 0, -3) for w in ("không", _SCALE_NAMES[e])]
        top = group * 10 ** (3 - len(str(group))) if bare else group  # năm -> năm trăm
        readings = (
            [*head, *(fill if group >= 100 else []), *_spell(group, True), *tail],
            [*head, *_spell(top, False), *([_SCALE_NAMES[scale - 3]] if skips else []), *tail],
        )
        valued = [(words, _Reader(self.text, words, set()).read()) for words in readings]
        raise self._ambiguous(self.words[: self.at], *valued)

    def _ambiguous(self, written: list[str], *readings: tuple[list[str], int]) -> ViNumberError:
        (first, first_value), (second, second_value) = readings
        return ViNumberError(
            msg(
                "{written} is ambiguous: write {first} ({first_value}) or {second} "
                "({second_value}) (in {text})",
                written=Quote(f"'{' '.join(written)}'"),
                first=Quote(f"'{' '.join(first)}'"),
                first_value=first_value,
                second=Quote(f"'{' '.join(second)}'"),
                second_value=second_value,
                text=quoted(self.text),
            )
        )


def _spell(n: int, full: bool) -> list[str]:
    """0 < n < 1000 in standard words; full: with "không trăm" when there are no hundreds."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = [_NAMES[hundreds], "trăm"] if hundreds or full else []
    words += ["mười"] if tens == 1 else [_NAMES[tens], "mươi"] if tens else []
    words += ["linh"] if units and words and not tens else []
    return words + (["lăm" if tens and units == 5 else _NAMES[units]] if units else [])
