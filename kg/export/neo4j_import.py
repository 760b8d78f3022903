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
import itertools
import shlex
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg.graph.property_graph import Edge, Node, PropertyGraph
from kg.graph.streamed import StreamedGraph, sorted_streams

__all__ = ["ARRAY_DELIMITER", "ImportFiles", "import_arguments", "write_neo4j_import"]

ARRAY_DELIMITER = "\x1f"
"""Between array elements and between labels; passed as ``--array-delimiter=U+001F``."""

_OPEN_FILES = 64
"""Node files kept open at once while rows are sorted into them."""

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


def write_neo4j_import(pg: PropertyGraph | StreamedGraph, folder: str | Path, *,
                       digests: dict[str, str] | None = None) -> ImportFiles:
    """Write the importer's CSV files for ``pg`` (a property graph, or a whole store's streamed:
    :func:`kg.graph.streamed.streamed_property_graph`, memory flat) into ``folder``; ``digests``
    (report graph -> digest, from :func:`kg.sync.state.report_digests`) become ``:SyncState`` nodes."""
    out = ImportFiles(Path(folder))
    out.folder.mkdir(parents=True, exist_ok=True)
    for stale in out.folder.glob("*.csv"):
        stale.unlink()
    streams = sorted_streams(pg)
    _write_nodes(streams.nodes, out)
    _write_relationships(streams.edges, out)
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


def _write_nodes(nodes: Iterable[Node], out: ImportFiles) -> None:
    """One file per label set and property signature, rows by IRI: the stated nodes (those some
    named graph states), in the form ``kg sync`` writes them, go to a temporary file
    per group as they come, and each group's file is written with its header at the end."""
    from kg.sync.rows import RESOURCE, checked_labels, node_props

    checked: dict[frozenset[str], list[str]] = {}
    with tempfile.TemporaryDirectory(dir=out.folder, prefix=".nodes-") as folder:
        groups = _GroupFiles(Path(folder))
        for node in nodes:
            if not node.graphs:
                continue
            kinds = frozenset(node.labels)
            labels = checked.get(kinds)
            if labels is None:
                labels = checked[kinds] = checked_labels(node.labels)[0]
            uri, props = node.uri, node_props(node)
            values = {k: v for k, v in props.items() if k != "uri"}
            signature = tuple(sorted((key, _type_of(value)) for key, value in values.items()))
            row = [uri, ARRAY_DELIMITER.join((RESOURCE, *labels)), *(_text(values[key]) for key, _ in signature)]
            out.multiline |= groups.write(((RESOURCE, *labels), signature), row)
            out.nodes += 1
        groups.close()
        for number, ((_, signature), rows) in enumerate(sorted(groups.paths.items())):
            path = out.folder / f"nodes-{number:03d}.csv"
            with path.open("w", encoding="utf-8", newline="") as fh, rows.open(encoding="utf-8", newline="") as part:
                csv.writer(fh, lineterminator="\n").writerow(
                    [f"uri:ID({RESOURCE})", ":LABEL", *(f"{key}:{kind}" for key, kind in signature)])
                shutil.copyfileobj(part, fh)
            out.node_files.append(path)


def _write_relationships(edges: Iterable[Edge], out: ImportFiles) -> None:
    """One relationship per (source, type, target) stated by named graphs, with their sorted
    graphs: ``edges`` come sorted, so each relationship's edges come together."""
    from kg.sync.plan import checked_type
    from kg.sync.rows import RESOURCE

    stated = (edge for edge in edges if edge.graph)  # a named graph's edge: its source is a stated node
    rows = ([source, target, checked_type(kind), _text(sorted({edge.graph for edge in group}))]
            for (source, kind, target), group in itertools.groupby(stated, key=lambda e: (e.source, e.type, e.target)))
    path = out.folder / "relationships.csv"
    counted = _Counted(rows)
    _write(path, [f":START_ID({RESOURCE})", f":END_ID({RESOURCE})", ":TYPE", "graphs:string[]"], counted)
    out.relationship_files.append(path)
    out.relationships = counted.count


class _Counted:
    """An iterable that counts what it hands out."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items
        self.count = 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.count += 1
            yield item


class _GroupFiles:
    """CSV rows appended to one file per group, at most :data:`_OPEN_FILES` of them open at once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: dict[Any, Path] = {}
        self.open: OrderedDict[Any, tuple[IO[str], Any]] = OrderedDict()

    def write(self, group: Any, row: list[str]) -> bool:
        """Append ``row`` to ``group``'s file; whether a value of it spans lines."""
        entry = self.open.get(group)
        if entry is None:
            if len(self.open) >= _OPEN_FILES:
                self.open.popitem(last=False)[1][0].close()
            path = self.paths.setdefault(group, self.folder / f"group-{len(self.paths)}.csv")
            fh = path.open("a", encoding="utf-8", newline="")
            entry = self.open[group] = (fh, csv.writer(fh, lineterminator="\n"))
        else:
            self.open.move_to_end(group)
        entry[1].writerow(row)
        return _spans_lines(row)

    def close(self) -> None:
        for fh, _ in self.open.values():
            fh.close()
        self.open.clear()


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
            multiline = multiline or _spans_lines(row)
            writer.writerow(row)
    return multiline


def _spans_lines(row: list[str]) -> bool:
    """Whether a value of ``row`` spans lines (the importer then needs ``--multiline-fields``)."""
    return any("\n" in cell or "\r" in cell for cell in row)
