"""The embedded on-disk graph store: Oxigraph behind the rdflib API.

Why Oxigraph: it is an embedded RocksDB-backed quad store with a native SPARQL 1.1
engine, so queries run in Rust instead of rdflib's pure-Python evaluator, and the data
survives between runs without a server. ``oxrdflib`` puts the rdflib ``Dataset`` API in
front of it for notebooks and generic rdflib code.

Each report lives in its own named graph. Replacing a report's graph is one SPARQL
update (``DROP`` + ``INSERT DATA``), which Oxigraph applies in a single transaction:
either the new graph is fully stored or the old one is untouched.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import KgError
from kg.graph.vocab import BASE, GRAPH_ONTOLOGY, ontology_graph

__all__ = ["DEFAULT_STORE", "GraphStore", "open_store", "store_path"]

DEFAULT_STORE = Path(".kg") / "store"
"""Default store folder, relative to the working directory so two projects never mix."""

PREFIXES = {
    "kg": BASE + "ontology#",
    "id": BASE + "id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "geo": "http://www.opengis.net/ont/geosparql#",
}


def store_path(path: str | Path | None = None) -> Path:
    """The store folder: ``path`` if given, else ``$KG_STORE``, else ``./.kg/store``."""
    if path:
        return Path(path)
    return Path(os.environ.get("KG_STORE") or DEFAULT_STORE)


class GraphStore:
    """An opened store. Use :func:`open_store`; close it (or use ``with``) when done."""

    def __init__(self, inner: ox.Store, path: Path | None, *, read_only: bool = False) -> None:
        self.ox = inner
        self.path = path
        self.read_only = read_only
        self.dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
        for prefix, namespace in PREFIXES.items():
            self.dataset.bind(prefix, namespace)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store (other processes may open it afterwards)."""
        if self.path is not None and not self.read_only:
            self.ox.flush()
        self.dataset.store.close()  # the rdflib wrapper holds the store too: drop both references
        del self.dataset, self.ox

    # writing ---------------------------------------------------------------------------
    def replace_graph(self, graph: Graph) -> None:
        """Store ``graph`` as the named graph ``graph.identifier``, replacing it atomically."""
        name = graph.identifier
        if not isinstance(name, URIRef):
            raise ValueError("a named graph needs an IRI identifier")
        self.replace_ntriples(name, graph.serialize(format="nt", encoding="utf-8").decode("utf-8"))

    def replace_ntriples(self, name: URIRef, ntriples: str) -> None:
        """Store N-Triples text as the named graph ``name``, replacing it in one transaction."""
        graph = ox.NamedNode(str(name))  # validates the IRI before it enters the update
        self.ox.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{ntriples}\n}} }}")

    def remove_graph(self, name: URIRef) -> bool:
        """Drop one named graph; return whether it existed."""
        node = ox.NamedNode(str(name))
        if not self.ox.contains_named_graph(node):
            return False
        self.ox.remove_graph(node)
        return True

    def ensure_ontology(self) -> None:
        """Keep the packaged ontology in its own named graph, so queries can use subclassing."""
        onto = ontology_graph()
        graph = Graph(identifier=GRAPH_ONTOLOGY)
        for triple in onto:
            graph.add(triple)
        self.replace_graph(graph)

    # reading ---------------------------------------------------------------------------
    def report_graphs(self) -> list[URIRef]:
        """IRIs of the stored report graphs, sorted."""
        prefix = BASE + "id/report/"
        names = (g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(URIRef(n) for n in names if n.startswith(prefix))

    def graph(self, name: URIRef) -> Graph:
        """A copy of one named graph as an in-memory rdflib graph."""
        out = Graph(identifier=name)
        for prefix, namespace in PREFIXES.items():
            out.bind(prefix, namespace)
        out.parse(data=self.dump_graph(name), format="nt")
        return out

    def dump_graph(self, name: URIRef) -> str:
        """One named graph as N-Triples text."""
        return self.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(name))).decode("utf-8")

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad in the store, in the store's order."""
        return iter(self.ox)

    def __len__(self) -> int:
        return len(self.ox)

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run a SPARQL 1.1 query over the union of all graphs.

        ``bindings`` are substituted for variables before evaluation (``?river`` ->
        a literal), so values from users and reports never get pasted into query text.
        Oxigraph substitutes only variables the query projects, so a parameterised query
        lists its parameters in its ``SELECT`` clause.
        """
        try:
            return self.dataset.query(sparql, initBindings=dict(bindings or {}))
        except (SyntaxError, RuntimeError) as exc:
            raise KgError(f"SPARQL: {str(exc).splitlines()[0]}") from None


def open_store(path: str | Path | None = None, *, read_only: bool = False, memory: bool = False) -> GraphStore:
    """Open (creating if needed) the store folder; ``memory=True`` gives a throwaway store."""
    if memory:
        return GraphStore(ox.Store(), None)
    folder = store_path(path)
    try:
        if read_only:
            if not folder.exists():
                raise KgError(f"{folder}: no store here yet; run `kg build` first")
            return GraphStore(ox.Store.read_only(str(folder)), folder, read_only=True)
        folder.mkdir(parents=True, exist_ok=True)
        return GraphStore(ox.Store(str(folder)), folder)
    except OSError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "lock" in reason.lower():
            reason = "the store is open in another process (close it, or use another --store)"
        raise KgError(f"{folder}: cannot open store: {reason}") from None
