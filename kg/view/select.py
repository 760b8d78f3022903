"""Choose what a view shows, in the store: node types, an entry point, a neighbourhood, a size limit.

A view never tries to draw everything: sentences and list items are left out unless asked
for (a node's tooltip quotes its sentence instead), and a view larger than ``max_nodes``
keeps the nodes that matter most and says what it left out.

The store is never read whole. The entry points (a report's structure, an agency, a place)
are one scoped SPARQL query each (:mod:`kg.view.scoped`); a neighbourhood is walked with
pyoxigraph quad patterns; a view of everything ranks what the reports name by how many
reports name it (one aggregate over the statements reports make about themselves, not a
degree count over the whole store, which took 142 s at 5 000 reports); only then are the
chosen nodes projected (:func:`kg.graph.property_graph.describe`; for the view of
everything, whose nodes thousands of reports restate, :func:`merged_description`), with
what their tooltips need (the names of the nodes they point to, a source sentence or two).

Every pattern names its graph (``GRAPH ?g``, or a quad's graph): the union default graph
would repeat a statement once per report graph that makes it. The ontology's graph holds
classes, not data, and is left out.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.analyse.nodes import GraphIndex, class_names, display_name, find_report, index_graph, names, node_kind
from kg.errors import KgError
from kg.graph.property_graph import (
    Edge,
    Node,
    Projection,
    PropertyGraph,
    class_labels,
    describe,
    edge_type,
)
from kg.graph.vocab import GRAPH_ONTOLOGY, KG, REPORT_PARTS
from kg.view.tooltips import RELATIONS, SENTENCES

__all__ = ["CONTEXT_PREDICATES", "DEFAULT_TYPES", "MAX_NODES", "StoreLookup", "ViewGraph", "known_types",
           "match_names", "merged_description", "parse_types", "project", "reports_where", "select_view",
           "store_reports"]

DEFAULT_TYPES = ("Report", "Government", "Agency", "Organization", "PolicyDocument", "Plan", "Target", "Place")
"""What a view shows when no ``types`` are given (places by every subtype)."""

MAX_NODES = 1500
"""Nodes a view draws at most: beyond this a browser lays the graph out too slowly to read."""

_NOT_WALKED = {"Report", "Government", "AdministrativeDivision"}
"""Kinds a neighbourhood shows but does not walk through: they join everything to everything
(a report to all it names, a government to all its agencies, a city to all inside it)."""

_ZH_NAMES = (SKOS.prefLabel, RDFS.label, DCTERMS.title, SKOS.altLabel, KG.mention)
_PLAIN_NAMES = (SKOS.prefLabel, RDFS.label, KG.sourceFile)
"""Predicates of the names a focus matches (:func:`kg.analyse.nodes.names`): Chinese-tagged,
and untagged."""

_DERIVED = "WAS_DERIVED_FROM"


@dataclass
class ViewGraph:
    """The nodes and edges a view draws, the focus nodes, and what was left out (if anything).

    ``index`` holds the drawn nodes as projected from the store, with what their tooltips
    name (related nodes, source sentences) and every report of the store.
    """

    nodes: list[str]
    edges: list[tuple[str, str, str]]
    index: GraphIndex
    focus: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    children: dict[str, list[str]] = field(default_factory=dict)
    """The view's skeleton for a tree layout (parent -> children in order); empty: a forest of the edges."""
    clusters: dict[str, list[str]] = field(default_factory=dict)
    """Node -> the nodes folded into it when the page opens (a click unfolds them)."""
    table: bool = False
    """Whether the page lists the view's targets as a table beside the graph."""

    @property
    def message(self) -> str:
        """One line for the page banner and the terminal (empty when nothing to say)."""
        return "; ".join(self.notes)


def known_types() -> list[str]:
    """Class names a view can filter on (the ontology's classes)."""
    return class_names()


def parse_types(types: Iterable[str] | None) -> set[str]:
    if types is None:
        return set(DEFAULT_TYPES)
    wanted = {t.strip() for t in types if t.strip()}
    known = set(known_types())
    unknown = sorted(wanted - known)
    if unknown:
        raise KgError(f"unknown type(s) {', '.join(unknown)}; choose from {', '.join(sorted(known))}")
    return wanted


def store_reports(store: Any) -> dict[str, str]:
    """Report IRI -> source file name for every report in the store, sorted by file name."""
    import pyoxigraph as ox

    rdf_type, source_file = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.sourceFile))
    found: dict[str, str] = {}
    for quad in store.ox.quads_for_pattern(None, rdf_type, ox.NamedNode(str(KG.Report))):
        uri = quad.subject
        if type(uri) is ox.NamedNode and uri.value not in found and _data(quad):
            files = sorted({q.object.value for q in store.ox.quads_for_pattern(uri, source_file, None) if _data(q)})
            found[uri.value] = files[0] if files else uri.value
    return dict(sorted(found.items(), key=lambda item: item[1]))


