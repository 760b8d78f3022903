"""What two reports share and where they differ: agencies, places and indicators.

Agencies are compared by their name within their government (``生态环境局`` for
``聊城市生态环境局``), so a city's report and a district's report meet on the same kind of
agency even though each agency is a different node; places by name; indicators by the
text the target extractor gave them (``优质学位``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.analyse.nodes import GraphIndex, agency_role, display_name
from kg.analyse.projections import ensure_index

if TYPE_CHECKING:
    from kg.graph.property_graph import PropertyGraph

__all__ = ["KINDS", "Comparison", "KindComparison", "compare_reports", "report_items"]

KINDS = ("agency", "place", "indicator")


@dataclass(frozen=True)
class KindComparison:
    """One kind of item in two reports: in both, only in A, only in B (each sorted)."""

    kind: str
    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]

    @property
    def jaccard(self) -> float:
        """Shared items over all items (0 when neither report has any)."""
        total = len(self.shared) + len(self.only_a) + len(self.only_b)
        return round(len(self.shared) / total, 3) if total else 0.0


@dataclass(frozen=True)
class Comparison:
    """Two reports (by source file) compared kind by kind."""

    report_a: str
    report_b: str
    kinds: tuple[KindComparison, ...] = field(default_factory=tuple)

    def rows(self) -> tuple[list[str], list[list[object]]]:
        """Long form, one row per item: ``kind``, ``in`` (both / only A / only B), ``name``."""
        out: list[list[object]] = []
        for kc in self.kinds:
            for where, items in (("both", kc.shared), ("only A", kc.only_a), ("only B", kc.only_b)):
                out.extend([kc.kind, where, item] for item in items)
        return ["kind", "in", "name"], out

    def summary(self) -> tuple[list[str], list[list[object]]]:
        """One row per kind with counts and the Jaccard overlap."""
        return (["kind", "shared", "only_a", "only_b", "jaccard"],
                [[kc.kind, len(kc.shared), len(kc.only_a), len(kc.only_b), kc.jaccard] for kc in self.kinds])


def report_items(index: GraphIndex, report: str) -> dict[str, set[str]]:
    """The agencies, places and indicators one report (IRI) names."""
    items: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for entity in index.targets(report, "MENTIONS"):
        node = index.pg.nodes[entity]
        if "Agency" in node.labels:
            items["agency"].add(agency_role(index, entity))
        elif "Place" in node.labels:
            items["place"].add(display_name(node))
    for target in index.sources(report, "IN_REPORT"):
        node = index.pg.nodes[target]
        indicator = node.props.get("indicator_zh") or node.props.get("indicator")
        if "Target" in node.labels and indicator:
            items["indicator"].update(indicator if isinstance(indicator, list) else [str(indicator)])
    return items


def compare_reports(pg: PropertyGraph | GraphIndex, report_a: str, report_b: str) -> Comparison:
    """Compare two reports, each given by source file name, path or IRI.

    Raises :class:`kg.errors.KgError` naming the stored reports when one is not found.
    """
    index = ensure_index(pg)
    uri_a, uri_b = index.find_report(report_a), index.find_report(report_b)
    a, b = report_items(index, uri_a), report_items(index, uri_b)
    kinds = tuple(KindComparison(kind, tuple(sorted(a[kind] & b[kind])), tuple(sorted(a[kind] - b[kind])),
                                 tuple(sorted(b[kind] - a[kind]))) for kind in KINDS)
    sources = index.reports()
    return Comparison(sources[uri_a], sources[uri_b], kinds)
