"""The main job: report files -> loaded reports -> extractions -> named graphs -> the store.

Each report's graph is made in full before the store is touched, then swapped in
atomically, so a bad or crashing report never leaves a partial graph and never changes
what was already stored. Bad files are collected, not raised, so a batch builds the good
ones and still tells the caller which failed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from rdflib import Graph

from kg.errors import ReportError
from kg.extract import extract_report
from kg.graph.build import ReportTriples, report_ntriples
from kg.loaders import load_report
from kg.store import GraphStore

__all__ = ["BuildResult", "ReportSummary", "build", "build_report", "report_files", "report_triples"]

REPORT_SUFFIXES = (".txt", ".html", ".htm")
_AHEAD = 4
"""Reports per worker process submitted ahead of the one the store is waiting for."""
_BATCH_TRIPLES = 200_000
"""Triples of new graphs bulk-loaded together; also how much the store buffers between flushes."""
_OPTIMIZE_TRIPLES = 1_000_000
"""A build that bulk-loads this many triples (about 300 reports) compacts the store after it.
Below it the compaction would cost more than it saves: adding a few reports to a large store
would rewrite all of it."""


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


def report_triples(path: str | Path) -> tuple[ReportTriples, ReportSummary]:
    """Load, extract and write one report's named graph as N-Triples, without touching a store."""
    try:
        report = load_report(path)
        extraction = extract_report(report)
        built = report_ntriples(report, extraction)
    except ReportError:
        raise
    except Exception as exc:  # a bug must not take the batch down or leave a partial graph
        raise ReportError(path, f"unexpected {type(exc).__name__} while building: {exc}") from exc
    summary = ReportSummary(
        source=report.source,
        graph=str(built.name),
        triples=built.triples,
        sentences=len(report.sentences),
        agencies=len(extraction.agencies),
        organizations=len(extraction.organizations),
        places=len(extraction.places),
        policies=len(extraction.policies),
        plans=len(extraction.plans),
        targets=len(extraction.targets),
    )
    return built, summary


def build_report(path: str | Path) -> tuple[Graph, ReportSummary]:
    """Load, extract and turn one report into its named graph (rdflib), without touching a store."""
    built, summary = report_triples(path)
    graph = Graph(identifier=built.name)
    graph.parse(data=built.ntriples, format="nt")
    return graph, summary


def _outcome(path: Path) -> tuple[ReportTriples, ReportSummary] | ReportError:
    """One report's graph and summary, or its error: what a worker process sends back."""
    try:
        return report_triples(path)
    except ReportError as error:
        return ReportError(error.path, error.reason)


def build(
    paths: Iterable[str | Path],
    store: GraphStore,
    *,
    workers: int = 1,
    on_report: Callable[[Path, ReportSummary | ReportError], None] | None = None,
    on_optimize: Callable[[], None] | None = None,
) -> BuildResult:
    """Build every report under ``paths`` into ``store``; a report built again replaces its graph.

    ``workers`` > 1 extracts in that many processes (the store is written from this one,
    and loads in a thread of its own meanwhile). ``on_report`` is called after each file,
    e.g. to advance a progress bar; ``on_optimize`` before a large build compacts the store.
    """
    files, errors = report_files(paths)
    result = BuildResult(failed=list(errors))
    store.ensure_ontology()
    with store.writer(batch_triples=_BATCH_TRIPLES) as writer:
        for path, outcome in zip(files, _outcomes(files, workers), strict=True):
            if isinstance(outcome, ReportError):
                result.failed.append(outcome)
            else:
                built, summary = outcome
                writer.write(built.name, built.ntriples, built.triples)
                result.built.append(summary)
            if on_report:
                on_report(path, outcome if isinstance(outcome, ReportError) else outcome[1])
    if writer.bulk_loaded >= _OPTIMIZE_TRIPLES:
        if on_optimize:
            on_optimize()
        store.optimize()
    return result


def _outcomes(files: list[Path], workers: int) -> Iterator[tuple[ReportTriples, ReportSummary] | ReportError]:
    """Build ``files`` in input order, in ``workers`` processes when more than one.

    Only a few reports per worker are in flight at a time, so memory stays flat however
    many files there are and however slowly the store takes them.
    """
    if workers <= 1 or len(files) <= 1:
        yield from map(_outcome, files)
        return
    todo = iter(files)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = deque(pool.submit(_outcome, path) for path in islice(todo, workers * _AHEAD))
        while pending:
            outcome = pending.popleft().result()
            for path in islice(todo, 1):
                pending.append(pool.submit(_outcome, path))
            yield outcome
