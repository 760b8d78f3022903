"""What a view selects, in the store: types, report, focus neighbourhood, size limit.

The selection never reads the whole store; the oracle tests check it against the same
rules applied to the whole property graph (:func:`_oracle`).
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterable
from typing import Any

import pytest

from kg.analyse.nodes import display_name, names
from kg.errors import KgError
from kg.graph.property_graph import describe, property_graph
from kg.view.select import DEFAULT_TYPES, select_view, store_reports


def _names(view) -> set[str]:
    return {display_name(view.index.pg.nodes[u]) for u in view.nodes}


class _Spy:
    """A store whose pyoxigraph calls are recorded (pattern and graph of each quad scan)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.scans: list[tuple[Any, ...]] = []
        self.queries: list[str] = []
        self.bound: list[dict[Any, Any]] = []
        spy = self

        class Ox:
            def quads_for_pattern(self, *pattern: Any) -> Any:
                spy.scans.append(pattern)
                return store.ox.quads_for_pattern(*pattern)

            def query(self, query: str, **kw: Any) -> Any:
                spy.queries.append(query)
                spy.bound.append(kw.get("substitutions") or {})
                return store.ox.query(query, **kw)

        self.ox = Ox()


def _oracle(store: Any, *, types=DEFAULT_TYPES, report: str | None = None, focus: str | None = None,
            depth: int = 2, max_nodes: int = 10**9) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The view's rules applied to the whole property graph (what ``kg view`` did before it
    selected in the store)."""
    pg = property_graph(store)
    wanted = set(types)
    graph = next(u for u, f in store_reports(store).items() if f == report) if report else None
    keep = {u for u, n in pg.nodes.items() if n.labels & wanted and (graph is None or graph in n.graphs)}
    edges = sorted({(e.source, e.type, e.target) for e in pg.edges if e.source in keep and e.target in keep
                    and e.source != e.target and (graph is None or e.graph == graph)})
    distance: dict[str, int] = {}
    if focus:
        exact = sorted(u for u in keep if focus in names(pg.nodes[u]))
        start = exact or sorted(u for u in keep if any(focus in n for n in names(pg.nodes[u])))
        near: dict[str, set[str]] = {}
        for s, _, t in edges:
            near.setdefault(s, set()).add(t)
            near.setdefault(t, set()).add(s)
        distance, queue = dict.fromkeys(start, 0), deque(start)
        while queue:
            u = queue.popleft()
            hub = pg.nodes[u].labels & {"Report", "Government", "AdministrativeDivision"} and u not in start
            if distance[u] < depth and not hub:
                for other in sorted(near.get(u, ())):
                    if other not in distance:
                        distance[other] = distance[u] + 1
                        queue.append(other)
        keep = set(distance)
    degree: Counter[str] = Counter()
    for s, _, t in edges:
        if s in keep and t in keep:
            degree[s] += 1
            degree[t] += 1
    shown = set(sorted(keep, key=lambda u: (distance.get(u, 0), -degree[u], u))[:max_nodes])
    return sorted(shown), [e for e in edges if e[0] in shown and e[2] in shown]


def test_default_view_leaves_out_sentences_and_sections(small_store):
    store, _, _ = small_store
    view = select_view(store)
    kinds = {label for u in view.nodes for label in view.index.pg.nodes[u].labels}
    assert {"Agency", "Target", "River", "Report"} <= kinds
    assert not kinds & {"Sentence", "Section"}
    assert view.message == ""


def test_types_keep_subclasses(small_store):
    store, _, _ = small_store
    assert _names(select_view(store, types=["River"])) == {"甲河", "乙河"}
    places = select_view(store, types=["Place"])
    assert {"甲河", "乙河", "甲市", "乙市"} == _names(places)
    with pytest.raises(KgError, match="unknown type"):
        select_view(store, types=["Rivers"])


def test_report_view_is_its_section_tree(small_store):
    store, _, b = small_store
    view = select_view(store, report="b.txt", types=["Agency", "Target", "River"])
    assert _names(view) == {"b.txt", "生态", "乙市生态环境局", "乙河水质提升", "去年乙河水质", "甲河", "乙河"}
    assert all(e[0] in view.nodes and e[2] in view.nodes for e in view.edges)
    assert view.message == "report b.txt: 1 sections"
    section = next(u for u in view.nodes if "Section" in view.index.pg.nodes[u].labels)
    assert view.children[str(b.iri)] == [section]
    kinds = {(view.index.kind(s), t, view.index.kind(o)) for s, t, o in view.edges}
    assert {("Report", "HAS_SECTION", "Section"), ("Target", "IN_SECTION", "Section"),
            ("Section", "MENTIONS", "Agency"), ("Section", "MENTIONS", "River"), ("Target", "ABOUT_PLACE", "River"),
            ("Target", "RESPONSIBLE_AGENCY", "Agency")} == kinds
    assert view.table and not view.clusters  # a few nodes: nothing to fold
    with pytest.raises(KgError, match=r"c\.txt: no such report"):
        select_view(store, report="c.txt")


def test_report_view_folds_sections_two_levels_down(small_store):
    from kg.view.scoped import select_report

    store, _, _ = small_store
    view = select_report(store, "a.txt", fold_above=0)
    by_name = {display_name(view.index.pg.nodes[u]): u for u in view.nodes}
    assert set(view.clusters) == {by_name["治水"], by_name["修路"], by_name["民生"]}
    assert by_name["甲河水质达标"] in view.clusters[by_name["治水"]]
    assert by_name["新建学校2所"] in view.clusters[by_name["民生"]]  # a top-level section folds its own items
    assert view.children[by_name["生态"]] == [by_name["治水"], by_name["修路"]]


def test_report_view_reads_only_that_report(small_store):
    store, a, _ = small_store
    spy = _Spy(store)
    view = select_view(spy, report="a.txt")
    b_only = {"乙市", "乙市生态环境局", "乙河", "乙河水质提升", "去年乙河水质", "b.txt"}
    assert not _names(view) & b_only
    assert {"甲河", "a.txt", "甲市水利局"} <= _names(view)  # 甲河 is b's too, but a names it
    assert not [p for p in spy.scans if p[:3] == (None, None, None)]  # no graph read whole
    # every query is bound: to a's graph, to one node, or to a list of nodes (VALUES)
    assert all(bound or "VALUES (?s ?j)" in q for q, bound in zip(spy.queries, spy.bound, strict=True))
    assert [q for q, bound in zip(spy.queries, spy.bound, strict=True)
            if any(v.value == str(a.iri) for v in bound.values())]
    assert all("COUNT" not in q for q in spy.queries)  # no ranking over the store


def test_focus_walks_depth_but_not_through_reports(small_store):
    store, _, _ = small_store
    assert _names(select_view(store, focus="甲市水利局", depth=0)) == {"甲市水利局"}
    one = _names(select_view(store, focus="水利局", depth=1))
    assert one == {"甲市水利局", "甲河水质达标", "甲市", "a.txt"}  # its target, jurisdiction, report
    two = _names(select_view(store, focus="水利局", depth=2))
    assert {"甲河", "甲市生态环境局"} <= two
    assert "新建学校2所" not in two  # reached only through the report or the city


def test_focus_reads_only_the_neighbourhood(small_store):
    store, _, _ = small_store
    spy = _Spy(store)
    select_view(spy, focus="甲市水利局", depth=1)
    assert not [p for p in spy.scans if p[:3] == (None, None, None)]  # no graph read whole
    assert all("COUNT" not in q for q in spy.queries)


def test_focus_partial_match_says_so(small_store):
    store, _, _ = small_store
    view = select_view(store, focus="生态环境", depth=0)
    assert len(view.focus) == 2 and "matched 2 nodes" in view.message
    assert "甲市生态环境局" in view.message and "乙市生态环境局" in view.message
    with pytest.raises(KgError, match="no node named like"):
        select_view(store, focus="不存在")


@pytest.mark.parametrize("text", ['") || true || CONTAINS("', '生态环境"))} } UNION { ?s ?p ?o } #', "\\u0022"])
def test_focus_text_is_bound_not_pasted(small_store, text):
    """A focus that would change the query if pasted into it matches nothing, and nothing else happens."""
    store, _, _ = small_store
    with pytest.raises(KgError, match="no node named like"):
        select_view(store, focus=text)


def test_whole_store_view_keeps_what_most_reports_name(small_store):
    store, _, _ = small_store
    view = select_view(store, max_nodes=1)
    assert _names(view) == {"甲河"}  # named by both reports; everything else by one
    assert view.edges == [] and view.message.startswith("showing 1 nodes: the 1 named by most reports; left out")
    assert "2 reports not drawn" in view.message
    assert view.nodes == _named_oracle(store, max_nodes=1)


def test_a_node_named_twice_by_one_report_counts_once():
    """The ranking counts reports, not statements: a river a report names in two sentences counts once."""
    from kg.store import open_store
    from tests.analyse.graphs import ReportGraph

    with open_store(memory=True) as store:
        reports = []
        for name in ("a.txt", "b.txt", "c.txt"):
            report = ReportGraph(name, "甲市")
            reports.append(report)
            water = report.agency("水利局")
            report.sentence("水利局。", report.section("1", "一"), (water,))
        river = reports[0].place("甲河")
        for i in range(4):
            reports[0].sentence(f"甲河{i}。", reports[0].section("2", "二"), (river,))
        for report in reports:
            store.replace_graph(report.graph)
        view = select_view(store, types=["Agency", "River"], max_nodes=1)
        assert _names(view) == {"甲市水利局"}
        assert view.nodes == _named_oracle(store, types=["Agency", "River"], max_nodes=1)


def test_whole_store_view_reads_what_reports_say_of_themselves(small_store):
    store, a, b = small_store
    spy = _Spy(store)
    select_view(spy, types=["Agency", "River"])
    assert not [p for p in spy.scans if p[:3] == (None, None, None)]
    own = [p for p in spy.scans if len(p) == 4 and p[0] is not None and p[0] == p[3]]
    assert {p[0].value for p in own} >= {str(a.iri), str(b.iri)}  # report node, in its own graph
    assert all("COUNT" not in q for q in spy.queries)


def test_whole_store_view_ranks_over_the_latest_reports(small_store, monkeypatch):
    import kg.view.select as select

    store, _, _ = small_store
    monkeypatch.setattr(select, "RANKED_REPORTS", 1)
    view = select_view(store, types=["Agency", "River"])
    assert "ranked over the 1 latest of 2 reports" in view.message
    assert _names(view) == {"乙市生态环境局", "甲河", "乙河"}  # b.txt's (no years: the last by name)


def _named_oracle(store: Any, *, types=DEFAULT_TYPES, max_nodes: int) -> list[str]:
    """What the whole-store view ranks by, on the whole property graph: reports naming each node."""
    pg = property_graph(store)
    wanted = set(types)
    count: Counter[str] = Counter()
    seen = set()
    for e in pg.edges:
        if e.source == e.graph and e.type in ("MENTIONS", "ISSUER", "JURISDICTION") and (e.target, e.graph) not in seen:
            seen.add((e.target, e.graph))
            count[e.target] += 1
    ranked = [u for u, _ in sorted(count.items(), key=lambda i: (-i[1], i[0])) if pg.nodes[u].labels & wanted]
    return sorted(ranked[:max_nodes])


@pytest.mark.parametrize("options", [
    {"focus": "生态环境局", "depth": 2},
    {"focus": "生态环境", "depth": 2, "max_nodes": 12},
    {"focus": "生态环境", "depth": 2, "report": "liaocheng-2023-gov-report-part.txt"},
], ids=["focus", "focus-cut", "focus-report"])
def test_selection_in_the_store_matches_the_whole_graph(examples, options):
    view = select_view(examples, **options)
    nodes, edges = _oracle(examples, **options)
    assert view.nodes == nodes
    assert view.edges == edges


@pytest.mark.parametrize("types", [["Agency", "Place"], ["Agency", "Organization", "Plan", "PolicyDocument"]])
def test_whole_store_ranking_matches_the_whole_graph(examples, types):
    view = select_view(examples, types=types, max_nodes=40)
    assert view.nodes == _named_oracle(examples, types=types, max_nodes=40)
    kept = set(view.nodes)
    assert all(e[0] in kept and e[2] in kept for e in view.edges)


def test_large_view_is_cut_with_a_message(examples):
    view = select_view(examples, types=["Agency", "Place"], max_nodes=50)
    assert len(view.nodes) == 50
    assert re.search(r"^showing 50 nodes: the 50 named by most reports; left out the rest of the \d+ things",
                     view.message)
    kept = set(view.nodes)
    assert all(e[0] in kept and e[2] in kept for e in view.edges)


def test_targets_fill_what_the_ranking_leaves(examples):
    view = select_view(examples, types=["Target", "Agency", "Place", "Sentence"], max_nodes=200)
    assert len(view.nodes) == 200 and any("Target" in view.index.pg.nodes[u].labels for u in view.nodes)
    assert "targets and sections are shown per report, agency or place" in view.message
    kept = set(view.nodes)
    assert all(e[0] in kept and e[2] in kept for e in view.edges)


def test_small_store_view_fills_up_with_targets(small_store):
    store, _, _ = small_store
    view = select_view(store)
    assert {"甲河水质达标", "新建道路10公里", "乙河水质提升"} <= _names(view)  # owned by or about what is drawn


def test_projection_holds_what_tooltips_need(examples):
    view = select_view(examples, focus="聊城市生态环境局", depth=1)
    index, uri = view.index, view.focus[0]
    whole = property_graph(examples).nodes[uri]
    assert index.pg.nodes[uri].props == whole.props and index.pg.nodes[uri].graphs == whole.graphs
    assert index.report_names(uri) and set(index.reports()) == set(store_reports(examples))
    assert all(t in index.pg.nodes for t in index.targets(uri, "JURISDICTION"))
    assert index.sentence_texts(uri)
    assert len(index.pg.nodes) < 200  # the neighbourhood and its tooltips, not the store


def test_describe_every_graph_without_objects(examples):
    whole = property_graph(examples)
    uri = next(u for u, n in sorted(whole.nodes.items()) if {"Agency", "Place"} & n.labels and len(n.graphs) > 1)
    full = describe(examples, [uri])
    assert full.nodes[uri].props == whole.nodes[uri].props and full.nodes[uri].graphs == whole.nodes[uri].graphs
    subjects = describe(examples, [uri], objects=False)
    assert subjects.nodes[uri].props == whole.nodes[uri].props
    assert subjects.nodes[uri].graphs <= whole.nodes[uri].graphs


def test_a_view_needs_the_store_not_a_graph(small_store):
    store, _, _ = small_store
    with pytest.raises(TypeError, match="pass the GraphStore"):
        select_view(property_graph(store))


def describe_merged(store: Any, uris: Iterable[str]) -> Any:
    """The reference :func:`kg.view.select.merged_description` must agree with (the whole-store
    view's projection before it): what every data graph says about ``uris``, each distinct
    statement once, by two plain ``SELECT DISTINCT`` queries (statements; graphs), and the
    ``kg:inReport`` of sections, sentences and list items, which the graphs no longer state, as
    the report of the graph that types them."""
    import pyoxigraph as ox

    from kg.graph.property_graph import Projection
    from kg.graph.vocab import GRAPH_ONTOLOGY, KG, REPORT_PARTS

    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

    wanted = sorted(set(uris))
    projection = Projection()
    if not wanted:
        return projection.pg
    values = " ".join(str(ox.NamedNode(u)) for u in wanted)  # pyoxigraph writes (and checks) each IRI
    scope = f"VALUES ?s {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{GRAPH_ONTOLOGY}>)"
    rows = store.ox.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ {scope} }}")
    projection.add_store_quads((row[0], row[1], row[2], None) for row in rows)
    parts = ", ".join(f"<{c}>" for c in REPORT_PARTS)
    typed = f"SELECT DISTINCT ?s ?g WHERE {{ {scope} FILTER(?p = <{rdf_type}> && ?o IN ({parts})) }}"
    in_report = ox.NamedNode(str(KG.inReport))
    projection.add_store_quads((row[0], in_report, row[1], None) for row in store.ox.query(typed))
    for row in store.ox.query(f"SELECT DISTINCT ?s ?g WHERE {{ {scope} }}"):
        projection.node(row[0].value, row[1].value)
    keep = set(wanted)
    projection.pg.nodes = {uri: node for uri, node in projection.pg.nodes.items() if uri in keep}
    return projection.pg



def _projected_before(store: Any, view: Any, types: Any) -> Any:
    """The whole-store view's nodes projected as before :func:`kg.view.select.merged_description`:
    ``describe_merged`` of the drawn nodes and of everything their tooltips name, every
    sentence a node comes from read."""
    from kg.analyse.nodes import index_graph
    from kg.graph.property_graph import Node
    from kg.view.select import StoreLookup, ViewGraph, parse_types
    from kg.view.tooltips import RELATIONS

    lookup = StoreLookup(store, parse_types(types), None)
    pg = describe_merged(store, view.nodes)
    chosen = set(view.nodes)
    edges = sorted({(e.source, e.type, e.target) for e in pg.edges if e.target in chosen and e.source != e.target})
    context: set[str] = set()
    derived: dict[str, list[str]] = {}
    for e in pg.edges:
        if e.type in RELATIONS:
            context.add(e.target)
        elif e.type == "WAS_DERIVED_FROM":
            derived.setdefault(e.source, []).append(e.target)
    for uri in view.nodes:
        context.update(lookup.sentences(derived[uri] if uri in derived else lookup.mentioning(uri)))
    others = describe_merged(store, context - chosen)
    pg.nodes.update(others.nodes)
    pg.edges.extend(others.edges)
    for uri in context - pg.nodes.keys():
        pg.nodes[uri] = Node(uri)
    return ViewGraph(nodes=view.nodes, edges=edges, index=index_graph(pg, reports=store_reports(store)),
                     notes=view.notes)


_WHOLE = [
    ({}, 0),
    ({"max_nodes": 60}, 0),
    ({"types": ["Agency", "Place", "Sentence"], "max_nodes": 80}, 0),  # sentences drawn: all read
    ({"types": ["Target", "Agency", "Place"], "max_nodes": 150}, 0),
    ({"max_nodes": 120}, 5),  # ranked over the latest 5 reports
]


@pytest.mark.parametrize(("options", "ranked"), _WHOLE, ids=["all", "cut", "sentences", "targets", "latest"])
@pytest.mark.parametrize("which", ["examples", "scale_store"])
def test_whole_store_page_is_the_one_describe_merged_gave(which, options, ranked, request, monkeypatch):
    """The fast projection changes nothing a planner sees: the same page, byte for byte."""
    import kg.view.select as select
    from kg.view.html import render_html

    store = request.getfixturevalue(which)
    if ranked:
        monkeypatch.setattr(select, "RANKED_REPORTS", ranked)
    view = select_view(store, **options)
    before = _projected_before(store, view, options.get("types"))
    assert view.edges == before.edges
    assert render_html(view, title="t") == render_html(before, title="t")


def test_merged_description_is_describe_merged_without_decoding_every_row(scale_store):
    from kg.view.select import merged_description

    reports = store_reports(scale_store)
    whole = property_graph(scale_store)
    shared = sorted(u for u, n in whole.nodes.items() if len(n.graphs) > 2)[:40]
    assert shared  # nodes restated by several reports
    fast, slow = merged_description(scale_store, shared, reports=reports), describe_merged(scale_store, shared)
    assert fast.nodes.keys() == slow.nodes.keys()
    assert sum(len(n.graphs) > 2 for n in slow.nodes.values()) > 10  # described by several reports
    for uri, node in slow.nodes.items():
        assert (fast.nodes[uri].labels, fast.nodes[uri].props) == (node.labels, node.props)
        assert fast.nodes[uri].graphs == node.graphs & reports.keys()
    assert fast.edges == slow.edges  # the same statements in the same order
    assert merged_description(scale_store, shared).nodes[shared[0]].graphs == set()  # no reports asked


def test_merged_description_reads_only_the_predicates_asked(scale_store):
    from rdflib import DCTERMS, PROV, RDF

    from kg.view.select import merged_description

    whole = property_graph(scale_store)
    derived = {e.source for e in whole.edges if e.type == "WAS_DERIVED_FROM"}
    uri = next(u for u, n in sorted(whole.nodes.items()) if u in derived and "title_zh" in n.props
               and len(n.graphs) > 1)  # a policy document several reports name
    titles = merged_description(scale_store, [uri], predicates=(RDF.type, DCTERMS.title)).nodes[uri]
    assert titles.labels == whole.nodes[uri].labels
    assert titles.props == {"title_zh": whole.nodes[uri].props["title_zh"]}
    unsaid = merged_description(scale_store, [uri], skipped=(PROV.wasDerivedFrom,))
    assert not [e for e in unsaid.edges if e.type == "WAS_DERIVED_FROM"]
    assert unsaid.nodes[uri].props == whole.nodes[uri].props


def test_sentences_derived_from_are_read_as_far_as_asked(scale_store):
    from itertools import islice

    from kg.view.select import StoreLookup

    whole = property_graph(scale_store)
    uri = max(sorted(whole.nodes), key=lambda u: sum(1 for e in whole.edges if e.source == u
                                                     and e.type == "WAS_DERIVED_FROM"))
    read: list[Any] = []

    class Counted:
        """The store, counting the quads a caller takes from its scans."""

        def __init__(self) -> None:
            self.ox = self

        def quads_for_pattern(self, *pattern: Any) -> Any:
            for quad in scale_store.ox.quads_for_pattern(*pattern):
                read.append(quad)
                yield quad

    lookup = StoreLookup(Counted(), set(DEFAULT_TYPES), None)
    every = list(lookup.derived_from(uri))
    assert len(every) > 3 and len(set(every)) == len(every)
    assert set(every) == {e.target for e in whole.edges if e.source == uri and e.type == "WAS_DERIVED_FROM"}
    read.clear()
    assert list(islice(lookup.derived_from(uri), 2)) == every[:2]
    assert len(read) == 2


def _first_target(store: Any) -> tuple[str, str]:
    from kg.graph.vocab import KG

    rows = store.ox.query(f"SELECT ?t ?text WHERE {{ GRAPH ?g {{ ?t a <{KG.Target}> ; <{KG.text}> ?text }} }} "
                          "ORDER BY ?t LIMIT 1")
    row = next(iter(rows))
    return row["t"].value, row["text"].value


def test_focus_finds_a_target_by_its_text(examples):
    """A built target states no rdfs:label (its text is its name): the focus still finds it, exactly
    and by part of its text, and draws it named so."""
    uri, text = _first_target(examples)
    exact = select_view(examples, focus=text, depth=0, types=["Target"])
    assert uri in exact.nodes
    partial = select_view(examples, focus=text[1:-1], depth=0, types=["Target"])
    assert uri in partial.nodes
    assert display_name(exact.index.pg.nodes[uri]) == text


def test_a_reports_sentences_are_its_neighbours_and_in_it(examples):
    """The IN_REPORT edges the build no longer states: a focus on a report walks to its sections and
    sentences, and the view draws each one's edge to its report, in a report view too."""
    from kg.view.select import StoreLookup

    report = next(iter(store_reports(examples)))
    lookup = StoreLookup(examples, {"Sentence", "Section", "Report"}, None)
    neighbours = lookup.neighbours(report)
    sentences = {q.subject.value for q in examples.ox.quads_for_pattern(
        None, lookup._type, lookup._named("https://w3id.org/kg-cn/ontology#Sentence"), lookup._named(report))}
    assert sentences and sentences <= neighbours
    some = set(sorted(sentences)[:3])
    assert {(s, "IN_REPORT", report) for s in some} <= lookup.edges_among(some | {report})
    assert set(lookup.report_of(sorted(some)[0])) == {report}
    within = StoreLookup(examples, {"Sentence", "Report"}, report)
    other = next(r for r in store_reports(examples) if r != report)
    assert not set(within.parts_of(other)) and set(within.parts_of(report)) == sentences
