"""The main job: report files -> loaded reports -> extractions -> named graphs -> the store.

Each report's graph is made in full before the store is touched, then swapped in
atomically, so a bad or crashing report never leaves a partial graph and never changes
what was already stored. Bad files are collected, not raised, so a batch builds the good
ones and still tells the caller which failed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from kg.errors import ReportError
from kg.extract import extract_report
from kg.graph import report_graph
from kg.loaders import load_report
from kg.store import GraphStore

__all__ = ["BuildResult", "ReportSummary", "build", "build_report", "report_files"]

REPORT_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class ReportSummary:
    """What one report added to the store."""

    source: str
    graph: str
    triples: int
    sentences: int
    agencies: int
    organizations: int
    places: int
    policies: int
    plans: int
    targets: int


@dataclass
class BuildResult:
    """Reports built and files that failed, in input order."""

    built: list[ReportSummary] = field(default_factory=list)
    failed: list[ReportError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def report_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[ReportError]]:
    """Expand files and folders into report files (sorted within a folder) and path errors."""
    files: list[Path] = []
    errors: list[ReportError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
            if not found:
                errors.append(ReportError(path, "folder holds no .txt or .html report files"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(ReportError(path, "no such file or folder"))
    return files, errors


def build_report(path: str | Path) -> tuple[Graph, ReportSummary]:
    """Load, extract and turn one report into its named graph, without touching a store."""
    try:
        report = load_report(path)
        extraction = extract_report(report)
        graph = report_graph(report, extraction)
    except ReportError:
        raise
    except Exception as exc:  # a bug must not take the batch down or leave a partial graph
        raise ReportError(path, f"unexpected {type(exc).__name__} while building: {exc}") from exc
    summary = ReportSummary(
        source=report.source,
        graph=str(graph.identifier),
        triples=len(graph),
        sentences=len(report.sentences),
        agencies=len(extraction.agencies),
        organizations=len(extraction.organizations),
        places=len(extraction.places),
        policies=len(extraction.policies),
        plans=len(extraction.plans),
        targets=len(extraction.targets),
    )
    return graph, summary


def _build_serialised(path: Path) -> tuple[str, str, ReportSummary] | ReportError:
    """Build one report into (graph name, N-Triples, summary): cheap to pass between processes."""
    try:
        graph, summary = build_report(path)
    except ReportError as error:
        return ReportError(error.path, error.reason)
    return str(graph.identifier), graph.serialize(format="nt", encoding="utf-8").decode("utf-8"), summary


def build(
    paths: Iterable[str | Path],
    store: GraphStore,
    *,
    workers: int = 1,
    on_report: Callable[[Path, ReportSummary | ReportError], None] | None = None,
) -> BuildResult:
    """Build every report under ``paths`` into ``store``; a report built again replaces its graph.

    ``workers`` > 1 extracts in that many processes (the store is written from this one).
    ``on_report`` is called after each file, e.g. to advance a progress bar.
    """
    files, errors = report_files(paths)
    result = BuildResult(failed=list(errors))
    store.ensure_ontology()
    if workers > 1 and len(files) > 1:
        pool = ProcessPoolExecutor(max_workers=workers)
        outcomes = pool.map(_build_serialised, files, chunksize=4)
    else:
        pool = None
        outcomes = map(_build_serialised, files)
    try:
        for path, outcome in zip(files, outcomes, strict=True):
            if isinstance(outcome, ReportError):
                result.failed.append(outcome)
            else:
                name, ntriples, summary = outcome
                store.replace_ntriples(URIRef(name), ntriples)
                result.built.append(summary)
            if on_report:
                on_report(path, outcome if isinstance(outcome, ReportError) else outcome[2])
    finally:
        if pool is not None:
            pool.shutdown()
    return result
