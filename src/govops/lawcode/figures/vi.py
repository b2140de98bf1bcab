"""Vietnamese figures as plans print them: 5.444 triệu đồng, 0,4 điểm, 1,266, 650.000/xã.

Pure: standard library only, no I/O. Values are exact Decimals, never floats; nothing is
rounded unless a number of decimal places is asked for when formatting.

Vietnamese writes '.' between groups of thousands and ',' before the decimals (5.444 is
five thousand four hundred and forty-four, 0,4 is four tenths), but tables typed in
spreadsheets often carry the English convention (1,266 is one thousand two hundred and
sixty-six), sometimes in the same document. parse_vi_number(text, style="auto") reads:

- surrounding whitespace, NBSP included, is dropped; an optional leading '-' is kept;
  only the digits 0-9, '.' and ',' may follow, and every separator stands between two
  digits (".5", "5.", "1..2" and "5 444" are refused);
- '.' and ',' both occur: the last separator is the decimal mark, the other groups;
- one kind occurs several times: it groups thousands ("1.234.567");
- one kind occurs once, after 1-3 digits not starting with 0 and before exactly 3 digits:
  it groups thousands ("5.444" = 5444, "1,266" = 1266, "650.000" = 650000); otherwise it
  is the decimal mark ("0,4", "12.5", "1,2345", "0.444", "1234.567");
- grouped digits are a first group of 1-3 digits not starting with 0, then groups of
  exactly 3; the decimal mark occurs once at most, after every grouping mark.

style="vi" forces '.' grouping and ',' decimal ("1,266" = 1.266); style="en" the reverse.
"auto" cannot tell 1,266 (thousands) from 1,266 (decimals): it reads thousands, so pass
the style wherever a figure with exactly three decimals may occur. Digits are kept as
written: "12,50" is Decimal("12.50"), equal to 12.5.

parse_vi_amount reads a figure and its unit into đồng. Figures are written for readers by
the platform's translator (the reader's locale), never here. A refusal carries its reason
as a Message (govops.lawcode.texts), translated where it is shown; the texts it quotes
(the figure, a unit word) are Quotes, shown as written.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, localcontext
from typing import Literal

from govops.lawcode.figures.exact import EXACT as _EXACT
from govops.lawcode.texts.messages import N_, Message, Quote, msg, quoted

Style = Literal["auto", "vi", "en"]

_MARKS: dict[str, tuple[str, str]] = {"vi": (".", ","), "en": (",", ".")}  # grouping, decimal
_FIGURE_CHARS = frozenset("0123456789.,")
_MISPLACED_SEPARATOR = re.compile(r"^[.,]|[.,]$|[.,][.,]")
_ONE_THOUSANDS_MARK = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}")
# Powers of ten of the unit words; the currency words only name the đồng.
_UNIT_EXPONENTS = {"đ": 0, "đồng": 0, "vnđ": 0, "vnd": 0, "nghìn": 3, "ngàn": 3}
_UNIT_EXPONENTS |= {"triệu": 6, "tỷ": 9, "tỉ": 9}
_CURRENCY_WORDS = frozenset({"đ", "đồng", "vnđ", "vnd"})
_CURRENCY_LAST = N_("the currency word must come last")
_SCALES_GROW = N_("scale words must grow left to right")
_UNIT_LIST = "đ, đồng, VNĐ, VND, nghìn, ngàn, triệu, tỷ, tỉ"
_AMOUNT = re.compile(r"(?P<figure>-?[0-9][0-9.,]*)(?P<unit>.*)", re.DOTALL)


class ViNumberError(ValueError):
    """A figure that cannot be read; `.message` says why (a Message, translated where it
    is shown), str() is its English text."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message

    def __reduce__(self) -> tuple[type[ViNumberError], tuple[Message]]:
        return type(self), (self.message,)  # pickles (e.g. across processes) keep the message


def _unreadable(text: str, reason: Message) -> ViNumberError:
    return ViNumberError(
        msg("cannot read {text} as a number: {reason}", text=quoted(text), reason=reason)
    )


def parse_vi_number(text: str, style: Style = "auto") -> Decimal:
    """Read digits with grouping and decimal marks; the rules are in the module docstring."""
    if style not in ("auto", "vi", "en"):
        raise ValueError(f"style must be 'auto', 'vi' or 'en' (got {style!r})")
    body = text.strip()
    if not body:
        raise ViNumberError(msg("no number given (got {text})", text=quoted(text)))
    negative = body.startswith("-")
    figure = body.removeprefix("-")
    _check_characters(text, figure)
    grouping, decimal_mark = _marks(figure, style)
    _check_layout(text, figure, grouping, decimal_mark)
    whole, _, fraction = figure.partition(decimal_mark)
    value = Decimal(whole.replace(grouping, "") + ("." + fraction if fraction else ""))
    return -value if negative and value else value  # no "-0": zero has no sign in a plan


def _check_characters(text: str, figure: str) -> None:
    for char in figure:
        if char not in _FIGURE_CHARS:
            raise _unreadable(text, msg("unexpected character {char}", char=quoted(char)))
    if _MISPLACED_SEPARATOR.search(figure) or not figure:
        raise _unreadable(text, msg("a '.' or ',' must stand between two digits"))


