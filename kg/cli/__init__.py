"""The ``kg`` command line: a few lines per command that parse options and call the package."""

from __future__ import annotations

import click

from kg.cli.analysis import analyze
from kg.cli.build import build
from kg.cli.evaluation import eval_command
from kg.cli.export import export
from kg.cli.inspect import extract, stats, validate
from kg.cli.load import load
from kg.cli.neo4j import neo4j, sync
from kg.cli.query import query
from kg.cli.remove import remove
from kg.cli.serve import serve
from kg.cli.track import diff, track
from kg.cli.view import view

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: a knowledge graph of Chinese local government plans.

    \b
    Quick start:
      kg build examples/reports          # load, extract, store (./.kg/store)
      kg query queries/agencies_by_targets.rq
      kg export --format turtle -o kg.ttl
    """


for _command in (build, query, export, validate, stats, extract, eval_command, load, sync, neo4j, analyze, view,
                 serve, track, diff, remove):
    main.add_command(_command)
