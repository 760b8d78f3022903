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
- triple formats need each triple once although several graphs state it: the lines are
  sorted in runs of :data:`RUN_LINES` that spill to temporary files, and the runs merged
  with duplicates dropped (an external sort), so N-Triples is sorted as a whole and Turtle
  groups each subject's triples.
"""

from __future__ import annotations

import bisect
import io
import itertools
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.store import GraphStore
from kg.store.store import PREFIXES
from kg.workers import results_in_order

__all__ = ["JSONLD_CONTEXT", "RDF_FORMATS", "RUN_LINES", "export_rdf", "write_rdf"]

RDF_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")

JSONLD_CONTEXT = dict(PREFIXES)
"""The JSON-LD ``@context``: the project's prefixes, for a JSON-LD processor that compacts the
(expanded) document Oxigraph writes."""

RUN_LINES = 500_000
"""Lines sorted in memory at once by the union formats before a run spills to disk (~100 MB)."""

_TURTLE_PREFIXES = {prefix: namespace for prefix, namespace in PREFIXES.items() if prefix != "id"}
"""Prefixes of Turtle and TriG: ``id:`` is left out, since local names such as ``report/…``
would need every ``/`` escaped; node IRIs stay written in full, as readers expect."""

_BLOCK_LINES = 20_000
"""Lines of the union formats joined into one block of text (to write, or to hand to Oxigraph's parser)."""

_SERIALIZE_BYTES = 4_000_000
"""Size of the blocks Turtle, TriG and JSON-LD are serialised in (~17 k lines): large enough
that a worker's start and the prefixes repeated per block cost little."""

_END = b" .\n"
"""The terminator of an N-Triples line."""

OnGraph = Callable[[int], None]
"""Called with the number of quads of each graph once it is written (for progress bars)."""


def write_rdf(store: GraphStore, fmt: str, output: BinaryIO, *, graphs: Sequence[str] | None = None,
              jobs: int = 1, on_graph: OnGraph | None = None) -> int:
    """Write the store's report graphs (or only the named ``graphs``) to ``output`` (binary) as
    ``fmt``; return the quads read.

    ``fmt`` is one of :data:`RDF_FORMATS`; see the module docstring for the order. With
    ``jobs`` > 1, Turtle, TriG and JSON-LD are serialised in that many worker processes, a
    block of whole graphs (or whole subjects) each, and the blocks joined in order: the same
    bytes as with one.
    """
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    counter = _Counter(on_graph, graphs)
    if fmt == "nquads":
        for text in _graph_quad_texts(store, counter):
            output.write(text)
    elif fmt == "ntriples":
        output.writelines(_union_blocks(store, counter))
    elif fmt == "turtle":
        _write_serialized(_subject_blocks(_union_blocks(store, counter)), fmt, output, jobs)
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


def _union_blocks(store: GraphStore, counter: _Counter) -> Iterator[bytes]:
    """The distinct triples of all data graphs as N-Triples text, sorted, a block of lines at a
    time (runs of :data:`RUN_LINES` sorted in memory, spilled to disk and merged)."""
    with tempfile.TemporaryDirectory(prefix="kg-export-") as folder:
        runs: list[Path] = []
        run: list[bytes] = []
        for graph, text in store.sorted_nquads(counter.graphs):
            end = _END if isinstance(graph, ox.DefaultGraph) else f" {graph}{_END.decode()}".encode()
            triples = text.split(end)  # the lines' triples, without graph or terminator (see nquads_text)
            triples.pop()  # after the last line
            counter.add(len(triples))
            run.extend(triples)
            if len(run) >= RUN_LINES:
                runs.append(_spill(run, Path(folder) / f"run-{len(runs)}.nt"))
                run = []
        if not runs:
            yield from _lines_text(_distinct_sorted(run))
            return
        if run:
            runs.append(_spill(run, Path(folder) / f"run-{len(runs)}.nt"))
        files = [path.open("rb") for path in runs]
        try:
            last = b""
            for block in _merged_blocks(files):
                distinct = [line for line, _ in itertools.groupby(block)]
                yield b"".join(distinct[1:] if distinct[0] == last else distinct)
                last = distinct[-1]
        finally:
            for f in files:
                f.close()


def _merged_blocks(runs: list[BinaryIO]) -> Iterator[list[bytes]]:
    """The lines of sorted ``runs`` (files of distinct lines), merged into sorted blocks.

    A k-way merge a block at a time, so that C does the work (heapq.merge costs ~1.5 µs a
    line in Python): each run's next lines are read in, and every line up to the smallest of
    their last lines goes out, sorted together. Any line still to come is above that bound,
    since the run that holds the bound has handed out all its lines up to it, and the other
    runs' next lines are above their own last lines read, which are above it. The runs read
    in about one block together, so memory stays at a block's."""
    ahead = max(1, _BLOCK_LINES // len(runs))
    heads = [list(itertools.islice(run, ahead)) for run in runs]
    while live := [i for i, head in enumerate(heads) if head]:
        bound = min(heads[i][-1] for i in live)
        block: list[bytes] = []
        for i in live:
            cut = bisect.bisect_right(heads[i], bound)
            block.extend(heads[i][:cut])
            del heads[i][:cut]
            if not heads[i]:
                heads[i] = list(itertools.islice(runs[i], ahead))
        block.sort()  # k sorted runs: Python's sort merges them
        yield block


def _spill(triples: list[bytes], path: Path) -> Path:
    """Write the distinct ``triples`` sorted, as N-Triples lines, to ``path``.

    A triple sorts among triples as its line does among lines: the space starting the
    terminator is below any character that could continue a term."""
    with path.open("wb") as f:
        for text in _lines_text(_distinct_sorted(triples)):
            f.write(text)
    return path


def _distinct_sorted(triples: list[bytes]) -> list[bytes]:
    """``triples`` sorted, each once. Sorted in place first: they are runs of each graph's
    sorted lines, which Python's sort merges in linear time."""
    triples.sort()
    return [triple for triple, _ in itertools.groupby(triples)]


def _lines_text(triples: list[bytes]) -> Iterator[bytes]:
    """N-Triples lines of ``triples`` (without terminators), a block at a time."""
    for start in range(0, len(triples), _BLOCK_LINES):
        yield _END.join(triples[start:start + _BLOCK_LINES]) + _END


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
