"""The language a command speaks: `--lang`, else the user's own (the POSIX locale:
LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else the organisation's (GOVOPS_LANGUAGE), else the
command's own default (the language of the document its module runs)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Annotated

import typer

from govops.platform.cli.output import fail
from govops.platform.i18n.languages import LANGUAGES, language_of
from govops.platform.i18n.translator import Translator, translator

LanguageOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of the output: zh-Hans, zh-Hant, vi or en (default: the locale of "
        "the shell, else GOVOPS_LANGUAGE, else the document's own).",
    ),
]
# The user's locale, as gettext reads it: LANGUAGE lists preferences (zh_TW:en).
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _from_locale(environ: Mapping[str, str]) -> str | None:
    for variable in _LOCALE_VARIABLES:
        for entry in environ.get(variable, "").split(":"):
            tag = entry.split(".")[0].split("@")[0]  # zh_CN.UTF-8, vi_VN@euro
            if tag and tag not in ("C", "POSIX"):
                found = language_of(tag)
                if found is not None:
                    return found
    return None


def command_language(
    asked: str | None, default: str, environ: Mapping[str, str] | None = None
) -> str:
    """The language a command answers in (see the module's docstring); a `--lang` that
    names none of ours stops the command, saying which there are."""
    env = os.environ if environ is None else environ
    if asked is not None:
        language = language_of(asked)
        if language is None:
            t = translator(_from_locale(env) or default)
            fail(
                t._(
                    "--lang must be one of {languages} (got {asked})",
                    languages=", ".join(LANGUAGES),
                    asked=repr(asked),
                )
            )
        return language
    return _from_locale(env) or language_of(env.get("GOVOPS_LANGUAGE", "")) or default


def command_translator(
    asked: str | None, default: str, timezone: str = "Asia/Shanghai"
) -> Translator:
    return translator(command_language(asked, default), timezone)