def _data(quad: Any) -> bool:
    """Whether a quad is data: stated in a named graph other than the ontology's."""
    import pyoxigraph as ox

    graph = quad.graph_name
    return type(graph) is ox.NamedNode and graph.value != str(GRAPH_ONTOLOGY)


class StoreLookup:
    """Quad-pattern look-ups a selection makes, with each node's labels remembered."""

    def __init__(self, store: Any, wanted: set[str], graph: str | None) -> None:
        import pyoxigraph as ox

        self.store = store
        self.ox = store.ox
        self.wanted = wanted
        self.graph = ox.NamedNode(graph) if graph else None
        self._type = ox.NamedNode(str(RDF.type))
        self._derived = ox.NamedNode(str(PROV.wasDerivedFrom))
        self._text = ox.NamedNode(str(KG.text))
        self._named = ox.NamedNode
        self._labels: dict[str, frozenset[str]] = {}
        self._texts: dict[str, set[str]] = {}
        self._classes: dict[str, frozenset[str]] = {}
        self._edge_types: dict[str, str] = {}

    def _class_labels(self, cls: str) -> frozenset[str]:
        """:func:`kg.graph.property_graph.class_labels`, worked out once per class."""
        labels = self._classes.get(cls)
        if labels is None:
            labels = self._classes[cls] = class_labels(cls)
        return labels

    def labels(self, uri: str) -> frozenset[str]:
        """The node's labels, from its types in every data graph."""
        labels = self._labels.get(uri)
        if labels is None:
            found: set[str] = set()
            for quad in self.ox.quads_for_pattern(self._named(uri), self._type, None):
                if type(quad.object) is self._named and _data(quad):
                    found |= self._class_labels(quad.object.value)
            labels = self._labels[uri] = frozenset(found)
        return labels

    def shown(self, uri: str) -> bool:
        """Whether the node carries a wanted label (stops at the first graph that says so: a
        hub is typed again by every report that names it)."""
        labels = self._labels.get(uri)
        if labels is not None:
            return bool(labels & self.wanted)
        for quad in self.ox.quads_for_pattern(self._named(uri), self._type, None):
            if type(quad.object) is self._named and _data(quad) and self._class_labels(quad.object.value) & self.wanted:
                return True
        return bool(self.labels(uri) & self.wanted)

    def _quads(self, subject: Any, obj: Any) -> Iterator[Any]:
        """Data quads, in the selection's report graph if it has one."""
        if self.graph is not None:
            return self.ox.quads_for_pattern(subject, None, obj, self.graph)
        return (q for q in self.ox.quads_for_pattern(subject, None, obj) if _data(q))

    def _edge(self, quad: Any) -> str | None:
        """The edge type of a quad between two nodes (None for a type, literal or loop)."""
        s, p, o = quad.subject, quad.predicate, quad.object
        if type(s) is not self._named or type(o) is not self._named or s == o or p == self._type:
            return None
        kind = self._edge_types.get(p.value)
        if kind is None:
            kind = self._edge_types[p.value] = edge_type(p.value)
        return kind

    def neighbours(self, uri: str) -> set[str]:
        """Wanted nodes one edge away from ``uri``, either way (a report's sections, sentences and
        list items, and theirs, by the edge derived from the graph: :meth:`report_of`, :meth:`parts_of`)."""
        node = self._named(uri)
        out = {q.object.value for q in self._quads(node, None) if self._edge(q)}
        out |= {q.subject.value for q in self._quads(None, node) if self._edge(q)}
        out |= set(self.report_of(uri)) | set(self.parts_of(uri))
        return {other for other in out if self.shown(other)}

    def edges_among(self, uris: set[str]) -> set[tuple[str, str, str]]:
        """Edges between the nodes of ``uris`` (with the derived ``IN_REPORT`` ones)."""
        edges: set[tuple[str, str, str]] = set()
        for uri in uris:
            for quad in self._quads(self._named(uri), None):
                kind = self._edge(quad)
                if kind and quad.object.value in uris:
                    edges.add((uri, kind, quad.object.value))
            edges.update((uri, "IN_REPORT", report) for report in self.report_of(uri) if report in uris)
        return edges

    def report_of(self, uri: str) -> Iterator[str]:
        """The report of a section, sentence or list item: the graph typing it (in the selection's
        report graph if it has one), as the property graph derives ``kg:inReport``
        (:data:`kg.graph.vocab.REPORT_PARTS`); nothing for other nodes."""
        for quad in self.ox.quads_for_pattern(self._named(uri), self._type, None, self.graph):
            if quad.object.value in REPORT_PARTS and _data(quad) and quad.subject != quad.graph_name:
                yield quad.graph_name.value

    def parts_of(self, uri: str) -> Iterator[str]:
        """The sections, sentences and list items of the report ``uri`` whose kinds are wanted (the
        nodes its graph types so; none unless ``uri`` names a report graph of the selection)."""
        if self.graph is not None and self.graph.value != uri:
            return
        graph = self._named(uri)
        for cls in sorted(REPORT_PARTS):
            if self._class_labels(cls) & self.wanted:
                for quad in self.ox.quads_for_pattern(None, self._type, self._named(cls), graph):
                    yield quad.subject.value

    def states(self, uri: str) -> bool:
        """Whether the report graph names ``uri`` (always true without a report)."""
        if self.graph is None:
            return True
        node = self._named(uri)
        return any(True for _ in self._quads(node, None)) or any(True for _ in self._quads(None, node))

    def named(self, text: str) -> set[str]:
        """Nodes with a name equal to ``text`` (a target's text is its name: the build states no
        ``rdfs:label`` equal to it)."""
        import pyoxigraph as ox

        literals = [(p, ox.Literal(text, language="zh")) for p in _ZH_NAMES]
        literals += [(p, ox.Literal(text)) for p in _PLAIN_NAMES]
        found = {q.subject.value for p, lit in literals for q in self.ox.quads_for_pattern(None, ox.NamedNode(p), lit)
                 if type(q.subject) is self._named and _data(q)}
        target = self._named(str(KG.Target))
        for quad in self.ox.quads_for_pattern(None, self._text, ox.Literal(text, language="zh")):
            if type(quad.subject) is self._named and _data(quad) and any(
                    True for _ in self.ox.quads_for_pattern(quad.subject, self._type, target, quad.graph_name)):
                found.add(quad.subject.value)
        return found

    def named_like(self, text: str) -> set[str]:
        """Nodes with a name containing ``text`` (one SPARQL scan of the name statements; a target's
        text is its name)."""
        import pyoxigraph as ox

        def values(predicates: tuple[Any, ...]) -> str:
            return " ".join(f"<{p}>" for p in predicates)

        query = f"""SELECT DISTINCT ?s ?text WHERE {{
            {{ VALUES ?p {{ {values(_ZH_NAMES)} }} GRAPH ?g {{ ?s ?p ?name }} FILTER(LANG(?name) = "zh") }}
            UNION
            {{ VALUES ?p {{ {values(_PLAIN_NAMES)} }} GRAPH ?g {{ ?s ?p ?name }} FILTER(LANG(?name) = "") }}
            UNION
            {{ GRAPH ?g {{ ?s a <{KG.Target}> ; <{KG.text}> ?name }} FILTER(LANG(?name) = "zh") }}
            FILTER(isIRI(?s) && ?g != <{GRAPH_ONTOLOGY}> && CONTAINS(STR(?name), ?text))
        }}"""  # ?text is bound by the engine (a projected variable), never pasted in
        rows = self.ox.query(query, substitutions={ox.Variable("text"): ox.Literal(text)})
        return {row["s"].value for row in rows}

    def mentioning(self, uri: str, *, limit: int = 4 * SENTENCES) -> list[str]:
        """The first ``limit`` nodes that mention ``uri``, in the store's order (a province is
        named by thousands of sentences: a tooltip quotes two)."""
        import pyoxigraph as ox

        mentions = ox.NamedNode(str(KG.mentions))
        found: list[str] = []
        for quad in self.ox.quads_for_pattern(None, mentions, self._named(uri)):
            if type(quad.subject) is self._named and _data(quad) and quad.subject.value not in found:
                found.append(quad.subject.value)
                if len(found) >= limit:
                    break
        return found

    def derived_from(self, uri: str) -> Iterator[str]:
        """The nodes ``uri`` was derived from (its sentences), each once, in the store's order:
        read only as far as the caller iterates (an agency comes from thousands of sentences)."""
        seen: set[str] = set()
        for quad in self.ox.quads_for_pattern(self._named(uri), self._derived, None):
            if type(quad.object) is self._named and _data(quad) and quad.object.value not in seen:
                seen.add(quad.object.value)
                yield quad.object.value

    def prime(self, uris: Iterable[str]) -> None:
        """Read the types and texts of ``uris`` in one query, for :meth:`labels` and
        :meth:`sentences`: a large view weighs thousands of candidate sentences, and two
        quad scans each cost more than one query for them all."""
        import pyoxigraph as ox

        todo = sorted({u for u in uris if u not in self._texts})
        if not todo:
            return
        types: dict[int, set[str]] = {}
        texts: dict[int, set[str]] = {}
        query = f"""SELECT ?j ?p ?o WHERE {{ VALUES (?s ?j) {{ {_numbered(ox.NamedNode(u) for u in todo)} }}
            GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{GRAPH_ONTOLOGY}> && ?p IN ({self._type}, {self._text})) }}"""
        for row in self.ox.query(query):
            j, predicate, obj = int(row[0].value), row[1], row[2]
            if predicate == self._text:
                texts.setdefault(j, set()).add(obj.value)
            elif type(obj) is self._named:
                types.setdefault(j, set()).add(obj.value)
        for j, uri in enumerate(todo):
            self._texts[uri] = texts.get(j, set())
            if uri not in self._labels:
                self._labels[uri] = frozenset().union(*(self._class_labels(c) for c in types.get(j, ())))

    def sentences(self, candidates: Iterable[str], *, limit: int = SENTENCES) -> list[str]:
        """The first sentences among ``candidates`` that say ``limit`` different things: the
        ones :meth:`kg.analyse.nodes.GraphIndex.sentence_texts` quotes."""
        picked: list[str] = []
        texts: set[str] = set()
        for sentence in candidates:
            if len(texts) >= limit:
                break
            if "Sentence" not in self.labels(sentence):
                continue
            said = self._texts.get(sentence)
            if said is None:
                said = {q.object.value for q in self.ox.quads_for_pattern(self._named(sentence), self._text, None)
                        if _data(q)}
            if said - texts:
                picked.append(sentence)
                texts |= said
        return picked


