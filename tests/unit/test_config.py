"""Settings of the webhook destinations: plain http allowed or not, and the allow list
(host names and CIDR ranges, normalised; anything else a SettingsError naming it)."""

from __future__ import annotations

import pytest

from govops.config import Settings, SettingsError


def test_by_default_https_only_and_nothing_allow_listed() -> None:
    settings = Settings.from_env({})
    assert (settings.webhook_allow_http, settings.webhook_allow) == (False, ())


@pytest.mark.parametrize(("text", "allowed"), [("true", True), ("1", True), ("Off", False)])
def test_http_may_be_allowed(text: str, allowed: bool) -> None:
    assert Settings.from_env({"GOVOPS_WEBHOOK_ALLOW_HTTP": text}).webhook_allow_http is allowed


def test_a_flag_that_is_neither_true_nor_false_is_refused() -> None:
    with pytest.raises(SettingsError, match="GOVOPS_WEBHOOK_ALLOW_HTTP must be true or false"):
        Settings.from_env({"GOVOPS_WEBHOOK_ALLOW_HTTP": "maybe"})


def test_the_allow_list_holds_host_names_and_ranges() -> None:
    text = "127.0.0.1, Receiver.Internal.  10.20.0.0/16,[::1] fd12::/64 10.20.0.0/16"
    settings = Settings.from_env({"GOVOPS_WEBHOOK_ALLOW": text})
    assert settings.webhook_allow == (
        "127.0.0.1/32",
        "receiver.internal",
        "10.20.0.0/16",
        "::1/128",
        "fd12::/64",
    )


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("10.20.0.5/16", "is not a CIDR range (write its first address"),
        ("10.0.0.0/33", "is not a CIDR range"),
        ("https://receiver.internal", "lists host names and CIDR ranges"),
        ("receiver.internal:8443", "lists host names and CIDR ranges"),
        ("127.1", "lists host names and CIDR ranges"),
        ("a..b", "lists host names and CIDR ranges"),
    ],
)
def test_an_entry_that_is_neither_is_refused_by_name(entry: str, said: str) -> None:
    with pytest.raises(SettingsError, match="GOVOPS_WEBHOOK_ALLOW") as refused:
        Settings.from_env({"GOVOPS_WEBHOOK_ALLOW": f"receiver.internal {entry}"})
    assert said in str(refused.value) and repr(entry) in str(refused.value)


@pytest.mark.parametrize(("text", "json_lines"), [("", False), ("text", False), (" JSON ", True)])
def test_the_log_is_text_or_json_lines(text: str, json_lines: bool) -> None:
    assert Settings.from_env({"GOVOPS_LOG_FORMAT": text}).log_json is json_lines


def test_another_log_format_is_refused_by_name() -> None:
    with pytest.raises(SettingsError, match="GOVOPS_LOG_FORMAT must be one of text, json"):
        Settings.from_env({"GOVOPS_LOG_FORMAT": "xml"})
