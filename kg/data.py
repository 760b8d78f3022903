"""The small data files shipped with kg (word lists, alias tables, patterns), read one way.

Each lives in a ``data`` folder of its package (``kg/extract/data``, ``kg/loaders/data``):
UTF-8 text, one entry a line, cells separated by tabs; lines starting with ``#`` are
comments and blank lines are skipped. Keeping the rules here means every reader agrees
on them (a stray space or a trailing tab means the same everywhere).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["data_rows", "data_words"]


@cache
def data_rows(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``data/<name>`` in ``package``: tab-separated cells, stripped, trailing blanks dropped."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        rows.append(tuple(cells))
    return tuple(rows)


@cache
def data_words(package: str, name: str) -> tuple[str, ...]:
    """The first cell of every row of a data file: the entries of a word list, in file order."""
    return tuple(row[0] for row in data_rows(package, name))
