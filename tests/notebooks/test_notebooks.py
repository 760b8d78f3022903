"""The notebooks run top to bottom on the example reports, and are committed without outputs.

``03_neo4j`` runs with ``KG_NEO4J_NOTEBOOK=connect`` against the test session's real Neo4j
(emptied first), so it needs no server of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))

EXPECTED = {
    "01_build_and_query.ipynb": ["agencies_by_targets", "XX市城乡建设委员会", "东昌府区", "report graphs", "text/html",
                                 "targets_due_by: by='明年' is not a date", "as_written", "targets due by 2025"],
    "02_analyse.ipynb": ["agency-coresponsibility", "生态环境局", "image/png", "text/html", "<iframe srcdoc="],
    "03_neo4j.ipynb": [],
}


def _read(name: str):
    import nbformat

    return nbformat.read(NOTEBOOKS / name, as_version=4)


def test_there_are_the_three_notebooks():
    assert {"01_build_and_query.ipynb", "02_analyse.ipynb", "03_neo4j.ipynb"} <= set(NAMES)


@pytest.mark.parametrize("name", ["01_build_and_query.ipynb", "02_analyse.ipynb"])
def test_has_a_parameter_cell_for_the_users_corpus(name):
    first_code = next(c for c in _read(name).cells if c.cell_type == "code")
    assert "parameters" in first_code.metadata.get("tags", [])
    assert "REPORTS = None" in first_code.source and "STORE = None" in first_code.source


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs(name):
    for cell in _read(name).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: clear outputs before committing"


@pytest.fixture
def notebook_env(request, monkeypatch):
    """Environment for a notebook's kernel: the session's Neo4j for the Neo4j notebook."""
    if request.node.callspec.params["name"] != "03_neo4j.ipynb":
        yield
        return
    from kg.neo4j import connection_settings
    from tests.neo4j.server import server_status, wipe

    driver = request.getfixturevalue("neo4j_driver")
    wipe(driver)
    uri, user, password = connection_settings(data=server_status().data)
    for key, value in {"KG_NEO4J_NOTEBOOK": "connect", "NEO4J_URI": uri, "NEO4J_USER": user,
                       "NEO4J_PASSWORD": password}.items():
        monkeypatch.setenv(key, value)
    yield
    wipe(driver)


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs(name, notebook_env):
    from nbclient import NotebookClient

    nb = _read(name)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(str(o.get("text", "")) + " ".join(o.get("data", {})) + str(o.get("data", {}).get("text/plain", ""))
                     + str(o.get("data", {}).get("text/html", "")) for o in outputs)
    for expected in EXPECTED.get(name, []):
        assert expected in text, f"{name}: {expected!r} not in the outputs"
    if name == "03_neo4j.ipynb":
        assert "synced 2 reports" in text
