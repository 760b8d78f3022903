"""``kg view``: an interactive HTML view of the graph, one offline file."""

from __future__ import annotations

import click

from kg.cli.common import fail, store_option
from kg.errors import KgError

__all__ = ["view"]


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="kg-view.html", show_default=True,
              help="HTML file to write.")
@click.option("--focus", help="Show the neighbourhood of the node(s) named this (or containing it).")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True, help="Steps from --focus.")
@click.option("--report", help="Show only what one report states (file name or path).")
@click.option("--types", help="Comma-separated classes to show, e.g. Agency,Target,River (Place = every place).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=1500, show_default=True,
              help="Draw at most this many nodes (the best-connected).")
@click.option("--title", help="Page title.")
@store_option
def view(output: str, focus: str | None, depth: int, report: str | None, types: str | None, max_nodes: int,
         title: str | None, store_dir: str | None) -> None:
    """Write an interactive HTML view of the graph (one file, works offline).

    Nodes are coloured and shaped by type (legend on the left); hover for facts and the
    source sentence; search, and filter by type and report, in the side panel.

    \b
    Examples:
      kg view -o kg.html
      kg view --focus 市发展改革委 --depth 2 -o fgw.html
      kg view --report liaocheng-2023-gov-report-part.txt --types Agency,Target,River
    """
    from kg.store import open_store
    from kg.view.html import write_view

    type_list = [t for t in types.split(",") if t.strip()] if types else None
    try:
        with open_store(store_dir, read_only=True) as store:
            result = write_view(store, output, types=type_list, report=report, focus=focus, depth=depth,
                                max_nodes=max_nodes, title=title)
    except KgError as error:
        raise fail(error) from None
    if result.message:
        click.echo(result.message, err=True)
    click.echo(f"wrote {result.path} ({result.nodes} nodes, {result.edges} edges)", err=True)
