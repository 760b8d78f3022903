"""The query library: named ``.rq`` (SPARQL) files with a header that documents them.

A query file starts with ``#`` comment lines: the first says what question it answers;
lines ``# param NAME: description (example: VALUE)`` declare parameters. Parameter values
are bound as plain string literals, or as IRIs when they look like one, and substituted by
the engine: never pasted into the query text. (Oxigraph substitutes only projected
variables, so a query lists its parameters in ``SELECT``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.query import Result

from kg.store import GraphStore

__all__ = ["QueryFile", "bind_params", "load_queries", "run_query"]

_PARAM = re.compile(r"^#\s*param\s+(\w+)\s*:\s*(.*?)\s*(?:\(example:\s*(.*?)\))?\s*$")


@dataclass(frozen=True)
class QueryFile:
    """One named query: its name (file stem), text, one-line description and parameters."""

    name: str
    path: Path
    text: str
    description: str
    params: dict[str, str] = field(default_factory=dict)  # name -> description
    examples: dict[str, str] = field(default_factory=dict)  # name -> example value

    @classmethod
    def read(cls, path: Path) -> QueryFile:
        text = path.read_text(encoding="utf-8")
        comments = [line for line in text.splitlines() if line.startswith("#")]
        description = next((c.lstrip("# ").strip() for c in comments if not _PARAM.match(c)), path.stem)
        params, examples = {}, {}
        for line in comments:
            match = _PARAM.match(line)
            if match:
                params[match[1]] = match[2]
                if match[3]:
                    examples[match[1]] = match[3]
        return cls(path.stem, path, text, description, params, examples)


def load_queries(folder: str | Path, *, suffix: str = ".rq") -> dict[str, QueryFile]:
    """Every query file in ``folder`` by name."""
    return {p.stem: QueryFile.read(p) for p in sorted(Path(folder).glob(f"*{suffix}"))}


def bind_params(params: dict[str, str]) -> dict[str, URIRef | Literal]:
    """RDF terms for parameter values: IRIs for ``http(s)://…``, plain literals otherwise."""
    return {k: URIRef(v) if re.match(r"https?://", v) else Literal(v) for k, v in params.items()}


def run_query(store: GraphStore, sparql: str, params: dict[str, str] | None = None) -> Result:
    """Run SPARQL text against ``store`` with ``params`` bound to its variables."""
    return store.query(sparql, bind_params(params or {}))
