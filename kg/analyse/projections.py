"""NetworkX projections of the property graph that answer policy questions.

Each function takes the one RDF→property-graph mapping
(:func:`kg.graph.property_graph.property_graph`) and returns a small, undirected
``networkx.Graph`` whose nodes are IRIs with ``name`` and ``kind`` attributes:

- :func:`agency_target_place` — who commits to what, where (tripartite);
- :func:`agency_coresponsibility` — which agencies share work (weighted);
- :func:`place_comention` — which places are named together (weighted);
- :func:`report_entity` — which reports name which agencies and places (bipartite).
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING

from kg.analyse.nodes import GraphIndex, agency_role, display_name, index_graph, node_kind

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph.property_graph import PropertyGraph

__all__ = [
    "PROJECTIONS",
    "agency_coresponsibility",
    "agency_target_place",
    "ensure_index",
    "heading",
    "owners",
    "place_comention",
    "report_entity",
]

OWNERSHIP = ("RESPONSIBLE_AGENCY", "SUPPORTING_AGENCY", "DRAFTING_AGENCY")
"""Edge types from a target, item, plan or policy to an agency that owns part of it."""


def ensure_index(graph: PropertyGraph | GraphIndex) -> GraphIndex:
    """An index of ``graph`` (a property graph is indexed; an index is returned as is)."""
    return graph if isinstance(graph, GraphIndex) else index_graph(graph)


def _add_node(g: nx.Graph, index: GraphIndex, uri: str, kind: str | None = None, **attrs: object) -> None:
    if uri not in g:
        node = index.pg.nodes[uri]
        g.add_node(uri, name=display_name(node), kind=kind or node_kind(node) or "", **attrs)


def agency_target_place(pg: PropertyGraph | GraphIndex) -> nx.Graph:
    """Agencies, the targets they own, and the places those targets are about.

    A tripartite graph: ``part`` is ``agency``, ``target`` or ``place``; agency–target
    edges carry ``role`` (``responsible`` or ``supporting``). Targets linked to neither
    an agency nor a place are left out: they say nothing about who or where.
    """
    import networkx as nx

    index = ensure_index(pg)
    g = nx.Graph(name="agency-target-place")
    for target in index.of_label("Target"):
        owners = [(a, "responsible") for a in index.targets(target, "RESPONSIBLE_AGENCY")]
        owners += [(a, "supporting") for a in index.targets(target, "SUPPORTING_AGENCY")]
        places = index.targets(target, "ABOUT_PLACE")
        if not owners and not places:
            continue
        _add_node(g, index, target, part="target")
        for agency, role in owners:
            _add_node(g, index, agency, part="agency")
            g.add_edge(agency, target, role=role)
        for place in places:
            _add_node(g, index, place, part="place")
            g.add_edge(target, place, role="about")
    return g


def owners(index: GraphIndex) -> dict[str, set[str]]:
    """Thing (target, item, plan, policy) -> agencies that own it."""
    owners: dict[str, set[str]] = {}
    for edge_type in OWNERSHIP:
        for thing, agencies in index.out[edge_type].items():
            owners.setdefault(thing, set()).update(agencies)
    return owners


def heading(index: GraphIndex, section: str) -> str:
    """The section one level up (a leaf's parent heading), or ``section`` if it is top-level."""
    parents = [p for p in index.sources(section, "HAS_SECTION") if "Section" in index.pg.nodes[p].labels]
    return parents[0] if parents else section


def agency_coresponsibility(pg: PropertyGraph | GraphIndex) -> nx.Graph:
    """Agencies linked when they share work, weighted by how often.

    Two agencies are linked when they own the same target, list item, plan or policy
    (responsible, supporting or drafting: ``shared``) or own things under the same
    heading (``sections``: a section together with its sibling subsections, so the
    agencies of 3.1.3 and 3.1.4 meet under 3.1). ``weight`` is ``2 * shared + sections``: owning one thing
    together says more than working under one heading. Every agency is a node, with
    ``targets``, ``policies`` and ``owned`` counts, so agencies that work alone show up as
    isolates; ``short`` is the name without the jurisdiction (``生态环境局``).
    """
    import networkx as nx

    index = ensure_index(pg)
    g = nx.Graph(name="agency-coresponsibility")
    owned = owners(index)
    counts: dict[str, Counter[str]] = {a: Counter() for a in index.of_label("Agency")}
    for thing, agencies in owned.items():
        kind = index.kind(thing) or "Thing"
        for agency in agencies:
            counts.setdefault(agency, Counter())[kind] += 1
    for agency, counter in sorted(counts.items()):
        _add_node(g, index, agency, short=agency_role(index, agency), targets=counter["Target"],
                  policies=counter["PolicyDocument"], owned=sum(counter.values()))
    shared: Counter[tuple[str, str]] = Counter()
    by_section: dict[str, set[str]] = {}
    for thing, agencies in owned.items():
        for a, b in combinations(sorted(agencies), 2):
            shared[a, b] += 1
        for section in {heading(index, s) for s in index.section_of(thing)}:
            by_section.setdefault(section, set()).update(agencies)
    together: Counter[tuple[str, str]] = Counter()
    for agencies in by_section.values():
        for a, b in combinations(sorted(agencies), 2):
            together[a, b] += 1
    for a, b in sorted(set(shared) | set(together)):
        g.add_edge(a, b, shared=shared[a, b], sections=together[a, b], weight=2 * shared[a, b] + together[a, b])
    return g


def place_comention(pg: PropertyGraph | GraphIndex) -> nx.Graph:
    """Places linked when one sentence names both; ``weight`` counts such sentences.

    Administrative places that only frame a report (its province, city) are linked as
    often as the text names them, no more: the projection reads sentences, not metadata.
    """
    import networkx as nx

    index = ensure_index(pg)
    g = nx.Graph(name="place-comention")
    places = set(index.of_label("Place"))
    weights: Counter[tuple[str, str]] = Counter()
    mentions: Counter[str] = Counter()
    for sentence in index.of_label("Sentence"):
        named = sorted(set(index.targets(sentence, "MENTIONS")) & places)
        mentions.update(named)
        for pair in combinations(named, 2):
            weights[pair] += 1
    for place in sorted(mentions):
        _add_node(g, index, place, mentions=mentions[place])
    for (a, b), weight in sorted(weights.items()):
        g.add_edge(a, b, weight=weight)
    return g


def report_entity(pg: PropertyGraph | GraphIndex) -> nx.Graph:
    """Reports and the agencies and places they name (bipartite).

    ``bipartite`` is 0 for reports and 1 for entities (the networkx convention);
    ``weight`` is the number of the report's sentences that name the entity (at least 1).
    """
    import networkx as nx

    index = ensure_index(pg)
    g = nx.Graph(name="report-entity")
    reports = index.reports()
    sentences_of: dict[str, Counter[str]] = {r: Counter() for r in reports}
    for sentence in index.of_label("Sentence"):
        for report in index.targets(sentence, "IN_REPORT"):
            if report in sentences_of:
                sentences_of[report].update(index.targets(sentence, "MENTIONS"))
    for report, source in reports.items():
        _add_node(g, index, report, bipartite=0, source=source)
        for entity in sorted(index.targets(report, "MENTIONS")):
            node = index.pg.nodes.get(entity)
            if node is None or not ({"Agency", "Place"} & node.labels):
                continue
            _add_node(g, index, entity, bipartite=1)
            g.add_edge(report, entity, weight=max(1, sentences_of[report][entity]))
    return g


PROJECTIONS = {
    "agency-target-place": agency_target_place,
    "agency-coresponsibility": agency_coresponsibility,
    "place-comention": place_comention,
    "report-entity": report_entity,
}
"""Every projection by name, in the order the docs present them."""
