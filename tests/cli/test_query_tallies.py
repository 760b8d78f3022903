"""kg query warns when a query reads what some stored reports lack: tallies, or build-time indexes."""

from __future__ import annotations

from kg.cli import main
from kg.graph import report_graph
from kg.graph.vocab import TALLIES
from kg.store import open_store


def _store(folder, tiny_factory, *, untallied: int) -> None:
    with open_store(folder) as store:
        store.ensure_ontology()
        for n in range(3):
            graph = report_graph(*tiny_factory(f"r{n}.txt"))
            if n < untallied:  # as kg built it before tallies
                for triple in [t for t in graph if str(t[1]) in TALLIES]:
                    graph.remove(triple)
            store.replace_graph(graph)


def test_a_ranking_over_reports_built_before_tallies_says_so(runner, tmp_path, tiny_factory):
    _store(tmp_path / "store", tiny_factory, untallied=2)
    folder = str(tmp_path / "store")
    result = runner.invoke(main, ["query", "agencies_by_targets", "--store", folder, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "warning: 2 stored reports were built before kg counted tallies" in result.stderr
    assert "东昌府区水利局,东昌府区,1,1" in result.stdout  # the one tallied report still counts


def test_no_warning_when_every_report_states_its_tallies_or_the_query_adds_none_up(runner, tmp_path, tiny_factory):
    for untallied, name in ((0, "agencies_by_targets"), (3, "policies_by_agency")):
        folder = tmp_path / f"store-{untallied}"
        _store(folder, tiny_factory, untallied=untallied)
        result = runner.invoke(main, ["query", name, "--store", str(folder)])
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() and "warning" not in result.stderr


def test_a_query_reading_build_time_indexes_warns_of_reports_another_kg_built(runner, tmp_path, tiny_factory):
    from rdflib import Literal

    from kg.graph.vocab import KG

    folder = tmp_path / "store"
    with open_store(folder) as store:
        store.ensure_ontology()
        for n in range(3):
            graph = report_graph(*tiny_factory(f"r{n}.txt"))
            if n == 0:  # as an older kg built it
                report = next(graph.subjects(KG.extractorVersion, None))
                graph.set((report, KG.extractorVersion, Literal("0.0.1+old")))
            store.replace_graph(graph)
    indexed = runner.invoke(main, ["query", "policies_by_agency", "--store", str(folder)])
    assert indexed.exit_code == 0, indexed.output
    assert "warning: 1 stored reports were built by another version of kg" in indexed.stderr
    plain = runner.invoke(main, ["query", "reports", "--store", str(folder)])
    assert plain.exit_code == 0 and "warning" not in plain.stderr
