"""The on-disk store: atomic graph replacement, persistence, locking, safe parameters."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.errors import KgError
from kg.graph import iris, report_graph
from kg.graph.vocab import BASE, GRAPH_ONTOLOGY
from kg.store import DEFAULT_STORE, open_store, store_path


def _graph(name: str, *labels: str) -> Graph:
    graph = Graph(identifier=iris.report_iri(name))
    for n, label in enumerate(labels):
        graph.add((URIRef(f"{graph.identifier}/thing/{n}"), SKOS.prefLabel, Literal(label, lang="zh")))
    return graph


def test_replace_graph_twice_gives_no_duplicates(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    memory_store.replace_graph(graph)
    first = len(memory_store)
    memory_store.replace_graph(graph)
    assert len(memory_store) == first == len(graph)
    assert memory_store.report_graphs() == [graph.identifier]


def test_replacing_removes_stale_triples(memory_store):
    memory_store.replace_graph(_graph("r.txt", "旧一", "旧二", "旧三"))
    memory_store.replace_graph(_graph("r.txt", "新"))
    dumped = memory_store.dump_graph(iris.report_iri("r.txt"))
    assert "新" in dumped
    assert "旧" not in dumped
    assert len(memory_store) == 1


def test_replacing_one_graph_leaves_others(memory_store):
    memory_store.replace_graph(_graph("a.txt", "甲"))
    memory_store.replace_graph(_graph("b.txt", "乙"))
    memory_store.replace_graph(_graph("a.txt", "丙"))
    assert "乙" in memory_store.dump_graph(iris.report_iri("b.txt"))
    assert len(memory_store) == 2


def test_failed_update_leaves_previous_graph_intact(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    memory_store.replace_graph(graph)
    before = memory_store.dump_graph(graph.identifier)
    size = len(memory_store)
    garbage = "<http://x/a> <http://x/b> .\n this is { not } N-Triples ; DROP ALL"
    with pytest.raises((SyntaxError, ValueError, OSError, RuntimeError)):
        memory_store.replace_ntriples(graph.identifier, garbage)
    assert len(memory_store) == size
    assert memory_store.dump_graph(graph.identifier) == before


def test_garbage_for_a_new_graph_writes_nothing(memory_store):
    name = iris.report_iri("new.txt")
    garbage = "<http://x/a> <http://x/b> <http://x/c> .\n this is { not } N-Triples"
    with pytest.raises((SyntaxError, ValueError, OSError, RuntimeError)):
        memory_store.replace_ntriples(name, garbage)
    assert len(memory_store) == 0
    assert memory_store.report_graphs() == []


def test_new_and_replaced_graphs_hold_the_same_triples(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    memory_store.replace_graph(graph)  # new: loaded
    first = memory_store.dump_graph(graph.identifier)
    memory_store.replace_graph(graph)  # existing: dropped and inserted again
    assert sorted(memory_store.dump_graph(graph.identifier).splitlines()) == sorted(first.splitlines())


def test_replacing_a_graph_writes_only_its_difference(memory_store):
    """Kept triples stay, dropped ones go, new ones come; the graph ends exactly as the new text."""
    name = iris.report_iri("a.txt")
    memory_store.replace_ntriples(name, _nt("甲", "乙", "丙"))
    memory_store.replace_ntriples(name, _nt("甲", "乙", "丁", "戊"))  # 丙 -> 丁 at position 2, 戊 new
    assert sorted(memory_store.dump_graph(name).splitlines()) == sorted(_nt("甲", "乙", "丁", "戊").splitlines())
    memory_store.replace_ntriples(name, _nt("甲"))
    assert memory_store.dump_graph(name).splitlines() == _nt("甲").splitlines() and len(memory_store) == 1
    with pytest.raises(SyntaxError):
        memory_store.replace_ntriples(name, _nt("乙") + "<http://x/9> broken .\n")
    assert memory_store.dump_graph(name).splitlines() == _nt("甲").splitlines()  # malformed text writes nothing


def _nt(*labels: str) -> str:
    return "".join(f'<http://x/{n}> <{SKOS.prefLabel}> "{label}"@zh .\n' for n, label in enumerate(labels))


def test_writer_batches_new_graphs_and_replaces_stored_ones(memory_store):
    a, b = iris.report_iri("a.txt"), iris.report_iri("b.txt")
    memory_store.replace_ntriples(a, _nt("旧"))
    with memory_store.writer(batch_triples=100) as writer:
        writer.write(a, _nt("甲"), 1)  # stored already: replaced at once
        writer.write(b, _nt("乙", "丙"), 2)  # new: waits for the batch
        assert "甲" in memory_store.dump_graph(a) and "旧" not in memory_store.dump_graph(a)
        assert b not in memory_store.report_graphs()
        writer.write(b, _nt("丁"), 1)  # waiting already: the batch goes first, then this replaces it
    assert memory_store.report_graphs() == [a, b]
    assert "丁" in memory_store.dump_graph(b) and "乙" not in memory_store.dump_graph(b)
    assert len(memory_store) == 2


def test_writer_loads_a_batch_when_it_is_full(memory_store):
    with memory_store.writer(batch_triples=2) as writer:
        writer.write(iris.report_iri("a.txt"), _nt("甲"), 1)
        assert memory_store.report_graphs() == [] and writer.pending
        writer.write(iris.report_iri("b.txt"), _nt("乙"), 1)
        assert not writer.pending  # handed to the loading thread
        writer.commit()
        assert len(memory_store.report_graphs()) == 2


def test_writer_replaces_a_graph_of_the_batch_loading_now(memory_store):
    a = iris.report_iri("a.txt")
    with memory_store.writer(batch_triples=1) as writer:
        writer.write(a, _nt("甲", "乙"), 2)  # batch full: loading in the background
        writer.write(a, _nt("丙"), 1)  # must wait for that load, then replace, not add to it
    assert "丙" in memory_store.dump_graph(a) and "甲" not in memory_store.dump_graph(a)
    assert len(memory_store) == 1


def test_writer_keeps_loading_while_the_caller_works(tmp_path):
    """Many batches through the loading thread into an on-disk store: all stored, each once."""
    from kg.store import open_store

    with open_store(tmp_path / "store") as store:
        with store.writer(batch_triples=3) as writer:
            for k in range(40):
                writer.write(iris.report_iri(f"r{k}.txt"), _nt(f"甲{k}", f"乙{k}"), 2)
        assert len(store.report_graphs()) == 40 and len(store) == 80


def test_writer_batch_with_malformed_text_writes_nothing(memory_store):
    with pytest.raises(SyntaxError), memory_store.writer() as writer:
        writer.write(iris.report_iri("a.txt"), _nt("甲"), 1)
        writer.write(iris.report_iri("b.txt"), "<http://x/a> <http://x/b> this is { not } N-Triples", 1)
        writer.commit()
    assert len(memory_store) == 0


def test_writer_batch_with_malformed_text_without_a_brace_writes_nothing(memory_store):
    """A text the brace check lets through is still checked, by the strict bulk load: the
    batch is dropped again."""
    with pytest.raises(SyntaxError), memory_store.writer() as writer:
        writer.write(iris.report_iri("a.txt"), _nt("甲"), 1)
        bad_iri = '<http://x/a> <http://x/b> "乙" .\n<http://x/a b> <http://x/c> "丙" .\n'
        writer.write(iris.report_iri("b.txt"), bad_iri, 2)
        writer.write(iris.report_iri("c.txt"), _nt("丁"), 1)
    assert len(memory_store) == 0 and memory_store.report_graphs() == []


@pytest.mark.parametrize("escape", [
    '<http://x/a> <http://x/b> "乙" .\n} <http://x/other> { <http://x/a> <http://x/b> "丙" .',
    '<http://x/a> <http://x/b> "乙" . } <http://x/other> { <http://x/a> <http://x/b> "丙" .\n',
    '<http://x/a> <http://x/b> "括号}" .\n'
    '<http://x/a> <http://x/b> """长\n} <http://x/other> { <http://x/a> <http://x/b> "丙" . """ .\n',
])
def test_writer_text_cannot_reach_into_another_graph(memory_store, escape):
    with pytest.raises(SyntaxError), memory_store.writer() as writer:
        writer.write(iris.report_iri("a.txt"), _nt("甲"), 1)
        writer.write(iris.report_iri("b.txt"), escape, 2)
    assert len(memory_store) == 0


