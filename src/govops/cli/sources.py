"""`govops source normalise FILE`: a source document scraped from a web page of slides, read
as data (`govops.lawcode.sources.scraped`): one line per slide, `[number] text`, the number
being the article a pack cites; in Traditional characters as the page writes them, or in a
Simplified view (`--script zh-Hans`, OpenCC); `--json` for the slides and the report
together. What the scrape damaged is noted on stderr with its slide and offset
(`govops: note: ...`), and left as it is."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from govops.cli.context import DEFAULT_LANGUAGE
from govops.lawcode.sources.scraped import CleanSource, normalise
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, to_json
from govops.platform.i18n.languages import ZH_HANS, ZH_HANT
from govops.platform.i18n.scripts import convert
from govops.platform.i18n.translator import Translator

app = typer.Typer(help="Read source documents as data.", no_args_is_help=True)
MAX_BYTES = 20_000_000  # a scraped page, not a corpus
FileArgument = Annotated[Path, typer.Argument(help="The scraped page (UTF-8 text).")]
ScriptOption = Annotated[
    str, typer.Option("--script", help="zh-Hant as the page writes it, or a zh-Hans view.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="The slides and the report, as JSON.")]


@app.command("normalise")
def normalise_command(
    file: FileArgument,
    script: ScriptOption = ZH_HANT,
    as_json: JsonOption = False,
    lang: LanguageOption = None,
) -> None:
    """Print the page's slides, clean, each with the number a pack cites."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    if script not in (ZH_HANT, ZH_HANS):
        fail(t._("--script: {script} is not zh-Hant or zh-Hans", script=script))
    clean = normalise(_read(file, t))
    if not clean.slides:
        fail(t._("{file}: no slide found (no slide footer)", file=str(file)))
    for place in clean.damage:
        note = t._(
            "note: slide {slide}, at {offset}: {text} damaged by the scrape; left as it is",
            slide=place.slide,
            offset=place.offset,
            text=repr(place.text),
        )
        print(f"govops: {note}", file=sys.stderr)
    notes = []
    if clean.missing:
        notes.append(
            t._("note: slides missing: {slides}", slides=", ".join(map(str, clean.missing)))
        )
    if clean.repeated:
        notes.append(
            t._("note: slides numbered twice: {slides}", slides=", ".join(map(str, clean.repeated)))
        )
    if clean.trailing:
        notes.append(
            t._("note: text after the last slide, left out: {text}", text=repr(clean.trailing[:80]))
        )
    for note in notes:
        print(f"govops: {note}", file=sys.stderr)
    print(_shown(clean, script, as_json))


def _read(file: Path, t: Translator) -> str:
    """The page's text; a refusal in the reader's language when it cannot be had."""
    name = str(file)
    try:
        if file.stat().st_size > MAX_BYTES:
            fail(t._("{file}: larger than {limit} bytes", file=name, limit=MAX_BYTES))
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(t._("{file}: no such file", file=name))
    except IsADirectoryError:
        fail(t._("{file}: is a folder, not a file", file=name))
    except UnicodeDecodeError as error:
        fail(t._("{file}: not UTF-8 text (byte {offset})", file=name, offset=error.start))
    except OSError:
        fail(t._("{file}: cannot be read", file=name))


def _shown(clean: CleanSource, script: str, as_json: bool) -> str:
    def text(value: str) -> str:
        return convert(value, ZH_HANT, script)

    if as_json:
        slides = [{"number": s.number, "text": text(s.text)} for s in clean.slides]
        damage = [{"slide": d.slide, "offset": d.offset, "text": d.text} for d in clean.damage]
        report = {"aids_removed": clean.aids_removed, "missing": list(clean.missing)}
        report |= {"repeated": list(clean.repeated), "trailing": clean.trailing}
        return to_json({"script": script, "slides": slides, "damage": damage} | report)
    return "\n".join(f"[{s.number}] {text(s.text)}" for s in clean.slides)
