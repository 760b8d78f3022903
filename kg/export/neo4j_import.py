"""CSV files for ``neo4j-admin database import full``: the fastest first load of a large graph.

``kg sync`` writes through Bolt transactions, which is what keeps it incremental; for a
first load of millions of triples Neo4j's offline importer is much faster. These files
hold exactly what ``kg sync`` would write (the same mapping, :mod:`kg.graph.property_graph`,
and the same stored values, :mod:`kg.sync.rows`): nodes labelled ``:Resource`` plus their
ontology classes, with ``uri``, their properties and ``graphs``; one relationship per
(source, type, target) with the sorted ``graphs`` that state it; and a ``:SyncState`` node
per report with its digest, so a ``kg sync`` after the import finds nothing to do (it only
creates the constraints and the full-text index).

The format is the importer's documented CSV header format:

- ``nodes-NNN.csv``: ``uri:ID(Resource),:LABEL,<key>:<type>,…`` — one file per label set
  and property signature, because a column has one type (``long``, ``double``,
  ``boolean``, ``date``, ``string``, arrays ``string[]`` …);
- ``relationships.csv``: ``:START_ID(Resource),:END_ID(Resource),:TYPE,graphs:string[]``;
- ``sync-state.csv``: ``graph:ID(SyncState),:LABEL,digest:string,synced:datetime``;
- array elements and labels are separated by U+001F (``--array-delimiter=U+001F``), a
  character report text never holds, so no value needs escaping beyond CSV quoting;
- ``import.sh`` holds the exact command.
"""

from __future__ import annotations

import csv
import datetime as dt
import shlex
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.graph.property_graph import PropertyGraph

__all__ = ["ARRAY_DELIMITER", "ImportFiles", "import_arguments", "write_neo4j_import"]

ARRAY_DELIMITER = "\x1f"
"""Between array elements and between labels; passed as ``--array-delimiter=U+001F``."""

_SCALAR_TYPES = {bool: "boolean", int: "long", float: "double", str: "string", dt.date: "date"}


@dataclass
class ImportFiles:
    """What was written: node files, the relationship file, counts, and whether values span lines."""

    folder: Path
    node_files: list[Path] = field(default_factory=list)
    relationship_files: list[Path] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0
    sync_states: int = 0
    multiline: bool = False


def _type_of(value: Any) -> str:
    if isinstance(value, list):
        return _type_of(value[0]) + "[]" if value else "string[]"
    if isinstance(value, dt.datetime):
        return "datetime"
    for kind, name in _SCALAR_TYPES.items():
        if isinstance(value, kind):
            return name
    raise ValueError(f"no importer type for {type(value).__name__} value {value!r}")


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_text(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if ARRAY_DELIMITER in text:
        raise ValueError(f"a value holds the array delimiter U+001F: {text[:60]!r}")
    return text


def import_arguments(files: ImportFiles, *, database: str = "neo4j") -> list[str]:
    """The arguments after ``neo4j-admin`` that import ``files`` into ``database`` (replacing it)."""
    args = ["database", "import", "full", database, "--overwrite-destination=true",
            "--array-delimiter=U+001F", "--id-type=STRING"]
    if files.multiline:
        args.append("--multiline-fields=true")
    args += [f"--nodes={path}" for path in files.node_files]
    args += [f"--relationships={path}" for path in files.relationship_files]
    return args


def write_neo4j_import(pg: PropertyGraph, folder: str | Path, *,
                       digests: dict[str, str] | None = None) -> ImportFiles:
    """Write the importer's CSV files for ``pg`` into ``folder``; ``digests`` (report graph ->
    digest, from :func:`kg.sync.state.report_digests`) become ``:SyncState`` nodes."""
    from kg.sync.plan import wanted_state
    from kg.sync.rows import RESOURCE

    out = ImportFiles(Path(folder))
    out.folder.mkdir(parents=True, exist_ok=True)
    for stale in out.folder.glob("*.csv"):
        stale.unlink()
    wanted = wanted_state(pg)
    groups: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], list[tuple[str, dict[str, Any]]]] = (
        defaultdict(list))
    for uri, (labels, props) in wanted.nodes.items():
        values = {k: v for k, v in props.items() if k != "uri"}
        signature = tuple(sorted((key, _type_of(value)) for key, value in values.items()))
        groups[((RESOURCE, *labels), signature)].append((uri, values))
    for number, ((labels, signature), rows) in enumerate(sorted(groups.items())):
        path = out.folder / f"nodes-{number:03d}.csv"
        header = [f"uri:ID({RESOURCE})", ":LABEL", *(f"{key}:{kind}" for key, kind in signature)]
        label_text = ARRAY_DELIMITER.join(labels)
        out.multiline |= _write(path, header, ([uri, label_text, *(_text(values[key]) for key, _ in signature)]
                                              for uri, values in sorted(rows)))
        out.node_files.append(path)
        out.nodes += len(rows)
    path = out.folder / "relationships.csv"
    edges = sorted(wanted.edges.items())
    _write(path, [f":START_ID({RESOURCE})", f":END_ID({RESOURCE})", ":TYPE", "graphs:string[]"],
           ([s, o, kind, _text(list(graphs))] for (s, kind, o), graphs in edges))
    out.relationship_files.append(path)
    out.relationships = len(edges)
    if digests:
        from kg.sync.schema import SYNC_STATE

        path = out.folder / "sync-state.csv"
        synced = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        _write(path, [f"graph:ID({SYNC_STATE})", ":LABEL", "digest:string", "synced:datetime"],
               ([graph, SYNC_STATE, digest, synced] for graph, digest in sorted(digests.items())))
        out.node_files.append(path)
        out.sync_states = len(digests)
    script = out.folder / "import.sh"
    args = shlex.join(import_arguments(_relative(out), database="DATABASE")).replace("DATABASE", '"${1:-neo4j}"', 1)
    script.write_text("#!/bin/sh\n# Load these files into a stopped Neo4j: sh import.sh [DATABASE]\n"
                      f'cd "$(dirname "$0")" && exec neo4j-admin {args}\n', encoding="utf-8")
    script.chmod(0o755)
    return out


def _relative(files: ImportFiles) -> ImportFiles:
    return ImportFiles(files.folder, [Path(p.name) for p in files.node_files],
                       [Path(p.name) for p in files.relationship_files], multiline=files.multiline)


def _write(path: Path, header: list[str], rows: Iterable[list[str]]) -> bool:
    """Write one CSV file (RFC 4180 quoting, which the importer reads); whether a value spans lines."""
    multiline = False
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            multiline = multiline or any("\n" in cell or "\r" in cell for cell in row)
            writer.writerow(row)
    return multiline
