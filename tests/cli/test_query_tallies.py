"""kg query warns when a ranking adds up tallies that some stored reports do not state."""

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
