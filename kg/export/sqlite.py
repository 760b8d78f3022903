"""The flat tables (:mod:`kg.export.flat`) as one SQLite database, for datasette and SQL users.

``reports`` is keyed by the report's name; every other table has ``report`` as a foreign key
to it, and ``targets.sentence_id`` points at the row of ``sentences`` the target was read
from, so a browser of the database follows a target to its sentence and report. Columns that
are filtered and faceted on (jurisdiction, year, indicator, role, …) are indexed, and
``sentences_fts`` is an FTS5 index over the sentences with the ``trigram`` tokenizer, which
finds Chinese words (three characters or more) anywhere in a sentence. The file is written
under a temporary name and renamed into place: an export that fails leaves no database.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.export.flat import TABLES, table_rows
from kg.store import GraphStore

__all__ = ["FACETS", "LABELS", "datasette_metadata", "write_sqlite"]

_SQL_TYPES = {"integer": "INTEGER", "real": "NUMERIC", "date": "TEXT", "text": "TEXT"}
_INDEXED = {"jurisdiction", "year", "indicator", "role", "agency", "place", "type", "status", "unit", "report"}

FACETS = {
    "reports": ["jurisdiction", "year", "kind"],
    "targets": ["jurisdiction", "year", "indicator", "role"],
    "agencies": ["jurisdiction", "year"],
    "places": ["jurisdiction", "year", "type"],
    "policies": ["jurisdiction", "year", "status"],
    "plans": ["jurisdiction", "year"],
    "sentences": ["jurisdiction", "year", "part"],
}
"""Table -> the columns datasette offers as facets."""

LABELS = {"reports": "report", "sentences": "text"}
"""Table -> the column shown for a row that another table's foreign key links to."""

_ORDER = ("reports", "sentences", "targets", "agencies", "places", "policies", "plans")


def _schema(name: str) -> list[str]:
    """``CREATE`` statements of one table and its indexes."""
    table = TABLES[name]
    columns = []
    if name == "reports":
        columns.append("report TEXT PRIMARY KEY")
    else:
        columns.append("id INTEGER PRIMARY KEY")
        columns.append("report TEXT NOT NULL REFERENCES reports(report) ON DELETE CASCADE")
    columns += [f"{c} {_SQL_TYPES[table.types.get(c, 'text')]}" for c in table.columns if c != "report"]
    if name == "targets":
        columns.append("sentence_id INTEGER REFERENCES sentences(id)")
    columns.append("iri TEXT NOT NULL")
    columns.append("UNIQUE (iri)" if name == "reports" else "UNIQUE (report, iri)")
    statements = [f"CREATE TABLE {name} ({', '.join(columns)})"]
    indexed = [c for c in table.columns if c in _INDEXED and not (name == "reports" and c == "report")]
    if name == "targets":
        indexed.append("sentence_id")
    statements += [f"CREATE INDEX {name}_{c} ON {name}({c})" for c in indexed]
    return statements


def write_sqlite(store: GraphStore, path: str | Path, *, graphs: Sequence[str] | None = None) -> dict[str, int]:
    """Write the tables (and ``sentences`` with its full-text index) to the SQLite file ``path``,
    replacing it; rows of the report graphs ``graphs`` only, when given. Returns rows per table."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    partial.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    try:
        db = sqlite3.connect(partial)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            for name in _ORDER:
                for statement in _schema(name):
                    db.execute(statement)
            sentence_ids: dict[str, int] = {}
            for name in _ORDER:
                counts[name] = _fill(db, name, store, graphs, sentence_ids)
            db.execute("CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', "
                       "tokenize='trigram')")
            db.execute("INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences")
            db.commit()
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise KgError(f"{path}: {len(problems)} rows point at missing rows (first: {problems[0]})")
        finally:
            db.close()
        os.replace(partial, path)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise KgError(f"{path}: cannot write the database ({exc})") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return counts


def _fill(db: sqlite3.Connection, name: str, store: GraphStore, graphs: Sequence[str] | None,
          sentence_ids: dict[str, int]) -> int:
    """Insert the rows of one table; ``sentence_ids`` maps sentence IRIs to their row ids (filled
    by ``sentences``, read by ``targets``)."""
    table = TABLES[name]
    columns = [c for c in table.columns if c != "report"]
    names = ["report", *columns, *(["sentence_id"] if name == "targets" else []), "iri"]
    insert = f"INSERT INTO {name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    count = 0
    batch: list[list[Any]] = []
    for row in table_rows(store, name, graphs=graphs, hidden=True):
        values = dict(zip(table.variables, row, strict=True))
        cells = [values["report"], *(_sql(values[c]) for c in columns)]
        if name == "targets":
            cells.append(sentence_ids.get(values["sentence_iri"]))
        cells.append(values["iri"])
        if name == "sentences":
            sentence_ids[values["iri"]] = count + 1
            cells = [count + 1, *cells]
        batch.append(cells)
        count += 1
        if len(batch) >= 5000:
            _insert(db, name, insert, batch)
            batch = []
    _insert(db, name, insert, batch)
    return count


def _insert(db: sqlite3.Connection, name: str, insert: str, rows: list[list[Any]]) -> None:
    if not rows:
        return
    if name == "sentences":
        insert = insert.replace("(report,", "(id, report,", 1).replace("VALUES (", "VALUES (?, ", 1)
    db.executemany(insert, rows)


def _sql(value: Any) -> Any:
    """A cell as SQLite stores it (dates as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def datasette_metadata(path: str | Path) -> dict[str, Any]:
    """datasette metadata for a database written by :func:`write_sqlite`: facets by jurisdiction,
    year, indicator and role, each target labelled by and linked to its sentence, full-text
    search on the sentences."""
    tables: dict[str, Any] = {name: {"facets": FACETS[name]} for name in _ORDER}
    for name, column in LABELS.items():
        tables[name]["label_column"] = column
    tables["sentences"].update({"fts_table": "sentences_fts", "fts_pk": "id"})
    tables["targets"]["description"] = ("One row per quantified target: its report, jurisdiction and year, the value "
                                        "and unit, and sentence_id linking to the sentence it was read from.")
    return {"title": "kg: the report graph as tables", "databases": {Path(path).stem: {"tables": tables}}}
