"""The kg vocabulary as a closed rdflib namespace, mirroring ``kg/ontology.ttl``.

``_fail = True`` makes a misspelt term an error instead of a new IRI; a test checks that
the terms here and the terms the ontology declares are the same set.
"""

from __future__ import annotations

from importlib import resources

from rdflib import Graph, URIRef
from rdflib.namespace import DefinedNamespace, Namespace

__all__ = ["BASE", "GRAPH_ONTOLOGY", "KG", "REPORT_PARTS", "TALLIES", "ontology_graph", "shapes_graph"]

BASE = "https://w3id.org/kg-cn/"
"""Base of every IRI kg mints; resources live under ``BASE + "id/"``."""

GRAPH_ONTOLOGY = URIRef(BASE + "graph/ontology")
"""Named graph that holds the ontology inside a store, so queries can use subclassing."""


class KG(DefinedNamespace):
    """Terms of the kg ontology (https://w3id.org/kg-cn/ontology#)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Report: URIRef
    Section: URIRef
    Sentence: URIRef
    ListItem: URIRef
    Government: URIRef
    Agency: URIRef
    Organization: URIRef
    PolicyDocument: URIRef
    Plan: URIRef
    Target: URIRef
    Place: URIRef
    AdministrativeDivision: URIRef
    Province: URIRef
    City: URIRef
    District: URIRef
    County: URIRef
    Town: URIRef
    Subdistrict: URIRef
    Community: URIRef
    Village: URIRef
    River: URIRef
    Lake: URIRef
    Road: URIRef
    Area: URIRef
    Park: URIRef
    Landmark: URIRef
    Facility: URIRef
    # object properties
    approves: URIRef
    issuer: URIRef
    jurisdiction: URIRef
    hasSection: URIRef
    inSection: URIRef
    inReport: URIRef
    mentions: URIRef
    refersTo: URIRef
    responsibleAgency: URIRef
    supportingAgency: URIRef
    draftingAgency: URIRef
    aboutPlace: URIRef
    within: URIRef
    mayBeSameAs: URIRef
    # datatype properties
    kind: URIRef
    planYear: URIRef
    sourceFile: URIRef
    encoding: URIRef
    textDigest: URIRef
    extractorVersion: URIRef
    graphDigest: URIRef
    tally: URIRef
    targetCount: URIRef
    ownedTargetCount: URIRef
    commitmentCount: URIRef
    queryIndex: URIRef
    matchRank: URIRef
    draftingPrefix: URIRef
    reportSortKey: URIRef
    indicatorList: URIRef
    text: URIRef
    startOffset: URIRef
    endOffset: URIRef
    index: URIRef
    marker: URIRef
    part: URIRef
    itemLabel: URIRef
    mention: URIRef
    divisionCode: URIRef
    status: URIRef
    value: URIRef
    valueMax: URIRef
    unit: URIRef
    comparator: URIRef
    role: URIRef
    deadline: URIRef
    indicator: URIRef


TALLIES = frozenset(str(term) for term in (KG.targetCount, KG.ownedTargetCount, KG.commitmentCount))
"""IRIs of the ``kg:tally`` properties: counts a build derives from a report's own statements
(a test checks these are the ontology's sub-properties of ``kg:tally``)."""

REPORT_PARTS = frozenset(str(term) for term in (KG.Sentence, KG.Section, KG.ListItem))
"""IRIs of the classes whose nodes state no ``kg:inReport``: each belongs to one report, whose
named graph (named by the report's IRI) is the one graph that types it, so the link is derived
from that graph where it is read (:class:`kg.graph.property_graph.Projection`, the views). A
target still states its report, which the SPARQL library reads."""


def _packaged_graph(name: str) -> Graph:
    graph = Graph()
    graph.parse(data=resources.files("kg").joinpath(name).read_text(encoding="utf-8"), format="turtle")
    return graph


def ontology_graph() -> Graph:
    """Return the kg ontology (``kg/ontology.ttl``) as an rdflib graph."""
    return _packaged_graph("ontology.ttl")


def shapes_graph() -> Graph:
    """Return the SHACL shapes (``kg/shapes.ttl``) that a built graph must satisfy."""
    return _packaged_graph("shapes.ttl")
