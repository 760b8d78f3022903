"""The union of graphs' sorted N-Quads texts: each distinct triple once, sorted, as N-Triples.

N-Triples and Turtle hold the union of the report graphs, and several graphs state the same
triple (an agency, a place), so the lines are sorted in runs of :data:`RUN_LINES` that spill
to temporary files, and the runs merged with duplicates dropped: an external sort, with
memory flat in the store's size.

With several processes (:func:`write_union_parts`), each one reads every graph's text, keeps
the triples of one range of subjects (cut from the sorted text by binary search) and writes
its part; the parts, concatenated in order, are the whole union sorted, each subject's
triples in one part.
"""

from __future__ import annotations

import bisect
import itertools
import multiprocessing
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import KgError
from kg.workers import die_with_parent

__all__ = ["RUN_LINES", "Union", "line_cut", "subject_bounds", "write_union_parts"]

RUN_LINES = 500_000
"""Lines sorted in memory at once before a run spills to disk (~100 MB); shared out between
the processes of :func:`write_union_parts`, so memory stays the same for any number."""

BLOCK_LINES = 20_000
"""Lines of the union joined into one block of text (to write, or to hand to a parser)."""

END = b" .\n"
"""The terminator of an N-Triples line."""

WritePart = Callable[[Iterator[bytes], BinaryIO], None]
"""Writes the blocks of one part of the union (sorted N-Triples lines) to a binary file."""

Source = Callable[..., Iterable[tuple[bytes, bytes]]]
"""Yields the texts of a union: (line end, sorted N-Quads text) pairs, the same in every process."""


class Union:
    """The distinct triples of graphs' sorted N-Quads texts, added one text at a time: sorted in
    runs of ``run_lines`` (default :data:`RUN_LINES`) that spill to files in ``folder``, then merged."""

    def __init__(self, folder: Path, run_lines: int | None = None) -> None:
        self.folder = folder
        self.run_lines = RUN_LINES if run_lines is None else run_lines
        self.runs: list[Path] = []
        self.run: list[bytes] = []

    def add(self, end: bytes, text: bytes) -> int:
        """Take the triples of ``text``, whose lines each end in ``end`` (the graph and the
        terminator); return how many."""
        triples = text.split(end)  # the lines' triples, without graph or terminator
        triples.pop()  # after the last line
        self.run.extend(triples)
        if len(self.run) >= self.run_lines:
            self._spill()
        return len(triples)

    def blocks(self) -> Iterator[bytes]:
        """The distinct triples taken, sorted, as blocks of N-Triples lines."""
        if not self.runs:
            yield from _lines_text(_distinct_sorted(self.run))
            return
        if self.run:
            self._spill()
        files = [path.open("rb") for path in self.runs]
        try:
            last = b""
            for block in _merged_blocks(files):
                distinct = [line for line, _ in itertools.groupby(block)]
                yield b"".join(distinct[1:] if distinct[0] == last else distinct)
                last = distinct[-1]
        finally:
            for f in files:
                f.close()

    def _spill(self) -> None:
        """Write the run's distinct triples sorted, as N-Triples lines, to the next run file.

        A triple sorts among triples as its line does among lines: the space starting the
        terminator is below any character that could continue a term."""
        path = self.folder / f"run-{len(self.runs)}.nt"
        with path.open("wb") as f:
            f.writelines(_lines_text(_distinct_sorted(self.run)))
        self.runs.append(path)
        self.run = []


def subject_bounds(texts: Iterable[bytes], parts: int) -> list[bytes]:
    """At most ``parts`` - 1 keys that cut sorted lines into ``parts`` ranges of about as many
    lines as the sample ``texts`` hold, each key a subject and a space, so that a subject's lines
    all fall in one range (a line is in the range its key opens when it sorts at or above it)."""
    subjects: Counter[bytes] = Counter()
    for text in texts:
        subjects.update(line[:line.find(b" ")] for line in text.splitlines())
    total = sum(subjects.values())
    bounds: list[bytes] = []
    seen = 0
    for subject in sorted(subjects):
        if seen >= total * (len(bounds) + 1) / parts and len(bounds) < parts - 1:
            bounds.append(subject + b" ")
        seen += subjects[subject]
    return bounds


def line_cut(text: bytes, bound: bytes) -> int:
    """The offset of the first line of ``text`` (sorted lines, each ending in a newline) that
    sorts at or above ``bound`` (``len(text)`` when none does), by binary search."""
    low, high = 0, len(text)  # lines starting before low sort below bound; the one at high does not
    while low < high:
        middle = (low + high) // 2
        start = text.rfind(b"\n", 0, middle) + 1
        if text[start:start + len(bound)] < bound:  # a line sorts as its first len(bound) bytes do
            low = text.index(b"\n", middle) + 1
        else:
            high = start
    return low


