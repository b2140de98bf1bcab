"""The language a command speaks: --lang, then the user's locale, then GOVOPS_LANGUAGE,
then the command's own default."""

from __future__ import annotations

import pytest
import typer

from govops.platform.cli.language import command_language


@pytest.mark.parametrize(
    ("asked", "environ", "language"),
    [
        ("vi", {"LANG": "zh_CN.UTF-8"}, "vi"),
        (None, {"LANG": "zh_TW.UTF-8"}, "zh-Hant"),
        (None, {"LANGUAGE": "fr:vi", "LANG": "en_US.UTF-8"}, "vi"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8", "GOVOPS_LANGUAGE": "vi"}, "vi"),
        (None, {"LANG": "POSIX"}, "zh-Hans"),
        (None, {}, "zh-Hans"),
    ],
)
def test_the_language_of_a_command(
    asked: str | None, environ: dict[str, str], language: str
) -> None:
    assert command_language(asked, "zh-Hans", environ) == language


def test_a_language_we_do_not_speak_stops_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit):
        command_language("fr", "zh-Hans", {"LANG": "en_US.UTF-8"})
    assert "--lang must be one of zh-Hans, zh-Hant, vi, en (got 'fr')" in capsys.readouterr().err
