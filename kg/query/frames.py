"""Query answers as pandas DataFrames, for notebooks (pandas is the optional extra ``kg[pandas]``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from kg.errors import KgError

__all__ = ["query_df"]


def _strings(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str | int) else list(value)


def query_df(query: str, params: Mapping[str, str] | None = None, *, store: Any = None,
             report: str | Iterable[str] | None = None, jurisdiction: str | Iterable[str] | None = None,
             year: int | str | Iterable[int | str] | None = None) -> Any:
    """The answer of a SPARQL query as a pandas DataFrame: numbers as numbers, dates as datetimes.

    ``query`` is a library name (``targets_by_indicator``), a ``.rq`` file or SPARQL text;
    ``params`` are checked against its declared types as ``kg query -p`` does; ``store`` is an
    open :class:`~kg.store.GraphStore` or a store folder (default: ``--store``'s default);
    ``report``, ``jurisdiction`` and ``year`` keep only rows from those sources.

    >>> kg.query_df("targets_by_indicator", {"indicator": "地区生产总值"}, year=2026)  # doctest: +SKIP
    """
    try:
        import pandas as pd
    except ImportError:
        raise KgError("query_df needs pandas: pip install 'kg[pandas]'") from None
    from kg.query.filters import SourceFilter
    from kg.query.library import LIBRARY, QueryFile, load_queries
    from kg.store import GraphStore, open_store

    library = load_queries(LIBRARY) if LIBRARY.is_dir() else {}
    if query in library:
        named = library[query]
    elif query.endswith(".rq") and Path(query).is_file():
        named = QueryFile.read(query)
    else:
        named = QueryFile.parse(query)
    if named.params:
        named.values(params or {})  # a wrong parameter is an error naming this query
    keep = SourceFilter.of(_strings(report), _strings(jurisdiction), [str(y) for y in _strings(year)])
    if isinstance(store, GraphStore):
        columns, rows = _answer(store, named, params or {}, keep)
    else:
        with open_store(store, read_only=True) as opened:
            columns, rows = _answer(opened, named, params or {}, keep)
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns:
        values = frame[column].dropna()
        if len(values) and all(isinstance(v, dt.date) for v in values):
            frame[column] = pd.to_datetime(frame[column])
        elif len(values) and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
            frame[column] = pd.to_numeric(frame[column])
    return frame


def _answer(store: Any, query: Any, params: Mapping[str, str], keep: Any) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows of Python values (Decimals as int or float), streamed from the store as
    ``kg query`` reads them; only of the reports ``keep`` passes, when it is set (the query is
    asked of their graphs only)."""
    from kg.export.flat import report_graphs
    from kg.query.library import answer

    found = answer(store, query.text, params, graphs=report_graphs(store, keep) if keep else None)
    if found.kind != "SELECT":
        raise KgError(f"{query.name}: query_df takes a SELECT query")
    return found.columns, [[_number(v) for v in row] for row in found.rows]


def _number(value: Any) -> Any:
    """A Decimal as int or float (what pandas types as a number); anything else as it is."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
