"""RDF exports of the stored report graphs: Turtle, N-Triples, N-Quads, TriG, JSON-LD, streamed.

N-Quads, TriG and JSON-LD keep one named graph per report; Turtle and N-Triples hold the
union of the report graphs (each distinct triple once). The ontology is left out (it ships
as ``kg/ontology.ttl``).

Everything is written from each graph's sorted N-Quads (:meth:`GraphStore.sorted_nquads`:
the texts kept beside the store while they are current, else the store read back, as
Oxigraph's serialiser writes them), by Oxigraph's own serialisers, so memory stays flat in
the store's size and the output is the same for the same content whatever order it was
stored in:

- quad formats go one graph at a time, graphs sorted by name, each graph's lines sorted
  (a report graph is small, so only one is ever held);
- triple formats need each triple once although several graphs state it: the union is an
  external sort that spills to temporary files (:mod:`kg.export.union`), so N-Triples is
  sorted as a whole and Turtle groups each subject's triples; with ``jobs`` > 1 each process
  takes one range of subjects.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import KgError
from kg.export.union import END, Union, subject_bounds, write_union_parts
from kg.graph.vocab import KG
from kg.store import GraphStore
from kg.store.store import PREFIXES, GraphName
from kg.workers import results_in_order

__all__ = ["JSONLD_CONTEXT", "RDF_FORMATS", "export_rdf", "write_rdf"]

RDF_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")

JSONLD_CONTEXT = dict(PREFIXES)
"""The JSON-LD ``@context``: the project's prefixes, for a JSON-LD processor that compacts the
(expanded) document Oxigraph writes."""

_TURTLE_PREFIXES = {prefix: namespace for prefix, namespace in PREFIXES.items() if prefix != "id"}
"""Prefixes of Turtle and TriG: ``id:`` is left out, since local names such as ``report/…``
would need every ``/`` escaped; node IRIs stay written in full, as readers expect."""

_SERIALIZE_BYTES = 4_000_000
"""Size of the blocks Turtle, TriG and JSON-LD are serialised in (~17 k lines): large enough
that a worker's start and the prefixes repeated per block cost little."""

_SAMPLE_GRAPHS = 64
"""Graphs read ahead to choose the bounds of the union's parts with ``-j``: a few, spread out."""

_SEND_BYTES = 1 << 30
"""Bytes handed to the kernel at once when a part of a union is appended to the output."""

_HEAD_BYTES = 1 << 16
"""Bytes read first of each part of a Turtle union, to drop the prefixes it repeats."""

OnGraph = Callable[[int], None]
"""Called with the number of quads of each graph once it is written (for progress bars)."""


def write_rdf(store: GraphStore, fmt: str, output: BinaryIO, *, graphs: Sequence[str] | None = None,
              jobs: int = 1, on_graph: OnGraph | None = None) -> int:
    """Write the store's report graphs (or only the named ``graphs``) to ``output`` (binary) as
    ``fmt``; return the quads read.

    ``fmt`` is one of :data:`RDF_FORMATS`; see the module docstring for the order. With
    ``jobs`` > 1, the work is shared by that many worker processes: TriG and JSON-LD are
    serialised a block of whole graphs each, N-Triples and Turtle each take the union of one
    range of subjects; the results are joined in order, the same bytes as with one.
    """
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    counter = _Counter(on_graph, graphs)
    if fmt == "nquads":
        for text in _graph_quad_texts(store, counter):
            output.write(text)
    elif fmt in ("ntriples", "turtle"):
        _write_union(store, counter, fmt, output, jobs)
    elif fmt == "trig":
        _write_serialized(_graph_blocks(_graph_quad_texts(store, counter)), fmt, output, jobs)
    else:
        # Oxigraph's expanded document (one @graph object per named graph) inside an object that
        # carries the project's @context, so processors can compact it
        output.write(b'{"@context": ' + json.dumps(JSONLD_CONTEXT, ensure_ascii=False).encode() + b',\n"@graph": ')
        _write_serialized(_graph_blocks(_graph_quad_texts(store, counter)), fmt, output, jobs)
        output.write(b"}\n")
    return counter.quads


