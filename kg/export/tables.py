"""Property-graph exports: CSV (nodes and edges) and GraphML, from the shared mapping in
:mod:`kg.graph.property_graph`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from kg.graph.property_graph import PropertyGraph, to_networkx

__all__ = ["TABLE_FORMATS", "write_csv", "write_graphml"]

TABLE_FORMATS = ("csv", "graphml")


def _json_default(value: object) -> str:
    return str(value)


def write_csv(pg: PropertyGraph, folder: Path, *, excel: bool = False) -> list[Path]:
    """Write ``nodes.csv`` (uri, labels, name, properties as JSON) and ``edges.csv``; ``excel``
    writes them UTF-8 with a byte-order mark, which Excel needs to show Chinese."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    encoding = "utf-8-sig" if excel else "utf-8"
    with nodes.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["uri", "labels", "name", "properties"])
        for uri in sorted(pg.nodes):
            node = pg.nodes[uri]
            props = json.dumps(node.props, ensure_ascii=False, sort_keys=True, default=_json_default)
            writer.writerow([uri, ";".join(sorted(node.labels)), node.name, props])
    with edges.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "type", "target", "graph"])
        for edge in sorted(pg.edges, key=lambda e: (e.source, e.type, e.target, e.graph or "")):
            writer.writerow([edge.source, edge.type, edge.target, edge.graph or ""])
    return [nodes, edges]


def write_graphml(pg: PropertyGraph) -> str:
    """The property graph as GraphML text (networkx writer)."""
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(pg), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
