"""Building a corpus in shards (separate processes, separate stores), exporting each as
N-Quads and merging them gives the store a single build gives (docs/scale.md)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.cli.load import load
from kg.errors import KgError
from kg.export import export_rdf
from kg.store import open_store
from kg.store.load import load_nquads, nquads_graphs
from tests.conftest import EXAMPLES

KG = [sys.executable, "-c", "from kg.cli import main; main()"]
SHARDS = [["changchun-erdao-2021-gov-report.txt", "liaocheng-2023-gov-report-part.txt"],
          ["fushun-wanghua-2022-gov-report.txt", "liaocheng-dongchangfu-2023-gov-report.txt",
           "xx-city-quality-speech-2019-traditional.txt"]]


@pytest.fixture(scope="module")
def shard_exports(tmp_path_factory) -> list[Path]:
    """Each shard built and exported by its own `kg` processes, both shards at once."""
    work = tmp_path_factory.mktemp("shards")
    commands = []
    for k, names in enumerate(SHARDS):
        folder = work / f"shard-{k}"
        folder.mkdir()
        for name in names:
            shutil.copy(EXAMPLES / name, folder / name)
        store, out = work / f"store-{k}", work / f"shard-{k}.nq"
        commands.append(" && ".join(subprocess.list2cmdline(c) for c in (
            [*KG, "build", str(folder), "--store", str(store), "-q"],
            [*KG, "export", "--format", "nquads", "-o", str(out), "--store", str(store)])))
    procs = [subprocess.Popen(c, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for c in commands]
    for proc in procs:
        output = proc.communicate(timeout=600)[0]
        assert proc.returncode == 0, output.decode()
    return [work / f"shard-{k}.nq" for k in range(len(SHARDS))]


@pytest.fixture(scope="module")
def one_go_nquads(example_store) -> str:
    return export_rdf(example_store, "nquads")


def test_merged_shards_equal_one_build(shard_exports, one_go_nquads, tmp_path):
    with open_store(tmp_path / "merged") as store:
        result = load_nquads(store, shard_exports)
        assert (result.files, result.graphs, result.replaced) == (2, 5, 0)
        assert export_rdf(store, "nquads") == one_go_nquads
        assert len(store.report_graphs()) == 5
        assert store.query("ASK { GRAPH <https://w3id.org/kg-cn/graph/ontology> { ?c a owl:Class } }",
                           ).askAnswer  # the ontology graph is there for subclass queries


def test_loading_again_replaces_the_reports_it_holds(shard_exports, one_go_nquads, tmp_path):
    with open_store(tmp_path / "merged") as store:
        build([EXAMPLES / SHARDS[0][0]], store)  # a report already stored, as kg build leaves it
        load_nquads(store, shard_exports)
        result = load_nquads(store, shard_exports[:1])
        assert result.replaced == len(SHARDS[0])
        assert export_rdf(store, "nquads") == one_go_nquads


def test_a_report_in_two_shards_is_refused_before_writing(shard_exports, tmp_path):
    with open_store(tmp_path / "merged") as store:
        with pytest.raises(KgError, match="in both"):
            load_nquads(store, [shard_exports[0], shard_exports[0]])
        assert len(store) == 0


def test_triples_outside_a_named_graph_are_refused(tmp_path):
    path = tmp_path / "bad.nq"
    path.write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    with pytest.raises(KgError, match="outside a named graph"):
        nquads_graphs(path)
    path.write_text("<http://a> <http://b> .\n", encoding="utf-8")
    with pytest.raises(KgError, match="not valid N-Quads"):
        nquads_graphs(path)


def test_kg_load_command(runner, shard_exports, one_go_nquads, tmp_path):
    result = runner.invoke(load, [*map(str, shard_exports), "--store", str(tmp_path / "merged")])
    assert result.exit_code == 0, result.output
    assert "5 report graphs from 2 files" in result.output
    with open_store(tmp_path / "merged", read_only=True) as store:
        assert export_rdf(store, "nquads") == one_go_nquads
    bad = tmp_path / "bad.nq"
    bad.write_text("not n-quads\n", encoding="utf-8")
    result = runner.invoke(load, [str(bad), "--store", str(tmp_path / "other")])
    assert result.exit_code == 1 and "not valid N-Quads" in result.output
