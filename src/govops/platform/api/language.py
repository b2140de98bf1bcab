"""The language an API answer's words are in (problem details, field messages, texts):
`?lang=`, else Accept-Language, else the organisation's (the application's default).
The data itself (codes, figures, ISO times) is the same in every language."""

from __future__ import annotations

from fastapi import FastAPI, Request

from govops.platform.i18n.languages import ZH_HANS, choose
from govops.platform.i18n.translator import DEFAULT_ZONE, Translator, translator

_STATE = "govops_language"


def set_default_language(app: FastAPI, language: str, timezone: str = DEFAULT_ZONE) -> None:
    """What the API speaks to a client that asks for no language, and its time zone."""
    setattr(app.state, _STATE, (language, timezone))


def default_language(request: Request) -> str:
    """The organisation's language, for a reader who chose none."""
    language: str = getattr(request.app.state, _STATE, (ZH_HANS, DEFAULT_ZONE))[0]
    return language


def request_translator(request: Request) -> Translator:
    default, timezone = getattr(request.app.state, _STATE, (ZH_HANS, DEFAULT_ZONE))
    choice = choose(
        request.query_params.get("lang"), None, request.headers.get("accept-language"), default
    )
    return translator(choice.language, timezone)
