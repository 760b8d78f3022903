"""``kg export``: the stored graphs as files for other systems."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import fail, store_option
from kg.errors import KgError

__all__ = ["export"]


@click.command()
@click.option("--format", "fmt", required=True,
              type=click.Choice(["turtle", "ntriples", "nquads", "trig", "jsonld", "csv", "graphml", "neo4j-import"]),
              help="Export format.")
@click.option("-o", "--output", type=click.Path(), default="-", show_default=True,
              help="Output file (a folder for csv and neo4j-import); - is stdout.")
@store_option
def export(fmt: str, output: str, store_dir: str | None) -> None:
    """Export the stored report graphs for other systems.

    N-Quads, TriG and JSON-LD keep one named graph per report; CSV writes nodes.csv and
    edges.csv into a folder; GraphML is a property graph for networkx, Gephi, yEd;
    neo4j-import writes the CSV files of `neo4j-admin database import full` (the fastest
    first load of a large graph; run the folder's import.sh, then `kg sync` stays incremental).

    \b
    Examples:
      kg export --format nquads -o kg.nq
      kg export --format csv -o out/csv
      kg export --format neo4j-import -o out/neo4j && sh out/neo4j/import.sh
    """
    from kg.export import RDF_FORMATS, export_rdf, write_csv, write_graphml, write_neo4j_import
    from kg.graph.property_graph import property_graph
    from kg.store import open_store

    try:
        with open_store(store_dir, read_only=True) as store:
            if fmt in RDF_FORMATS:
                text = export_rdf(store, fmt)
            elif fmt == "csv":
                if output == "-":
                    raise fail("csv writes two files: give a folder with -o")
                for path in write_csv(property_graph(store), Path(output)):
                    click.echo(f"wrote {path}", err=True)
                return
            elif fmt == "neo4j-import":
                from kg.sync.state import report_digests

                if output == "-":
                    raise fail("neo4j-import writes several files: give a folder with -o")
                files = write_neo4j_import(property_graph(store), output, digests=report_digests(store))
                click.echo(f"wrote {files.nodes} nodes in {len(files.node_files)} files and {files.relationships} "
                           f"relationships to {output}; load with: sh {Path(output) / 'import.sh'}", err=True)
                return
            else:
                text = write_graphml(property_graph(store))
    except KgError as error:
        raise fail(error) from None
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
