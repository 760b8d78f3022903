"""Each report graph's N-Quads text, kept beside the store so whole graphs read back fast.

Oxigraph reads a graph back at ~16 µs of CPU a quad, since every term of every quad is
one RocksDB lookup: an export of 14 M quads took four minutes of CPU on that alone. So
the writer also keeps each report graph as text: its quads as N-Quads lines, sorted,
compressed by Zstandard (~20:1) in an SQLite file in the store folder (:data:`TEXTS_FILE`),
and whole-graph readers (:meth:`kg.store.GraphStore.sorted_nquads`) take it from there at
twenty times the speed.

A text is kept only once it *proves* to be the graph: it must hash to the ``kg:graphDigest``
it states, by the digest's own rule (SHA-256 of the sorted N-Triples lines, each ending in
a newline, with the digest's value emptied; :func:`kg.graph.build.graph_digest`). It is
used only while the stored graph states that same digest. So it can never serve a stale
graph: one replaced by ``kg load`` or by an older kg, or rebuilt, states another digest
and is read from the store instead (and then kept again). A graph changed by a SPARQL
update must have its digest rewritten or dropped, as ``kg sync`` requires too
(:mod:`kg.sync.state`). Zstandard's checksum catches a damaged text. Losing or deleting
the file loses nothing but speed.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

import zstandard

from kg.graph.vocab import KG

__all__ = ["TEXTS_FILE", "GraphTexts", "nquads_text", "proves_digest", "sorted_text", "stated_digest"]

TEXTS_FILE = "kg-graph-texts.sqlite"
"""The file in the store folder that keeps the report graphs' texts."""

_FORMAT = 1
"""The file's format (SQLite ``user_version``); a file of another one is emptied by the next writer."""

_LEVEL = 3
"""Zstandard's default level: ~20:1 on these texts at ~500 MB/s; decompressing runs at ~1 GB/s."""

_SCHEMA = "CREATE TABLE IF NOT EXISTS graph_text (graph TEXT PRIMARY KEY, digest TEXT NOT NULL, text BLOB NOT NULL)"


def sorted_text(ntriples: str | bytes) -> bytes:
    """N-Triples text with its lines sorted (as UTF-8 bytes, i.e. by code point), each ending in a newline."""
    data = ntriples.encode("utf-8") if isinstance(ntriples, str) else ntriples
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    lines.sort()  # one pass over text kg built: its lines come sorted (kg.graph.build.ReportTriples)
    return b"\n".join(lines) + b"\n" if lines else b""


def _proven(graph: str, ntriples: str | bytes) -> tuple[str, bytes] | None:
    """The digest the graph's text states and the text, sorted, if it proves that digest.

    A text that proves it as given is sorted already (the digest hashes the sorted lines) and
    is kept as it is: ``kg build`` hands its texts out sorted, and splitting, sorting and
    re-joining every line again cost ~0.15 CPU-s per 100 reports. Any other is sorted and tried again.
    """
    data = ntriples.encode("utf-8") if isinstance(ntriples, str) else ntriples
    digest = stated_digest(graph, data)
    if digest is None:
        return None
    if data.endswith(b"\n") and proves_digest(graph, data, digest):
        return digest, data
    data = sorted_text(data)
    return (digest, data) if proves_digest(graph, data, digest) else None


def nquads_text(graph: object, ntriples: bytes) -> bytes:
    """N-Triples text as N-Quads of the named graph ``graph`` (its N-Triples form, ``<iri>`` or ``_:b``)."""
    # "<s> <p> <o> .\n" -> "<s> <p> <o> <g> .\n": " .\n" ends lines only, since N-Triples
    # escapes every newline inside a literal
    return ntriples.replace(b" .\n", f" {graph} .\n".encode())


def _digest_line(graph: str, digest: str) -> bytes:
    return f'<{graph}> <{KG.graphDigest}> "{digest}" .\n'.encode()


def stated_digest(graph: str, ntriples: bytes) -> str | None:
    """The ``kg:graphDigest`` value the graph's own node states in its N-Triples, if any."""
    start = ntriples.find(_digest_line(graph, "")[:-4])  # up to the value's opening quote
    if start < 0:
        return None
    value = ntriples[start:ntriples.index(b"\n", start)].rsplit(b'"', 2)
    return value[1].decode() if len(value) == 3 else None


