"""One sync at a time: the ``:SyncLock`` node, waiting, refusing, and taking over a dead holder's lock."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from typing import Any

import pytest

from kg.store import GraphStore, open_store
from kg.sync import SyncLocked, sync_to_neo4j
from kg.sync.lock import SYNC_LOCK, is_stale, sync_lock
from tests.neo4j.server import wipe
from tests.sync.graphs import report_a
from tests.sync.test_sync import snapshot


def _locks(driver: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(f"MATCH (l:{SYNC_LOCK}) RETURN l.host AS host, l.pid AS pid")
    return [dict(r) for r in records]


def _plant_lock(driver: Any, *, host: str, pid: int, age_seconds: int = 0) -> None:
    driver.execute_query(
        f"CREATE (:{SYNC_LOCK} {{name: 'sync', host: $host, pid: $pid, token: 'old', started: datetime(), "
        "heartbeat: datetime() - duration({seconds: $age})})", host=host, pid=pid, age=age_seconds)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_two_syncs_at_once_into_an_empty_database_end_like_one(driver: Any, store: GraphStore) -> None:
    outcomes: list[Any] = []
    start = threading.Barrier(2)

    def run() -> None:
        start.wait()
        try:
            outcomes.append(sync_to_neo4j(store, driver, batch_size=2, wait=60))
        except Exception as error:
            outcomes.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(not isinstance(o, Exception) for o in outcomes), outcomes
    assert sorted(len(o.added) for o in outcomes) == [0, 2]  # the second waited, then found nothing to do
    both = snapshot(driver)
    wipe(driver)
    sync_to_neo4j(store, driver)
    clean = snapshot(driver)
    assert both[:2] == clean[:2] and [g for g, _ in both[2]] == [g for g, _ in clean[2]]
    assert [d for _, d in both[2]] == [d for _, d in clean[2]] and None not in [d for _, d in both[2]]
    assert _locks(driver) == []


def test_second_sync_refuses_in_one_line_while_the_lock_is_held(driver: Any, store: GraphStore) -> None:
    with sync_lock(driver), pytest.raises(SyncLocked) as caught:
        sync_to_neo4j(store, driver, wait=0.5)
    message = str(caught.value)
    assert "another kg sync" in message and f"pid {os.getpid()}" in message and "\n" not in message
    assert _locks(driver) == []
    assert sync_to_neo4j(store, driver, wait=0).added  # free again


def test_lock_of_a_killed_sync_on_this_host_is_taken_over(driver: Any, store: GraphStore) -> None:
    _plant_lock(driver, host=socket.gethostname(), pid=_dead_pid())
    assert len(sync_to_neo4j(store, driver, wait=0).added) == 2
    assert _locks(driver) == []


def test_lock_of_another_host_is_taken_over_only_when_its_heartbeat_is_old(driver: Any) -> None:
    _plant_lock(driver, host="elsewhere.invalid", pid=1)
    with pytest.raises(SyncLocked, match=r"host elsewhere\.invalid, pid 1"), sync_lock(driver, wait=0):
        pass
    wipe(driver)
    _plant_lock(driver, host="elsewhere.invalid", pid=1, age_seconds=600)
    with sync_lock(driver, wait=0, stale_after=120):
        assert _locks(driver) == [{"host": socket.gethostname(), "pid": os.getpid()}]
    assert _locks(driver) == []


def test_lock_is_released_when_the_sync_fails(driver: Any, store: GraphStore) -> None:
    def crash(rows: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        sync_to_neo4j(store, driver, batch_size=2, progress=crash)
    assert _locks(driver) == []


def test_heartbeat_keeps_a_long_sync_lock_fresh(driver: Any) -> None:
    with sync_lock(driver, heartbeat=0.2):
        driver.execute_query(f"MATCH (l:{SYNC_LOCK}) SET l.heartbeat = datetime() - duration({{seconds: 600}})")
        threading.Event().wait(1.0)
        records, _, _ = driver.execute_query(
            f"MATCH (l:{SYNC_LOCK}) RETURN duration.inSeconds(l.heartbeat, datetime()).seconds AS idle")
        assert records[0]["idle"] < 5


def test_is_stale_by_heartbeat_or_dead_local_holder() -> None:
    here = socket.gethostname()
    assert not is_stale({"host": "other", "pid": 1, "idle": 5}, host=here, stale_after=120)
    assert is_stale({"host": "other", "pid": 1, "idle": 121}, host=here, stale_after=120)
    assert is_stale({"host": here, "pid": _dead_pid(), "idle": 0}, host=here, stale_after=120)
    assert not is_stale({"host": here, "pid": os.getpid(), "idle": 0}, host=here, stale_after=120)
    assert not is_stale({"host": here, "pid": os.getppid(), "idle": 0}, host=here, stale_after=120)


def test_kg_sync_refuses_in_one_line_while_another_sync_runs(driver: Any, tmp_path: Any) -> None:
    from click.testing import CliRunner

    from kg.cli import main
    from tests.conftest import release
    from tests.neo4j.server import server_status

    folder = tmp_path / "store"
    disk = open_store(folder)
    disk.replace_graph(report_a())
    release(disk)
    args = ["sync", "-q", "--store", str(folder), "--data", str(server_status().data), "--wait", "0"]
    with sync_lock(driver):
        result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "another kg sync is writing" in result.output
    assert CliRunner().invoke(main, args).exit_code == 0
