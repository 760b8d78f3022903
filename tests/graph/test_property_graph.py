"""The property-graph mapping shared by CSV, GraphML, Neo4j and NetworkX."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import URIRef

from kg.graph import iris, report_graph
from kg.graph.property_graph import (
    IDENTIFIER,
    edge_type,
    local_name,
    property_graph,
    to_networkx,
    to_property_graph,
)

EVIL = '"}) DETACH DELETE n // <script>alert(1)</script> `x` ;MATCH (m) '


def _pg(graph):
    return to_property_graph((s, p, o, graph.identifier) for s, p, o in graph)


@pytest.fixture
def pg(tiny_report):
    return _pg(report_graph(*tiny_report))


def test_labels_include_superclasses(pg):
    river = pg.nodes[str(iris.place_iri("班滑河"))]
    assert {"River", "Place"} <= river.labels
    district = pg.nodes[str(iris.place_iri("东昌府区", code="371502"))]
    assert {"District", "AdministrativeDivision", "Place"} <= district.labels
    agency = pg.nodes[str(iris.agency_iri("371502", "水利局"))]
    assert "Agency" in agency.labels
    assert "Place" not in agency.labels


def test_language_tagged_properties_and_names(pg):
    river = pg.nodes[str(iris.place_iri("班滑河"))]
    assert river.props["prefLabel_zh"] == "班滑河"
    assert river.name == "班滑河"
    assert "prefLabel" not in river.props


def test_numbers_and_dates_stay_typed(tiny_report):
    graph = report_graph(*tiny_report)
    pg = _pg(graph)
    t1 = pg.nodes[str(iris.target_iri(graph.identifier, 1))].props
    t3 = pg.nodes[str(iris.target_iri(graph.identifier, 3))].props
    assert t1["value"] == 4 and isinstance(t1["value"], int)
    assert t3["value"] == 2.5 and isinstance(t3["value"], float)
    assert t3["valueMax"] == 3.5
    assert isinstance(t1["startOffset"], int)
    assert t1["deadline"] == dt.date(2023, 12, 31)
    assert t1["unit"] == "条"
    t2 = pg.nodes[str(iris.target_iri(graph.identifier, 2))].props
    assert t2["deadline"] == "2025"


def test_edge_types_are_upper_snake(pg):
    types = {e.type for e in pg.edges}
    assert {"RESPONSIBLE_AGENCY", "WAS_DERIVED_FROM", "ABOUT_PLACE", "WITHIN", "IN_REPORT", "MAY_BE_SAME_AS"} <= types
    assert all(t == t.upper() and IDENTIFIER.match(t) for t in types)
    assert "TYPE" not in types  # rdf:type becomes labels


def test_sections_sentences_and_items_are_in_their_graphs_report(tiny_report):
    """The IN_REPORT edges the build no longer states are derived from the graph typing the node:
    the same edges as from a graph that states them, and none from a graph of no name."""
    from rdflib import RDF

    from kg.graph.vocab import KG

    graph = report_graph(*tiny_report)
    parts = {s for kind in (KG.Sentence, KG.Section, KG.ListItem) for s in graph.subjects(RDF.type, kind)}
    derived = _pg(graph)
    in_report = {(e.source, e.target, e.graph) for e in derived.edges if e.type == "IN_REPORT"}
    report = str(graph.identifier)
    assert {(str(s), report, report) for s in parts} <= in_report
    for s in parts:
        graph.add((s, KG.inReport, graph.identifier))
    stated = _pg(graph)
    assert sorted(map(repr, stated.edges)) == sorted(map(repr, derived.edges))
    assert {k: (n.labels, n.props, n.graphs) for k, n in stated.nodes.items()} == \
        {k: (n.labels, n.props, n.graphs) for k, n in derived.nodes.items()}
    unnamed = to_property_graph((s, p, o, None) for s, p, o in graph.triples((None, RDF.type, KG.Sentence)))
    assert not unnamed.edges


def test_a_targets_text_is_its_label_whatever_comes_first(tiny_report):
    """The label_zh the build no longer states as rdfs:label equal to kg:text: the same node as
    from a graph that states it, with the type read before the text or after it."""
    from rdflib import RDF, RDFS, Literal

    from kg.graph.vocab import KG

    graph = report_graph(*tiny_report)
    targets = sorted(graph.subjects(RDF.type, KG.Target))
    quads = [(s, p, o, graph.identifier) for s, p, o in sorted(graph)]
    typed_first = to_property_graph(sorted(quads, key=lambda q: q[1] != RDF.type))
    typed_last = to_property_graph(sorted(quads, key=lambda q: q[1] == RDF.type))
    for target in targets:
        graph.add((target, RDFS.label, graph.value(target, KG.text)))
    stated = _pg(graph)
    for target in map(str, targets):
        text = str(graph.value(URIRef(target), KG.text))
        assert stated.nodes[target].props["label_zh"] == text
        assert typed_first.nodes[target].props == typed_last.nodes[target].props == stated.nodes[target].props
        assert stated.nodes[target].name == text
    sentence = next(iter(graph.subjects(RDF.type, KG.Sentence)))
    assert "label_zh" not in typed_first.nodes[str(sentence)].props  # only a target's text is its label
    graph.add((targets[0], RDFS.label, Literal("另一个名字", lang="zh")))  # a graph made by hand keeps its own
    assert _pg(graph).nodes[str(targets[0])].props["label_zh"] == sorted(["另一个名字", _text_of(graph, targets[0])])


def _text_of(graph, node):
    from kg.graph.vocab import KG

    return str(graph.value(node, KG.text))


def test_edges_carry_their_graph_and_endpoints_are_nodes(tiny_report):
    graph = report_graph(*tiny_report)
    pg = _pg(graph)
    assert pg.edges
    assert {e.graph for e in pg.edges} == {str(graph.identifier)}
    assert all(e.source in pg.nodes and e.target in pg.nodes for e in pg.edges)
    assert len(set(pg.edges)) == len(pg.edges)


def test_multi_valued_property_becomes_list(pg):
    # a sentence mentions several things, but that is an edge; an agency has two alt labels? use the report node
    report = next(n for n in pg.nodes.values() if "Report" in n.labels)
    assert report.props["sourceFile"] == "tiny-report.txt"
    nodes_with_lists = [n for n in pg.nodes.values() if any(isinstance(v, list) for v in n.props.values())]
    for node in nodes_with_lists:
        for value in node.props.values():
            if isinstance(value, list):
                assert len(value) == len(set(map(str, value))) > 1


def test_no_label_edge_type_or_key_from_report_text(tiny_factory):
    report, extraction = tiny_factory(place_name="河" + EVIL, sentence_extra=EVIL, agency_mention="区" + EVIL,
                                      agency_name=EVIL)
    extraction.places[0].type = "River" + EVIL
    extraction.targets[0].unit = EVIL
    graph = report_graph(report, extraction)
    pg = _pg(graph)
    labels = {label for node in pg.nodes.values() for label in node.labels}
    keys = {key for node in pg.nodes.values() for key in node.props}
    types = {e.type for e in pg.edges}
    for name in labels | keys | types:
        assert IDENTIFIER.match(name), name
    # the evil text survives as data, not as structure
    texts = [v for node in pg.nodes.values() for v in node.props.values() if isinstance(v, str)]
    assert any(EVIL in t for t in texts)


def test_local_name_and_edge_type_helpers():
    assert local_name("https://w3id.org/kg-cn/ontology#aboutPlace") == "aboutPlace"
    assert local_name("http://www.w3.org/ns/prov#wasDerivedFrom") == "wasDerivedFrom"
    assert local_name('http://x/a"}) DETACH') == "a____DETACH"
    assert local_name("http://x/日本") == "rel"
    assert IDENTIFIER.match(local_name("http://x/9abc"))
    assert edge_type("https://w3id.org/kg-cn/ontology#responsibleAgency") == "RESPONSIBLE_AGENCY"
    assert edge_type("http://www.w3.org/ns/org#subOrganizationOf") == "SUB_ORGANIZATION_OF"


def test_to_networkx(tiny_report):
    graph = report_graph(*tiny_report)
    pg = _pg(graph)
    nxg = to_networkx(pg)
    assert nxg.number_of_nodes() == len(pg.nodes)
    assert nxg.number_of_edges() == len(pg.edges)
    river = str(iris.place_iri("班滑河"))
    assert "River" in nxg.nodes[river]["labels"].split(";")
    assert nxg.nodes[river]["name"] == "班滑河"
    for _, attrs in nxg.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in attrs.values())
    water = str(iris.agency_iri("371502", "水利局"))
    t1 = str(iris.target_iri(graph.identifier, 1))
    assert any(d["type"] == "RESPONSIBLE_AGENCY" for d in nxg.get_edge_data(t1, water).values())


def test_property_graph_of_store_leaves_out_ontology(example_store):
    pg = property_graph(example_store)
    graphs = {g for n in pg.nodes.values() for g in n.graphs} | {e.graph for e in pg.edges}
    assert "https://w3id.org/kg-cn/graph/ontology" not in graphs
    assert {str(g) for g in example_store.report_graphs()} == graphs - {None}
    assert not any(n.uri.startswith("https://w3id.org/kg-cn/ontology#") and "Agency" in n.labels
                   for n in pg.nodes.values())
    labels = {label for n in pg.nodes.values() for label in n.labels}
    assert {"Report", "Target", "Sentence", "Place", "Agency"} <= labels
    assert all(IDENTIFIER.match(x) for x in labels | {e.type for e in pg.edges})


def _store_with(graph):
    from kg.store import open_store

    store = open_store(memory=True)
    store.replace_graph(graph)
    return store


def test_store_projection_equals_rdflib_projection(tiny_report):
    graph = report_graph(*tiny_report)
    with _store_with(graph) as store:
        from_store = property_graph(store)
    from_rdflib = _pg(graph)
    assert sorted(from_store.nodes) == sorted(from_rdflib.nodes)
    for uri, node in from_rdflib.nodes.items():
        other = from_store.nodes[uri]
        assert (other.labels, other.graphs) == (node.labels, node.graphs)
        assert other.props.keys() == node.props.keys()
        for key, value in node.props.items():
            values = sorted(map(repr, value)) if isinstance(value, list) else repr(value)
            assert (sorted(map(repr, other.props[key])) if isinstance(other.props[key], list)
                    else repr(other.props[key])) == values, (uri, key)
    assert set(from_store.edges) == set(from_rdflib.edges)


def test_literal_datatypes_and_languages_from_the_store():
    from rdflib import XSD, Graph, Literal, URIRef

    s, ns = URIRef("https://w3id.org/kg-cn/id/x/1"), "https://w3id.org/kg-cn/ontology#"
    g = Graph(identifier=URIRef("https://w3id.org/kg-cn/id/report/datatypes"))
    rows = {
        "year": Literal("2025", datatype=XSD.gYear),
        "month": Literal("2025-06", datatype=XSD.gYearMonth),
        "date": Literal("2023-12-31", datatype=XSD.date),
        "count": Literal("045", datatype=XSD.integer),
        "share": Literal("4.50", datatype=XSD.decimal),
        "whole": Literal("3.0", datatype=XSD.double),
        "flag": Literal("true", datatype=XSD.boolean),
        "off": Literal("0", datatype=XSD.boolean),
        "odd": Literal("abc", datatype=XSD.integer),
        "plain": Literal("个"),
    }
    for name, literal in rows.items():
        g.add((s, URIRef(ns + name), literal))
    g.add((s, URIRef(ns + "label"), Literal("名", lang="zh")))
    g.add((s, URIRef(ns + "label"), Literal("name", lang="en-GB")))
    g.add((s, URIRef(ns + "tag"), Literal("a")))
    g.add((s, URIRef(ns + "tag"), Literal("b")))
    with _store_with(g) as store:
        props = property_graph(store).nodes[str(s)].props
    assert props["year"] == "2025" and props["month"] == "2025-06"
    assert props["date"] == dt.date(2023, 12, 31)
    assert props["count"] == 45 and isinstance(props["count"], int)
    assert props["share"] == 4.5 and isinstance(props["share"], float)
    assert props["whole"] == 3 and isinstance(props["whole"], int)
    assert props["flag"] is True and props["off"] is False
    assert props["odd"] == "abc" and props["plain"] == "个"
    assert props["label_zh"] == "名" and props["label_en_gb"] == "name"
    assert sorted(props["tag"]) == ["a", "b"]


def test_describe_gathers_a_node_from_every_graph(example_store):
    from kg.graph.property_graph import describe

    graphs = [str(g) for g in example_store.report_graphs()]
    whole = property_graph(example_store)
    shared = next(uri for uri, node in whole.nodes.items() if len(node.graphs) > 1 and node.props)
    pg = describe(example_store, [shared], graphs[:1] + graphs[1:])
    assert list(pg.nodes) == [shared]
    node, expected = pg.nodes[shared], whole.nodes[shared]

    def unordered(props):  # statements come in another order, so lists may too
        return {key: sorted(value, key=repr) if isinstance(value, list) else value for key, value in props.items()}

    assert (node.labels, unordered(node.props), node.graphs) == (expected.labels, unordered(expected.props),
                                                                 expected.graphs)
    assert set(pg.edges) == {e for e in whole.edges if e.source == shared}
    only_first = describe(example_store, [shared], graphs[:1])
    assert only_first.nodes[shared].graphs <= {graphs[0]}
