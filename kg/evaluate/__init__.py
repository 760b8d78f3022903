"""Scoring the stored graph against gold annotations (``kg eval``).

Gold files and reports are matched by file stem (``x.gold.json`` scores the stored report built
from ``x.txt`` or ``x.html``), over any number of gold folders; a gold file without a report and a
report without a gold file are listed, not dropped silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.evaluate.score import (
    DOCUMENT_FIELDS,
    GENRES,
    KINDS,
    Counts,
    FieldScore,
    ReportScore,
    Summary,
    genre_of,
    score_document,
    score_report,
    summarize,
)
from kg.query.readback import report_record
from kg.store import GraphStore

__all__ = [
    "DOCUMENT_FIELDS", "GENRES", "KINDS", "Counts", "Evaluation", "FieldScore", "ReportScore", "Summary", "evaluate",
    "genre_of", "gold_files", "score_document", "score_report", "stored_sources", "summarize", "unique_stems",
]

_GOLD_SUFFIX = ".gold.json"
_SOURCES = "SELECT DISTINCT ?source WHERE { GRAPH ?report { ?report a kg:Report ; kg:sourceFile ?source } }"


@dataclass
class Evaluation:
    """Per-report scores; totals over all of them and per genre; gold files without a report
    (``missing``) and scored-for reports without a gold file (``ungraded``)."""

    reports: list[ReportScore] = field(default_factory=list)
    totals: dict[str, Counts] = field(default_factory=dict)
    documents: dict[str, list[int]] = field(default_factory=dict)
    genres: dict[str, Summary] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    ungraded: list[str] = field(default_factory=list)


def _stem(name: str) -> str:
    return name[: -len(_GOLD_SUFFIX)] if name.endswith(_GOLD_SUFFIX) else Path(name).stem


def unique_stems(names: Iterable[str | Path], what: str = "report") -> dict[str, str | Path]:
    """``names`` keyed by file stem; two with one stem are an error naming both (they would score as one)."""
    out: dict[str, str | Path] = {}
    for name in names:
        stem = _stem(Path(name).name)
        if stem in out and not _same_file(out[stem], name):
            raise KgError(f"two {what} files with the stem {stem!r}: {out[stem]} and {name}")
        out[stem] = name
    return out


def _same_file(a: str | Path, b: str | Path) -> bool:
    """Two paths of one existing file (a folder given twice); a bare source name never is."""
    return Path(a).exists() and Path(b).exists() and Path(a).resolve() == Path(b).resolve()


def gold_files(gold_dirs: Iterable[str | Path]) -> dict[str, Path]:
    """The ``*.gold.json`` files of all ``gold_dirs`` keyed by stem (an empty folder is an error)."""
    files: list[Path] = []
    for folder in gold_dirs:
        found = sorted(Path(folder).glob(f"*{_GOLD_SUFFIX}"))
        if not found:
            raise KgError(f"{folder}: no *{_GOLD_SUFFIX} files")
        files += found
    return {stem: Path(path) for stem, path in unique_stems(files, "gold").items()}


def stored_sources(store: GraphStore) -> list[str]:
    """The source file names of the stored reports, sorted."""
    return sorted(str(row["source"]) for row in store.query(_SOURCES))


def _read_gold(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KgError(f"{path}: not a readable gold file ({exc})") from None


def evaluate(store: GraphStore, gold_dirs: str | Path | Iterable[str | Path]) -> Evaluation:
    """Score every stored report that has a gold file (same stem) in one of ``gold_dirs``."""
    folders = [gold_dirs] if isinstance(gold_dirs, str | Path) else list(gold_dirs)
    golds = gold_files(folders)
    reports = unique_stems(stored_sources(store))
    result = Evaluation()
    for stem, path in sorted(golds.items()):
        gold = _read_gold(path)
        record = report_record(store, str(reports[stem])) if stem in reports else None
        if record is None:
            result.missing.append(path.name)
            continue
        result.reports.append(score_report(record, gold))
    result.ungraded = sorted(str(name) for stem, name in reports.items() if stem not in golds)
    overall = summarize(result.reports)
    result.totals, result.documents = overall.kinds, overall.documents
    result.genres = {genre: summarize(s for s in result.reports if s.genre == genre) for genre in GENRES}
    return result
