"""``kg validate``, ``kg stats`` and ``kg extract``: what the store and one report hold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kg.cli.common import fail, format_option, print_rows, store_option
from kg.errors import KgError

__all__ = ["extract", "stats", "validate"]


@click.command()
@store_option
def validate(store_dir: str | None) -> None:
    """Check the stored graph against the SHACL shapes (kg/shapes.ttl).

    \b
    Example:
      kg validate
    """
    from kg.store import open_store
    from kg.store.validate import validate_store

    try:
        with open_store(store_dir, read_only=True) as store:
            outcome = validate_store(store)
    except KgError as error:
        raise fail(error) from None
    if outcome.conforms:
        click.echo("conforms: every report graph satisfies the shapes")
        return
    click.echo(outcome.text)
    raise fail(f"{outcome.violations} SHACL violation(s)")


_STATS = """
SELECT ?report ?source (COUNT(DISTINCT ?s) AS ?sentences) (COUNT(DISTINCT ?a) AS ?agencies)
       (COUNT(DISTINCT ?p) AS ?places) (COUNT(DISTINCT ?d) AS ?policies) (COUNT(DISTINCT ?l) AS ?plans)
       (COUNT(DISTINCT ?t) AS ?targets)
WHERE {
  GRAPH ?report {
    ?report a kg:Report ; kg:sourceFile ?source .
    { ?s a kg:Sentence } UNION { ?a a kg:Agency } UNION { ?report kg:mentions ?p . ?p skos:prefLabel [] .
      FILTER NOT EXISTS { ?p a kg:Agency } FILTER NOT EXISTS { ?p a kg:Organization }
      FILTER NOT EXISTS { ?p a kg:PolicyDocument } FILTER NOT EXISTS { ?p a kg:Plan } }
    UNION { ?d a kg:PolicyDocument } UNION { ?l a kg:Plan } UNION { ?t a kg:Target }
  }
} GROUP BY ?report ?source ORDER BY ?source"""


@click.command()
@store_option
@format_option
def stats(store_dir: str | None, fmt: str) -> None:
    """What the store holds: triples, reports, and per-report counts.

    \b
    Example:
      kg stats --format json
    """
    from kg.store import open_store

    try:
        with open_store(store_dir, read_only=True) as store:
            reports = store.report_graphs()
            rows = [[str(r["source"]), *(int(r[k]) for k in ("sentences", "agencies", "places", "policies",
                                                                 "plans", "targets"))] for r in store.query(_STATS)]
            size = len(store)
    except KgError as error:
        raise fail(error) from None
    if fmt == "table":
        click.echo(f"{size} quads in {len(reports)} report graphs (+ the ontology graph)")
    print_rows(["report", "sentences", "agencies", "places", "policies", "plans", "targets"], rows, fmt)


@click.command()
@click.argument("file", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="JSON in the gold files' schema instead of a summary.")
def extract(file: str, as_json: bool) -> None:
    """Show what the graph holds for one report, in the gold files' JSON schema.

    The report is built into a throwaway in-memory store and read back with SPARQL,
    so the output is exactly what a user of the graph gets; your store is not changed.
    A dataset (.csv, .tsv, .jsonl) gives every row's report: a JSON array with --json.

    \b
    Example:
      kg extract examples/reports/liaocheng-2023-gov-report-part.txt --json
    """
    from kg.build import build as run_build
    from kg.graph.vocab import KG
    from kg.loaders.datasets import is_dataset
    from kg.query import report_record
    from kg.store import open_store

    with open_store(memory=True) as store:
        result = run_build([file], store)
        if result.failed:
            raise fail(result.failed[0])
        sources = sorted(store.report_literals(KG.sourceFile).values())
        records = [record for source in sources if (record := report_record(store, source)) is not None]
    if not records:
        raise fail(f"{file}: no report in it")
    if as_json:
        whole = records if is_dataset(Path(file)) else records[0]
        click.echo(json.dumps(whole, ensure_ascii=False, indent=2))
        return
    for number, record in enumerate(records):
        if len(records) > 1:
            click.echo(f"{'' if number == 0 else chr(10)}== {record['source']} ==")
        _summary(record)


def _summary(record: dict[str, Any]) -> None:
    """The document fields and the names of each kind of fact, one line each."""
    for key, value in record["document"].items():
        click.echo(f"{key:>12}: {value}")
    names = {"agencies": "mention", "organizations": "name", "places": "name", "policies": "title", "plans": "name",
             "targets": "text"}
    for kind, field in names.items():
        entries = record[kind]
        click.echo(f"\n{kind} ({len(entries)}): " + "、".join(str(e[field]) for e in entries))
