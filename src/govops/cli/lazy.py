"""A command group whose commands are imported only when one is run (`LazyGroup`): `govops
--help` and `govops decide` need not import polars, SQLAlchemy or every module's commands.
Each command is named with where it lives and its one-line help (`Lazy`); the help listing
is drawn from those lines, and a test holds each line to the command's own help."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

import typer
from typer import _click as click  # Typer carries its own click: its commands are of it
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True, slots=True)
class Lazy:
    name: str
    # "module:attribute": a Typer app (a group), a function (one command), or a module's
    # GROUPS (its command groups by name)
    target: str
    help: str  # the command's help, as the listing shows it

    def load(self) -> click.Command:
        module, attribute = self.target.split(":")
        found = getattr(import_module(module), attribute)
        if isinstance(found, dict):
            found = found[self.name]
        if isinstance(found, typer.Typer):  # a group, even of one command
            command: click.Command = typer.main.get_group(found)
        else:
            command = typer.main.get_command(_single(found))
        command.name = self.name
        return command


def _single(function: Any) -> typer.Typer:
    """A function as a Typer app of one command (Typer makes it that command)."""
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command()(function)
    return app


class LazyGroup(TyperGroup):
    """The root group: its commands are `COMMANDS` (set by the app), imported on use."""

    COMMANDS: tuple[Lazy, ...] = ()

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self._loaded: dict[str, click.Command] = {}
        self._listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [entry.name for entry in self.COMMANDS]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = next((e for e in self.COMMANDS if e.name == cmd_name), None)
        if entry is None:
            return None
        if self._listing:  # the help listing: the line, without importing the command
            return TyperCommand(entry.name, help=entry.help)
        if cmd_name not in self._loaded:
            self._loaded[cmd_name] = entry.load()
        return self._loaded[cmd_name]

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False