def _named_by_reports(store: Any, lookup: StoreLookup, graphs: Iterable[str], limit: int
                      ) -> tuple[list[str], Counter[str], int]:
    """The ``limit`` wanted nodes named by the most of ``graphs``' reports (``kg:mentions``,
    ``kg:issuer``, ``kg:jurisdiction`` of the report node in its own graph), how many reports
    name each, and how many things they name.

    This is what a view of everything ranks by, instead of every node's degree over the
    whole store: a few hundred statements per report, read with quad patterns (report and
    graph bound), and the types of the best-ranked candidates only.
    """
    import pyoxigraph as ox

    predicates = [ox.NamedNode(str(p)) for p in (KG.mentions, KG.issuer, KG.jurisdiction)]
    count: Counter[str] = Counter()
    for graph in graphs:
        node = ox.NamedNode(graph)
        named = {q.object.value for p in predicates for q in store.ox.quads_for_pattern(node, p, None, node)
                 if type(q.object) is ox.NamedNode}
        count.update(named)
    chosen: list[str] = []
    for uri, _ in sorted(count.items(), key=lambda item: (-item[1], item[0])):
        if len(chosen) >= limit:
            break
        if lookup.shown(uri):
            chosen.append(uri)
    return chosen, count, len(count)


def _targets_of(store: Any, owners: list[str], graphs: Iterable[str] | None, limit: int) -> list[str]:
    """Up to ``limit`` targets owned by or about the nodes of ``owners`` (one query, stopped at the limit)."""
    import pyoxigraph as ox

    values = " ".join(str(ox.NamedNode(u)) for u in owners)
    query = f"""SELECT ?t ?g WHERE {{ VALUES ?x {{ {values} }}
        VALUES ?p {{ <{KG.responsibleAgency}> <{KG.supportingAgency}> <{KG.aboutPlace}> }}
        GRAPH ?g {{ ?t ?p ?x }} }}"""
    allowed = None if graphs is None else set(graphs)
    found: list[str] = []
    for row in store.ox.query(query):  # in the engine's order; stops once enough are found
        if (allowed is None or row["g"].value in allowed) and row["t"].value not in found:
            found.append(row["t"].value)
            if len(found) >= limit:
                break
    return sorted(found)