def export_rdf(store: GraphStore, fmt: str, *, graphs: Sequence[str] | None = None) -> str:
    """The store's report graphs (or the named ``graphs``) serialised as ``fmt`` (one of
    :data:`RDF_FORMATS`), as text.

    For small stores and tests; :func:`write_rdf` streams to a file.
    """
    buffer = io.BytesIO()
    write_rdf(store, fmt, buffer, graphs=graphs)
    return buffer.getvalue().decode("utf-8")


class _Counter:
    """The graphs to write (``None``: every data graph), and the quads written so far."""

    def __init__(self, on_graph: OnGraph | None, graphs: Sequence[str] | None) -> None:
        self.quads = 0
        self.on_graph = on_graph
        # in data_graphs' order: by N-Triples form
        self.graphs = None if graphs is None else sorted(set(graphs), key=lambda graph: f"<{graph}>")

    def add(self, quads: int) -> None:
        self.quads += quads
        if self.on_graph is not None:
            self.on_graph(quads)


def _graph_quad_texts(store: GraphStore, counter: _Counter) -> Iterator[bytes]:
    """Each data graph's quads as sorted N-Quads text, graph by graph in :meth:`GraphStore.data_graphs` order."""
    for _, text in store.sorted_nquads(counter.graphs):
        counter.add(text.count(b"\n"))
        yield text


def _write_union(store: GraphStore, counter: _Counter, fmt: str, output: BinaryIO, jobs: int) -> None:
    """Write the union formats (:mod:`kg.export.union`): in this process, or with ``jobs`` > 1 in
    that many, each the union of one range of subjects read from the kept texts, the parts
    concatenated. Processes read the kept texts themselves, so that needs a store opened
    read-only from a folder, with every graph's text kept; else this process writes the union
    (and keeps the texts it had to read from the store, for the next export)."""
    write_part = _write_turtle if fmt == "turtle" else _write_ntriples
    with tempfile.TemporaryDirectory(prefix="kg-export-") as folder:
        if jobs <= 1 or store.path is None or not store.read_only or not store.texts_kept(counter.graphs):
            union = Union(Path(folder))
            for graph, text in store.sorted_nquads(counter.graphs):
                counter.add(union.add(_line_end(graph), text))
            write_part(union.blocks(), output)
            return
        bounds = subject_bounds((text for _, text in store.sorted_nquads(_sample(store, counter))), jobs)
        first = True
        names = counter.graphs or [graph.value for graph in store.data_graphs()]
        digests = store.report_literals(KG.graphDigest)
        graphs = [(name, digests[name]) for name in names]
        for path in write_union_parts(_kept_texts, (str(store.path), graphs), bounds, write_part, Path(folder),
                                      on_text=counter.add):
            with path.open("rb") as part:
                head = part.read(_HEAD_BYTES)
                if not head:
                    continue
                output.write(head if first or fmt != "turtle" else _without_prefixes(head))
                first = False
                _append(part, output)


def _kept_texts(folder: str, graphs: list[tuple[str, str]]) -> Iterator[tuple[bytes, bytes]]:
    """In a worker: the (line end, sorted N-Quads text) of each (graph, digest) of ``graphs``,
    read from the texts kept in store ``folder`` (without opening the store itself)."""
    from kg.store.texts import GraphTexts

    texts = GraphTexts(Path(folder), writable=False)
    try:
        for graph, digest in graphs:
            text = texts.nquads(graph, digest)
            if text is None:
                raise KgError(f"{folder}: the kept text of {graph} went away during the export")
            yield _line_end(ox.NamedNode(graph)), text
    finally:
        texts.close()


def _append(source: BinaryIO, output: BinaryIO) -> None:
    """The rest of file ``source`` written to ``output``: by the kernel when both are files."""
    offset = source.tell()
    try:
        target = output.fileno()
        output.flush()
        while sent := os.sendfile(target, source.fileno(), offset, _SEND_BYTES):
            offset += sent
    except (AttributeError, OSError, io.UnsupportedOperation):  # not a file, or one sendfile cannot write to
        source.seek(offset)
        shutil.copyfileobj(source, output)


