"""Choose what a view shows: node types, one report, a neighbourhood, a size limit.

A view never tries to draw everything: sentences, sections and list items are left out
unless asked for (a node's tooltip quotes its sentence instead), and a view larger than
``max_nodes`` keeps the best-connected nodes and says what it left out.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.analyse.nodes import GraphIndex, class_names, display_name, names, node_kind
from kg.errors import KgError

__all__ = ["DEFAULT_TYPES", "MAX_NODES", "ViewGraph", "known_types", "select_view"]

DEFAULT_TYPES = ("Report", "Government", "Agency", "Organization", "PolicyDocument", "Plan", "Target", "Place")
"""What a view shows when no ``types`` are given (places by every subtype)."""

MAX_NODES = 1500
"""Nodes a view draws at most: beyond this a browser lays the graph out too slowly to read."""

_NOT_WALKED = {"Report", "Government", "AdministrativeDivision"}
"""Kinds a neighbourhood shows but does not walk through: they join everything to everything
(a report to all it names, a government to all its agencies, a city to all inside it)."""


@dataclass
class ViewGraph:
    """The nodes and edges a view draws, the focus nodes, and what was left out (if anything)."""

    nodes: list[str]
    edges: list[tuple[str, str, str]]
    focus: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        """One line for the page banner and the terminal (empty when nothing to say)."""
        return "; ".join(self.notes)


def known_types() -> list[str]:
    """Class names a view can filter on (the ontology's classes)."""
    return class_names()


def _parse_types(types: Iterable[str] | None) -> set[str]:
    if types is None:
        return set(DEFAULT_TYPES)
    wanted = {t.strip() for t in types if t.strip()}
    known = set(known_types())
    unknown = sorted(wanted - known)
    if unknown:
        raise KgError(f"unknown type(s) {', '.join(unknown)}; choose from {', '.join(sorted(known))}")
    return wanted


def _match(index: GraphIndex, candidates: Iterable[str], text: str) -> list[str]:
    """Nodes named ``text``, else nodes whose name contains it (sorted, shortest name first)."""
    pool = list(candidates)
    exact = [u for u in pool if text in names(index.pg.nodes[u])]
    if exact:
        return sorted(exact)
    partial = [u for u in pool if any(text in n for n in names(index.pg.nodes[u]))]
    return sorted(partial, key=lambda u: (len(names(index.pg.nodes[u])[0]), names(index.pg.nodes[u])[0], u))


def _describe(index: GraphIndex, uris: Iterable[str]) -> str:
    counts = Counter(node_kind(index.pg.nodes[u]) or "?" for u in uris)
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda i: (-i[1], i[0])))


def select_view(index: GraphIndex, *, types: Iterable[str] | None = None, report: str | None = None,
                focus: str | None = None, depth: int = 2, max_nodes: int = MAX_NODES) -> ViewGraph:
    """Pick the nodes and edges to draw.

    ``types`` keeps nodes carrying any of these classes (``Place`` keeps every place,
    ``River`` only rivers); ``report`` (file name or IRI) keeps what that report's graph
    states; ``focus`` keeps the nodes within ``depth`` steps of every node whose name is
    (else contains) the text. Raises :class:`KgError` for unknown types, reports or names.
    """
    if depth < 0:
        raise KgError("depth must be 0 or more")
    if max_nodes < 1:
        raise KgError("max nodes must be at least 1")
    wanted = _parse_types(types)
    graph = index.find_report(report) if report else None
    keep = {uri for uri, node in index.pg.nodes.items()
            if node.labels & wanted and (graph is None or graph in node.graphs)}
    edges = sorted({(e.source, e.type, e.target) for e in index.pg.edges
                    if e.source in keep and e.target in keep and e.source != e.target
                    and (graph is None or e.graph == graph)})
    view = ViewGraph(nodes=[], edges=edges)
    if graph:
        view.notes.append(f"report {index.reports()[graph]}")
    distance: dict[str, int] = {}
    if focus:
        view.focus = _match(index, keep, focus)
        if not view.focus:
            raise KgError(f"no node named like {focus!r} among {', '.join(sorted(wanted))}")
        if len(view.focus) > 1:
            shown = "、".join(display_name(index.pg.nodes[u]) for u in view.focus[:5])
            more = " …" if len(view.focus) > 5 else ""
            view.notes.append(f"focus {focus!r} matched {len(view.focus)} nodes: {shown}{more}")
        neighbours: dict[str, set[str]] = {}
        for source, _, target in edges:
            neighbours.setdefault(source, set()).add(target)
            neighbours.setdefault(target, set()).add(source)
        focus_set = set(view.focus)
        queue = deque(view.focus)
        distance = dict.fromkeys(view.focus, 0)
        while queue:
            uri = queue.popleft()
            walked = uri in focus_set or not index.pg.nodes[uri].labels & _NOT_WALKED
            if distance[uri] >= depth or not walked:
                continue
            for other in sorted(neighbours.get(uri, ())):
                if other not in distance:
                    distance[other] = distance[uri] + 1
                    queue.append(other)
        keep = set(distance)
    degree: Counter[str] = Counter()
    for source, _, target in edges:
        if source in keep and target in keep:
            degree[source] += 1
            degree[target] += 1
    ranked = sorted(keep, key=lambda u: (distance.get(u, 0), -degree[u], u))
    if len(ranked) > max_nodes:
        left_out = ranked[max_nodes:]
        how = "nearest and best-connected" if focus else "best-connected"
        view.notes.append(f"showing {max_nodes} of {len(ranked)} nodes ({how} kept); "
                          f"left out {len(left_out)}: {_describe(index, left_out)}")
        ranked = ranked[:max_nodes]
    view.nodes = sorted(ranked)
    shown = set(ranked)
    view.edges = [e for e in edges if e[0] in shown and e[2] in shown]
    return view