RANKED_REPORTS = 250
"""A whole-store view ranks what the latest this many reports name (the rest: --jurisdiction,
--year), so its cost stays that of a few hundred reports at any store size."""


def _report_year(store: Any, report: str) -> str:
    """The report's plan year, else its date ('' when it states neither)."""
    import pyoxigraph as ox

    node = ox.NamedNode(report)
    for predicate in (KG.planYear, DCTERMS.date):
        for quad in store.ox.quads_for_pattern(node, ox.NamedNode(str(predicate)), None, node):
            return quad.object.value[:4]
    return ""


def reports_where(store: Any, *, jurisdiction: str | None = None, year: int | None = None) -> dict[str, str]:
    """Reports (IRI -> file) whose jurisdiction or issuer has a name containing ``jurisdiction``
    and whose plan year (else the year of its date) is ``year``. Raises :class:`KgError` when none is."""
    import pyoxigraph as ox

    reports = store_reports(store)
    chosen: dict[str, str] = {}
    for uri, source in reports.items():
        node, graph = ox.NamedNode(uri), ox.NamedNode(uri)
        if jurisdiction:
            places = [q.object for p in (KG.jurisdiction, KG.issuer)
                      for q in store.ox.quads_for_pattern(node, ox.NamedNode(str(p)), None, graph)]
            said = [q.object.value for place in places if type(place) is ox.NamedNode
                    for p in (*_ZH_NAMES, *_PLAIN_NAMES)
                    for q in store.ox.quads_for_pattern(place, ox.NamedNode(str(p)), None)]
            if not any(jurisdiction in name for name in said):
                continue
        if year is not None and _report_year(store, uri) != f"{year:04d}":
            continue
        chosen[uri] = source
    if not chosen:
        asked = " and ".join(x for x in (f"jurisdiction {jurisdiction!r}" if jurisdiction else "",
                                          f"year {year}" if year is not None else "") if x)
        raise KgError(f"no report in the store matches {asked}")
    return chosen


