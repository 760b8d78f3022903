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
    from kg.analyse.track import Figure
    from kg.graph.property_graph import PropertyGraph

__all__ = [
    "KINDS", "TARGET_COLUMNS", "Comparison", "KindComparison", "TargetChange", "compare_reports", "report_items",
    "report_promises", "target_changes", "written_number", "written_target",
]

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


@dataclass(frozen=True)
class TargetChange:
    """One indicator's target in two reports: ``kept``, ``raised``, ``lowered``, ``changed`` (another
    unit or comparator), ``dropped`` (only in A) or ``new`` (only in B), with both targets."""

    indicator: str
    change: str
    a: Figure | None
    b: Figure | None

    def row(self) -> list[object]:
        def cells(f: Figure | None) -> list[object]:
            return [written_target(f), f.sentence if f else None]

        return [self.indicator, self.change, *cells(self.a), *cells(self.b)]


TARGET_COLUMNS = ["indicator", "change", "target_a", "sentence_a", "target_b", "sentence_b"]


def report_promises(index: GraphIndex, report: str) -> dict[str, Figure]:
    """Indicator → the target the plan part of one report (IRI) sets for it, chosen as ``kg track`` chooses."""
    from kg.analyse.track import promise

    source = index.reports().get(report, report)
    rows: dict[str, list[dict[str, object]]] = {}
    for target in index.sources(report, "IN_REPORT"):
        node = index.pg.nodes[target]
        indicator = node.props.get("indicator_zh")
        sentences = index.targets(target, "WAS_DERIVED_FROM")
        if "Target" not in node.labels or not indicator or not sentences or node.props.get("value") is None:
            continue
        sentence = index.pg.nodes[sentences[0]].props
        if sentence.get("part") != "plan":
            continue
        rows.setdefault(str(indicator), []).append({
            "value": node.props["value"], "valueMax": node.props.get("valueMax"), "unit": node.props.get("unit"),
            "comparator": node.props.get("comparator", "="), "role": node.props.get("role"),
            "text": node.props.get("text_zh", ""), "sentence": sentence.get("text_zh", ""),
            "offset": sentence.get("startOffset", 0), "report": source})
    year = index.pg.nodes[report].props.get("planYear")
    year = int(str(year)[:4]) if year else 0
    return {key: figure for key, found in rows.items() if (figure := promise(found, year)) is not None}


def target_changes(pg: PropertyGraph | GraphIndex, report_a: str, report_b: str, *,
                   standard: bool = False) -> list[TargetChange]:
    """How the targets of report B (say 2025) differ from report A's (2024), indicator by indicator.

    Changed targets first (raised, lowered, changed, new, dropped), then the kept ones, each by
    indicator; ``standard`` keeps only the indicators of the standard table (``data/indicators.tsv``).
    """
    from kg.extract.targets import indicator_direction

    index = ensure_index(pg)
    a = report_promises(index, index.find_report(report_a))
    b = report_promises(index, index.find_report(report_b))
    if standard:
        a, b = ({k: v for k, v in x.items() if indicator_direction(k)} for x in (a, b))
    changes = [TargetChange(key, _change(a.get(key), b.get(key)), a.get(key), b.get(key)) for key in a.keys() | b]
    order = {"raised": 0, "lowered": 1, "changed": 2, "new": 3, "dropped": 4, "kept": 5}
    return sorted(changes, key=lambda c: (order[c.change], c.indicator))


def _change(a: Figure | None, b: Figure | None) -> str:
    if a is None or b is None:
        return "new" if a is None else "dropped"
    if a.unit != b.unit or a.comparator != b.comparator:
        return "changed"
    mid_a = (a.value + (a.value_max if a.value_max is not None else a.value)) / 2
    mid_b = (b.value + (b.value_max if b.value_max is not None else b.value)) / 2
    return "kept" if mid_a == mid_b and a.value_max == b.value_max else "raised" if mid_b > mid_a else "lowered"


def written_number(value: float) -> str:
    """A number as Chinese reports write it: 1200万, 4.4万亿 (亿 and 万 for large ones), 5.5."""
    for factor, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(value) >= factor:
            return f"{round(value / factor, 4):g}{word}"
    return f"{round(value, 4):g}"


def written_target(figure: Figure | None) -> str | None:
    """A target as a reader writes it: 5%左右, 1200万人以上 → ``~5 %``, ``>=1200万 人``, ``6-6.5 %``."""
    if figure is None:
        return None
    value = written_number(figure.value)
    if figure.value_max is not None:
        value += f"-{written_number(figure.value_max)}"
    sign = {"=": "", "~": "~", ">=": ">=", "<=": "<="}.get(figure.comparator, figure.comparator)
    return f"{sign}{value} {figure.unit}"
