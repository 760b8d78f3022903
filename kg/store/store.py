"""The embedded on-disk graph store: Oxigraph behind the rdflib API.

Why Oxigraph: it is an embedded RocksDB-backed quad store with a native SPARQL 1.1
engine, so queries run in Rust instead of rdflib's pure-Python evaluator, and the data
survives between runs without a server. ``oxrdflib`` puts the rdflib ``Dataset`` API in
front of it for notebooks and generic rdflib code.

Each report lives in its own named graph. Replacing a stored graph is one SPARQL update
(``DROP`` + ``INSERT DATA``), which Oxigraph applies in a single transaction: either the
new graph is fully stored or the old one is untouched. New graphs are loaded in one
transaction each, or, when a build writes many, bulk-loaded in batches that are dropped
again if their load fails (:class:`GraphWriter`).
"""

from __future__ import annotations

import os
import re
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import KgError
from kg.graph.vocab import BASE, GRAPH_ONTOLOGY, KG
from kg.store.texts import GraphTexts, nquads_text, sorted_text

__all__ = ["DEFAULT_STORE", "STORE_ID_FILE", "GraphStore", "GraphWriter", "open_store", "remove_stray_bulk_files",
           "store_path"]

_LOCKED = re.compile(r"\block\b|/LOCK\b", re.IGNORECASE)
"""RocksDB's words for a store another process holds ("While lock file: …/LOCK", "lock hold by …")."""

GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph

_KEEP_EVERY = 64
"""Graphs read back from the store whose texts are kept in one transaction (see :meth:`GraphStore.sorted_nquads`)."""

_BULK_FILES = "bulk-*.sst"
"""Names of the files Oxigraph's bulk loader writes into the store folder while it loads."""