def _marks(figure: str, style: Style) -> tuple[str, str]:
    """The grouping mark and the decimal mark of a figure (either may be absent from it)."""
    if style != "auto":
        return _MARKS[style]
    separators = [char for char in figure if char in ".,"]
    if not separators:
        return _MARKS["vi"]
    last = separators[-1]
    other = "," if last == "." else "."
    if other in separators:  # both kinds: the last one is the decimal mark
        return other, last
    if len(separators) > 1 or _ONE_THOUSANDS_MARK.fullmatch(figure):
        return last, other
    return other, last


def _check_layout(text: str, figure: str, grouping: str, decimal_mark: str) -> None:
    whole, _, fraction = figure.partition(decimal_mark)
    mark, group = quoted(decimal_mark), quoted(grouping)
    if figure.count(decimal_mark) > 1:
        raise _unreadable(text, msg("the decimal mark {mark} occurs more than once", mark=mark))
    if grouping in fraction:
        raise _unreadable(
            text,
            msg(
                "the grouping mark {grouping} stands after the decimal mark {mark}",
                grouping=group,
                mark=mark,
            ),
        )
    grouped = rf"[1-9][0-9]{{0,2}}(?:{re.escape(grouping)}[0-9]{{3}})+"
    if grouping in whole and not re.fullmatch(grouped, whole):
        raise _unreadable(
            text,
            msg(
                "digits after the grouping mark {grouping} come in groups of exactly 3, "
                "after a first group of 1-3 digits not starting with 0",
                grouping=group,
            ),
        )


def parse_vi_amount(text: str, default_unit: str = "đồng", *, style: Style = "auto") -> Decimal:
    """An amount of money in đồng: a figure and an optional unit ("5.444 triệu đồng", "30000đ").

    Units: đ, đồng, VNĐ, VND (×1); nghìn, ngàn (×1.000); triệu (×1.000.000); tỷ, tỉ
    (×1.000.000.000). Scale words may be compounded largest last ("nghìn tỷ" = 10**12) and
    followed by a currency word. default_unit, in the same words, applies when none is
    written (default_unit="triệu" for a table in "ĐVT: Triệu đồng"). Case-insensitive; the
    text is NFC-normalised first, since Vietnamese text may arrive decomposed (NFD).
    """
    default_exponent = _unit_exponent(unicodedata.normalize("NFC", default_unit).lower())
    normal = unicodedata.normalize("NFC", text).strip().lower()
    match = _AMOUNT.fullmatch(normal)
    if match is None:
        raise _unreadable(text, msg("an amount must begin with a figure"))
    figure = parse_vi_number(match["figure"], style)
    unit = match["unit"].strip()
    exponent = _unit_exponent(unit, text) if unit else default_exponent
    with localcontext(_EXACT):
        amount = figure.scaleb(exponent)
        # 5.444 triệu is Decimal("5.444E+9"): written out as 5444000000 for readers and logs
        return amount.quantize(Decimal(1)) if int(amount.as_tuple().exponent) > 0 else amount


def _unit_exponent(unit: str, text: str | None = None) -> int:
    """The power of ten of a unit such as "triệu đồng"; text is the amount it came with."""
    words = unit.split()
    exponent = largest = 0
    for position, word in enumerate(words):
        if word not in _UNIT_EXPONENTS:
            raise _not_a_unit(word, text)
        if word in _CURRENCY_WORDS:
            if position != len(words) - 1:
                raise _out_of_order(word, unit, text, _CURRENCY_LAST)
            continue
        step = _UNIT_EXPONENTS[word]
        if step <= largest:  # "tỷ nghìn" or "triệu triệu": not a Vietnamese amount
            raise _out_of_order(word, unit, text, _SCALES_GROW)
        exponent, largest = exponent + step, step
    return exponent


def _not_a_unit(word: str, text: str | None) -> ViNumberError:
    units = Quote(_UNIT_LIST)
    if text is None:
        problem = msg(
            "{word} (the default unit) is not a unit of money ({units})",
            word=quoted(word),
            units=units,
        )
    else:
        problem = msg(
            "{word} in {text} is not a unit of money ({units})",
            word=quoted(word),
            text=quoted(text),
            units=units,
        )
    if "/" in word:  # "650.000/xã": a unit cost per commune, not a unit of money
        problem = msg(
            "{problem}; for a rate such as {rate} read the part before '/'",
            problem=problem,
            rate=quoted("650.000/xã"),
        )
    return ViNumberError(problem)


def _out_of_order(word: str, unit: str, text: str | None, rule: str) -> ViNumberError:
    example = Quote("nghìn tỷ đồng")
    values = {"unit": quoted(unit), "word": quoted(word), "rule": msg(rule), "example": example}
    if text is None:
        return ViNumberError(
            msg(
                "the unit {unit} (the default unit) is out of order at {word}: {rule} ({example})",
                **values,
            )
        )
    return ViNumberError(
        msg(
            "the unit {unit} in {text} is out of order at {word}: {rule} ({example})",
            text=quoted(text),
            **values,
        )
    )