def proves_digest(graph: str, ntriples: bytes, digest: str) -> bool:
    """Whether the sorted N-Triples text is the graph stating ``digest`` (the digest's rule holds)."""
    line = _digest_line(graph, digest)
    if line not in ntriples:
        return False
    # the emptied line sorts where the stated one did: they differ only after the graph's
    # one `<graph> kg:graphDigest "` prefix, which no other line of the graph shares
    return hashlib.sha256(ntriples.replace(line, _digest_line(graph, ""), 1)).hexdigest() == digest


class GraphTexts:
    """The kept texts of one store folder. Writes never fail the store's own work: a folder
    that cannot take the file (read-only, full, locked past the timeout) just keeps fewer
    texts, and readers then read from the store."""

    def __init__(self, folder: Path, *, writable: bool) -> None:
        self.path = folder / TEXTS_FILE
        self.writable = writable
        self._lock = threading.Lock()  # the store's loader thread writes too
        self._db: sqlite3.Connection | None = None
        self._tried = False

    def _connection(self) -> sqlite3.Connection | None:
        if not self._tried:
            self._tried = True
            try:
                self._db = self._open()
            except sqlite3.Error:
                self._db = None
        return self._db

    def _open(self) -> sqlite3.Connection | None:
        if not self.writable:
            if not self.path.exists():
                return None
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10, check_same_thread=False)
            return db if db.execute("PRAGMA user_version").fetchone()[0] == _FORMAT else None
        db = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # a lost last commit costs only speed
        if db.execute("PRAGMA user_version").fetchone()[0] != _FORMAT:
            db.execute("DROP TABLE IF EXISTS graph_text")
            db.execute(f"PRAGMA user_version = {_FORMAT}")
        db.execute(_SCHEMA)
        return db

    def nquads(self, graph: str, digest: str) -> bytes | None:
        """The kept N-Quads text of ``graph`` if it was kept for the graph stating ``digest``."""
        with self._lock:
            db = self._connection()
            if db is None:
                return None
            try:
                row = db.execute("SELECT text FROM graph_text WHERE graph = ? AND digest = ?",
                                 (graph, digest)).fetchone()
            except sqlite3.Error:
                return None
        if row is None:
            return None
        try:
            return zstandard.ZstdDecompressor().decompress(row[0])
        except zstandard.ZstdError:  # damaged: its checksum fails
            return None

    def kept(self) -> dict[str, str]:
        """Each graph with a kept text, and the digest it was kept for."""
        with self._lock:
            db = self._connection()
            if db is None:
                return {}
            try:
                return dict(db.execute("SELECT graph, digest FROM graph_text").fetchall())
            except sqlite3.Error:
                return {}

    def keep(self, texts: Iterable[tuple[str, str | bytes]]) -> int:
        """Keep (graph IRI, N-Triples text) pairs that prove the digest they state (sorted, see
        :func:`_proven`), replacing what was kept for those graphs; return how many were kept."""
        compressor = zstandard.ZstdCompressor(level=_LEVEL, write_checksum=True)
        rows = [(graph, proof[0], compressor.compress(nquads_text(f"<{graph}>", proof[1]))) for graph, text in texts
                if (proof := _proven(graph, text)) is not None]
        return self._write("INSERT OR REPLACE INTO graph_text VALUES (?, ?, ?)", rows)

    def forget(self, graphs: Iterable[str]) -> int:
        """Drop the kept texts of ``graphs`` (removed from the store)."""
        return self._write("DELETE FROM graph_text WHERE graph = ?", [(graph,) for graph in graphs])

    def _write(self, statement: str, rows: list[tuple[object, ...]]) -> int:
        if not rows or not self.writable:
            return 0
        with self._lock:
            db = self._connection()
            if db is None:
                return 0
            try:
                with db:  # one transaction
                    db.execute("BEGIN")
                    db.executemany(statement, rows)
            except sqlite3.Error:
                return 0
        return len(rows)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
            self._db, self._tried = None, False
