"""Output helpers: JSON that keeps Chinese readable and numbers exact, errors without
tracebacks. The helpers that stop a command on bad input say why in the command's language:
they take its translator (`t`); without one they speak the shell's language, else English."""

from __future__ import annotations

import codecs
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import NoReturn, TypeVar

import typer

from govops.lawcode.dated.bounds import EARLIEST, LATEST, kept
from govops.lawcode.rules.jsonable import jsonable
from govops.platform.i18n.languages import EN
from govops.platform.i18n.translator import Translator

DayOrTime = TypeVar("DayOrTime", date, datetime)


def _default(value: object) -> object:
    if isinstance(value, Decimal | date | frozenset | set):
        return jsonable(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")  # i18n: not shown


def to_json(value: object, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, default=_default, indent=indent)


def fail(message: str, code: int = 2) -> NoReturn:
    """Stop with a message (already in the reader's language) on stderr, no traceback."""
    print(f"govops: {message}", file=sys.stderr)
    raise typer.Exit(code)


def translator_or_default(t: Translator | None) -> Translator:
    """`t`, else the language of the shell or the organisation, else English (for a
    caller that does not say its command's language)."""
    if t is not None:
        return t
    from govops.platform.cli.language import command_translator  # noqa: PLC0415  (a cycle)

    return command_translator(None, EN)


def decode_text(data: bytes, where: str, encoding: str, t: Translator | None = None) -> str:
    """Text in the encoding the user names (UTF-8 by default, a byte-order mark allowed).
    Never guessed: a wrong guess would change names and figures without a word."""
    codec = codec_of(encoding, t)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        refuse_undecodable(where, encoding, error.start, t)


def codec_of(encoding: str, t: Translator | None = None) -> str:
    """The Python codec for an --encoding the user gives; UTF-8 allows a byte-order mark."""
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        codecs.lookup(codec)
    except LookupError:
        said = translator_or_default(t)
        fail(
            said._(
                "unknown --encoding {encoding}; e.g. utf-8, gb18030, cp1258",
                encoding=repr(encoding),
            )
        )
    return codec


def refuse_undecodable(where: str, encoding: str, byte: int, t: Translator | None) -> NoReturn:
    said = translator_or_default(t)
    if codec_of(encoding, t) == "utf-8-sig":
        fail(
            said._(
                "{where} is not {encoding} text at byte {byte} (a CSV saved by Excel on a "
                "Chinese PC: --encoding gb18030)",
                where=where,
                encoding=encoding,
                byte=str(byte),
            )
        )
    fail(
        said._(
            "{where} is not {encoding} text at byte {byte}",
            where=where,
            encoding=encoding,
            byte=str(byte),
        )
    )


def parse_date(text: str, what: str, t: Translator | None = None) -> date:
    """A date given on the command line (an option or an argument named `what`), one the
    system keeps (`lawcode.dated.bounds`); else stop, saying why."""
    said = translator_or_default(t)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        fail(said._("{what} must be a date as YYYY-MM-DD, got {text}", what=what, text=repr(text)))
    return check_kept(day, what, text, said)


def check_kept(value: DayOrTime, what: str, text: str, t: Translator | None = None) -> DayOrTime:
    """`value` (read from `text`, given as `what`) when the system keeps its date; else
    stop, naming the range (`lawcode.dated.bounds`)."""
    if not kept(value):
        said = translator_or_default(t)
        fail(
            said._(
                "{what} must be between {earliest} and {latest}, got {text}",
                what=what,
                earliest=EARLIEST,
                latest=LATEST,
                text=repr(text),
            )
        )
    return value
