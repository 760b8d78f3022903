"""Every CLI failure is one line naming what is wrong, with no traceback and no credentials."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store import open_store
from tests.conftest import release


def _empty_store(folder: Path) -> Path:
    """A store holding only the ontology (no extraction involved)."""
    store = open_store(folder)
    store.ensure_ontology()
    release(store)
    return folder


def _one_line_failure(result) -> str:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("item", ["v}=1", "novalue"])
def test_malformed_param_is_one_line(runner: CliRunner, tmp_path: Path, item: str) -> None:
    result = runner.invoke(main, ["query", "-e", "SELECT ?v WHERE { }", "-p", item, "--store", str(tmp_path / "s")])
    assert "NAME=VALUE" in _one_line_failure(result)


def test_sparql_service_is_refused_without_allow_service(runner: CliRunner, tmp_path: Path) -> None:
    text = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    result = runner.invoke(main, ["query", "-e", text, "--store", str(_empty_store(tmp_path / "s"))])
    assert "--allow-service" in _one_line_failure(result)


def test_build_error_for_file_name_with_newline_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\nname.txt").write_bytes(b"")
    result = runner.invoke(main, ["build", "-q", str(folder), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if "name.txt" in line]
    assert len(errors) == 1 and errors[0].startswith("error: ") and "bad\\nname.txt: " in errors[0]


def test_extract_error_for_file_name_with_newline_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad\nname.txt"
    path.write_bytes(b"")
    assert "bad\\nname.txt: " in _one_line_failure(runner.invoke(main, ["extract", str(path)]))


@pytest.mark.parametrize("uri", ["bolt://neo4j:SECRET@127.0.0.1:1", "bolt://127.0.0.1:1?p=SECRET",
                                 "neo4j://neo4j:SECRET@127.0.0.1:1?password=SECRET",
                                 "neo4j://127.0.0.1:1?password=SECRET"])
def test_sync_does_not_echo_uri_credentials(runner: CliRunner, tmp_path: Path, uri: str) -> None:
    store = _empty_store(tmp_path / "s")
    result = runner.invoke(main, ["sync", "-q", "--store", str(store)],
                           env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "pw"})
    assert "SECRET" not in _one_line_failure(result)
