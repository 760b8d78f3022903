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
@click.option("--report", help="Show one report's structure: its sections, what each states and names (file name or "
                                "path); with --focus, the neighbourhood within that report.")
@click.option("--agency", help="Show everything a body owns (or is named with), by report and year, with its targets "
                                "as a table.")
@click.option("--place", help="Show every commitment about a place, across reports, with its targets as a table.")
@click.option("--jurisdiction", help="Only reports whose jurisdiction or issuer is named this (or containing it); "
                                      "for --agency, --place and the whole-store view.")
@click.option("--year", type=int, help="Only reports of this plan year (else the year of their date).")
@click.option("--hide-isolated", is_flag=True, help="Leave out nodes without an edge in the view.")
@click.option("--types", help="Comma-separated classes to show, e.g. Agency,Target,River (Place = every place).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=1500, show_default=True,
              help="Draw at most this many nodes (the whole-store view keeps those most reports name).")
@click.option("--title", help="Page title.")
@store_option
def view(output: str, focus: str | None, depth: int, report: str | None, agency: str | None, place: str | None,
         jurisdiction: str | None, year: int | None, hide_isolated: bool, types: str | None, max_nodes: int,
         title: str | None, store_dir: str | None) -> None:
    """Write an interactive HTML view of the graph (one file, works offline).

    Nodes are coloured and shaped by type, edges by relationship (legends on the left, each
    a filter); hover for facts and the source sentence; search, show the neighbours of the
    selection, hide unconnected nodes. A report's sections open folded: click one to unfold.

    \b
    Examples:
      kg view -o kg.html
      kg view --report liaocheng-2023-gov-report-part.txt -o report.html
      kg view --agency 市生态环境局 -o eco.html
      kg view --place 黄河 --year 2026 -o huanghe.html
      kg view --focus 市发展改革委 --depth 2 --types Agency,Target,River --hide-isolated
    """
    from kg.store import open_store
    from kg.view.html import write_view

    type_list = [t for t in types.split(",") if t.strip()] if types else None
    try:
        with open_store(store_dir, read_only=True) as store:
            result = write_view(store, output, types=type_list, report=report, focus=focus, depth=depth,
                                max_nodes=max_nodes, title=title, agency=agency, place=place,
                                jurisdiction=jurisdiction, year=year, hide_isolated=hide_isolated)
    except KgError as error:
        raise fail(error) from None
    if result.message:
        click.echo(result.message, err=True)
    click.echo(f"wrote {result.path} ({result.nodes} nodes, {result.edges} edges)", err=True)