def test_writer_loads_literals_holding_braces(memory_store):
    with memory_store.writer() as writer:
        writer.write(iris.report_iri("a.txt"), _nt("PM_{2.5}", "{甲}"), 2)
    assert len(memory_store) == 2 and "PM_{2.5}" in memory_store.dump_graph(iris.report_iri("a.txt"))


def test_writer_stores_nothing_when_the_block_fails(memory_store):
    with pytest.raises(KeyError), memory_store.writer() as writer:
        writer.write(iris.report_iri("a.txt"), _nt("甲"), 1)
        raise KeyError("boom")
    assert len(memory_store) == 0


def test_graph_name_is_validated(memory_store):
    with pytest.raises(ValueError):
        memory_store.replace_ntriples(URIRef("http://x/a> } ; DROP ALL ; #"), "")
    unnamed = Graph()
    with pytest.raises(ValueError):
        memory_store.replace_graph(unnamed)


def test_remove_graph(memory_store):
    memory_store.replace_graph(_graph("a.txt", "甲"))
    memory_store.replace_graph(_graph("b.txt", "乙"))
    assert memory_store.remove_graph(iris.report_iri("a.txt")) is True
    assert memory_store.report_graphs() == [iris.report_iri("b.txt")]
    assert memory_store.remove_graph(iris.report_iri("a.txt")) is False
    assert len(memory_store) == 1