def match_names(lookup: StoreLookup, text: str) -> list[str]:
    """Wanted nodes named ``text``, else nodes whose name contains it (sorted, shortest name first)."""
    exact = sorted(u for u in lookup.named(text) if lookup.shown(u) and lookup.states(u))
    if exact:
        return exact
    partial = [u for u in lookup.named_like(text) if lookup.shown(u) and lookup.states(u)]
    if not partial:
        return []
    first = {uri: names(node)[0] for uri, node in _described(lookup, partial).items()}
    return sorted(partial, key=lambda u: (len(first.get(u, u)), first.get(u, u), u))


def _described(lookup: StoreLookup, uris: Iterable[str]) -> dict[str, Node]:
    """What the store says about ``uris`` (as subjects: enough for names and facts)."""
    return describe(lookup.store, uris, objects=False).nodes


def _neighbourhood(lookup: StoreLookup, focus: list[str], depth: int) -> dict[str, int]:
    """Steps from the nearest focus node, for nodes within ``depth`` (not walking through hubs)."""
    focus_set = set(focus)
    queue = deque(focus)
    distance = dict.fromkeys(focus, 0)
    while queue:
        uri = queue.popleft()
        walked = uri in focus_set or not lookup.labels(uri) & _NOT_WALKED
        if distance[uri] >= depth or not walked:
            continue
        for other in sorted(lookup.neighbours(uri)):
            if other not in distance:
                distance[other] = distance[uri] + 1
                queue.append(other)
    return distance


def _kinds(labels: dict[str, frozenset[str]], uris: Iterable[str]) -> str:
    counts = Counter(node_kind(Node(u, labels=set(labels[u]))) or "?" for u in uris)
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda i: (-i[1], i[0])))


def select_view(store: Any, *, types: Iterable[str] | None = None, report: str | None = None,
                focus: str | None = None, depth: int = 2, max_nodes: int = MAX_NODES, agency: str | None = None,
                place: str | None = None, jurisdiction: str | None = None, year: int | None = None,
                hide_isolated: bool = False) -> ViewGraph:
    """Pick the nodes and edges to draw from a :class:`kg.store.GraphStore`, and project them.

    ``types`` keeps nodes carrying any of these classes (``Place`` keeps every place,
    ``River`` only rivers). The entry points, each one scoped query (:mod:`kg.view.scoped`):
    ``report`` alone (file name or IRI) shows that report's section structure; ``agency``
    what a body owns, by report and year; ``place`` every commitment about a place.
    ``focus`` keeps the nodes within ``depth`` steps of every node whose name is (else
    contains) the text (in ``report``'s graph, if given). With none of them, the view ranks
    what the reports name by how many reports name it. ``jurisdiction`` and ``year`` narrow
    the reports of the agency, place and whole-store views; ``hide_isolated`` drops the
    nodes without an edge in the view. Raises :class:`KgError` for unknown types, reports or
    names, or entry points that do not combine.
    """
    if not hasattr(store, "ox"):
        raise TypeError(f"a view selects in the store: pass the GraphStore (kg.store.open_store), "
                        f"not a {type(store).__name__}")
    if depth < 0:
        raise KgError("depth must be 0 or more")
    if max_nodes < 1:
        raise KgError("max nodes must be at least 1")
    entries = [name for name, value in (("--agency", agency), ("--place", place), ("--focus", focus),
                                         ("--report", report)) if value]
    if len(entries) > 1 and entries != ["--focus", "--report"]:
        raise KgError(f"{' and '.join(entries)} do not combine: choose one entry point (or --focus with --report)")
    narrowed = jurisdiction is not None or year is not None
    if narrowed and (report or focus):
        raise KgError("--jurisdiction and --year narrow the agency, place and whole-store views, "
                      "not --report or --focus")
    chosen = reports_where(store, jurisdiction=jurisdiction, year=year) if narrowed else None
    if agency or place or (report and not focus):
        from kg.view import scoped

        if agency:
            view = scoped.select_agency(store, agency, types=types, reports=chosen, max_nodes=max_nodes)
        elif place:
            view = scoped.select_place(store, place, types=types, reports=chosen, max_nodes=max_nodes)
        else:
            view = scoped.select_report(store, report or "", types=types, max_nodes=max_nodes)
        return _isolated(view, hide_isolated)
    return _isolated(_select(store, types=types, report=report, focus=focus, depth=depth, max_nodes=max_nodes,
                             reports=chosen), hide_isolated)


