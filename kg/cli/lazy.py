"""A click group that imports a command's module only when that command is asked for.

Every command module pulls in the part of the package it drives (the store, SPARQL, Neo4j,
pyvis, networkx…); importing them all cost ~0.9 CPU-s per ``kg`` process before any work.
This is click's documented lazy-group pattern, with each command's one-line summary kept
beside its import path so that ``kg --help`` lists every command without importing any.
"""

from __future__ import annotations

import importlib

import click

__all__ = ["LazyGroup"]


class LazyGroup(click.Group):
    """A group whose commands are ``{name: ("module:attribute", summary)}``, imported on first use.

    The summary is the first paragraph of the command's help (a test checks they agree);
    ``kg --help`` shortens it as click shortens any command's help.
    """

    def __init__(self, *args: object, lazy_commands: dict[str, tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy_commands = dict(lazy_commands)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in self.lazy_commands:
            command = self.imported_command(cmd_name)
        return command

    def imported_command(self, name: str) -> click.Command:
        """The command ``name``, imported from its module and kept in the group."""
        module, _, attribute = self.lazy_commands[name][0].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{module}:{attribute} is not a click command")
        self.add_command(command, name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands section of ``--help``, from the kept summaries (imported commands as they are)."""
        commands = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name) or click.Command(name, help=self.lazy_commands[name][1])
            if not command.hidden:
                commands.append((name, command))
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section("Commands"):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in commands])