STORE_ID_FILE = "kg-store-id"
"""File in the store folder holding the store's stable id (:meth:`GraphStore.store_id`)."""

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
        self._memory_id = uuid.uuid4().hex
        self.texts = None if path is None else GraphTexts(path, writable=os.access(path, os.W_OK))

    @cached_property
    def dataset(self) -> Dataset:
        """The store behind rdflib's ``Dataset`` API, made when first asked for (oxrdflib imports rdflib's SPARQL)."""
        from oxrdflib import OxigraphStore

        dataset = Dataset(store=OxigraphStore(store=self.ox), default_union=True)
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace)
        return dataset

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def flush(self) -> None:
        """Write buffered changes to disk and free the memory holding them (nothing to do in memory).

        Oxigraph buffers writes in memory until it flushes on its own terms, which for a long
        build is hundreds of megabytes; flushing every so often keeps memory flat.
        """
        if self.path is not None and not self.read_only:
            self.ox.flush()

    def optimize(self) -> None:
        """Compact the store's files (nothing to do in memory or read-only).

        Bulk loads leave many overlapping files that every lookup must search; after a
        large build, compacting them takes about 10 s per 3M triples and roughly halves the
        time of index lookups, and so of queries.
        """
        if self.path is not None and not self.read_only:
            self.ox.optimize()

    def close(self) -> None:
        """Flush and release the store (other processes may open it afterwards)."""
        self.flush()
        if self.texts is not None:
            self.texts.close()
        if "dataset" in self.__dict__:
            self.dataset.store.close()  # the rdflib wrapper holds the store too: drop both references
            del self.dataset
        del self.ox

    # writing ---------------------------------------------------------------------------
    def replace_graph(self, graph: Graph) -> None:
        """Store ``graph`` as the named graph ``graph.identifier``, replacing it atomically."""
        name = graph.identifier
        if not isinstance(name, URIRef):
            raise ValueError("a named graph needs an IRI identifier")
        self.replace_ntriples(name, graph.serialize(format="nt", encoding="utf-8").decode("utf-8"))

    def replace_ntriples(self, name: URIRef, ntriples: str) -> None:
        """Store N-Triples text as the named graph ``name``, replacing it in one transaction.

        A graph not stored yet is loaded by Oxigraph's N-Triples loader, much faster than a
        SPARQL update and just as atomic. An existing one gets only the difference, its
        removed triples deleted and its new ones inserted in one update, so readers see
        either the old graph or the new one: deleting is Oxigraph's dearest write (dropping a
        7 000-triple report costs three times loading it), and a report rebuilt by
        ``--force`` or by a new extractor version keeps most of its triples.
        """
        graph = ox.NamedNode(str(name))  # validates the IRI before it enters the update
        if not self.ox.contains_named_graph(graph):
            self.ox.load(ntriples, ox.RdfFormat.N_TRIPLES, to_graph=graph)
            self.keep_texts({graph.value: ntriples})
            return
        # The update holds terms written by Oxigraph's serializer from the parsed triples, never
        # the given text: malformed text raises here and writes nothing.
        new = {quad.triple for quad in ox.parse(ntriples, ox.RdfFormat.N_TRIPLES)}
        old = {quad.triple for quad in self.ox.quads_for_pattern(None, None, None, graph)}
        removed, added = old - new, new - old
        nt = ox.RdfFormat.N_TRIPLES
        parts = [f"{verb} DATA {{ GRAPH {graph} {{\n{ox.serialize(triples, format=nt).decode()}\n}} }}"
                 for verb, triples in (("DELETE", removed), ("INSERT", added)) if triples]
        if parts:
            self.ox.update(" ;\n".join(parts))
        self.keep_texts({graph.value: ntriples})

    def keep_texts(self, texts: Mapping[str, str | bytes]) -> None:
        """Keep the texts of graphs just stored (graph IRI -> N-Triples), for whole-graph readers
        (:mod:`kg.store.texts`)."""
        if self.texts is not None:
            self.texts.keep(texts.items())

    def writer(self, *, batch_triples: int = 200_000) -> GraphWriter:
        """A writer for many report graphs at once (see :class:`GraphWriter`); use it with ``with``."""
        return GraphWriter(self, batch_triples)

    def remove_graph(self, name: URIRef) -> bool:
        """Drop one named graph; return whether it existed."""
        node = ox.NamedNode(str(name))
        if not self.ox.contains_named_graph(node):
            return False
        self.ox.remove_graph(node)
        self._forget_texts([node.value])
        return True

    def remove_graphs(self, names: list[URIRef]) -> None:
        """Drop several named graphs in one transaction (all or none); missing ones are no error."""
        nodes = [ox.NamedNode(str(name)) for name in names]  # validates the IRIs before they enter the update
        if nodes:
            self.ox.update(" ;\n".join(f"DROP SILENT GRAPH {node}" for node in nodes))
            self._forget_texts([node.value for node in nodes])

    def _forget_texts(self, graphs: list[str]) -> None:
        if self.texts is not None:
            self.texts.forget(graphs)

    def ensure_ontology(self) -> None:
        """Keep the packaged ontology in its own named graph, so queries can use subclassing.

        It is rewritten only when the stored copy differs, so building one report into a
        large store does not pay for it every time.
        """
        wanted = _ontology_triples()
        stored = self.ox.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_ONTOLOGY))
        if {quad.triple for quad in stored} != wanted:
            self.replace_ntriples(GRAPH_ONTOLOGY, ox.serialize(wanted, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))

    # reading ---------------------------------------------------------------------------
    def report_graphs(self) -> list[URIRef]:
        """IRIs of the stored report graphs, sorted."""
        prefix = BASE + "id/report/"
        names = (g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(URIRef(n) for n in names if n.startswith(prefix))

    def report_literals(self, predicate: URIRef) -> dict[str, str]:
        """Graph IRI -> the value of ``predicate`` that the graph's own node (its report) states,
        for every graph stating exactly one: one index lookup for all reports."""
        found: dict[str, list[str]] = {}
        for quad in self.ox.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None):
            if quad.subject == quad.graph_name and isinstance(quad.object, ox.Literal):
                found.setdefault(quad.graph_name.value, []).append(quad.object.value)
        return {graph: values[0] for graph, values in found.items() if len(values) == 1}

    def store_id(self) -> str:
        """This store's stable id (a random UUID made on first use and kept in the file
        ``kg-store-id`` inside the store folder; a store in memory has one per process).

        ``kg sync`` records it in Neo4j, so a database knows which store its reports came from
        and a sync from another store never deletes them unasked.
        """
        return self._memory_id if self.path is None else _folder_store_id(self.path)

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

    def data_graphs(self) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]:
        """Every graph holding data but the ontology, in a fixed order: the default graph (if it
        holds anything), then the named graphs sorted by their N-Triples form."""
        ontology = ox.NamedNode(GRAPH_ONTOLOGY)
        named = [g for g in self.ox.named_graphs() if g != ontology]
        default = ox.DefaultGraph()
        if next(self.ox.quads_for_pattern(None, None, None, default), None) is None:
            return sorted(named, key=str)
        return [default, *sorted(named, key=str)]

    def sorted_nquads(self, graphs: Iterable[str] | None = None) -> Iterator[tuple[GraphName, bytes]]:
        """Each data graph, in :meth:`data_graphs` order (or each of the named ``graphs``, in
        their order), with its quads as N-Quads text (UTF-8), its lines sorted as bytes (the
        order of their code points; the default graph's lines are N-Triples).

        Lines are as Oxigraph's own serialiser writes them, and sorted, so the same content
        gives the same text whatever order it was stored in; a report graph is small, so one
        at a time keeps memory flat in the store's size. A report graph comes from its text
        kept beside the store while it states the digest the text was kept for
        (:mod:`kg.store.texts`), twenty times faster than reading the store; the others are
        read from the store, and kept when they prove their digest.
        """
        if graphs is None:
            names: list[GraphName] = self.data_graphs()
            digests = self.report_literals(KG.graphDigest) if self.texts is not None else {}
        else:
            names = [ox.NamedNode(str(graph)) for graph in graphs]
            digests = {node.value: value for node in names if (value := self._digest(node)) is not None}
        read: dict[str, bytes] = {}
        for graph in names:
            name = graph.value if isinstance(graph, ox.NamedNode) else ""
            digest = digests.get(name)
            kept = self.texts.nquads(name, digest) if self.texts is not None and digest else None
            if kept is not None:
                yield graph, kept
                continue
            text = sorted_text(self.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph))
            if digest:
                read[name] = text
                if len(read) >= _KEEP_EVERY:
                    self._keep_read(read)
            yield graph, text if isinstance(graph, ox.DefaultGraph) else nquads_text(graph, text)
        self._keep_read(read)

    def texts_kept(self, graphs: Iterable[str] | None = None) -> bool:
        """Whether every data graph (or each of the named ``graphs``) has a text kept beside the
        store for the digest it states, so :meth:`sorted_nquads` reads none from the store."""
        if self.texts is None:
            return False
        kept = self.texts.kept()
        if graphs is None:
            digests = self.report_literals(KG.graphDigest)
            named = [graph.value for graph in self.data_graphs() if isinstance(graph, ox.NamedNode)]
            if len(named) < len(self.data_graphs()):
                return False  # the default graph has no text
            return all(graph in digests and kept.get(graph) == digests[graph] for graph in named)
        return all((digest := self._digest(ox.NamedNode(graph))) is not None and kept.get(graph) == digest
                   for graph in graphs)

    def _digest(self, graph: ox.NamedNode) -> str | None:
        """The one ``kg:graphDigest`` the graph's own node states in it, if any."""
        values = [quad.object for quad in self.ox.quads_for_pattern(graph, ox.NamedNode(str(KG.graphDigest)), None,
                                                                     graph)]
        return values[0].value if len(values) == 1 and isinstance(values[0], ox.Literal) else None

    def _keep_read(self, texts: dict[str, bytes]) -> None:
        if self.texts is not None and texts:
            self.texts.keep(texts.items())
            texts.clear()

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