def _isolated(view: ViewGraph, hide: bool) -> ViewGraph:
    """Drop (``hide``) or count the nodes without an edge in the view, and say so."""
    linked = {e[0] for e in view.edges} | {e[2] for e in view.edges} | set(view.children)
    linked |= {c for kids in view.children.values() for c in kids}
    alone = [u for u in view.nodes if u not in linked and u not in view.focus]
    if alone and hide:
        view.nodes = [u for u in view.nodes if u in linked or u in view.focus]
        view.notes.append(f"hid {len(alone)} nodes without an edge in the view")
    elif alone:
        view.notes.append(f"{len(alone)} of {len(view.nodes)} nodes have no edge in the view "
                          "(--hide-isolated drops them)")
    return view


def _select(store: Any, *, types: Iterable[str] | None, report: str | None, focus: str | None, depth: int,
            max_nodes: int, reports: dict[str, str] | None) -> ViewGraph:
    """A focus neighbourhood (in one report's graph, or all), or the whole store ranked by the
    reports naming each node."""
    wanted = parse_types(types)
    all_reports = store_reports(store)
    graph = find_report(all_reports, report) if report else None
    lookup = StoreLookup(store, wanted, graph)
    notes = [f"report {all_reports[graph]}"] if graph else []
    focus_nodes: list[str] = []
    distance: dict[str, int] = {}
    degree: Counter[str] = Counter()
    if focus:
        focus_nodes = match_names(lookup, focus)
        if not focus_nodes:
            raise KgError(f"no node named like {focus!r} among {', '.join(sorted(wanted))}")
        if len(focus_nodes) > 1:
            found = _described(lookup, focus_nodes[:5])
            shown = "、".join(display_name(found.get(u, Node(u))) for u in focus_nodes[:5])
            more = " …" if len(focus_nodes) > 5 else ""
            notes.append(f"focus {focus!r} matched {len(focus_nodes)} nodes: {shown}{more}")
        distance = _neighbourhood(lookup, focus_nodes, depth)
        keep = set(distance)
        labels = {uri: lookup.labels(uri) for uri in keep}
        for source, _, target in lookup.edges_among(keep):
            degree[source] += 1
            degree[target] += 1
        ranked = sorted(labels, key=lambda u: (distance.get(u, 0), -degree[u], u))
        if len(ranked) > max_nodes:
            left_out = ranked[max_nodes:]
            notes.append(f"showing {max_nodes} of {len(ranked)} nodes (nearest and best-connected kept); "
                         f"left out {len(left_out)}: {_kinds(labels, left_out)}")
            ranked = ranked[:max_nodes]
    else:
        scope = reports or all_reports
        if len(scope) > RANKED_REPORTS:
            latest = sorted(scope, key=lambda g: (_report_year(store, g), scope[g]), reverse=True)[:RANKED_REPORTS]
            notes.append(f"ranked over the {RANKED_REPORTS} latest of {len(scope)} reports "
                         f"(choose others with --jurisdiction or --year)")
            scope = {g: scope[g] for g in latest}
            reports = scope
        shown_reports = sorted(scope) if "Report" in wanted and len(scope) <= max_nodes // 4 else []
        ranked, degree, candidates = _named_by_reports(store, lookup, scope, max_nodes - len(shown_reports))
        named = len(ranked)
        ranked = shown_reports + ranked
        room = max_nodes - len(ranked)
        targets = _targets_of(store, ranked, reports, room) if "Target" in wanted and room > 0 and ranked else []
        ranked += targets
        if named == max_nodes - len(shown_reports) and candidates > named:
            notes.append(f"showing {len(ranked)} nodes: the {named} named by most reports; left out the rest of "
                         f"the {candidates} things the reports name")
        if wanted & {"Target", "Section", "Sentence", "ListItem"} and len(ranked) >= max_nodes:
            notes.append("targets and sections are shown per report, agency or place (--report, --agency, --place)")
        if "Report" in wanted and not shown_reports:
            notes.append(f"{len(scope)} reports not drawn (narrow with --jurisdiction or --year)")
    return project(store, lookup, sorted(ranked), reports=all_reports, focus=focus_nodes, notes=notes,
                   objects=bool(focus))