def _sample(store: GraphStore, counter: _Counter) -> list[str]:
    """Graphs spread over the ones to write, whose subjects choose the parts' bounds."""
    names = counter.graphs or [graph.value for graph in store.data_graphs() if isinstance(graph, ox.NamedNode)]
    return names[::max(1, len(names) // _SAMPLE_GRAPHS)]


def _line_end(graph: GraphName) -> bytes:
    """What ends each line of ``graph``'s N-Quads text after its triple: the graph and terminator."""
    return END if isinstance(graph, ox.DefaultGraph) else f" {graph}{END.decode()}".encode()


def _write_ntriples(blocks: Iterator[bytes], output: BinaryIO) -> None:
    """A part of the union as N-Triples: its lines as they are."""
    output.writelines(blocks)


def _write_turtle(blocks: Iterator[bytes], output: BinaryIO) -> None:
    """A part of the union as Turtle, serialised a few MB of whole subjects at a time."""
    _write_serialized(_subject_blocks(blocks), "turtle", output, 1)


def _graph_blocks(texts: Iterable[bytes]) -> Iterator[bytes]:
    """Graphs' N-Quads texts joined into blocks of at least :data:`_SERIALIZE_BYTES` (whole graphs each)."""
    block: list[bytes] = []
    size = 0
    for text in texts:
        block.append(text)
        size += len(text)
        if size >= _SERIALIZE_BYTES:
            yield b"".join(block)
            block, size = [], 0
    if block:
        yield b"".join(block)


def _subject_blocks(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """Sorted N-Triples blocks cut again into blocks of at least :data:`_SERIALIZE_BYTES` that end
    where a subject does, so each subject's triples are serialised together."""
    carry = b""
    for block in blocks:
        carry += block
        if len(carry) < _SERIALIZE_BYTES:
            continue
        last = carry.rfind(b"\n", 0, len(carry) - 1) + 1  # the last line's start
        subject = carry[last:carry.index(b" ", last)]
        cut = 0 if carry.startswith(subject + b" ") else carry.find(b"\n" + subject + b" ") + 1
        if cut:
            yield carry[:cut]
            carry = carry[cut:]
    if carry:
        yield carry


def _write_serialized(blocks: Iterable[bytes], fmt: str, output: BinaryIO, jobs: int) -> None:
    """Serialise ``blocks`` as ``fmt`` (in ``jobs`` processes) and write them joined: the prefixes
    once, JSON-LD's top-level array once."""
    first = True
    if fmt == "jsonld":
        output.write(b"[")
    for text in results_in_order(_serialized, ((block, fmt) for block in blocks), jobs):
        if fmt == "jsonld":
            inner = text[1:-1]  # the graphs' objects inside "[…]"
            if inner:
                output.write(inner if first else b"," + inner)
                first = False
        elif text:
            output.write(text if first else _without_prefixes(text))
            first = False
    if fmt == "jsonld":
        output.write(b"]")


def _serialized(block: bytes, fmt: str) -> bytes:
    """One block of N-Triples (for Turtle) or N-Quads as ``fmt``, by Oxigraph's serialiser.

    Parsed leniently (2.3x faster): the text is Oxigraph's own serialisation of stored terms,
    already valid."""
    source = ox.RdfFormat.N_TRIPLES if fmt == "turtle" else ox.RdfFormat.N_QUADS
    quads = ox.parse(block, source, lenient=True)
    if fmt == "jsonld":
        return ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
    target = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.TRIG
    return ox.serialize(quads, format=target, prefixes=_TURTLE_PREFIXES)


def _without_prefixes(text: bytes) -> bytes:
    """Turtle or TriG without the ``@prefix`` lines it opens with."""
    start = 0
    while text.startswith(b"@prefix ", start):
        start = text.index(b"\n", start) + 1
    return text[start:]
