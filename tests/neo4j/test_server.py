"""``kg neo4j start|status|stop`` and connecting: the real launcher, clear one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.cli.neo4j import neo4j
from kg.errors import KgError
from kg.neo4j import connect, server_status, start_server
from kg.neo4j import launcher as launcher_module
from tests.neo4j.server import free_port, require_java_and_maven
from tests.neo4j.server import server_status as session_status


def test_session_server_runs_with_auth(neo4j_driver: Any) -> None:
    status = session_status()
    assert server_status(status.data).running
    assert (status.data / "password").stat().st_mode & 0o777 == 0o600
    password = (status.data / "password").read_text().strip()
    with pytest.raises(KgError, match="refused") as caught:
        connect(status.uri, "neo4j", "neo4j")
    assert password not in str(caught.value)
    records, _, _ = neo4j_driver.execute_query("RETURN 1 AS one")
    assert records[0]["one"] == 1


def test_taken_port_is_a_one_line_error(neo4j_driver: Any, tmp_path: Path) -> None:
    with pytest.raises(KgError, match=rf"port {session_status().port} .* already in use"):
        start_server(tmp_path / "other", port=session_status().port)


def test_unreachable_server_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(KgError, match="cannot reach Neo4j"):
        connect(f"bolt://127.0.0.1:{free_port()}", "neo4j", "secret-password")


def test_missing_maven_or_java_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(launcher_module.shutil, "which", lambda name: None)
    with pytest.raises(KgError, match="mvn not found"):
        launcher_module.build_launcher(force=True)
    with pytest.raises(KgError, match="java not found"):
        launcher_module.java_command()


def test_cli_start_status_stop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_java_and_maven()
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    runner, data, port = CliRunner(), str(tmp_path / "neo4j"), free_port()
    started = runner.invoke(neo4j, ["start", "--data", data, "--port", str(port), "--heap", "512m"])
    try:
        assert started.exit_code == 0, started.output
        assert f"bolt://127.0.0.1:{port}" in started.output
        status = runner.invoke(neo4j, ["status", "--data", data])
        assert status.exit_code == 0 and "running" in status.output
        answer = runner.invoke(main, ["query", "--cypher", "--data", data, "-e", "RETURN 'x' AS y", "--format", "csv"])
        assert answer.output == "y\nx\n"
    finally:
        stopped = runner.invoke(neo4j, ["stop", "--data", data])
    assert "stopped" in stopped.output
    status = runner.invoke(neo4j, ["status", "--data", data])
    assert status.exit_code == 1 and "not running" in status.output
