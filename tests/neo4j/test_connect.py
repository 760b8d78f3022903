"""Finding the project's running server from any folder, and server notices as one line."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.neo4j import connect
from kg.neo4j.connect import find_server, notice_text
from tests.neo4j.server import server_status as session_status


@pytest.fixture
def bare_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "KG_NEO4J_DATA", "KG_STORE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _project_with_server(tmp_path: Path) -> Path:
    """A project folder whose ``.kg/neo4j`` is the session server's data folder, and a folder deep inside it."""
    (tmp_path / "project" / ".kg").mkdir(parents=True)
    (tmp_path / "project" / ".kg" / "neo4j").symlink_to(session_status().data)
    deep = tmp_path / "project" / "notes" / "2026"
    deep.mkdir(parents=True)
    return deep


def test_server_is_found_from_a_folder_inside_the_project(neo4j_driver: Any, tmp_path: Path,
                                                          bare_env: pytest.MonkeyPatch) -> None:
    deep = _project_with_server(tmp_path)
    bare_env.chdir(deep)
    folder, looked = find_server()
    assert folder == tmp_path / "project" / ".kg" / "neo4j"
    assert looked[0] == deep / ".kg" / "neo4j"
    with connect() as driver:
        assert driver.execute_query("RETURN 1 AS one")[0][0]["one"] == 1
    result = CliRunner().invoke(main, ["query", "--cypher", "-e", "RETURN 2 AS two", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["two", "2"]


def test_server_beside_kg_store_is_found(neo4j_driver: Any, tmp_path: Path, bare_env: pytest.MonkeyPatch) -> None:
    _project_with_server(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    bare_env.chdir(elsewhere)
    bare_env.setenv("KG_STORE", str(tmp_path / "project" / ".kg" / "store"))
    assert find_server()[0] == tmp_path / "project" / ".kg" / "neo4j"


def test_no_server_anywhere_says_where_it_looked(tmp_path: Path, bare_env: pytest.MonkeyPatch) -> None:
    bare_env.chdir(tmp_path)
    with pytest.raises(KgError) as caught:
        connect()
    message = str(caught.value)
    assert message.startswith(f"no running Neo4j of kg found (looked in {tmp_path}/.kg/neo4j and the same in each "
                              "folder above)")
    assert "kg neo4j start" in message and "--data" in message and "\n" not in message


def test_misspelt_label_is_one_warning_line(neo4j_driver: Any, bare_env: pytest.MonkeyPatch) -> None:
    bare_env.setenv("KG_NEO4J_DATA", str(session_status().data))
    result = CliRunner().invoke(main, ["query", "--cypher", "-e", "MATCH (r:Reportt) RETURN count(r) AS n"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("warning: Neo4j 01N50 ") and "`Reportt` does not exist" in warnings[0]
    assert "GqlStatusObject" not in result.stderr


def test_notice_text_is_one_line() -> None:
    notice = SimpleNamespace(gql_status="01N52", status_description="warn: property key does not exist.\nThe "
                             "property `nmae` does not exist.", position=SimpleNamespace(line=2, column=7))
    assert notice_text(notice) == ("01N52 property key does not exist. The property `nmae` does not exist. "
                                   "(line 2, column 7)")


def test_driver_message_explains_a_missing_database() -> None:
    from kg.neo4j.connect import driver_message

    error = SimpleNamespace(code="Neo.ClientError.Database.DatabaseNotFound", message="Graph not found: b\nmore")
    message = driver_message(error)  # type: ignore[arg-type]
    assert message.startswith("Graph not found: b (no such database on this server;") and "\n" not in message
