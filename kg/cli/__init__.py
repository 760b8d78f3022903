"""The ``kg`` command line: a few lines per command that parse options and call the package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.analysis import analyze, view
from kg.cli.common import fail, format_option, print_rows, store_option
from kg.cli.load import load
from kg.cli.neo4j import connect_or_fail, connection_options, neo4j, sync
from kg.errors import KgError, one_line

if TYPE_CHECKING:
    from kg.evaluate import Evaluation

__all__ = ["main"]

QUERIES = Path(__file__).resolve().parents[2] / "queries"


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


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--workers", "-j", type=int, default=1, show_default=True,
              help="Processes for extraction (the store loads in a thread of its own alongside).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary table.")
def build(paths: tuple[str, ...], store_dir: str | None, workers: int, quiet: bool) -> None:
    """Build the graph from report files or folders (.txt, .html).

    A report built again replaces its named graph. Bad files are reported one line
    each and the exit code is 1, after the good ones are stored.

    \b
    Example:
      kg build examples/reports
      kg build --store /data/kg report.html more-reports/
    """
    from kg.build import build as run_build
    from kg.build import report_files
    from kg.store import open_store

    files, _ = report_files(paths)
    try:
        store = open_store(store_dir)
    except KgError as error:
        raise fail(error) from None
    bar = click.progressbar(length=len(files), label="building", hidden=quiet, show_pos=True,
                            file=click.get_text_stream("stderr"), item_show_func=lambda p: p and Path(p).name)
    def optimizing() -> None:
        bar.render_finish()
        if not quiet:
            click.echo("compacting the store for faster queries …", err=True)

    with store, bar:
        result = run_build(paths, store, workers=workers, on_report=lambda path, _: bar.update(1, str(path)),
                           on_optimize=optimizing)
    if not quiet and result.built:
        columns = ["report", "triples", "sentences", "agencies", "orgs", "places", "policies", "plans", "targets"]
        rows = [[s.source, s.triples, s.sentences, s.agencies, s.organizations, s.places, s.policies, s.plans,
                 s.targets] for s in result.built]
        print_rows(columns, rows)
        click.echo(f"stored in {store.path}")
    _echo_warnings(result.built)
    for error in result.failed:
        click.echo(f"error: {error}", err=True)
    if result.failed:
        raise SystemExit(1)


def _echo_warnings(built: list) -> None:
    """One ``warning: FILE: …`` line on stderr per gap a built report has; the exit code stays."""
    for summary in built:
        for warning in summary.warnings:
            click.echo(f"warning: {summary.source}: {warning}", err=True)


@main.command()
@click.argument("query_file", required=False, type=click.Path(dir_okay=False))
@click.option("-e", "--expr", help="Inline query text instead of a file.")
@click.option("--cypher", is_flag=True, help="Cypher against Neo4j instead of SPARQL against the store "
              "(implied by a .cypher file).")
@click.option("--param", "-p", "params", multiple=True, help="NAME=VALUE bound to ?NAME or $NAME (repeatable).")
@click.option("--list", "list_queries", is_flag=True, help="List the query library and exit.")
@click.option("--allow-service", is_flag=True, help="Let SPARQL SERVICE clauses fetch from other servers "
              "(refused by default).")
@store_option
@connection_options
@format_option
def query(query_file: str | None, expr: str | None, cypher: bool, params: tuple[str, ...], list_queries: bool,
          allow_service: bool, store_dir: str | None, uri: str | None, user: str | None, password: str | None,
          database: str | None, data: str | None, fmt: str) -> None:
    """Run a query: SPARQL on the store, or Cypher on Neo4j (a file, a library name, or -e TEXT).

    Parameters are bound by the engine, never pasted into the query. Cypher goes to the
    server of --uri / NEO4J_URI, else the local one of `kg neo4j start` (sync it first).

    \b
    Examples:
      kg query --list
      kg query agencies_by_targets
      kg query targets_about_place -p place=东昌府区 --format csv
      kg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?t a kg:Target }'
      kg query --cypher shortest_path_agency_place -p agency=水利 -p place=某某河
    """
    from kg.query import QueryFile, load_queries
    from kg.query.library import parse_params

    language = "cypher" if cypher or (query_file or "").endswith(".cypher") else "sparql"
    if list_queries:
        languages = ["cypher"] if cypher else ["sparql", "cypher"]
        library = [q for lang in languages for q in load_queries(QUERIES, language=lang).values()]
        print_rows(["name", "language", "question", "params"],
                   [[q.name, q.language, q.description, ", ".join(q.params)] for q in library], fmt)
        return
    if bool(query_file) == bool(expr):
        raise fail("give a query file or library name, or -e TEXT (one of them)")
    library = load_queries(QUERIES, language=language) if QUERIES.is_dir() else {}
    if expr:
        text = expr
    elif query_file in library:
        text = library[query_file].text
    elif Path(query_file).is_file():
        text = QueryFile.read(query_file).text
    else:
        raise fail(f"{one_line(query_file)}: no such query file or {language} library query (see kg query --list)")
    try:
        bound = parse_params(params)
        if language == "cypher":
            from kg.neo4j import run_cypher

            with connect_or_fail(uri, user, password, data) as driver:
                columns, rows = run_cypher(driver, text, bound, database=database)
        else:
            columns, rows = _sparql_rows(store_dir, text, bound, fmt, allow_service=allow_service)
    except KgError as error:
        raise fail(error) from None
    if columns in (["answer"], ["turtle"]):
        click.echo(("true" if rows[0][0] else "false") if columns == ["answer"] else rows[0][0])
        return
    print_rows(columns, rows, fmt)


def _sparql_rows(store_dir: str | None, text: str, params: dict[str, str], fmt: str, *,
                 allow_service: bool = False) -> tuple[list[str], list]:
    """Columns and rows of a SPARQL SELECT (an ASK is one ``answer`` cell; CONSTRUCT is Turtle)."""
    from kg.query import run_query
    from kg.store import open_store

    with open_store(store_dir, read_only=True) as store:
        result = run_query(store, text, params, allow_service=allow_service)
        if result.type == "ASK":
            return ["answer"], [[bool(result.askAnswer)]]
        if result.type != "SELECT":
            return ["turtle"], [[result.graph.serialize(format="turtle")]]
        columns = [str(v) for v in result.vars]
        rows = [[None if row[i] is None else row[i].toPython() if fmt == "json" else str(row[i])
                 for i in range(len(columns))] for row in result]
    return columns, rows


@main.command()
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


@main.command()
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


@main.command()
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


@main.command()
@click.argument("file", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="JSON in the gold files' schema instead of a summary.")
def extract(file: str, as_json: bool) -> None:
    """Show what the graph holds for one report, in the gold files' JSON schema.

    The report is built into a throwaway in-memory store and read back with SPARQL,
    so the output is exactly what a user of the graph gets; your store is not changed.

    \b
    Example:
      kg extract examples/reports/liaocheng-2023-gov-report-part.txt --json
    """
    from kg.build import build as run_build
    from kg.query import report_record
    from kg.store import open_store

    with open_store(memory=True) as store:
        result = run_build([file], store)
        if result.failed:
            raise fail(result.failed[0])
        record = report_record(store, Path(file).name)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    for key, value in record["document"].items():
        click.echo(f"{key:>12}: {value}")
    names = {"agencies": "mention", "organizations": "name", "places": "name", "policies": "title", "plans": "name",
             "targets": "text"}
    for kind, field in names.items():
        entries = record[kind]
        click.echo(f"\n{kind} ({len(entries)}): " + "、".join(str(e[field]) for e in entries))


@main.command("eval")
@click.option("--gold", "gold_dirs", required=True, multiple=True, type=click.Path(file_okay=False, exists=True),
              help="Folder of *.gold.json files (repeatable).")
@click.option("--reports", "reports_dirs", multiple=True, type=click.Path(exists=True),
              help="Build these report folders or files into a throwaway store and score them (repeatable; "
              "default: use --store).")
@click.option("--show-errors", is_flag=True, help="List misses, false hits and wrong fields with their sentences.")
@store_option
@format_option
def eval_command(gold_dirs: tuple[str, ...], reports_dirs: tuple[str, ...], show_errors: bool, store_dir: str | None,
                 fmt: str) -> None:
    """Score the graph against gold annotations: per-kind precision, recall, F1.

    Also the accuracy of the document fields (title, issuer, jurisdiction, parents, date,
    kind), the same split into work reports and policy documents (by the gold kind), and a
    per-report table. Reports match gold files by file stem; a gold file without a report,
    or a report without a gold file, is a warning line on stderr.

    \b
    Examples:
      kg build examples/reports && kg eval --gold ../shared/gold
      kg eval --gold ../shared/gold --reports ../shared/corpus/seeds --reports ../shared/corpus/dev
      kg eval --gold ../shared/gold --reports examples/reports --show-errors --format json
    """
    from kg.cli.evaluation import evaluation_warnings, print_evaluation

    try:
        outcome = _evaluation(gold_dirs, reports_dirs, store_dir)
    except KgError as error:
        raise fail(error) from None
    hint = "" if reports_dirs else " (not in the store: run kg build on it, or use --reports)"
    for line in evaluation_warnings(outcome, missing_hint=hint):
        click.echo(f"warning: {line}", err=True)
    if not outcome.reports:
        raise fail("no report matches a gold file: nothing to score")
    print_evaluation(outcome, fmt=fmt, show_errors=show_errors)


def _evaluation(gold_dirs: tuple[str, ...], reports_dirs: tuple[str, ...], store_dir: str | None) -> Evaluation:
    """Score the reports of ``reports_dirs`` (built in memory; stems must differ) or of the store."""
    from kg.evaluate import evaluate, unique_stems
    from kg.store import open_store

    if not reports_dirs:
        with open_store(store_dir, read_only=True) as store:
            return evaluate(store, gold_dirs)
    from kg.build import build as run_build
    from kg.build import report_files

    files, errors = report_files(reports_dirs)
    if errors:
        raise KgError(str(errors[0]))
    unique_stems(files)
    with open_store(memory=True) as store:
        result = run_build(files, store)
        for error in result.failed:
            click.echo(f"error: {error}", err=True)
        return evaluate(store, gold_dirs)


for _command in (load, sync, neo4j, analyze, view):
    main.add_command(_command)
