"""The `govops` command imports a command only when it is run: the help listing is drawn
from each command's line, which must be the start of the command's own help."""

from __future__ import annotations

from importlib import import_module

import pytest
import typer

from govops.cli.app import COMMANDS, app
from govops.cli.lazy import Lazy


@pytest.mark.parametrize("entry", COMMANDS, ids=[e.name for e in COMMANDS])
def test_each_listed_line_is_the_start_of_the_commands_own_help(entry: Lazy) -> None:
    command = entry.load()
    assert command.name == entry.name
    assert " ".join((command.help or "").split()).startswith(entry.help)


def test_the_root_lists_every_command_and_runs_each_by_its_name() -> None:
    root = typer.main.get_command(app)
    context = typer.Context(root)
    assert root.list_commands(context) == [e.name for e in COMMANDS]  # type: ignore[attr-defined]
    group = root.get_command(context, "source")  # type: ignore[attr-defined]
    assert group.list_commands(context) == ["normalise"]  # a group, even of one command
    assert root.get_command(context, "nothing") is None  # type: ignore[attr-defined]


def test_every_modules_command_groups_are_listed() -> None:
    """A group a module adds to its GROUPS is one `govops` lists (named where it lives)."""
    listed = {(e.target.split(":")[0], e.name) for e in COMMANDS if e.target.endswith(":GROUPS")}
    for module in ("accounts", "cadres", "communities", "programmes", "registers", "warnings"):
        path = f"govops.{module}.cli"
        groups = import_module(path).GROUPS
        assert {(path, name) for name in groups} <= listed, module