def test_report_graphs_sorted_and_without_ontology(memory_store):
    memory_store.ensure_ontology()
    for name in ("c.txt", "a.txt", "b.txt"):
        memory_store.replace_graph(_graph(name, name))
    assert memory_store.report_graphs() == [iris.report_iri(n) for n in ("a.txt", "b.txt", "c.txt")]
    assert GRAPH_ONTOLOGY not in memory_store.report_graphs()


def test_ensure_ontology_is_idempotent(memory_store):
    memory_store.ensure_ontology()
    size = len(memory_store)
    assert size > 100
    memory_store.ensure_ontology()
    assert len(memory_store) == size


def test_ensure_ontology_writes_only_when_the_stored_copy_differs(memory_store, monkeypatch):
    memory_store.ensure_ontology()
    writes = []
    original = memory_store.replace_ntriples
    monkeypatch.setattr(memory_store, "replace_ntriples", lambda *args: writes.append(args) or original(*args))
    memory_store.ensure_ontology()
    assert writes == []
    memory_store.ox.update(f"DELETE WHERE {{ GRAPH <{GRAPH_ONTOLOGY}> {{ ?s a ?type }} }}")
    memory_store.ensure_ontology()
    assert len(writes) == 1
    memory_store.ensure_ontology()
    assert len(writes) == 1


def test_graph_copy(memory_store, tiny_report):
    graph = report_graph(*tiny_report)
    memory_store.replace_graph(graph)
    copy = memory_store.graph(graph.identifier)
    assert len(copy) == len(graph)
    assert set(copy) == set(graph)


def _release(store) -> None:
    store.close()
    gc.collect()


def test_store_persists_across_reopen(tmp_path, tiny_report):
    folder = tmp_path / "store"
    graph = report_graph(*tiny_report)
    with open_store(folder) as store:
        store.replace_graph(graph)
        size = len(store)
    with open_store(folder, read_only=True) as store:
        assert len(store) == size
        assert store.report_graphs() == [graph.identifier]
    with open_store(folder) as store:
        assert len(store) == size


_OPEN_WRITER = (
    "import sys\n"
    "from kg.errors import KgError\n"
    "from kg.store import open_store\n"
    "try:\n"
    "    open_store(sys.argv[1]).close()\n"
    "except KgError as e:\n"
    "    print(e); sys.exit(3)\n"
)


def _writer_elsewhere(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _OPEN_WRITER, str(folder)], capture_output=True, text=True,
                          timeout=60)


def test_close_releases_the_store_for_other_processes(tmp_path):
    folder = tmp_path / "store"
    store = open_store(folder)
    store.ensure_ontology()
    store.close()
    done = _writer_elsewhere(folder)  # `store` is still referenced here, as after any `with open_store(...)`
    assert done.returncode == 0, done.stdout


