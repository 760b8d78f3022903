"""Exports read back by independent parsers keep every triple, quad and named graph."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
from pyld import jsonld
from rdflib import Dataset, Graph

from kg.build import build
from kg.export import FORMATS, RDF_FORMATS, export_rdf, rdf, union, write_csv, write_graphml, write_rdf
from kg.graph import report_graph
from kg.graph.property_graph import Edge, Node, PropertyGraph, property_graph, to_networkx
from kg.graph.vocab import KG
from kg.store import open_store
from tests.conftest import EXAMPLES, ONTOLOGY_GRAPH, data_quads, make_tiny

MEDIUM = ["changchun-erdao-2021-gov-report.txt", "liaocheng-dongchangfu-2023-gov-report.txt"]


@pytest.fixture(scope="module")
def medium_store():
    """Two example reports and two hand-made ones (which share nodes): rdflib's serialisers are slow,
    so the round trips run on this smaller store; N-Quads is also checked on the whole example store."""
    with open_store(memory=True) as store:
        result = build([EXAMPLES / name for name in MEDIUM], store)
        assert result.ok
        for source in ("a.txt", "b.txt"):
            store.replace_graph(report_graph(*make_tiny(source)))
        yield store


@pytest.fixture(scope="module")
def exports(medium_store) -> dict[str, str]:
    return {fmt: export_rdf(medium_store, fmt) for fmt in RDF_FORMATS}


@pytest.fixture(scope="module")
def expected(medium_store):
    quads = [q for q in medium_store.quads() if getattr(q.graph_name, "value", None) != ONTOLOGY_GRAPH]
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    graphs = {str(g) for g in medium_store.report_graphs()}
    return len(quads), len(triples), graphs


def _rdflib_quads(text: str, fmt: str) -> tuple[int, set[str]]:
    dataset = Dataset()
    dataset.parse(data=text, format=fmt)
    quads = list(dataset.quads((None, None, None, None)))
    return len(quads), {str(g.identifier if hasattr(g, "identifier") else g) for *_, g in quads}


def test_formats_list():
    assert set(FORMATS) == {"turtle", "ntriples", "nquads", "trig", "jsonld", "csv", "graphml"}


def test_store_has_shared_data(expected):
    n_quads, n_triples, graphs = expected
    assert len(graphs) == 4
    assert n_quads > n_triples > 1000  # the hand-made reports state shared triples twice


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_quad_formats_round_trip_with_rdflib(exports, expected, fmt):
    n_quads, _, graphs = expected
    count, names = _rdflib_quads(exports[fmt], fmt)
    assert count == n_quads
    assert names == graphs


@pytest.mark.parametrize("fmt,ox_format", [("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)])
def test_quad_formats_round_trip_with_oxigraph(exports, expected, fmt, ox_format):
    n_quads, _, graphs = expected
    quads = set(ox.parse(exports[fmt].encode("utf-8"), format=ox_format))
    assert len(quads) == n_quads
    assert {q.graph_name.value for q in quads} == graphs


@pytest.mark.parametrize("fmt,ox_format", [("ntriples", ox.RdfFormat.N_TRIPLES), ("turtle", ox.RdfFormat.TURTLE)])
def test_triple_formats_hold_the_distinct_union(exports, expected, fmt, ox_format):
    _, n_triples, _ = expected
    graph = Graph().parse(data=exports[fmt], format="nt" if fmt == "ntriples" else "turtle")
    assert len(graph) == n_triples
    assert len(set(ox.parse(exports[fmt].encode("utf-8"), format=ox_format))) == n_triples


def test_jsonld_round_trips_with_pyld(exports, expected):
    n_quads, _, graphs = expected
    doc = json.loads(exports["jsonld"])
    assert "@context" in doc
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    lines = {line for line in nquads.splitlines() if line.strip()}
    assert len(lines) == n_quads
    names = {q.graph_name.value for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)}
    assert names == graphs


def test_jsonld_round_trips_with_rdflib(exports, expected):
    n_quads, _, graphs = expected
    count, names = _rdflib_quads(exports["jsonld"], "json-ld")
    assert count == n_quads
    assert names == graphs


def test_ontology_is_left_out(exports):
    for fmt, text in exports.items():
        assert ONTOLOGY_GRAPH not in text, fmt
        assert "owl#Class" not in text and "owl:Class" not in text, fmt


def test_nquads_of_examples_equal_the_store(example_store):
    text = export_rdf(example_store, "nquads")
    lines = {line.rstrip(" .") for line in text.splitlines()}
    assert lines == data_quads(example_store)
    assert len(set(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))) == len(lines)
    assert export_rdf(example_store, "nquads") == text


def test_ntriples_of_examples_hold_the_distinct_union(example_store):
    text = export_rdf(example_store, "ntriples")
    triples = {(q.subject, q.predicate, q.object) for q in example_store.quads()
               if getattr(q.graph_name, "value", None) != ONTOLOGY_GRAPH}
    assert len(set(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))) == len(triples)
    assert export_rdf(example_store, "ntriples") == text


def test_nquads_equal_the_store(exports, medium_store):
    lines = {line.rstrip(" .") for line in exports["nquads"].splitlines()}
    assert lines == data_quads(medium_store)


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_exports_are_deterministic_across_stores(fmt):
    """Two stores filled in a different order export the same text."""
    texts = []
    for order in (("a.txt", "b.txt"), ("b.txt", "a.txt")):
        with open_store(memory=True) as store:
            store.ensure_ontology()
            for source in order:
                store.replace_graph(report_graph(*make_tiny(source)))
            texts.append(export_rdf(store, fmt))
    assert texts[0] == texts[1]
    assert "a.txt" in texts[0] and "b.txt" in texts[0]


def test_line_formats_are_sorted(exports):
    """N-Triples is sorted as a whole; N-Quads graph by graph (graphs by name), each graph sorted."""
    lines = exports["ntriples"].splitlines()
    assert lines == sorted(lines)
    graphs = [str(q.graph_name) for q in ox.parse(exports["nquads"].encode("utf-8"), format=ox.RdfFormat.N_QUADS)]
    assert graphs == sorted(graphs)
    lines = exports["nquads"].splitlines()
    for graph in set(graphs):
        own = [line for line, name in zip(lines, graphs, strict=True) if name == graph]
        assert own == sorted(own)
    assert all(exports[fmt].endswith("\n") for fmt in ("nquads", "ntriples"))


@pytest.mark.parametrize("block", [20_000, 7, 1])
@pytest.mark.parametrize("fmt", ["ntriples", "turtle"])
def test_union_formats_spill_to_disk_with_the_same_output(exports, medium_store, monkeypatch, fmt, block):
    """Runs of 300 lines (so the medium store spills a dozen runs) merge to the same text, in
    blocks of any size (a triple two graphs state may end one block and start the next)."""
    monkeypatch.setattr(union, "RUN_LINES", 300)
    monkeypatch.setattr(union, "BLOCK_LINES", block)
    assert export_rdf(medium_store, fmt) == exports[fmt]


@pytest.mark.parametrize("jobs", [1, 2, 3])
@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "trig", "jsonld"])
def test_serialised_in_blocks_and_processes_with_the_same_output(exports, medium_store, monkeypatch, fmt, jobs):
    """Blocks of ~2 KB (whole graphs, or whole subjects for Turtle), serialised apart in one to
    three processes and joined, give the text of one serialisation of everything; so do the
    unions of two or three ranges of subjects, spilling runs of 100 lines."""
    monkeypatch.setattr(rdf, "_SERIALIZE_BYTES", 2_000)
    monkeypatch.setattr(union, "RUN_LINES", 100)
    out = io.BytesIO()
    write_rdf(medium_store, fmt, out, jobs=jobs)
    assert out.getvalue().decode("utf-8") == exports[fmt]


@pytest.mark.parametrize("jobs", [2, 3])
@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_unions_in_processes_from_kept_texts_are_the_same_bytes(tmp_path, monkeypatch, fmt, jobs):
    """A store opened read-only with every graph's text kept: each process reads the texts and
    takes one range of subjects; without the texts, one process does it all (and keeps them)."""
    from kg.store.texts import TEXTS_FILE

    monkeypatch.setattr(union, "RUN_LINES", 200)
    monkeypatch.setattr(rdf, "_SERIALIZE_BYTES", 2_000)
    folder = tmp_path / "store"
    with open_store(folder) as store:
        assert build([EXAMPLES / name for name in MEDIUM], store).ok
        one = export_rdf(store, fmt)
    with open_store(folder, read_only=True) as store:
        assert store.texts_kept() and store.texts_kept(store.report_literals(KG.graphDigest))
        out = io.BytesIO()
        seen: list[int] = []
        assert write_rdf(store, fmt, out, jobs=jobs, on_graph=seen.append) == sum(seen) > 0
        assert out.getvalue().decode("utf-8") == one
    (folder / TEXTS_FILE).unlink()
    with open_store(folder, read_only=True) as store:
        assert not store.texts_kept()
        out = io.BytesIO()
        write_rdf(store, fmt, out, jobs=jobs)
        assert out.getvalue().decode("utf-8") == one


def test_subject_blocks_end_where_a_subject_does(monkeypatch):
    monkeypatch.setattr(rdf, "_SERIALIZE_BYTES", 30)
    lines = [b"<a> <p> <o1> .\n", b"<a> <p> <o2> .\n", b"<b> <p> <o> .\n", b"<c> <p> <c> .\n", b"<c> <q> <o> .\n"]
    blocks = list(rdf._subject_blocks([b"".join(lines[:3]), b"".join(lines[3:])]))
    assert b"".join(blocks) == b"".join(lines)
    for block in blocks:
        subjects = [line.split(b" ")[0] for line in block.splitlines()]
        assert all(not other.startswith(subjects[-1] + b" ") for later in blocks[blocks.index(block) + 1:]
                   for other in later.splitlines())


def test_write_rdf_counts_quads_and_graphs(medium_store, expected):
    n_quads, _, graphs = expected
    seen: list[int] = []
    out = io.BytesIO()
    assert write_rdf(medium_store, "trig", out, on_graph=seen.append) == n_quads
    assert len(seen) == len(graphs) and sum(seen) == n_quads
    assert out.getvalue().decode("utf-8") == export_rdf(medium_store, "trig")


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_exports_of_disk_stores_filled_in_different_orders_are_identical(tmp_path, fmt):
    """Two on-disk stores built from the same files in opposite orders, bulk-loaded, export byte for byte alike."""
    files = [EXAMPLES / name for name in MEDIUM]
    texts = []
    for order, folder in ((files, "one"), (files[::-1], "two")):
        with open_store(tmp_path / folder) as store:
            assert build(order, store).ok
            texts.append(export_rdf(store, fmt))
    assert texts[0] == texts[1]


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_exports_from_kept_texts_equal_exports_from_the_store(tmp_path, fmt):
    """The same bytes whether the report graphs come from their kept texts (kg/store/texts.py)
    or are read back from the store, as for a store filled by kg load."""
    from kg.store.texts import TEXTS_FILE

    folder = tmp_path / "store"
    with open_store(folder) as store:
        assert build([EXAMPLES / name for name in MEDIUM], store).ok
        store.replace_graph(report_graph(*make_tiny("a.txt")))  # one graph stored by one transaction
        kept = export_rdf(store, fmt)
    (folder / TEXTS_FILE).unlink()
    with open_store(folder, read_only=True) as store:
        assert export_rdf(store, fmt) == kept  # read from the store, and kept again
    with open_store(folder, read_only=True) as store:
        assert len(list(store.ox.named_graphs())) == 4  # three reports and the ontology
        assert all(store.texts.nquads(g, d) for g, d in store.report_literals(KG.graphDigest).items())
        assert export_rdf(store, fmt) == kept


def test_default_graph_quads_are_exported_first(memory_store):
    memory_store.ox.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                                ox.Literal("默认")))
    memory_store.replace_graph(report_graph(*make_tiny("a.txt")))
    lines = export_rdf(memory_store, "nquads").splitlines()
    assert lines[0] == '<http://example.org/s> <http://example.org/p> "默认" .'
    assert len(lines) == len(memory_store) - len(list(memory_store.ox.quads_for_pattern(
        None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))))


def test_unknown_format_raises(example_store):
    with pytest.raises(ValueError):
        export_rdf(example_store, "rdfxml")


def test_empty_store_exports(memory_store):
    assert export_rdf(memory_store, "nquads") == ""
    assert export_rdf(memory_store, "ntriples") == ""
    for fmt in ("turtle", "trig", "jsonld"):
        export_rdf(memory_store, fmt)


# property-graph tables ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pg(medium_store):
    return property_graph(medium_store)


def test_csv_edges_point_at_nodes(pg, tmp_path):
    nodes_path, edges_path = write_csv(pg, tmp_path / "csv")
    with nodes_path.open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with edges_path.open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    uris = {n["uri"] for n in nodes}
    assert len(uris) == len(nodes) == len(pg.nodes)
    assert len(edges) == len(pg.edges)
    missing = {e["source"] for e in edges} | {e["target"] for e in edges}
    assert missing - uris == set()
    assert list(nodes[0]) == ["uri", "labels", "name", "properties"]
    assert list(edges[0]) == ["source", "type", "target", "graph"]
    for node in nodes[:200]:
        assert isinstance(json.loads(node["properties"]), dict)
    assert [n["uri"] for n in nodes] == sorted(n["uri"] for n in nodes)


def test_csv_is_deterministic(pg, tmp_path):
    first = [p.read_bytes() for p in write_csv(pg, tmp_path / "a")]
    second = [p.read_bytes() for p in write_csv(pg, tmp_path / "b")]
    assert first == second


def test_graphml_reads_back_with_networkx(pg, tmp_path):
    path = tmp_path / "kg.graphml"
    with path.open("wb") as out:
        write_graphml(pg, out)
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == len(pg.nodes)
    assert graph.number_of_edges() == len(pg.edges)
    assert graph.is_directed()
    some = next(iter(pg.nodes.values()))
    assert graph.nodes[some.uri]["labels"] == ";".join(sorted(some.labels))
    expected = to_networkx(pg)
    assert dict(graph.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(graph.edges(keys=True, data=True)) == sorted(expected.edges(keys=True, data=True))


def test_graphml_escapes_what_reports_say(tmp_path):
    """Report text is untrusted: markup, quotes and characters XML cannot hold stay text."""
    pg = PropertyGraph()
    hostile = '</data><node id="x"/>&amp; "引号" \'单\' \x01'
    pg.nodes["http://x/a?b=1&c=<2>"] = Node("http://x/a?b=1&c=<2>", {"Agency"}, {"prefLabel_zh": hostile, "n": 3,
                                                                               "ok": True, "share": 0.5})
    pg.nodes["http://x/b"] = Node("http://x/b", {"Place"}, {"prefLabel_zh": ["甲", "乙"]})
    pg.edges.append(Edge("http://x/a?b=1&c=<2>", "ABOUT_PLACE", "http://x/b", "http://x/g'1"))
    path = tmp_path / "kg.graphml"
    with path.open("wb") as out:
        write_graphml(pg, out)
    graph = nx.read_graphml(path, force_multigraph=True)
    a = graph.nodes["http://x/a?b=1&c=<2>"]
    assert a["name"] == a["prefLabel_zh"] == hostile.replace("\x01", "\ufffd")
    assert (a["n"], a["ok"], a["share"], a["labels"]) == (3, True, 0.5, "Agency")
    assert graph.nodes["http://x/b"]["prefLabel_zh"] == "甲 | 乙"
    assert list(graph.edges(keys=True, data=True)) == [
        ("http://x/a?b=1&c=<2>", "http://x/b", "ABOUT_PLACE http://x/g'1", {"type": "ABOUT_PLACE", "graph": "http://x/g'1"})]
    assert graph.number_of_nodes() == 2


# the command ----------------------------------------------------------------------------------------
def test_cli_export_streams_to_a_file_and_counts(runner, example_store_dir, example_store, tmp_path):
    from kg.cli import main

    out = tmp_path / "kg.trig"
    result = runner.invoke(main, ["export", "--format", "trig", "-o", str(out), "--store", str(example_store_dir)])
    assert result.exit_code == 0, result.output
    graphs = len(example_store.report_graphs())
    assert f"({len(data_quads(example_store))} quads from {graphs} graphs)" in result.stderr
    assert out.read_text(encoding="utf-8") == export_rdf(example_store, "trig")
    assert [p.name for p in tmp_path.iterdir()] == ["kg.trig"]  # no partial file left


def test_cli_export_to_an_unwritable_place_is_one_line(runner, example_store_dir, tmp_path):
    from kg.cli import main

    out = tmp_path / "missing" / "kg.nq"
    result = runner.invoke(main, ["export", "--format", "nquads", "-o", str(out), "--store", str(example_store_dir)])
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.output
    assert not out.parent.exists()


def test_rdf_export_of_some_graphs_holds_them_alone_in_order(medium_store):
    graphs = [str(g) for g in medium_store.report_graphs()]
    some = [graphs[-1], graphs[0], graphs[-1]]  # any order, repeated: each once, in the store's order
    lines = export_rdf(medium_store, "nquads", graphs=some).splitlines()
    assert {line.rsplit(" ", 2)[1] for line in lines} == {f"<{graphs[0]}>", f"<{graphs[-1]}>"}
    whole = export_rdf(medium_store, "nquads").splitlines()
    assert lines == [line for line in whole if line.rsplit(" ", 2)[1] in (f"<{graphs[0]}>", f"<{graphs[-1]}>")]
    trig = Dataset()
    trig.parse(data=export_rdf(medium_store, "trig", graphs=[graphs[0]]), format="trig")
    assert {str(g.identifier) for g in trig.graphs() if len(g)} == {graphs[0]}


@pytest.mark.parametrize("fmt", ["nquads", "turtle"])
def test_cli_rdf_export_keeps_the_reports_asked_for(runner, example_store_dir, example_store, tmp_path, fmt):
    from kg.cli import main
    from kg.export import report_graphs
    from kg.query.filters import SourceFilter

    out = tmp_path / f"kg.{fmt}"
    result = runner.invoke(main, ["export", "--format", fmt, "-o", str(out), "--year", "2023",
                                  "--store", str(example_store_dir)])
    assert result.exit_code == 0, result.output
    kept = report_graphs(example_store, SourceFilter.of([], [], ["2023"]))
    assert 0 < len(kept) < len(example_store.report_graphs())
    assert f"from {len(kept)} graphs)" in result.stderr
    assert out.read_text(encoding="utf-8") == export_rdf(example_store, fmt, graphs=kept)
    result = runner.invoke(main, ["export", "--format", fmt, "-o", str(out), "--year", "1999",
                                  "--store", str(example_store_dir)])
    assert result.exit_code == 1 and "no stored report passes" in result.output


def test_cli_property_graph_exports_refuse_report_filters(runner, example_store_dir, tmp_path):
    from kg.cli import main

    result = runner.invoke(main, ["export", "--format", "graphml", "-o", str(tmp_path / "g.graphml"), "--year", "2023",
                                  "--store", str(example_store_dir)])
    assert result.exit_code == 2 and "filter the RDF formats" in result.output


def test_cli_export_in_two_processes_writes_the_same_file(runner, example_store_dir, example_store, tmp_path):
    from kg.cli import main

    out = tmp_path / "kg.jsonld"
    result = runner.invoke(main, ["export", "--format", "jsonld", "-o", str(out), "-j", "2",
                                  "--store", str(example_store_dir)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == export_rdf(example_store, "jsonld")
    result = runner.invoke(main, ["export", "--format", "trig", "-o", str(out), "-j", "0",
                                  "--store", str(example_store_dir)])
    assert result.exit_code == 2 and "-j" in result.output
