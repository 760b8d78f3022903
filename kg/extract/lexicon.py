"""Shared dictionaries of the entity extractors: data files, word regexes, division short names.

Data files live in ``kg/extract/data`` and are read by :mod:`kg.data`. Division names
come from :mod:`kg.divisions` (GB/T 2260).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from kg.data import data_rows, data_words
from kg.divisions import Division, all_divisions, by_name, short_name

__all__ = [
    "CJK",
    "CJK_RUN",
    "NameIndex",
    "alternation",
    "division_short_names",
    "is_cjk",
    "rows",
    "word_re",
    "word_set",
    "word_union",
    "words",
]

CJK = "\u4e00-\u9fff"
_PACKAGE = "kg.extract"

CJK_RUN = re.compile(f"[{CJK}]+")
"""A run of CJK ideographs only (``fullmatch`` it: a word the segmenter made of no other characters)."""


def is_cjk(char: str) -> bool:
    """Whether one character is a CJK unified ideograph (the ``CJK`` range)."""
    return "\u4e00" <= char <= "\u9fff"


def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a data file in ``kg/extract/data``."""
    return data_rows(_PACKAGE, name)


def words(name: str) -> tuple[str, ...]:
    """The entries of a one-word-per-line data file in ``kg/extract/data``, in file order."""
    return data_words(_PACKAGE, name)


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of a one-word-per-line data file as a set."""
    return frozenset(words(name))


@cache
def word_union(*names: str) -> frozenset[str]:
    """The entries of several one-word-per-line data files as one set, built once per combination (rules look
    words up in the same few unions for every token)."""
    return frozenset().union(*map(word_set, names))


def alternation(choices: Iterable[str]) -> str:
    """A regex (no capture groups) matching any of ``choices``, the longest first at each position.

    It is written as a trie (甲乙(?:丙|丁)?) rather than a flat longest-first list: ``re``
    then checks a few branches per position instead of every word, and backtracks through
    the matching words in the same order (longer before shorter), so matches are the same.
    """
    trie: dict[str, dict] = {}
    for word in choices:
        if word:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}
    return _trie_pattern(trie) if trie else "(?!)"


def _trie_pattern(node: dict[str, dict]) -> str:
    """The regex of the words below one trie node; optional when a word also ends here.

    Every branch starts with a literal character, so ``re`` can skip, without entering the
    pattern, positions where no word starts.
    """
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return body + "?" if len(body) == 1 else f"(?:{body})?"


class NameIndex:
    """Names of two characters or more, found by set lookups instead of a regex.

    A regex of thousands of names (the GB/T 2260 divisions) takes longer to compile than
    a report takes to build, and ``re`` tries its alternatives one by one at every
    position; here a position is looked at only when its two characters open a name.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(names)
        lengths: dict[str, set[int]] = {}
        for name in self.names:
            if len(name) < 2:
                raise ValueError(f"a name of one character cannot be indexed: {name!r}")
            lengths.setdefault(name[:2], set()).add(len(name))
        self.lengths = {opening: tuple(sorted(sizes, reverse=True)) for opening, sizes in lengths.items()}

    def ends(self, text: str, pos: int) -> list[int]:
        """Ends of the names that start at ``pos``, the longest first."""
        return [
            pos + n
            for n in self.lengths.get(text[pos : pos + 2], ())
            if pos + n <= len(text) and text[pos : pos + n] in self.names
        ]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of names, left to right, the longest at each position, not overlapping.

        The spans ``re.finditer(alternation(names), text)`` gives.
        """
        found: list[tuple[int, int]] = []
        pos, size = 0, len(text)
        while pos < size - 1:
            for n in self.lengths.get(text[pos : pos + 2], ()):
                if pos + n <= size and text[pos : pos + n] in self.names:
                    found.append((pos, pos + n))
                    pos += n
                    break
            else:
                pos += 1
        return found


@cache
def word_re(name: str) -> re.Pattern[str]:
    """A regex matching any entry of a word-list data file, the longest first."""
    return re.compile(alternation(words(name)))


@cache
def division_short_names() -> dict[str, tuple[Division, ...]]:
    """Divisions keyed by short name (某某 → 某某市), excluding common words (data file)."""
    stop = word_set("place_short_stop.txt")
    out: dict[str, list[Division]] = {}
    for d in all_divisions():
        short = short_name(d.name)
        if short and short not in stop and not by_name(short):
            out.setdefault(short, []).append(d)
    return {k: tuple(v) for k, v in out.items()}
