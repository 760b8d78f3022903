"""``kg`` imports a command's module only when that command runs; ``--help`` lists them all unchanged."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys

import click
from click.testing import CliRunner

from kg.cli import COMMANDS, main
from kg.cli.lazy import LazyGroup

HEAVY = ["pyvis", "networkx", "neo4j", "pypinyin", "rjieba", "oxrdflib", "pyoxigraph", "rdflib",
         "kg.query.library", "kg.evaluate", "kg.store", "kg.extract", "kg.cli.build", "kg.cli.view"]


def _imported_after(code: str) -> list[str]:
    """The modules of ``HEAVY`` that a fresh interpreter holds after running ``code``."""
    probe = f"import sys, json\n{code}\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])


def test_help_and_version_import_no_command_module():
    code = ("from kg.cli import main\n"
            "for args in (['--help'], ['--version']):\n"
            "    try:\n        main(args)\n    except SystemExit:\n        pass")
    assert _imported_after(code) == []


def test_a_command_imports_only_its_own_module():
    code = "from kg.cli import main\ntry:\n    main(['stats', '--help'])\nexcept SystemExit:\n    pass"
    imported = _imported_after(code)
    assert "kg.cli.view" not in imported and "pyvis" not in imported and "kg.cli.build" not in imported


def test_every_summary_is_its_commands_first_paragraph():
    for name, (target, summary) in COMMANDS.items():
        module, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        assert command.name == name
        first = " ".join(inspect.cleandoc(command.help).partition("\n\n")[0].split())
        assert summary == first, name


def test_help_lists_what_the_imported_commands_would():
    eager = click.Group("kg", context_settings=main.context_settings, help=main.help)
    for name in COMMANDS:
        eager.add_command(main.get_command(click.Context(main), name), name)
    lazy = LazyGroup("kg", lazy_commands=COMMANDS, context_settings=main.context_settings, help=main.help)
    runner = CliRunner()
    listed = runner.invoke(lazy, ["--help"]).output
    assert listed == runner.invoke(eager, ["--help"]).output
    assert all(f"  {name} " in listed for name in COMMANDS)


def test_an_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["bulid"])
    assert result.exit_code == 2 and "No such command 'bulid'" in result.output


def test_a_lazy_command_runs_with_its_options():
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert result.exit_code == 0 and "extract [OPTIONS] FILE" in result.output
