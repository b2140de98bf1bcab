"""Settings of the server, from the environment (GOVOPS_ prefix), read when asked for.

- GOVOPS_DATABASE_URL: the database (default: storage's default, the SQLite file
  ./govops.db; or e.g. postgresql+psycopg://user:password@host/dbname)
- GOVOPS_HOST: the address to listen on (default 127.0.0.1, this machine only)
- GOVOPS_PORT: the port (default 8000)
- GOVOPS_LANGUAGE: the organisation's language (zh-Hans, zh-Hant, vi or en), what pages,
  answers and commands speak to a reader who has not chosen one (default: each module's
  own, the language of the document it runs: Chinese, or Vietnamese for the Thanh Hóa plan)
- GOVOPS_WEBHOOK_ALLOW_HTTP: true to let webhook subscribers use plain http:// (default
  false: https only)
- GOVOPS_WEBHOOK_ALLOW: the webhook destinations an administrator vetted, separated by
  commas or spaces: host names (receiver.internal) and addresses or CIDR ranges
  (10.20.0.0/16, 127.0.0.1, fd12::/64), which may then be private and use any port
  (default: none; every subscriber's host must resolve to public addresses only)
- GOVOPS_MAX_BODY_BYTES: the largest request body the server reads, in bytes (default
  1048576, 1 MiB; at least 1024); a larger one is refused with 413 before it is read
- GOVOPS_HSTS: Strict-Transport-Security max-age, in seconds, sent on answers to requests
  that came over HTTPS (directly, or through a proxy uvicorn trusts); default: not sent
- GOVOPS_LOG_FORMAT: text (default) or json: the server's log on stderr, one JSON object
  a line with each request's id, and a line per request
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from govops.lawcode.texts.messages import Message, msg
from govops.platform.i18n.languages import LANGUAGES, language_of
from govops.platform.storage.database import default_database_url

PREFIX = "GOVOPS_"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_HTTP, _ALLOW = f"{PREFIX}WEBHOOK_ALLOW_HTTP", f"{PREFIX}WEBHOOK_ALLOW"
_FLAGS = {"1": True, "true": True, "yes": True, "on": True}
_FLAGS |= {"0": False, "false": False, "no": False, "off": False}
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")


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
    webhook_allow_http: bool = False
    webhook_allow: tuple[str, ...] = ()  # vetted host names and CIDR ranges, normalised
    log_json: bool = False  # the log as JSON lines (GOVOPS_LOG_FORMAT=json)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        database_url = env.get(f"{PREFIX}DATABASE_URL", "").strip()
        return cls(
            database_url=database_url or default_database_url(),
            host=env.get(f"{PREFIX}HOST", "").strip() or DEFAULT_HOST,
            port=parse_port(env.get(f"{PREFIX}PORT", ""), f"{PREFIX}PORT"),
            language=parse_language(env.get(f"{PREFIX}LANGUAGE", ""), f"{PREFIX}LANGUAGE"),
            webhook_allow_http=parse_flag(env.get(f"{PREFIX}WEBHOOK_ALLOW_HTTP", ""), _HTTP),
            webhook_allow=parse_allow_list(env.get(f"{PREFIX}WEBHOOK_ALLOW", ""), _ALLOW),
            log_json=parse_log_format(env.get(f"{PREFIX}LOG_FORMAT", ""), f"{PREFIX}LOG_FORMAT"),
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


def parse_log_format(text: str, name: str) -> bool:
    """Whether the log is JSON lines: `json`, or `text` (the default)."""
    found = text.strip().lower() or "text"
    if found not in ("text", "json"):
        raise SettingsError(
            msg(
                "{name} must be one of {languages}, got {text}",  # the same words, two formats
                name=name,
                languages="text, json",
                text=repr(text),
            )
        )
    return found == "json"


def parse_flag(text: str, name: str) -> bool:
    if not text.strip():
        return False
    found = _FLAGS.get(text.strip().lower())
    if found is None:
        raise SettingsError(
            msg("{name} must be true or false, got {text}", name=name, text=repr(text))
        )
    return found


def parse_allow_list(text: str, name: str) -> tuple[str, ...]:
    """Host names (lower case) and CIDR ranges (an address alone is its own range), each
    written once; SettingsError naming the first entry that is neither."""
    entries = [entry for entry in re.split(r"[\s,]+", text) if entry]
    return tuple(dict.fromkeys(_allow_entry(entry, name) for entry in entries))


def _allow_entry(entry: str, name: str) -> str:
    try:
        return str(ipaddress.ip_network(entry.removeprefix("[").removesuffix("]")))
    except ValueError:
        if re.fullmatch(r"[\[\]0-9A-Fa-f:.]+/[0-9]+", entry):
            raise SettingsError(
                msg(
                    "{name}: {entry} is not a CIDR range (write its first address, as in "
                    "10.20.0.0/16)",
                    name=name,
                    entry=repr(entry),
                )
            ) from None
    host = entry.lower().rstrip(".")
    labels = host.split(".")
    numeric = labels[-1].isdigit() or labels[-1].startswith("0x")
    if numeric or len(host) > 253 or not all(_HOST_LABEL.match(part) for part in labels):
        raise SettingsError(
            msg(
                "{name} lists host names and CIDR ranges (such as receiver.internal or "
                "10.20.0.0/16), got {entry}",
                name=name,
                entry=repr(entry),
            )
        )
    return host


DEFAULT_MAX_BODY_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What the server reads of a request and adds to its answers (GOVOPS_MAX_BODY_BYTES,
    GOVOPS_HSTS): read by the application itself when it is created."""

    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    hsts_seconds: int = 0  # 0: no Strict-Transport-Security header

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        env = os.environ if environ is None else environ
        body, hsts = f"{PREFIX}MAX_BODY_BYTES", f"{PREFIX}HSTS"
        return cls(
            max_body_bytes=parse_count(env.get(body, ""), body, DEFAULT_MAX_BODY_BYTES, 1024),
            hsts_seconds=parse_count(env.get(hsts, ""), hsts, 0, 0),
        )


def parse_count(text: str, name: str, default: int, least: int) -> int:
    if not text.strip():
        return default
    try:
        value = int(text.strip())
    except ValueError:
        raise SettingsError(
            msg("{name} must be a whole number, got {text}", name=name, text=repr(text))
        ) from None
    if value < least:
        raise SettingsError(
            msg("{name} must be at least {least}, got {value}", name=name, least=least, value=value)
        )
    return value
