"""Property-graph exports: CSV (nodes and edges) and GraphML, from the shared mapping in
:mod:`kg.graph.property_graph`, written from a property graph or streamed from a whole
store's (:mod:`kg.graph.streamed`)."""

from __future__ import annotations

import csv
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from kg.graph.property_graph import PropertyGraph, edge_key, node_attributes
from kg.graph.streamed import StreamedGraph, sorted_streams

__all__ = ["TABLE_FORMATS", "write_csv", "write_graphml"]

TABLE_FORMATS = ("csv", "graphml")


def _json_default(value: object) -> str:
    return str(value)


def write_csv(pg: PropertyGraph | StreamedGraph, folder: Path, *, excel: bool = False) -> list[Path]:
    """Write ``nodes.csv`` (uri, labels, name, properties as JSON) and ``edges.csv``, sorted by
    IRI; ``excel`` writes them UTF-8 with a byte-order mark, which Excel needs to show Chinese.

    ``pg`` is a property graph, or the streams of a whole store's
    (:func:`kg.graph.streamed.streamed_property_graph`: memory flat in the store's size)."""
    streams = sorted_streams(pg)
    folder.mkdir(parents=True, exist_ok=True)
    nodes_file, edges_file = folder / "nodes.csv", folder / "edges.csv"
    encoding = "utf-8-sig" if excel else "utf-8"
    with nodes_file.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["uri", "labels", "name", "properties"])
        for node in streams.nodes:
            props = json.dumps(node.props, ensure_ascii=False, sort_keys=True, default=_json_default)
            writer.writerow([node.uri, ";".join(sorted(node.labels)), node.name, props])
    with edges_file.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "type", "target", "graph"])
        for edge in streams.edges:
            writer.writerow([edge.source, edge.type, edge.target, edge.graph or ""])
    return [nodes_file, edges_file]


def write_graphml(pg: PropertyGraph | StreamedGraph, output: BinaryIO) -> None:
    """Write the property graph as GraphML (UTF-8) to ``output``: nodes by IRI, then edges, with
    NetworkX's attributes (:func:`kg.graph.property_graph.to_networkx`; ``networkx.read_graphml``
    reads it back), streamed when ``pg`` is (:func:`write_csv`).

    GraphML declares every attribute and its type before the graph, so the nodes and edges go
    to a temporary file first and follow the declarations."""
    streams = sorted_streams(pg)
    keys: dict[tuple[str, str, str], str] = {}
    with tempfile.TemporaryFile() as body:
        for node in streams.nodes:
            body.write(f"<node id={_attribute(node.uri)}>".encode())
            body.write(_data(keys, "node", node_attributes(node)))
            body.write(b"</node>\n")
        for edge in streams.edges:
            body.write(f"<edge source={_attribute(edge.source)} target={_attribute(edge.target)} "
                       f"id={_attribute(edge_key(edge))}>".encode())
            body.write(_data(keys, "edge", {"type": edge.type, "graph": edge.graph or ""}))
            body.write(b"</edge>\n")
        output.write(_GRAPHML_OPEN)
        for (scope, name, kind), key in keys.items():
            output.write(f'<key id="{key}" for="{scope}" attr.name={_attribute(name)} attr.type="{kind}"/>\n'.encode())
        output.write(b'<graph edgedefault="directed">\n')
        body.seek(0)
        shutil.copyfileobj(body, output)
        output.write(b"</graph>\n</graphml>\n")


_GRAPHML_OPEN = (b"<?xml version='1.0' encoding='utf-8'?>\n"
                 b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 b'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 b'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')

_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
"""GraphML's type of each attribute value's Python type, as NetworkX writes them."""

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, even escaped."""


def _data(keys: dict[tuple[str, str, str], str], scope: str, attributes: dict[str, str | int | float | bool]) -> bytes:
    """The ``<data>`` elements of ``attributes``, each attribute's key declared on first sight
    (one key per name and type, as NetworkX does)."""
    parts = []
    for name, value in attributes.items():
        kind = _GRAPHML_TYPES[type(value)]
        key = keys.setdefault((scope, name, kind), f"d{len(keys)}")
        text = str(value).lower() if kind == "boolean" else str(value)
        parts.append(f"<data key=\"{key}\">{escape(_NOT_XML.sub(chr(0xFFFD), text))}</data>")
    return "".join(parts).encode()


def _attribute(text: str) -> str:
    """``text`` as a quoted XML attribute value."""
    return quoteattr(_NOT_XML.sub("\ufffd", text))
