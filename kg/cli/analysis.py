"""``kg analyze``: network measures as tables and plots.

Each command parses options and calls :mod:`kg.analyse`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kg.cli.common import fail, format_option, print_rows, source_filter, source_options, store_option
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.analyse.nodes import GraphIndex

__all__ = ["analyze"]

F = TypeVar("F", bound=Callable[..., Any])


def _check_plot(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value and Path(value).suffix.lower() not in {".png", ".svg", ".pdf"}:
        raise click.BadParameter(f"{value}: plots are written as .png, .svg or .pdf", ctx, param)
    return value


def _plot_option(func: F) -> F:
    return click.option("--plot", "plot_path", type=click.Path(dir_okay=False), callback=_check_plot,
                        help="Also draw a figure (.png, .svg or .pdf).")(func)


@contextlib.contextmanager
def _graph(store_dir: str | None, sources: tuple[tuple[str, ...], ...] = ((), (), ())) -> Iterator[GraphIndex]:
    """The stored graph (only the reports ``sources`` = (reports, jurisdictions, years) keep,
    when given), indexed; user errors become one-line messages."""
    from kg.analyse.projections import ensure_index
    from kg.export.flat import report_graphs
    from kg.graph.property_graph import property_graph
    from kg.store import open_store

    keep = source_filter(*sources)
    try:
        with open_store(store_dir, read_only=True) as store:
            graphs = report_graphs(store, keep) if keep else None
            if graphs == []:
                raise KgError("no stored report passes --report/--jurisdiction/--year (see kg query reports)")
            index = ensure_index(property_graph(store, graphs=graphs))
        yield index
    except KgError as error:
        raise fail(error) from None


def _save(fig: Any, path: str) -> None:
    from kg.analyse.plots import save_figure

    try:
        click.echo(f"wrote {save_figure(fig, path)}", err=True)
    except ValueError as error:
        raise fail(str(error)) from None


def _print(items: list[Any], fmt: str) -> None:
    from kg.analyse.measures import rows

    columns, values = rows(items, join=fmt != "json")
    print_rows(columns, values, fmt)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def analyze() -> None:
    """Network analysis of the stored graph: rankings, communities, comparisons, plots.

    \b
    Examples:
      kg analyze agencies --top 10 --plot agencies.png
      kg analyze communities --method louvain
      kg analyze places --format csv
      kg analyze agencies --jurisdiction 山东省 --year 2026
      kg analyze compare liaocheng-2023-gov-report-part.txt liaocheng-dongchangfu-2023-gov-report.txt
      kg analyze projections --plot degrees.png
    """


@analyze.command()
@click.option("--by", type=click.Choice(["owned", "targets", "policies", "degree", "betweenness"]), default="owned",
              show_default=True, help="Rank by work owned or by centrality on co-responsibility.")
@click.option("--top", type=click.IntRange(min=1), help="Show only the first N agencies.")
@_plot_option
@source_options
@store_option
@format_option
def agencies(by: str, top: int | None, plot_path: str | None, reports: tuple[str, ...],
        jurisdictions: tuple[str, ...], years: tuple[str, ...], store_dir: str | None, fmt: str) -> None:
    """Agencies ranked by the targets and policies they own and by centrality.

    `other` counts plans and list items; `partners` the agencies one shares work with;
    `degree` and `betweenness` are centralities on the co-responsibility network. The
    plot draws that network, coloured by community.
    """
    from kg.analyse.measures import agency_communities, agency_ranking
    from kg.analyse.projections import agency_coresponsibility

    with _graph(store_dir, (reports, jurisdictions, years)) as index:
        network = agency_coresponsibility(index)
        ranking = agency_ranking(index, by=by, network=network)  # type: ignore[arg-type]
        _print(ranking[:top] if top else ranking, fmt)
        if plot_path:
            from kg.analyse.plots import plot_agency_network

            _save(plot_agency_network(network, communities=agency_communities(index, network=network)), plot_path)


@analyze.command()
@click.option("--method", type=click.Choice(["greedy", "louvain"]), default="greedy", show_default=True,
              help="Greedy modularity (Clauset–Newman–Moore) or Louvain (seeded).")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              help="Leave out smaller communities.")
@_plot_option
@source_options
@store_option
@format_option
def communities(method: str, min_size: int, plot_path: str | None, reports: tuple[str, ...],
        jurisdictions: tuple[str, ...], years: tuple[str, ...], store_dir: str | None, fmt: str) -> None:
    """Communities of agencies that work together, with the headings they share."""
    from kg.analyse.measures import agency_communities
    from kg.analyse.projections import agency_coresponsibility

    with _graph(store_dir, (reports, jurisdictions, years)) as index:
        network = agency_coresponsibility(index)
        found = agency_communities(index, method=method, min_size=min_size, network=network)  # type: ignore[arg-type]
        _print(found, fmt)
        if plot_path:
            from kg.analyse.plots import plot_agency_network

            _save(plot_agency_network(network, communities=found), plot_path)


@analyze.command()
@click.option("--top", type=click.IntRange(min=1), help="Show only the first N places.")
@_plot_option
@source_options
@store_option
@format_option
def places(top: int | None, plot_path: str | None, reports: tuple[str, ...],
        jurisdictions: tuple[str, ...], years: tuple[str, ...], store_dir: str | None, fmt: str) -> None:
    """Places that draw the most commitments, and the agencies responsible for them."""
    from kg.analyse.measures import place_commitments

    with _graph(store_dir, (reports, jurisdictions, years)) as index:
        found = place_commitments(index)
        _print(found[:top] if top else found, fmt)
        if plot_path:
            from kg.analyse.plots import plot_top_places

            _save(plot_top_places(found, top=top or 15), plot_path)


@analyze.command()
@click.argument("report_a")
@click.argument("report_b")
@click.option("--summary", is_flag=True, help="Counts per kind instead of every item.")
@_plot_option
@store_option
@format_option
def compare(report_a: str, report_b: str, summary: bool, plot_path: str | None, store_dir: str | None,
            fmt: str) -> None:
    """What two reports share and where they differ: agencies, places, indicators.

    Reports are named by file (a path works too). Agencies are compared without their
    jurisdiction (生态环境局), so a city and its district meet on the same kind of agency.
    """
    from kg.analyse.compare import compare_reports

    with _graph(store_dir) as index:
        result = compare_reports(index, report_a, report_b)
    if fmt == "table":
        click.echo(f"A = {result.report_a}\nB = {result.report_b}")
    columns, values = result.summary() if summary else result.rows()
    print_rows(columns, values, fmt)
    if plot_path:
        from kg.analyse.plots import plot_comparison

        _save(plot_comparison(result), plot_path)


@analyze.command()
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), callback=_check_plot,
              help="Draw the degree distribution of each projection (.png, .svg or .pdf).")
@click.option("--graphml", "graphml_dir", type=click.Path(file_okay=False),
              help="Also write each projection as GraphML into this folder.")
@source_options
@store_option
@format_option
def projections(plot_path: str | None, graphml_dir: str | None, reports: tuple[str, ...],
        jurisdictions: tuple[str, ...], years: tuple[str, ...], store_dir: str | None, fmt: str) -> None:
    """The four NetworkX projections: size, density, components, largest degree."""
    from kg.analyse.measures import projection_summary

    with _graph(store_dir, (reports, jurisdictions, years)) as index:
        summary, graphs = projection_summary(index)
    _print(summary, fmt)
    if graphml_dir:
        import networkx as nx

        folder = Path(graphml_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for name, graph in graphs.items():
            nx.write_graphml(graph, folder / f"{name}.graphml")
            click.echo(f"wrote {folder / f'{name}.graphml'}", err=True)
    if plot_path:
        from kg.analyse.plots import plot_degree_distribution

        _save(plot_degree_distribution(graphs), plot_path)
