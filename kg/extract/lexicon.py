"""Shared dictionaries of the entity extractors: data files and division short names.

Data files live in ``kg/extract/data``; lines starting with ``#`` are comments. Division
names come from :mod:`kg.divisions` (GB/T 2260).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from kg.divisions import Division, all_divisions, by_name, short_name

__all__ = [
    "CJK",
    "data_lines",
    "data_rows",
    "division_short_names",
    "word_set",
]

CJK = "\u4e00-\u9fff"



def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file in ``kg/extract/data``."""
    text = resources.files("kg.extract").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def data_rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, blank cells dropped."""
    return [[c.strip() for c in ln.split("\t") if c.strip()] for ln in data_lines(name)]


@cache
def word_set(name: str) -> frozenset[str]:
    """The lines of a one-word-per-line data file as a set."""
    return frozenset(ln.strip() for ln in data_lines(name))


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
