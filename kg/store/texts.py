"""Each report graph's N-Triples text, kept beside the store so whole graphs read back fast.

Oxigraph reads a graph back at ~16 µs of CPU a quad, since every term of every quad is
one RocksDB lookup: an export of 15 M quads took minutes on that alone. So the writer
also keeps each report graph's text, its lines sorted, compressed (zlib, ~12:1) in an
SQLite file in the store folder (:data:`TEXTS_FILE`), and whole-graph readers
(:meth:`kg.store.GraphStore.sorted_texts`) take it from there at tens of times the speed.

A kept text is only ever used when it *proves* to be the stored graph: it must hash to the
``kg:graphDigest`` the stored graph states, by the digest's own rule (SHA-256 of the
sorted lines, each ending in a newline, with the digest's value emptied; see
:func:`kg.graph.build.graph_digest`). So the file can never serve a stale or foreign
graph: one replaced by ``kg load``, changed by a SPARQL update that rewrote its digest,
or kept by an older version of kg is read from the store instead, and then kept again.
Losing or deleting the file loses nothing but speed.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import zlib
from collections.abc import Iterable
from pathlib import Path

from kg.graph.vocab import KG

__all__ = ["TEXTS_FILE", "GraphTexts", "proves_digest", "sorted_text", "stated_digest"]

TEXTS_FILE = "kg-graph-texts.sqlite"
"""The file in the store folder that keeps the report graphs' texts."""

_LEVEL = 1
"""zlib level: 1 compresses these texts ~12:1 at ~200 MB/s; higher levels gain a few per cent for 3x the time."""

_SCHEMA = "CREATE TABLE IF NOT EXISTS graph_text (graph TEXT PRIMARY KEY, digest TEXT NOT NULL, text BLOB NOT NULL)"


def sorted_text(ntriples: str | bytes) -> bytes:
    """N-Triples text with its lines sorted (as UTF-8 bytes, i.e. by code point), each ending in a newline."""
    data = ntriples.encode("utf-8") if isinstance(ntriples, str) else ntriples
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    lines.sort()
    return b"".join(line + b"\n" for line in lines)


def _digest_line(graph: str, digest: str) -> bytes:
    return f'<{graph}> <{KG.graphDigest}> "{digest}" .\n'.encode()


def stated_digest(graph: str, text: bytes) -> str | None:
    """The ``kg:graphDigest`` value the graph's own node states in its sorted ``text``, if any."""
    start = text.find(_digest_line(graph, "")[:-4])  # up to the value's opening quote
    if start < 0:
        return None
    value = text[start:text.index(b"\n", start)].rsplit(b'"', 2)
    return value[1].decode() if len(value) == 3 else None


def proves_digest(graph: str, text: bytes, digest: str) -> bool:
    """Whether the sorted N-Triples ``text`` is the graph that states ``digest`` (its digest rule holds)."""
    line = _digest_line(graph, digest)
    if line not in text:
        return False
    # the emptied line sorts where the stated one did: they differ only after the graph's
    # one `<graph> kg:graphDigest "` prefix, which no other line of the graph shares
    return hashlib.sha256(text.replace(line, _digest_line(graph, ""), 1)).hexdigest() == digest


class GraphTexts:
    """The kept texts of one store folder. Writes never fail the store's own work: a folder
    that cannot take the file (read-only, full, locked past the timeout) just keeps fewer
    texts, and readers then read from the store."""

    def __init__(self, folder: Path, *, writable: bool) -> None:
        self.path = folder / TEXTS_FILE
        self.writable = writable
        self._lock = threading.Lock()  # the store's loader thread writes too
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                if self.writable:
                    self._db = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
                    self._db.execute("PRAGMA journal_mode=WAL")
                    self._db.execute("PRAGMA synchronous=NORMAL")  # a lost last commit costs only speed
                    self._db.execute(_SCHEMA)
                elif self.path.exists():
                    self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10,
                                               check_same_thread=False)
            except sqlite3.Error:
                self._db, self._broken = None, True
        return self._db

    def text(self, graph: str, digest: str) -> bytes | None:
        """The kept sorted text of ``graph`` if it proves to be the graph stating ``digest``."""
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
            text = zlib.decompress(row[0])
        except zlib.error:
            return None
        return text if proves_digest(graph, text, digest) else None

    def keep(self, texts: Iterable[tuple[str, bytes]]) -> int:
        """Keep (graph IRI, sorted text) pairs, replacing what was kept; texts stating no digest
        are skipped, since they could never be proved. Returns how many were kept."""
        rows = [(graph, digest, zlib.compress(text, _LEVEL)) for graph, text in texts
                if (digest := stated_digest(graph, text)) is not None]
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
                self._db = None
