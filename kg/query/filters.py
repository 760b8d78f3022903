"""Row filters by source: keep the answers of some reports, jurisdictions or years.

Every library query returns ``report``, ``jurisdiction`` and ``year`` columns, so one filter
serves SPARQL and Cypher answers alike, whatever else the query asks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kg.errors import KgError

__all__ = ["SOURCE_COLUMNS", "SourceFilter"]

SOURCE_COLUMNS = ("report", "jurisdiction", "year")
"""The columns every library answer has: where each row comes from."""


@dataclass(frozen=True)
class SourceFilter:
    """Which reports (source file names), jurisdictions (names) and years to keep; empty keeps all."""

    reports: frozenset[str] = frozenset()
    jurisdictions: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()

    @classmethod
    def of(cls, reports: Iterable[str] = (), jurisdictions: Iterable[str] = (),
           years: Iterable[int | str] = ()) -> SourceFilter:
        """A filter from option values; a year that is not four digits is a one-line :class:`KgError`."""
        checked = set()
        for year in years:
            if not str(year).strip().isdigit() or len(str(year).strip()) != 4:
                raise KgError(f"--year {year!r}: give a four-digit year such as 2026")
            checked.add(int(year))
        return cls(frozenset(reports), frozenset(jurisdictions), frozenset(checked))

    def __bool__(self) -> bool:
        return bool(self.reports or self.jurisdictions or self.years)

    def wanted(self) -> dict[str, frozenset]:
        """Column -> accepted values, for the filters that are set."""
        pairs = zip(SOURCE_COLUMNS, (self.reports, self.jurisdictions, self.years), strict=True)
        return {column: values for column, values in pairs if values}

    def keeps(self, report: str | None, jurisdiction: str | None, year: Any) -> bool:
        """Whether a row from this report, jurisdiction and year passes."""
        return ((not self.reports or report in self.reports)
                and (not self.jurisdictions or jurisdiction in self.jurisdictions)
                and (not self.years or _year(year) in self.years))

    def rows(self, name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[Sequence[Any]]:
        """The rows that pass; a one-line :class:`KgError` when the answer of query ``name`` lacks a
        column a set filter needs."""
        wanted = self.wanted()
        missing = [c for c in wanted if c not in columns]
        if missing:
            raise KgError(f"{name}: its answer has no {', '.join(missing)} column, so --{missing[0]} cannot filter "
                          f"it (columns: {', '.join(columns)})")
        index = {c: columns.index(c) for c in SOURCE_COLUMNS if c in columns}
        for row in rows:
            values = {c: row[i] for c, i in index.items()}
            if self.keeps(values.get("report"), values.get("jurisdiction"), values.get("year")):
                yield row


def _year(value: Any) -> int | None:
    """A year cell (an int, a Decimal, the text ``2023``) as an int; None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, int | Decimal | float):
        return int(value)
    text = str(value)
    return int(text) if text.isdigit() else None
