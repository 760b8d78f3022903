"""``kg export``: the stored graphs as files for other systems."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import click

from kg.cli.common import excel_option, fail, source_filter, source_options, store_option
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.graph.streamed import StreamedGraph
    from kg.store import GraphStore

__all__ = ["export"]


@click.command()
@click.option("--format", "fmt", required=True,
              type=click.Choice(["turtle", "ntriples", "nquads", "trig", "jsonld", "csv", "graphml", "neo4j-import",
                                 "tables", "xlsx", "sqlite"]),
              help="Export format.")
@click.option("-o", "--output", type=click.Path(), default="-", show_default=True,
              help="Output file (a folder for csv, tables and neo4j-import); - is stdout.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for the RDF formats, csv, graphml and neo4j-import (the same files for any "
                   "number).")
@excel_option
@source_options
@store_option
def export(fmt: str, output: str, workers: int, excel: bool, reports: tuple[str, ...], jurisdictions: tuple[str, ...],
           years: tuple[str, ...], store_dir: str | None) -> None:
    """Export the stored report graphs for other systems.

    N-Quads, TriG and JSON-LD keep one named graph per report; CSV writes nodes.csv and
    edges.csv into a folder; GraphML is a property graph for networkx, Gephi, yEd;
    neo4j-import writes the CSV files of `neo4j-admin database import full` (the fastest
    first load of a large graph; run the folder's import.sh, then `kg sync` stays incremental).

    The researcher's tables: `tables` writes reports.csv, targets.csv, agencies.csv,
    places.csv, policies.csv and plans.csv into a folder (one row per fact, each with its
    report, jurisdiction and year; --excel adds the byte-order mark Excel needs); `xlsx` the
    same tables as sheets of one workbook, numbers and dates typed; `sqlite` one database
    with foreign keys, indexes and full-text search over the sentences (browse it with
    `kg serve`). --report, --jurisdiction and --year keep only those reports, in these and
    in the RDF formats.

    \b
    Examples:
      kg export --format nquads -o kg.nq
      kg export --format tables -o out/tables --excel
      kg export --format xlsx -o kg.xlsx --jurisdiction 山东省 --year 2026
      kg export --format trig -o shandong.trig --jurisdiction 山东省
      kg export --format turtle -o kg.ttl -j 2
      kg export --format sqlite -o kg.db && kg serve kg.db
      kg export --format neo4j-import -o out/neo4j && sh out/neo4j/import.sh
    """
    from kg.export import RDF_FORMATS, write_csv, write_graphml, write_neo4j_import
    from kg.store import open_store

    keep = source_filter(reports, jurisdictions, years)
    if fmt in ("tables", "xlsx", "sqlite"):
        _export_flat(fmt, output, store_dir, keep, excel=excel)
        return
    if keep and fmt not in RDF_FORMATS:
        raise fail("--report, --jurisdiction and --year filter the RDF formats and the tables, xlsx and sqlite "
                   "exports", code=2)
    try:
        with open_store(store_dir, read_only=True) as store:
            if fmt in RDF_FORMATS:
                _export_rdf(store, fmt, output, _kept_graphs(store, keep), workers)
                return
            elif fmt == "csv":
                if output == "-":
                    raise fail("csv writes two files: give a folder with -o")
                with _projected(store, workers) as streamed:
                    paths = write_csv(streamed, Path(output), excel=excel)
                for path in paths:
                    click.echo(f"wrote {path}", err=True)
            elif fmt == "neo4j-import":
                from kg.sync.state import report_digests

                if output == "-":
                    raise fail("neo4j-import writes several files: give a folder with -o")
                with _projected(store, workers) as streamed:
                    files = write_neo4j_import(streamed, output, digests=report_digests(store))
                click.echo(f"wrote {files.nodes} nodes in {len(files.node_files)} files and {files.relationships} "
                           f"relationships to {output}; load with: sh {Path(output) / 'import.sh'}", err=True)
            else:
                def graphml(out: BinaryIO) -> None:
                    with _projected(store, workers) as streamed:
                        write_graphml(streamed, out)

                _written(output, graphml)
                if output != "-":
                    click.echo(f"wrote {output}", err=True)
    except KgError as error:
        raise fail(error) from None
    except OSError as error:  # a folder of files that cannot be written
        raise fail(f"{output}: cannot write: {error.strerror or error}") from None


@contextmanager
def _projected(store: GraphStore, workers: int) -> Iterator[StreamedGraph]:
    """The store's property graph as streams (projected by ``workers`` processes), with a
    progress bar while its graphs are projected."""
    from kg.graph.streamed import streamed_property_graph

    graphs = len(store.data_graphs())
    with click.progressbar(length=graphs, label="projecting", file=sys.stderr, show_pos=True) as bar, \
            streamed_property_graph(store, on_graph=lambda: bar.update(1), jobs=workers) as graph:
        yield graph


def _written(output: str, write: Callable[[BinaryIO], None]) -> None:
    """Run ``write`` on stdout (``-``), or on a file that appears only once it is complete."""
    if output == "-":
        write(click.get_binary_stream("stdout"))
        return
    target = Path(output)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("wb") as out:
            write(out)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise KgError(f"{output}: cannot write: {error.strerror or error}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _export_flat(fmt: str, output: str, store_dir: str | None, keep: object, *, excel: bool = False) -> None:
    """``tables``, ``xlsx`` or ``sqlite``: the flat tables of the reports ``keep`` passes."""
    from kg.export import write_sqlite, write_table_csvs, write_xlsx
    from kg.store import open_store

    if output == "-":
        raise fail(f"{fmt} writes {'a folder of files' if fmt == 'tables' else 'a binary file'}: give -o "
                   f"{'DIR' if fmt == 'tables' else 'FILE.' + ('xlsx' if fmt == 'xlsx' else 'db')}")
    try:
        with open_store(store_dir, read_only=True) as store:
            graphs = _kept_graphs(store, keep)
            if fmt == "tables":
                for path in write_table_csvs(store, output, graphs=graphs, excel=excel):
                    click.echo(f"wrote {path}", err=True)
            elif fmt == "xlsx":
                click.echo(f"wrote {write_xlsx(store, output, graphs=graphs)}", err=True)
            else:
                counts = write_sqlite(store, output, graphs=graphs)
                click.echo(f"wrote {output} ({', '.join(f'{n} {t}' for t, n in counts.items())}); browse it with: "
                           f"kg serve {output}", err=True)
    except KgError as error:
        raise fail(error) from None


def _kept_graphs(store: GraphStore, keep: object) -> list[str] | None:
    """The report graphs that pass ``keep`` (``None``: no filter given); a one-line error if none does."""
    from kg.export import report_graphs

    if not keep:
        return None
    graphs = report_graphs(store, keep)  # type: ignore[arg-type]
    if not graphs:
        raise fail("no stored report passes --report/--jurisdiction/--year (see kg query reports)")
    return graphs


def _export_rdf(store: GraphStore, fmt: str, output: str, kept: list[str] | None, workers: int) -> None:
    """Stream the RDF export (of the ``kept`` report graphs, or all) to stdout, or to a file that
    appears only once it is complete."""
    from kg.export import write_rdf

    if output == "-":
        _written(output, lambda out: write_rdf(store, fmt, out, graphs=kept, jobs=workers))
        return
    graphs = len(store.data_graphs()) if kept is None else len(kept)
    quads = 0

    def write(out: BinaryIO) -> None:
        nonlocal quads
        with click.progressbar(length=graphs, label="exporting", file=sys.stderr, show_pos=True) as bar:
            quads = write_rdf(store, fmt, out, graphs=kept, jobs=workers, on_graph=lambda _: bar.update(1))

    _written(output, write)
    click.echo(f"wrote {output} ({quads} quads from {graphs} graphs)", err=True)
