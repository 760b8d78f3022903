"""What a property-graph node is, for analysis and views: its most specific type,
its names, the reports it appears in, and the sentences it comes from.

Everything here reads a :class:`kg.graph.property_graph.PropertyGraph`; nothing maps
RDF itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePath

from kg.errors import KgError
from kg.graph.property_graph import Node, PropertyGraph

__all__ = [
    "ENTITY_KINDS",
    "GraphIndex",
    "agency_role",
    "class_names",
    "display_name",
    "find_report",
    "index_graph",
    "is_place",
    "names",
    "node_kind",
]

ENTITY_KINDS = ("Agency", "Government", "Organization", "PolicyDocument", "Plan", "Target", "Place")
"""Kinds a reader thinks of as "the things in the graph" (places by any subtype)."""


@cache
def _depths() -> dict[str, int]:
    """Class local name -> number of its kg superclasses (itself included)."""
    from rdflib import OWL, RDF, RDFS, URIRef

    from kg.graph.property_graph import local_name
    from kg.graph.vocab import KG, ontology_graph

    onto = ontology_graph()
    out: dict[str, int] = {}
    classes = set(onto.subjects(RDF.type, OWL.Class)) | set(onto.subjects(RDF.type, RDFS.Class))
    for cls in classes:
        if isinstance(cls, URIRef) and str(cls).startswith(str(KG._NS)):
            supers = {s for s in onto.transitive_objects(cls, RDFS.subClassOf) if str(s).startswith(str(KG._NS))}
            out[local_name(cls)] = len(supers)
    return out


def class_names() -> list[str]:
    """Local names of the ontology's classes, sorted."""
    return sorted(_depths())


def node_kind(node: Node) -> str | None:
    """The node's most specific class (``River`` rather than ``Place``), or None if untyped."""
    if not node.labels:
        return None
    depths = _depths()
    return max(sorted(node.labels), key=lambda label: depths.get(label, 0))


def is_place(node: Node) -> bool:
    return "Place" in node.labels


def display_name(node: Node) -> str:
    """The node's readable name; a report without a title goes by its source file."""
    name = node.name
    if name == node.uri and node.props.get("sourceFile"):
        return str(node.props["sourceFile"])
    return name


def names(node: Node) -> list[str]:
    """Every name a node goes by: preferred and alternative labels, titles, mentions."""
    out: list[str] = []
    for key in ("prefLabel_zh", "label_zh", "title_zh", "altLabel_zh", "mention_zh", "prefLabel", "label",
                "sourceFile"):
        value = node.props.get(key)
        for item in value if isinstance(value, list) else [value]:
            if item and str(item) not in out:
                out.append(str(item))
    return out or [display_name(node)]


@dataclass
class GraphIndex:
    """Edges of a property graph indexed by type, in both directions, plus report lookups."""

    pg: PropertyGraph
    out: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    into: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    _reports: dict[str, str] | None = field(default=None, repr=False)

    def targets(self, source: str, edge_type: str) -> list[str]:
        """Nodes ``source`` points to over ``edge_type`` edges."""
        return self.out[edge_type].get(source, [])

    def sources(self, target: str, edge_type: str) -> list[str]:
        """Nodes that point to ``target`` over ``edge_type`` edges."""
        return self.into[edge_type].get(target, [])

    def kind(self, uri: str) -> str | None:
        node = self.pg.nodes.get(uri)
        return node_kind(node) if node else None

    def of_label(self, label: str) -> list[str]:
        """IRIs of the nodes carrying ``label`` (a class or any superclass), sorted."""
        return sorted(uri for uri, node in self.pg.nodes.items() if label in node.labels)

    def reports(self) -> dict[str, str]:
        """Report IRI -> source file name, sorted by file name (computed once: views ask per node)."""
        if self._reports is None:
            found = {uri: str(self.pg.nodes[uri].props.get("sourceFile", uri)) for uri in self.of_label("Report")}
            self._reports = dict(sorted(found.items(), key=lambda item: item[1]))
        return self._reports

    def report_names(self, uri: str) -> list[str]:
        """Source files of the reports whose named graphs state ``uri``, sorted."""
        reports = self.reports()
        return sorted(reports[g] for g in self.pg.nodes[uri].graphs if g in reports)

    def find_report(self, name: str) -> str:
        """The IRI of the report whose source file (or IRI) is ``name``; a path works too."""
        return find_report(self.reports(), name)

    def sentence_texts(self, uri: str, *, limit: int = 2) -> list[str]:
        """Text of the sentences a node was derived from, else of sentences that mention it."""
        sentences = self.targets(uri, "WAS_DERIVED_FROM") or self.sources(uri, "MENTIONS")
        texts: list[str] = []
        for sentence in sentences:
            node = self.pg.nodes.get(sentence)
            if node is None or "Sentence" not in node.labels:
                continue
            text = node.props.get("text_zh") or node.props.get("text")
            if text and str(text) not in texts:
                texts.append(str(text))
            if len(texts) >= limit:
                break
        return texts

    def section_of(self, uri: str) -> list[str]:
        """Sections holding the sentences ``uri`` was derived from."""
        return sorted({s for sentence in self.targets(uri, "WAS_DERIVED_FROM")
                       for s in self.targets(sentence, "IN_SECTION")})


def find_report(reports: Mapping[str, str], name: str) -> str:
    """The IRI of the report (in ``reports``, IRI -> source file) whose source file or IRI is
    ``name``; a path works too. Raises :class:`KgError` naming the known reports."""
    wanted = PurePath(name).name
    for uri, source in reports.items():
        if name in (uri, source) or wanted == source or PurePath(source).stem == wanted:
            return uri
    known = ", ".join(reports.values()) or "none"
    raise KgError(f"{name}: no such report in the store (reports: {known})")


def agency_role(index: GraphIndex, uri: str) -> str:
    """An agency's name without its jurisdiction's name in front (``生态环境局``)."""
    name = index.pg.nodes[uri].name
    prefixes: list[str] = []
    for place in index.targets(uri, "JURISDICTION"):
        prefixes.extend(names(index.pg.nodes[place]))
    for prefix in sorted(prefixes, key=len, reverse=True):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


def index_graph(pg: PropertyGraph, *, edges: Iterable[str] | None = None,
                reports: Mapping[str, str] | None = None) -> GraphIndex:
    """Index ``pg``'s edges (all types, or only ``edges``) for fast neighbour lookups.

    ``reports`` (report IRI -> source file) stands in for the reports of ``pg`` when ``pg``
    holds only part of a store (a view's nodes), whose reports it may not include.
    """
    wanted = set(edges) if edges is not None else None
    known = None if reports is None else dict(sorted(reports.items(), key=lambda item: item[1]))
    index = GraphIndex(pg, _reports=known)
    for edge in pg.edges:
        if wanted is not None and edge.type not in wanted:
            continue
        if edge.target not in index.out[edge.type][edge.source]:
            index.out[edge.type][edge.source].append(edge.target)
            index.into[edge.type][edge.target].append(edge.source)
    return index
