"""Property-graph nodes and edges as Neo4j parameter rows, with the names checked.

Values are made storable (Neo4j lists hold one type: mixed lists become strings; lists are
sorted so two syncs write the same thing). Labels must be classes the ontology declares and
relationship types must be UPPER_SNAKE identifiers: they reach Neo4j as parameters of
dynamic labels and types (``CREATE (n:$(row.labels))``), but they name the schema, so only
the vocabulary may.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from rdflib import OWL, RDF

from kg.graph.property_graph import IDENTIFIER, Node, local_name, value_order
from kg.graph.vocab import KG, ontology_graph

__all__ = ["RESOURCE", "checked_labels", "checked_type", "node_props", "storable", "vocabulary_labels"]

RESOURCE = "Resource"
"""The label every synced node carries; ``uri`` is unique on it."""

_REL_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")


@cache
def vocabulary_labels() -> frozenset[str]:
    """Readable names of the classes ``kg/ontology.ttl`` declares (Agency, River, Place …)."""
    classes = ontology_graph().subjects(RDF.type, OWL.Class)
    return frozenset(local_name(c) for c in classes if str(c).startswith(str(KG._NS)))


def checked_labels(labels: set[str]) -> tuple[list[str], list[str]]:
    """``labels`` split into (allowed, dropped): only ontology classes may become labels."""
    allowed = vocabulary_labels()
    keep = sorted(x for x in labels if x in allowed and IDENTIFIER.match(x) and x != RESOURCE)
    return keep, sorted(set(labels) - set(keep))


def checked_type(name: str) -> str:
    """A relationship type safe to format into Cypher, or ValueError."""
    if not (IDENTIFIER.match(name) and _REL_TYPE.match(name)):
        raise ValueError(f"unsafe relationship type {name!r}")
    return name


def storable(value: Any) -> Any:
    """A property value Neo4j can store: scalars as they are, lists homogeneous and sorted."""
    if not isinstance(value, list):
        return value
    kinds = {type(v) for v in value}
    if kinds <= {int, float} and len(kinds) > 1:
        value = [float(v) for v in value]
    elif len(kinds) > 1:
        value = [v.isoformat() if isinstance(v, dt.date) else str(v) for v in value]
    return sorted(value, key=value_order)


def node_props(node: Node) -> dict[str, Any]:
    """All properties of a node as stored in Neo4j: its literals, ``uri`` and ``graphs``."""
    props = {key: storable(value) if type(value) is list else value
             for key, value in node.props.items() if key not in ("uri", "graphs")}
    props["uri"] = node.uri
    props["graphs"] = sorted(node.graphs)
    return props