def project(store: Any, lookup: StoreLookup, nodes: list[str], *, reports: dict[str, str], focus: list[str],
            notes: list[str], objects: bool = True) -> ViewGraph:
    """The chosen nodes as a small property graph: their statements in every report, the
    edges among them (in the report's graph, for a report view), and for their tooltips the
    nodes they name and the sentences they come from. ``objects=False`` (the whole-store
    view) merges what the graphs say (:func:`merged_description`), so a node restated by
    thousands of reports costs its distinct statements only, and of the nodes the tooltips
    name it reads only what a tooltip shows of them (:data:`CONTEXT_PREDICATES`). There,
    unless sentences are drawn, a node's sentences are read only as far as its tooltip
    quotes them (:meth:`StoreLookup.derived_from`): the edges to the others change nothing shown."""
    lazy = not objects and "Sentence" not in lookup.wanted
    pg = describe(store, nodes) if objects else merged_description(
        store, nodes, reports=reports, skipped=(PROV.wasDerivedFrom,) if lazy else ())
    chosen = set(nodes)
    graph = lookup.graph.value if lookup.graph is not None else None
    edges = sorted({(e.source, e.type, e.target) for e in pg.edges
                    if e.target in chosen and e.source != e.target and (graph is None or e.graph == graph)})
    context: set[str] = set()
    derived: dict[str, list[str]] = {}
    for edge in pg.edges:
        if edge.type in RELATIONS:
            context.add(edge.target)
        elif edge.type == _DERIVED:
            derived.setdefault(edge.source, []).append(edge.target)
    quoted, read = _quoted_sentences(lookup, nodes, None if lazy else derived)
    context |= quoted
    pg.edges.extend(read)
    others = context - chosen
    _merge(pg, describe(store, others, objects=False) if objects
           else merged_description(store, others, predicates=CONTEXT_PREDICATES))
    for uri in context - pg.nodes.keys():
        pg.nodes[uri] = Node(uri)  # named but never described: the tooltip shows its IRI
    return ViewGraph(nodes=nodes, edges=edges, index=index_graph(pg, reports=reports), focus=focus, notes=notes)


CONTEXT_PREDICATES = (RDF.type, SKOS.prefLabel, RDFS.label, DCTERMS.title, KG.text, KG.sourceFile, KG.mentions)
"""What a tooltip reads of the nodes it names but does not draw: their types (is it a
sentence?), their names (:attr:`kg.graph.property_graph.Node.name`, a report's source
file), a sentence's text and what it mentions (the sentences quoted for a drawn node)."""


_PRIMED = 2 * SENTENCES
"""Candidate sentences per node whose types and texts are read in one query (the rest, seldom
needed, one by one)."""


def _quoted_sentences(lookup: StoreLookup, nodes: list[str], derived: dict[str, list[str]] | None
                      ) -> tuple[set[str], list[Edge]]:
    """The sentences the tooltips of ``nodes`` quote: those a node was derived from (``derived``,
    else read from the store as far as needed, and then the edges read are returned too), else
    those that mention it."""
    heads: dict[str, tuple[list[str], Iterator[str]]] = {}
    for uri in nodes:
        rest = lookup.derived_from(uri) if derived is None else iter(derived.get(uri, ()))
        heads[uri] = (list(islice(rest, _PRIMED)), rest)
    mentioned = {uri: lookup.mentioning(uri) for uri, (head, _) in heads.items() if not head}
    lookup.prime(chain((s for head, _ in heads.values() for s in head),
                       (s for found in mentioned.values() for s in found[:_PRIMED])))
    quoted: set[str] = set()
    edges: list[Edge] = []
    for uri in nodes:
        head, rest = heads[uri]
        if not head:
            quoted.update(lookup.sentences(mentioned[uri]))
            continue
        read: list[str] = []
        quoted.update(lookup.sentences(_noted(chain(head, rest), read)))
        if derived is None:
            edges.extend(Edge(uri, _DERIVED, sentence) for sentence in read)
    return quoted, edges


def _noted(items: Iterable[str], read: list[str]) -> Iterator[str]:
    """``items``, each noted in ``read`` as it is taken."""
    for item in items:
        read.append(item)
        yield item