def test_read_only_on_missing_folder_is_a_one_line_error(tmp_path):
    missing = tmp_path / "nothing-here"
    with pytest.raises(KgError) as info:
        open_store(missing, read_only=True)
    message = str(info.value)
    assert "\n" not in message
    assert str(missing) in message
    assert not missing.exists()


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (RuntimeError("IO error: While lock file: LOCK: Resource temporarily unavailable\ndetails"), "another process"),
        (RuntimeError("Corruption: bad block\nmore"), "Corruption: bad block"),
        (OSError("No space left on device"), "No space left on device"),
    ],
)
def test_open_failures_are_one_line_errors(tmp_path, monkeypatch, error, reason):
    import pyoxigraph

    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(pyoxigraph, "Store", refuse)
    folder = tmp_path / "store"
    with pytest.raises(KgError) as info:
        open_store(folder)
    message = str(info.value)
    assert "\n" not in message
    assert str(folder) in message
    assert reason in message


def test_second_writer_in_this_process_is_refused(tmp_path):
    folder = tmp_path / "store"
    with open_store(folder), pytest.raises(KgError) as info:
        open_store(folder)
    assert "another process" in str(info.value)
    assert "\n" not in str(info.value)


def test_second_writer_in_another_process_is_refused(tmp_path):
    folder = tmp_path / "store"
    store = open_store(folder)
    done = _writer_elsewhere(folder)
    _release(store)
    assert done.returncode == 3, done.stderr
    assert "another process" in done.stdout
    assert str(folder) in done.stdout


def test_store_path_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "from-env"))
    assert store_path(tmp_path / "arg") == tmp_path / "arg"
    assert store_path(None) == tmp_path / "from-env"
    monkeypatch.delenv("KG_STORE")
    assert store_path(None) == DEFAULT_STORE == Path(".kg") / "store"
    monkeypatch.setenv("KG_STORE", "")
    assert store_path() == DEFAULT_STORE


def test_open_store_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    with open_store() as store:
        assert store.path == tmp_path / "env-store"
    assert (tmp_path / "env-store").is_dir()


INJECTION = 'x" } ; DROP ALL ; #'
LOOKUP = "SELECT ?place ?x WHERE { ?x skos:prefLabel ?name . FILTER(STR(?name) = STR(?place)) }"


def test_query_parameters_are_bound_not_pasted(memory_store, tiny_report):
    from kg.query import run_query

    memory_store.replace_graph(report_graph(*tiny_report))
    size = len(memory_store)
    rows = list(run_query(memory_store, LOOKUP, {"place": INJECTION}))
    assert rows == []
    assert len(memory_store) == size
    rows = list(run_query(memory_store, LOOKUP, {"place": "班滑河"}))
    assert [str(r.x) for r in rows] == [str(iris.place_iri("班滑河"))]


def test_parameter_value_with_quotes_is_matched_as_data(memory_store):
    from kg.query import run_query

    memory_store.replace_graph(_graph("q.txt", INJECTION))
    size = len(memory_store)
    rows = list(run_query(memory_store, LOOKUP, {"place": INJECTION}))
    assert len(rows) == 1
    assert len(memory_store) == size


def test_update_in_query_text_is_rejected(memory_store):
    memory_store.replace_graph(_graph("q.txt", "甲"))
    with pytest.raises(KgError):
        memory_store.query("DROP ALL")
    assert len(memory_store) == 1


def test_sparql_syntax_error_is_a_one_line_kg_error(memory_store):
    with pytest.raises(KgError) as info:
        memory_store.query("SELEC ?x WHERE { ?x ?y ?z }")
    assert str(info.value).startswith("SPARQL:")
    assert "\n" not in str(info.value)


def test_replacing_with_hostile_or_malformed_text_keeps_the_store(memory_store):
    """A replace writes the parsed triples, never the text: a stored graph with quotes and braces
    round-trips, and text that would end the update early raises and changes nothing."""
    a = iris.report_iri("a.txt")
    memory_store.replace_ntriples(a, _nt("旧"))
    memory_store.replace_ntriples(a, _nt(INJECTION.replace('"', '\\"')))
    assert len(memory_store) == 1 and "DROP ALL" in memory_store.dump_graph(a)
    before = memory_store.dump_graph(a)
    with pytest.raises(SyntaxError):
        memory_store.replace_ntriples(
            a, '<http://x/a> <http://x/b> "c" . } } ; DROP ALL ; INSERT DATA { <http://x/d> <http://x/e> "f" .')
    assert memory_store.dump_graph(a) == before and len(memory_store) == 1