class GraphWriter:
    """Stores many report graphs fast: new ones bulk-loaded in batches, stored ones replaced.

    Oxigraph's bulk loader takes about half the CPU of its transactional loader, but is
    not transactional: so a batch holds only graphs not stored yet, is loaded strictly (IRIs,
    literals, syntax) and is dropped again if its load fails half way (malformed text writes
    nothing), no graph's text can reach into another graph (:func:`_confined`, checked
    before the batch is loaded), and a graph that is already stored, or already waiting in
    a batch, is replaced atomically by :meth:`GraphStore.replace_ntriples` instead. Every
    ``batch_triples`` triples the batch is handed to a loading thread (Oxigraph releases
    the GIL while it loads, so the caller goes on extracting the next reports meanwhile;
    one batch loads at a time) and the store is flushed after it, which also keeps the
    memory the store buffers flat. :meth:`commit`, and leaving the ``with`` block normally,
    store the rest and return once everything is stored.
    """

    def __init__(self, store: GraphStore, batch_triples: int) -> None:
        self.store = store
        self.batch_triples = batch_triples
        self.pending: dict[str, str] = {}  # graph IRI -> its N-Triples, waiting for the bulk load
        self.written = 0  # triples written or waiting since the last batch
        self.bulk_loaded = 0  # triples handed to the bulk loader so far
        self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-bulk-load")
        self._loading: Future[None] | None = None
        self._in_flight: set[str] = set()  # graphs of the batch loading now

    def __enter__(self) -> GraphWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: BaseException | TracebackType | None) -> None:
        try:
            if kind is None:
                self.commit()
            else:
                with suppress(Exception):  # the block's own error is the one to report
                    self._wait()
        finally:
            self._loader.shutdown(wait=True)

    def write(self, name: URIRef, ntriples: str, triples: int) -> None:
        """Store N-Triples text as the named graph ``name`` (now, or with a batch)."""
        graph = ox.NamedNode(str(name))  # validates the IRI
        if graph.value in self.pending or graph.value in self._in_flight or self.store.ox.contains_named_graph(graph):
            self.commit()
            self.store.replace_ntriples(name, ntriples)
        else:
            self.pending[graph.value] = ntriples
            self.bulk_loaded += triples
        self.written += triples
        if self.written >= self.batch_triples:
            self._submit()

    def commit(self) -> None:
        """Store every graph written so far (a batch all or, if its text is malformed, none); wait for it."""
        self._submit()
        self._wait()

    def _submit(self) -> None:
        """Check the waiting batch, then load it once the batch loading now is stored."""
        if self.pending:
            for ntriples in self.pending.values():  # a SyntaxError here has written nothing
                _confined(ntriples)
            trig = "".join(f"<{name}> {{\n{ntriples}\n}}\n" for name, ntriples in self.pending.items())
            self._wait()
            batch, self.pending = self.pending, {}
            self._in_flight = set(batch)
            self._loading = self._loader.submit(self._load, trig, batch)
        else:
            self.store.flush()
        self.written = 0

    def _load(self, trig: str, batch: dict[str, str]) -> None:
        """Bulk-load a batch of new graphs (graph IRI -> N-Triples) and keep their texts;
        if the load fails half way, drop them again."""
        try:
            self.store.ox.bulk_load(trig, ox.RdfFormat.TRIG)  # strict: the text is checked once, here
        except BaseException:
            for name in sorted(batch):
                self.store.ox.remove_graph(ox.NamedNode(name))
            raise
        self.store.flush()
        self.store.keep_texts(batch)

    def _wait(self) -> None:
        """Wait for the batch loading now, if any; raise its error."""
        loading, self._loading = self._loading, None
        try:
            if loading is not None:
                loading.result()
        finally:
            self._in_flight = set()