def _numbered(terms: Iterable[Any]) -> str:
    """``VALUES`` rows pairing each term with its position: ``(<a> 0) (<b> 1) …`` (pyoxigraph
    writes, and checks, each term)."""
    return " ".join(f"({term} {i})" for i, term in enumerate(terms))


def merged_description(store: Any, uris: Iterable[str], *, reports: Iterable[str] | None = None,
                       predicates: Iterable[Any] | None = None, skipped: Iterable[Any] = ()) -> PropertyGraph:
    """What every data graph says about ``uris``, each distinct statement once (edges carry
    no graph; the order of a plain ``SELECT DISTINCT`` over the statements, which the view
    tests keep as the reference), only ``predicates`` if given, and no edges of the ``skipped`` predicates; each
    node's graphs are those of ``reports`` (IRIs) that describe it (none without ``reports``).

    Made for a whole-store view, whose nodes thousands of reports restate: the engine
    scans a quad per report fast, but turns every term it returns into a string by a
    look-up in the store. So each node is returned as its position in the ``VALUES``
    list, not its IRI; statements are deduplicated before anything is decoded; and a
    node's graphs come back as (node, report) positions, one row per pair (at 5 000
    reports: 125 000 pairs of small numbers instead of IRIs).
    """
    import pyoxigraph as ox

    wanted = sorted(set(uris))
    projection = Projection()
    if not wanted:
        return projection.pg
    subjects = [ox.NamedNode(u) for u in wanted]
    values = _numbered(subjects)
    only = ""
    if predicates is not None:
        only = " && ?p IN (" + ", ".join(str(ox.NamedNode(str(p))) for p in predicates) + ")"
    skip = ", ".join(str(ox.NamedNode(str(p))) for p in skipped)
    if skip:
        only += f" && !(?p IN ({skip}) && isIRI(?o))"
    query = f"""SELECT DISTINCT ?j ?p ?o WHERE {{ VALUES (?s ?j) {{ {values} }}
        GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{GRAPH_ONTOLOGY}>{only}) }}"""
    rdf_type, parts = ox.NamedNode(str(RDF.type)), set()

    def statements(rows: Iterable[Any]) -> Iterator[tuple[Any, Any, Any, None]]:
        for row in rows:  # noting the sections, sentences and list items, whose report is derived
            j = int(row[0].value)
            if row[1] == rdf_type and row[2].value in REPORT_PARTS:
                parts.add(j)
            yield subjects[j], row[1], row[2], None

    projection.add_store_quads(statements(store.ox.query(query)))
    if parts and (predicates is None or str(KG.inReport) in {str(p) for p in predicates}):
        projection.add_store_quads(_reports_of_parts(store, [subjects[j] for j in sorted(parts)]))
    graphs = sorted(set(reports or ()))
    if graphs:
        query = f"""SELECT ?j ?i WHERE {{
            {{ SELECT ?j ?g WHERE {{ VALUES (?s ?j) {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?j ?g }}
            VALUES (?g ?i) {{ {_numbered(ox.NamedNode(g) for g in graphs)} }} }}"""
        stating: dict[str, list[str]] = {}
        for row in store.ox.query(query):
            stating.setdefault(row[0].value, []).append(graphs[int(row[1].value)])
        for j, found in stating.items():
            projection.node(wanted[int(j)], None).graphs.update(found)
    keep = set(wanted)
    projection.pg.nodes = {uri: node for uri, node in projection.pg.nodes.items() if uri in keep}
    return projection.pg


def _reports_of_parts(store: Any, parts: list[Any]) -> Iterator[tuple[Any, Any, Any, None]]:
    """``kg:inReport`` statements of sections, sentences and list items (pyoxigraph nodes), derived
    from the graphs that type them (:data:`kg.graph.vocab.REPORT_PARTS`), as (s, p, o, None) quads."""
    import pyoxigraph as ox

    in_report, classes = ox.NamedNode(str(KG.inReport)), " ".join(f"<{c}>" for c in sorted(REPORT_PARTS))
    query = f"""SELECT DISTINCT ?j ?g WHERE {{ VALUES (?s ?j) {{ {_numbered(parts)} }} VALUES ?c {{ {classes} }}
        GRAPH ?g {{ ?s a ?c }} FILTER(?g != <{GRAPH_ONTOLOGY}> && ?g != ?s) }}"""
    for row in store.ox.query(query):
        yield parts[int(row[0].value)], in_report, row[1], None


def _merge(pg: PropertyGraph, other: PropertyGraph) -> None:
    """Add ``other``'s nodes and edges (about other subjects) to ``pg``."""
    pg.nodes.update(other.nodes)
    pg.edges.extend(other.edges)
