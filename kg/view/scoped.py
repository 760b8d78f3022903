"""A planner's entry points: one report's structure, one body's work, one place's commitments.

Each entry point is one SPARQL query scoped by what the planner names (the report's graph
bound as ``?g``, or the matched agencies or places as ``VALUES``), never a pass over the
whole store; the rows give a tree (the view's skeleton: :attr:`ViewGraph.children`) that
:mod:`kg.view.layout` draws left to right, and the chosen nodes are then projected as every
view's are (:func:`kg.view.select.project`).

- :func:`select_report`: report → its sections (``kg:hasSection``) → what each section
  states (targets, plans, policy documents: ``prov:wasDerivedFrom`` a sentence ``kg:inSection``
  it) and what it names first (agencies, organisations, places: ``kg:mentions``). Sections
  two levels down fold their subtree into a cluster, a top-level section folds its own
  items, so the page opens on the skeleton.
- :func:`select_agency`: agency → the reports that name it, by year → what it owns there
  (``kg:responsibleAgency``, ``kg:supportingAgency``, ``kg:draftingAgency``) or what a
  sentence naming it states → the places that is about.
- :func:`select_place`: place → the reports → the commitments about it (``kg:aboutPlace``)
  or stated in a sentence naming it → the agencies responsible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import PROV
from rdflib.namespace import DCTERMS

from kg.analyse.nodes import display_name, find_report, node_kind
from kg.errors import KgError
from kg.graph.property_graph import Node, class_iris, edge_type
from kg.graph.vocab import KG
from kg.view.relations import NAMED_WITH
from kg.view.select import MAX_NODES, StoreLookup, ViewGraph, match_names, parse_types, project, store_reports

__all__ = ["FOLD_ABOVE", "ITEM_TYPES", "select_agency", "select_place", "select_report"]

ITEM_TYPES = ("Target", "Plan", "PolicyDocument")
"""What a section states (derived from its sentences) rather than names."""

ROWS = 30
"""An agency or place view opens with about this many rows: its biggest reports fold their
items (a click unfolds them) until the rest fit."""

FOLD_ABOVE = 60
"""A report view folds its sections when it draws more nodes than this (about a screenful of labels)."""

_OWNS = (KG.responsibleAgency, KG.supportingAgency, KG.draftingAgency)
_HIDDEN_IN_STRUCTURE = {"IN_REPORT", "MENTIONS", "IN_SECTION", "WAS_DERIVED_FROM", "WITHIN", "JURISDICTION"}
"""Stored edges a report view does not draw: its skeleton says them (a node's section), or
they join everything to the jurisdiction; tooltips still name them."""


def _values(uris: Iterable[str]) -> str:
    """A SPARQL ``VALUES`` body of IRIs, each written by pyoxigraph (which checks it is an IRI)."""
    import pyoxigraph as ox

    return " ".join(str(ox.NamedNode(u)) for u in sorted(set(uris)))


def _sorted_children(children: dict[str, list[str]], key: Any) -> dict[str, list[str]]:
    return {parent: sorted(dict.fromkeys(kids), key=key) for parent, kids in children.items()}


def select_report(store: Any, report: str, *, types: Iterable[str] | None = None,
                  max_nodes: int = MAX_NODES, fold_above: int = FOLD_ABOVE) -> ViewGraph:
    """One report as its section tree, with what each section states and names (see the module docstring).

    ``types`` narrows the items and the named things (sections are the skeleton and always
    drawn); a view of more than ``fold_above`` nodes opens folded. Raises :class:`KgError`
    for an unknown report or type.
    """
    import pyoxigraph as ox

    wanted = parse_types(types)
    reports = store_reports(store)
    graph = find_report(reports, report)
    lookup = StoreLookup(store, wanted | {"Section", "Report"}, graph)
    bind = {ox.Variable("g"): ox.NamedNode(graph)}
    rows = store.ox.query(f"""SELECT ?g ?parent ?child ?start WHERE {{ GRAPH ?g {{
        ?parent <{KG.hasSection}> ?child . OPTIONAL {{ ?child <{KG.startOffset}> ?start }} }} }}""", substitutions=bind)
    parents: dict[str, str] = {}
    start: dict[str, int] = {}
    for row in rows:
        parents.setdefault(row["child"].value, row["parent"].value)
        start[row["child"].value] = int(row["start"].value) if row["start"] is not None else 0
    said = store.ox.query(f"""SELECT ?g ?x ?how ?section ?start WHERE {{ GRAPH ?g {{
        {{ ?x <{PROV.wasDerivedFrom}> ?sentence BIND("item" AS ?how) }}
        UNION {{ ?sentence <{KG.mentions}> ?x ; a <{KG.Sentence}> BIND("named" AS ?how) }}
        OPTIONAL {{ ?sentence <{KG.inSection}> ?section }} OPTIONAL {{ ?sentence <{KG.startOffset}> ?start }} }} }}""",
                          substitutions=bind)
    first: dict[str, tuple[int, str, str]] = {}
    for row in said:
        uri = row["x"].value
        at = int(row["start"].value) if row["start"] is not None else 0
        section = row["section"].value if row["section"] is not None else graph
        if uri not in first or (at, section) < first[uri][:2]:
            first[uri] = (at, section, row["how"].value)
    sections = [s for s in parents if "Section" in lookup.labels(s)]
    depth: dict[str, int] = {}
    for s in sections:
        chain, up = 0, s
        while up in parents and chain <= len(parents):
            up, chain = parents[up], chain + 1
        depth[s] = chain
    children: dict[str, list[str]] = defaultdict(list)
    for s in sections:
        children[parents[s]].append(s)
    heads = [u for p in (KG.issuer, KG.jurisdiction) for q in store.ox.quads_for_pattern(
        ox.NamedNode(graph), ox.NamedNode(str(p)), None, ox.NamedNode(graph)) if type(q.object) is ox.NamedNode
        for u in [q.object.value] if lookup.shown(u)]
    items = sorted((at, uri, section, how) for uri, (at, section, how) in first.items()
                   if uri not in heads and lookup.shown(uri) and not lookup.labels(uri) & {"Section", "Sentence"}
                   and (how == "item") == bool(lookup.labels(uri) & set(ITEM_TYPES)))
    notes = [f"report {reports[graph]}: {len(sections)} sections"]
    budget = max(0, max_nodes - 1 - len(sections) - len(heads))
    if len(items) > budget:
        notes.append(f"showing {budget} of {len(items)} items (the first in the text); left out {len(items) - budget}")
        items = items[:budget]
    edges: set[tuple[str, str, str]] = set()
    for _, uri, section, how in items:
        holder = section if section in depth or section == graph else graph
        children[holder].append(uri)
        edges.add((uri, "IN_SECTION", holder) if how == "item" else (holder, "MENTIONS", uri))
    order = {uri: (at, uri) for at, uri, _, _ in items} | {s: (start.get(s, 0), s) for s in sections}
    tree = _sorted_children(dict(children), key=lambda u: ("Section" in lookup.labels(u), order.get(u, (0, u))))
    tree[graph] = heads + [c for c in tree.get(graph, []) if c not in heads]
    clusters: dict[str, list[str]] = {}
    for s in sections if 1 + len(heads) + len(sections) + len(items) > fold_above else ():
        if depth[s] == 2:
            members, stack = [], list(tree.get(s, []))
            while stack:
                member = stack.pop(0)
                members.append(member)
                stack.extend(tree.get(member, []))
            if members:
                clusters[s] = members
        elif depth[s] == 1:
            own = [c for c in tree.get(s, []) if c not in depth]
            if own:
                clusters[s] = own
    nodes = [graph, *heads, *sections, *(uri for _, uri, _, _ in items)]
    view = project(store, lookup, sorted(set(nodes)), reports=reports, focus=[graph], notes=notes)
    view.edges = sorted({e for e in view.edges if e[1] not in _HIDDEN_IN_STRUCTURE} | edges)
    view.children, view.clusters, view.table = tree, clusters, True
    return view


def _by_year(index: Any, uri: str) -> tuple[str, str]:
    node = index.pg.nodes.get(uri) or Node(uri)
    year = str(node.props.get("planYear") or node.props.get("date") or "")
    return year[:4], display_name(node)


def _entry(store: Any, text: str, kinds: set[str], what: str) -> tuple[StoreLookup, list[str]]:
    lookup = StoreLookup(store, kinds, None)
    found = match_names(lookup, text)
    if not found:
        raise KgError(f"no {what} named like {text!r} in the store")
    return lookup, found


def _scoped_view(store: Any, lookup: StoreLookup, roots: list[str], rows: Iterable[Any], *, types: Iterable[str] | None,
                 reports: Mapping[str, str] | None, max_nodes: int, leaf_edge: str, text: str,
                 what: str) -> ViewGraph:
    """The tree root → report → item → leaf from rows of (root, graph, item, relation, leaf)."""
    wanted = parse_types(types)
    all_reports = store_reports(store)
    allowed = set(reports) if reports is not None else set(all_reports)
    found: dict[tuple[str, str, str], str] = {}
    leaves: set[tuple[str, str, str]] = set()
    for row in rows:
        graph = row["g"].value
        if graph not in allowed:
            continue
        key = (row["root"].value, graph, row["x"].value)
        rel = NAMED_WITH if row["p"].value == str(KG.mentions) else edge_type(row["p"].value)
        if key not in found or found[key] == NAMED_WITH:
            found[key] = rel
        if row["leaf"] is not None:
            leaves.add((row["x"].value, graph, row["leaf"].value))
    shown = {x for _, _, x in found if lookup.labels(x) & wanted & set(ITEM_TYPES)}
    matched = len(roots)
    roots, found = _busiest_roots(store, roots, found, shown, all_reports, max_nodes)
    items = sorted({x for _, _, x in found if x in shown})
    item_set = set(items)
    graphs = sorted({g for _, g, x in found if x in item_set})
    leaf_nodes = sorted({leaf for x, _, leaf in leaves if x in item_set and lookup.labels(leaf) & wanted} - set(roots))
    notes = [f"{what} {text!r}: {matched} matched, {len(graphs)} reports, {len(items)} items"]
    if len(roots) < matched:
        notes.append(f"showing the {len(roots)} with most items (name one in full to see it alone)")
    budget = max(0, max_nodes - len(roots) - len(graphs))
    if len(items) + len(leaf_nodes) > budget:
        left = len(items) + len(leaf_nodes) - budget
        items = items[:budget]
        item_set = set(items)
        leaf_nodes = leaf_nodes[: max(0, budget - len(items))]
        notes.append(f"showing {budget} of {budget + left} items and leaves; left out {left}")
    nodes = sorted(set(roots) | set(graphs) | item_set | set(leaf_nodes))
    view = project(store, lookup, nodes, reports=all_reports, focus=roots, notes=notes)
    index = view.index
    edges = {e for e in view.edges if e[1] not in ("IN_REPORT", "MENTIONS", "WAS_DERIVED_FROM")}
    children: dict[str, list[str]] = defaultdict(list)
    placed: set[str] = set(roots)
    for root in roots:
        # by year and name, then IRI: many reports share a title, and a tie left to a set's order moved the page
        for graph in sorted({g for r, g, x in found if r == root and x in item_set},
                            key=lambda g: (*_by_year(index, g), g)):
            edges.add((graph, "MENTIONS", root))
            if graph not in placed:
                children[root].append(graph)
                placed.add(graph)
    for (root, graph, x), rel in sorted(found.items()):
        if x not in item_set:
            continue
        edges.add((x, "IN_REPORT", graph))
        edges.add((x, rel, root))
        if x not in placed:
            children[graph].append(x)
            placed.add(x)
    leaf_set = set(leaf_nodes)
    for x, _, leaf in sorted(leaves):
        if x in item_set and leaf in leaf_set:
            edges.add((x, leaf_edge, leaf))
            if leaf not in placed:
                children[x].append(leaf)
                placed.add(leaf)
    tree = _sorted_children(dict(children), key=lambda u: (node_kind(index.pg.nodes.get(u) or Node(u)) or "",
                                                           display_name(index.pg.nodes.get(u) or Node(u)), u))
    for root in roots:
        tree[root] = list(children.get(root, []))  # reports by year, as placed
    subtrees = {g: _subtree(tree, g) for g in graphs}
    rows = sum(max(1, len(m)) for m in subtrees.values())
    clusters: dict[str, list[str]] = {}
    for graph in sorted(graphs, key=lambda g: (-len(subtrees[g]), g)):
        if rows <= ROWS or len(graphs) < 2 or len(subtrees[graph]) < 2:
            break
        clusters[graph] = subtrees[graph]
        rows -= len(subtrees[graph]) - 1
    view.edges = sorted(edges)
    view.children, view.clusters, view.table = tree, {g: m for g, m in clusters.items() if m}, True
    return view


def _busiest_roots(store: Any, roots: list[str], found: dict[tuple[str, str, str], str], shown: set[str],
                   reports: Mapping[str, str], max_nodes: int) -> tuple[list[str], dict[tuple[str, str, str], str]]:
    """The matched bodies or places that fit in ``max_nodes`` with their reports and items, those
    with most items first (a name such as 生态环境局 matches every county's bureau), and
    ``found`` narrowed to them; a single root keeps only its latest reports that fit in half
    the view, so its items always have room."""
    per_root: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for root, graph, x in found:
        if x in shown:
            per_root[root].add((graph, x))
    kept: list[str] = []
    graphs: set[str] = set()
    items: set[str] = set()
    for root in sorted(roots, key=lambda r: (-len(per_root[r]), r)):
        more_graphs = graphs | {g for g, _ in per_root[root]}
        more_items = items | {x for _, x in per_root[root]}
        if kept and (not per_root[root] or len(kept) + 1 + len(more_graphs) + len(more_items) > max_nodes):
            break
        kept.append(root)
        graphs, items = more_graphs, more_items
    if len(graphs) > max_nodes // 2:  # too many reports even for the busiest one: the latest
        graphs = set(sorted(graphs, key=lambda g: (_plan_year(store, g), reports.get(g, ""), g))[-(max_nodes // 2):])
    keep = set(kept)
    return kept, {key: rel for key, rel in found.items() if key[0] in keep and key[1] in graphs}


def _plan_year(store: Any, report: str) -> str:
    """The plan year (else the date) a report's graph states, as text; "" when it states neither."""
    import pyoxigraph as ox

    node, graph = ox.NamedNode(report), ox.NamedNode(report)
    for predicate in (KG.planYear, DCTERMS.date):
        for quad in store.ox.quads_for_pattern(node, ox.NamedNode(str(predicate)), None, graph):
            return quad.object.value[:4]
    return ""


def _subtree(tree: Mapping[str, list[str]], head: str) -> list[str]:
    out, stack = [], list(tree.get(head, []))
    while stack:
        node = stack.pop(0)
        if node not in out:
            out.append(node)
            stack.extend(tree.get(node, []))
    return out


def select_agency(store: Any, name: str, *, types: Iterable[str] | None = None,
                  reports: Mapping[str, str] | None = None, max_nodes: int = MAX_NODES) -> ViewGraph:
    """Everything a body named ``name`` (else containing it) owns, by report and year, and the places it is about.

    ``reports`` (IRI -> file, e.g. from :func:`kg.view.select.reports_where`) narrows the
    reports; ``types`` the items and places shown.
    """
    lookup, roots = _entry(store, name, {"Agency", "Government", "Organization"}, "agency")
    query = f"""SELECT ?root ?g ?x ?p ?leaf WHERE {{
        VALUES ?root {{ {_values(roots)} }}
        {{ GRAPH ?g {{ ?x ?p ?root }} VALUES ?p {{ {_values(str(p) for p in _OWNS)} }} }}
        UNION {{ GRAPH ?g {{ ?sentence <{KG.mentions}> ?root . ?x <{PROV.wasDerivedFrom}> ?sentence }}
                 BIND(<{KG.mentions}> AS ?p) }}
        OPTIONAL {{ GRAPH ?g {{ ?x <{KG.aboutPlace}> ?leaf }} }}
    }}"""
    return _scoped_view(store, lookup, roots, store.ox.query(query), types=types, reports=reports,
                        max_nodes=max_nodes, leaf_edge="ABOUT_PLACE", text=name, what="agency")


def select_place(store: Any, name: str, *, types: Iterable[str] | None = None,
                 reports: Mapping[str, str] | None = None, max_nodes: int = MAX_NODES) -> ViewGraph:
    """Every commitment about the place named ``name`` (else containing it), across reports, and who owns it."""
    lookup, roots = _entry(store, name, {"Place"}, "place")
    classes = _values(class_iris(ITEM_TYPES))
    query = f"""SELECT ?root ?g ?x ?p ?leaf WHERE {{
        VALUES ?root {{ {_values(roots)} }}
        {{ GRAPH ?g {{ ?x <{KG.aboutPlace}> ?root }} BIND(<{KG.aboutPlace}> AS ?p) }}
        UNION {{ GRAPH ?g {{ ?sentence <{KG.mentions}> ?root . ?x <{PROV.wasDerivedFrom}> ?sentence }}
                 BIND(<{KG.mentions}> AS ?p) }}
        GRAPH ?g {{ ?x a ?class }} VALUES ?class {{ {classes} }}
        OPTIONAL {{ GRAPH ?g {{ ?x <{KG.responsibleAgency}> ?leaf }} }}
    }}"""
    return _scoped_view(store, lookup, roots, store.ox.query(query), types=types, reports=reports,
                        max_nodes=max_nodes, leaf_edge="RESPONSIBLE_AGENCY", text=name, what="place")
