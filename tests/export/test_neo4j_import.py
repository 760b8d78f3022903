"""The neo4j-admin import files: the documented CSV header format, read back to exactly what
``kg sync`` writes; and, where Java and the launcher's jars are present, the real importer."""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from pathlib import Path

import pytest

from kg.export.neo4j_import import ARRAY_DELIMITER, import_arguments, write_neo4j_import
from kg.graph.property_graph import Edge, Node, PropertyGraph, property_graph
from kg.sync.plan import wanted_state
from kg.sync.rows import vocabulary_labels
from kg.sync.state import report_digests

# neo4j-admin database import: "name:type" headers; these are the types it documents
_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
          "localtime", "time", "localdatetime", "datetime", "duration"}
_HEADER = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9_]*)?:(?P<type>[A-Za-z]+(?:\[\])?|(?:START_|END_)?ID\([A-Za-z]+\))$")


def _value(text: str, kind: str):
    if kind.endswith("[]"):
        return [_value(part, kind[:-2]) for part in text.split(ARRAY_DELIMITER)]
    if kind == "long":
        return int(text)
    if kind == "double":
        return float(text)
    if kind == "boolean":
        return {"true": True, "false": False}[text]
    if kind == "date":
        return dt.date.fromisoformat(text)
    return text


def read_back(folder: Path) -> tuple[dict, dict, dict]:
    """Nodes {uri: (labels, props)}, relationships {(s, type, o): graphs}, sync states, from the files."""
    nodes, edges, states = {}, {}, {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        header, body = rows[0], rows[1:]
        for column in header:
            match = _HEADER.match(column)
            assert match, f"{path.name}: header {column!r} is not name:type"
            kind = match["type"]
            assert kind in ("LABEL", "TYPE") or "ID(" in kind or kind.removesuffix("[]") in _TYPES, column
        if path.name == "relationships.csv":
            assert header == [":START_ID(Resource)", ":END_ID(Resource)", ":TYPE", "graphs:string[]"]
            for s, o, kind, graphs in body:
                assert (s, kind, o) not in edges
                edges[(s, kind, o)] = graphs.split(ARRAY_DELIMITER)
        elif path.name == "sync-state.csv":
            assert header == ["graph:ID(SyncState)", ":LABEL", "digest:string", "synced:datetime"]
            for graph, label, digest, synced in body:
                assert label == "SyncState" and dt.datetime.fromisoformat(synced.replace("Z", "+00:00"))
                states[graph] = digest
        else:
            assert re.fullmatch(r"nodes-\d{3}\.csv", path.name)
            assert header[:2] == ["uri:ID(Resource)", ":LABEL"]
            keys = [column.split(":") for column in header[2:]]
            for row in body:
                labels = row[1].split(ARRAY_DELIMITER)
                assert labels[0] == "Resource"
                props = {key: _value(cell, kind) for (key, kind), cell in zip(keys, row[2:], strict=True)}
                assert row[0] not in nodes
                nodes[row[0]] = (labels[1:], {**props, "uri": row[0]})
    return nodes, edges, states


def test_example_files_hold_what_kg_sync_writes(example_store, tmp_path):
    pg = property_graph(example_store)
    digests = report_digests(example_store)
    files = write_neo4j_import(pg, tmp_path, digests=digests)
    nodes, edges, states = read_back(tmp_path)
    wanted = wanted_state(pg)
    assert nodes == wanted.nodes
    assert edges == wanted.edges
    assert states == digests
    assert (files.nodes, files.relationships, files.sync_states) == (len(nodes), len(edges), len(digests))
    assert {label for labels, _ in nodes.values() for label in labels} <= vocabulary_labels()


def test_values_that_need_quoting_round_trip(tmp_path):
    pg = PropertyGraph()
    tricky = 'a "quoted", comma\nand a new line'
    pg.nodes["https://w3id.org/kg-cn/id/agency/x"] = Node(
        "https://w3id.org/kg-cn/id/agency/x", {"Agency"},
        {"prefLabel_zh": tricky, "value": 2.5, "count": 3, "date": dt.date(2023, 12, 31),
         "altLabel_zh": ["乙", "甲，丙"], "flag": True},
        {"https://w3id.org/kg-cn/id/report/r"})
    pg.nodes["https://w3id.org/kg-cn/id/place/1"] = Node("https://w3id.org/kg-cn/id/place/1", {"River", "Place"}, {},
                                                         {"https://w3id.org/kg-cn/id/report/r"})
    pg.edges.append(Edge("https://w3id.org/kg-cn/id/agency/x", "JURISDICTION", "https://w3id.org/kg-cn/id/place/1",
                         "https://w3id.org/kg-cn/id/report/r"))
    files = write_neo4j_import(pg, tmp_path)
    nodes, edges, states = read_back(tmp_path)
    assert nodes == wanted_state(pg).nodes
    assert edges == {("https://w3id.org/kg-cn/id/agency/x", "JURISDICTION", "https://w3id.org/kg-cn/id/place/1"):
                     ["https://w3id.org/kg-cn/id/report/r"]}
    assert states == {}
    assert files.multiline  # so the command asks the importer for multi-line fields
    assert "--multiline-fields=true" in import_arguments(files)


def test_a_value_holding_the_array_delimiter_is_refused(tmp_path):
    pg = PropertyGraph()
    pg.nodes["u"] = Node("u", {"Agency"}, {"prefLabel_zh": "a\x1fb"}, {"g"})
    with pytest.raises(ValueError, match="array delimiter"):
        write_neo4j_import(pg, tmp_path)


def test_import_command_lists_every_file(example_store, tmp_path):
    files = write_neo4j_import(property_graph(example_store), tmp_path, digests=report_digests(example_store))
    args = import_arguments(files, database="kg")
    assert args[:4] == ["database", "import", "full", "kg"]
    assert "--array-delimiter=U+001F" in args and "--id-type=STRING" in args
    assert {a.split("=", 1)[1] for a in args if a.startswith("--nodes=")} == {str(p) for p in files.node_files}
    relationships = [a for a in args if a.startswith("--relationships=")]
    assert relationships == [f"--relationships={tmp_path / 'relationships.csv'}"]
    script = (tmp_path / "import.sh").read_text(encoding="utf-8")
    assert 'neo4j-admin database import full "${1:-neo4j}"' in script and "--nodes=sync-state.csv" in script


def test_cli_writes_the_folder(runner, example_store_dir, tmp_path):
    from kg.cli import main

    result = runner.invoke(main, ["export", "--format", "neo4j-import", "-o", str(tmp_path / "out"),
                                  "--store", str(example_store_dir)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "relationships.csv").is_file() and (tmp_path / "out" / "import.sh").is_file()
    assert runner.invoke(main, ["export", "--format", "neo4j-import", "--store", str(example_store_dir)]).exit_code


def test_the_real_importer_loads_them_and_kg_sync_finds_nothing_to_do(example_store, tmp_path):
    from tests.neo4j.server import free_port, require_java_and_maven

    require_java_and_maven()  # skips without Java/Maven, fails under CI
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from neo4j_import import expected_counts, neo4j_counts, run_import

    from kg.neo4j import connect, start_server, stop_server
    from kg.neo4j.launcher import build_launcher
    from kg.sync import sync_to_neo4j

    build_launcher()  # the importer runs from the launcher's classpath

    files = write_neo4j_import(property_graph(example_store), tmp_path / "csv",
                               digests=report_digests(example_store))
    home = tmp_path / "neo4j"
    run_import(files, home, heap="1g")
    status = start_server(home, port=free_port(), heap="1g")
    try:
        with connect(status.uri, "neo4j", (home / "password").read_text().strip()) as driver:
            assert neo4j_counts(driver) == expected_counts(files)
            assert sync_to_neo4j(example_store, driver).unchanged == 5
            driver.execute_query("MATCH (s:SyncState) DELETE s")  # now the sync compares every report
            summary = sync_to_neo4j(example_store, driver)
            assert len(summary.updated) == 0 and len(summary.added) == 5
            assert not any(summary.counters.values()), summary.counters
    finally:
        stop_server(home)


def test_files_from_streams_are_the_files_of_the_property_graph(example_store, tmp_path, monkeypatch):
    """Streamed from the store in runs of 500 nodes, with two group files open at a time: the
    same files, byte for byte, as from the property graph held in memory."""
    from kg.export import neo4j_import
    from kg.graph import streamed
    from kg.graph.streamed import streamed_property_graph

    monkeypatch.setattr(streamed, "RUN_NODES", 500)
    monkeypatch.setattr(neo4j_import, "_OPEN_FILES", 2)
    held = write_neo4j_import(property_graph(example_store), tmp_path / "held")
    with streamed_property_graph(example_store) as graph:
        streams = write_neo4j_import(graph, tmp_path / "streamed")
    assert (streams.nodes, streams.relationships) == (held.nodes, held.relationships)
    assert len(held.node_files) > 2
    assert [p.name for p in streams.node_files] == [p.name for p in held.node_files]
    for ours, theirs in zip(streams.node_files + streams.relationship_files,
                            held.node_files + held.relationship_files, strict=True):
        assert ours.read_bytes() == theirs.read_bytes()
    names = [sorted(p.name for p in (tmp_path / side).iterdir()) for side in ("streamed", "held")]
    assert names[0] == names[1]
