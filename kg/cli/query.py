"""``kg query``: SPARQL on the store or Cypher on Neo4j, from the query library or inline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kg.cli.common import (
    excel_option,
    fail,
    format_option,
    print_rows,
    source_filter,
    source_options,
    store_option,
)
from kg.cli.neo4j import connect_or_fail, connection_options
from kg.errors import KgError, one_line

__all__ = ["QUERIES", "query"]

QUERIES = Path(__file__).resolve().parents[2] / "queries"
"""The query library (:data:`kg.query.library.LIBRARY`, named here so `kg --help` imports no RDF code)."""


class _QueryCommand(click.Command):
    """``kg query NAME --help`` describes the library query NAME (its question and parameters)
    instead of the command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if any(a in ("--help", "-h") for a in args):
            names = [a for a in args if not a.startswith("-")]
            language = "cypher" if "--cypher" in args else "sparql"
            described = next((q for n in names if (q := _find_query(n, language)) is not None), None)
            if described is not None:
                click.echo(describe(described))
                ctx.exit(0)
        return super().parse_args(ctx, args)


def _find_query(name: str, language: str) -> Any:
    """The library query ``name`` of ``language``, or the query file at path ``name``; None if neither."""
    from kg.query import QueryFile, load_queries

    library = load_queries(QUERIES, language=language) if QUERIES.is_dir() else {}
    if name in library:
        return library[name]
    if name.endswith((".rq", ".cypher")) and Path(name).is_file():
        return QueryFile.read(name)
    return None


def describe(query: Any) -> str:
    """What ``kg query NAME --help`` prints: the question, each parameter and an example command."""
    from kg.query.library import PARAM_TYPES

    lines = [f"{query.name} ({query.language}): {query.description}", ""]
    if query.params:
        lines.append("Parameters (-p NAME=VALUE):")
        for param in query.params.values():
            example = f" (example: {param.example})" if param.example else ""
            lines.append(f"  {param.signature()}: {param.description}{example}")
            lines.append(f"      {param.type}: {PARAM_TYPES[param.type]}")
    else:
        lines.append("Parameters: none")
    args = " ".join(f"-p {n}={v}" for n, v in query.examples.items())
    flag = " --cypher" if query.language == "cypher" else ""
    lines += ["", "Filter the rows with --report, --jurisdiction, --year.", "",
              f"Example:\n  kg query{flag} {query.name}{' ' + args if args else ''}"]
    return "\n".join(lines)


@click.command(cls=_QueryCommand)
@click.argument("query_file", required=False, type=click.Path(dir_okay=False))
@click.option("-e", "--expr", help="Inline query text instead of a file.")
@click.option("--cypher", is_flag=True, help="Cypher against Neo4j instead of SPARQL against the store "
              "(implied by a .cypher file).")
@click.option("--param", "-p", "params", multiple=True, help="NAME=VALUE bound to ?NAME or $NAME (repeatable).")
@click.option("--list", "list_queries", is_flag=True, help="List the query library and exit.")
@click.option("--allow-service", is_flag=True, help="Let SPARQL SERVICE clauses fetch from other servers "
              "(refused by default).")
@source_options
@store_option
@connection_options
@format_option
@excel_option
def query(query_file: str | None, expr: str | None, cypher: bool, params: tuple[str, ...], list_queries: bool,
          allow_service: bool, reports: tuple[str, ...], jurisdictions: tuple[str, ...], years: tuple[str, ...],
          store_dir: str | None, uri: str | None, user: str | None, password: str | None,
          database: str | None, data: str | None, fmt: str, excel: bool) -> None:
    """Run a query: SPARQL on the store, or Cypher on Neo4j (a file, a library name, or -e TEXT).

    Parameters are typed and bound by the engine, never pasted into the query; `kg query NAME
    --help` lists a library query's parameters. A missing, unknown or mistyped one exits with
    code 2. --report, --jurisdiction and --year ask SPARQL of those reports' graphs only (a
    ranking counts within them); Cypher answers are filtered on their report, jurisdiction
    and year columns. Cypher goes to the server of --uri / NEO4J_URI, else the local one of
    `kg neo4j start` (sync it first).

    \b
    Examples:
      kg query --list
      kg query targets_about_place --help
      kg query targets_about_place -p place=东昌府区 --format csv --excel > targets.csv
      kg query targets_by_indicator -p indicator=地区生产总值 --year 2026
      kg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?t a kg:Target }'
      kg query --cypher shortest_path_agency_place -p agency=水利 -p place=某某河
    """
    from kg.query import QueryFile, load_queries
    from kg.query.library import ParamError, parse_params

    language = "cypher" if cypher or (query_file or "").endswith(".cypher") else "sparql"
    if list_queries:
        languages = ["cypher"] if cypher else ["sparql", "cypher"]
        library = [q for lang in languages for q in load_queries(QUERIES, language=lang).values()]
        print_rows(["name", "language", "question", "params"],
                   [[q.name, q.language, q.description, ", ".join(p.signature() for p in q.params.values())]
                    for q in library], fmt, excel=excel)
        return
    if bool(query_file) == bool(expr):
        raise fail("give a query file or library name, or -e TEXT (one of them)")
    keep = source_filter(reports, jurisdictions, years)
    try:
        named = _find_query(query_file, language) if query_file else None
        if query_file and named is None and Path(query_file).is_file():
            named = QueryFile.read(query_file)
        if query_file and named is None:
            raise fail(f"{one_line(query_file)}: no such query file or {language} library query "
                       "(see kg query --list)")
        text = named.text if named is not None else expr
        declared = named if named is not None else QueryFile.parse(text, language=language)
        given = parse_params(params)
        if not declared.params and given and named is not None:
            raise ParamError(f"{named.name}: unknown parameter {', '.join(sorted(given))}; it takes no parameters")
        values = declared.values(given) if declared.params else given  # checked before any connection
        if language == "cypher":
            from kg.neo4j import run_cypher

            with connect_or_fail(uri, user, password, data) as driver:
                columns, rows = run_cypher(driver, text, {k: _cypher_value(v) for k, v in values.items()},
                                           database=database)
            if keep:
                rows = list(keep.rows(declared.name if named is not None else "the query", columns, rows))
        else:
            from kg.export.flat import report_graphs
            from kg.query.library import answer, unindexed_reports, untallied_reports
            from kg.store import open_store

            with open_store(store_dir, read_only=True) as store:
                stale = untallied_reports(store, text)
                if stale:
                    click.echo(f"warning: {stale} stored reports were built before kg counted tallies and are left "
                               "out of this count; run `kg build` on them again", err=True)
                stale = unindexed_reports(store, text)
                if stale:
                    click.echo(f"warning: {stale} stored reports were built by another version of kg and may lack the "
                               "indexes this query reads (their rows may be missing); run `kg build` on them again",
                               err=True)
                found = answer(store, text, given, allow_service=allow_service,
                               graphs=report_graphs(store, keep) if keep else None)
                if found.kind != "SELECT":
                    click.echo(("true" if found.value else "false") if found.kind == "ASK" else found.value)
                    return
                # CSV and JSON are written as the rows stream from the store; a table needs them all first
                # (for its column widths)
                print_rows(found.columns, list(found.rows) if fmt == "table" else found.rows, fmt, excel=excel)
            return
    except ParamError as error:
        raise fail(error, code=2) from None
    except KgError as error:
        raise fail(error) from None
    print_rows(columns, rows, fmt, excel=excel)


def _cypher_value(value: Any) -> Any:
    """A typed parameter value as the Neo4j driver takes it (Decimal -> float, IRI -> str)."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value)
    return str(value) if isinstance(value, str) else value
