"""The union of sorted graph texts, in one process and in parts (kg/export/union.py)."""

from __future__ import annotations

import bisect
import itertools
import random
from pathlib import Path
from typing import BinaryIO

import pytest

from kg.errors import KgError
from kg.export import union
from kg.export.union import Union, line_cut, subject_bounds, write_union_parts

END = b" <g> .\n"


def graph_texts(seed: int, graphs: int = 12) -> list[bytes]:
    """Sorted N-Quads texts of graph <g> whose triples overlap between graphs (as shared
    entities do), with subjects that are prefixes of one another (_:b1, _:b10)."""
    rng = random.Random(seed)
    subjects = [b"<http://x/a>", b"<http://x/ab>", b"<http://x/b>", b"_:b1", b"_:b10", b"_:b2", b"<http://x/a/1>"]
    texts = []
    for _ in range(graphs):
        lines = {rng.choice(subjects) + b" <http://x/p" + str(rng.randrange(4)).encode() + b"> \""
                 + str(rng.randrange(30)).encode() + b"\"" + END for _ in range(rng.randrange(0, 40))}
        texts.append(b"".join(sorted(lines)))
    return texts


def whole_union(texts: list[bytes], folder: Path, run_lines: int) -> bytes:
    one = Union(folder, run_lines)
    for text in texts:
        one.add(END, text)
    return b"".join(one.blocks())


def write_lines(blocks, output: BinaryIO) -> None:
    output.writelines(blocks)


def fail_to_write(blocks, output: BinaryIO) -> None:
    raise ValueError("the disk is full")


@pytest.mark.parametrize("run_lines", [5, 1_000])
def test_union_is_each_triple_once_sorted(tmp_path, run_lines):
    texts = graph_texts(1)
    expected = sorted({line[:-len(END)] + b" .\n" for text in texts for line in text.splitlines(keepends=True)})
    assert whole_union(texts, tmp_path, run_lines) == b"".join(expected)


def test_line_cut_finds_the_first_line_at_or_above_a_bound():
    lines = sorted({f"<http://x/{i % 37}> <p> \"{i}\" .\n".encode() for i in range(200)})
    text = b"".join(lines)
    for bound in [b"", b"<", b"<http://x/1> ", b"<http://x/19> ", b"<http://x/36> ", b"<http://x/4", b"~"]:
        index = bisect.bisect_left(lines, bound)
        assert line_cut(text, bound) == sum(len(line) for line in lines[:index])
    assert line_cut(b"", b"<a> ") == 0


@pytest.mark.parametrize("parts", [2, 3, 5])
def test_subject_bounds_keep_a_subject_in_one_part_and_share_lines_out(parts):
    texts = graph_texts(2, graphs=40)
    bounds = subject_bounds(texts, parts)
    assert bounds == sorted(bounds) and len(bounds) <= parts - 1
    assert all(bound.endswith(b" ") for bound in bounds)
    for text in texts:
        for line in text.splitlines():
            subject = line[:line.index(b" ")]
            assert bisect.bisect_right(bounds, line) == bisect.bisect_right(bounds, subject + b" ")
    lines = sorted(line for text in texts for line in text.splitlines())
    sizes = [len(range_) for range_ in _ranges(lines, bounds)]
    assert max(sizes) < 0.7 * len(lines)  # shared out, not all in one part


def _ranges(lines, bounds):
    cuts = [0, *(bisect.bisect_left(lines, bound) for bound in bounds), len(lines)]
    return [lines[a:b] for a, b in itertools.pairwise(cuts)]


def texts_of(seed: int, graphs: int = 12):
    """A source for the workers: the (line end, text) pairs of graph_texts."""
    return ((END, text) for text in graph_texts(seed, graphs))


@pytest.mark.parametrize("parts", [2, 3])
def test_parts_concatenated_are_the_whole_union(tmp_path, monkeypatch, parts):
    monkeypatch.setattr(union, "RUN_LINES", 12)  # every worker spills
    texts = graph_texts(3)
    bounds = subject_bounds(texts[:3], parts)
    seen: list[int] = []
    paths = write_union_parts(texts_of, (3,), bounds, write_lines, tmp_path, on_text=seen.append)
    assert len(paths) == len(bounds) + 1
    assert b"".join(path.read_bytes() for path in paths) == whole_union(texts, tmp_path, 1_000)
    assert seen == [text.count(b"\n") for text in texts]  # each text's lines, once


def test_a_worker_that_fails_fails_the_union_with_its_reason(tmp_path):
    with pytest.raises(KgError, match="ValueError: the disk is full"):
        write_union_parts(texts_of, (4,), subject_bounds(graph_texts(4), 2), fail_to_write, tmp_path)


def broken_source(seed: int):
    yield END, graph_texts(seed)[0]
    raise OSError("the store went away")


def test_an_error_while_reading_fails_the_union_with_its_reason(tmp_path):
    with pytest.raises(KgError, match="went away"):
        write_union_parts(broken_source, (5,), [b"<http://x/b> "], write_lines, tmp_path)


def test_a_worker_that_stops_while_reading_fails_the_union_with_its_reason(tmp_path, monkeypatch):
    def no_space(self):
        raise OSError("no space left on the device")

    monkeypatch.setattr(union, "RUN_LINES", 2)
    monkeypatch.setattr(Union, "_spill", no_space)
    with pytest.raises(KgError, match="no space left"):
        write_union_parts(texts_of, (6, 400), subject_bounds(graph_texts(6, 400), 2), write_lines, tmp_path)
