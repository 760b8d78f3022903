"""The ``kg`` command line: a few lines per command that parse options and call the package.

Each command's module is imported only when that command runs (:class:`kg.cli.lazy.LazyGroup`).
"""

from __future__ import annotations

import click

from kg.cli.lazy import LazyGroup

__all__ = ["COMMANDS", "main"]

#: Each command: its module and attribute, and the first paragraph of its help (for ``kg --help``).
COMMANDS: dict[str, tuple[str, str]] = {
    "analyze": ("kg.cli.analysis:analyze",
                "Network analysis of the stored graph: rankings, communities, comparisons, plots."),
    "build": ("kg.cli.build:build",
              "Build the graph from report files, folders (.txt, .html) or datasets (.csv, .tsv, .jsonl)."),
    "diff": ("kg.cli.track:diff",
             "How the targets of REPORT_B differ from REPORT_A's, indicator by indicator: raised, lowered, "
             "changed (another unit or comparator), new, dropped and kept, with the sentences."),
    "eval": ("kg.cli.evaluation:eval_command",
             "Score the graph against gold annotations: per-kind precision, recall, F1."),
    "export": ("kg.cli.export:export", "Export the stored report graphs for other systems."),
    "extract": ("kg.cli.inspect:extract", "Show what the graph holds for one report, in the gold files' JSON schema."),
    "load": ("kg.cli.load:load", "Load N-Quads files (from `kg export --format nquads`) into the store."),
    "neo4j": ("kg.cli.neo4j:neo4j", "Run the project's own Neo4j (Community 5.26, Bolt on 127.0.0.1)."),
    "query": ("kg.cli.query:query",
              "Run a query: SPARQL on the store, or Cypher on Neo4j (a file, a library name, or -e TEXT)."),
    "remove": ("kg.cli.remove:remove",
               "Remove reports from the store, named as `kg build` prints them or by file path."),
    "serve": ("kg.cli.serve:serve",
              "Open the graph's tables in datasette on http://127.0.0.1:PORT (needs kg[serve])."),
    "stats": ("kg.cli.inspect:stats", "What the store holds: triples, reports, and per-report counts."),
    "sync": ("kg.cli.neo4j:sync",
             "Sync the store into Neo4j: only reports added, changed or removed since the last sync."),
    "track": ("kg.cli.track:track",
              "What each year's report promised for INDICATOR, what the next year's report says was achieved, "
              "and whether the promise was met."),
    "validate": ("kg.cli.inspect:validate", "Check the stored graph against the SHACL shapes (kg/shapes.ttl)."),
    "view": ("kg.cli.view:view", "Write an interactive HTML view of the graph (one file, works offline)."),
}


@click.group(cls=LazyGroup, lazy_commands=COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: a knowledge graph of Chinese local government plans.

    \b
    Quick start:
      kg build examples/reports          # load, extract, store (./.kg/store)
      kg query queries/agencies_by_targets.rq
      kg export --format turtle -o kg.ttl
    """

