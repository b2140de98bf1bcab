"""Settings of the server, from the environment (GOVOPS_ prefix), read when asked for.

- GOVOPS_DATABASE_URL: the database (default: storage's default, the SQLite file
  ./govops.db; or e.g. postgresql+psycopg://user:password@host/dbname)
- GOVOPS_HOST: the address to listen on (default 127.0.0.1, this machine only)
- GOVOPS_PORT: the port (default 8000)
- GOVOPS_LANGUAGE: the organisation's language (zh-Hans, zh-Hant, vi or en), what pages,
  answers and commands speak to a reader who has not chosen one (default: each module's
  own, the language of the document it runs: Chinese, or Vietnamese for the Thanh Hóa plan)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from govops.lawcode.texts.messages import Message, msg
from govops.platform.i18n.languages import LANGUAGES, language_of
from govops.platform.storage.database import default_database_url

PREFIX = "GOVOPS_"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


class SettingsError(ValueError):
    """An environment variable whose value cannot be used; `message` says which and why
    (translated where shown; str() is the English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    language: str | None = None  # the organisation's language; None: each module's own

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        database_url = env.get(f"{PREFIX}DATABASE_URL", "").strip()
        return cls(
            database_url=database_url or default_database_url(),
            host=env.get(f"{PREFIX}HOST", "").strip() or DEFAULT_HOST,
            port=parse_port(env.get(f"{PREFIX}PORT", ""), f"{PREFIX}PORT"),
            language=parse_language(env.get(f"{PREFIX}LANGUAGE", ""), f"{PREFIX}LANGUAGE"),
        )


def parse_port(text: str, name: str) -> int:
    if not text.strip():
        return DEFAULT_PORT
    try:
        port = int(text.strip())
    except ValueError:
        raise SettingsError(
            msg("{name} must be a port number, got {text}", name=name, text=repr(text))
        ) from None
    if not 1 <= port <= 65535:
        raise SettingsError(
            msg("{name} must be between 1 and 65535, got {port}", name=name, port=str(port))
        )
    return port


def parse_language(text: str, name: str) -> str | None:
    if not text.strip():
        return None
    language = language_of(text)
    if language is None:
        raise SettingsError(
            msg(
                "{name} must be one of {languages}, got {text}",
                name=name,
                languages=", ".join(LANGUAGES),
                text=repr(text),
            )
        )
    return language
