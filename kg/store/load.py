"""Bulk loading N-Quads into the store: how shards built apart are merged.

Every report is its own named graph, so stores built from disjoint sets of reports (in
parallel processes, or on several machines) merge by plain union of their
``kg export --format nquads`` files: no report's quads can collide with another's. A
report graph already in the store is dropped before its file is loaded, so loading a
newer shard replaces its reports as ``kg build`` would; a report graph found in two of
the input files (two shards built the same report) is refused before anything is written.

Loading uses Oxigraph's bulk loader (it writes sorted files straight into RocksDB, the
fastest path for first loads of large graphs). It is not one transaction: if it fails
midway, run it again (it is idempotent). The loaded graphs' texts are kept beside the store
(:mod:`kg.store.texts`) where a file holds each graph's lines together, as ``kg export``
writes them, so the merged store exports fast at once.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.store.store import GraphStore

__all__ = ["LoadResult", "load_nquads", "nquads_graphs"]


@dataclass(frozen=True)
class LoadResult:
    """What a load did: files read, report graphs loaded (replacing how many), quads after."""

    files: int
    graphs: int
    replaced: int
    quads: int


def nquads_graphs(path: str | Path) -> dict[str, int]:
    """Named graph IRI -> quad count of an N-Quads file; a quad outside a named graph is an error."""
    counts: dict[str, int] = {}
    try:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            graph = quad.graph_name
            if not isinstance(graph, ox.NamedNode):
                raise KgError(f"{path}: a quad outside a named graph; kg loads one named graph per report")
            counts[graph.value] = counts.get(graph.value, 0) + 1
    except (SyntaxError, ValueError) as exc:
        raise KgError(f"{path}: not valid N-Quads: {str(exc).splitlines()[0]}") from None
    except OSError as exc:
        raise KgError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return counts


def load_nquads(store: GraphStore, paths: Iterable[str | Path], *,
                on_file: Callable[[Path, int], None] | None = None) -> LoadResult:
    """Merge N-Quads files (e.g. shards' exports) into ``store``, replacing the report graphs they hold.

    All files are checked first (valid N-Quads, named graphs only, no graph in two files),
    so a bad file leaves the store untouched. ``on_file(path, graphs)`` is called after
    each file is loaded.
    """
    files = [Path(p) for p in paths]
    owner: dict[str, Path] = {}
    per_file: list[dict[str, int]] = []
    for path in files:
        graphs = nquads_graphs(path)
        for name in graphs:
            if name in owner:
                raise KgError(f"{name} is in both {owner[name]} and {path}: build each report in one shard only")
            owner[name] = path
        per_file.append(graphs)
    replaced = 0
    for name in owner:
        node = ox.NamedNode(name)
        if store.ox.contains_named_graph(node):
            store.ox.remove_graph(node)
            replaced += 1
    for path, graphs in zip(files, per_file, strict=True):
        store.ox.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        _keep_texts(store, path)
        if on_file:
            on_file(path, len(graphs))
    store.ensure_ontology()
    return LoadResult(files=len(files), graphs=len(owner), replaced=replaced, quads=len(store))


def _keep_texts(store: GraphStore, path: Path) -> None:
    """Keep the texts of the graphs of an N-Quads file, a run of lines at a time.

    Only a graph whose run of lines is the whole graph, written as Oxigraph writes it, proves
    its digest, so a file in any other shape keeps fewer texts and loads just the same.
    """
    runs: dict[str, bytes] = {}
    for graph, lines in itertools.groupby(_lines(path), key=_graph_of):
        suffix = f" <{graph}> .\n".encode()
        runs[graph] = b"".join(line[:-len(suffix)] + b" .\n" for line in lines if line.endswith(suffix))
        if len(runs) >= 64:
            store.keep_texts(runs)
            runs.clear()
    store.keep_texts(runs)


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        yield from f


def _graph_of(line: bytes) -> str:
    """The graph IRI ending an N-Quads line ``… <g> .``, as ``kg export`` writes it ("" if none)."""
    end = line.rfind(b"> .")
    start = line.rfind(b" <", 0, end)
    return line[start + 2:end].decode("utf-8", "replace") if 0 <= start < end else ""
