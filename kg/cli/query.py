"""``kg query``: SPARQL on the store or Cypher on Neo4j, from the query library or inline."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import fail, format_option, print_rows, store_option
from kg.cli.neo4j import connect_or_fail, connection_options
from kg.errors import KgError, one_line

__all__ = ["QUERIES", "query"]

QUERIES = Path(__file__).resolve().parents[2] / "queries"


@click.command()
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