def test_killed_bulk_load_leaves_no_files_once_the_store_is_reopened(tmp_path):
    folder = tmp_path / "store"
    with open_store(folder) as store:
        store.replace_ntriples(URIRef("https://w3id.org/kg-cn/id/report/kept"), "<http://s> <http://p> \"o\" .\n")
    stray = folder / "bulk-41187532908410632581960116908422806511.sst"
    stray.write_bytes(b"\0" * 1024)  # what a process killed during a bulk load leaves
    with open_store(folder, read_only=True) as store:  # a reader leaves the folder alone
        assert len(store) == 1
    assert stray.exists()
    with open_store(folder) as store:
        assert not stray.exists()
        assert len(store) == 1
    assert list(folder.glob("*.sst")) == [p for p in folder.glob("*.sst") if not p.name.startswith("bulk-")]


# store ids, report literals, removing graphs ---------------------------------------------------------------
def test_store_id_is_made_once_and_kept(tmp_path):
    from kg.store.store import STORE_ID_FILE

    with open_store(tmp_path / "one") as one:
        first = one.store_id()
        assert first == one.store_id() and len(first) == 32
    with open_store(tmp_path / "one", read_only=True) as again:
        assert again.store_id() == first
    assert (tmp_path / "one" / STORE_ID_FILE).read_text(encoding="utf-8").strip() == first
    with open_store(tmp_path / "two") as two, open_store(memory=True) as memory:
        assert len({first, two.store_id(), memory.store_id()}) == 3


def test_remove_graphs_drops_all_named_in_one_update():
    with open_store(memory=True) as store:
        for name in ("a", "b", "c"):
            store.replace_ntriples(URIRef(f"{BASE}id/report/{name}"), f"<{BASE}id/report/{name}> <{BASE}p> \"x\" .\n")
        store.remove_graphs([URIRef(f"{BASE}id/report/a"), URIRef(f"{BASE}id/report/c"), URIRef(f"{BASE}id/x")])
        assert store.report_graphs() == [URIRef(f"{BASE}id/report/b")]


def test_report_literals_reads_what_each_graph_node_states():
    with open_store(memory=True) as store:
        store.replace_ntriples(URIRef(f"{BASE}id/report/a"), f"<{BASE}id/report/a> <{BASE}p> \"one\" .\n"
                               f"<{BASE}id/other> <{BASE}p> \"not the report\" .\n")
        store.replace_ntriples(URIRef(f"{BASE}id/report/b"), f"<{BASE}id/report/b> <{BASE}p> \"1\" .\n"
                               f"<{BASE}id/report/b> <{BASE}p> \"2\" .\n")
        assert store.report_literals(URIRef(f"{BASE}p")) == {f"{BASE}id/report/a": "one"}


# streaming reads ---------------------------------------------------------------------------------------
def test_data_graphs_leave_out_the_ontology_and_are_sorted(memory_store):
    import pyoxigraph as ox

    memory_store.ensure_ontology()
    for name in ("b.txt", "a.txt", "c.txt"):
        memory_store.replace_graph(_graph(name, name))
    names = [g.value for g in memory_store.data_graphs()]
    assert names == sorted(str(iris.report_iri(n)) for n in ("a.txt", "b.txt", "c.txt"))
    memory_store.ox.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                                ox.Literal("x")))
    assert memory_store.data_graphs()[0] == ox.DefaultGraph()
    assert str(GRAPH_ONTOLOGY) not in {getattr(g, "value", "") for g in memory_store.data_graphs()}


def test_sorted_nquads_do_not_depend_on_the_order_of_insertion():
    name = iris.report_iri("r.txt")
    triples = [(URIRef(f"{name}/thing/{n % 7}"), SKOS.altLabel, Literal(f"标签{n}", lang="zh")) for n in range(40)]
    dumps = []
    for order in (triples, triples[::-1]):
        with open_store(memory=True) as store:
            graph = _graph("r.txt")
            for triple in order:
                graph.add(triple)
            store.replace_graph(graph)
            [(graph_name, text)] = store.sorted_nquads()
            assert graph_name.value == str(graph.identifier)
            dumps.append(text.split(b"\n")[:-1])
    assert dumps[0] == dumps[1] == sorted(dumps[0])
    assert len(dumps[0]) == 40 and all(line.endswith(f" <{name}> .".encode()) for line in dumps[0])