def _confined(ntriples: str) -> None:
    """Raise ``SyntaxError`` unless ``ntriples``, put in a TriG graph block, can only state
    triples of that graph.

    Inside a block only a ``}`` ends it (TriG allows no directive there, and an escape never
    makes punctuation), so a text without one is left to the strict bulk load to check; one
    with a ``}`` (in a literal, as a rule) is parsed in full as N-Triples, whose lines cannot
    hold one outside a literal. This replaced parsing every text twice, once here and once
    in the load: a sixth of the texts of a large build hold a brace.
    """
    if "}" in ntriples:
        deque(ox.parse(ntriples, ox.RdfFormat.N_TRIPLES), maxlen=0)


@cache
def _ontology_triples() -> frozenset[ox.Triple]:
    """The triples of the packaged ontology (``kg/ontology.ttl``), parsed once per process."""
    turtle = resources.files("kg").joinpath("ontology.ttl").read_bytes()
    return frozenset(quad.triple for quad in ox.parse(turtle, ox.RdfFormat.TURTLE))


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
        store = GraphStore(ox.Store(str(folder)), folder)
    except (OSError, RuntimeError) as exc:  # pyoxigraph raises either, e.g. for a held lock
        raise KgError(f"{folder}: cannot open store: {_open_failure(exc)}") from None
    remove_stray_bulk_files(folder)
    return store


def remove_stray_bulk_files(folder: Path) -> list[Path]:
    """Delete the files a killed bulk load left in the store ``folder``; return them.

    Oxigraph's bulk loader writes ``bulk-*.sst`` files next to the database and hands them
    to RocksDB when the load completes, which takes them over; a process killed before
    that leaves them behind for good (up to ~70 MB each). Only the writer calls this, after
    opening the store, so no bulk load of another process can be under way.
    """
    stray = sorted(folder.glob(_BULK_FILES))
    for path in stray:
        with suppress(FileNotFoundError):
            path.unlink()
    return stray


def _folder_store_id(folder: Path) -> str:
    """The id kept in ``folder/kg-store-id``, made (exclusively, so two processes agree) if missing."""
    path = folder / STORE_ID_FILE
    with suppress(FileNotFoundError):
        return path.read_text(encoding="utf-8").strip()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise KgError(f"{path}: cannot record the store's id ({exc.strerror or exc})") from None
    made = uuid.uuid4().hex
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(made + "\n")
    return made


def _open_failure(exc: Exception) -> str:
    """One line saying why the store could not be opened."""
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if _LOCKED.search(reason):
        return "the store is open in another process (close it, or use another --store)"
    return reason