def write_union_parts(source: Source, args: tuple[Any, ...], bounds: list[bytes], write_part: WritePart,
                      folder: Path, on_text: Callable[[int], None] | None = None) -> list[Path]:
    """Write the union of the texts ``source(*args)`` yields ((line end, sorted N-Quads text)
    pairs) in ``len(bounds)`` + 1 worker processes, one range of ``bounds`` each: each worker
    reads every text itself, keeps its range (cut by :func:`line_cut`) and writes that part by
    ``write_part`` to its own file in ``folder``; the files, in order. ``source`` and
    ``write_part`` are module-level functions; ``on_text`` is called with the lines of each
    text as the first worker reads it (for progress).

    Raises :class:`~kg.errors.KgError` with a worker's reason when one fails."""
    context = multiprocessing.get_context()
    ranges = list(zip([b"", *bounds], [*bounds, None], strict=True))
    paths = [folder / f"part-{i}" for i in range(len(ranges))]
    connections, workers = [], []
    for i, ((low, high), path) in enumerate(zip(ranges, paths, strict=True)):
        ours, theirs = context.Pipe(duplex=False)
        worker = context.Process(target=_union_part, daemon=True,
                                 args=(theirs, os.getpid(), source, args, low, high, write_part, path,
                                       max(1, RUN_LINES // len(ranges)), i == 0))
        worker.start()
        theirs.close()
        connections.append(ours)
        workers.append(worker)
    try:
        errors = []
        for connection in connections:
            while (said := _worker_word(connection)).startswith(_LINES):
                if on_text is not None:
                    on_text(int(said[len(_LINES):]))
            errors.append(said)
        for worker in workers:
            worker.join()
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.kill()
                worker.join()
        for connection in connections:
            connection.close()
    if failed := next((error for error in errors if error), None):
        raise KgError(f"an export worker failed: {failed}")
    return paths


_LINES = "lines "
"""What the first worker says before the number of lines of each text it has read."""


def _worker_word(connection: multiprocessing.connection.Connection) -> str:
    """The next thing a worker says: lines read, an empty word once its part is written, or its error."""
    try:
        return connection.recv_bytes().decode("utf-8", "replace")
    except (EOFError, OSError):
        return "it stopped without a word"


def _union_part(connection: multiprocessing.connection.Connection, parent: int, source: Source,
                args: tuple[Any, ...], low: bytes, high: bytes | None, write_part: WritePart, path: Path,
                run_lines: int, reports: bool) -> None:
    """A worker of :func:`write_union_parts`: the union of the lines from ``low`` up to (not
    including) ``high`` of every text, written as its part; it says how many lines each text
    had when it ``reports``, then an empty word, or its error."""
    die_with_parent(parent)
    try:
        with tempfile.TemporaryDirectory(dir=path.parent) as folder:
            union = Union(Path(folder), run_lines)
            for end, text in source(*args):
                start = line_cut(text, low) if low else 0
                stop = len(text) if high is None else line_cut(text, high)
                if stop > start:
                    union.add(end, text[start:stop])
                if reports:
                    connection.send_bytes(_LINES.encode() + str(text.count(b"\n")).encode())
            with path.open("wb") as out:
                write_part(union.blocks(), out)
        connection.send_bytes(b"")
    except Exception as error:  # handed to the parent, which fails with it
        connection.send_bytes(f"{type(error).__name__}: {error}".encode())
    finally:
        connection.close()


def _merged_blocks(runs: list[BinaryIO]) -> Iterator[list[bytes]]:
    """The lines of sorted ``runs`` (files of distinct lines), merged into sorted blocks.

    A k-way merge a block at a time, so that C does the work (heapq.merge costs ~1.5 µs a
    line in Python): each run's next lines are read in, and every line up to the smallest of
    their last lines goes out, sorted together. Any line still to come is above that bound,
    since the run that holds the bound has handed out all its lines up to it, and the other
    runs' next lines are above their own last lines read, which are above it. The runs read
    in about one block together, so memory stays at a block's."""
    ahead = max(1, BLOCK_LINES // len(runs))
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


def _distinct_sorted(triples: list[bytes]) -> list[bytes]:
    """``triples`` sorted, each once. Sorted in place first: they are runs of each graph's
    sorted lines, which Python's sort merges in linear time."""
    triples.sort()
    return [triple for triple, _ in itertools.groupby(triples)]


def _lines_text(triples: list[bytes]) -> Iterator[bytes]:
    """N-Triples lines of ``triples`` (without terminators), a block at a time."""
    for start in range(0, len(triples), BLOCK_LINES):
        yield END.join(triples[start:start + BLOCK_LINES]) + END
