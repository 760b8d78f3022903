"""Two stores and one Neo4j database: the database belongs to one store, nothing is lost."""

from __future__ import annotations

import re
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store import GraphStore, open_store
from kg.sync import ForeignStore, sync_to_neo4j
from kg.sync.owner import database_owner
from tests.conftest import release
from tests.neo4j.server import server_status
from tests.sync.graphs import REPORT_A, REPORT_B, report_a, report_b
from tests.sync.test_sync import snapshot


@pytest.fixture
def other() -> Any:
    """A second store: report B with another value, and no report A."""
    with open_store(memory=True) as s:
        s.replace_graph(report_b(value="7"))
        yield s


def test_sync_from_another_store_is_refused_and_changes_nothing(driver: Any, store: GraphStore, other: Any) -> None:
    sync_to_neo4j(store, driver)
    before = snapshot(driver)
    with pytest.raises(ForeignStore) as refused:
        sync_to_neo4j(other, driver)
    message = str(refused.value)
    assert "\n" not in message and "holds 2 reports synced from another store" in message
    assert "nothing was changed" in message and "kg sync --replace" in message
    assert "kg neo4j start --data DIR --port P" in message and "--database NAME" in message
    assert snapshot(driver) == before
    assert database_owner(driver)["store"] == store.store_id()
    assert not sync_to_neo4j(store, driver).changed  # the owner goes on as before


def test_replace_takes_the_database_over(driver: Any, store: GraphStore, other: Any) -> None:
    sync_to_neo4j(store, driver)
    summary = sync_to_neo4j(other, driver, replace=True)
    assert summary.removed == [str(REPORT_A)] and summary.updated == [str(REPORT_B)]
    assert database_owner(driver)["store"] == other.store_id()
    with pytest.raises(ForeignStore):
        sync_to_neo4j(store, driver)  # now the first store is the stranger
    records, _, _ = driver.execute_query("MATCH (r:Report) RETURN r.uri AS uri")
    assert [r["uri"] for r in records] == [str(REPORT_B)]


def test_a_store_on_disk_keeps_its_database_across_runs(driver: Any, tmp_path: Any) -> None:
    disk = open_store(tmp_path / "store")
    disk.replace_graph(report_a())
    sync_to_neo4j(disk, driver)
    release(disk)
    again = open_store(tmp_path / "store")
    again.replace_graph(report_b())
    try:
        assert sync_to_neo4j(again, driver).added == [str(REPORT_B)]
        assert database_owner(driver)["path"] == str((tmp_path / "store").resolve())
    finally:
        release(again)


def test_database_synced_before_owners_is_adopted_only_if_nothing_is_lost(driver: Any, store: GraphStore,
                                                                         other: Any) -> None:
    sync_to_neo4j(store, driver)
    driver.execute_query("MATCH (o:SyncOwner) DELETE o")
    assert not sync_to_neo4j(store, driver).changed  # every report it holds is the store's: adopted
    assert database_owner(driver)["store"] == store.store_id()
    driver.execute_query("MATCH (o:SyncOwner) DELETE o")
    before = snapshot(driver)
    with pytest.raises(ForeignStore, match=r"a store it cannot name .*lacks 1 of them"):
        sync_to_neo4j(other, driver)
    assert snapshot(driver) == before


def test_kg_sync_refusal_and_replace_through_the_cli(driver: Any, tmp_path: Any) -> None:
    folders = []
    for name, graph in (("one", report_a()), ("two", report_b(value="7"))):
        disk = open_store(tmp_path / name)
        disk.replace_graph(graph)
        release(disk)
        folders.append(str(tmp_path / name))
    data = ["--data", str(server_status().data)]
    runner = CliRunner()
    assert runner.invoke(main, ["sync", "-q", "--store", folders[0], *data]).exit_code == 0
    refused = runner.invoke(main, ["sync", "-q", "--store", folders[1], *data])
    assert refused.exit_code == 1 and refused.output.count("\n") == 1
    assert f"synced from another store ({folders[0]} on " in refused.output
    taken = runner.invoke(main, ["sync", "--replace", "--store", folders[1], *data])
    assert taken.exit_code == 0, taken.output
    assert re.search(r"reports removed +1\b", taken.output) and re.search(r"reports added +1\b", taken.output)


def test_kg_remove_then_sync_drops_the_reports_from_neo4j(driver: Any, tmp_path: Any) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    report = ("绿水市人民政府工作报告\n一、2024年工作回顾\n全市新建口袋公园9处。\n"
              "二、2025年主要任务\n市水利局治理清水河3条。\n")
    (corpus / "a.txt").write_text(report, encoding="utf-8")
    (corpus / "b.txt").write_text(report.replace("9处", "6处"), encoding="utf-8")
    store = ["--store", str(tmp_path / "store")]
    data = ["--data", str(server_status().data)]
    runner = CliRunner()
    assert runner.invoke(main, ["build", "-q", str(corpus), *store]).exit_code == 0
    assert runner.invoke(main, ["sync", "-q", *store, *data]).exit_code == 0
    assert runner.invoke(main, ["remove", "b.txt", *store]).exit_code == 0
    result = runner.invoke(main, ["sync", *store, *data])
    assert result.exit_code == 0 and re.search(r"reports removed +1\b", result.output)
    records, _, _ = driver.execute_query("MATCH (r:Report) RETURN r.sourceFile AS source")
    assert [r["source"] for r in records] == ["a.txt"]


def test_store_built_again_in_the_owners_folder_is_its_successor(driver: Any, tmp_path: Any) -> None:
    import shutil

    disk = open_store(tmp_path / "store")
    disk.replace_graph(report_a())
    sync_to_neo4j(disk, driver)
    old_id = disk.store_id()
    release(disk)
    shutil.rmtree(tmp_path / "store")  # like `rm -rf .kg/store && kg build …`
    again = open_store(tmp_path / "store")
    again.replace_graph(report_b())
    try:
        assert again.store_id() != old_id
        summary = sync_to_neo4j(again, driver)
        assert summary.added == [str(REPORT_B)] and summary.removed == [str(REPORT_A)]
        assert database_owner(driver)["store"] == again.store_id()
    finally:
        release(again)


def test_another_database_on_community_is_a_one_line_error(driver: Any, tmp_path: Any) -> None:
    disk = open_store(tmp_path / "store")
    disk.replace_graph(report_a())
    release(disk)
    result = CliRunner().invoke(main, ["sync", "-q", "--store", str(tmp_path / "store"), "--data",
                                       str(server_status().data), "--database", "secondproject"])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "secondproject" in result.output and "kg neo4j start --data DIR --port P" in result.output
    assert "run kg sync again" not in result.output  # retrying does not create the database
